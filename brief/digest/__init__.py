"""The daily digest: choose, group into stories, render, deliver, mark; made for cron.

``run_digest`` is the whole of `brief digest` (lock and refresh included). The names below
are what other packages may use; the rest is internal.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from brief.lazy import lazy_attribute

if TYPE_CHECKING:
    from brief.digest.daily import run_digest
    from brief.digest.delivery import Outcome
    from brief.digest.request import DigestRequest

__all__ = ["DigestRequest", "Outcome", "run_digest"]

_LAZY = {"DigestRequest": "request", "Outcome": "delivery", "run_digest": "daily"}


def __getattr__(name: str) -> object:
    """Import the heavy submodule behind ``name`` on first use."""
    return lazy_attribute(__name__, _LAZY, name)
