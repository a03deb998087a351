"""SOURCE string -> Article: an http(s) URL, "-" for stdin, or a local file (optionally .gz).

.html/.htm files are HTML, .txt/.md are text, anything else is sniffed; a .gz suffix is
decompressed under the same size cap as a download, so a gzip bomb stops at the cap. Bytes are
decoded without ever failing on a wrong charset (brief.net.charset).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from brief.errors import InputError, TooLargeError, UnsupportedContentError
from brief.extract.page import extract_html, extract_text
from brief.models import Article
from brief.net import DEFAULT_MAX_BYTES, Inflater, decode_bytes

if TYPE_CHECKING:
    from brief.net import FetchLimits

_HTML_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml")
_TEXT_SUFFIXES = (".txt", ".text", ".md", ".markdown")
_TEXT_TYPES = ("text/plain", "text/markdown", "text/x-markdown")
_URL = re.compile(r"^https?://", re.IGNORECASE)
_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*://", re.IGNORECASE)
_LOOKS_HTML = re.compile(rb"^\s*(?:<!doctype\s+html|<html|<head|<body|<!--|<\?xml)", re.I)
_CHUNK = 64 * 1024


def load_source(
    source: str, *, limits: FetchLimits | None = None, stdin: BinaryIO | None = None
) -> Article:
    """The article a SOURCE names: URL, "-" (stdin, needs ``stdin``) or a file path."""
    max_bytes = limits.max_bytes if limits else DEFAULT_MAX_BYTES
    if _URL.match(source) or _SCHEME.match(source):
        return _load_url(source, limits)
    if source == "-":
        if stdin is None:
            raise InputError("no stdin to read from")
        data = stdin.read(max_bytes + 1)
        if len(data) > max_bytes:
            raise TooLargeError(f"stdin: more than {_mib(max_bytes)} of input")
        if not data:
            raise InputError("stdin is empty")
        return _extract(data, "-", html=None, path="-")
    return _load_file(source, max_bytes)


def _load_url(url: str, limits: FetchLimits | None) -> Article:
    # httpx takes ~0.15 s to import: only for URLs, not for a local file.
    from brief.net import FetchLimits, fetch

    result = fetch(url, limits or FetchLimits(), accept=("html", "text"))
    if result.content_type in _TEXT_TYPES:
        return extract_text(result.text(), url=result.url)
    if not result.content_type and not _LOOKS_HTML.match(result.body[:1024]):
        return extract_text(result.text(), url=result.url)
    return extract_html(result.text(), url=result.url)


def _load_file(source: str, max_bytes: int) -> Article:
    path = Path(source)
    name = path.name.lower()
    compressed = name.endswith(".gz")
    if compressed:
        name = name[: -len(".gz")]
    try:
        if path.is_dir():
            raise InputError(f"{source}: is a directory, not a file")
        with path.open("rb") as handle:
            data = (
                _read_gzip(handle, source, max_bytes) if compressed else handle.read(max_bytes + 1)
            )
    except FileNotFoundError as err:
        raise InputError(f"{source}: no such file") from err
    except PermissionError as err:
        raise InputError(f"{source}: permission denied") from err
    except OSError as err:
        raise InputError(f"{source}: cannot read ({err.strerror or err})") from err
    if len(data) > max_bytes:
        raise TooLargeError(f"{source}: larger than {_mib(max_bytes)}")
    html = (
        True if name.endswith(_HTML_SUFFIXES) else False if name.endswith(_TEXT_SUFFIXES) else None
    )
    return _extract(data, source, html=html, path=source)


def _read_gzip(handle: BinaryIO, source: str, max_bytes: int) -> bytes:
    """The decompressed file, stopped one byte past the cap."""
    inflater = Inflater("gzip", max_bytes)
    out = bytearray()
    try:
        while chunk := handle.read(_CHUNK):
            out += inflater.feed(chunk)
            if inflater.over_limit:
                return bytes(out)
        out += inflater.finish()
    except ValueError as err:
        raise InputError(f"{source}: not a valid gzip file ({err})") from err
    return bytes(out)


def _extract(data: bytes, where: str, *, html: bool | None, path: str) -> Article:
    """Bytes -> Article; ``html`` None means decide from the bytes."""
    if b"\x00" in data[:1024] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise UnsupportedContentError(f"{where}: binary data, not HTML or text")
    if html is None:
        html = bool(_LOOKS_HTML.match(data[:1024].lstrip(b"\xef\xbb\xbf")))
    if html:
        return extract_html(data, path=path)
    return extract_text(decode_bytes(data), path=path)


def _mib(size: int) -> str:
    return f"{size / (1024 * 1024):g} MiB"
