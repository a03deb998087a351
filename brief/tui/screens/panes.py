"""The main screen's panes and their layout: as many as fit the terminal, always the focused one.

The base of MainScreen (brief.tui.screens.main), which adds the keys of brief.tui.screens.marks
and brief.tui.screens.moves on top of it.
"""

from __future__ import annotations

from collections.abc import Callable

from textual.events import DescendantFocus, Resize
from textual.screen import Screen

from brief.store import ArticleFilter
from brief.tui import layout
from brief.tui.context import Context
from brief.tui.filters import describe
from brief.tui.widgets.article_list import ArticleList
from brief.tui.widgets.brief_view import BriefView
from brief.tui.widgets.feed_list import FeedList, option_for
from brief.tui.widgets.status_bar import StatusBar


class Panes(Screen[None]):
    """Feeds, articles and the brief: the accessors, and which of them are shown."""

    AUTO_FOCUS = "#articles"

    def __init__(self, ctx: Context) -> None:
        super().__init__()
        self.ctx = ctx
        self._pane = "articles"  # the pane with the focus, or the last one that had it

    @property
    def feeds(self) -> FeedList:
        """The left pane."""
        return self.query_one(FeedList)

    @property
    def articles(self) -> ArticleList:
        """The article list."""
        return self.query_one(ArticleList)

    @property
    def brief(self) -> BriefView:
        """The brief pane."""
        return self.query_one(BriefView)

    @property
    def status(self) -> StatusBar:
        """The status line."""
        return self.query_one(StatusBar)

    def set_filter(
        self,
        flt: ArticleFilter,
        *,
        keep: int | None = None,
        then: Callable[[], None] | None = None,
    ) -> None:
        """Show the articles of another filter (and mark it in the left pane if it is there);
        ``keep`` stays highlighted if it is in the new list, ``then`` runs once it is shown."""
        if flt == self.articles.flt:
            return
        self.articles.reload(flt, keep=keep, then=then)
        option = option_for(flt)
        if option is not None:
            self.feeds.select_id(option)
        self.update_status()

    def update_status(self) -> None:
        """The status line: the filter in words, how many articles, the order if not by date."""
        counts = self.feeds.counts
        names = {f.id: f.display_name for f in counts.feeds} if counts else {}
        where = describe(self.articles.flt, names)
        where.append(f" · {self.articles.total} articles", style="dim")
        if self.articles.order != "date":
            where.append(f" · by {self.articles.order}", style="dim")
        if self.articles.show_hidden and self.articles.hide:
            where.append(" · ignored ones shown (I hides them)", style="dim")
        elif self.articles.hidden:
            where.append(f" · {self.articles.hidden} hidden by ignore rules (I)", style="dim")
        self.status.show_where(where)

    def on_resize(self, event: Resize) -> None:
        """Another terminal size: three, two or one pane."""
        self.lay_out()

    def on_descendant_focus(self, event: DescendantFocus) -> None:
        """The focused pane is always on screen (at 80 columns it is the only one)."""
        pane = event.widget.id
        if pane in layout.PANES and pane != self._pane:
            self._pane = pane
            self.lay_out()

    def lay_out(self) -> None:
        """Show the panes that fit beside the focused one (brief.tui.layout)."""
        shown = layout.shown(self.size.width, self._pane)
        self.set_class(len(shown) == 1, "-one-pane")
        self.set_class(len(shown) == 2, "-two-panes")
        for pane in layout.PANES:
            widget = self.query_one(f"#{pane}-pane" if pane == "feeds" else f"#{pane}")
            widget.display = pane in shown

    def action_next_pane(self) -> None:
        """tab: the next pane (shown first, if it was not)."""
        self.go_to(layout.step(self._pane, forward=True))

    def action_previous_pane(self) -> None:
        """shift+tab: the previous pane."""
        self.go_to(layout.step(self._pane, forward=False))

    def action_back_to_list(self) -> None:
        """escape: from the brief or the feeds back to the article list."""
        self.go_to("articles")

    def go_to(self, pane: str) -> None:
        """Show ``pane`` (a name in brief.tui.layout.PANES) and give it the focus."""
        self._pane = pane
        self.lay_out()
        self.query_one(f"#{pane}").focus()
