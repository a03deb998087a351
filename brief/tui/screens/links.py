"""o on an article with enclosures: choose the page or one of its files (podcast audio, video).

    Open
    ▸ the article's page   https://example.org/episode-12
    ▸ audio/mpeg · 24.3 MB  https://cdn.example.org/ep12.mp3

Only http(s) links are offered (brief.tui.context.browsable); what is chosen opens in the
browser as the page would.
"""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from brief.models import Enclosure
from brief.tui import keys
from brief.tui.context import browsable
from brief.tui.format import enclosure_text, plain
from brief.tui.screens.list_keys import ListKeys
from brief.tui.widgets.rows import Rows


class LinksScreen(ListKeys, ModalScreen[str | None]):
    """The article's page and its enclosures; enter returns the chosen URL, escape None."""

    BINDINGS = keys.LIST

    def __init__(self, page: str | None, enclosures: tuple[Enclosure, ...]) -> None:
        super().__init__()
        self.links = [u for u in (browsable(page), *(browsable(e.url) for e in enclosures)) if u]
        self.page = browsable(page)
        self.enclosures = [e for e in enclosures if browsable(e.url)]

    def compose(self) -> ComposeResult:
        """A title and the links."""
        with Vertical(id="links-dialog"):
            yield Static(Text("Open", style="bold"), id="links-title")
            yield Rows(id="links-choices")

    def on_mount(self) -> None:
        """The page first, then every file."""
        options = []
        if self.page:
            options.append(Option(Text("the article's page  ") + plain(self.page, "dim"), id="0"))
        start = len(options)
        options += [
            Option(enclosure_text(e), id=str(start + i)) for i, e in enumerate(self.enclosures)
        ]
        choices = self.query_one(Rows)
        choices.set_options(options)
        choices.highlighted = 0 if options else None
        choices.focus()

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        if event.option.id is not None:
            self.dismiss(self.links[int(event.option.id)])

    def action_back(self) -> None:
        """Escape: open nothing."""
        self.dismiss(None)
