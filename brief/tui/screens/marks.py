"""The main screen's state keys: m read/unread, s star, A mark all read in view, u undo it.

Writes go to the store in thread workers; each posts one message back, and the list redraws
from it without reading everything again.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from textual import work
from textual.message import Message

from brief.store import ArticleFilter, ArticleSummary
from brief.tui.filters import describe
from brief.tui.screens.panes import Panes


class Marks(Panes):
    """Read, starred and mark-all-read (with its undo) on top of the panes."""

    @dataclass
    class StateChanged(Message):
        """An article's read or starred state was written."""

        summary: ArticleSummary

    @dataclass
    class AllMarked(Message):
        """A marked these unread articles of ``flt`` read (empty: there were none)."""

        flt: ArticleFilter
        ids: list[int]

    @dataclass
    class Undone(Message):
        """u made these articles unread again."""

        ids: list[int]

    _undo: list[int] | None = None  # what u makes unread again (the last A)

    def _highlighted(self) -> ArticleSummary | None:
        return self.articles.highlighted_summary

    def open_article(self) -> None:
        """Read the highlighted article: mark it read and move to its brief."""
        summary = self._highlighted()
        if summary is None:
            return
        if not summary.read:
            self._write_state(summary, read=True)
        self.brief.focus()

    def action_toggle_read(self) -> None:
        """m: mark the highlighted article read or unread."""
        summary = self._highlighted()
        if summary is not None:
            self._write_state(summary, read=not summary.read)

    def action_toggle_star(self) -> None:
        """s: star or unstar the highlighted article."""
        summary = self._highlighted()
        if summary is not None:
            self._write_state(summary, starred=not summary.starred)

    @work(thread=True, group="state")
    def _write_state(
        self, summary: ArticleSummary, *, read: bool | None = None, starred: bool | None = None
    ) -> None:
        if read is not None:
            self.ctx.store.set_read(summary.id, read)
            summary = replace(summary, read=read)
        if starred is not None:
            self.ctx.store.set_starred(summary.id, starred)
            summary = replace(summary, starred=starred)
        self.post_message(self.StateChanged(summary))

    def on_marks_state_changed(self, message: StateChanged) -> None:
        """Redraw the row, the brief's star line and the counts (nothing is read again)."""
        summary = message.summary
        self.articles.update_summary(summary)
        self.ctx.forget_speakers(state_only=True)
        shown = self.brief.article
        if shown is not None and shown.id == summary.id and shown.starred != summary.starred:
            self.brief.show(replace(shown, starred=summary.starred, read=summary.read))
        self.feeds.recount()

    def action_mark_all_read(self) -> None:
        """A: mark every article of the current view read (u undoes it); articles the
        ignore rules hide are not in the view, and stay as they are."""
        self._mark_all(self.articles.flt)

    @work(thread=True, group="state")
    def _mark_all(self, flt: ArticleFilter) -> None:
        ids = self.ctx.store.mark_all_read_ids(self.articles.for_store(flt))
        self.post_message(self.AllMarked(flt, ids))

    def on_marks_all_marked(self, message: AllMarked) -> None:
        """Redraw the list and the counts; say how many, and that u undoes it."""
        if not message.ids:
            self.notify("Nothing unread here.", markup=False)
            return
        self._undo = message.ids
        self._after_state_writes()
        names = {f.id: f.display_name for f in self.feeds.counts.feeds} if self.feeds.counts else {}
        where = describe(message.flt, names).plain
        count = len(message.ids)
        text = f"{count} article{'s' if count != 1 else ''} marked read in {where} · u undoes"
        self.notify(text, title="Marked read", markup=False)

    def action_undo(self) -> None:
        """u: make the articles the last A marked read unread again."""
        if not self._undo:
            self.notify("Nothing to undo.", markup=False)
            return
        ids, self._undo = self._undo, None
        self._unmark(ids)

    @work(thread=True, group="state")
    def _unmark(self, ids: list[int]) -> None:
        self.ctx.store.set_read(ids, False)
        self.post_message(self.Undone(ids))

    def on_marks_undone(self, message: Undone) -> None:
        """Redraw the list and the counts."""
        self._after_state_writes()
        count = len(message.ids)
        self.notify(f"{count} article{'s' if count != 1 else ''} unread again.", markup=False)

    def _after_state_writes(self) -> None:
        self.ctx.forget_speakers(state_only=True)
        self.feeds.recount()
        self.articles.reload(keep=self.articles.highlighted_id)
