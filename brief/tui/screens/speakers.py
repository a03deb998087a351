"""Who said what (p): speakers ranked by quotes in the current filter, and what each said.

f follows (or stops following) the highlighted speaker; a followed one is marked ✓.
Enter opens the speaker's page (brief.tui.screens.speaker_page).
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.screen import Screen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from brief.present.carried import carried, outlet_name
from brief.store import ArticleFilter, Quotation, SpeakerCount, Store
from brief.text import sanitize
from brief.tui import keys
from brief.tui.context import Context
from brief.tui.filters import describe
from brief.tui.format import FOLLOWED_MARK, day, plain, said_text
from brief.tui.screens.list_keys import ListKeys
from brief.tui.widgets.key_hints import KeyHints
from brief.tui.widgets.rows import Rows

SPEAKERS_SHOWN = 100  # the most quoted
QUOTES_SHOWN = 50  # the most recent; laying out hundreds of wrapped quotes takes long


def ranked(speakers: list[SpeakerCount]) -> list[SpeakerCount]:
    """Most direct quotes first, then most statements, then by name."""
    return sorted(speakers, key=lambda s: (-s.quotes, -s.statements, s.name.lower()))


class SpeakersScreen(ListKeys, Screen[None]):
    """Speakers on the left; the quotes and statements of the highlighted one on the right."""

    BINDINGS = keys.SPEAKERS

    @dataclass
    class SpeakersLoaded(Message):
        """The speakers of the filter, what the first of them said, and who is followed."""

        speakers: list[SpeakerCount]
        first: list[Quotation]
        followed: frozenset[int]

    @dataclass
    class FollowChanged(Message):
        """f stored a follow or an unfollow: who is followed now (stored and config rules)."""

        speaker: SpeakerCount
        wanted: bool  # followed (True) or unfollowed
        followed: frozenset[int]

    @dataclass
    class QuotesLoaded(Message):
        """What one speaker said."""

        speaker: SpeakerCount
        rows: list[Quotation]

    def __init__(self, ctx: Context, flt: ArticleFilter, feed_names: dict[int, str]) -> None:
        super().__init__()
        self.ctx = ctx
        self.flt = flt
        self.feed_names = feed_names
        self.speakers: list[SpeakerCount] = []
        self.rows: list[Quotation] = []
        self.shown: str | None = None  # whose quotes are on the right
        self.followed: frozenset[int] = frozenset()  # ids of followed speakers

    def compose(self) -> ComposeResult:
        """Title line, the two lists, the footer."""
        title = Text("Speakers", style="bold") + Text(" · ") + describe(self.flt, self.feed_names)
        yield Static(title, id="speakers-title")
        with Horizontal(id="speakers-panes"):
            yield Rows(id="speaker-list")
            with Vertical(id="speaker-said"):
                yield Static(id="speaker-info")
                yield Rows(id="quote-list")
        yield KeyHints(self.BINDINGS, id="key-hints")

    def on_mount(self) -> None:
        """Read the ranking (from the cache when it is there) and the first one's quotes."""
        self.query_one("#speaker-list", OptionList).focus()
        if self.flt not in self.ctx.speakers:
            self.query_one("#speakers-panes").loading = True
        self._load_speakers()

    @work(thread=True, exclusive=True, group="speakers")
    def _load_speakers(self) -> None:
        # One message for the ranking and the first speaker's quotes: the screen is laid
        # out once, not once per part.
        speakers = self.ctx.speakers.get(self.flt)
        if speakers is None:
            speakers = ranked(self.ctx.reader.speakers(self.flt, limit=SPEAKERS_SHOWN))
            self.ctx.speakers[self.flt] = speakers
        first = _said_by(self.ctx.reader, speakers[0], self.flt) if speakers else []
        followed = self.ctx.reader.followed_speakers(self.ctx.config.follow)
        self.post_message(self.SpeakersLoaded(speakers, first, followed))

    def on_speakers_screen_speakers_loaded(self, message: SpeakersLoaded) -> None:
        """Fill both lists (or say there is nobody)."""
        self.query_one("#speakers-panes").loading = False
        self.speakers = message.speakers
        self.followed = message.followed
        speaker_list = self.query_one("#speaker-list", OptionList)
        with self.app.batch_update():
            speaker_list.set_options(
                Option(_speaker(s, s.id in self.followed), id=str(i))
                for i, s in enumerate(message.speakers)
            )
            if not message.speakers:
                quotes = self.query_one("#quote-list", OptionList)
                quotes.set_options([Option(Text("Nobody is quoted in these articles."))])
                return
            self._show_quotes(message.speakers[0], message.first)
            speaker_list.highlighted = 0

    @on(OptionList.OptionHighlighted, "#speaker-list")
    def _speaker_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option.id is None:
            return
        speaker = self.speakers[int(event.option.id)]
        if self.shown != speaker.name:
            self._load_quotes(speaker)

    @on(OptionList.OptionSelected, "#speaker-list")
    def _speaker_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option.id is None:
            return
        from brief.tui.screens.speaker_page import SpeakerPage

        speaker = self.speakers[int(event.option.id)]
        if speaker.id is None:  # not linked to a stored speaker: no page, their quotes
            self.query_one("#quote-list", OptionList).focus()
            return
        self.app.push_screen(SpeakerPage(self.ctx, speaker.id))

    def _highlighted_speaker(self) -> SpeakerCount | None:
        option = self.query_one("#speaker-list", OptionList).highlighted_option
        if option is None or option.id is None:
            return None
        return self.speakers[int(option.id)]

    def action_follow(self) -> None:
        """f: follow the highlighted speaker, or stop following them."""
        speaker = self._highlighted_speaker()
        if speaker is None:
            return
        if speaker.id is None:
            self.notify("Only a stored speaker can be followed.", severity="warning")
            return
        self._follow(speaker, speaker.id not in self.followed)

    @work(thread=True, exclusive=True, group="follow")
    def _follow(self, speaker: SpeakerCount, wanted: bool) -> None:
        # Written on the first connection (the writer); the set is read back with the config's
        # rules, which may still name a speaker unfollowed here.
        assert speaker.id is not None
        self.ctx.store.follow_speaker(speaker.id, wanted, now=self.ctx.clock())
        followed = self.ctx.store.followed_speakers(self.ctx.config.follow)
        self.post_message(self.FollowChanged(speaker, wanted, followed))

    def on_speakers_screen_follow_changed(self, message: FollowChanged) -> None:
        """Redraw the marks and say what changed (the app's screens re-count too)."""
        self.followed = message.followed
        speaker_list = self.query_one("#speaker-list", OptionList)
        for i, s in enumerate(self.speakers):
            speaker_list.replace_option_prompt(str(i), _speaker(s, s.id in self.followed))
        self._show_info(message.speaker)
        name = sanitize(message.speaker.name)
        if message.wanted:
            self.notify(f"Following {name}.", markup=False)
        elif message.speaker.id in message.followed:
            self.notify(
                f"{name} is still followed: a [[follow]] rule of the config names them.",
                severity="warning",
                markup=False,
            )
        else:
            self.notify(f"No longer following {name}.", markup=False)

    @work(thread=True, exclusive=True, group="quotes")
    def _load_quotes(self, speaker: SpeakerCount) -> None:
        rows = _said_by(self.ctx.reader, speaker, self.flt)
        if not get_current_worker().is_cancelled:
            self.post_message(self.QuotesLoaded(speaker, rows))

    def on_speakers_screen_quotes_loaded(self, message: QuotesLoaded) -> None:
        """Show what the highlighted speaker said."""
        with self.app.batch_update():
            self._show_quotes(message.speaker, message.rows)

    def _show_quotes(self, speaker: SpeakerCount, rows: list[Quotation]) -> None:
        """The speaker's name and role, then quotes and statements with article and date."""
        self.shown = speaker.name
        self._show_info(speaker)
        # The same quotation carried by several outlets is shown once, from the earliest.
        ordered = sorted(rows, key=lambda r: r.is_statement)
        groups = carried(ordered, lambda r: r.text, lambda r: r.dated, _outlet)
        self.rows = [g.first for g in groups]
        quotes = self.query_one("#quote-list", OptionList)
        quotes.set_options(Option(_quote(g.first, g.outlets), id=str(i))
                           for i, g in enumerate(groups))  # fmt: skip
        if self.rows:
            quotes.highlighted = 0

    def _show_info(self, speaker: SpeakerCount) -> None:
        info = _info(speaker)
        if speaker.id is not None and speaker.id in self.followed:
            info.append("\n✓ followed", style="bold green")
        self.query_one("#speaker-info", Static).update(info)

    @on(OptionList.OptionSelected, "#quote-list")
    def _quote_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option.id is None:
            return
        from brief.tui.screens.article import ArticleScreen

        row = self.rows[int(event.option.id)]
        self.app.push_screen(ArticleScreen(self.ctx, row.article_id))

    def action_back(self) -> None:
        """Escape: back to the articles."""
        self.dismiss(None)


def _said_by(reader: Store, speaker: SpeakerCount, flt: ArticleFilter) -> list[Quotation]:
    """What the speaker said in the filter's articles: every alias of a stored speaker, else
    what the articles attribute to that name."""
    if speaker.id is not None:
        return reader.quotations(speakers={speaker.id}, flt=flt, limit=QUOTES_SHOWN)
    return reader.quotations(named=speaker.name, flt=flt, limit=QUOTES_SHOWN)


def _speaker(speaker: SpeakerCount, followed: bool = False) -> Text:
    """One line: the number of quotes, ✓ when followed, then the name ("  3 ✓ Ulf Laessing")."""
    out = Text(f"{speaker.quotes:>4} ", style="bold #3b9cff", end="")
    if followed:
        out.append(f"{FOLLOWED_MARK} ", style="bold green")
    out.append_text(plain(speaker.name))
    if speaker.kind == "organization":
        out.append(" (organization)", style="dim")
    return out


def _info(speaker: SpeakerCount) -> Text:
    """Above the quotes: name, role, and how often they were quoted, in how many articles."""
    out = plain(speaker.name, "bold magenta")
    if speaker.role:
        out.append(", ")
        out.append_text(plain(speaker.role, "italic"))
    quotes = f"{speaker.quotes} quote{'s' if speaker.quotes != 1 else ''}"
    statements = f"{speaker.statements} statement{'s' if speaker.statements != 1 else ''}"
    articles = f"{speaker.articles} article{'s' if speaker.articles != 1 else ''}"
    out.append(f"\n{quotes} · {statements} · in {articles}", style="dim")
    return out


def _outlet(row: Quotation) -> str:
    """Where an article comes from: its site's host, else its title."""
    return outlet_name(None, None, row.article_url, row.article_title or f"#{row.article_id}")


def _quote(row: Quotation, outlets: tuple[str, ...] = ()) -> Text:
    """A quote (or ↳ statement) and, below it, its article and date."""
    out = said_text(row.text, row.is_statement)
    out.append("\n  — ", style="dim")
    out.append_text(plain(row.article_title, "cyan", default="(untitled)"))
    when = day(row.dated)
    if when:
        out.append(f" · {when}", style="dim")
    if len(outlets) > 1:
        out.append(f"\n  carried by {len(outlets)} outlets: ", style="yellow")
        out.append_text(plain(", ".join(outlets), "dim"))
    out.append("\n")
    return out
