"""OPML subscription lists in and out: import is checked outline by outline, export is OPML 2.0.

Real OPML files are often not well-formed XML (bare ``&`` in URLs, quotes and even markup
inside ``description`` attributes), so a strict XML parser would refuse whole lists for one
bad description. Import therefore tokenizes with the standard library's tolerant
html.parser, after escaping every ``&`` that does not start an XML reference (so ``&region=``
in a URL stays as written instead of becoming ``®ion=``). That tokenizer knows no DTD: a
declared entity is never expanded, nothing is fetched. Outlines it cannot read are reported,
one warning each, with their line.

Folders (outlines without a feed URL) become tags of the feeds inside them, and so do OPML 2.0
``category`` values; export writes the first tag as the folder and every tag as a category,
so a list read back gives the same feeds, names and tags.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from html import unescape
from html.parser import HTMLParser

from brief.config import FeedConfig
from brief.errors import FeedError
from brief.net import decode_bytes, http_url
from brief.text import sanitize

_FEED_TYPES = ("rss", "atom", "feed", "json")
_BARE_AMPERSAND = re.compile(r"&(?!(?:amp|lt|gt|quot|apos|#[0-9]+|#x[0-9a-fA-F]+);)")
_XML_URL = re.compile(r"""xmlUrl\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.IGNORECASE)


class _Outline:
    """An <outline> as read: its line, attributes and enclosing folder names."""

    __slots__ = ("attrs", "folders", "line")

    def __init__(self, line: int, attrs: dict[str, str], folders: tuple[str, ...]) -> None:
        self.line = line
        self.attrs = attrs
        self.folders = folders


class _OpmlParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root: str | None = None
        self.has_body = False
        self.outlines: list[_Outline] = []
        self._in_body = False
        self._folders: list[str] = []

    def _outline(self, attrs: list[tuple[str, str | None]]) -> _Outline | None:
        if not self._in_body:
            return None
        values = {name: value or "" for name, value in attrs}
        outline = _Outline(self.getpos()[0], values, tuple(f for f in self._folders if f))
        self.outlines.append(outline)
        return outline

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.root is None:
            self.root = tag
        if tag == "body":
            self.has_body = self._in_body = True
        elif tag == "outline":
            outline = self._outline(attrs)
            if outline is not None:
                # Only an outline without a feed URL is a folder whose name tags its children.
                self._folders.append("" if outline.attrs.get("xmlurl") else _name(outline))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.root is None:
            self.root = tag
        if tag == "outline":
            self._outline(attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag == "outline" and self._folders:
            self._folders.pop()
        elif tag == "body":
            self._in_body = False


def _line(text: str) -> str:
    return " ".join(sanitize(text).split())


def _name(outline: _Outline) -> str:
    return _line(outline.attrs.get("title") or outline.attrs.get("text") or "")


def parse_opml(data: bytes) -> tuple[list[FeedConfig], list[str]]:
    """Feeds of an OPML file, and one warning for each outline that was skipped.

    Only http(s) feed URLs are accepted. A repeated URL is kept once, with the tags of both.
    Raises FeedError when the bytes are not OPML.
    """
    text = _BARE_AMPERSAND.sub("&amp;", decode_bytes(data))
    parser = _OpmlParser()
    parser.feed(text)
    parser.close()
    if parser.root != "opml":
        found_root = f"<{parser.root}>" if parser.root else "no element"
        raise FeedError(f"not an OPML file: the document starts with {found_root}, not <opml>")
    if not parser.has_body:
        raise FeedError("not an OPML file: no <body>")
    found: dict[str, FeedConfig] = {}
    warnings: list[str] = []
    read_urls: list[str] = []
    for outline in parser.outlines:
        raw_url = outline.attrs.get("xmlurl", "").strip()
        name = _name(outline)
        if raw_url:
            read_urls.append(raw_url)
        elif outline.attrs.get("type", "").lower() in _FEED_TYPES:
            warnings.append(f'line {outline.line}: skipped outline "{name}": no feed URL')
        if not raw_url:
            continue
        url = http_url(raw_url)
        if url is None:
            shown = _line(raw_url)[:200]
            warnings.append(
                f'line {outline.line}: skipped outline "{name or shown}": '
                f"not an http(s) feed URL: {shown}"
            )
            continue
        _add(found, url, name, (*outline.folders, *_categories(outline.attrs.get("category"))))
    warnings.extend(_unread_outlines(text, read_urls))
    return list(found.values()), warnings


def _add(found: dict[str, FeedConfig], url: str, name: str, tags: Iterable[str]) -> None:
    previous = found.get(url)
    if previous is not None:
        found[url] = FeedConfig(url, previous.name, _unique((*previous.tags, *tags)))
    else:
        # Exporters write the URL as the text of an unnamed feed: that is no name.
        found[url] = FeedConfig(url, name if name and name != url else None, _unique(tags))


def _unread_outlines(text: str, read_urls: list[str]) -> list[str]:
    """Warnings for feed URLs in the text that the tokenizer could not attach to an outline
    (markup or stray quotes inside an attribute end the tag early)."""
    remaining = list(read_urls)
    warnings = []
    for match in _XML_URL.finditer(text):
        url = unescape(match[1] if match[1] is not None else match[2]).strip()
        if url in remaining:
            remaining.remove(url)
        elif url:
            line = text.count("\n", 0, match.start()) + 1
            shown = _line(url)[:200]
            warnings.append(f"line {line}: skipped a malformed outline (feed {shown})")
    return warnings


def _categories(value: str | None) -> list[str]:
    """OPML 2.0 ``category="/News/World,/Europe"``: each comma-separated value is a tag."""
    parts = (value or "").split(",")
    return [_line(part.strip().lstrip("/")) for part in parts if part.strip("/ ")]


def _unique(tags: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(t for t in tags if t))


def write_opml(feeds: Iterable[FeedConfig], title: str = "brief subscriptions") -> str:
    """The feeds as an OPML 2.0 document: one folder per first tag, tags as categories."""
    root = ET.Element("opml", version="2.0")
    head = ET.SubElement(root, "head")
    ET.SubElement(head, "title").text = title
    body = ET.SubElement(root, "body")
    folders: dict[str, ET.Element] = {}
    for feed in feeds:
        parent = body
        if feed.tags:
            folder = feed.tags[0]
            if folder not in folders:
                folders[folder] = ET.SubElement(body, "outline", text=folder, title=folder)
            parent = folders[folder]
        name = feed.name or feed.url
        outline = ET.SubElement(parent, "outline", type="rss", text=name, title=name)
        outline.set("xmlUrl", feed.url)
        if feed.tags:
            outline.set("category", ",".join("/" + t.replace(",", " ") for t in feed.tags))
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, "unicode") + "\n"
