"""The extraction stage: page or file bytes -> Article (title, byline, date, paragraphs).

The names below are what other packages may use; the rest is internal.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from brief.lazy import lazy_attribute

if TYPE_CHECKING:
    from brief.extract.article import article_from_bytes
    from brief.extract.page import extract_html, extract_text
    from brief.extract.source import load_source, read_stdin

__all__ = ["article_from_bytes", "extract_html", "extract_text", "load_source", "read_stdin"]

_LAZY = {
    "article_from_bytes": "article",
    "extract_html": "page",
    "extract_text": "page",
    "load_source": "source",
    "read_stdin": "source",
}


def __getattr__(name: str) -> object:
    """Import the heavy submodule behind ``name`` on first use."""
    return lazy_attribute(__name__, _LAZY, name)
