"""One article's brief on a screen of its own (opened from the speakers or search screen)."""

from __future__ import annotations

from textual import work
from textual.app import ComposeResult
from textual.screen import Screen

from brief.tui import keys
from brief.tui.browser import open_page
from brief.tui.context import Context
from brief.tui.widgets.brief_view import BriefView
from brief.tui.widgets.key_hints import KeyHints


class ArticleScreen(Screen[None]):
    """The brief, full width; t for the full text, o for the browser, escape to go back."""

    BINDINGS = keys.ARTICLE

    def __init__(self, ctx: Context, article_id: int) -> None:
        super().__init__()
        self.ctx = ctx
        self.article_id = article_id

    def compose(self) -> ComposeResult:
        """The brief pane and the footer."""
        yield BriefView(self.ctx.store, id="article-brief")
        yield KeyHints(self.BINDINGS, id="key-hints")

    def on_mount(self) -> None:
        """Read the article, and mark it read: it is being read."""
        view = self.query_one(BriefView)
        view.focus()
        view.load(self.article_id)
        self._mark_read()

    @work(thread=True, group="state")
    def _mark_read(self) -> None:
        self.ctx.store.set_read(self.article_id, True)

    def on_brief_view_loaded(self, message: BriefView.Loaded) -> None:
        """Say so when the article is gone (e.g. deleted by retention meanwhile)."""
        if message.article is None:
            self.query_one(BriefView).show_message("This article is no longer stored.")

    def action_scroll_down(self) -> None:
        """j: scroll down."""
        self.query_one(BriefView).scroll_down()

    def action_scroll_up(self) -> None:
        """k: scroll up."""
        self.query_one(BriefView).scroll_up()

    def action_toggle_text(self) -> None:
        """t: the brief or the full extracted text."""
        self.query_one(BriefView).toggle_text()

    def action_open_browser(self) -> None:
        """o: the page in the browser (http and https only)."""
        article = self.query_one(BriefView).article
        open_page(self.app, self.ctx.open_url, article.url if article else None)

    def action_back(self) -> None:
        """Escape: back to the list this article was chosen from."""
        self.dismiss(None)
