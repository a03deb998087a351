"""Extractive summaries: brief's default ranking, LEAD, and sumy's algorithms.

Every algorithm picks whole sentences from the same candidates (brief.summary.candidates);
summaries keep the article's order.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence

from brief.choices import ALGORITHMS
from brief.models import Article
from brief.summary.candidates import Candidate, candidates
from brief.summary.stemming import stemmer, stop_words
from brief.summary.sumy_algorithms import sumy_pick

__all__ = ["candidates", "summarize", "sumy_pick"]

# LexRank and TextRank compare every pair of sentences, LSA factors a words x sentences
# matrix: past this many candidates they only see the lead plus the best by a cheap score.
MAX_CANDIDATES = 120
LEAD_KEPT = 40

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


def _terms(cands: Sequence[Candidate], language: str) -> list[list[str]]:
    """Stemmed content words of each candidate."""
    stem = stemmer(language)
    stop = stop_words(language)
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
    stop = stop_words(language)
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
