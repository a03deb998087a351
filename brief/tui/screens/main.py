"""The main screen: feeds and tags, the article list, and the brief of the highlighted article."""

from __future__ import annotations

import time
from dataclasses import dataclass, replace

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import Footer, OptionList

from brief.store import ArticleFilter
from brief.tui import keys
from brief.tui.browser import open_page
from brief.tui.context import Context
from brief.tui.screens.moves import Moves
from brief.tui.screens.speakers import SPEAKERS_SHOWN, ranked
from brief.tui.widgets.article_list import ArticleList
from brief.tui.widgets.brief_view import EMPTY_STORE, NO_ARTICLES, BriefView
from brief.tui.widgets.feed_info import FeedInfo
from brief.tui.widgets.feed_list import FeedList, filter_for
from brief.tui.widgets.status_bar import StatusBar

RELOAD_INTERVAL = 0.5  # seconds between list re-reads while a refresh stores articles


class MainScreen(Moves):
    """Feeds (left), articles (middle), brief (right): as many as fit (brief.tui.layout).

    The layout is brief.tui.screens.panes's, the keys that write read and starred state
    brief.tui.screens.marks's, those that move brief.tui.screens.moves's.
    """

    BINDINGS = keys.MAIN

    @dataclass
    class RefreshWanted(Message):
        """r or R: the app should refresh these feeds (all when None)."""

        feed_ids: list[int] | None

    def __init__(self, ctx: Context) -> None:
        super().__init__(ctx)
        self._last_reload = 0.0

    def compose(self) -> ComposeResult:
        """The panes, a status line and the footer of keys."""
        with Horizontal(id="panes"):
            with Vertical(id="feeds-pane"):
                yield FeedList(
                    self.ctx.reader, self.ctx.config.ignore, self.ctx.config.follow, id="feeds"
                )
                yield FeedInfo(id="feed-info")
            yield ArticleList(
                self.ctx.store,
                self.ctx.clock,
                self.ctx.config.tui.sort,
                self.ctx.config.ignore,
                self.ctx.config.follow,
                id="articles",
            )
            yield BriefView(self.ctx.store, id="brief")
        yield StatusBar(id="status")
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        """Show what the store has at once; the demo analyzes its samples meanwhile."""
        self.feeds.border_title = "Feeds"
        self.articles.border_title = "Articles"
        self.brief.border_title = "Brief"
        self.feeds.recount()
        self.articles.reload()
        self.articles.focus()
        self.lay_out()
        if self.ctx.demo:
            self.brief.loading = True  # until the app's demo job has stored a first sample

    @property
    def flt(self) -> ArticleFilter:
        """The filter of the article list."""
        return self.articles.flt

    def reload(self) -> None:
        """Re-read the list and the counts (new articles), keeping the same one highlighted."""
        self.ctx.forget_speakers()
        self.feeds.recount()
        self.articles.reload(keep=self.articles.highlighted_id)

    # Events from the panes.

    @on(OptionList.OptionHighlighted, "#feeds")
    def _feed_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self._show_feed_info()
        # Only the user's moves in the pane choose a filter: the pane is rebuilt (and its
        # highlight set again) after every count, which must not replace a filter chosen
        # with f, nor jump the list back to its top.
        if event.option.id is not None and self.feeds.has_focus:
            counts = self.feeds.counts
            followed = counts.followed_ids if counts else frozenset()
            self.set_filter(filter_for(event.option.id, followed))

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
        self.update_status()
        if message.flt == ArticleFilter() and message.flt not in self.ctx.speakers:
            self._rank_speakers(message.flt)

    @work(thread=True, exclusive=True, group="speakers")
    def _rank_speakers(self, flt: ArticleFilter) -> None:
        # Everyone, ahead of time and on the second connection: p then opens on a ready
        # ranking. Other filters are ranked when asked for (each ranking reads every quote).
        self.ctx.speakers[flt] = ranked(self.ctx.reader.speakers(flt, limit=SPEAKERS_SHOWN))

    def on_feed_list_counted(self, message: FeedList.Counted) -> None:
        """Counts changed: the empty-store note may need to appear or go, and a filter on the
        followed speakers follows who is followed now."""
        self._show_feed_info()
        followed = message.counts.followed_ids
        if self.flt.followed is not None and self.flt.followed != followed:
            self.set_filter(replace(self.flt, followed=followed), keep=self.articles.highlighted_id)
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

    def action_select(self) -> None:
        """Enter (when the focused list leaves it to the screen): open the article."""
        if isinstance(self.focused, OptionList):
            self.focused.action_select()

    def action_open_browser(self) -> None:
        """o: open the article's page in the browser (http and https links only); an article
        with enclosures (audio, video) offers them beside its page."""
        summary = self._highlighted()
        if summary is None:
            return
        shown = self.brief.article
        if shown is None or shown.id != summary.id or not shown.enclosures:
            open_page(self.app, self.ctx.open_url, summary.url)
            return
        from brief.tui.screens.links import LinksScreen

        def chosen(url: str | None) -> None:
            if url is not None:
                open_page(self.app, self.ctx.open_url, url)

        self.app.push_screen(LinksScreen(summary.url, shown.enclosures), chosen)

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

    def demo_failed(self) -> None:
        """Nothing more is coming from the demo: stop the loading indicator."""
        self.brief.loading = False

    def reload_while_refreshing(self) -> None:
        """New articles appear while a refresh runs (re-read at most a few times a second)."""
        now = time.monotonic()
        if now - self._last_reload >= RELOAD_INTERVAL:
            self._last_reload = now
            self.reload()
