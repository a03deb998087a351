"""A speaker's page (enter on the speakers screen): who they are, the roles they were given
over time, the people quoted beside them, and everything they said, newest story first, the
same quotation carried by several outlets shown once. Enter on a quotation opens its article.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.message import Message
from textual.screen import Screen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from brief.store import SpeakerDetail
from brief.store.speaker_view import QuotedBeside
from brief.tui import keys
from brief.tui.context import Context
from brief.tui.format import FOLLOWED_MARK, day, plain, said_text
from brief.tui.screens.list_keys import ListKeys
from brief.tui.speaker_stories import SaidOnce, SpeakerStory, speaker_stories
from brief.tui.widgets.key_hints import KeyHints
from brief.tui.widgets.rows import Rows

QUOTES_READ = 300  # the most recent quotations and statements
BESIDE_SHOWN = 8


class SpeakerPage(ListKeys, Screen[None]):
    """One stored speaker: a header, then one list of roles, neighbours and what they said."""

    BINDINGS = keys.LIST

    @dataclass
    class Loaded(Message):
        """Everything the page shows, read in one go (None: no such speaker any more)."""

        detail: SpeakerDetail | None
        stories: list[SpeakerStory]
        beside: list[QuotedBeside]
        followed: bool

    def __init__(self, ctx: Context, speaker_id: int) -> None:
        super().__init__()
        self.ctx = ctx
        self.speaker_id = speaker_id
        self.said: dict[str, SaidOnce] = {}  # option id: the quotation it shows

    def compose(self) -> ComposeResult:
        """The header, the list, the footer."""
        yield Static(id="speaker-page-title")
        yield Rows(id="speaker-page")
        yield KeyHints(self.BINDINGS, id="key-hints")

    def on_mount(self) -> None:
        """Read the page in a worker."""
        page = self.query_one("#speaker-page", OptionList)
        page.focus()
        page.loading = True
        self._load()

    @work(thread=True, exclusive=True, group="speaker-page")
    def _load(self) -> None:
        reader = self.ctx.reader
        detail = reader.speaker(self.speaker_id)
        if detail is None or detail.speaker.id is None:
            self.post_message(self.Loaded(None, [], [], False))
            return
        current = detail.speaker.id
        stories = speaker_stories(reader.quotations(speakers={current}, limit=QUOTES_READ))
        beside = reader.quoted_beside(current, limit=BESIDE_SHOWN)
        followed = current in reader.followed_speakers(self.ctx.config.follow)
        self.post_message(self.Loaded(detail, stories, beside, followed))

    def on_speaker_page_loaded(self, message: Loaded) -> None:
        """Fill the header and the list; highlight the newest quotation."""
        page = self.query_one("#speaker-page", OptionList)
        page.loading = False
        title = self.query_one("#speaker-page-title", Static)
        if message.detail is None:
            title.update(Text("This speaker is no longer stored.", style="dim"))
            return
        title.update(_header(message.detail, message.followed))
        options: list[Option | None] = []
        options.extend(_roles(message.detail))
        options.extend(_beside(message.beside))
        self.said = {}
        for n, story in enumerate(message.stories):
            options.append(Option(_story_heading(story), id=f"story:{n}", disabled=True))
            for m, said in enumerate(story.said):
                self.said[f"said:{n}:{m}"] = said
                prompt = _said(said, message.detail.speaker.role)
                options.append(Option(prompt, id=f"said:{n}:{m}"))
        if not message.stories:
            options.append(Option(Text("Nothing they said is stored.", style="dim"), disabled=True))
        with self.app.batch_update():
            page.set_options(options)
            if self.said:
                page.highlighted = page.get_option_index(next(iter(self.said)))
                page.scroll_home(animate=False)

    @on(OptionList.OptionSelected, "#speaker-page")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        said = self.said.get(event.option.id or "")
        if said is None:
            return
        from brief.tui.screens.article import ArticleScreen

        self.app.push_screen(ArticleScreen(self.ctx, said.quote.article_id))

    def action_back(self) -> None:
        """Escape: back to the speakers."""
        self.dismiss(None)


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _header(detail: SpeakerDetail, followed: bool) -> Text:
    """Name (✓ when followed), latest role; counts and the dates first and last quoted."""
    s = detail.speaker
    out = Text(end="")
    if followed:
        out.append(f"{FOLLOWED_MARK} ", style="bold green")
    out.append_text(plain(s.name, "bold magenta"))
    if s.kind == "organization":
        out.append(" (organization)", style="dim")
    if s.role:
        out.append(", ")
        out.append_text(plain(s.role, "italic"))
    out.append(f"\n{_plural(s.quotes, 'quote')} · {_plural(s.statements, 'statement')}"
               f" · in {_plural(s.articles, 'article')}", style="dim")  # fmt: skip
    if s.first_seen or s.last_seen:
        out.append(f" · {day(s.first_seen)} – {day(s.last_seen)}", style="dim")
    return out


def _roles(detail: SpeakerDetail) -> list[Option | None]:
    """ "Roles" and one line per role, latest first, with the dates it was seen."""
    if not detail.roles:
        return []
    out: list[Option | None] = [Option(Text("Roles", style="bold underline"), disabled=True)]
    for role in detail.roles:
        line = Text("  ") + plain(role.role, "italic")
        first, last = day(role.first_seen), day(role.last_seen)
        when = first if first == last else f"{first} – {last}"
        if when:
            line.append(f" · {when}", style="dim")
        out.append(Option(line, disabled=True))
    return out


def _beside(beside: list[QuotedBeside]) -> list[Option | None]:
    """ "Quoted beside": the others quoted in the same articles, most shared articles first."""
    if not beside:
        return []
    line = Text("Quoted beside ", style="bold underline", end="")
    line.append(" ")
    for i, other in enumerate(beside):
        if i:
            line.append(", ", style="dim")
        line.append_text(plain(other.name))
        line.append(f" ({other.articles})", style="dim")
    line.no_wrap = False
    return [Option(line, disabled=True)]


def _story_heading(story: SpeakerStory) -> Text:
    """The story's headline and how many articles tell it."""
    out = Text("▌ ", style="bold #3b9cff", end="")
    out.append_text(plain(story.headline, "bold", default="(untitled)"))
    if story.articles > 1:
        out.append(f" · {story.articles} articles", style="dim")
    out.no_wrap = False
    return out


def _said(said: SaidOnce, latest_role: str | None) -> Text:
    """A quotation (or ↳ statement); below it its outlet, date and the role given then (when
    not the latest, shown in the header), and "carried by N outlets" when several carry it."""
    q = said.quote
    out = said_text(q.text, q.is_statement, "  ")
    out.append("\n    — ", style="dim")
    out.append_text(plain(said.outlets[0] if said.outlets else "", "cyan"))
    when = day(q.published)
    if when:
        out.append(f" · {when}", style="dim")
    if q.role and q.role != latest_role:
        out.append(" · ", style="dim")
        out.append_text(plain(q.role, "italic dim"))
    if len(said.outlets) > 1:
        out.append(f"\n    carried by {len(said.outlets)} outlets: ", style="yellow")
        out.append_text(plain(", ".join(said.outlets), "dim"))
    return out
