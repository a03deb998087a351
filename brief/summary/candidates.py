"""Summary candidates: the article's prose sentences, trimmed of wire prefixes and page furniture.

Every algorithm picks whole sentences from these: the article's sentences (split by
brief.text, so never inside a quotation) minus non-sentences (headings, credits, bylines,
datelines, short fragments; the page-debris rules are brief.text's, which extraction applies
too), with leading wire prefixes such as "(CNN) --" trimmed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from brief.models import Article
from brief.text import (
    is_debris_sentence,
    is_trailer_line,
    sentence_spans,
    strip_debris_prefix,
    words,
)

MIN_WORDS = 5

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
