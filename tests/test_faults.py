"""Faults a refresh must survive: kill -9 at any point, two runs at once, a reader writing at
the same time, a read-only database, a full disk. `brief fetch` runs as a real subprocess."""

from __future__ import annotations

import hashlib
import os
import re
import resource
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import closing, contextmanager
from pathlib import Path

import pytest
from loopback import Loopback
from refresh_support import Newsroom, feed_bytes, localize, write_config

from brief import paths
from brief.feeds import parse_feed
from brief.store import Store

AKTUALITY = "https://www.aktuality.sk"
FEEDS = 4
ITEMS = 3  # per feed: 12 articles in all


@pytest.fixture
def news(loopback: Loopback) -> Newsroom:
    return Newsroom(loopback)


def _desks(news: Newsroom, feeds: int = FEEDS, items: int = ITEMS) -> dict[str, bytes]:
    """Real feeds (Aktuality.sk's items, ``items`` each), their articles on the server."""
    count, per_feed = feeds, items
    full = localize(feed_bytes("aktuality.rss"), AKTUALITY, news.loopback.url("/"))
    entries = [m.group(0) for m in re.finditer(rb"<item>.*?</item>", full, re.S)]
    head = full[: full.index(b"<item>")]
    served: dict[str, bytes] = {}
    for n in range(count):
        chosen = entries[n * per_feed : (n + 1) * per_feed]
        body = head + b"".join(chosen) + b"</channel></rss>"
        url = news.feed(f"/desk{n}.rss", body)
        news.pages_for(url)
        served[url] = body
    return served


def _config(tmp_path: Path, feeds: dict[str, bytes], **settings: object) -> str:
    settings = {"concurrency": 2, "per_host": 2, **settings}
    return str(write_config(tmp_path / "config.toml", list(feeds), **settings))


def _fetch(config: str, *args: str, **popen: object) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "brief", "--config", config, "fetch", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
        text=True,
        **popen,  # type: ignore[call-overload]
    )


def _finish(proc: subprocess.Popen[str], timeout: float = 180) -> tuple[int, str, str]:
    out, err = proc.communicate(timeout=timeout)
    return proc.returncode, out, err


def _wait_for(condition: Callable[[], bool], timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("the awaited moment never came")
        time.sleep(0.01)


def _children(pid: int) -> list[int]:
    """The processes whose parent is ``pid`` (Linux /proc)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            # "pid (name) state ppid …": the name may hold spaces, so split after its ")".
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry.name))
    return found


def _alive(pid: int) -> bool:
    """True while ``pid`` exists and is not a zombie."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def _pages(news: Newsroom) -> list[str]:
    return [path for path in news.paths() if not path.startswith("/desk")]


def _page_requests(news: Newsroom) -> int:
    return sum(1 for r in news.loopback.requests if not r.path.startswith("/desk"))


def _feeds_stored() -> int:
    """Feeds the running fetch has stored with their ETag, read from the database file."""
    database = paths.database_file()
    if not database.exists():
        return 0
    try:
        with closing(sqlite3.connect(f"file:{database}?mode=ro", uri=True, timeout=1)) as db:
            row = db.execute("SELECT count(*) FROM feeds WHERE etag IS NOT NULL").fetchone()
    except sqlite3.Error:  # not created yet, or mid-migration
        return 0
    return int(row[0])


def _feed_requests(news: Newsroom) -> int:
    return sum(1 for r in news.loopback.requests if r.path.startswith("/desk"))


def _assert_consistent(feeds: dict[str, bytes]) -> int:
    """The database is sound and no feed's ETag is ahead of its stored entries; returns the
    number of articles."""
    with Store.open() as store:
        assert store.integrity_check() == ["ok"]
        for feed in store.list_feeds():
            if feed.etag is None and feed.last_modified is None:
                continue  # never stored: the next fetch gets the whole feed again
            for entry in parse_feed(feeds[feed.url], feed.url).entries:
                assert store.find_article(feed.id, entry.guid, entry.url) is not None, (
                    f"{feed.url} has its ETag stored but not its entry {entry.guid}"
                )
        return store.count_articles()


def _assert_complete(feeds: dict[str, bytes], articles: int, analyzed: bool = True) -> None:
    assert _assert_consistent(feeds) == articles
    with Store.open() as store:
        assert all(f.etag for f in store.list_feeds())
        if analyzed:
            assert store.pending_articles() == []
            statuses = {a.status for a in store.list_articles(limit=100)}
            assert statuses <= {"full", "feed-only"} and "full" in statuses


KILL_POINTS = {
    # name: (what is slow, when to kill, feeds, entries per feed, --feeds-only)
    # Killed once a first feed is stored (its ETag with its entries) while others are in flight:
    # counting requests at the server raced with the storing and could kill before any write.
    "feeds phase": ("feeds", lambda news: _feeds_stored() >= 1, FEEDS, ITEMS, False),
    # 16 feeds: parsed and stored by the separate ingest process.
    "feeds phase, ingest process": ("feeds", lambda news: _feeds_stored() >= 1, 16, 1, True),
    "first article page": ("pages", lambda news: _page_requests(news) >= 1, FEEDS, ITEMS, False),
    "middle of the articles": (
        "pages",
        lambda news: _page_requests(news) >= 6,
        FEEDS,
        ITEMS,
        False,
    ),
}


@pytest.mark.parametrize("point", list(KILL_POINTS))
def test_kill_9_leaves_a_sound_database_that_the_next_fetch_completes(
    point: str, news: Newsroom, tmp_path: Path
) -> None:
    slow, moment, count, per_feed, feeds_only = KILL_POINTS[point]
    feeds = _desks(news, count, per_feed)
    for path in news.paths("/desk") if slow == "feeds" else _pages(news):
        news.delay[path] = 0.6 if slow == "feeds" else 0.4
    config = _config(tmp_path, feeds)
    options = ["--feeds-only"] if feeds_only else []

    proc = _fetch(config, *options)
    _wait_for(lambda: moment(news) or proc.poll() is not None)
    assert proc.poll() is None, "the fetch ended before the kill"
    helpers = _children(proc.pid)  # worker processes (extraction, ingest)
    # With four feeds they are parsed in a thread: no worker yet, unless articles are waiting.
    assert helpers or point == "feeds phase", "the fetch had no worker process at the kill"
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    _wait_for(lambda: not any(_alive(pid) for pid in helpers), timeout=30)  # none orphaned

    _assert_consistent(feeds)
    with Store.open() as store:  # the kill landed where it was meant to
        stored = sum(1 for f in store.list_feeds() if f.etag)
        pending = len(store.pending_articles())
    if slow == "feeds":
        assert 0 < stored < count
    else:
        assert stored == count and 0 < pending <= count * per_feed
    news.delay.clear()
    code, out, err = _finish(_fetch(config, *options))
    assert code == 0, err
    assert out.startswith("feeds: ")
    _assert_complete(feeds, count * per_feed, analyzed=not feeds_only)


def test_two_fetches_at_once_the_second_waits_then_exits_15(news: Newsroom, tmp_path: Path) -> None:
    feeds = _desks(news)
    config = _config(tmp_path, feeds)
    # The first run's feeds are held until the second has given up: however slow the machine,
    # the first still holds the lock while the second waits.
    news.gate = threading.Event()
    first = _fetch(config, "--feeds-only")
    _wait_for(lambda: _feed_requests(news) >= 1)
    second = _finish(_fetch(config, "--feeds-only", "--lock-wait", "0.3"))
    waiter = _fetch(config, "--feeds-only", "--lock-wait", "120")
    news.gate.set()

    assert second[0] == 15 and second[1] == ""
    assert second[2].splitlines() == [
        f"brief: error: another brief refresh is still running (lock "
        f"{Path(os.environ['BRIEF_HOME']) / 'data' / 'refresh.lock'} held after waiting 0.3s); "
        "try again later"
    ]
    assert _finish(first)[0] == 0
    code, out, _ = _finish(waiter)
    assert code == 0 and out.startswith(f"feeds: 0 ok, {FEEDS} not modified")
    for n in range(FEEDS):  # once by the first run, once (a 304) by the waiter: no double work
        assert news.hits(f"/desk{n}.rss") == 2
    assert news.not_modified() == FEEDS


def test_a_reader_writing_read_state_during_a_refresh_never_sees_a_locked_database(
    news: Newsroom, tmp_path: Path
) -> None:
    feeds = _desks(news)
    config = _config(tmp_path, feeds)
    assert _finish(_fetch(config, "--feeds-only"))[0] == 0
    for path in _pages(news):
        news.delay[path] = 0.1

    proc = _fetch(config)
    writes = 0
    with Store.open() as reader:
        ids = [a.id for a in reader.list_articles(limit=100)]
        reader.set_starred(ids[0], True)
        while proc.poll() is None:
            reader.set_read(ids, writes % 2 == 0)
            reader.mark_all_read()
            writes += 1
    code, _, err = _finish(proc)

    assert code == 0 and "locked" not in err, err
    assert writes > 10
    _assert_complete(feeds, FEEDS * ITEMS)
    with Store.open() as store:
        starred = store.get_article(ids[0])
        assert starred is not None and starred.starred  # the refresh kept the reader's state


@contextmanager
def _read_only(path: Path) -> Iterator[None]:
    """Make a file unwritable, even for root (who ignores permission bits)."""
    if os.geteuid() == 0:
        subprocess.run(["chattr", "+i", str(path)], check=True)
        try:
            yield
        finally:
            subprocess.run(["chattr", "-i", str(path)], check=True)
    else:
        path.chmod(0o444)
        try:
            yield
        finally:
            path.chmod(0o644)


def _snapshot(brief_home: Path) -> tuple[str, list[tuple[str, str | None]], int]:
    database = brief_home / "data" / "brief.sqlite3"
    with Store.open() as store:
        state = [(f.url, f.etag) for f in store.list_feeds()]
        count = store.count_articles()
    # Closed: the WAL is checkpointed into the file, whose bytes now say everything.
    return hashlib.sha256(database.read_bytes()).hexdigest(), state, count


def test_a_read_only_database_is_one_clear_error_and_nothing_is_written(
    news: Newsroom, tmp_path: Path, brief_home: Path
) -> None:
    feeds = _desks(news)
    config = _config(tmp_path, feeds)
    assert _finish(_fetch(config, "--feeds-only"))[0] == 0
    base = news.loopback.url("/")
    nbc = localize(feed_bytes("rss_2.0_nbcny.xml"), "https://www.nbcnewyork.com", base)
    news.feed("/desk0.rss", nbc)  # something new to store
    before = _snapshot(brief_home)

    with _read_only(brief_home / "data" / "brief.sqlite3"):
        code, out, err = _finish(_fetch(config))

    assert code == 11 and out == ""
    assert len(err.splitlines()) == 1 and "read-only" in err
    assert _snapshot(brief_home) == before


def test_a_full_disk_is_one_clear_error_and_nothing_is_half_written(
    news: Newsroom, tmp_path: Path, brief_home: Path
) -> None:
    feeds = _desks(news)
    config = _config(tmp_path, feeds)
    assert _finish(_fetch(config, "--feeds-only"))[0] == 0
    everything = localize(feed_bytes("aktuality.rss"), AKTUALITY, news.loopback.url("/"))
    news.feed("/desk0.rss", everything)  # 30 entries: more than fits
    before = _snapshot(brief_home)

    def small_disk() -> None:
        # Files may not grow past 8 KiB: the WAL fills up as a full disk would.
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (8192, 8192))

    code, out, err = _finish(_fetch(config, "--feeds-only", preexec_fn=small_disk))

    assert code == 11 and out == ""
    assert len(err.splitlines()) == 1 and "nothing was saved" in err
    assert _snapshot(brief_home) == before
    _assert_consistent(feeds)
