"""The lede that extraction left out: a standfirst above the article body, found by its metadata.

trafilatura keeps the main text container; many sites print the first paragraph (the lede or
standfirst) above it, in a header of its own, and it is lost. The same paragraph is usually
the page's description (``og:description``, ``description``, ``twitter:description``). When
the extracted text does not hold the description, but an element of the page's body does,
placed before the first extracted paragraph and outside navigation, footers, asides and
figures, that element's text is the lede, put back in first, unless it only restates the
opening paragraphs (a teaser of the story, not a paragraph of it).

Like brief.extract.meta, it reads a parsed lxml tree through its element methods only.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any

from brief.text import count_words

MIN_WORDS = 12
_DESCRIPTIONS = ("og:description", "description", "twitter:description")
_OUTSIDE = frozenset(
    {"nav", "footer", "aside", "figure", "figcaption", "form", "script", "style", "noscript"}
)
_PROBE = 60  # characters of the description that must appear in the element
_LONGEST = 3.0  # the element holds at most this many times the description's characters
_WORD = re.compile(r"\w+")
RESTATED = 0.6  # share of a lede's words already in the opening paragraphs: a restatement


def _key(text: str) -> str:
    """Text reduced to its words, lowercased: markup spacing and quote styles do not matter."""
    return " ".join(_WORD.findall(text.casefold()))


def descriptions(tree: Any, tidy: Callable[[str], str]) -> list[str]:
    """The page's descriptions, long enough to be a paragraph, without a trailing ellipsis."""
    found = []
    for meta in tree.iter("meta"):
        name = (meta.get("property") or meta.get("name") or "").strip().casefold()
        if name in _DESCRIPTIONS:
            text = tidy(meta.get("content") or "").removesuffix("...").removesuffix("…")
            # "Headline | The lede…": the lede is the last part.
            text = text.rpartition(" | ")[2]
            if count_words(text) >= MIN_WORDS and text not in found:
                found.append(text)
    return found


def missing_lede(tree: Any, paragraphs: Sequence[str], tidy: Callable[[str], str]) -> str | None:
    """The lede paragraph the extracted ``paragraphs`` lack, or None (see the module docstring)."""
    if not paragraphs:
        return None
    have = _key(" ".join(paragraphs))
    body = next(tree.iter("body"), None)
    if body is None:
        return None
    for description in descriptions(tree, tidy):
        probe = _key(description)[:_PROBE]
        if not probe or probe in have:
            return None  # the text already opens with (or holds) the description
        element = _holder(body, probe, len(description))
        if element is None:
            continue
        text = tidy(element.text_content())
        page = _key(body.text_content())
        first = _key(paragraphs[0])[:_PROBE]
        at, first_at = page.find(probe), page.find(first)
        if at >= 0 and (first_at < 0 or at < first_at) and count_words(text) >= MIN_WORDS:
            return None if _restates(text, paragraphs[:2]) else text
    return None


def _restates(lede: str, opening: Sequence[str]) -> bool:
    """Whether the lede mostly repeats the opening paragraphs' words (a summary of them that the
    page shows as a teaser or a caption, not a paragraph of its own)."""
    words = {w for w in _WORD.findall(lede.casefold()) if len(w) > 3}
    seen = {w for p in opening for w in _WORD.findall(p.casefold())}
    return bool(words) and len(words & seen) >= RESTATED * len(words)


def _holder(body: Any, probe: str, length: int) -> Any:
    """The smallest element of the body whose text holds ``probe``, or None when that element
    stands in page furniture (a teaser box, the navigation)."""
    best = None
    for element in body.iter():
        if not isinstance(element.tag, str):
            continue  # a comment or a processing instruction
        text = element.text_content()
        if len(text) > _LONGEST * length + 200 or probe not in _key(text):
            continue
        if best is None or len(text) < len(best.text_content()):
            best = element
    if best is None or best.tag in _OUTSIDE:
        return None
    if any(a.tag in _OUTSIDE for a in best.iterancestors()):
        return None
    return best
