"""Feeds: feed bytes -> entries, OPML in and out, finding the feed behind a page.

The names below are what other packages may use; the rest is internal.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from brief.lazy import lazy_attribute

if TYPE_CHECKING:
    from brief.feeds.discover import find_feed
    from brief.feeds.opml import parse_opml, write_opml
    from brief.feeds.parse import parse_feed

__all__ = ["find_feed", "parse_feed", "parse_opml", "write_opml"]

_LAZY = {
    "find_feed": "discover",
    "parse_feed": "parse",
    "parse_opml": "opml",
    "write_opml": "opml",
}


def __getattr__(name: str) -> object:
    """Import the heavy submodule behind ``name`` on first use."""
    return lazy_attribute(__name__, _LAZY, name)
