"""Refresh: feeds -> new articles -> analysis -> store, for the CLI, the TUI and the digest;
and the one-shot summary under the same worker bounds (summarize_bounded).

The names below are what other packages may use; the rest is internal.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from brief.lazy import lazy_attribute

if TYPE_CHECKING:
    from brief.refresh.oneshot import OneShot, summarize_bounded
    from brief.refresh.run import ProgressEvent, RefreshReport, refresh

__all__ = ["OneShot", "ProgressEvent", "RefreshReport", "refresh", "summarize_bounded"]

_LAZY = {
    "OneShot": "oneshot",
    "ProgressEvent": "run",
    "RefreshReport": "run",
    "refresh": "run",
    "summarize_bounded": "oneshot",
}


def __getattr__(name: str) -> object:
    """Import the heavy submodule behind ``name`` on first use."""
    return lazy_attribute(__name__, _LAZY, name)
