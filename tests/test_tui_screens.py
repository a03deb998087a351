"""The TUI's other screens through Pilot: speakers, search, the article screen, help."""

from __future__ import annotations

import pytest
from textual.widgets import Input, OptionList
from tui_support import (
    SEED_TITLE,
    Opened,
    demo_db_fixture,  # noqa: F401  (fixture)
    make_app,
    screen_text,
    settle,
    store_fixture,  # noqa: F401  (fixture)
)

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
SIZE = (160, 50)


def option_ids(widget: OptionList) -> list[str | None]:
    return [option.id for option in widget.options]


async def test_p_ranks_speakers_by_quotes_and_lists_what_they_said(store: Store) -> None:
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("p")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, SpeakersScreen)
        counts = [s.quotes for s in screen.speakers]
        assert counts == sorted(counts, reverse=True)
        names = [s.name for s in screen.speakers]
        assert {"Ulf Laessing", "Abdoulaye Diop", "Oula"} <= set(names)
        # Move to Ulf Laessing: his three quotes, each with its article.
        speaker_list = screen.query_one("#speaker-list", OptionList)
        speaker_list.highlighted = names.index("Ulf Laessing")
        await settle(pilot)
        assert {r.speaker for r in screen.rows} == {"Ulf Laessing"}
        assert sum(not r.is_statement for r in screen.rows) == 3
        assert all(r.article_title == SEED_TITLE for r in screen.rows)
        text = screen_text(app)
        assert "From the Nigerien point of view" in text
        assert "Ulf Laessing" in text and SEED_TITLE in text
        # Enter on a speaker goes to their quotes; enter on a quote opens its article.
        await pilot.press("enter")
        assert app.focused is screen.query_one("#quote-list")
        await pilot.press("j", "k", "enter")
        await settle(pilot)
        assert isinstance(app.screen, ArticleScreen)
        view = app.screen.query_one(BriefView)
        assert view.article is not None and view.article.title == SEED_TITLE
        stored = store.get_article(view.article.id)
        assert stored is not None and stored.read  # opening an article reads it
        await pilot.press("escape")
        assert app.screen is screen
        await pilot.press("escape")
        assert isinstance(app.screen, MainScreen)


async def test_speakers_follow_the_main_screens_filter(store: Store) -> None:
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        main = app.screen
        assert isinstance(main, MainScreen)
        main.set_filter(ArticleFilter(tag="us"))
        await settle(pilot)
        await pilot.press("p")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, SpeakersScreen)
        names = {s.name for s in screen.speakers}
        assert "Ulf Laessing" not in names  # the seed is not tagged "us"
        assert "Martin Indyk" in names  # the Washington Post article is
        assert "tag #us" in screen_text(app)


async def test_search_as_you_type_and_open_a_result(store: Store) -> None:
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash")
        screen = app.screen
        assert isinstance(screen, SearchScreen)
        assert isinstance(app.focused, Input)
        await pilot.press(*"Laessi")
        await settle(pilot)
        await pilot.press("n", "g")
        await settle(pilot)
        assert [h.article.title for h in screen.hits] == [SEED_TITLE]
        assert "1 article" in screen_text(app)
        # In the box, q and j are letters, not quit and next.
        await pilot.press("q", "j")
        await settle(pilot)
        assert app.is_running
        assert screen.query_one(Input).value == "Laessingqj"
        await pilot.press("backspace", "backspace")
        await settle(pilot)
        assert len(screen.hits) == 1
        await pilot.press("enter")  # from the box to the results
        assert app.focused is screen.query_one("#search-results")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ArticleScreen)
        assert "Ulf Laessing" in screen_text(app)
        await pilot.press("escape", "escape")
        assert isinstance(app.screen, MainScreen)


async def test_a_malformed_query_is_a_message_not_a_crash(store: Store) -> None:
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"mali AND (")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, SearchScreen)
        assert screen.hits == []
        assert "search: cannot read the query" in screen_text(app)
        assert app.is_running
        await pilot.press("backspace", "backspace", "backspace", "backspace", "backspace")
        await settle(pilot)
        assert screen.hits and "cannot read" not in screen_text(app)
        await pilot.press("ctrl+a", "ctrl+k")  # clear the box: back to the hint
        await settle(pilot)
        assert screen.hits == []
        assert "Type words to find them" in screen_text(app)


async def test_the_article_screen_toggles_text_and_opens_links(store: Store) -> None:
    opened = Opened()
    app = make_app(store, opened=opened)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        jazeera = next(a for a in store.list_articles() if a.feeds == ("Al Jazeera",))
        app.push_screen(ArticleScreen(app.ctx, jazeera.id))
        await settle(pilot)
        view = app.screen.query_one(BriefView)
        assert view.article is not None and view.article.id == jazeera.id
        await pilot.press("t")
        assert view.full_text
        await pilot.press("j", "k", "t")
        assert not view.full_text
        await pilot.press("o")
        await settle(pilot)
        assert opened.urls == [jazeera.url]


async def test_help_lists_every_key_with_the_configured_ones(store: Store) -> None:
    config = parse_config('[keys]\nrefresh_all = "ctrl+r"\n')
    app = make_app(store, config)
    async with app.run_test(size=(160, 80)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        text = screen_text(app)
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
