"""The same quotation carried by several outlets: near-identical quotes are one, with sources.

Two quotations are the same when their words (casefolded, punctuation and accents ignored)
are equal, when the shorter is a run of at least four words inside the longer (a trimmed or
shortened quote: "We will not back down" in "we will not back down on this"), or when nine
words in ten line up (re-punctuated, one word changed). Sources are listed earliest first.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from difflib import SequenceMatcher
from typing import Generic, TypeVar

T = TypeVar("T")

_WORD = re.compile(r"[^\W_]+")
_MIN_RUN = 4
_SIMILAR = 0.9


def words(text: str) -> tuple[str, ...]:
    """The words of a quotation as compared: casefolded, without accents or punctuation."""
    folded = unicodedata.normalize("NFKD", text.casefold())
    return tuple(_WORD.findall("".join(c for c in folded if not unicodedata.combining(c))))


def _contains(long: tuple[str, ...], short: tuple[str, ...]) -> bool:
    n = len(short)
    return any(long[i : i + n] == short for i in range(len(long) - n + 1))


def same_quotation(a: Sequence[str], b: Sequence[str]) -> bool:
    """Whether two quotations' words (see ``words``) are one quotation."""
    ta, tb = tuple(a), tuple(b)
    if not ta or not tb:
        return False
    if ta == tb:
        return True
    short, long = (ta, tb) if len(ta) <= len(tb) else (tb, ta)
    if len(short) >= _MIN_RUN and _contains(long, short):
        return True
    if len(short) < _MIN_RUN or len(short) < _SIMILAR * len(long):
        return False
    return SequenceMatcher(None, ta, tb, autojunk=False).ratio() >= _SIMILAR


@dataclass(frozen=True, slots=True)
class Carried(Generic[T]):
    """One quotation and every item (article quote) carrying it, earliest first."""

    items: tuple[T, ...]
    outlets: tuple[str, ...]  # distinct, in the order of their earliest item

    @property
    def first(self) -> T:
        """The earliest item: the one shown."""
        return self.items[0]


def carried(
    items: Sequence[T],
    text: Callable[[T], str],
    when: Callable[[T], datetime | None],
    outlet: Callable[[T], str],
) -> list[Carried[T]]:
    """Group ``items`` into quotations (in the order each quotation first appears in
    ``items``), each group's items earliest first (undated last)."""
    groups: list[list[T]] = []
    keys: list[list[tuple[str, ...]]] = []
    for item in items:
        key = words(text(item))
        for group, seen in zip(groups, keys, strict=True):
            if any(same_quotation(key, other) for other in seen):
                group.append(item)
                seen.append(key)
                break
        else:
            groups.append([item])
            keys.append([key])
    out = []
    for group in groups:
        dated = sorted(group, key=lambda x: (when(x) is None, when(x) or datetime.min))
        outlets = tuple(dict.fromkeys(outlet(x) for x in dated))
        out.append(Carried(tuple(dated), outlets))
    return out
