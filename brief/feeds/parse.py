"""Feed bytes -> entries: RSS 0.9x/1.0/2.0 and Atom through feedparser, JSON Feed by hand.

The one module that imports feedparser. feedparser is only ever given the bytes brief's own
fetcher got, wrapped in a stream: given a str it would fetch URLs, and given bytes it would try
them as a file name first. Its DOCTYPE handling drops every entity declaration that refers to
other entities or to outside files (no billion laughs, no XXE); tests hold it to that.
Every string leaving this module is sanitized; every link is http(s) or dropped.
"""

from __future__ import annotations

import calendar
import hashlib
import io
import json
import re
import xml.sax
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any

import feedparser

from brief.errors import FeedError
from brief.feeds.html import find_feed_links, html_to_text
from brief.models import Enclosure, FeedEntry
from brief.net import http_url, normalize_url
from brief.text import sanitize

__all__ = [
    "FeedEntry",
    "ParsedFeed",
    "find_feed_links",
    "normalize_url",
    "parse_feed",
]

# Early JSON Feeds in the wild say "http://"; the spec says "https://".
_JSON_FEED_VERSION = re.compile(r"https?://jsonfeed\.org/version/(\S+)")
# A numeric character reference; feedparser crashes on one naming no character (a surrogate,
# beyond U+10FFFF, or too long for a C int), so those become U+FFFD before it sees them.
_CHAR_REF = re.compile(rb"&#(?:[xX]([0-9a-fA-F]+)|([0-9]+));")
_REPLACEMENT_REF = b"&#xFFFD;"
# The XML declaration's encoding="…": a value that is no encoding name (a NUL, a non-ASCII
# byte) makes feedparser raise instead of trying its fallbacks, so such a value is dropped.
_XML_ENCODING = re.compile(rb"\A(\s*<\?xml\b[^>]*?)\sencoding\s*=\s*(\"[^\"]*\"|'[^']*')")
_ENCODING_NAME = re.compile(rb"[A-Za-z][A-Za-z0-9._:-]{0,39}")
# What feedparser (pure Python, large) raises on input it did not expect, beyond its own
# bozo reports: found by the fuzz test in tests/test_feed_hostile.py. Caught at this one call.
# RSS 0.90 appeared in 1999; an earlier date is a placeholder for none (see _stamp).
_FIRST_FEED_DATE = datetime(1995, 1, 1, tzinfo=UTC)
_PARSER_FAULTS = (ValueError, LookupError, OverflowError, TypeError, AttributeError, RecursionError)


@dataclass(frozen=True, slots=True)
class ParsedFeed:
    """A parsed feed: its title, its web site, its entries in feed order (no repeated GUID)."""

    title: str | None
    site_url: str | None
    entries: tuple[FeedEntry, ...]
    format: str  # feedparser's version name ("rss20", "atom10", …) or "json"


def parse_feed(data: bytes, base_url: str, content_type: str | None = None) -> ParsedFeed:
    """Parse feed bytes fetched from ``base_url`` (which resolves relative links).

    ``content_type`` is the HTTP Content-Type header, whose charset feedparser honours.
    Raises FeedError when the bytes are not a feed (an HTML page, garbage, a broken feed
    with no readable entry).
    """
    if data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{"):
        return _parse_json_feed(data, base_url)
    headers = {"content-location": base_url}
    if content_type:
        headers["content-type"] = content_type
    try:
        result = feedparser.parse(
            io.BytesIO(_defuse(data)),
            response_headers=headers,
            # Relative links inside HTML content are irrelevant: brief keeps the text only.
            resolve_relative_uris=False,
            sanitize_html=True,
        )
        entries = result.get("entries") or []
        if not entries and (result.get("bozo") or not result.get("version")):
            raise FeedError(_not_a_feed(data, result))
        feed = result.get("feed") or {}
        return ParsedFeed(
            title=_title(feed.get("title"), feed.get("title_detail")),
            site_url=http_url(feed.get("link"), base_url),
            entries=_unique(_entry(e, base_url) for e in entries),
            format=result.get("version") or "unknown",
        )
    except _PARSER_FAULTS as err:
        raise FeedError(f"broken feed: the parser failed ({type(err).__name__}: {err})") from err


def _defuse(data: bytes) -> bytes:
    """The feed with the inputs that crash feedparser made harmless: character references to
    no character replaced by U+FFFD, an encoding declaration that names no encoding dropped."""
    declaration = _XML_ENCODING.match(data)
    if declaration is not None and not _ENCODING_NAME.fullmatch(declaration[2][1:-1]):
        data = declaration[1] + data[declaration.end() :]
    return _CHAR_REF.sub(_char_ref, data)


def _char_ref(match: re.Match[bytes]) -> bytes:
    """A character reference as is when it names a character XML allows, else U+FFFD's."""
    hex_digits, digits = match.groups()
    number = (hex_digits or digits).lstrip(b"0") or b"0"
    if len(number) > 8:  # beyond U+10FFFF whatever the digits (and int() stays cheap)
        return _REPLACEMENT_REF
    code = int(number, 16) if hex_digits is not None else int(number)
    allowed = code in (0x9, 0xA, 0xD) or 0x20 <= code <= 0xD7FF or 0xE000 <= code <= 0x10FFFF
    return match[0] if allowed and code not in (0xFFFE, 0xFFFF) else _REPLACEMENT_REF


def _not_a_feed(data: bytes, result: Any) -> str:
    """Why feedparser found no entry, in words for the user."""
    head = data[:2048].lower()
    if b"<html" in head or b"<!doctype html" in head:
        return "not a feed: this is an HTML page (look for its feed link)"
    problem = result.get("bozo_exception")
    version = result.get("version")
    if version and problem:
        return f"broken feed ({version}) with no readable entry: {problem}"
    if isinstance(problem, xml.sax.SAXParseException):
        return f"not a feed: malformed XML ({problem})"
    return "not a feed (no RSS, Atom or JSON Feed element)"


def _entry(entry: Any, base_url: str) -> FeedEntry | None:
    """A feedparser entry as a FeedEntry, or None when it has nothing to show."""
    url = http_url(entry.get("link"), base_url)
    title = _title(entry.get("title"), entry.get("title_detail"))
    summary = html_to_text(entry.get("summary") or "")
    contents = [c.get("value") or "" for c in entry.get("content") or []]
    content = max((html_to_text(c) for c in contents), key=len, default="")
    if content == summary:
        content = ""
    # dict.get, not entry.get: FeedParserDict maps a missing "published" to "updated" with a
    # DeprecationWarning; brief asks for each one explicitly.
    published = _date(dict.get(entry, "published_parsed"), dict.get(entry, "published")) or (
        _date(dict.get(entry, "updated_parsed"), dict.get(entry, "updated"))
    )
    enclosures = [
        _enclosure(e.get("href"), e.get("type"), e.get("length"), base_url)
        for e in entry.get("enclosures") or []
        if isinstance(e, dict)
    ]
    made = _make_entry(
        entry.get("id"), url, title, entry.get("author"), published, summary, content
    )
    return _with_enclosures(made, enclosures)


def _enclosure(url: Any, kind: Any, length: Any, base: str) -> Enclosure | None:
    """An enclosure with an http(s) link, its type (one token) and size (digits), or None."""
    href = http_url(url if isinstance(url, str) else None, base)
    if href is None:
        return None
    mime = _line(kind).split(" ")[0] if isinstance(kind, str) and kind.strip() else None
    size = str(length).strip() if isinstance(length, str | int) else ""
    return Enclosure(href, mime, int(size) if size.isdigit() and int(size) > 0 else None)


def _with_enclosures(entry: FeedEntry | None, found: list[Enclosure | None]) -> FeedEntry | None:
    unique = tuple({e.url: e for e in found if e is not None}.values())
    if entry is None or not unique:
        return entry
    return replace(entry, enclosures=unique)


def _make_entry(
    guid: Any,
    url: str | None,
    title: str | None,
    author: Any,
    published: str | None,
    summary: str,
    content: str,
) -> FeedEntry | None:
    """The entry with its GUID settled: the feed's, else the link, else a content hash."""
    if not (url or title or summary or content):
        return None
    ident = _line(str(guid)) if guid not in (None, "") else ""
    if not ident:
        ident = (
            url
            or "sha256:"
            + hashlib.sha256(f"{title or ''}\n{summary or content}".encode()).hexdigest()
        )
    return FeedEntry(
        guid=ident,
        url=url,
        title=title,
        author=_line(author) if isinstance(author, str) and author.strip() else None,
        published=published,
        summary_text=summary,
        content_text=content,
    )


def _unique(entries: Any) -> tuple[FeedEntry, ...]:
    """Entries in order, the first of each GUID kept (feeds do repeat items)."""
    seen: dict[str, FeedEntry] = {}
    for entry in entries:
        if entry is not None and entry.guid not in seen:
            seen[entry.guid] = entry
    return tuple(seen.values())


def _line(text: str) -> str:
    """Sanitized text on one line."""
    return " ".join(sanitize(text).split())


def _title(value: Any, detail: Any) -> str | None:
    """A title as one line of plain text (titles marked as HTML lose their tags)."""
    if not isinstance(value, str) or not value.strip():
        return None
    kind = (detail or {}).get("type", "") if isinstance(detail, dict) else ""
    text = html_to_text(value) if "html" in kind else value
    return _line(text) or None


def _date(parsed: Any, raw: Any) -> str | None:
    """A feed date as UTC ISO text. feedparser gives a UTC struct_time; when it could not
    read the date (it refuses RFC 822 dates without a zone), parse the raw text, zone-less
    meaning UTC."""
    moment: datetime | None = None
    if parsed is not None:
        try:
            moment = datetime.fromtimestamp(calendar.timegm(parsed), UTC)
        except (OverflowError, ValueError, OSError):
            moment = None
    if moment is None and isinstance(raw, str) and raw.strip():
        moment = _parse_date_text(raw.strip())
    return _stamp(moment)


def _stamp(moment: datetime | None) -> str | None:
    """A date as UTC ISO text; None for none, and for a date before any news feed: feeds
    write 0 (1 January 1970) or the year 1 for "no date", and taken as a date such an item
    would be older than refresh.keep_days and never stored."""
    if moment is None or moment < _FIRST_FEED_DATE:
        return None
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def _parse_date_text(raw: str) -> datetime | None:
    """RFC 822 or ISO 8601 text as an aware UTC datetime; no zone means UTC."""
    moment: datetime | None
    try:
        moment = parsedate_to_datetime(raw)
    except (TypeError, ValueError, IndexError):
        try:
            moment = datetime.fromisoformat(raw)
        except ValueError:
            return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)


def _parse_json_feed(data: bytes, base_url: str) -> ParsedFeed:
    """A JSON Feed (https://jsonfeed.org, versions 1 and 1.1)."""
    try:
        doc = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError, RecursionError) as err:
        raise FeedError(f"not a feed: invalid JSON ({err})") from err
    version = doc.get("version") if isinstance(doc, dict) else None
    match = _JSON_FEED_VERSION.fullmatch(version.strip()) if isinstance(version, str) else None
    if match is None:
        raise FeedError("not a feed: a JSON document that is not a JSON Feed")
    base = http_url(doc.get("feed_url"), base_url) or base_url
    items = doc.get("items")
    entries = (
        [_json_entry(i, base) for i in items if isinstance(i, dict)]
        if isinstance(items, list)
        else []
    )
    title = doc.get("title")
    return ParsedFeed(
        title=_line(title) or None if isinstance(title, str) else None,
        site_url=http_url(_str(doc.get("home_page_url")), base),
        entries=_unique(entries),
        format="json" + match[1],
    )


def _json_entry(item: dict[str, Any], base: str) -> FeedEntry | None:
    url = http_url(_str(item.get("url")), base) or http_url(_str(item.get("external_url")), base)
    title = _str(item.get("title"))
    html = _str(item.get("content_html"))
    content = html_to_text(html) if html else html_to_text(_str(item.get("content_text")))
    summary = html_to_text(_str(item.get("summary")))
    authors = item.get("authors") or ([item["author"]] if item.get("author") else [])
    names = [a.get("name") for a in authors if isinstance(a, dict) and a.get("name")]
    published = None
    for key in ("date_published", "date_modified"):
        published = _stamp(_parse_date_text(_str(item.get(key))))
        if published is not None:
            break
    ident = item.get("id")
    made = _make_entry(
        ident if isinstance(ident, str | int) and not isinstance(ident, bool) else None,
        url,
        _line(title) or None,
        ", ".join(str(n) for n in names) or None,
        published,
        summary,
        "" if content == summary else content,
    )
    attachments = item.get("attachments")
    found = [
        _enclosure(a.get("url"), a.get("mime_type"), a.get("size_in_bytes"), base)
        for a in (attachments if isinstance(attachments, list) else [])
        if isinstance(a, dict)
    ]
    return _with_enclosures(made, found)


def _str(value: Any) -> str:
    """A JSON value expected to be a string; anything else counts as absent."""
    return value if isinstance(value, str) else ""
