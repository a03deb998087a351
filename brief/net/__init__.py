"""The network stage: URL -> bytes under limits (fetch), bounded decoding, URL rules.

The names below are what other packages may use; the rest is internal.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from brief.lazy import lazy_attribute
from brief.net.charset import decode_bytes
from brief.net.inflate import DEFAULT_MAX_BYTES, Inflater
from brief.net.urls import http_url, normalize_url

if TYPE_CHECKING:
    from brief.net.client import (
        CONTENT_TYPES,
        FetchLimits,
        FetchResult,
        fetch,
        fetch_async,
        make_client,
    )

__all__ = [
    "CONTENT_TYPES",
    "DEFAULT_MAX_BYTES",
    "FetchLimits",
    "FetchResult",
    "Inflater",
    "decode_bytes",
    "fetch",
    "fetch_async",
    "http_url",
    "make_client",
    "normalize_url",
]

_LAZY = {
    "CONTENT_TYPES": "client",
    "FetchLimits": "client",
    "FetchResult": "client",
    "fetch": "client",
    "fetch_async": "client",
    "make_client": "client",
}


def __getattr__(name: str) -> object:
    """Import the heavy submodule behind ``name`` on first use."""
    return lazy_attribute(__name__, _LAZY, name)
