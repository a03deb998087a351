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

from brief.net.urls import url_host

T = TypeVar("T")

_WORD = re.compile(r"[^\W_]+")
_MIN_RUN = 4
_SIMILAR = 0.9


def outlet_name(feed: str | None, site: str | None, url: str | None, fallback: str) -> str:
    """Who published an article, as every view names it: its feed's name, else its site's,
    else its host (without "www."), else ``fallback`` (its title or number)."""
    for name in (feed, site, url_host(url, strip_www=True)):
        if name and name.strip():
            return " ".join(name.split())
    return fallback


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
    matcher = SequenceMatcher(None, ta, tb, autojunk=False)
    # quick_ratio bounds ratio from above and costs a fraction of it: most pairs stop there.
    return matcher.quick_ratio() >= _SIMILAR and matcher.ratio() >= _SIMILAR


def _triples(key: tuple[str, ...]) -> set[tuple[str, ...]]:
    """The word triples of a key (the key itself under three words; nothing when empty).

    Two quotations that are one share a triple: equal keys do, a run of four words or more
    inside the other does, and nine words in ten lining up (at least four words each, so four
    matched) cannot be made of matched runs of two words or fewer, each of which needs an
    unmatched word beside it: u >= M/2 - 1 unmatched words against at most 2M/9 allowed.
    """
    if len(key) < 3:
        return {key} if key else set()
    return {key[i : i + 3] for i in range(len(key) - 2)}


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
    keys: list[set[tuple[str, ...]]] = []
    # Candidate groups by shared word triple (or, for a key under three words, the same key):
    # two quotations that are one always share one (see _triples), so the others are never
    # compared, and a quotation carried by many articles is compared once per distinct wording.
    index: dict[tuple[str, ...], set[int]] = {}
    for item in items:
        key = words(text(item))
        probes = _triples(key)
        candidates = sorted({g for probe in probes for g in index.get(probe, ())})
        found = next(
            (
                g
                for g in candidates
                if key in keys[g] or any(same_quotation(key, o) for o in keys[g])
            ),
            None,
        )
        if found is None:
            found = len(groups)
            groups.append([])
            keys.append(set())
        groups[found].append(item)
        keys[found].add(key)
        for probe in probes:
            index.setdefault(probe, set()).add(found)
    out = []
    for group in groups:
        dated = sorted(group, key=lambda x: (when(x) is None, when(x) or datetime.min))
        outlets = tuple(dict.fromkeys(outlet(x) for x in dated))
        out.append(Carried(tuple(dated), outlets))
    return out
