"""r and R in the TUI: a real refresh of feeds served on 127.0.0.1, run in a worker."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from loopback import Loopback
from refresh_support import Newsroom, feed_bytes, localize, write_config
from tui_support import run_app

from brief.config import Config, load_config
from brief.store import ArticleFilter, Store
from brief.tui.screens.speakers import SpeakersScreen
from brief.tui.widgets.status_bar import StatusBar

pytestmark = pytest.mark.anyio
REGISTER = "http://go.theregister.com"  # the Atom fixture's article host
NBC = "https://www.nbcnewyork.com"


@pytest.fixture
def store(brief_home: Path) -> Iterator[Store]:
    """The store at BRIEF_HOME's default place, empty."""
    with Store.open() as opened:
        yield opened


def newsroom(loopback: Loopback, tmp_path: Path) -> tuple[Newsroom, Config]:
    """Two working feeds with their article pages, and one that answers 500."""
    news = Newsroom(loopback)
    base = loopback.url("/")
    register = news.feed(
        "/science.atom", localize(feed_bytes("atom_example_2.xml"), REGISTER, base)
    )
    nbc = news.feed("/nbc.rss", localize(feed_bytes("rss_2.0_nbcny.xml"), NBC, base))
    news.pages_for(register)
    news.pages_for(nbc)
    broken = news.page("/broken.rss", b"down for maintenance", status=500)
    config = load_config(write_config(tmp_path / "config.toml", [register, nbc, broken]))
    return news, config


async def test_R_refreshes_every_feed_and_shows_new_articles_and_errors(
    loopback: Loopback, store: Store, tmp_path: Path
) -> None:
    news, config = newsroom(loopback, tmp_path)
    async with run_app(store, config) as tui:
        main = tui.main
        assert main.articles.option_count == 0
        await tui.press("R")
        assert main.articles.option_count == 3
        assert all(
            s.quote_count >= 0 and s.status == "full" for s in main.articles.summaries.values()
        )
        assert main.brief.article is not None and main.brief.article.brief is not None
        notices = tui.notices
        assert any("feeds: 2 ok, 0 not modified, 1 failed; 3 new articles" in n for n in notices)
        assert any("500" in n for n in notices if "/broken.rss" in n)  # the failed feed
        assert news.hits("/science.atom") == 1
        # The failing feed: a "!" in the left pane, and there why and when it is tried again.
        broken = next(f for f in store.list_feeds() if f.url.endswith("/broken.rss"))
        assert not main.query_one("#feed-info").display
        await tui.press("shift+tab")
        main.feeds.select_id(f"feed:{broken.id}")
        await tui.settle()
        text = tui.text()
        assert "! " + broken.display_name[:10] in text
        assert "! failing: attempt" in text
        assert "500" in text and "next try" in text
        main.feeds.select_id("all")
        await tui.settle()
        assert not main.query_one("#feed-info").display


async def test_r_refreshes_only_the_chosen_feed(
    loopback: Loopback, store: Store, tmp_path: Path
) -> None:
    news, config = newsroom(loopback, tmp_path)
    store.add_feeds(config.feeds)
    nbc = next(f for f in store.list_feeds() if f.url.endswith("/nbc.rss"))
    async with run_app(store, config) as tui:
        main = tui.main
        await tui.press("r")  # nothing chosen, no article: nothing to refresh
        assert any("No feed to refresh here" in notice for notice in tui.notices)
        await tui.press("shift+tab")  # to the feeds pane, and choose NBC there
        main.feeds.select_id(f"feed:{nbc.id}")
        await tui.settle()
        await tui.press("r")
        assert news.hits("/nbc.rss") == 1
        assert news.hits("/science.atom") == 0 and news.hits("/broken.rss") == 0
        assert main.articles.flt == ArticleFilter(feed_id=nbc.id)
        assert main.articles.option_count == 1


async def test_the_interface_answers_while_a_refresh_runs(
    loopback: Loopback, store: Store, tmp_path: Path
) -> None:
    news, config = newsroom(loopback, tmp_path)
    news.delay["/science.atom"] = 3.0
    async with run_app(store, config) as tui:
        app, pilot = tui.app, tui.pilot
        await pilot.press("R")
        await pilot.pause()
        status = app.screen.query_one(StatusBar)
        assert status.activity.startswith("Refreshing")
        await pilot.press("p")  # the speakers screen opens while the feeds are fetched
        await pilot.pause()
        assert isinstance(app.screen, SpeakersScreen)
        assert app.refreshing
        await pilot.press("escape", "R")  # a second refresh is refused, not queued
        await pilot.pause()
        assert any("already running" in notice for notice in tui.notices)
        await tui.settle()
        assert not app.refreshing
        assert status.activity == ""
        assert store.count_articles() == 3
