"""The main screen: feeds and tags, the article list, and the brief of the highlighted article."""

from __future__ import annotations

import time
from dataclasses import dataclass, replace

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.events import DescendantFocus, Resize
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, OptionList

from brief.store import ArticleFilter, ArticleSummary
from brief.tui import keys, layout
from brief.tui.browser import open_page
from brief.tui.context import Context
from brief.tui.filters import describe
from brief.tui.screens.speakers import SPEAKERS_SHOWN, ranked
from brief.tui.widgets.article_list import ArticleList
from brief.tui.widgets.brief_view import EMPTY_STORE, NO_ARTICLES, BriefView
from brief.tui.widgets.feed_info import FeedInfo
from brief.tui.widgets.feed_list import FeedList, filter_for, option_for
from brief.tui.widgets.status_bar import StatusBar

RELOAD_INTERVAL = 0.5  # seconds between list re-reads while a refresh stores articles


class MainScreen(Screen[None]):
    """Feeds (left), articles (middle), brief (right): as many as fit (brief.tui.layout)."""

    BINDINGS = keys.MAIN
    AUTO_FOCUS = "#articles"

    @dataclass
    class StateChanged(Message):
        """An article's read or starred state was written."""

        summary: ArticleSummary

    @dataclass
    class RefreshWanted(Message):
        """r or R: the app should refresh these feeds (all when None)."""

        feed_ids: list[int] | None

    def __init__(self, ctx: Context) -> None:
        super().__init__()
        self.ctx = ctx
        self._last_reload = 0.0
        self._pane = "articles"  # the pane with the focus, or the last one that had it

    def compose(self) -> ComposeResult:
        """The panes, a status line and the footer of keys."""
        with Horizontal(id="panes"):
            with Vertical(id="feeds-pane"):
                yield FeedList(self.ctx.reader, id="feeds")
                yield FeedInfo(id="feed-info")
            yield ArticleList(self.ctx.store, self.ctx.clock, id="articles")
            yield BriefView(self.ctx.store, id="brief")
        yield StatusBar(id="status")
        yield Footer()

    def on_mount(self) -> None:
        """Show what the store has at once; the demo analyzes its samples meanwhile."""
        self.feeds.border_title = "Feeds"
        self.articles.border_title = "Articles"
        self.brief.border_title = "Brief"
        self.feeds.recount()
        self.articles.reload()
        self.articles.focus()
        self._lay_out()
        if self.ctx.demo:
            self.brief.loading = True  # until the app's demo job has stored a first sample

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

    @property
    def flt(self) -> ArticleFilter:
        """The filter of the article list."""
        return self.articles.flt

    def set_filter(self, flt: ArticleFilter) -> None:
        """Show the articles of another filter (and mark it in the left pane if it is there)."""
        if flt == self.articles.flt:
            return
        self.articles.reload(flt)
        option = option_for(flt)
        if option is not None:
            self.feeds.select_id(option)
        self._update_status()

    def reload(self) -> None:
        """Re-read the list and the counts (new articles), keeping the same one highlighted."""
        self.ctx.forget_speakers()
        self.feeds.recount()
        self.articles.reload(keep=self.articles.highlighted_id)

    # Layout: the panes that fit, always with the focused one.

    def on_resize(self, event: Resize) -> None:
        """Another terminal size: three, two or one pane."""
        self._lay_out()

    def on_descendant_focus(self, event: DescendantFocus) -> None:
        """The focused pane is always on screen (at 80 columns it is the only one)."""
        pane = event.widget.id
        if pane in layout.PANES and pane != self._pane:
            self._pane = pane
            self._lay_out()

    def _lay_out(self) -> None:
        shown = layout.shown(self.size.width, self._pane)
        self.set_class(len(shown) == 1, "-one-pane")
        self.set_class(len(shown) == 2, "-two-panes")
        for pane in layout.PANES:
            self.query_one(f"#{pane}-pane" if pane == "feeds" else f"#{pane}").display = (
                pane in shown
            )

    def action_next_pane(self) -> None:
        """tab: the next pane (shown first, if it was not)."""
        self._go_to(layout.step(self._pane, forward=True))

    def action_previous_pane(self) -> None:
        """shift+tab: the previous pane."""
        self._go_to(layout.step(self._pane, forward=False))

    def action_back_to_list(self) -> None:
        """escape: from the brief or the feeds back to the article list."""
        self._go_to("articles")

    def _go_to(self, pane: str) -> None:
        self._pane = pane
        self._lay_out()
        self.query_one(f"#{pane}").focus()

    # Events from the panes.

    @on(OptionList.OptionHighlighted, "#feeds")
    def _feed_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self._show_feed_info()
        # Only the user's moves in the pane choose a filter: the pane is rebuilt (and its
        # highlight set again) after every count, which must not replace a filter chosen
        # with f, nor jump the list back to its top.
        if event.option.id is not None and self.feeds.has_focus:
            self.set_filter(filter_for(event.option.id))

    def _show_feed_info(self) -> None:
        option = self.feeds.highlighted_option
        counts = self.feeds.counts
        feed = None
        if option is not None and option.id and option.id.startswith("feed:") and counts:
            feed = next((f for f in counts.feeds if f"feed:{f.id}" == option.id), None)
        self.query_one(FeedInfo).show_feed(feed, self.ctx.clock())

    @on(OptionList.OptionSelected, "#feeds")
    def _feed_selected(self, event: OptionList.OptionSelected) -> None:
        self.articles.focus()

    @on(OptionList.OptionHighlighted, "#articles")
    def _article_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option.id is None:
            return
        article_id = int(event.option.id)
        if self.brief.article is None or self.brief.article.id != article_id:
            self.brief.load(article_id)

    @on(OptionList.OptionSelected, "#articles")
    def _article_selected(self, event: OptionList.OptionSelected) -> None:
        self.open_article()

    def on_article_list_loaded(self, message: ArticleList.Loaded) -> None:
        """A page for the list: the list and the highlighted brief, drawn in one frame."""
        with self.app.batch_update():
            self._show_page(message)

    def _show_page(self, message: ArticleList.Loaded) -> None:
        self.articles.apply(message)
        if message.offset or message.flt != self.articles.flt:
            return
        current = self.articles.highlighted_id
        if current is None:
            self._show_empty()
        elif message.article is not None and message.article.id == current:
            if message.article != self.brief.article:  # e.g. a refresh finished its analysis
                self.brief.show(message.article)
        elif self.brief.article is None or self.brief.article.id != current:
            self.brief.load(current)
        self._update_status()
        if message.flt == ArticleFilter() and message.flt not in self.ctx.speakers:
            self._rank_speakers(message.flt)

    @work(thread=True, exclusive=True, group="speakers")
    def _rank_speakers(self, flt: ArticleFilter) -> None:
        # Everyone, ahead of time and on the second connection: p then opens on a ready
        # ranking. Other filters are ranked when asked for (each ranking reads every quote).
        self.ctx.speakers[flt] = ranked(self.ctx.reader.speakers(flt, limit=SPEAKERS_SHOWN))

    def on_feed_list_counted(self, message: FeedList.Counted) -> None:
        """Counts changed: the empty-store note may need to appear or go."""
        self._show_feed_info()
        if self.articles.highlighted_id is None:
            self._show_empty()

    def _show_empty(self) -> None:
        counts = self.feeds.counts
        if self.ctx.demo and self.brief.loading:
            return
        if counts is not None and self.articles.flt == ArticleFilter():
            if not counts.feeds:
                self.brief.show_message(EMPTY_STORE)
            else:
                self.brief.show_message(NO_ARTICLES.format(feeds=len(counts.feeds)))
        else:
            self.brief.show_message(Text("No articles match this filter.", style="dim"))

    # Actions (keys in brief.tui.keys.MAIN).

    def action_cursor_down(self) -> None:
        """Next row of the focused list, or scroll the brief."""
        focused = self.focused
        if isinstance(focused, BriefView):
            focused.scroll_down()
        elif isinstance(focused, OptionList):
            focused.action_cursor_down()

    def action_cursor_up(self) -> None:
        """Previous row of the focused list, or scroll the brief back."""
        focused = self.focused
        if isinstance(focused, BriefView):
            focused.scroll_up()
        elif isinstance(focused, OptionList):
            focused.action_cursor_up()

    def action_select(self) -> None:
        """Enter (when the focused list leaves it to the screen): open the article."""
        if isinstance(self.focused, OptionList):
            self.focused.action_select()

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

    def action_open_browser(self) -> None:
        """o: open the article's page in the browser (http and https links only)."""
        summary = self._highlighted()
        if summary is not None:
            open_page(self.app, self.ctx.open_url, summary.url)

    def action_toggle_text(self) -> None:
        """t: the brief or the full extracted text."""
        self.brief.toggle_text()

    def action_filter(self) -> None:
        """f: choose a filter (unread, starred, day, feed, tag, speaker)."""
        from brief.tui.screens.filter import FilterScreen

        def chosen(flt: ArticleFilter | None) -> None:
            if flt is not None:
                self.set_filter(flt)

        self.app.push_screen(FilterScreen(self.ctx, self.flt), chosen)

    def action_refresh(self) -> None:
        """r: refresh the selected feed (or the feeds of the highlighted article)."""
        self.post_message(self.RefreshWanted(self._feeds_to_refresh()))

    def action_refresh_all(self) -> None:
        """R: refresh every feed."""
        self.post_message(self.RefreshWanted(None))

    def _feeds_to_refresh(self) -> list[int]:
        counts = self.feeds.counts
        feeds = counts.feeds if counts else []
        if self.flt.feed_id is not None:
            return [self.flt.feed_id]
        if self.flt.tag is not None:
            return [f.id for f in feeds if self.flt.tag in f.tags]
        summary = self._highlighted()
        names = set(summary.feeds) if summary else set()
        return [f.id for f in feeds if f.display_name in names]

    # State writes in a worker; the demo and refresh run on the app (brief.tui.jobs).

    def _highlighted(self) -> ArticleSummary | None:
        return self.articles.highlighted_summary

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

    def on_main_screen_state_changed(self, message: StateChanged) -> None:
        """Redraw the row, the brief's star line and the counts (nothing is read again)."""
        summary = message.summary
        self.articles.update_summary(summary)
        self.ctx.forget_speakers(state_only=True)
        shown = self.brief.article
        if shown is not None and shown.id == summary.id and shown.starred != summary.starred:
            self.brief.show(replace(shown, starred=summary.starred, read=summary.read))
        self.feeds.recount()

    def demo_failed(self) -> None:
        """Nothing more is coming from the demo: stop the loading indicator."""
        self.brief.loading = False

    def reload_while_refreshing(self) -> None:
        """New articles appear while a refresh runs (re-read at most a few times a second)."""
        now = time.monotonic()
        if now - self._last_reload >= RELOAD_INTERVAL:
            self._last_reload = now
            self.reload()

    def _update_status(self) -> None:
        counts = self.feeds.counts
        names = {f.id: f.display_name for f in counts.feeds} if counts else {}
        where = describe(self.flt, names)
        where.append(f" · {self.articles.total} articles", style="dim")
        self.status.show_where(where)
