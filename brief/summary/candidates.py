"""Summary candidates: the article's prose sentences, trimmed of wire prefixes and page furniture.

Every algorithm picks whole sentences from these: the article's sentences (split by
brief.text, so never inside a quotation) minus non-sentences (headings, credits, bylines,
datelines, short fragments; the page-debris rules are brief.text's, which extraction applies
too), with leading wire prefixes such as "(CNN) --" trimmed.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from brief.models import Article
from brief.text import (
    count_words,
    is_debris_line,
    is_debris_sentence,
    is_trailer_line,
    sentence_spans,
    strip_debris_prefix,
    words,
)

MIN_WORDS = 5

_TERMINAL = re.compile(r"[.!?…。！？][\"'”’»)\]]*$")
_TRUNCATED = re.compile(r"(?:…|\.\.\.)$")  # a teaser cut short, not a sentence
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
    # count_words: in scripts written without spaces (Chinese, Thai…) a character is a word.
    if count_words(sentence) < MIN_WORDS:
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
        if is_debris_line(paragraph) and not _TERMINAL.search(paragraph):
            # A caption ending in its credit, a link to another story: in text that did not
            # go through extraction. (A label glued to prose is the sentence rules' business.)
            continue
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


# A sentence that leans on the one before it: a pronoun or a "the move"-style reference for
# its subject, or a connective that answers it. A summary never opens on one of these unless
# the sentence it leans on comes first.
_LEANS_ON_PREVIOUS = re.compile(
    r"""^(?:
        (?:he|she|they|it|his|her|their|its|him|them|such)\b(?!['’]s\b)
      | (?:this|these|those|that)\b(?!\ (?:week|weekend|year|month|morning|afternoon|evening
          |night|spring|summer|autumn|fall|winter|season|time)s?\b)
      | (?:but|and|however|yet|still|also|instead|meanwhile|moreover|furthermore|nevertheless
          |nonetheless|otherwise|likewise|similarly|besides|thus|hence|therefore|so)\b
      | the\ (?:move|decision|step|announcement|comments?|remarks?|statement|proposals?|plans?
          |deal|agreement|report|figures|news|incident|attack|change|measures?|latter|former
          |same|two|pair|couple|company|firm|group|man|woman|official|minister|spokesman
          |spokeswoman|spokesperson)\b
    )""",
    re.IGNORECASE | re.VERBOSE,
)


def leans_on_previous(sentence: str) -> bool:
    """Whether a sentence opens on a reference to an earlier one ("He added…", "The move…")."""
    return bool(_LEANS_ON_PREVIOUS.match(sentence))


def anchored(ranked: Sequence[int], count: int, leans: Sequence[bool]) -> list[int]:
    """The first ``count`` of ``ranked``, ascending, such that the summary does not open on a
    sentence that leans on one it leaves out (``leans[i]``: candidate ``i`` leans on the one
    before it).

    ``ranked`` holds candidate indices in order of preference, the one given up first last:
    brief's ranking lists them best first; a sumy pick has no order of merit and comes in
    article order, so its latest sentence is the one given up. A leaning opener brings in
    the candidate before it (its antecedent) in place of the last of ``ranked`` that is not
    the opener; with a one-sentence summary the antecedent replaces it. Repeated until the
    opener stands on its own or is the article's first candidate.
    """
    picks = list(ranked[:count])
    while picks:
        first = min(picks)
        if first == 0 or not leans[first] or first - 1 in picks:
            break
        if len(picks) > 1:
            drop = next(p for p in reversed(picks) if p != first)
            picks.remove(drop)
        else:
            picks.remove(first)
        picks.append(first - 1)
    return sorted(picks)
