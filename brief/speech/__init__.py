"""The speech stage: Article -> quotations with their speakers, statements and actors.

The names below are what other packages may use; the rest is internal.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from brief.lazy import lazy_attribute

if TYPE_CHECKING:
    from brief.speech.pipeline import analyze_speech

__all__ = ["analyze_speech"]

_LAZY = {"analyze_speech": "pipeline"}


def __getattr__(name: str) -> object:
    """Import the heavy submodule behind ``name`` on first use."""
    return lazy_attribute(__name__, _LAZY, name)
