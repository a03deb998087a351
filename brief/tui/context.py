"""What every screen of the TUI shares: the store, the config and the outside world's edges."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from brief.config import Config
from brief.net import http_url
from brief.store import ArticleFilter, SpeakerCount, Store


@dataclass(frozen=True, slots=True)
class Context:
    """The store and config, the clock (ages in lists) and how a URL is opened.

    ``store`` serves what must be quick (the list, a brief, read and star writes); ``reader``
    is a second connection to the same database for the slow reads (speaker rankings, feed
    counts, search), so that they never hold up the first: one connection runs one query at a
    time. ``speakers`` caches rankings by filter (the query reads every quote).
    ``clock`` and ``open_url`` are parameters so that tests and snapshots can fix the time
    and see which URL would have opened without starting a browser.
    """

    store: Store
    reader: Store
    config: Config
    clock: Callable[[], datetime]
    open_url: Callable[[str], object] | None  # None: the user's browser (brief.tui.browser)
    demo: bool = False
    speakers: dict[ArticleFilter, list[SpeakerCount]] = field(default_factory=dict)

    def forget_speakers(self, *, state_only: bool = False) -> None:
        """Drop cached rankings: all of them after new articles, or (``state_only``) those
        whose filter depends on read or starred state after such a change."""
        for flt in list(self.speakers):
            if not state_only or flt.unread or flt.starred:
                self.speakers.pop(flt, None)


def browsable(url: str | None) -> str | None:
    """The URL when a browser may be given it (http or https with a host), else None.

    Article links come from feeds: a ``javascript:``, ``file:`` or ``data:`` link must never
    reach the browser.
    """
    return http_url(url)
