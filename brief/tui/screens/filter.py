"""The filter dialog (f): unread, starred, a period, a feed, a tag or a speaker."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from brief.store import ArticleFilter, FeedStatus, SpeakerCount
from brief.tui import keys
from brief.tui.context import Context
from brief.tui.filters import apply, describe
from brief.tui.format import plain
from brief.tui.screens.list_keys import ListKeys
from brief.tui.widgets.rows import Rows

SPEAKERS_OFFERED = 30


class FilterScreen(ListKeys, ModalScreen[ArticleFilter | None]):
    """A list of filters; choosing one returns the new filter, escape returns None."""

    BINDINGS = keys.LIST

    @dataclass
    class Loaded(Message):
        """Feeds and the most quoted speakers, for the choices."""

        feeds: list[FeedStatus]
        speakers: list[SpeakerCount]

    def __init__(self, ctx: Context, flt: ArticleFilter) -> None:
        super().__init__()
        self.ctx = ctx
        self.flt = flt

    def compose(self) -> ComposeResult:
        """A title with the current filter, then the choices."""
        with Vertical(id="filter-dialog"):
            yield Static(Text("Filter: ", style="bold") + describe(self.flt, {}), id="filter-now")
            yield Rows(id="filter-choices")

    def on_mount(self) -> None:
        """Read the feeds and speakers the choices name."""
        self.query_one(OptionList).focus()
        self._load()

    @work(thread=True, exclusive=True)
    def _load(self) -> None:
        reader = self.ctx.reader
        speakers = self.ctx.speakers.get(ArticleFilter())
        if speakers is None:
            speakers = reader.speakers(limit=SPEAKERS_OFFERED)
        self.post_message(self.Loaded(reader.list_feeds(), speakers[:SPEAKERS_OFFERED]))

    def on_filter_screen_loaded(self, message: Loaded) -> None:
        """Fill the list: toggles and periods, then feeds, tags and speakers."""
        names = {f.id: f.display_name for f in message.feeds}
        self.query_one("#filter-now", Static).update(
            Text("Filter: ", style="bold") + describe(self.flt, names)
        )
        flt = self.flt
        options: list[Option | None] = [
            Option(Text("All articles (clear the filter)"), id="all"),
            Option(_toggle("Unread only", flt.unread), id="unread"),
            Option(_toggle("Starred only", flt.starred), id="starred"),
            Option(Text("Last 24 hours"), id="since:1"),
            Option(Text("Last 7 days"), id="since:7"),
        ]
        if flt.since is not None:
            options.append(Option(Text("Any time"), id="anytime"))
        if message.feeds:
            options.append(None)
            options.extend(
                Option(Text("Feed: ") + plain(f.display_name), id=f"feed:{f.id}")
                for f in message.feeds
            )
        tags = sorted({t for f in message.feeds for t in f.tags}, key=str.lower)
        if tags:
            options.append(None)
            options.extend(Option(Text("Tag: #") + plain(t), id=f"tag:{t}") for t in tags)
        if message.speakers:
            options.append(None)
            if flt.speaker is not None:
                options.append(Option(Text("Anyone (any speaker)"), id="anyone"))
            options.extend(Option(_speaker(s), id=f"speaker:{s.name}") for s in message.speakers)
        choices = self.query_one(OptionList)
        choices.set_options(options)
        choices.highlighted = 0

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        if event.option.id is not None:
            self.dismiss(apply(event.option.id, self.flt, self.ctx.clock()))

    def action_back(self) -> None:
        """Escape: keep the filter as it was."""
        self.dismiss(None)


def _toggle(label: str, on: bool) -> Text:
    return Text(("✓ " if on else "  ") + label)


def _speaker(speaker: SpeakerCount) -> Text:
    out = Text("Speaker: ") + plain(speaker.name)
    out.append(f"  {speaker.quotes} quotes", style="dim")
    return out
