"""The main screen at any terminal size: three panes when wide, two, one at 80x24; text wraps."""

from __future__ import annotations

import pytest
from textual.widget import Widget
from tui_support import SEED_TITLE, run_app

from brief.store import Store
from brief.tui.screens.main import MainScreen
from brief.tui.widgets.article_list import ArticleList
from brief.tui.widgets.brief_view import BriefView
from brief.tui.widgets.feed_list import FeedList

pytestmark = pytest.mark.anyio


def shown(main: MainScreen) -> list[str]:
    """The ids of the main screen's panes on screen, left to right."""
    panes = {"feeds": "#feeds-pane", "articles": "#articles", "brief": "#brief"}
    return [name for name, pane in panes.items() if main.query_one(pane).display]


def panel_lines(screen: str, title: str) -> list[str]:
    """The text lines of the Rich panel titled ``title`` (borders and scrollbar removed)."""
    lines = screen.splitlines()
    start = next(i for i, line in enumerate(lines) if f"╭─ {title} " in line)
    left = lines[start].index("╭")
    out = []
    for line in lines[start + 1 :]:
        if line[left] == "╰":
            return out
        inner = line[left + 1 :]
        inner = inner[: inner.index("│")] if "│" in inner else inner
        out.append(inner.strip())
    raise AssertionError(f"the {title} panel does not end on the screen")


def summary_sentences(store: Store, title: str) -> list[str]:
    summary = next(a for a in store.list_articles() if a.title == title)
    stored = store.get_article(summary.id)
    assert stored is not None and stored.brief is not None
    return list(stored.brief.summary)


@pytest.mark.parametrize(
    ("size", "panes"),
    [
        ((200, 60), ["feeds", "articles", "brief"]),
        ((140, 40), ["feeds", "articles", "brief"]),
        ((120, 40), ["articles", "brief"]),
        ((80, 24), ["articles"]),
    ],
)
async def test_the_panes_that_fit_the_terminal(
    demo_store: Store, size: tuple[int, int], panes: list[str]
) -> None:
    async with run_app(demo_store, size=size) as tui:
        assert shown(tui.main) == panes
        assert isinstance(tui.app.focused, ArticleList)


async def test_at_80x24_one_pane_and_tab_enter_escape_switch_it(demo_store: Store) -> None:
    async with run_app(demo_store, size=(80, 24)) as tui:
        main = tui.main
        assert SEED_TITLE in tui.text() and "Summary" not in tui.text()
        await tui.press("enter")  # open the article: the brief takes the screen
        assert shown(main) == ["brief"]
        assert isinstance(tui.app.focused, BriefView)
        assert "─ Summary ─" in tui.text()
        await tui.press("escape")  # back to the list, on the same article
        assert shown(main) == ["articles"]
        assert main.articles.highlighted == 0
        await tui.press("tab")
        assert shown(main) == ["brief"]
        await tui.press("tab")
        assert shown(main) == ["feeds"]
        assert isinstance(tui.app.focused, FeedList)
        assert "#world" in tui.text()
        await tui.press("tab")
        assert shown(main) == ["articles"]
        await tui.press("shift+tab")
        assert shown(main) == ["feeds"]


async def test_two_panes_show_the_feeds_beside_the_list_when_they_have_the_focus(
    demo_store: Store,
) -> None:
    async with run_app(demo_store, size=(120, 40)) as tui:
        await tui.press("shift+tab")
        assert shown(tui.main) == ["feeds", "articles"]
        await tui.press("tab")
        assert shown(tui.main) == ["articles", "brief"]


async def test_resizing_changes_the_layout(demo_store: Store) -> None:
    async with run_app(demo_store, size=(200, 60)) as tui:
        await tui.pilot.resize_terminal(80, 24)
        await tui.settle()
        assert shown(tui.main) == ["articles"]
        await tui.pilot.resize_terminal(120, 40)
        await tui.settle()
        assert shown(tui.main) == ["articles", "brief"]


@pytest.mark.parametrize("size", [(80, 24), (120, 40), (200, 60)])
async def test_the_summary_wraps_with_no_word_cut(demo_store: Store, size: tuple[int, int]) -> None:
    async with run_app(demo_store, size=size) as tui:
        if size[0] < 100:
            await tui.press("enter")
        screen = tui.text()
        lines = panel_lines(screen, "Summary")
        width = tui.main.brief.scrollable_content_region.width
        assert all(len(line) < width for line in lines)
        sentences = summary_sentences(tui.app.ctx.store, SEED_TITLE)
        assert " ".join(lines) == " ".join(f"• {s}" for s in sentences)


async def test_the_focused_pane_has_a_heavy_accent_border(demo_store: Store) -> None:
    async with run_app(demo_store) as tui:
        main = tui.main

        def edge(widget: Widget) -> str:
            return str(widget.styles.border.top[0])

        assert [edge(main.feeds), edge(main.articles), edge(main.brief)] == [
            "round",
            "heavy",
            "round",
        ]
        assert main.articles.border_title == "Articles"
        await tui.press("tab")
        assert [edge(main.feeds), edge(main.articles), edge(main.brief)] == [
            "round",
            "round",
            "heavy",
        ]
        assert "┏━ Brief ━" in tui.text()
