"""Under the feeds: why the highlighted feed is failing and when brief will try it again.

    ! failing: 3 attempts in a row
    HTTP 503 Service Unavailable
    next try in 25m (14:05 UTC) · r tries now

The error comes from the network or the feed's server: it is shown as literal text.
"""

from __future__ import annotations

from datetime import datetime

from rich.text import Text
from textual.widgets import Static

from brief.store import FeedStatus
from brief.text import sanitize

FAILING_MARK = "!"  # the badge of a failing feed in the list (the README says so too)


def failure_note(feed: FeedStatus, now: datetime) -> Text | None:
    """What went wrong with the feed and when it is tried next; None for a healthy feed."""
    if not feed.error_count:
        return None
    out = Text()
    attempts = "attempt" if feed.error_count == 1 else f"{feed.error_count} attempts in a row"
    out.append(f"{FAILING_MARK} failing: {attempts}", style="bold red")
    out.append("\n")
    out.append(sanitize(feed.last_error or "no error recorded").replace("\n", " "))
    out.append("\n")
    out.append(next_try(feed.next_attempt, now), style="dim")
    if feed.last_success is not None:
        out.append(f"\nlast success {feed.last_success:%Y-%m-%d %H:%M} UTC", style="dim")
    return out


def next_try(moment: datetime | None, now: datetime) -> str:
    """ "next try in 25m (14:05 UTC)", or "at the next refresh" when nothing holds it back."""
    if moment is None or moment <= now:
        return "next try at the next refresh · r tries now"
    minutes = int((moment - now).total_seconds() // 60)
    wait = f"{minutes}m" if minutes < 120 else f"{minutes // 60}h {minutes % 60}m"
    return f"next try in {wait} ({moment:%H:%M} UTC) · r tries now"


class FeedInfo(Static):
    """The failure note of the highlighted feed; hidden while it has none."""

    _shown: Text | None = None

    def show_feed(self, feed: FeedStatus | None, now: datetime) -> None:
        """Show the note for ``feed`` (None or healthy: hide it). An unchanged note is left
        alone: updating it would lay the whole screen out again after every count."""
        note = failure_note(feed, now) if feed is not None else None
        if note == self._shown:
            return
        self._shown = note
        self.display = note is not None
        self.update(note or Text())
