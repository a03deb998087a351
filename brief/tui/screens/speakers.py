"""Who said what (p): speakers ranked by quotes in the current filter, and what each said."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.message import Message
from textual.screen import Screen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from brief.store_types import ArticleFilter, QuoteRow, SpeakerCount
from brief.tui import keys
from brief.tui.context import Context
from brief.tui.filters import describe
from brief.tui.format import day, plain
from brief.tui.widgets.key_hints import KeyHints

QUOTES_SHOWN = 50  # the most recent; laying out hundreds of wrapped quotes takes long


def ranked(speakers: list[SpeakerCount]) -> list[SpeakerCount]:
    """Most direct quotes first, then most statements, then by name."""
    return sorted(speakers, key=lambda s: (-s.quotes, -s.statements, s.name.lower()))


class SpeakersScreen(Screen[None]):
    """Speakers on the left; the quotes and statements of the highlighted one on the right."""

    BINDINGS = keys.LIST

    @dataclass
    class SpeakersLoaded(Message):
        """The speakers of the filter."""

        speakers: list[SpeakerCount]

    @dataclass
    class QuotesLoaded(Message):
        """What one speaker said."""

        name: str
        rows: list[QuoteRow]

    def __init__(self, ctx: Context, flt: ArticleFilter, feed_names: dict[int, str]) -> None:
        super().__init__()
        self.ctx = ctx
        self.flt = flt
        self.feed_names = feed_names
        self.speakers: list[SpeakerCount] = []
        self.rows: list[QuoteRow] = []

    def compose(self) -> ComposeResult:
        """Title line, the two lists, the footer."""
        title = Text("Speakers", style="bold") + Text(" · ") + describe(self.flt, self.feed_names)
        yield Static(title, id="speakers-title")
        with Horizontal(id="speakers-panes"):
            yield OptionList(id="speaker-list")
            yield OptionList(id="quote-list")
        yield KeyHints(self.BINDINGS, id="key-hints")

    def on_mount(self) -> None:
        """The ranking from the cache, else read in a worker (it reads every quote)."""
        speaker_list = self.query_one("#speaker-list", OptionList)
        speaker_list.focus()
        cached = self.ctx.speakers.get(self.flt)
        if cached is not None:
            self.post_message(self.SpeakersLoaded(cached))
        else:
            speaker_list.loading = True
            self._load_speakers()

    @work(thread=True, exclusive=True, group="speakers")
    def _load_speakers(self) -> None:
        speakers = ranked(self.ctx.reader.speakers(self.flt))
        self.ctx.speakers[self.flt] = speakers
        self.post_message(self.SpeakersLoaded(speakers))

    def on_speakers_screen_speakers_loaded(self, message: SpeakersLoaded) -> None:
        """Fill the speaker list (or say there is nobody)."""
        self.speakers = message.speakers
        speaker_list = self.query_one("#speaker-list", OptionList)
        speaker_list.loading = False
        speaker_list.set_options(
            Option(_speaker(s), id=str(i)) for i, s in enumerate(message.speakers)
        )
        if message.speakers:
            speaker_list.highlighted = 0
        else:
            quotes = self.query_one("#quote-list", OptionList)
            quotes.set_options([Option(Text("Nobody is quoted in these articles."))])

    @on(OptionList.OptionHighlighted, "#speaker-list")
    def _speaker_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option.id is not None:
            self._load_quotes(self.speakers[int(event.option.id)].name)

    @on(OptionList.OptionSelected, "#speaker-list")
    def _speaker_selected(self, event: OptionList.OptionSelected) -> None:
        self.query_one("#quote-list", OptionList).focus()

    @work(thread=True, exclusive=True, group="quotes")
    def _load_quotes(self, name: str) -> None:
        rows = self.ctx.reader.quotes_by_speaker(name, self.flt, limit=QUOTES_SHOWN)
        if not get_current_worker().is_cancelled:
            self.post_message(self.QuotesLoaded(name, rows))

    def on_speakers_screen_quotes_loaded(self, message: QuotesLoaded) -> None:
        """Show the speaker's quotes, then statements, each with its article and date."""
        self.rows = sorted(message.rows, key=lambda r: r.is_statement)
        quotes = self.query_one("#quote-list", OptionList)
        quotes.set_options(Option(_quote(r), id=str(i)) for i, r in enumerate(self.rows))
        if self.rows:
            quotes.highlighted = 0

    @on(OptionList.OptionSelected, "#quote-list")
    def _quote_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option.id is None:
            return
        from brief.tui.screens.article import ArticleScreen

        row = self.rows[int(event.option.id)]
        self.app.push_screen(ArticleScreen(self.ctx, row.article_id))

    def action_cursor_down(self) -> None:
        """j: next row of the focused list."""
        if isinstance(self.focused, OptionList):
            self.focused.action_cursor_down()

    def action_cursor_up(self) -> None:
        """k: previous row of the focused list."""
        if isinstance(self.focused, OptionList):
            self.focused.action_cursor_up()

    def action_select(self) -> None:
        """Enter (when the focused list leaves it to the screen): choose the highlighted row."""
        if isinstance(self.focused, OptionList):
            self.focused.action_select()

    def action_back(self) -> None:
        """Escape: back to the articles."""
        self.dismiss(None)


def _speaker(speaker: SpeakerCount) -> Text:
    """Name, then counts: "Ulf Laessing  3 quotes · 1 statement"."""
    out = plain(speaker.name, "bold")  # one line each: long roles end in "…"
    counts = f"\n  {speaker.quotes} quote{'s' if speaker.quotes != 1 else ''}"
    if speaker.statements:
        counts += f" · {speaker.statements} statement{'s' if speaker.statements != 1 else ''}"
    out.append(counts, style="dim")
    if speaker.role:
        out.append("\n  ")
        out.append_text(plain(speaker.role, "italic dim"))
    return out


def _quote(row: QuoteRow) -> Text:
    """A quote (or ↳ statement) and, below it, its article and date."""
    out = Text()
    if row.is_statement:
        out.append("↳ ", style="yellow")
        out.append_text(plain(row.text, "dim"))
    else:
        out.append("“", style="green")
        out.append_text(plain(row.text))
        out.append("”", style="green")
    out.no_wrap = False
    out.append("\n  — ", style="dim")
    out.append_text(plain(row.article_title, "cyan", default="(untitled)"))
    when = day(row.published)
    if when:
        out.append(f" · {when}", style="dim")
    out.append("\n")
    return out
