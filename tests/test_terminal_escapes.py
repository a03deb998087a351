"""Every path to the terminal is sanitized, C1 controls included: the reader's "feed failed"
notification (a feed name holding OSC 52 / OSC 0, a URL holding C1 controls), `brief feeds
list`, and OPML import, which refuses feed URLs with control characters."""

from __future__ import annotations

import re
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest
from cli_support import run_brief
from loopback import Loopback
from refresh_support import write_config
from tui_support import run_app

from brief import paths
from brief.config import load_config
from brief.store import Store

pytestmark = pytest.mark.anyio
# C0 (but tab and newline), DEL and C1: none of them may reach the terminal from a feed.
CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
OSC_NAME = "Desk \x1b]52;c;SGVsbG8=\x07\x1b]0;pwned\x07 news"
C1_PATH = "/c1\u009d0;pwned\u009c\u009b31m.rss"


@pytest.fixture
def store(brief_home: Path) -> Iterator[Store]:
    with Store.open() as opened:
        yield opened


def _hostile_feeds(store: Store, loopback: Loopback) -> None:
    """A feed named with OSC sequences (written straight into the database, as an older
    version or another tool might have) and one whose URL holds C1 controls; both fail."""
    named = loopback.route("/named.rss", b"down", status=500)
    store.add_feed(named, "placeholder")
    store.add_feed(loopback.url("").rstrip("/") + C1_PATH, None)
    with closing(sqlite3.connect(paths.database_file())) as db, db:
        db.execute("UPDATE feeds SET name = ? WHERE url = ?", (OSC_NAME, named))


async def test_feed_failed_notification_carries_no_escape(
    loopback: Loopback, store: Store, tmp_path: Path
) -> None:
    _hostile_feeds(store, loopback)
    config = load_config(write_config(tmp_path / "config.toml", [], pinned=False))
    async with run_app(store, config) as tui:
        await tui.press("R")
        for _ in range(100):
            if len([n for n in tui.notices if "feeds:" in n]) == 1:
                break
            await tui.settle()
        failed = [n for n in tui.notices if "500" in n or "c1" in n]
        assert len(failed) == 2, tui.notices
        assert all(not CONTROLS.search(n) for n in tui.notices), tui.notices
        assert any(re.match(r"Desk +news: ", n) for n in failed)


_brief = run_brief


def test_feeds_list_prints_no_escape(loopback: Loopback, store: Store) -> None:
    _hostile_feeds(store, loopback)
    done = _brief("feeds", "list")
    assert done.returncode == 0, done.stderr
    assert not CONTROLS.search(done.stdout), done.stdout
    assert "Desk news" in done.stdout and "/c1.rss" in done.stdout


def test_opml_import_refuses_urls_with_control_characters(tmp_path: Path) -> None:
    opml = tmp_path / "subs.opml"
    opml.write_text(
        '<?xml version="1.0" encoding="utf-8"?><opml version="2.0"><head/><body>'
        f'<outline type="rss" text="C1" xmlUrl="http://news.example.org{C1_PATH}"/>'
        '<outline type="rss" text="Bidi" xmlUrl="http://news.example.org/\u202efeed.rss"/>'
        '<outline type="rss" text="Fine" xmlUrl="http://news.example.org/fine.rss"/>'
        "</body></opml>",
        encoding="utf-8",
    )
    done = _brief("feeds", "import", str(opml))
    assert done.returncode == 0, done.stderr
    assert not CONTROLS.search(done.stdout + done.stderr)
    assert done.stderr.count("not an http(s) feed URL") == 2
    with Store.open() as store:
        assert [f.url for f in store.list_feeds()] == ["http://news.example.org/fine.rss"]


def test_fetch_progress_bar_shows_feed_names_without_escapes(
    loopback: Loopback, store: Store, tmp_path: Path
) -> None:
    import os
    import pty
    import threading

    _hostile_feeds(store, loopback)
    config = write_config(tmp_path / "config.toml", [], pinned=False)
    leader, follower = pty.openpty()
    drawn = bytearray()

    def drain() -> None:  # read while the child draws: a full pty buffer would block it
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:
                return
            if not chunk:
                return
            drawn.extend(chunk)

    reader = threading.Thread(target=drain, daemon=True)
    reader.start()
    try:
        child = subprocess.Popen(
            [sys.executable, "-m", "brief", "--config", str(config), "fetch", "--feeds-only"],
            stdout=subprocess.PIPE,
            stderr=follower,
            stdin=subprocess.DEVNULL,
            env={**os.environ, "COLUMNS": "120", "TERM": "xterm"},
        )
        child.communicate(timeout=120)
    finally:
        os.close(follower)
        reader.join(timeout=10)
        os.close(leader)
    assert child.returncode == 16
    assert b"\x1b[" in drawn  # the bar itself was drawn
    assert b"Desk" in drawn and b"news" in drawn
    assert b"\x1b]" not in drawn and b"\x07" not in drawn  # no OSC from the name
    assert not re.search("[\x80-\x9f]", drawn.decode("utf-8", "replace"))
