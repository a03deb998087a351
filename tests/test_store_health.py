"""The store refuses a damaged or emptied database at open (exit 11, one line of advice) and
`brief backup PATH` copies a live one. The CLI runs as a subprocess on a real SQLite file."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

from cli_support import run_brief

from brief import paths
from brief.config import FeedConfig
from brief.models import FeedEntry
from brief.store import FetchUpdate, Store

FEEDS = 40
ENTRIES = 30


_brief = run_brief


def _fill() -> Path:
    """A store with feeds and articles whose text fills many pages of the search index."""
    with Store.open() as store:
        feeds = [FeedConfig(f"http://127.0.0.1:9/{n}.rss", f"Desk {n}", ()) for n in range(FEEDS)]
        store.add_feeds(feeds)
        for feed in store.list_feeds()[:3]:
            entries = [
                FeedEntry(
                    guid=f"{feed.id}-{n}",
                    url=None,
                    title=f"Story {n} of {feed.display_name}",
                    author=None,
                    published=None,
                    summary_text=" ".join(f"word{(n * 7 + i) % 997}" for i in range(400)),
                    content_text="",
                )
                for n in range(ENTRIES)
            ]
            store.record_fetch(feed.id, FetchUpdate(None, None), entries)
        return store.path


def _damage_index_pages(path: Path) -> None:
    """Garbage over the pages of the full-text index only: the feeds table stays readable."""
    with closing(sqlite3.connect(path)) as db:
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        pages = [
            int(r[0])
            for r in db.execute("SELECT pageno FROM dbstat WHERE name = 'articles_fts_data'")
        ]
        size = int(db.execute("PRAGMA page_size").fetchone()[0])
    assert len(pages) > 4
    with path.open("r+b") as handle:
        for page in pages[1:-1]:
            handle.seek((page - 1) * size)
            handle.write(b"\xa5" * size)


def test_damaged_database_is_refused_at_open_with_advice() -> None:
    path = _fill()
    _damage_index_pages(path)
    for args in (("feeds", "list"), ("search", "word1")):
        done = _brief(*args)
        assert done.returncode == 11, (args, done.stdout, done.stderr)
        assert done.stdout == ""
        [line] = done.stderr.splitlines()
        assert line.startswith(f"brief: error: database {path} is damaged (")
        assert f"sqlite3 {path} .recover" in line and "brief backup" in line


def test_zero_length_database_is_not_initialised_again() -> None:
    path = paths.database_file()
    path.parent.mkdir(parents=True)
    path.touch()
    done = _brief("feeds", "list")
    assert done.returncode == 11
    assert done.stderr == (
        f"brief: error: database {path} is empty (0 bytes): its data is gone, and brief does "
        "not start it again silently; restore a backup over it, or delete it to start an "
        "empty store\n"
    )
    assert path.stat().st_size == 0


def test_backup_while_another_process_writes(tmp_path: Path) -> None:
    _fill()
    writer = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "from brief.store import Store\n"
            "with Store.open() as s:\n"
            "    for n in range(400):\n"
            "        s.add_feed(f'http://127.0.0.1:9/more-{n}.rss')\n",
        ],
        stdin=subprocess.DEVNULL,
    )
    try:
        target = tmp_path / "copy.sqlite3"
        done = _brief("backup", str(target))
    finally:
        assert writer.wait(timeout=120) == 0
    assert done.returncode == 0, done.stderr
    assert done.stdout == f"backed up {paths.database_file()} to {target}\n"
    assert not list(tmp_path.glob(".copy.sqlite3.*"))  # no temporary left
    with Store.open(target) as copy:
        assert copy.integrity_check() == ["ok"]
        count = len(copy.list_feeds())
        assert FEEDS <= count <= FEEDS + 400
        assert copy.count_articles() == 3 * ENTRIES


def test_backup_into_a_folder_names_a_dated_file(tmp_path: Path) -> None:
    _fill()
    folder = tmp_path / "backups"
    folder.mkdir()
    done = _brief("backup", str(folder))
    assert done.returncode == 0, done.stderr
    [written] = folder.iterdir()
    assert written.name.startswith("brief-") and written.suffix == ".sqlite3"
    with closing(sqlite3.connect(written)) as db:
        assert db.execute("SELECT count(*) FROM feeds").fetchone()[0] == FEEDS


def test_backup_to_a_missing_folder_fails_clearly(tmp_path: Path) -> None:
    _fill()
    done = _brief("backup", str(tmp_path / "missing" / "copy.sqlite3"))
    assert done.returncode == 13
    assert done.stderr.startswith("brief: error: cannot write ")
    assert done.stderr.count("\n") == 1
