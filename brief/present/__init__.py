"""Presenting a Brief: Rich panels (CLI and TUI), plain text and Markdown.

The names below are what other packages may use; the rest is internal.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from brief.lazy import lazy_attribute

if TYPE_CHECKING:
    from brief.present.panels import brief_renderable, header
    from brief.present.plain import markdown, md_escape, plain_text

__all__ = ["brief_renderable", "header", "markdown", "md_escape", "plain_text"]

_LAZY = {
    "brief_renderable": "panels",
    "header": "panels",
    "markdown": "plain",
    "md_escape": "plain",
    "plain_text": "plain",
}


def __getattr__(name: str) -> object:
    """Import the heavy submodule behind ``name`` on first use."""
    return lazy_attribute(__name__, _LAZY, name)
