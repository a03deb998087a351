"""The status line above the footer: the filter, the article count, and what is going on.

It runs the long jobs in thread workers and reports them: a refresh (brief.refresh.run.refresh),
whose progress events become messages so that new articles show up while it goes on, and
the demo's analysis of its samples. The UI keeps responding meanwhile.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Collection
from dataclasses import dataclass
from typing import TYPE_CHECKING

from rich.text import Text
from textual import work
from textual.message import Message
from textual.widgets import Static

from brief.errors import BriefError
from brief.tui.context import Context
from brief.tui.format import plain

if TYPE_CHECKING:
    from brief.refresh import ProgressEvent, RefreshReport


class StatusBar(Static):
    """Filter and counts on the left, then what is going on (refresh, demo loading)."""

    @dataclass
    class RefreshProgress(Message):
        """One step of a running refresh; ``error`` is set for a feed that failed."""

        event: ProgressEvent
        error: str | None

    @dataclass
    class RefreshDone(Message):
        """The refresh ended: its report, or the one-line error that stopped it."""

        report: RefreshReport | None
        error: str | None

    @dataclass
    class DemoProgress(Message):
        """One more sample article of the demo is analyzed and stored."""

        done: int
        total: int

    @dataclass
    class DemoFailed(Message):
        """The demo could not analyze its samples."""

        error: str

    def __init__(self, ctx: Context, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._ctx = ctx
        self._where = Text()
        self._activity = Text()
        self.refreshing = False

    def show_where(self, where: Text) -> None:
        """The filter and counts part."""
        self._where = where
        self._redraw()

    def show_activity(self, activity: Text) -> None:
        """The progress part (empty Text clears it)."""
        self._activity = activity
        self._redraw()

    def _redraw(self) -> None:
        line = self._where.copy()
        if self._activity:
            line.append("   ")
            line.append_text(self._activity)
        self.update(line)

    def load_demo(self) -> None:
        """Analyze the demo's samples into its (empty) store in a worker."""
        self.show_activity(Text("Analyzing the sample articles…", style="italic"))
        self._load_demo()

    @work(thread=True, exclusive=True, group="demo")
    def _load_demo(self) -> None:
        # The analysis pipeline loads in the worker: the first paint does not wait for it.
        from brief.tui.demo import populate

        def progress(done: int, total: int, title: str | None) -> None:
            self.post_message(self.DemoProgress(done, total))

        try:
            populate(self._ctx.store, progress, now=self._ctx.clock())
        except BriefError as err:
            self.post_message(self.DemoFailed(str(err)))

    def on_status_bar_demo_progress(self, message: DemoProgress) -> None:
        """How far the demo's analysis is."""
        if message.done == message.total:
            self.show_activity(Text(f"Demo: {message.total} sample articles analyzed."))
        else:
            line = f"Analyzing the sample articles… {message.done}/{message.total}"
            self.show_activity(Text(line, style="italic"))

    def on_status_bar_demo_failed(self, message: DemoFailed) -> None:
        """Say what went wrong (literally: the message may quote page text)."""
        self.show_activity(Text())
        self.notify(message.error, title="Demo", severity="error", markup=False)

    def start_refresh(self, feed_ids: Collection[int] | None) -> bool:
        """Refresh the feeds (all when None) in a worker; False, with a notification, when
        refresh cannot run here (demo, no refresh module, one already running)."""
        if self._ctx.demo:
            self.notify(
                "Refresh is not available in the demo: its feeds are bundled samples "
                "and the demo never uses the network.",
                severity="warning",
            )
            return False
        if importlib.util.find_spec("brief.refresh.run") is None:
            self.notify("refresh is not available", severity="warning")
            return False
        if self.refreshing:
            self.notify("A refresh is already running.")
            return False
        if feed_ids is not None and not feed_ids:
            self.notify("No feed to refresh here: choose a feed on the left.")
            return False
        self.refreshing = True
        what = "all feeds" if feed_ids is None else f"{len(feed_ids)} feed(s)"
        self.show_activity(Text(f"Refreshing {what}…", style="italic"))
        self._refresh(None if feed_ids is None else list(feed_ids))
        return True

    @work(thread=True, exclusive=True, group="refresh")
    def _refresh(self, feed_ids: list[int] | None) -> None:
        # Imported here: refresh pulls in httpx and the analysis pipeline.
        from brief.refresh import refresh

        store = self._ctx.store

        def progress(event: ProgressEvent) -> None:
            error = None
            if event.outcome == "failed" and event.phase == "feeds":
                error = next(
                    (f.last_error for f in store.list_feeds() if f.display_name == event.label),
                    None,
                )
            self.post_message(self.RefreshProgress(event, error))

        try:
            report = refresh(store, self._ctx.config, feed_ids=feed_ids, progress=progress)
        except BriefError as err:
            self.post_message(self.RefreshDone(None, str(err)))
            return
        self.post_message(self.RefreshDone(report, None))

    def on_status_bar_refresh_progress(self, message: RefreshProgress) -> None:
        """Show the step; a failed feed is a notification (its name and error, literally)."""
        event = message.event
        line = Text(f"Refreshing {event.phase}: {event.done}/{event.total} ", style="italic")
        line.append_text(plain(event.label, "dim"))
        self.show_activity(line)
        if event.outcome == "failed" and event.phase == "feeds":
            text = f"{event.label}: {message.error or 'refresh failed'}"
            self.notify(text, title="Feed failed", severity="error", markup=False)

    def on_status_bar_refresh_done(self, message: RefreshDone) -> None:
        """One line with what the refresh did, or why it stopped."""
        self.refreshing = False
        self.show_activity(Text())
        if message.report is None:
            self.notify(message.error or "refresh failed", severity="error", markup=False)
        else:
            self.notify(message.report.summary_line(), title="Refresh", markup=False)
