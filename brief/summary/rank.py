"""Extractive summaries: brief's lead-aware default, and sumy's LexRank, TextRank, LSA and Luhn.

The only module that imports sumy. Every algorithm picks whole sentences from the same
candidates: the article's sentences (split by brief.text, so never inside a quotation) minus
non-sentences (headings, credits, bylines, datelines, short fragments; the page-debris rules
are brief.text's, which extraction applies too), with leading wire prefixes such as
"(CNN) --" trimmed. Summaries keep the article's order.
"""

from __future__ import annotations

import math
import re
import warnings
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from brief.choices import ALGORITHMS
from brief.models import Article
from brief.text import (
    is_debris_sentence,
    is_trailer_line,
    sentence_spans,
    strip_debris_prefix,
    words,
)

# LexRank and TextRank compare every pair of sentences, LSA factors a words x sentences
# matrix: past this many candidates they only see the lead plus the best by a cheap score.
MAX_CANDIDATES = 120
LEAD_KEPT = 40

MIN_WORDS = 5

# The default, lead-aware ranking: score = position prior x centrality^CENTRALITY
# x length factor x (1 + NAMES x density of names and figures), then a greedy pick that skips
# sentences too similar to one already chosen. The weights were tuned on the even rows of the
# CNN/DailyMail references only; bench/summary_rouge.py reports the odd rows as held out.
POSITION_DECAY = 1.0  # prior = 1 / (rank among candidates + 1) ** POSITION_DECAY
CENTRALITY = 0.25
IDEAL_WORDS = 20  # longer sentences are scaled by IDEAL_WORDS / words
NAMES = 3.0
REDUNDANCY = 0.3  # tf-idf cosine above which a sentence repeats one already chosen
WINDOW = 30  # candidates the default ranks (at least 4 per summary sentence)

_TERMINAL = re.compile(r"[.!?…。！？][\"'”’»)\]]*$")
_TRUNCATED = re.compile(r"(?:…|\.\.\.)$")  # a teaser cut short, not a sentence
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]")
# A wire or dateline prefix: "(CNN) -- ", "WASHINGTON (Reuters) - ", "(CNN)They".
_WIRE_PREFIX = re.compile(
    r"^(?:[A-Z][A-Za-z.'-]*(?:[ ,]+[A-Z][A-Za-z.'-]*){0,4}\s*)?"
    r"\((?:CNN|Reuters|AP|AFP|UPI|dpa|Xinhua|PA|Bloomberg|EW\.com|CNN Student News)\)"
    r"\s*(?:--|—|–|-)?\s*"
)


@dataclass(frozen=True, slots=True)
class Candidate:
    """A sentence that may go into a summary."""

    order: int  # position among all the article's sentences
    text: str
    words: tuple[str, ...]  # lowercased


def is_prose(sentence: str) -> bool:
    """Whether a sentence reads as prose: terminal punctuation, enough words, no furniture."""
    if not _TERMINAL.search(sentence) or _TRUNCATED.search(sentence):
        return False
    # Chinese and Japanese write words without spaces: count two characters as a word.
    if len(words(sentence)) + len(_CJK.findall(sentence)) // 2 < MIN_WORDS:
        return False
    return not _is_furniture(sentence)


def _is_furniture(sentence: str) -> bool:
    """Credits, bylines, share buttons, timestamps, all-caps or Title Case headings."""
    if is_debris_sentence(sentence):
        return True
    if not any(c.isupper() or c.islower() for c in sentence):
        return False  # a caseless script: nothing more to judge by
    # Prose has lowercase words; all-caps lines, Title Case headings and timestamps do not.
    return sum(1 for w in words(sentence) if w[0].islower()) < 2


def _trim(sentence: str) -> str:
    """The sentence without a leading wire/dateline prefix or page furniture."""
    return strip_debris_prefix(_WIRE_PREFIX.sub("", sentence, count=1)).strip()


def candidates(article: Article) -> list[Candidate]:
    """The article's prose sentences, in order, trimmed of wire prefixes.

    An article with no prose sentence at all (a list of headlines, say) falls back to every
    sentence that is not page furniture.
    """
    sentences: list[tuple[int, str]] = []
    for paragraph in article.paragraphs:
        if sentences and is_trailer_line(paragraph):
            break  # what follows are teasers of other stories
        for start, end in sentence_spans(paragraph):
            sentences.append((len(sentences), _trim(paragraph[start:end])))
    chosen = [(i, s) for i, s in sentences if is_prose(s)]
    if not chosen:
        chosen = [(i, s) for i, s in sentences if s and not is_debris_sentence(s)]
    seen: set[str] = set()
    out = []
    for i, s in chosen:
        if s not in seen:  # a repeated sentence (a caption shown twice) counts once
            seen.add(s)
            out.append(Candidate(i, s, tuple(w.lower() for w in words(s))))
    return out


def _stemmer(language: str) -> Callable[[str], str]:
    """sumy's stemmer for the language, or plain lowercasing when sumy has none."""
    from sumy.nlp.stemmers import Stemmer, null_stemmer

    try:
        stemmer = Stemmer(language)
        stemmer("probe")  # Greek and Polish fail only on use, when their extra is missing
    except (LookupError, ValueError):
        return null_stemmer  # type: ignore[no-any-return]
    return stemmer  # type: ignore[no-any-return]


def _stop_words(language: str) -> frozenset[str]:
    """sumy's stop words for the language (shipped with sumy), or none."""
    from sumy.utils import get_stop_words

    try:
        return frozenset(get_stop_words(language))
    except LookupError:
        return frozenset()


def _sumy_summarizer(algorithm: str, language: str) -> Any:
    """A configured sumy summarizer: the language's stemmer and stop words."""
    # sumy (with nltk and numpy) loads only when a sumy algorithm runs.
    from sumy.summarizers.lex_rank import LexRankSummarizer
    from sumy.summarizers.lsa import LsaSummarizer
    from sumy.summarizers.luhn import LuhnSummarizer
    from sumy.summarizers.text_rank import TextRankSummarizer

    classes = {
        "lexrank": LexRankSummarizer,
        "textrank": TextRankSummarizer,
        "lsa": LsaSummarizer,
        "luhn": LuhnSummarizer,
    }
    summarizer = classes[algorithm](_stemmer(language))
    summarizer.stop_words = _stop_words(language)
    return summarizer


def sumy_pick(texts: Sequence[str], count: int, algorithm: str, language: str) -> list[int]:
    """Indices (ascending) of the ``count`` sentences a sumy algorithm picks from ``texts``."""
    from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence

    from brief.text import SumyTokenizer

    tokenizer = SumyTokenizer(language)
    sentences = [Sentence(t, tokenizer) for t in texts]
    document = ObjectDocumentModel([Paragraph(sentences)])
    summarizer = _sumy_summarizer(algorithm, language)
    with warnings.catch_warnings():
        # LSA warns when a short text has fewer distinct words than sentences, and LexRank's
        # power method divides by zero when no two sentences share a weighted word (idf is 0
        # for every word of a two-sentence text): the ranking is then flat, the pick still valid.
        warnings.simplefilter("ignore", UserWarning)
        warnings.simplefilter("ignore", RuntimeWarning)
        chosen = summarizer(document, count)
    first: dict[str, int] = {}
    for i, t in enumerate(texts):
        first.setdefault(t.strip(), i)
    return sorted(first[str(s)] for s in chosen)


def _terms(cands: Sequence[Candidate], language: str) -> list[list[str]]:
    """Stemmed content words of each candidate."""
    stem = _stemmer(language)
    stop = _stop_words(language)
    stems: dict[str, str] = {}  # stemming is the slow part: each distinct word once
    out = []
    for c in cands:
        out.append([stems.get(w) or stems.setdefault(w, stem(w)) for w in c.words if w not in stop])
    return out


def _tfidf(terms: Sequence[Sequence[str]]) -> list[dict[str, float]]:
    """Unit-length tf-idf vectors, one per sentence, idf taken over these sentences."""
    df = Counter(t for ts in terms for t in set(ts))
    n = len(terms)
    idf = {t: math.log((n + 1) / (d + 0.5)) for t, d in df.items()}
    vectors = []
    for ts in terms:
        weights = {t: f * idf[t] for t, f in Counter(ts).items()}
        norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
        vectors.append({t: w / norm for t, w in weights.items()})
    return vectors


def _cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(w * b.get(t, 0.0) for t, w in a.items())


def _names_density(text: str) -> float:
    """Share of the words after the first that are capitalized or figures: who, where, how much."""
    tokens = text.split()[1:]
    named = sum(1 for t in tokens if t[0].isupper() or t[0].isdigit() or t[0] in "£$€¥")
    return named / len(tokens) if tokens else 0.0


def lead_aware(cands: Sequence[Candidate], count: int, language: str) -> list[int]:
    """brief's default: indices of ``count`` candidates, ranked lead-first (see POSITION_DECAY)."""
    window = max(WINDOW, 4 * count)
    pool = cands[: 2 * window]  # centrality is measured against the article's first part
    vectors = _tfidf(_terms(pool, language))
    scores = []
    for k in range(min(window, len(pool))):
        others = [_cosine(vectors[k], v) for j, v in enumerate(vectors) if j != k]
        centrality = sum(others) / len(others) if others else 1.0
        length = min(1.0, IDEAL_WORDS / max(1, len(pool[k].words)))
        scores.append(
            max(centrality, 1e-9) ** CENTRALITY
            * length
            * (1 + NAMES * _names_density(pool[k].text))
            / (k + 1) ** POSITION_DECAY
        )
    ranked = sorted(range(len(scores)), key=lambda k: -scores[k])
    chosen: list[int] = []
    for k in ranked:
        if all(_cosine(vectors[k], vectors[j]) <= REDUNDANCY for j in chosen):
            chosen.append(k)
            if len(chosen) == count:
                return sorted(chosen)
    # Too few distinct sentences: the user asked for ``count``, so repeats fill the gap.
    chosen += [k for k in ranked if k not in chosen][: count - len(chosen)]
    return sorted(chosen)


def _bounded(cands: list[Candidate], language: str) -> list[Candidate]:
    """At most MAX_CANDIDATES: the lead, then the sentences richest in the article's words."""
    if len(cands) <= MAX_CANDIDATES:
        return cands
    stop = _stop_words(language)
    frequency = Counter(w for c in cands for w in c.words if w not in stop)

    def richness(c: Candidate) -> float:
        content = [frequency[w] for w in c.words if w not in stop]
        return sum(content) / len(content) if content else 0.0

    rest = sorted(cands[LEAD_KEPT:], key=richness, reverse=True)[: MAX_CANDIDATES - LEAD_KEPT]
    return cands[:LEAD_KEPT] + sorted(rest, key=lambda c: c.order)


def summarize(
    article: Article, sentences: int = 5, algorithm: str = "default", language: str = "english"
) -> tuple[str, ...]:
    """The ``sentences`` best sentences of the article, in article order.

    ``algorithm`` is one of ALGORITHMS; ``language`` a sumy language name ("english",
    "german"…). A language sumy has no stemmer or stop words for still works, unstemmed.
    """
    if algorithm not in ALGORITHMS:
        raise ValueError(f"unknown summary algorithm {algorithm!r}; one of {', '.join(ALGORITHMS)}")
    if sentences < 1:
        raise ValueError(f"a summary needs at least one sentence, not {sentences}")
    cands = candidates(article)
    if len(cands) <= sentences:
        return tuple(c.text for c in cands)
    if algorithm == "lead":
        return tuple(c.text for c in cands[:sentences])
    if algorithm == "default":
        return tuple(cands[i].text for i in lead_aware(cands, sentences, language))
    pool = _bounded(cands, language)
    picks = sumy_pick([c.text for c in pool], sentences, algorithm, language)
    return tuple(pool[i].text for i in picks)
