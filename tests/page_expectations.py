"""Hand-checked expectations for the real pages in tests/fixtures/pages, and how to score them.

Each ``<name>.html.gz`` page has a ``<name>.json`` beside it (format in that folder's README).
tests/test_pages.py asserts on these scores and bench/pages_attribution.py prints them, so both read
the expectations, and match predicted quotes to expected ones, through this one module.
"""

from __future__ import annotations

import gzip
import json
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

PAGES = Path(__file__).parent / "fixtures" / "pages"

# A quotation is only expected (and only counted as found) from this many words on: shorter
# quoted words are mostly scare quotes ("historic", "bad deal") that nobody annotates.
MIN_QUOTE_WORDS = 4

_QUOTE_MARKS = re.compile(r"[\"“”„‟«»‹›\[\]]")
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "‛": "'", "`": "'", "´": "'"})
_EDGE_PUNCT = " \t\n.,;:…-–—'"
_ROLE_STOPWORDS = frozenset({"a", "an", "the", "of", "at", "for", "in", "and", "to", "on", "with"})


def normalize_text(text: str) -> str:
    """Casefold, unify apostrophes, drop quote marks and brackets, collapse whitespace."""
    text = unicodedata.normalize("NFKC", text).translate(_APOSTROPHES)
    text = _QUOTE_MARKS.sub("", text)
    return re.sub(r"\s+", " ", text).strip(_EDGE_PUNCT).casefold()


def normalize_name(name: str) -> str:
    """A name for comparison: no case, dots, leading "the" or middle initials (Robert M. Danin)."""
    text = unicodedata.normalize("NFKC", name).translate(_APOSTROPHES).replace(".", "")
    words = text.casefold().split()
    if words and words[0] == "the":
        words = words[1:]
    if len(words) > 2:
        words = [words[0], *(w for w in words[1:-1] if len(w) > 1), words[-1]]
    return " ".join(words)


def role_words(role: str) -> frozenset[str]:
    """The content words of a role, without possessive 's and small function words."""
    text = unicodedata.normalize("NFKC", role).translate(_APOSTROPHES).casefold()
    text = re.sub(r"'s\b", "", text)
    return frozenset(w for w in re.findall(r"[\w-]+", text) if w not in _ROLE_STOPWORDS)


def role_matches(expected: str, predicted: str | None) -> bool:
    """True when one role's content words include the other's ("manager" vs "Tottenham manager")."""
    if not predicted:
        return False
    want, got = role_words(expected), role_words(predicted)
    return bool(got) and (want <= got or got <= want)


def word_count(text: str) -> int:
    """Words of a quotation as the annotation counts them (whitespace-separated)."""
    return len(normalize_text(text).split())


@dataclass(frozen=True, slots=True)
class ExpectedQuote:
    """One direct quotation a careful reader finds in the article, with its speaker."""

    text_start: str
    speaker: str
    speaker_kind: str
    role: str | None
    continuation: bool = False
    aliases: tuple[str, ...] = ()

    def speaker_matches(self, speaker: str | None, speaker_kind: str | None) -> bool:
        """Whether a predicted speaker is this quote's speaker (any kind for anonymous ones)."""
        if self.speaker_kind == "anonymous":
            return speaker_kind == "anonymous"
        if not speaker:
            return False
        names = {normalize_name(n) for n in (self.speaker, *self.aliases)}
        return normalize_name(speaker) in names


@dataclass(frozen=True, slots=True)
class PageCase:
    """A fixture page and everything expected of it."""

    name: str
    html_path: Path
    url: str
    language: str
    title: str
    titles_accepted: tuple[str, ...]
    published: str | None
    published_accepted: tuple[str | None, ...]
    quotes: tuple[ExpectedQuote, ...]
    not_quotes: tuple[str, ...]
    actors_include: tuple[tuple[str, ...], ...]
    actors_exclude: tuple[str, ...]
    known_misses: tuple[dict[str, Any], ...]
    min_recall: float
    raw: dict[str, Any] = field(repr=False)

    def html(self) -> bytes:
        """The page bytes, as the site served them."""
        return gzip.decompress(self.html_path.read_bytes())

    def known_speaker_misses(self) -> dict[str, str]:
        """text_start -> reason, for quotes whose speaker brief is known to get wrong."""
        return {m["text_start"]: m["reason"] for m in self.known_misses if "text_start" in m}

    def known_actor_misses(self) -> dict[str, str]:
        """Actor name -> reason, for actors_include/exclude entries brief is known to miss."""
        return {m["actor"]: m["reason"] for m in self.known_misses if "actor" in m}

    def known_field_misses(self) -> dict[str, str]:
        """ "title"/"published" -> reason, when brief is known to get that field wrong."""
        return {m["field"]: m["reason"] for m in self.known_misses if "field" in m}

    def fixable(self) -> frozenset[str]:
        """Keys (text_start, actor or field) of known misses a rule in brief could fix.

        The others are out of reach for now: world knowledge, a reader's guess, a language
        brief's attribution does not cover.
        """
        keys = (m.get("text_start") or m.get("actor") or m.get("field") for m in self.known_misses)
        flags = (bool(m.get("fixable")) for m in self.known_misses)
        return frozenset(k for k, f in zip(keys, flags, strict=True) if k and f)


def _alternatives(entry: str | list[str]) -> tuple[str, ...]:
    return (entry,) if isinstance(entry, str) else tuple(entry)


def load_page(json_path: Path) -> PageCase:
    """Read one page's expectations."""
    data = json.loads(json_path.read_text(encoding="utf-8"))
    quotes = tuple(
        ExpectedQuote(
            text_start=q["text_start"],
            speaker=q["speaker"],
            speaker_kind=q["speaker_kind"],
            role=q["role"],
            continuation=bool(q.get("continuation", False)),
            aliases=tuple(q.get("aliases", ())),
        )
        for q in data["quotes"]
    )
    return PageCase(
        name=json_path.stem,
        html_path=json_path.with_suffix(".html.gz"),
        url=data["source"]["url"],
        language=data["language"],
        title=data["title"],
        titles_accepted=(data["title"], *data.get("title_also", ())),
        published=data["published"],
        published_accepted=(data["published"], *data.get("published_also", ())),
        quotes=quotes,
        not_quotes=tuple(q["text_start"] for q in data.get("not_quotes", ())),
        actors_include=tuple(_alternatives(a) for a in data.get("actors_include", ())),
        actors_exclude=tuple(data.get("actors_exclude", ())),
        known_misses=tuple(data.get("known_misses", ())),
        min_recall=float(data["min_recall"]),
        raw=data,
    )


def load_pages() -> list[PageCase]:
    """Every fixture page, sorted by name."""
    return [load_page(p) for p in sorted(PAGES.glob("*.json"))]


@dataclass(frozen=True, slots=True)
class Predicted:
    """The parts of a predicted quote the scoring looks at (from brief or from a baseline)."""

    text: str
    speaker: str | None
    speaker_kind: str | None
    role: str | None
    how: str | None = None  # the attribution shape that found the speaker (brief's own quotes)
    confidence: float | None = None  # brief's confidence in the speaker (brief's own quotes)


@dataclass(frozen=True, slots=True)
class Matching:
    """Expected quotes paired with predicted ones, and which predictions count as found."""

    expected: tuple[ExpectedQuote, ...]
    predicted: tuple[Predicted, ...]
    pairs: dict[int, int]  # expected index -> predicted index
    found: frozenset[int]  # predicted indices that count (long enough, not a not_quote)
    true_positives: frozenset[int]  # found predictions matching at least one expected quote

    @property
    def recall(self) -> float:
        """Share of expected quotes that some prediction matches."""
        return len(self.pairs) / len(self.expected) if self.expected else 1.0

    @property
    def precision(self) -> float:
        """Share of counted predictions that match an expected quote."""
        return len(self.true_positives) / len(self.found) if self.found else 1.0

    def speaker_errors(self) -> list[tuple[ExpectedQuote, Predicted]]:
        """Matched quotes whose predicted speaker is not the expected one."""
        return [
            (self.expected[e], self.predicted[p])
            for e, p in sorted(self.pairs.items())
            if not self.expected[e].speaker_matches(
                self.predicted[p].speaker, self.predicted[p].speaker_kind
            )
        ]

    def role_scores(self) -> tuple[int, int]:
        """(right, total) over matched quotes for which the article states a role."""
        scored = [(self.expected[e], self.predicted[p]) for e, p in self.pairs.items()]
        with_role = [(e, p) for e, p in scored if e.role]
        right = sum(1 for e, p in with_role if e.role and role_matches(e.role, p.role))
        return right, len(with_role)


def match_quotes(page: PageCase, predicted: Sequence[Predicted]) -> Matching:
    """Pair expected and predicted quotes.

    A prediction matches an expected quote when its normalized text starts with the expected
    ``text_start``. A ``continuation`` (the rest of a quote after "he said." or after a paragraph
    break) may instead lie inside the prediction of the quote it continues, since joining the
    two is as right as keeping them apart.
    """
    texts = [normalize_text(p.text) for p in predicted]
    pairs: dict[int, int] = {}
    used: set[int] = set()
    for e, quote in enumerate(page.quotes):
        start = normalize_text(quote.text_start)
        direct = [i for i, t in enumerate(texts) if t.startswith(start) and i not in used]
        if direct:
            pairs[e] = direct[0]
            used.add(direct[0])
        elif quote.continuation:
            inside = [i for i, t in enumerate(texts) if start in t]
            if inside:
                pairs[e] = inside[0]
    ignored = [normalize_text(s) for s in page.not_quotes]
    found = frozenset(
        i
        for i, t in enumerate(texts)
        if len(t.split()) >= MIN_QUOTE_WORDS and not any(t.startswith(s) for s in ignored)
    )
    return Matching(
        expected=page.quotes,
        predicted=tuple(predicted),
        pairs=pairs,
        found=found,
        true_positives=frozenset(i for i in found if i in pairs.values()),
    )


def actor_problems(page: PageCase, names: Sequence[str]) -> tuple[list[str], list[str]]:
    """(actors_include entries missing from ``names``, actors_exclude entries present in them)."""
    have = {normalize_name(n) for n in names}
    missing = [
        " | ".join(alts)
        for alts in page.actors_include
        if not any(normalize_name(a) in have for a in alts)
    ]
    unwanted = [n for n in page.actors_exclude if normalize_name(n) in have]
    return missing, unwanted
