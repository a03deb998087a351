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
from bisect import bisect_right
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
    page: _Page | None = None  # the body's text, read once and only when a description needs it
    for description in descriptions(tree, tidy):
        probe = _key(description)[:_PROBE]
        if not probe or probe in have:
            return None  # the text already opens with (or holds) the description
        page = page or _Page(body)
        element = page.holder(probe, len(description))
        if element is None:
            continue
        text = tidy(element.text_content())
        first = _key(paragraphs[0])[:_PROBE]
        at, first_at = page.key.find(probe), page.key.find(first)
        if at >= 0 and (first_at < 0 or at < first_at) and count_words(text) >= MIN_WORDS:
            return None if _restates(text, paragraphs[:2]) else text
    return None


def _restates(lede: str, opening: Sequence[str]) -> bool:
    """Whether the lede mostly repeats the opening paragraphs' words (a summary of them that the
    page shows as a teaser or a caption, not a paragraph of its own)."""
    words = {w for w in _WORD.findall(lede.casefold()) if len(w) > 3}
    seen = {w for p in opening for w in _WORD.findall(p.casefold())}
    return bool(words) and len(words & seen) >= RESTATED * len(words)


class _Page:
    """The body's text once (``text``, as ``body.text_content()``; ``key``, its _key), and
    which element holds a passage of it.

    The text is read as lxml's text nodes, each knowing its element, so finding the element
    that holds a passage costs the page's text nodes plus the passage's depth, not every
    element's text_content() (the size of the page times its depth).
    """

    def __init__(self, body: Any) -> None:
        self.nodes: list[Any] = body.xpath(".//text()")
        self.at: list[int] = []  # where each text node starts in ``text``
        at = 0
        for node in self.nodes:
            self.at.append(at)
            at += len(node)
        self.text = "".join(self.nodes)
        self.key = _key(self.text)

    def _element(self, offset: int) -> Any:
        """The element whose own text (or a child's tail) holds the character at ``offset``."""
        node = self.nodes[bisect_right(self.at, offset) - 1]
        parent = node.getparent()
        return parent if node.is_text else parent.getparent()

    def holder(self, probe: str, length: int) -> Any:
        """The smallest element whose text holds ``probe`` (a _key), the outermost of equal ones,
        or None when there is none or it stands in page furniture (a teaser box, the navigation)."""
        best, size = None, int(_LONGEST * length + 200) + 1
        # The probe's words with anything but word characters between them, as _key reads it.
        passage = re.compile(r"\W+".join(map(re.escape, probe.strip().split(" "))), re.IGNORECASE)
        for found in passage.finditer(self.text):
            first = self._element(found.start())
            last = self._element(found.end() - 1)
            around = set(last.iterancestors()) | {last}
            element = next(e for e in (first, *first.iterancestors()) if e in around)
            chars = len(element.text_content())
            if chars >= size:
                continue
            parent = element.getparent()
            while parent is not None and len(parent.text_content()) == chars:
                element, parent = parent, parent.getparent()  # a wrapper holds the same text
            best, size = element, chars
        if best is None or best.tag in _OUTSIDE:
            return None
        if any(a.tag in _OUTSIDE for a in best.iterancestors()):
            return None
        return best
