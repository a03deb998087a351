"""Entries of one feed whose pages end in the same text (a consent wall, a paywall page) stay
distinct articles, and a refresh converges: the second `brief fetch` finds 0 new articles.
`brief fetch` runs as a subprocess against a loopback newsroom and a real SQLite file."""

from __future__ import annotations

import subprocess
from pathlib import Path

from cli_support import run_brief
from loopback import Loopback
from refresh_support import Newsroom, page_bytes, write_config

from brief import paths
from brief.store import Store

TITLES = [f"Distinct story number {n}" for n in range(5)]


def _feed(base: str, titles: list[str], prefix: str) -> bytes:
    items = b"".join(
        f"<item><title>{title}</title><link>{base}{prefix}/{n}</link>"
        f"<guid>{base}{prefix}/{n}</guid><description>Teaser {n}.</description></item>".encode()
        for n, title in enumerate(titles)
    )
    return (
        b'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Desk</title>'
        + items
        + b"</channel></rss>"
    )


def _fetch(config: Path) -> subprocess.CompletedProcess[str]:
    return run_brief("--config", str(config), "fetch", timeout=300)


def test_entries_of_one_feed_with_one_page_text_stay_apart_and_refresh_converges(
    loopback: Loopback, tmp_path: Path
) -> None:
    news = Newsroom(loopback)
    base = loopback.url("").rstrip("/")
    wall = page_bytes("bbc-swift")  # every link answers the same page: a consent wall
    for n in range(len(TITLES)):
        news.page(f"/wall/{n}", wall)
    url = news.feed("/desk.rss", _feed(base, TITLES, "/wall"))
    config = write_config(tmp_path / "config.toml", [url])

    first = _fetch(config)
    assert first.returncode == 0, first.stderr
    assert "5 new articles" in first.stdout
    with Store.open(paths.database_file()) as store:
        assert sorted(a.title or "" for a in store.list_articles()) == TITLES

    second = _fetch(config)
    assert second.returncode == 0, second.stderr
    assert "0 new articles" in second.stdout
    assert sum(news.hits(f"/wall/{n}") for n in range(len(TITLES))) == len(TITLES)
    with Store.open(paths.database_file()) as store:
        assert store.count_articles() == len(TITLES)


def test_the_same_text_in_two_feeds_is_still_one_story(loopback: Loopback, tmp_path: Path) -> None:
    news = Newsroom(loopback)
    base = loopback.url("").rstrip("/")
    story = page_bytes("guardian-whales")
    news.page("/one/0", story)
    news.page("/two/0", story)
    urls = [
        news.feed("/one.rss", _feed(base, ["Whales, by desk one"], "/one")),
        news.feed("/two.rss", _feed(base, ["Whales, by desk two"], "/two")),
    ]
    config = write_config(tmp_path / "config.toml", urls)
    result = _fetch(config)
    assert result.returncode == 0, result.stderr
    with Store.open(paths.database_file()) as store:
        assert store.count_articles() == 1
    assert "0 new articles" in _fetch(config).stdout
