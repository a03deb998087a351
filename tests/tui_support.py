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
from brief.store import Store
from brief.tui.app import BriefApp, create_app
from brief.tui.demo import populate

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
