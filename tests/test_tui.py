"""The TUI's main screen, driven through Textual's Pilot: every key, the mouse, the panes."""

from __future__ import annotations

from pathlib import Path

import pytest
from tui_support import SEED_TITLE, Opened, make_app, run_app

from brief.config import parse_config
from brief.errors import ConfigError
from brief.store import ArticleFilter, Store
from brief.tui.screens.main import MainScreen
from brief.tui.widgets.article_list import ArticleList
from brief.tui.widgets.brief_view import BriefView
from brief.tui.widgets.feed_list import FeedList

pytestmark = pytest.mark.anyio


async def test_opens_on_the_newest_brief_with_a_panel_per_speaker(demo_store: Store) -> None:
    async with run_app(demo_store) as tui:
        main = tui.main
        assert tui.app.screen is main
        assert main.articles.option_count == 5
        assert main.articles.highlighted_id is not None
        assert main.brief.article is not None
        assert main.brief.article.title == SEED_TITLE
        text = tui.text()
        for name in ("Ulf Laessing", "Abdoulaye Diop", "Oula", "Summary"):
            assert name in text
        assert "Al Jazeera" in text and "#world" in text  # feeds and tags on the left
        assert isinstance(tui.app.focused, ArticleList)


async def test_j_k_and_arrows_move_through_the_articles(demo_store: Store) -> None:
    async with run_app(demo_store) as tui:
        main = tui.main
        first = main.brief.article
        assert first is not None
        await tui.press("j")
        assert main.articles.highlighted == 1
        second = main.brief.article
        assert second is not None and second.id != first.id
        assert second.id == main.articles.highlighted_id
        await tui.press("down", "down")
        assert main.articles.highlighted == 3
        await tui.press("k", "up")
        assert main.articles.highlighted == 1
        await tui.press("k")
        assert main.brief.article is not None and main.brief.article.id == first.id


async def test_enter_reads_the_article_and_moves_to_its_brief(demo_store: Store) -> None:
    async with run_app(demo_store) as tui:
        main = tui.main
        article_id = main.articles.highlighted_id
        assert article_id is not None
        await tui.press("enter")
        assert isinstance(tui.app.focused, BriefView)
        stored = demo_store.get_article(article_id)
        assert stored is not None and stored.read
        assert main.articles.summaries[article_id].read
        # j/k now scroll the brief instead of moving in the list.
        await tui.press("j", "j", "j")
        assert main.brief.scroll_y > 0
        assert main.articles.highlighted_id == article_id


async def test_tab_moves_between_the_panes(demo_store: Store) -> None:
    async with run_app(demo_store) as tui:
        app, pilot = tui.app, tui.pilot
        assert isinstance(app.focused, ArticleList)
        await pilot.press("tab")
        assert isinstance(app.focused, BriefView)
        await pilot.press("tab")
        assert isinstance(app.focused, FeedList)
        await pilot.press("shift+tab")
        assert isinstance(app.focused, BriefView)


async def test_m_toggles_read_and_s_toggles_star(demo_store: Store) -> None:
    store = demo_store
    async with run_app(store) as tui:
        main = tui.main
        article_id = main.articles.highlighted_id
        assert article_id is not None
        unread_before = store.count_articles(ArticleFilter(unread=True))
        await tui.press("m")
        assert store.count_articles(ArticleFilter(unread=True)) == unread_before - 1
        assert main.feeds.counts is not None
        assert main.feeds.counts.total_unread == unread_before - 1
        await tui.press("m")
        assert store.count_articles(ArticleFilter(unread=True)) == unread_before
        await tui.press("s")
        stored = store.get_article(article_id)
        assert stored is not None and stored.starred
        assert "★" in main.articles.get_option(str(article_id)).prompt.plain  # type: ignore[union-attr]
        assert "★ starred" in tui.text()
        await tui.press("s")
        stored = store.get_article(article_id)
        assert stored is not None and not stored.starred


async def test_o_opens_http_links_only(demo_store: Store) -> None:
    opened = Opened()
    async with run_app(demo_store, opened=opened) as tui:
        main = tui.main
        # The seed was pasted text: no link to open, and the user is told so.
        await tui.press("o")
        assert opened.urls == []
        assert any("no http(s) link" in notice for notice in tui.notices)
        await tui.press("j", "o")
        summary = main.articles.summaries[main.articles.highlighted_id or 0]
        assert summary.url is not None
        assert opened.urls == [summary.url]


async def test_t_toggles_the_full_text(demo_store: Store) -> None:
    async with run_app(demo_store) as tui:
        main = tui.main
        # A paragraph the brief leaves out, in the article's text.
        line = "Numerous demonstrators gathered in front of the country’s embassy"
        assert line not in tui.text()
        await tui.press("t")
        assert main.brief.full_text
        await tui.pilot.press("tab")  # to the brief pane, then scroll to the paragraph
        await tui.press(*["j"] * 12)
        assert line in tui.text()
        await tui.press("t")
        assert not main.brief.full_text


async def test_choosing_a_feed_or_tag_on_the_left_filters_the_list(demo_store: Store) -> None:
    async with run_app(demo_store) as tui:
        app, pilot, main = tui.app, tui.pilot, tui.main
        await pilot.press("shift+tab")
        assert isinstance(app.focused, FeedList)
        feeds = {f.display_name: f.id for f in demo_store.list_feeds()}
        main.feeds.select_id(f"feed:{feeds['Al Jazeera']}")
        await tui.settle()
        assert main.articles.option_count == 1
        assert main.articles.flt == ArticleFilter(feed_id=feeds["Al Jazeera"])
        assert "feed Al Jazeera · 1 articles" in tui.text()
        await pilot.press("enter")
        assert isinstance(app.focused, ArticleList)
        await pilot.press("shift+tab")
        main.feeds.select_id("tag:us")
        await tui.settle()
        assert main.articles.option_count == 2
        main.feeds.select_id("all")
        await tui.settle()
        assert main.articles.option_count == 5


async def test_the_mouse_picks_articles_and_feeds(demo_store: Store) -> None:
    async with run_app(demo_store) as tui:
        main = tui.main
        # The fourth article, wherever its title's wrapped lines put it.
        rows = tui.text().splitlines()
        y = next(i for i, row in enumerate(rows) if "Thousands of teachers" in row)
        region = main.articles.region
        assert await tui.pilot.click(ArticleList, offset=(10, y - region.y))
        await tui.settle()
        assert main.articles.highlighted == 3
        assert main.brief.article is not None
        assert main.brief.article.id == main.articles.highlighted_id
        assert main.articles.summaries[main.brief.article.id].read  # a click opens it
        assert isinstance(tui.app.focused, BriefView)
        # "Starred" is the third entry of the feed list.
        assert await tui.pilot.click(FeedList, offset=(8, 3))
        await tui.settle()
        assert main.articles.flt == ArticleFilter(starred=True)
        assert main.articles.option_count == 0
        assert "No articles match this filter." in tui.text()


async def test_f_filters_by_unread_feed_and_speaker(demo_store: Store) -> None:
    async with run_app(demo_store) as tui:
        app, main = tui.app, tui.main
        await tui.press("m")  # the seed is read now
        await tui.press("f")
        assert type(app.screen).__name__ == "FilterScreen"
        await tui.press("j", "enter")  # "Unread only"
        assert main.articles.flt == ArticleFilter(unread=True)
        assert main.articles.option_count == 4
        assert SEED_TITLE not in tui.text()
        # A speaker: the filter screen lists the most quoted ones.
        await tui.press("f")
        choices = app.screen.query_one("#filter-choices")
        ids = [o.id for o in choices.options]  # type: ignore[attr-defined]
        assert "speaker:Ulf Laessing" in ids
        choices.highlighted = ids.index("speaker:Ulf Laessing")  # type: ignore[attr-defined]
        await tui.press("enter")
        assert main.articles.flt == ArticleFilter(unread=True, speaker="Ulf Laessing")
        assert main.articles.option_count == 0  # the one article he is in was read
        await tui.press("f")
        await tui.press("enter")  # "All articles": the filter is cleared
        assert main.articles.flt == ArticleFilter()
        assert main.articles.option_count == 5
        await tui.press("f", "escape")
        assert isinstance(app.screen, MainScreen)


async def test_q_quits(demo_store: Store) -> None:
    async with run_app(demo_store) as tui:
        await tui.pilot.press("q")
        await tui.pilot.pause()
        assert not tui.app.is_running
    assert tui.app.return_code == 0


async def test_keys_come_from_the_config(demo_store: Store) -> None:
    config = parse_config('[keys]\ntoggle_star = "x"\nquit = "ctrl+q,Q"\n')
    async with run_app(demo_store, config) as tui:
        app, main = tui.app, tui.main
        article_id = main.articles.highlighted_id
        assert article_id is not None
        await tui.press("s")
        assert not main.articles.summaries[article_id].starred
        await tui.press("x")
        assert main.articles.summaries[article_id].starred
        await tui.pilot.press("q")  # q is no longer quit
        await tui.pilot.pause()
        assert app.is_running
        await tui.pilot.press("Q")
        await tui.pilot.pause()
        assert not app.is_running


def test_an_unknown_key_name_is_a_config_error(demo_store: Store) -> None:
    with pytest.raises(ConfigError, match=r"keys\.star: unknown action"):
        make_app(demo_store, parse_config('[keys]\nstar = "x"\n'))
    with pytest.raises(ConfigError, match=r"tui\.theme: unknown theme"):
        make_app(demo_store, parse_config('[tui]\ntheme = "no-such-theme"\n'))


async def test_an_empty_store_says_how_to_add_feeds(tmp_path: Path) -> None:
    with Store.open(tmp_path / "empty.sqlite3") as empty:
        async with run_app(empty) as tui:
            text = tui.text()
            assert "No articles yet." in text
            assert "brief feeds add" in text
            assert "brief --demo" in text
        empty.add_feed("https://example.org/feed.xml", "Example")
        async with run_app(empty) as tui:
            assert "Press R to fetch them all now" in tui.text()


async def test_the_demo_analyzes_its_samples_after_the_first_paint(tmp_path: Path) -> None:
    with Store.open(tmp_path / "demo.sqlite3") as empty:
        async with run_app(empty, demo=True, settled=False) as tui:
            await tui.pilot.pause()
            assert isinstance(tui.app.screen, MainScreen)  # painted before any analysis ended
            await tui.settle()
            main = tui.main
            assert main.articles.option_count == 5
            assert main.brief.article is not None
            assert main.brief.article.title == SEED_TITLE
            assert not main.brief.loading
            assert "Demo: 5 sample articles analyzed." in tui.text()
            await tui.press("R")
            assert any("not available in the demo" in notice for notice in tui.notices)
            assert main.articles.option_count == 5


async def test_rows_are_paged_in_as_the_cursor_nears_the_end(demo_store: Store) -> None:
    seed = demo_store.get_article(seed_id(demo_store))
    assert seed is not None and seed.brief is not None
    add_copies(demo_store, seed.brief, 450)
    async with run_app(demo_store) as tui:
        main = tui.main
        assert main.articles.total == 455
        assert main.articles.option_count == 100  # the first page
        await tui.press("end")
        assert main.articles.option_count == 200
        for _ in range(3):
            await tui.press("end")
        assert main.articles.option_count == 455
        assert len(set(main.articles.summaries)) == 455


def seed_id(store: Store) -> int:
    return next(a.id for a in store.list_articles() if a.title == SEED_TITLE)


def add_copies(store: Store, brief: object, count: int) -> None:
    """``count`` more articles, each the seed's brief under another title and GUID."""
    from dataclasses import replace

    from brief.models import Brief, FeedEntry

    assert isinstance(brief, Brief)
    feed_id, _ = store.add_feed("https://copies.example/feed.xml", "Copies")
    for i in range(count):
        article = replace(
            brief.article,
            title=f"Copy {i} of the seed",
            paragraphs=(f"Copy {i}.", *brief.article.paragraphs),
        )
        entry = FeedEntry(
            f"copy-{i}",
            f"https://copies.example/{i}",
            article.title,
            None,
            f"2024-01-01T00:{i // 60:02d}:{i % 60:02d}Z",
            "",
            article.text,
        )
        store.add_article_with_brief(feed_id, entry, replace(brief, article=article), "full")


async def test_a_filter_from_f_stays_through_m_and_s_on_the_same_article(
    demo_store: Store,
) -> None:
    async with run_app(demo_store) as tui:
        main = tui.main
        await tui.press("f", "j", "enter")  # unread only
        await tui.press("f")
        choices = tui.app.screen.query_one("#filter-choices")
        ids = [o.id for o in choices.options]  # type: ignore[attr-defined]
        choices.highlighted = ids.index("tag:us")  # type: ignore[attr-defined]
        await tui.press("enter")
        chosen = ArticleFilter(tag="us", unread=True)  # no entry of the left pane shows it
        assert main.articles.flt == chosen and main.articles.option_count == 2
        await tui.press("j")
        second = main.articles.highlighted_id
        assert second is not None
        await tui.press("s")
        assert main.articles.flt == chosen
        assert main.articles.highlighted_id == second
        await tui.press("m")
        assert main.articles.flt == chosen and main.articles.highlighted_id == second
        stored = demo_store.get_article(second)
        assert stored is not None and stored.read and stored.starred
        await tui.press("m")  # the same article again, back to unread
        stored = demo_store.get_article(second)
        assert stored is not None and not stored.read
        assert all(
            not s.read for s in main.articles.summaries.values()
        )  # no other article was touched


async def test_k_on_the_first_row_and_j_on_the_last_stay_there(demo_store: Store) -> None:
    async with run_app(demo_store) as tui:
        main = tui.main
        await tui.press("k", "up")
        assert main.articles.highlighted == 0
        await tui.press(*["j"] * 6, "down")
        assert main.articles.highlighted == 4
        await tui.press("shift+tab")  # the feeds: "All articles" first, the last tag last
        await tui.press("k", "up")
        assert main.feeds.highlighted == 0
        assert main.articles.flt == ArticleFilter()
