"""The daily digest: choose, group into stories, render, deliver, mark; made for cron.

The names below are what other packages may use; the rest is internal.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from brief.lazy import lazy_attribute

if TYPE_CHECKING:
    from brief.digest.mail import MailSettings
    from brief.digest.run import Delivery, Selection, deliver, locked, parse_day

__all__ = ["Delivery", "MailSettings", "Selection", "deliver", "locked", "parse_day"]

_LAZY = {
    "Delivery": "run",
    "MailSettings": "mail",
    "Selection": "run",
    "deliver": "run",
    "locked": "run",
    "parse_day": "run",
}


def __getattr__(name: str) -> object:
    """Import the heavy submodule behind ``name`` on first use."""
    return lazy_attribute(__name__, _LAZY, name)
