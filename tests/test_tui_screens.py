"""The TUI's other screens through Pilot: speakers, search, the article screen, help."""

from __future__ import annotations

import pytest
from textual.widgets import Input, OptionList
from tui_support import SEED_TITLE, Opened, run_app

from brief.config import parse_config
from brief.store import ArticleFilter, Store
from brief.tui import keys
from brief.tui.screens.article import ArticleScreen
from brief.tui.screens.help import HelpScreen
from brief.tui.screens.main import MainScreen
from brief.tui.screens.search import SearchScreen
from brief.tui.screens.speakers import SpeakersScreen
from brief.tui.widgets.brief_view import BriefView

pytestmark = pytest.mark.anyio


async def test_p_ranks_speakers_by_quotes_and_lists_what_they_said(demo_store: Store) -> None:
    async with run_app(demo_store) as tui:
        app = tui.app
        await tui.press("p")
        screen = app.screen
        assert isinstance(screen, SpeakersScreen)
        counts = [s.quotes for s in screen.speakers]
        assert counts == sorted(counts, reverse=True)
        names = [s.name for s in screen.speakers]
        assert {"Ulf Laessing", "Abdoulaye Diop", "Oula"} <= set(names)
        # Move to Ulf Laessing: his three quotes, each with its article.
        speaker_list = screen.query_one("#speaker-list", OptionList)
        speaker_list.highlighted = names.index("Ulf Laessing")
        await tui.settle()
        assert {r.speaker for r in screen.rows} == {"Ulf Laessing"}
        assert sum(not r.is_statement for r in screen.rows) == 3
        assert all(r.article_title == SEED_TITLE for r in screen.rows)
        text = tui.text()
        assert "From the Nigerien point of view" in text
        assert "Ulf Laessing" in text and SEED_TITLE in text
        # Tab goes to their quotes (enter opens their page: tests/test_speaker_page.py);
        # enter on a quote opens its article.
        await tui.pilot.press("tab")
        assert app.focused is screen.query_one("#quote-list")
        await tui.press("j", "k", "enter")
        assert isinstance(app.screen, ArticleScreen)
        view = app.screen.query_one(BriefView)
        assert view.article is not None and view.article.title == SEED_TITLE
        stored = demo_store.get_article(view.article.id)
        assert stored is not None and stored.read  # opening an article reads it
        await tui.pilot.press("escape")
        assert app.screen is screen
        await tui.pilot.press("escape")
        assert isinstance(app.screen, MainScreen)


async def test_speakers_follow_the_main_screens_filter(demo_store: Store) -> None:
    async with run_app(demo_store) as tui:
        tui.main.set_filter(ArticleFilter(tag="us"))
        await tui.settle()
        await tui.press("p")
        screen = tui.app.screen
        assert isinstance(screen, SpeakersScreen)
        names = {s.name for s in screen.speakers}
        assert "Ulf Laessing" not in names  # the seed is not tagged "us"
        assert "Martin Indyk" in names  # the Washington Post article is
        assert "tag #us" in tui.text()


async def test_search_as_you_type_and_open_a_result(demo_store: Store) -> None:
    async with run_app(demo_store) as tui:
        app = tui.app
        await tui.pilot.press("slash")
        screen = app.screen
        assert isinstance(screen, SearchScreen)
        assert isinstance(app.focused, Input)
        await tui.press(*"Laessi")
        await tui.press("n", "g")
        assert [h.article.title for h in screen.hits] == [SEED_TITLE]
        assert "1 article" in tui.text()
        # In the box, q and j are letters, not quit and next.
        await tui.press("q", "j")
        assert app.is_running
        assert screen.query_one(Input).value == "Laessingqj"
        await tui.press("backspace", "backspace")
        assert len(screen.hits) == 1
        await tui.press("enter")  # one enter in the box opens the first result
        assert isinstance(app.screen, ArticleScreen)
        assert "Ulf Laessing" in tui.text()
        await tui.press("escape")
        assert app.screen is screen
        # down goes from the box into the results, where j and enter choose another one.
        await tui.press(*" OR israel")
        assert len(screen.hits) >= 2
        await tui.press("down")
        assert app.focused is screen.query_one("#search-results")
        await tui.press("j", "enter")
        assert isinstance(app.screen, ArticleScreen)
        assert app.screen.article_id == screen.hits[1].article.id
        await tui.pilot.press("escape", "escape")
        assert isinstance(app.screen, MainScreen)


async def test_a_malformed_query_is_a_message_not_a_crash(demo_store: Store) -> None:
    async with run_app(demo_store) as tui:
        await tui.press("slash", *"mali AND (")
        screen = tui.app.screen
        assert isinstance(screen, SearchScreen)
        assert screen.hits == []
        assert "search: cannot read the query" in tui.text()
        assert tui.app.is_running
        await tui.press("backspace", "backspace", "backspace", "backspace", "backspace")
        assert screen.hits and "cannot read" not in tui.text()
        await tui.press("ctrl+a", "ctrl+k")  # clear the box: back to the hint
        assert screen.hits == []
        assert "Type words to find them" in tui.text()


async def test_the_article_screen_toggles_text_and_opens_links(demo_store: Store) -> None:
    opened = Opened()
    async with run_app(demo_store, opened=opened) as tui:
        app = tui.app
        jazeera = next(a for a in demo_store.list_articles() if a.feeds == ("Al Jazeera",))
        app.push_screen(ArticleScreen(app.ctx, jazeera.id))
        await tui.settle()
        view = app.screen.query_one(BriefView)
        assert view.article is not None and view.article.id == jazeera.id
        await tui.pilot.press("t")
        assert view.full_text
        await tui.pilot.press("j", "k", "t")
        assert not view.full_text
        await tui.press("o")
        assert opened.urls == [jazeera.url]


async def test_help_lists_every_key_with_the_configured_ones(demo_store: Store) -> None:
    config = parse_config('[keys]\nrefresh_all = "ctrl+r"\n')
    async with run_app(demo_store, config, size=(160, 80)) as tui:
        app, pilot = tui.app, tui.pilot
        await tui.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        text = tui.text()
        for binding_id in keys.binding_ids():
            assert binding_id in text
        refresh_all = next(line for line in text.splitlines() if "refresh_all" in line)
        assert "^r" in refresh_all and "Refresh all" in refresh_all
        await pilot.press("escape")
        assert isinstance(app.screen, MainScreen)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("question_mark")
        assert isinstance(app.screen, MainScreen)
