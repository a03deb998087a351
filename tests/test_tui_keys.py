"""The reader's feed-reader keys through Pilot: A and u, n/N across feeds, g/G and paging,
S sort orders, l unread only, tui.sort and tui.reload_every, the whole example config."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from loopback import Loopback
from test_tui import add_copies, seed_id
from test_tui_refresh import newsroom
from tui_support import run_app

from brief.config import Config, TuiConfig, load_config, parse_config
from brief.store import ArticleFilter, Store
from brief.tui import keys
from brief.tui.screens.help import HelpScreen
from brief.tui.widgets.brief_view import BriefView

pytestmark = pytest.mark.anyio
EXAMPLE = Path(__file__).parent.parent / "config.example.toml"


def feed_ids(store: Store) -> dict[str, int]:
    return {f.display_name: f.id for f in store.list_feeds()}


async def test_A_marks_the_view_read_and_u_undoes_it(demo_store: Store) -> None:
    async with run_app(demo_store) as tui:
        main = tui.main
        await tui.press("shift+tab")
        main.feeds.select_id("tag:us")
        await tui.settle()
        await tui.press("tab")
        await tui.press("A")
        us = ArticleFilter(tag="us", unread=True)
        assert demo_store.count_articles(us) == 0
        assert demo_store.count_articles(ArticleFilter(unread=True)) == 3  # the others stay
        assert all(s.read for s in main.articles.summaries.values())
        assert main.feeds.counts is not None and main.feeds.counts.total_unread == 3
        assert any("2 articles marked read in tag #us · u undoes" in n for n in tui.notices)
        await tui.press("u")
        assert demo_store.count_articles(us) == 2
        assert not any(s.read for s in main.articles.summaries.values())
        assert main.feeds.counts is not None and main.feeds.counts.total_unread == 5
        await tui.press("u")
        assert any("Nothing to undo." in n for n in tui.notices)


async def test_n_and_N_go_through_unread_articles_and_on_to_other_feeds(
    demo_store: Store,
) -> None:
    async with run_app(demo_store) as tui:
        main = tui.main
        await tui.press("m")  # the seed (first row) is read now
        await tui.press("g", "n")
        assert main.articles.highlighted == 1
        await tui.press("n", "n", "n")
        assert main.articles.highlighted == 4
        await tui.press("n")  # no more in "All articles": it says so and stays
        assert main.articles.highlighted == 4
        assert any("No more unread articles here." in n for n in tui.notices)
        await tui.press("N")
        assert main.articles.highlighted == 3
        # In one feed: past its last unread article, n goes on to the next feed that has one.
        ids = feed_ids(demo_store)
        await tui.press("shift+tab")
        main.feeds.select_id(f"feed:{ids['Al Bawaba']}")
        await tui.settle()
        await tui.press("tab")
        await tui.press("n")
        assert main.articles.flt == ArticleFilter(feed_id=ids["Al Jazeera"])
        assert main.articles.highlighted == 0
        assert main.brief.article is not None and main.brief.article.feeds == ("Al Jazeera",)
        await tui.press("n")  # the seed's feed is read: on to The Detroit News
        assert main.articles.flt == ArticleFilter(feed_id=ids["The Detroit News"])
        await tui.press("N", "N")
        assert main.articles.flt == ArticleFilter(feed_id=ids["Al Bawaba"])


async def test_g_G_and_paging_reach_the_ends_of_a_long_list(demo_store: Store) -> None:
    seed = demo_store.get_article(seed_id(demo_store))
    assert seed is not None and seed.brief is not None
    add_copies(demo_store, seed.brief, 250)
    async with run_app(demo_store) as tui:
        rows = tui.main.articles
        assert rows.option_count == 100
        await tui.press("G")  # every row is read in, the last one highlighted
        assert rows.option_count == 255 and rows.highlighted == 254
        await tui.press("g")
        assert rows.highlighted == 0
        await tui.press("space")
        after_one_page = rows.highlighted
        assert after_one_page is not None and after_one_page > 3
        await tui.press("b")
        assert rows.highlighted == 0
        await tui.press("enter")  # in the brief, space and b page it, G and g go to its ends
        assert isinstance(tui.app.focused, BriefView)
        await tui.press("space")
        assert tui.main.brief.scroll_y > 0
        await tui.press("G")
        assert tui.main.brief.scroll_y == tui.main.brief.max_scroll_y > 0
        await tui.press("g")
        assert tui.main.brief.scroll_y == 0


async def test_S_cycles_the_sort_orders(demo_store: Store) -> None:
    async with run_app(demo_store) as tui:
        rows = tui.main.articles

        def listed() -> list[tuple[str, str, int]]:
            return [(s.feeds[0], s.title or "", s.quote_count) for s in rows.summaries.values()]

        by_date = listed()
        await tui.press("S")
        assert rows.order == "feed"
        assert [f.lower() for f, _, _ in listed()] == sorted(f.lower() for f, _, _ in by_date)
        assert listed() != by_date
        assert "by feed" in tui.text()
        await tui.press("S")
        assert rows.order == "quotes"
        assert [q for _, _, q in listed()] == sorted((q for _, _, q in by_date), reverse=True)
        await tui.press("S")
        assert rows.order == "title"
        assert [t for _, t, _ in listed()] == sorted((t for _, t, _ in by_date), key=str.lower)
        await tui.press("S")
        assert rows.order == "date" and listed() == by_date
        assert "by " not in tui.text().splitlines()[-2]


async def test_tui_sort_is_the_order_the_reader_opens_with(demo_store: Store) -> None:
    async with run_app(demo_store, Config(tui=TuiConfig(sort="quotes"))) as tui:
        counts = [s.quote_count for s in tui.main.articles.summaries.values()]
        assert counts == sorted(counts, reverse=True) and counts[0] == 16


async def test_l_shows_only_unread_articles_and_back(demo_store: Store) -> None:
    async with run_app(demo_store) as tui:
        main = tui.main
        await tui.press("m", "j")
        kept = main.articles.highlighted_id
        await tui.press("l")
        assert main.articles.flt == ArticleFilter(unread=True)
        assert main.articles.option_count == 4
        assert main.articles.highlighted_id == kept
        await tui.press("l")
        assert main.articles.flt == ArticleFilter() and main.articles.option_count == 5


async def test_reload_every_refreshes_the_feeds_while_the_reader_is_open(
    loopback: Loopback, brief_home: Path, tmp_path: Path
) -> None:
    news, config = newsroom(loopback, tmp_path)
    timed = Config(feeds=config.feeds, refresh=config.refresh, tui=TuiConfig(reload_every=0.01))
    with Store.open() as store:
        async with run_app(store, timed) as tui:
            for _ in range(200):  # until the timer has fired and the refresh stored articles
                if tui.main.articles.option_count:
                    break
                await tui.pilot.pause(0.05)
                await tui.settle()
            assert news.hits("/science.atom") >= 1
            assert tui.main.articles.option_count == 3


def uncommented_example() -> str:
    """config.example.toml with every commented key of [keys] made real."""
    out, section = [], ""
    for line in EXAMPLE.read_text(encoding="utf-8").splitlines():
        if line.startswith("["):
            section = line
        if section == "[keys]" and re.fullmatch(r'# \w+ = ".*"', line):
            line = line[2:]
        out.append(line)
    return "\n".join(out) + "\n"


def test_the_examples_keys_are_the_binding_ids_with_their_keys() -> None:
    config = parse_config(uncommented_example(), "config.example.toml")
    defaults = {b.id: b.key for b in keys.effective(keys.all_bindings(), {}) if b.id}
    assert config.keys == defaults


async def test_the_whole_example_uncommented_runs_the_reader(demo_store: Store) -> None:
    config = parse_config(uncommented_example(), "config.example.toml")
    assert config.feeds and config.keys
    async with run_app(demo_store, config) as tui:
        main = tui.main
        await tui.press("j", "n", "S")
        assert main.articles.order == "feed"
        await tui.press("question_mark")
        assert isinstance(tui.app.screen, HelpScreen)
        text = tui.text()
        for binding_id in ("next_unread", "mark_all_read", "undo", "sort", "pager", "unread_only"):
            assert binding_id in text
        await tui.press("escape")
        assert tui.app.screen is main
    assert load_config(EXAMPLE).keys == {}  # as shipped, every override is commented out


async def test_n_while_reading_opens_the_next_unread_brief(demo_store: Store) -> None:
    async with run_app(demo_store, size=(80, 24)) as tui:
        main = tui.main
        await tui.press("enter")  # reading the first article: one pane, the brief
        first = main.articles.highlighted_id
        await tui.press("n")
        second = main.articles.highlighted_id
        assert second is not None and second != first
        assert isinstance(tui.app.focused, BriefView)
        assert main.brief.article is not None and main.brief.article.id == second
        stored = demo_store.get_article(second)
        assert stored is not None and stored.read  # opened, so read
        assert demo_store.count_articles(ArticleFilter(unread=True)) == 3
