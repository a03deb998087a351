"""Following speakers from the reader (f on the speakers screen), the article list's marks and
the feeds pane's Followed entry, through Pilot on the demo store."""

from __future__ import annotations

import pytest
from textual.widgets import OptionList
from tui_support import SEED_TITLE, Running, run_app

from brief.config import FollowRule, parse_config
from brief.store import ArticleFilter, Store
from brief.tui.screens.speakers import SpeakersScreen

pytestmark = pytest.mark.anyio


async def _open_speaker(tui: Running, name: str) -> SpeakersScreen:
    await tui.press("p")
    screen = tui.app.screen
    assert isinstance(screen, SpeakersScreen)
    names = [s.name for s in screen.speakers]
    screen.query_one("#speaker-list", OptionList).highlighted = names.index(name)
    await tui.settle()
    return screen


def _row(screen: SpeakersScreen, name: str) -> str:
    speaker_list = screen.query_one("#speaker-list", OptionList)
    index = [s.name for s in screen.speakers].index(name)
    return str(speaker_list.get_option_at_index(index).prompt)


async def test_f_follows_and_unfollows_the_highlighted_speaker(demo_store: Store) -> None:
    async with run_app(demo_store) as tui:
        screen = await _open_speaker(tui, "Ulf Laessing")
        laessing = next(s for s in screen.speakers if s.name == "Ulf Laessing")
        assert laessing.id is not None
        assert "✓" not in _row(screen, "Ulf Laessing")
        await tui.press("f")
        assert demo_store.followed_speakers() == {laessing.id}
        assert _row(screen, "Ulf Laessing").startswith("   3 ✓ Ulf Laessing")
        assert "✓ Ulf Laessing" in tui.text() and "✓ followed" in tui.text()
        assert "Following Ulf Laessing." in tui.notices
        assert all("✓" not in _row(screen, s.name) for s in screen.speakers if s != laessing)
        await tui.press("f")
        assert demo_store.followed_speakers() == frozenset()
        assert "✓" not in _row(screen, "Ulf Laessing")
        assert "No longer following Ulf Laessing." in tui.notices


async def test_a_speaker_named_by_the_config_is_marked_and_stays_followed(
    demo_store: Store,
) -> None:
    config = parse_config('[[follow]]\nspeaker = "Abdoulaye Diop"\n')
    assert config.follow == (FollowRule(speaker="Abdoulaye Diop"),)
    async with run_app(demo_store, config) as tui:
        screen = await _open_speaker(tui, "Abdoulaye Diop")
        assert "✓ Abdoulaye Diop" in _row(screen, "Abdoulaye Diop")
        await tui.press("f")  # unfollowing in the reader cannot undo the config's rule
        assert "✓ Abdoulaye Diop" in _row(screen, "Abdoulaye Diop")
        assert any("[[follow]] rule" in n for n in tui.notices)


async def test_the_follow_key_is_configurable(demo_store: Store) -> None:
    config = parse_config('[keys]\nfollow = "F"\n')
    async with run_app(demo_store, config) as tui:
        screen = await _open_speaker(tui, "Ulf Laessing")
        await tui.press("f")
        assert demo_store.followed_speakers() == frozenset()
        await tui.press("F")
        assert len(demo_store.followed_speakers()) == 1
        assert "✓ Ulf Laessing" in _row(screen, "Ulf Laessing")


def _laessing(store: Store) -> int:
    [row] = [s for s in store.speakers(query="Laessing") if s.name == "Ulf Laessing"]
    assert row.id is not None
    return row.id


async def test_the_list_marks_followed_quotes_and_the_feeds_pane_filters_them(
    demo_store: Store,
) -> None:
    async with run_app(demo_store) as tui:
        main = tui.main
        assert "followed" not in {o.id for o in main.feeds.options}  # nobody followed yet
        assert "✓" not in tui.text()
        await _open_speaker(tui, "Ulf Laessing")
        await tui.press("f", "escape")
        assert tui.app.screen is main
        # The seed article quotes him: marked in the list, counted in the Followed entry.
        [seed] = [a.id for a in demo_store.list_articles() if a.title == SEED_TITLE]
        assert main.articles.followed == {seed: ("Ulf Laessing",)}
        prompt = str(main.articles.get_option(str(seed)).prompt)
        assert prompt.endswith("· ✓ Ulf Laessing")
        assert "1 ✓ Followed" in tui.text()
        entry = main.feeds.get_option("followed")
        assert str(entry.prompt) == "   1 ✓ Followed"
        # Choosing it lists only the articles quoting him.
        main.feeds.focus()
        main.feeds.highlighted = main.feeds.get_option_index("followed")
        await tui.settle()
        assert main.flt.followed == {_laessing(demo_store)}
        assert list(main.articles.summaries) == [seed]
        assert "quoting followed speakers" in tui.text()
        # Read, it leaves the unread count (the entry still lists it).
        demo_store.set_read(seed, True)
        main.reload()
        await tui.settle()
        assert str(main.feeds.get_option("followed").prompt) == "     ✓ Followed"
        assert list(main.articles.summaries) == [seed]
        # Unfollowed from the speakers screen: the filter follows, now empty; the entry goes.
        await _open_speaker(tui, "Ulf Laessing")
        await tui.press("f", "escape")
        assert main.flt.followed == frozenset()
        assert main.articles.summaries == {}
        assert "followed" not in {o.id for o in main.feeds.options}


def test_the_followed_filter_and_marks_in_the_store(demo_store: Store) -> None:
    laessing = _laessing(demo_store)
    articles = demo_store.list_articles()
    [seed] = [a.id for a in articles if a.title == SEED_TITLE]
    followed = ArticleFilter(followed=frozenset({laessing}))
    assert [a.id for a in demo_store.list_articles(followed)] == [seed]
    assert demo_store.count_articles(followed) == 1
    assert demo_store.count_articles(ArticleFilter(followed=frozenset())) == 0
    assert demo_store.count_articles(ArticleFilter(followed=None)) == len(articles)
    ids = [a.id for a in articles]
    assert demo_store.followed_in({laessing}, ids) == {seed: ("Ulf Laessing",)}
    assert demo_store.followed_in((), ids) == {}
    assert demo_store.followed_in({laessing}, [i for i in ids if i != seed]) == {}
