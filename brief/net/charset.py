"""Bytes of a page or file -> str, without ever failing on a wrong or missing charset.

Order: a byte-order mark, the declared charset (HTTP header) when the bytes really are in it,
the page's own declaration (<meta charset>, http-equiv, XML declaration), UTF-8, and last
Windows-1252 (what browsers read "latin-1" pages as) or Latin-1, which decode any byte.
"""

from __future__ import annotations

import codecs
import re

_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# <meta charset="x">, <meta http-equiv="Content-Type" content="text/html; charset=x">,
# <?xml version="1.0" encoding="x"?>: all within the first few KB by the HTML spec's prescan.
_DECLARED = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)"""
    rb"""|<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9._:-]+)""",
    re.IGNORECASE,
)
_SNIFF_BYTES = 4096

# WHATWG: pages labelled Latin-1 or ASCII are decoded as Windows-1252 by every browser.
_ALIASES = {"iso-8859-1": "cp1252", "latin-1": "cp1252", "ascii": "cp1252", "us-ascii": "cp1252"}


def codec_name(label: str | None) -> str | None:
    """The Python codec for a charset label ("UTF-8", "iso-8859-1"), or None if unknown."""
    if not label:
        return None
    try:
        name = codecs.lookup(label.strip().strip("\"'")).name
    except LookupError:
        return None
    return _ALIASES.get(name, name)


def sniff_charset(data: bytes) -> str | None:
    """The charset the document declares in its first KB (meta tag or XML declaration)."""
    match = _DECLARED.search(data[:_SNIFF_BYTES])
    if match is None:
        return None
    return codec_name((match.group(1) or match.group(2)).decode("ascii"))


def decode_bytes(data: bytes, declared: str | None = None) -> str:
    """Decode ``data``; ``declared`` is the charset from a Content-Type header, if any."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(name, errors="replace")
    # A declared charset is trusted only when the bytes agree: servers often label every page
    # UTF-8 while old pages say latin-1 in their <meta>.
    for candidate in (codec_name(declared), sniff_charset(data), "utf-8"):
        if candidate is None:
            continue
        try:
            return data.decode(candidate)
        except (UnicodeDecodeError, LookupError):
            continue
    # Mostly UTF-8 with a few stray bytes (a pasted fragment) stays UTF-8: reading it all as
    # cp1252 would garble every accented letter to save a handful.
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    good = sum(1 for ch in text if ord(ch) > 0x7F) - bad
    if good > bad:
        return text
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        # cp1252 leaves five bytes undefined; latin-1 maps every byte.
        return data.decode("latin-1")
