"""Faults the store must survive, with real processes and real files: a writer holding the
database, concurrent writers, concurrent first opens, a read-only file, a full disk."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from test_store import NOW, entry

from brief.errors import StoreError
from brief.store import FetchUpdate, Store
from brief.store.errors import SQLITE_BUSY, SQLITE_FULL, store_error
from brief.store.migrations import SCHEMA_VERSION

HOLD_WRITE_LOCK = """
import sqlite3, sys, time
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("BEGIN IMMEDIATE")
conn.execute("UPDATE feeds SET name = 'changed while held'")
print("holding", flush=True)
time.sleep(float(sys.argv[2]))
conn.execute("COMMIT")
"""


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Path]:
    """A database with one feed and one unread article."""
    path = tmp_path / "brief.sqlite3"
    with Store.open(path) as store:
        feed, _ = store.add_feed("https://feeds.example/world", "World")
        store.record_fetch(feed, FetchUpdate(etag='"1"'), [entry(1)], now=NOW)
    yield path


def _hold(path: Path, seconds: float) -> subprocess.Popen[str]:
    """Another process holding the write lock for ``seconds``; returns once it holds it."""
    child = subprocess.Popen(
        [sys.executable, "-c", HOLD_WRITE_LOCK, str(path), str(seconds)],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "holding"
    return child


def test_read_state_waits_for_a_writer_in_another_process(db: Path) -> None:
    with Store.open(db) as store:
        [article] = store.list_articles()
        child = _hold(db, 1.0)
        # The other process holds the write lock now; the busy timeout waits it out.
        assert store.set_read(article.id) == 1
        assert child.wait() == 0
        assert store.get_article(article.id).read  # type: ignore[union-attr]
        assert store.list_feeds()[0].name == "changed while held"


def test_a_lock_held_past_the_timeout_is_one_clear_error(db: Path) -> None:
    child = _hold(db, 30.0)
    try:
        with Store.open(db, timeout=0.2) as store:
            [article] = store.list_articles()  # reading never waits in WAL mode
            with pytest.raises(StoreError) as info:
                store.set_read(article.id)
            assert str(info.value) == (
                f"database {db} is locked by another brief process (waited 0.2s); "
                "try again when it has finished"
            )
    finally:
        child.kill()
        child.wait()
    with Store.open(db) as store:
        assert not store.list_articles()[0].read


WRITER = """
import sys
from pathlib import Path
from brief.store.database import Store
with Store.open(Path(sys.argv[1])) as store:
    for i in range(40):
        store.add_feed(f"https://writer{sys.argv[2]}-{i}.example/rss")
        store.set_read([1], read=i % 2 == 0)
"""


def test_concurrent_writers(db: Path) -> None:
    children = [
        subprocess.Popen([sys.executable, "-c", WRITER, str(db), str(n)], stderr=subprocess.PIPE)
        for n in range(3)
    ]
    with Store.open(db) as store:
        for i in range(40):
            store.set_starred(1, starred=i % 2 == 0)
    for child in children:
        _, err = child.communicate()
        assert child.returncode == 0, err.decode()
    with Store.open(db) as store:
        assert len(store.list_feeds()) == 1 + 3 * 40
        assert store.integrity_check() == ["ok"]


FIRST_OPEN = """
import sys
from pathlib import Path
from brief.store.database import Store
with Store.open(Path(sys.argv[1])) as store:
    store.add_feed(f"https://first{sys.argv[2]}.example/rss")
"""


def test_concurrent_first_opens_migrate_once(tmp_path: Path) -> None:
    path = tmp_path / "fresh.sqlite3"
    children = [
        subprocess.Popen(
            [sys.executable, "-c", FIRST_OPEN, str(path), str(n)], stderr=subprocess.PIPE
        )
        for n in range(4)
    ]
    for child in children:
        _, err = child.communicate()
        assert child.returncode == 0, err.decode()
    with Store.open(path) as store:
        assert len(store.list_feeds()) == 4
        assert store.journal_mode() == "wal"
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    conn.close()


def _without_root_powers() -> list[str]:
    """A command prefix under which file permissions apply (root ignores them)."""
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("running as root without setpriv: permissions cannot be enforced")
    return [setpriv, "--bounding-set=-dac_override,-dac_read_search,-fowner"]


TRY_WRITE = """
import sys
from pathlib import Path
from brief.errors import StoreError
from brief.store.database import Store
try:
    with Store.open(Path(sys.argv[1])) as store:
        print("read", len(store.list_articles()))
        store.set_read(1)
    print("wrote")
except StoreError as err:
    print("StoreError:", err)
"""


@pytest.mark.parametrize("folder_writable", [False, True])
def test_read_only_database(db: Path, folder_writable: bool) -> None:
    prefix = _without_root_powers()
    db.chmod(0o444)
    if not folder_writable:
        db.parent.chmod(0o555)
    try:
        out = subprocess.run(
            [*prefix, sys.executable, "-c", TRY_WRITE, str(db)],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    finally:
        db.parent.chmod(0o755)
        db.chmod(0o644)
    error = f"StoreError: database {db} is read-only (attempt to write a readonly database); "
    assert out.splitlines()[-1] == error + "check its permissions"
    assert "wrote" not in out
    with Store.open(db) as store:
        assert not store.list_articles()[0].read


FILL_DISK = """
import resource, signal, sys
from pathlib import Path
from brief.errors import StoreError
from brief.store.database import Store
from test_store import brief, entry
store = Store.open(Path(sys.argv[1]))
# Writes past this size fail as on a full disk (SIGXFSZ would kill us instead of failing).
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
resource.setrlimit(resource.RLIMIT_FSIZE, (400_000, 400_000))
big = brief([f"Paragraph {i} " + "of a long article. " * 50 for i in range(3000)])
try:
    store.add_article_with_brief(1, entry(2), big, "full")
    print("stored")
except StoreError as err:
    print("StoreError:", err)
"""


def test_full_disk_leaves_nothing_half_written(db: Path) -> None:
    tests = str(Path(__file__).parent)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([tests, os.environ.get("PYTHONPATH", "")])}
    out = subprocess.run(
        [sys.executable, "-c", FILL_DISK, str(db)],
        capture_output=True,
        text=True,
        check=True,
        env=env,
    ).stdout
    assert out.startswith("StoreError: ")
    assert str(db) in out and "nothing was saved" in out
    with Store.open(db) as store:
        assert store.integrity_check() == ["ok"]
        assert [a.title for a in store.list_articles()] == ["Story 1"]
        assert store.search("paragraph") == []
        assert store.list_feeds()[0].etag == '"1"'


def test_error_lines() -> None:
    path = Path("/data/brief.sqlite3")
    assert str(store_error(SQLITE_FULL, "database or disk is full", path, 5.0)) == (
        "disk full: cannot write database /data/brief.sqlite3; nothing was saved"
    )
    assert "locked by another brief process (waited 5s)" in str(
        store_error(SQLITE_BUSY | (2 << 8), "database is locked", path, 5.0)
    )
    assert str(store_error(None, "odd", path, 5.0)) == "database /data/brief.sqlite3: odd"
