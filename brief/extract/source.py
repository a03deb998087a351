"""SOURCE string -> Article: an http(s) URL, "-" for stdin, or a local file (optionally .gz).

A .gz suffix is decompressed under the same size cap as a download, so a gzip bomb stops at
the cap. The bytes then take the one way to an Article (brief.extract.article): the file's
suffix, else the URL's Content-Type, else the bytes themselves say whether they are HTML.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from brief.errors import InputError, TooLargeError
from brief.extract.article import article_from_bytes
from brief.models import Article
from brief.net import DEFAULT_MAX_BYTES, Inflater

if TYPE_CHECKING:
    from brief.net import FetchLimits

_URL = re.compile(r"^https?://", re.IGNORECASE)
_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*://", re.IGNORECASE)
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
        return article_from_bytes(read_stdin(stdin, max_bytes), path="-")
    return _load_file(source, max_bytes)


def read_stdin(stdin: BinaryIO, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """Standard input's bytes; TooLargeError past ``max_bytes``, InputError when empty."""
    data = stdin.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise TooLargeError(f"stdin: more than {_mib(max_bytes)} of input")
    if not data:
        raise InputError("stdin is empty")
    return data


def _load_url(url: str, limits: FetchLimits | None) -> Article:
    # httpx takes ~0.15 s to import: only for URLs, not for a local file.
    from brief.net import FetchLimits, fetch

    result = fetch(url, limits or FetchLimits(), accept=("html", "text"))
    return article_from_bytes(
        result.body, content_type=result.content_type, charset=result.charset, url=result.url
    )


def _load_file(source: str, max_bytes: int) -> Article:
    path = Path(source)
    compressed = path.name.lower().endswith(".gz")
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
    return article_from_bytes(data, path=source)


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


def _mib(size: int) -> str:
    return f"{size / (1024 * 1024):g} MiB"
