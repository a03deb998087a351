"""The summary stage: extractive summaries (brief's default and sumy's algorithms).

The names below are what other packages may use; the rest is internal.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from brief.lazy import lazy_attribute
from brief.summary.languages import language_name

if TYPE_CHECKING:
    from brief.summary.rank import summarize

__all__ = ["language_name", "summarize"]

_LAZY = {"summarize": "rank"}


def __getattr__(name: str) -> object:
    """Import the heavy submodule behind ``name`` on first use."""
    return lazy_attribute(__name__, _LAZY, name)
