"""The status line above the footer: the filter, the article count, and what is going on.

It only shows text it is given; the jobs that produce progress (a refresh, the demo's
analysis) run on the app (brief.tui.jobs).
"""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static


class StatusBar(Static):
    """Filter and counts on the left, then what is going on (refresh, demo loading)."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._where = Text()
        self._activity = Text()

    def show_where(self, where: Text) -> None:
        """The filter and counts part."""
        self._where = where
        self._redraw()

    def show_activity(self, activity: Text) -> None:
        """The progress part (empty Text clears it)."""
        self._activity = activity
        self._redraw()

    @property
    def activity(self) -> str:
        """The progress part as plain text ("" when nothing is going on)."""
        return self._activity.plain

    def _redraw(self) -> None:
        line = self._where.copy()
        if self._activity:
            line.append("   ")
            line.append_text(self._activity)
        self.update(line)
