"""Bytes -> Article: the one way from a page's or a file's bytes to its article.

Every source takes it: a file or stdin and a URL (brief.extract.source), a feed entry's page in
a refresh worker (brief.refresh.job), the demo's bundled samples (brief.tui.demo). It decides
whether the bytes are HTML or text, decodes them without ever failing on a wrong charset
(brief.net.charset) and extracts the article (brief.extract.page).
"""

from __future__ import annotations

import re
from pathlib import PurePath

from brief.errors import UnsupportedContentError
from brief.extract.page import extract_html, extract_text
from brief.models import Article
from brief.net import decode_bytes

_HTML_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml")
_TEXT_SUFFIXES = (".txt", ".text", ".md", ".markdown")
_TEXT_TYPES = ("text/plain", "text/markdown", "text/x-markdown")
_LOOKS_HTML = re.compile(rb"^\s*(?:<!doctype\s+html|<html|<head|<body|<!--|<\?xml)", re.I)
_UTF8_BOM = b"\xef\xbb\xbf"
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
_SNIFF_BYTES = 1024


def article_from_bytes(
    data: bytes,
    *,
    content_type: str | None = None,
    charset: str | None = None,
    url: str | None = None,
    path: str | None = None,
) -> Article:
    """The article in ``data``: HTML or text, decided by the first of these that knows.

    1. The suffix of ``path``: .html/.htm/.xhtml/.shtml is HTML, .txt/.text/.md/.markdown
       text; a trailing .gz (which the caller has already undone) is skipped.
    2. ``content_type``, the media type of an HTTP answer: text/plain and Markdown are text,
       any other is HTML, "" (the server sent none) knows nothing.
    3. The bytes: a doctype, <html>, <head>, <body>, a comment or an XML declaration at the
       start is HTML, anything else text.

    ``charset`` is the HTTP answer's. Bytes that came with no HTTP answer (``content_type``
    None: a file, stdin) and hold a NUL byte early on are binary, an UnsupportedContentError;
    an HTTP answer was already checked for its type by brief.net. ExtractionError when there
    is no article text.
    """
    if content_type is None and _is_binary(data):
        raise UnsupportedContentError(f"{path or url}: binary data, not HTML or text")
    text = decode_bytes(data, charset)
    if _is_html(data, content_type, path):
        return extract_html(text, url=url, path=path)
    return extract_text(text, url=url, path=path)


def _is_html(data: bytes, content_type: str | None, path: str | None) -> bool:
    name = PurePath(path).name.lower().removesuffix(".gz") if path else ""
    if name.endswith(_HTML_SUFFIXES):
        return True
    if name.endswith(_TEXT_SUFFIXES):
        return False
    if content_type:
        return content_type not in _TEXT_TYPES
    # lstrip, not removeprefix: an editor that saved the file twice may have left two BOMs.
    return bool(_LOOKS_HTML.match(data[:_SNIFF_BYTES].lstrip(_UTF8_BOM)))


def _is_binary(data: bytes) -> bool:
    """A NUL byte in the first KB, which text has only as UTF-16 (and then after its BOM)."""
    return b"\x00" in data[:_SNIFF_BYTES] and not data.startswith(_UTF16_BOMS)
