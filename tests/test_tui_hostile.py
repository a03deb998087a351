"""Hostile feed text in the TUI: shown literally, never acting (no markup, no escapes)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from textual.app import App
from tui_support import (
    HOSTILE_SHOWN,
    HOSTILE_SPEAKER,
    Opened,
    build_hostile_store,
    run_app,
    screen_cells,
    screen_text,
)

from brief.store import Store
from brief.tui.screens.search import SearchScreen
from brief.tui.screens.speakers import SpeakersScreen

pytestmark = pytest.mark.anyio


@pytest.fixture
def hostile(tmp_path: Path) -> Iterator[Store]:
    """A store holding hostile text (see build_hostile_store)."""
    path = tmp_path / "hostile.sqlite3"
    build_hostile_store(path)
    with Store.open(path) as store:
        yield store


def assert_inert(app: App[None]) -> None:
    """Nothing on screen is an escape sequence, a hyperlink, or a click action from a feed."""
    rows = screen_cells(app)
    for y, row in enumerate(rows):
        line = "".join(cell.text for cell in row)
        assert "\x1b" not in line and "\x07" not in line, f"a control character on line {y}"
        assert "]8;;" not in line and "]52;" not in line, f"an OSC sequence on line {y}"
        for x, cell in enumerate(row):
            style = cell.style
            if style is None:
                continue
            assert not style.link, f"a hyperlink at {x},{y}: {line!r}"
            if y < len(rows) - 1:  # the footer's keys are the only clickable text
                assert "@click" not in (style.meta or {}), f"a click action at {x},{y}"


def where(app: App[None], needle: str) -> tuple[int, int]:
    """Screen coordinates of the first occurrence of ``needle``."""
    for y, line in enumerate(screen_text(app).splitlines()):
        x = line.find(needle)
        if x >= 0:
            return x, y
    raise AssertionError(f"{needle!r} is not on the screen")


async def test_hostile_titles_names_and_quotes_render_literally(hostile: Store) -> None:
    opened = Opened()
    async with run_app(hostile, opened=opened) as tui:
        app, main = tui.app, tui.main
        assert app.screen is main
        text = tui.text()
        # The list wraps long titles; what is shown is the literal text.
        assert "click me [@click=app.quit]x[/] [/x]" in text  # OSC 8's text, not its link
        assert "Second: [link=http://evil.example]not a" in text
        assert "Analyzed: " + HOSTILE_SHOWN in text  # the brief's headline
        assert "in " + HOSTILE_SPEAKER in text  # the feed's name, above the headline
        assert "#[/x]" in text  # a tag
        assert "! [bold red]Ma" in text  # the failing feed's badge
        assert_inert(app)
        # The analyzed article: the speaker's panel and quote, literally.
        main.articles.highlighted = next(
            i
            for i, s in enumerate(main.articles.summaries.values())
            if (s.title or "").startswith("Analyzed")
        )
        await tui.settle()
        text = tui.text()
        assert HOSTILE_SPEAKER in text and "[/x] spokesperson" in text
        assert f"“{HOSTILE_SHOWN} is what they typed into the form”" in text
        assert_inert(app)
        # Clicking the would-be [@click=app.quit] in the brief does nothing.
        x, y = where(app, "“" + HOSTILE_SHOWN)
        await tui.pilot.click(offset=(x + 2, y))
        await tui.settle()
        assert app.is_running
        # A javascript: link (written into the database directly) never reaches a browser.
        main.articles.highlighted = next(
            i
            for i, s in enumerate(main.articles.summaries.values())
            if (s.title or "").startswith("Second")
        )
        await tui.settle()
        await tui.press("o")
        assert opened.urls == []
        assert app.is_running
        # The feed's error (an OSC 52 and a click action) under the feeds, as text.
        await tui.press("shift+tab")
        main.feeds.select_id(f"feed:{main.feeds.counts.feeds[0].id}")  # type: ignore[union-attr]
        await tui.settle()
        assert "! failing: attempt" in tui.text() and "[@click=app.quit]boo" in tui.text()
        assert_inert(app)


async def test_hostile_text_in_speakers_search_and_filter(hostile: Store) -> None:
    async with run_app(hostile) as tui:
        app = tui.app
        await tui.press("p")
        assert isinstance(app.screen, SpeakersScreen)
        text = tui.text()
        assert HOSTILE_SPEAKER in text
        assert HOSTILE_SHOWN + " is what they typed" in text
        assert_inert(app)
        x, y = where(app, HOSTILE_SHOWN)
        await tui.pilot.click(offset=(x + 2, y))
        await tui.settle()
        assert app.is_running
        await tui.press("escape", "escape")
        await tui.press("slash", *"typed")
        assert isinstance(app.screen, SearchScreen)
        assert app.screen.hits
        assert "Analyzed: " + HOSTILE_SHOWN in tui.text()
        assert_inert(app)
        await tui.press("escape", "f")
        text = tui.text()
        assert "Speaker: " + HOSTILE_SPEAKER in text
        assert "Tag: #[/x]" in text
        assert_inert(app)
        assert app.is_running
