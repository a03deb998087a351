"""What every screen of the TUI shares: the store, the config and the outside world's edges."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from urllib.parse import urlsplit

from brief.config import Config
from brief.store import Store


@dataclass(frozen=True, slots=True)
class Context:
    """The store and config, the clock (ages in lists) and how a URL is opened.

    ``clock`` and ``open_url`` are parameters so that tests and snapshots can fix the time
    and see which URL would have opened without starting a browser.
    """

    store: Store
    config: Config
    clock: Callable[[], datetime]
    open_url: Callable[[str], object]
    demo: bool = False


def browsable(url: str | None) -> str | None:
    """The URL when a browser may be given it (http or https with a host), else None.

    Article links come from feeds: a ``javascript:``, ``file:`` or ``data:`` link must never
    reach the browser.
    """
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    if any(ord(c) < 0x21 or ord(c) == 0x7F for c in url.strip()):
        return None
    return url.strip()
