"""Search (/): full-text search over titles, text, quotes and speakers, as you type."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from brief.errors import UsageError
from brief.store import SearchHit
from brief.tui import keys
from brief.tui.context import Context
from brief.tui.format import age, plain, snippet
from brief.tui.screens.list_keys import ListKeys
from brief.tui.widgets.key_hints import KeyHints
from brief.tui.widgets.rows import Rows

LIMIT = 100

HINT = (
    "Type words to find them in titles, texts, quotes and speakers. "
    'Use "double quotes" for a phrase; AND, OR, NOT and prefix* work too.'
)


class SearchScreen(ListKeys, Screen[None]):
    """A query box, a message line and the results; enter opens a result."""

    BINDINGS = keys.SEARCH

    @dataclass
    class Results(Message):
        """What the store found for ``query`` (or why it could not search)."""

        query: str
        hits: list[SearchHit]
        error: str | None

    def __init__(self, ctx: Context) -> None:
        super().__init__()
        self.ctx = ctx
        self.hits: list[SearchHit] = []

    def compose(self) -> ComposeResult:
        """Input, message, results, footer."""
        yield Input(placeholder="Search…", id="search-input")
        yield Static(Text(HINT, style="dim"), id="search-message")
        yield Rows(id="search-results")
        yield KeyHints(self.BINDINGS, id="key-hints")

    def on_mount(self) -> None:
        """Typing starts in the query box."""
        self.query_one(Input).focus()

    @on(Input.Changed, "#search-input")
    def _typed(self, event: Input.Changed) -> None:
        if event.value.strip():
            self._search(event.value)
        else:
            self._show(self.Results("", [], None))

    @on(Input.Submitted, "#search-input")
    def _submitted(self, event: Input.Submitted) -> None:
        # One enter opens the highlighted result (the first, unless moved with down or j).
        results = self.query_one(OptionList)
        if results.highlighted is not None:
            self._open(results.highlighted)

    def action_to_results(self) -> None:
        """down in the query box: into the results."""
        results = self.query_one(OptionList)
        if results.option_count:
            results.focus()

    @work(thread=True, exclusive=True, group="search")
    def _search(self, query: str) -> None:
        try:
            hits = self.ctx.reader.search(query, limit=LIMIT)
            error = None
        except UsageError as err:
            hits, error = [], str(err)
        if not get_current_worker().is_cancelled:
            self.post_message(self.Results(query, hits, error))

    def on_search_screen_results(self, message: Results) -> None:
        """Show the results of the latest query (a late answer to an older one is dropped)."""
        if message.query != self.query_one(Input).value and message.query:
            return
        self._show(message)

    def _show(self, message: Results) -> None:
        self.hits = message.hits
        note = self.query_one("#search-message", Static)
        if message.error is not None:
            note.update(plain(message.error, "bold red"))
        elif not message.query:
            note.update(Text(HINT, style="dim"))
        else:
            found = len(message.hits)
            more = "+" if found == LIMIT else ""
            note.update(Text(f"{found}{more} article{'s' if found != 1 else ''}", style="dim"))
        now = self.ctx.clock()
        results = self.query_one(OptionList)
        results.set_options(Option(_hit(h, now), id=str(i)) for i, h in enumerate(self.hits))
        if self.hits:
            results.highlighted = 0

    @on(OptionList.OptionSelected, "#search-results")
    def _opened(self, event: OptionList.OptionSelected) -> None:
        if event.option.id is not None:
            self._open(int(event.option.id))

    def _open(self, index: int) -> None:
        from brief.tui.screens.article import ArticleScreen

        self.app.push_screen(ArticleScreen(self.ctx, self.hits[index].article.id))

    def action_back(self) -> None:
        """Escape: back to the articles."""
        self.dismiss(None)


def _hit(hit: SearchHit, now: datetime) -> Text:
    """Title, then source and age, then the snippet with the matches highlighted."""
    article = hit.article
    out = plain(article.title, "bold", default="(untitled)")
    out.no_wrap = False
    out.append("\n  ")
    if article.feeds:
        out.append_text(plain(article.feeds[0], "cyan"))
        out.append(" · ", style="dim")
    out.append(age(article.published or article.fetched_at, now), style="dim")
    out.append("\n  ")
    out.append_text(snippet(hit.snippet))
    out.append("\n")
    return out
