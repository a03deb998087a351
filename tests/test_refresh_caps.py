"""Caps of a refresh: at most refresh.max_new_per_feed new articles per feed and refresh, the
newest first, the rest skipped for good (a second refresh finds 0 new); and field lengths: a
huge title, byline or quotation is stored cut, with a visible mark. `brief fetch` runs as a
subprocess against a loopback server (no ETag: every refresh reads the whole feed)."""

from __future__ import annotations

import subprocess
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path

from cli_support import run_brief
from loopback import Loopback
from refresh_support import write_config

from brief import paths
from brief.store import Store
from brief.store.articles import AUTHOR_MAX, QUOTE_MAX, TITLE_MAX
from brief.text import TRUNCATION_MARK

ITEMS = 300
CAP = 40
START = datetime(2026, 1, 1, tzinfo=UTC)


def _item(n: int, title: str, description: str = "A short story.", author: str = "") -> str:
    when = format_datetime(START + timedelta(hours=n), usegmt=True)
    byline = f"<author>{author}</author>" if author else ""
    return (
        f'<item><title>{title}</title><guid isPermaLink="false">item-{n}</guid>'
        f"<pubDate>{when}</pubDate>{byline}<description>{description}</description></item>"
    )


def _rss(items: list[str]) -> bytes:
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Archive'
        "</title>" + "".join(items) + "</channel></rss>"
    ).encode()


def _fetch(config: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return run_brief("--config", str(config), "fetch", *args, timeout=300)


def test_new_items_per_feed_are_capped_newest_first_and_refresh_converges(
    loopback: Loopback, tmp_path: Path
) -> None:
    # Oldest first in the file, as some archives list them: the cap must go by date.
    items = [_item(n, f"Story {n}") for n in range(ITEMS)]
    url = loopback.route("/archive.rss", _rss(items), content_type="application/rss+xml")
    config = write_config(tmp_path / "config.toml", [url], max_new_per_feed=CAP)

    first = _fetch(config, "--feeds-only")
    assert first.returncode == 0, first.stderr
    assert f"{CAP} new articles" in first.stdout
    with Store.open(paths.database_file()) as store:
        titles = {a.title for a in store.list_articles(limit=1000)}
    assert titles == {f"Story {n}" for n in range(ITEMS - CAP, ITEMS)}

    second = _fetch(config, "--feeds-only")
    assert second.returncode == 0, second.stderr
    assert "0 new articles" in second.stdout


def test_huge_title_byline_and_quote_are_stored_cut_and_marked(
    loopback: Loopback, tmp_path: Path
) -> None:
    title = "Budget " + "vote " * 400_000  # 2 MB
    author = "Jane " * 50_000
    quote = " ".join(f"word{i % 50}" for i in range(20_000))  # ~130,000 characters
    description = (
        "<p>The minister spoke on Monday about the budget.</p>"
        f"<p>&#8220;{quote},&#8221; said Jane Doe, the finance minister.</p>"
    )
    url = loopback.route(
        "/huge.rss",
        _rss([_item(1, title, description, author)]),
        content_type="application/rss+xml",
    )
    done = _fetch(write_config(tmp_path / "config.toml", [url]))
    assert done.returncode == 0, done.stderr
    with Store.open(paths.database_file()) as store:
        [summary] = store.list_articles()
        stored = store.get_article(summary.id)
    assert stored is not None and stored.brief is not None
    assert stored.title is not None and len(stored.title) <= TITLE_MAX
    assert stored.title.startswith("Budget vote") and stored.title.endswith(TRUNCATION_MARK)
    assert stored.author is not None and len(stored.author) <= AUTHOR_MAX
    assert stored.author.endswith(TRUNCATION_MARK)
    [said] = stored.brief.quotes
    assert len(said.text) <= QUOTE_MAX and said.text.endswith(TRUNCATION_MARK)
    assert said.speaker == "Jane Doe"
