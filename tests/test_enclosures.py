"""Enclosures (podcast audio, video): parsed from RSS, Atom and JSON Feed, stored, shown with
type, size and link in the brief pane, and offered by o beside the page."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import FIXTURES
from tui_support import NOW, Opened, run_app

from brief.feeds import parse_feed
from brief.models import Enclosure
from brief.store import FetchUpdate, Store
from brief.store.migrations import MIGRATIONS, SCHEMA_VERSION
from brief.tui.format import size
from brief.tui.screens.links import LinksScreen

BBC = FIXTURES / "feeds" / "rss_2.0_bbc.xml"  # a BBC Radio 4 podcast feed (see PROVENANCE.md)
MP3 = (
    "http://open.live.bbc.co.uk/mediaselector/6/redir/version/2.0/mediaset/"
    "audio-nondrm-download/proto/http/vpid/p097wt5b.mp3"
)
HOSTILE_RSS = b"""<?xml version="1.0"?>
<rss version="2.0"><channel><title>Casts</title><link>https://casts.example/</link>
<item><title>Episode 1</title><link>https://casts.example/1</link><guid>e1</guid>
<enclosure url="javascript:alert(1)" type="audio/mpeg" length="12"/>
<enclosure url="/media/ep1.mp3" type="audio/mpeg [bold]x" length="not a number"/>
<enclosure url="https://cdn.example/ep1.mp4" type="video/mp4" length="1500000000"/>
</item></channel></rss>
"""
JSON_FEED = {
    "version": "https://jsonfeed.org/version/1.1",
    "title": "A podcast",
    "items": [
        {
            "id": "1",
            "url": "https://pod.example/1",
            "title": "First",
            "content_text": "Show notes.",
            "attachments": [
                {
                    "url": "https://pod.example/1.m4a",
                    "mime_type": "audio/x-m4a",
                    "size_in_bytes": 89970236,
                },
                {"url": "file:///etc/passwd", "mime_type": "text/plain"},
            ],
        }
    ],
}


def test_rss_enclosures_keep_type_size_and_http_links_only() -> None:
    [first, *_] = parse_feed(BBC.read_bytes(), "https://www.bbc.co.uk/feed").entries
    assert first.enclosures == (Enclosure(MP3, "audio/mpeg", 50496000),)
    [entry] = parse_feed(HOSTILE_RSS, "https://casts.example/feed.xml").entries
    assert entry.enclosures == (
        Enclosure("https://casts.example/media/ep1.mp3", "audio/mpeg", None),
        Enclosure("https://cdn.example/ep1.mp4", "video/mp4", 1500000000),
    )


def test_json_feed_attachments_are_enclosures() -> None:
    data = json.dumps(JSON_FEED).encode()
    [entry] = parse_feed(data, "https://pod.example/feed.json").entries
    assert entry.enclosures == (Enclosure("https://pod.example/1.m4a", "audio/x-m4a", 89970236),)


@pytest.fixture
def podcast(tmp_path: Path) -> Iterator[Store]:
    """A store holding the BBC podcast feed's episodes (not analyzed: the feed's text)."""
    with Store.open(tmp_path / "p.sqlite3") as store:
        feed_id, _ = store.add_feed("https://www.bbc.co.uk/feed", "In Our Time")
        parsed = parse_feed(BBC.read_bytes(), "https://www.bbc.co.uk/feed")
        store.record_fetch(feed_id, FetchUpdate(title=parsed.title), parsed.entries, now=NOW)
        yield store


def test_the_store_keeps_enclosures(podcast: Store) -> None:
    newest = podcast.list_articles(limit=500)
    stored = [podcast.get_article(s.id) for s in newest]
    marcus = next(a for a in stored if a is not None and a.title == "Marcus Aurelius")
    assert marcus.enclosures == (Enclosure(MP3, "audio/mpeg", 50496000),)


def test_a_version_1_database_gains_the_enclosures_column(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    conn = sqlite3.connect(path)
    conn.executescript(MIGRATIONS[0] + "\nPRAGMA user_version = 1;")
    conn.execute(
        "INSERT INTO articles (guid, title, fetched_at, text, paragraphs, extraction_status)"
        " VALUES ('g', 'Old', '2025-01-01T00:00:00Z', 'x', '[\"x\"]', 'pending')"
    )
    conn.commit()
    conn.close()
    with Store.open(path) as store:
        [old] = store.list_articles()
        article = store.get_article(old.id)
        assert article is not None and article.enclosures == ()
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    conn.close()


@pytest.mark.parametrize(
    ("length", "shown"), [(50496000, "50.5 MB"), (820_000, "820 kB"), (12, "12 B"), (None, "")]
)
def test_sizes_read_like_sizes(length: int | None, shown: str) -> None:
    assert size(length) == shown


@pytest.mark.anyio
async def test_the_brief_pane_shows_enclosures_and_o_offers_them(podcast: Store) -> None:
    opened = Opened()
    async with run_app(podcast, opened=opened) as tui:
        main = tui.main
        rows = list(main.articles.summaries.values())
        main.articles.highlighted = next(
            i for i, s in enumerate(rows) if s.title == "Marcus Aurelius"
        )
        await tui.settle()
        text = tui.text()
        assert "▸ audio/mpeg · 50.5 MB" in text and "p097wt5b.mp3" in text.replace("\n", "")
        await tui.press("o")
        assert isinstance(tui.app.screen, LinksScreen)
        assert "the article's page" in tui.text()
        await tui.press("escape")
        assert opened.urls == []
        await tui.press("o", "j", "enter")  # the second link: the episode's audio
        await tui.settle()
        assert opened.urls == [MP3]
        assert tui.app.screen is main
