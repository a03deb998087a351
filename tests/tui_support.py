"""Helpers of the TUI tests: the app running under Pilot, its stores, and the screen as text.

    async def test_x(demo_store: Store) -> None:
        async with run_app(demo_store) as tui:   # started, first brief shown
            await tui.press("j")                  # a key, then wait for the work it started
            assert "Ulf Laessing" in tui.text()
            assert any("..." in notice for notice in tui.notices)

The fixtures (``demo_db``, ``demo_store``, ``frozen_store``) are registered in
tests/conftest.py. Everything here uses Textual's public API only.
"""

from __future__ import annotations

import contextlib
import shutil
from collections.abc import AsyncIterator, Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import pytest
from rich.cells import cell_len
from rich.segment import Segment
from textual.app import App
from textual.errors import NoWidget
from textual.geometry import Region
from textual.message import Message
from textual.notifications import Notify
from textual.pilot import Pilot
from textual.strip import Strip
from textual.widget import Widget
from textual.worker import WorkerCancelled

from brief.config import Config
from brief.store import Store
from brief.tui.app import BriefApp, create_app
from brief.tui.demo import populate
from brief.tui.screens.main import MainScreen

# The clock of every TUI test: ages in the lists and the snapshots never change.
NOW = datetime(2025, 5, 1, 12, 0, tzinfo=UTC)
SEED_TITLE = "How a drone interception fueled tensions between Mali & Algeria"
SIZE = (160, 50)  # the terminal of every TUI test, and of the snapshot pictures


@pytest.fixture(name="demo_db", scope="session")
def demo_db_fixture(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database holding the analyzed demo samples, built once per test process."""
    path = tmp_path_factory.mktemp("demo-db") / "demo.sqlite3"
    with Store.open(path) as store:
        populate(store, now=NOW)
    return path


@pytest.fixture(name="demo_store")
def demo_store_fixture(demo_db: Path, tmp_path: Path) -> Iterator[Store]:
    """A private copy of the demo database, open."""
    path = tmp_path / "data" / "brief.sqlite3"
    path.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(demo_db, path)
    with Store.open(path) as opened:
        yield opened


class Opened:
    """URLs the app asked the browser to open (the app's open_url edge, recorded)."""

    def __init__(self) -> None:
        self.urls: list[str] = []

    def __call__(self, url: str) -> bool:
        self.urls.append(url)
        return True


def make_app(
    store: Store,
    config: Config | None = None,
    *,
    demo: bool = False,
    opened: Callable[[str], object] | None = None,
) -> BriefApp:
    """The app as the CLI builds it, with the fixed clock and a recording browser."""
    return create_app(
        store, config or Config(), demo=demo, clock=lambda: NOW, open_url=opened or Opened()
    )


async def settle(pilot: Pilot[None]) -> None:
    """Let workers finish and their messages (and the work those start) be handled."""
    for _ in range(6):
        # An exclusive worker replaced by a newer one ends cancelled: expected, keep waiting.
        with contextlib.suppress(WorkerCancelled):
            await pilot.app.workers.wait_for_complete()
        await pilot.pause()


@dataclass
class Running:
    """The app under test: the app, its pilot, and every notification it has shown."""

    app: BriefApp
    pilot: Pilot[None]
    notices: list[str] = field(default_factory=list)

    @property
    def main(self) -> MainScreen:
        """The main screen (the bottom of the stack, under any screen pushed on it)."""
        main = self.app.screen_stack[0]
        assert isinstance(main, MainScreen)
        return main

    async def press(self, *keys: str) -> None:
        """Press the keys, then settle."""
        await self.pilot.press(*keys)
        await settle(self.pilot)

    async def settle(self) -> None:
        """Let the work started so far finish (see settle)."""
        await settle(self.pilot)

    def text(self) -> str:
        """What the terminal shows now (see screen_text)."""
        return screen_text(self.app)


@contextlib.asynccontextmanager
async def run_app(
    store: Store,
    config: Config | None = None,
    *,
    demo: bool = False,
    opened: Callable[[str], object] | None = None,
    size: tuple[int, int] = SIZE,
    settled: bool = True,
) -> AsyncIterator[Running]:
    """Run make_app's app headless at ``size``; settled first unless ``settled`` is False."""
    notices: list[str] = []

    def note(message: Message) -> None:
        # run_test's message hook sees every message; App.notify posts Notify to the app.
        if isinstance(message, Notify):
            notices.append(str(message.notification.message))

    app = make_app(store, config, demo=demo, opened=opened)
    async with app.run_test(size=size, message_hook=note) as pilot:
        if settled:
            await settle(pilot)
        yield Running(app, pilot, notices)


def screen_cells(app: App[None]) -> list[list[Segment]]:
    """The screen now, row by row and cell by cell, each cell a Segment (its text and style).

    Composed as Textual composes it, from public parts: the widget on top at each cell
    (Screen.get_widget_at) and that widget's own rendered line (Widget.render_lines). A wide
    character fills its first cell; the second holds "".
    """
    width, height = app.size
    lines: dict[tuple[Widget, int], list[Segment]] = {}
    rows = []
    for y in range(height):
        row = []
        for x in range(width):
            try:
                widget, region = app.screen.get_widget_at(x, y)
            except NoWidget:
                row.append(Segment(" "))
                continue
            key = (widget, y - region.y)
            if key not in lines:
                [strip] = widget.render_lines(Region(0, y - region.y, region.width, 1))
                lines[key] = _cells(strip)
            cells = lines[key]
            row.append(cells[x - region.x] if x - region.x < len(cells) else Segment(" "))
        rows.append(row)
    return rows


def _cells(strip: Strip) -> list[Segment]:
    cells: list[Segment] = []
    for segment in strip:
        for char in segment.text:
            width = cell_len(char)
            if width == 0 and cells:  # a combining or control character joins the cell before
                cells[-1] = Segment(cells[-1].text + char, cells[-1].style)
                continue
            cells.append(Segment(char, segment.style))
            cells.extend(Segment("", segment.style) for _ in range(width - 1))
    return cells


def screen_text(app: App[None]) -> str:
    """What the terminal shows now, as plain text lines."""
    return "\n".join("".join(cell.text for cell in row) for row in screen_cells(app))


# Hostile text: OSC 8 (hyperlink), OSC 52 (clipboard write), a CSI colour, and Rich/Textual
# markup that would quit the app on a click, close a tag never opened, or restyle the screen.
HOSTILE = (
    "\x1b]8;;http://evil\x07click me\x1b]8;;\x07 \x1b]52;c;ZXZpbA==\x07\x1b[31m"
    "[@click=app.quit]x[/] [/x] [bold red]"
)
HOSTILE_SHOWN = "[@click=app.quit]x[/] [/x] [bold red]"
HOSTILE_SPEAKER = "[bold red]Mallory Evans[/]"
HOSTILE_FEED = Path(__file__).parent / "fixtures" / "tui" / "hostile.rss"


def build_hostile_store(path: Path) -> None:
    """A store fed by the hostile fixture feed, plus text no brief writer would store.

    The feed goes through brief.feeds.parse and the store (which sanitize); then raw escape
    sequences and a javascript: link are written into the database directly, as an older or
    damaged database could hold them: the TUI must be safe on its own.
    """
    import sqlite3

    from brief.feeds import parse_feed
    from brief.models import Article, Brief, FeedEntry, Quote
    from brief.store import FetchUpdate

    url = "https://evil.example/feed.xml"
    with Store.open(path) as hostile:
        feed_id, _ = hostile.add_feed(url, None, ("[/x]", "world"))
        parsed = parse_feed(HOSTILE_FEED.read_bytes(), url)
        hostile.record_fetch(feed_id, FetchUpdate(title=parsed.title), parsed.entries, now=NOW)
        text = f"“{HOSTILE_SHOWN} is what they typed into the form,” said {HOSTILE_SPEAKER}."
        quote = Quote(
            HOSTILE_SHOWN + " is what they typed into the form",
            HOSTILE_SPEAKER,
            "person",
            "[/x] spokesperson",
            "said",
            0,
            1,
            60,
        )
        article = Article(
            paragraphs=(text,), title="Analyzed: " + HOSTILE_SHOWN, url="https://evil.example/3"
        )
        brief = Brief(article, (text,), (quote,), (), ())
        entry = FeedEntry("hostile-3", article.url, article.title, None, None, "", text)
        hostile.add_article_with_brief(feed_id, entry, brief, "full", now=NOW)
        hostile.record_failure(feed_id, "\x1b]52;c;ZXZpbA==\x07[@click=app.quit]boom[/]", now=NOW)
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("UPDATE articles SET title = ? WHERE guid = 'hostile-1'", (HOSTILE,))
        conn.execute("UPDATE articles SET url = 'javascript:alert(1)' WHERE guid = 'hostile-2'")
        conn.execute("UPDATE feeds SET name = ?", ("\x1b]52;c;ZXZpbA==\x07" + HOSTILE_SPEAKER,))
    conn.close()


# The snapshot pictures are of the TUI, not of the analysis: they use briefs frozen in
# tests/fixtures/tui/demo-briefs.json (the demo's samples as brief analyzed them when the
# pictures were taken), so that a better quote finder does not change them. Rewrite the file
# with `python tests/tui_support.py` (then look at the pictures and update them).
FROZEN_BRIEFS = Path(__file__).parent / "fixtures" / "tui" / "demo-briefs.json"


def freeze_demo_briefs() -> None:
    """Analyze the demo samples and write them, with their feeds, to FROZEN_BRIEFS."""
    import json
    import tempfile

    from brief.tui.demo import SAMPLES

    with tempfile.TemporaryDirectory() as folder, Store.open(Path(folder) / "d.db") as fresh:
        populate(fresh, now=NOW)
        feeds = {f.display_name: f for f in fresh.list_feeds()}
        items = []
        for sample in SAMPLES:
            summary = next(a for a in fresh.list_articles() if a.feeds == (sample.feed,))
            stored = fresh.get_article(summary.id)
            assert stored is not None and stored.brief is not None
            feed = feeds[sample.feed]
            items.append(
                {
                    "feed": {"url": feed.url, "name": feed.name, "tags": list(feed.tags)},
                    "guid": stored.guid,
                    "published": summary.published.strftime("%Y-%m-%dT%H:%M:%SZ")
                    if summary.published
                    else None,
                    "brief": stored.brief.to_json(with_text=True),
                }
            )
    text = json.dumps(items, ensure_ascii=False, indent=1) + "\n"
    FROZEN_BRIEFS.write_text(text, encoding="utf-8")


@pytest.fixture(name="frozen_store")
def frozen_store_fixture(tmp_path: Path) -> Iterator[Store]:
    """A store holding the frozen demo briefs (for the snapshot pictures)."""
    import json

    from brief.models import Brief, FeedEntry

    with Store.open(tmp_path / "frozen.sqlite3") as frozen:
        for item in json.loads(FROZEN_BRIEFS.read_text(encoding="utf-8")):
            feed = item["feed"]
            feed_id, _ = frozen.add_feed(feed["url"], feed["name"], feed["tags"])
            brief = Brief.from_json(item["brief"])
            a = brief.article
            entry = FeedEntry(item["guid"], a.url, a.title, a.author, item["published"], "", a.text)
            frozen.add_article_with_brief(feed_id, entry, brief, "full", now=NOW)
        yield frozen


if __name__ == "__main__":
    freeze_demo_briefs()
    print(f"wrote {FROZEN_BRIEFS}")
