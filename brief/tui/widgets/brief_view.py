"""The brief of one stored article (brief.present.panels's panels), or its full extracted text.

A RichLog: the brief is rendered to lines once when shown (and again when the pane's width
changes), then scrolling and repainting only copy lines. A Static would lay the whole brief out
again on every frame, which costs tens of milliseconds for a long brief.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.console import Group, RenderableType
from rich.text import Text
from textual import work
from textual.events import Resize
from textual.message import Message
from textual.widgets import RichLog
from textual.worker import get_current_worker

from brief.present import brief_renderable, header
from brief.store import Store, StoredArticle
from brief.text import sanitize
from brief.tui.format import enclosure_text, plain

EMPTY_STORE = """\
No articles yet.

Subscribe to a feed and fetch it:

    brief feeds add https://feeds.bbci.co.uk/news/world/rss.xml
    brief fetch

or list feeds in the config file (brief init writes an example), then press R here
to refresh them all. To look around first: brief --demo"""

NO_ARTICLES = """\
No articles yet in your {feeds} feed(s).

Press R to fetch them all now (or run brief fetch)."""


class BriefView(RichLog):
    """Scrollable pane showing an article's brief; ``t`` switches to the full text."""

    @dataclass
    class Loaded(Message):
        """An article was read from the store (None: it is gone)."""

        article_id: int
        article: StoredArticle | None

    def __init__(self, store: Store, *, id: str | None = None) -> None:
        # Page text is never markup: the log is given Text and Rich renderables only.
        # min_width 1: lines are wrapped at the pane's width, however narrow (RichLog's
        # default of 78 columns cut every line of a pane narrower than that).
        super().__init__(
            id=id, wrap=True, markup=False, highlight=False, auto_scroll=False, min_width=1
        )
        self._store = store
        self.article: StoredArticle | None = None
        self.full_text = False
        self._shown: RenderableType = Text()
        self._width = 0

    @work(thread=True, exclusive=True, group="brief")
    def load(self, article_id: int) -> None:
        """Read the article in a worker; posts Loaded unless a newer load replaced it."""
        article = self._store.get_article(article_id)
        if not get_current_worker().is_cancelled:
            self.post_message(self.Loaded(article_id, article))

    def on_brief_view_loaded(self, message: Loaded) -> None:
        """Show what the worker read (the screen hears the message too)."""
        self.show(message.article)

    def show(self, article: StoredArticle | None) -> None:
        """Draw the article (its brief, or its text when the full text is toggled on)."""
        same = article is not None and self.article is not None and article.id == self.article.id
        self.article = article
        self.loading = False  # an article is here: whatever was awaited has come
        self._draw(self._renderable(), keep_scroll=same)

    def show_message(self, text: str | Text) -> None:
        """Show a note instead of an article (empty store, nothing selected, loading)."""
        self.article = None
        self._draw(text if isinstance(text, Text) else Text(text))

    def toggle_text(self) -> None:
        """Switch between the brief and the full extracted text."""
        self.full_text = not self.full_text
        self._draw(self._renderable())

    def _draw(self, renderable: RenderableType, *, keep_scroll: bool = False) -> None:
        """Render once into the log's lines (the top shown, unless the same article)."""
        scroll_y = self.scroll_y
        self._shown = renderable
        self.clear()
        self.write(renderable, expand=True, scroll_end=False)
        self.scroll_to(y=scroll_y if keep_scroll else 0, animate=False, immediate=True)

    def on_resize(self, event: Resize) -> None:
        """Wrap again at the new width (RichLog keeps lines at the width they had)."""
        super().on_resize(event)
        if event.size.width != self._width:
            self._width = event.size.width
            self._draw(self._shown, keep_scroll=True)

    def _renderable(self) -> RenderableType:
        article = self.article
        if article is None:
            return Text("No article selected.", style="dim")
        parts: list[RenderableType] = []
        state = _state_line(article)
        if article.enclosures:
            state.append("\n")
            for enclosure in article.enclosures:
                state.append("▸ ", style="cyan")
                state.append_text(enclosure_text(enclosure))
                state.append("\n")
            state.append("o offers these files beside the page", style="dim italic")
        if article.brief is None:
            parts.append(plain(article.title, "bold", default="(untitled)"))
            parts.append(state)
            parts.append(Text("Not analyzed yet: the feed's own text follows.", style="italic"))
            parts.extend(_paragraphs(article.paragraphs))
            return Group(*parts)
        if self.full_text:
            parts.extend([header(article.brief), state])
            parts.extend(_paragraphs(article.paragraphs or article.brief.article.paragraphs))
            return Group(*parts)
        return Group(state, brief_renderable(article.brief))


def _state_line(article: StoredArticle) -> Text:
    """Feeds, star and extraction status: what the store knows beyond the brief."""
    out = Text()
    if article.starred:
        out.append("★ starred  ", style="yellow")
    if article.feeds:
        out.append("in ", style="dim")
        out.append_text(plain(", ".join(article.feeds), "dim"))
    if article.status == "feed-only":
        out.append("  · from the feed's text", style="dim italic")
        if article.reason:
            out.append(" (", style="dim")
            out.append_text(plain(article.reason, "dim"))
            out.append(")", style="dim")
    return out


def _paragraphs(paragraphs: tuple[str, ...]) -> list[Text]:
    """Each paragraph as literal, sanitized text with a blank line before it."""
    return [Text("\n" + sanitize(p)) for p in paragraphs]
