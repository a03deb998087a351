"""Small HTML jobs with the standard library: fragment -> plain text, and feed discovery.

Feed summaries are HTML fragments (often escaped twice, often broken); html.parser copes with
anything and never fetches. Article pages go through brief.extract.page instead, not through here.
"""

from __future__ import annotations

import re
from html import unescape
from html.parser import HTMLParser

from brief.net import decode_bytes, http_url
from brief.text import sanitize

# Elements whose end (or start) ends a paragraph.
_BLOCKS = frozenset(
    {
        "address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt", "figcaption",
        "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li",
        "main", "nav", "ol", "p", "pre", "section", "table", "td", "th", "tr", "ul",
    }
)  # fmt: skip
# Elements whose content is never text for a reader (none of them is a void element, so
# each has an end tag to wait for).
_HIDDEN = frozenset(
    {"script", "style", "noscript", "template", "iframe", "object", "head", "svg", "math"}
)
_SPACES = re.compile(r"\s+")

FEED_TYPES = (
    "application/rss+xml",
    "application/atom+xml",
    "application/feed+json",
    "application/rdf+xml",
    "application/json",
)


class _TextParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.paragraphs: list[str] = []
        self._current: list[str] = []
        self._hidden: list[str] = []

    def _close_paragraph(self) -> None:
        text = _SPACES.sub(" ", "".join(self._current)).strip()
        if text:
            self.paragraphs.append(text)
        self._current = []

    def finish(self) -> None:
        """Close the last paragraph (the fragment may end without a block end tag)."""
        self._close_paragraph()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _HIDDEN:
            self._hidden.append(tag)
        elif tag in _BLOCKS and not self._hidden:
            self._close_paragraph()

    def handle_endtag(self, tag: str) -> None:
        if self._hidden:
            # Pop back to the matching open element; unmatched end tags are ignored.
            if tag in self._hidden:
                while self._hidden.pop() != tag:
                    pass
        elif tag in _BLOCKS:
            self._close_paragraph()

    def handle_data(self, data: str) -> None:
        if not self._hidden:
            self._current.append(data)


def html_to_paragraphs(html: str) -> list[str]:
    """The visible text of an HTML fragment (or of plain text) as sanitized paragraphs.

    Block elements and ``<br>`` end paragraphs; scripts, styles and the like are dropped;
    entities are decoded; runs of whitespace become one space. Text without any tag keeps
    its line breaks as paragraph breaks.
    """
    html = sanitize(html)
    if "<" not in html:
        chunks = unescape(html).split("\n")
    else:
        parser = _TextParser()
        parser.feed(html)
        parser.close()
        parser.finish()
        chunks = parser.paragraphs
    paragraphs = (_SPACES.sub(" ", chunk).strip() for chunk in chunks)
    return [p for p in paragraphs if p]


def html_to_text(html: str) -> str:
    """html_to_paragraphs joined by blank lines."""
    return "\n\n".join(html_to_paragraphs(html))


class _LinkParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.base: str | None = None
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if tag == "base" and self.base is None and values.get("href"):
            self.base = values["href"]
        elif tag == "link":
            rel = values.get("rel", "").lower().split()
            kind = values.get("type", "").lower().split(";")[0].strip()
            if "alternate" in rel and kind in FEED_TYPES and values.get("href"):
                self.links.append(values["href"])


def find_feed_links(html: bytes, base_url: str) -> list[str]:
    """Feed URLs a page announces with ``<link rel="alternate" type="application/rss+xml">``
    (or Atom, JSON Feed, RDF), resolved against the page (and its ``<base href>``), http(s)
    only, in page order without repeats."""
    parser = _LinkParser()
    parser.feed(decode_bytes(html))
    parser.close()
    base = http_url(parser.base, base_url) or base_url
    found: list[str] = []
    for href in parser.links:
        url = http_url(href, base)
        if url is not None and url not in found:
            found.append(url)
    return found
