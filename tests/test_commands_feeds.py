"""The feed commands as a user runs them: `brief init`, `brief feeds …`, `brief fetch`,
`brief search` in a subprocess (exit codes, stdout, stderr), against 127.0.0.1 feeds."""

from __future__ import annotations

import gzip
import os
import pty
import resource
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from cli_support import run_brief
from conftest import FIXTURES
from loopback import Loopback
from refresh_support import Newsroom, feed_bytes, localize, write_config

from brief.feeds import parse_opml

REGISTER = "http://go.theregister.com"
OPML_LISTS = (
    "france.opml",
    "russia.opml",
    "android-development.opml",
    "news-without-category.opml",
)


brief = run_brief


@pytest.fixture
def news(loopback: Loopback) -> Newsroom:
    return Newsroom(loopback)


def _desk(news: Newsroom) -> str:
    """The Register's Atom feed with its two articles on the server."""
    body = localize(feed_bytes("atom_example_2.xml"), REGISTER, news.loopback.url("/"))
    url = news.feed("/science.atom", body)
    news.pages_for(url)
    return url


# brief init


def test_init_writes_the_example_config_and_never_overwrites(brief_home: Path) -> None:
    done = brief("init")
    target = brief_home / "config.toml"
    assert done.returncode == 0 and done.stdout.startswith(f"wrote {target}\n")
    assert "[[feeds]]" in target.read_text(encoding="utf-8")
    target.write_text("# mine\n", encoding="utf-8")

    again = brief("init")

    assert again.returncode == 0 and "already exists" in again.stderr
    assert target.read_text(encoding="utf-8") == "# mine\n"


def test_init_writes_where_config_points(tmp_path: Path) -> None:
    target = tmp_path / "elsewhere" / "brief.toml"
    done = brief("--config", str(target), "init")
    assert done.returncode == 0 and target.exists()
    listed = brief("feeds", "list", "--config", str(target))  # the example's feeds, not fetched
    assert listed.returncode == 0 and "BBC News – World" in listed.stdout
    assert listed.stdout.count(" new ") == 13


# brief feeds add / list / remove


def test_feeds_add_checks_the_feed_and_list_shows_it(news: Newsroom) -> None:
    url = _desk(news)
    added = brief("feeds", "add", url, "--name", "Science desk", "--tag", "science")
    assert added.returncode == 0, added.stderr
    assert added.stdout.startswith(f"added Science desk <{url}>") and "2 entries" in added.stdout

    again = brief("feeds", "add", url)
    assert again.returncode == 0 and again.stdout.startswith("already subscribed")

    listed = brief("feeds", "list")
    header, row = listed.stdout.splitlines()
    assert header.split()[:3] == ["ID", "STATUS", "LAST"]
    assert row.split()[1] == "new" and row.endswith(f"Science desk <{url}>")


def test_feeds_add_finds_the_feed_a_page_announces(news: Newsroom) -> None:
    page = gzip.decompress((FIXTURES / "feeds" / "DaringFireball.html.gz").read_bytes())
    news.page("/df", page)
    feed = news.feed("/feeds/main", feed_bytes("atom_example_2.xml"), "application/atom+xml")

    added = brief("feeds", "add", news.loopback.url("/df"))

    assert added.returncode == 0, added.stderr
    assert f"<{feed}> (announced by {news.loopback.url('/df')})" in added.stdout


def test_feeds_add_refuses_what_is_not_a_feed(news: Newsroom) -> None:
    news.page("/plain", b"<html><head><title>x</title></head><body>No feed here</body></html>")
    refused = brief("feeds", "add", news.loopback.url("/plain"))
    assert refused.returncode == 12
    assert refused.stderr.strip().splitlines() == [
        f"brief: error: {news.loopback.url('/plain')} is a web page that announces no feed"
    ]
    missing = brief("feeds", "add", news.loopback.url("/nowhere"))
    assert missing.returncode == 4 and "404" in missing.stderr
    assert brief("feeds", "add", "javascript:alert(1)").returncode == 2
    assert "no feeds yet" in brief("feeds", "list").stdout


def test_feeds_list_shows_a_failing_feed_with_its_error(news: Newsroom, tmp_path: Path) -> None:
    good = _desk(news)
    bad = news.feed("/broken.rss", feed_bytes("rss_2.0_invalid_1.xml"))
    config = write_config(tmp_path / "config.toml", [good, bad])
    assert brief("--config", str(config), "fetch", "--feeds-only").returncode == 16

    listed = brief("--config", str(config), "feeds", "list").stdout.splitlines()

    row = next(i for i, line in enumerate(listed) if line.endswith(f"<{bad}>"))
    assert listed[row].split()[1:4] == ["failing", "never", "1"]
    assert listed[row + 1].strip().startswith("last error: ")
    assert "next try after" in listed[row + 1]
    ok = next(line for line in listed if line.endswith(f"<{good}>"))
    assert ok.split()[1] == "ok" and ok.split()[5] == "2"  # two articles, pending


def test_feeds_remove_by_id_or_url_but_not_one_the_config_lists(
    news: Newsroom, tmp_path: Path
) -> None:
    url = _desk(news)
    other = news.feed("/nbc.rss", feed_bytes("rss_2.0_nbcny.xml"))
    config = write_config(tmp_path / "config.toml", [other])
    assert brief("feeds", "add", url).returncode == 0

    refused = brief("feeds", "remove", other, "--config", str(config))
    assert refused.returncode == 2 and "listed in the config file" in refused.stderr

    by_id = brief("feeds", "remove", "1", "--config", str(config))
    assert by_id.returncode == 0 and by_id.stdout.startswith("removed")
    unknown = brief("feeds", "remove", url, "--config", str(config))
    assert unknown.returncode == 2 and "no such feed" in unknown.stderr
    assert [
        line.endswith(f"<{other}>")
        for line in brief("--config", str(config), "feeds", "list").stdout.splitlines()[1:]
    ] == [True]


# brief feeds import / export


@pytest.mark.parametrize("name", OPML_LISTS)
def test_opml_import_then_export_gives_the_same_feeds_names_and_tags(
    name: str, tmp_path: Path
) -> None:
    source = FIXTURES / "feeds" / name
    expected, warnings = parse_opml(source.read_bytes())

    imported = brief("feeds", "import", str(source))

    assert imported.returncode == 0, imported.stderr
    assert f": {len(expected)} new feeds, 0 already subscribed" in imported.stdout
    assert len(imported.stderr.splitlines()) == len(warnings)
    exported = tmp_path / "out.opml"
    assert brief("feeds", "export", "-o", str(exported)).returncode == 0
    again, _ = parse_opml(exported.read_bytes())
    assert sorted((f.url, f.name, f.tags) for f in again) == sorted(
        (f.url, f.name, f.tags) for f in expected
    )
    assert brief("feeds", "export").stdout == exported.read_text(encoding="utf-8")


def test_opml_import_skips_bad_outlines_with_one_warning_each(tmp_path: Path) -> None:
    opml = tmp_path / "mixed.opml"
    opml.write_text(
        '<?xml version="1.0"?><opml version="2.0"><head/><body>'
        '<outline text="Good" xmlUrl="https://example.org/feed.xml"/>'
        '<outline text="Script" xmlUrl="javascript:alert(1)"/>'
        '<outline text="Local file" xmlUrl="file:///etc/passwd"/>'
        '<outline text="Empty" type="rss"/>'
        "</body></opml>",
        encoding="utf-8",
    )
    done = brief("feeds", "import", str(opml))
    assert done.returncode == 0
    warnings = done.stderr.splitlines()
    assert len(warnings) == 3 and all(w.startswith("brief: warning: ") for w in warnings)
    assert done.stdout.endswith(": 1 new feed, 0 already subscribed, 3 outlines skipped\n")


def test_opml_import_is_all_or_nothing() -> None:
    assert brief("feeds", "import", str(FIXTURES / "feeds" / "france.opml")).returncode == 0

    def small_disk() -> None:
        # Files may not grow past 8 KiB: the database's WAL fills up as on a full disk.
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (8192, 8192))

    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "brief",
            "feeds",
            "import",
            str(FIXTURES / "feeds" / "android-development.opml"),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        preexec_fn=small_disk,
    )

    assert done.returncode == 11 and done.stderr.splitlines()[-1].endswith("nothing was saved")
    listed = brief("feeds", "list").stdout.splitlines()
    assert len(listed) == 1 + 11  # France's eleven feeds, not one of the Android list's


def test_opml_import_expands_no_entity_and_refuses_non_opml(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.opml"
    bomb.write_text(
        '<?xml version="1.0"?><!DOCTYPE opml [<!ENTITY a "aaaaaaaaaa">'
        '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]><opml version="2.0"><body>'
        '<outline text="&b;" xmlUrl="https://example.org/f"/></body></opml>',
        encoding="utf-8",
    )
    assert brief("feeds", "import", str(bomb)).returncode == 0
    assert "&b; <https://example.org/f>" in brief("feeds", "list").stdout  # not expanded
    page = tmp_path / "page.opml"
    page.write_text("<html><body><p>not a list</p></body></html>", encoding="utf-8")
    refused = brief("feeds", "import", str(page))
    assert refused.returncode == 12 and len(refused.stderr.splitlines()) == 1
    assert brief("feeds", "import", str(tmp_path / "missing.opml")).returncode == 9


# brief fetch


def test_fetch_prints_one_summary_line_when_not_on_a_terminal(
    news: Newsroom, tmp_path: Path
) -> None:
    config = write_config(tmp_path / "config.toml", [_desk(news)])
    done = brief("fetch", "--config", str(config))
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    assert done.stdout.splitlines() == [
        "feeds: 1 ok, 0 not modified, 0 failed; 2 new articles; "
        "2 analyzed from their page, 0 from the feed's text"
    ]
    quiet = brief("fetch", "--quiet", "--config", str(config))
    assert (quiet.returncode, quiet.stdout, quiet.stderr) == (0, "", "")


def test_fetch_exits_16_and_names_each_failed_feed(news: Newsroom, tmp_path: Path) -> None:
    good = news.feed("/nbc.rss", feed_bytes("rss_2.0_nbcny.xml"))
    bad = news.loopback.route("/gone.rss", b"gone", status=410, content_type="text/plain")
    config = write_config(tmp_path / "config.toml", [good, bad])

    done = brief("--config", str(config), "fetch", "--feeds-only", "--quiet")

    assert done.returncode == 16 and done.stdout == ""
    assert done.stderr.splitlines() == [
        f"brief: feed failed: {bad}: {bad}: server answered 410 Gone"
    ]
    help_text = brief("fetch", "--help").stdout
    assert "16  at least one feed failed" in help_text


def test_fetch_with_a_bad_config_is_one_line(tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text("[refresh]\nconcurency = 4\n", encoding="utf-8")
    done = brief("fetch", "--config", str(config))
    assert done.returncode == 10 and len(done.stderr.splitlines()) == 1
    assert "refresh.concurency" in done.stderr


def test_fetch_draws_a_progress_bar_on_a_terminal(news: Newsroom, tmp_path: Path) -> None:
    config = write_config(tmp_path / "config.toml", [_desk(news)])
    leader, follower = pty.openpty()
    drawn = bytearray()

    def drain() -> None:
        # Read while the child draws: a full pty buffer (~20 KB of redraws) would block it.
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:  # EIO once the child and the test have closed the follower
                return
            if not chunk:
                return
            drawn.extend(chunk)

    reader = threading.Thread(target=drain, daemon=True)
    reader.start()
    try:
        child = subprocess.Popen(
            [sys.executable, "-m", "brief", "--config", str(config), "fetch"],
            stdout=subprocess.PIPE,
            stderr=follower,
            stdin=subprocess.DEVNULL,
            env={**os.environ, "COLUMNS": "100", "TERM": "xterm"},
        )
        out, _ = child.communicate(timeout=120)
    finally:
        os.close(follower)
        reader.join(timeout=10)
        os.close(leader)
    done = subprocess.CompletedProcess(child.args, child.returncode, out)
    assert done.returncode == 0
    assert b"feeds" in drawn and b"articles" in drawn and b"\x1b[" in drawn
    assert done.stdout.decode().startswith("feeds: 1 ok")


# brief search


def test_search_finds_articles_quotes_and_speakers(news: Newsroom, tmp_path: Path) -> None:
    config = write_config(tmp_path / "config.toml", [_desk(news)])
    assert brief("--config", str(config), "fetch", "--quiet").returncode == 0

    found = brief("search", "Obama")
    assert found.returncode == 0, found.stderr
    first = found.stdout.splitlines()[0]
    assert first.startswith("#") and "(The Register - Science)" in first
    speaker = brief("search", "speakers:Obama").stdout.splitlines()
    assert speaker[0].startswith("#") and speaker[1].strip() == "Barack Obama"
    assert speaker.count("") == 1  # one hit: the article that quotes him
    limited = brief("search", "the", "--limit", "1")
    assert limited.stdout.count("#") == 1
    nothing = brief("search", "zzzyzzyva")
    assert (nothing.returncode, nothing.stdout, nothing.stderr.strip()) == (0, "", "no match")


def test_a_malformed_search_query_is_one_line_and_exit_2() -> None:
    assert brief("feeds", "list").returncode == 0
    done = brief("search", "AND (")
    assert done.returncode == 2 and done.stdout == ""
    assert len(done.stderr.splitlines()) == 1 and done.stderr.startswith("brief: error: search")
