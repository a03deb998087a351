"""Helpers of the TUI tests: a demo database built once, stores copied from it, screen text.

Test modules import the fixtures by their function names (``demo_db_fixture``,
``store_fixture``) and use them by their fixture names (``demo_db``, ``store``).
"""

from __future__ import annotations

import contextlib
import shutil
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from textual.app import App
from textual.pilot import Pilot
from textual.worker import WorkerCancelled

from brief.config import Config
from brief.demo import populate
from brief.store import Store
from brief.tui.app import BriefApp, create_app

# The clock of every TUI test: ages in the lists and the snapshots never change.
NOW = datetime(2025, 5, 1, 12, 0, tzinfo=UTC)
SEED_TITLE = "How a drone interception fueled tensions between Mali & Algeria"


@pytest.fixture(name="demo_db", scope="session")
def demo_db_fixture(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database holding the analyzed demo samples, built once for the whole session."""
    path = tmp_path_factory.mktemp("demo-db") / "demo.sqlite3"
    with Store.open(path) as store:
        populate(store, now=NOW)
    return path


@pytest.fixture(name="store")
def store_fixture(demo_db: Path, tmp_path: Path) -> Iterator[Store]:
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


def screen_text(app: App[None]) -> str:
    """What the terminal would show now, as plain text lines."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


def seed_row(app: BriefApp) -> int:
    """The row index of the seed article in the main screen's table."""
    from brief.tui.screens.main import MainScreen

    main = app.screen_stack[0] if isinstance(app.screen_stack[0], MainScreen) else app.screen
    assert isinstance(main, MainScreen)
    for article_id, summary in main.table.summaries.items():
        if summary.title == SEED_TITLE:
            return main.table.get_row_index(str(article_id))
    raise AssertionError("the seed article is not in the list")
