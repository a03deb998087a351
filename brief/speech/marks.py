"""Typewriter double quote marks (``''…''``, ``` ``…'' ```) read as curly ones, offsets kept.

Some archives and wire texts (the New York Times' among them) write a double quotation mark
as two apostrophes, or open it with two backticks as TeX does. The span finder reads one
character per mark, so each such pair becomes a curly mark plus a space, which keeps every
offset into the text: an opening pair becomes " “" (the space first, so the mark touches the
words it opens) and a closing pair "” " (the space after). Only pairs that pair up are
rewritten: an opening pair followed, later in the paragraph, by a closing one. A lone pair
("5'11''") stays as written.
"""

from __future__ import annotations

from dataclasses import replace

from brief.models import Article

_PAIRS = ("''", "``")
# Characters after which a pair opens rather than closes a quotation.
_OPEN_AFTER = frozenset(" \t\n([{—–-/:")


def _pair_at(text: str, i: int) -> bool:
    return text.startswith(_PAIRS, i) and (i + 2 >= len(text) or text[i + 2] != "'")


def _opening(text: str, i: int) -> bool:
    before = text[i - 1] if i else " "
    after = text[i + 2] if i + 2 < len(text) else " "
    return (before in _OPEN_AFTER or text.startswith("``", i)) and not after.isspace()


def _closing(text: str, i: int) -> bool:
    before = text[i - 1] if i else " "
    after = text[i + 2] if i + 2 < len(text) else " "
    return text.startswith("''", i) and not before.isspace() and not after.isalnum()


def curly_marks(paragraph: str) -> str:
    """The paragraph with each paired ``''``/````` mark as a curly mark plus a space."""
    if "''" not in paragraph:
        return paragraph
    out = list(paragraph)
    opened = -1
    i = 0
    while i < len(paragraph) - 1:
        if not _pair_at(paragraph, i):
            i += 1
            continue
        if opened < 0 and _opening(paragraph, i):
            opened = i
        elif opened >= 0 and _closing(paragraph, i):
            out[opened : opened + 2] = [" ", "“"]
            out[i : i + 2] = ["”", " "]
            opened = -1
        i += 2
    if opened >= 0 and opened == len(paragraph) - len(paragraph.lstrip()):
        out[opened : opened + 2] = [" ", "“"]  # opens the paragraph, runs on into the next
    return "".join(out)


def with_curly_marks(article: Article) -> Article:
    """The article with typewriter double marks read as curly ones (itself when it has none)."""
    paragraphs = tuple(curly_marks(p) for p in article.paragraphs)
    if paragraphs == article.paragraphs:
        return article
    return replace(article, paragraphs=paragraphs)
