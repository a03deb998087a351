"""`brief digest` end to end: a real store, real briefs, the CLI as a subprocess under cron-like
conditions (no TTY, TERM unset, LANG=C, minimal PATH), a real SMTP server, locks and kills.

Two feeds carry the same story (The Hill and NBC News on the man who threatened Rep. Ilhan
Omar, 18 Nov 2019, real texts); one of them also carries an unrelated story (Billboard on The
Doobie Brothers).
"""

from __future__ import annotations

import json
import re
import signal
import subprocess
import time
from datetime import UTC, datetime
from email import policy
from email.parser import BytesParser
from email.utils import format_datetime
from html import escape
from pathlib import Path

import pytest
from cli_support import cron_env, run_brief_bytes, start_brief
from conftest import FIXTURES
from digest_support import PASSWORD, USER, free_port, make_tls, smtp_server
from loopback import Loopback

from brief.analyze import analyze
from brief.files import hold_lock
from brief.models import Article, Brief, FeedEntry
from brief.paths import lock_file
from brief.store import Store

HILL = ("thehill-omar.txt", "New York man pleads guilty to threatening to kill Omar")
NBC = ("nbcnews-omar.txt", "New York man pleads guilty to threatening to kill Rep. Ilhan Omar")
DOOBIE = ("billboard-doobie.txt", "The Doobie Brothers Set 2020 Tour of North America")
HOSTILE_TITLE = '<script>alert(1)</script> =?UTF-8?Q?=0A?=Bcc: x@example.com <img onerror="x()">'

_BRIEFS: dict[str, Brief] = {}


def _brief(name: str, title: str, url: str, note: str | None = None) -> Brief:
    """Analyze a fixture text once per test session (the pipeline is the real one).

    ``note`` adds a last paragraph: an update with its own text, stored as its own article.
    """
    if name not in _BRIEFS:
        text = (FIXTURES / "digest" / name).read_text(encoding="utf-8")
        paragraphs = tuple(p.strip() for p in text.split("\n\n") if p.strip())
        _BRIEFS[name] = analyze(Article(paragraphs=paragraphs, language="en"))
    base = _BRIEFS[name]
    a = base.article
    paragraphs = (*a.paragraphs, note) if note else a.paragraphs
    article = Article(paragraphs, title, a.site, a.author, a.published, a.language, url)
    return Brief(article, base.summary, base.quotes, base.statements, base.actors)


def _entry(url: str, title: str) -> FeedEntry:
    return FeedEntry(
        guid=url,
        url=url,
        title=title,
        author=None,
        published=None,
        summary_text="",
        content_text="",
    )


def _add(store: Store, feed: int, name: str, title: str, url: str, note: str | None = None) -> int:
    brief = _brief(name, title, url, note)
    return store.add_article_with_brief(feed, _entry(url, title), brief, "full")


def fill_day(extra: int = 0) -> dict[str, int]:
    """Two feeds, the shared story in both, an unrelated one, a failing third feed."""
    with Store.open() as store:
        hill, _ = store.add_feed("http://127.0.0.1:9/hill.xml", "The Hill")
        nbc, _ = store.add_feed("http://127.0.0.1:9/nbc.xml", "NBC News")
        broken, _ = store.add_feed("http://127.0.0.1:9/broken.xml", "Broken Wire")
        ids = {
            "hill": _add(store, hill, *HILL, "https://thehill.com/omar"),
            "nbc": _add(store, nbc, *NBC, "https://www.nbcnews.com/omar"),
            "doobie": _add(store, nbc, *DOOBIE, "https://www.billboard.com/doobie"),
        }
        for i in range(extra):
            name, title = (HILL, NBC, DOOBIE)[i % 3]
            url = f"https://x.example/{i}"
            note = f"Update {i}: this version was published as revision number {i}."
            _add(store, (hill, nbc)[i % 2], name, f"{title} (update {i})", url, note)
        store.record_failure(broken, "HTTP 500 Internal Server Error")
    return ids


def run_digest(
    *args: str, env: dict[str, str] | None = None, check: bool = False
) -> subprocess.CompletedProcess[bytes]:
    """`brief digest ARGS` as cron runs it: no TTY, TERM unset, LANG=C, minimal PATH."""
    done = run_brief_bytes("digest", *args, env=cron_env(env), inherit_env=False, timeout=300)
    if check:
        assert done.returncode == 0, done.stderr.decode()
    return done


def undigested() -> set[int]:
    with Store.open() as store:
        return {a.id for a in store.articles_for_digest(datetime(2000, 1, 1).astimezone())}


def test_file_digest_groups_the_story_across_feeds(tmp_path: Path) -> None:
    ids = fill_day()
    out = tmp_path / "digest-{date}.md"
    done = run_digest("--no-fetch", "--output", str(out), check=True)
    assert done.stdout == b"" and done.stderr == b""  # silent on success
    [written] = list(tmp_path.glob("digest-*.md"))
    md = written.read_text(encoding="utf-8")
    assert written.name == f"digest-{datetime.now().astimezone().date().isoformat()}.md"
    story = md.split("### 1. ", 1)[1].split("### 2. ", 1)[0]
    assert "The Hill" in story and "NBC News" in story
    assert "https://thehill.com/omar" in story and "https://www.nbcnews.com/omar" in story
    assert "Doobie" not in story
    assert "2 stories from 3 articles" in md
    who = md.split("## Who said what", 1)[1]
    assert "Zoghlin" in who and "Kennedy" in who
    assert "Broken Wire" in md.split("## Feeds that failed", 1)[1]
    assert "\x1b" not in md
    assert undigested().isdisjoint(ids.values())


def test_rerun_for_the_same_date_is_idempotent(tmp_path: Path) -> None:
    fill_day()
    first = run_digest("--no-fetch", check=True).stdout
    assert b"Nothing new" in run_digest("--no-fetch", check=True).stdout
    again = run_digest("--no-fetch", "--date", "today", check=True).stdout
    # Same stories, same words: only the selection line differs.
    assert _body(again) == _body(first)
    assert run_digest("--no-fetch", "--date", "today", check=True).stdout == again


def _body(md: bytes) -> bytes:
    return md.split(b"## Stories", 1)[1]


def test_nothing_new_is_one_line_and_exit_zero() -> None:
    with Store.open():
        pass
    done = run_digest("--no-fetch", "--format", "text", check=True)
    lines = done.stdout.decode().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Nothing new for ")


def test_json_and_stdout_work_under_lang_c() -> None:
    fill_day()
    done = run_digest("--no-fetch", "--format", "json", check=True)
    data = json.loads(done.stdout)
    assert data["article_count"] == 3
    first = data["stories"][0]
    assert sorted(first["feeds"]) == ["NBC News", "The Hill"]
    # Both outlets quote the defence attorney's statement: it leads, counted twice.
    assert first["quotes"][0]["text"].startswith("He has taken responsibility")
    assert first["quotes"][0]["sources"] == 2
    stories_with_speakers = {line["story"] for s in data["speakers"] for line in s["said"]}
    assert stories_with_speakers == {1, 2}


def test_hostile_item_html_is_inert(tmp_path: Path) -> None:
    fill_day()
    with Store.open() as store:
        feed, _ = store.add_feed("http://127.0.0.1:9/evil.xml", 'Evil" onmouseover="x()')
        _add(store, feed, DOOBIE[0], HOSTILE_TITLE, "javascript:alert(1)")
    out = tmp_path / "d.html"
    run_digest("--no-fetch", "--format", "html", "--output", str(out), check=True)
    html = out.read_text(encoding="utf-8")
    assert "<script" not in html.lower()
    assert not re.search(r"<[^>]*\son\w+\s*=", html, re.IGNORECASE)
    assert not re.search(r"""(href|src)\s*=\s*["']?\s*javascript:""", html, re.IGNORECASE)


def test_mail_delivery_and_hostile_subject(tmp_path: Path) -> None:
    fill_day()
    with Store.open() as store:
        feed, _ = store.add_feed("http://127.0.0.1:9/evil.xml", "Evil")
        # The hostile title leads its own story: the subject is built from it.
        _add(store, feed, HILL[0], HOSTILE_TITLE, "https://evil.example/1")
    with smtp_server("none") as (port, inbox):
        config = _mail_config(tmp_path, port)
        run_digest("--no-fetch", "--mail", "--config", str(config), check=True)
    [got] = inbox.messages
    assert got.rcpt_tos == ["reader@example.org"]
    msg = BytesParser(policy=policy.default).parsebytes(got.data)
    assert msg["Bcc"] is None
    assert msg["Subject"].startswith("brief digest ")
    assert "\n" not in msg["Subject"]
    assert "Who said what" in msg.get_body(("plain",)).get_content()
    html = msg.get_body(("html",)).get_content()
    assert "<script" not in html.lower()
    assert undigested() == set()


def test_failed_mail_marks_nothing(tmp_path: Path) -> None:
    ids = fill_day()
    config = _mail_config(tmp_path, free_port())
    done = run_digest("--no-fetch", "--mail", "--config", str(config))
    assert done.returncode == 14
    assert done.stderr.decode().startswith("brief: error: cannot send mail")
    assert done.stderr.count(b"\n") == 1
    assert undigested() == set(ids.values())


def _mail_config(tmp_path: Path, port: int, security: str = "none", login: bool = False) -> Path:
    config = tmp_path / "config.toml"
    text = (
        "[digest.smtp]\n"
        'host = "127.0.0.1"\n'
        f"port = {port}\n"
        f'security = "{security}"\n'
        'from = "brief@example.org"\n'
        'to = ["reader@example.org"]\n'
    )
    if login:
        text += f'username = "{USER}"\npassword_env = "DIGEST_PW"\n'
    config.write_text(text, encoding="utf-8")
    return config


def test_unwritable_output_marks_nothing(tmp_path: Path) -> None:
    ids = fill_day()
    done = run_digest("--no-fetch", "--output", str(tmp_path / "missing" / "d.md"))
    assert done.returncode == 13
    assert b"cannot write" in done.stderr
    assert undigested() == set(ids.values())


def test_overlapping_run_waits_then_exits_clearly() -> None:
    ids = fill_day()
    with hold_lock(lock_file("digest"), wait=0):
        done = run_digest("--no-fetch", "--lock-wait", "0.5")
    assert done.returncode == 15
    assert b"another brief digest is still running" in done.stderr
    assert done.stdout == b""
    assert undigested() == set(ids.values())


def test_two_digests_at_once_never_double_mark(tmp_path: Path) -> None:
    fill_day(extra=30)
    outs = [tmp_path / "a.json", tmp_path / "b.json"]
    procs = [start_brief("digest", "--no-fetch", "-f", "json", "-o", str(o)) for o in outs]
    codes = [p.wait(timeout=120) for p in procs]
    assert sorted(codes) in ([0, 0], [0, 15])
    seen: list[int] = []
    for out in outs:
        if out.exists():
            data = json.loads(out.read_text(encoding="utf-8"))
            seen += [s["article_id"] for story in data["stories"] for s in story["sources"]]
    assert len(seen) == len(set(seen)) == 33  # every article in exactly one digest
    assert undigested() == set()


_KILL_TARGET = "digest.md"


def test_kill_during_write_leaves_previous_file_whole(tmp_path: Path) -> None:
    fill_day(extra=600)
    out = tmp_path / _KILL_TARGET
    args = ["--no-fetch", "--date", "today", "--output", str(out)]
    run_digest(*args, check=True)
    previous = out.read_bytes()
    killed_mid_write = False
    for _ in range(5):
        proc = start_brief("digest", "--format", "html", *args, capture=False)
        while proc.poll() is None and not list(tmp_path.glob(f".{_KILL_TARGET}.*.tmp")):
            time.sleep(0.0002)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        now = out.read_bytes()
        if now != previous:
            # The run finished before the kill: the new file must be whole, then retry.
            assert now.rstrip().endswith(b"</html>")
            previous = now
            continue
        killed_mid_write = bool(list(tmp_path.glob(f".{_KILL_TARGET}.*.tmp")))
        if killed_mid_write:
            break
    assert killed_mid_write, "the digest always finished before the kill"
    assert out.read_bytes() == previous


def _page(name: str, title: str) -> bytes:
    """An article page for the loopback newsroom, from a fixture text."""
    text = (FIXTURES / "digest" / name).read_text(encoding="utf-8")
    paragraphs = "".join(f"<p>{escape(p.strip())}</p>" for p in text.split("\n\n") if p.strip())
    return (
        f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{escape(title)}'
        f"</title></head><body><article><h1>{escape(title)}</h1>{paragraphs}</article>"
        "</body></html>"
    ).encode()


def _rss(title: str, items: list[tuple[str, str]]) -> bytes:
    """An RSS 2.0 feed of (title, link) items published now."""
    now = format_datetime(datetime.now(UTC), usegmt=True)
    body = "".join(
        f"<item><title>{escape(t)}</title><link>{escape(link)}</link>"
        f"<guid>{escape(link)}</guid><pubDate>{now}</pubDate>"
        f"<description>{escape(t)}.</description></item>"
        for t, link in items
    )
    return (
        f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>{escape(title)}</title><link>http://127.0.0.1/</link>{body}</channel></rss>"
    ).encode()


def test_fetch_then_digest_from_loopback_feeds(loopback: Loopback, tmp_path: Path) -> None:
    hill = loopback.route("/hill/omar", _page(*HILL))
    nbc = loopback.route("/nbc/omar", _page(*NBC))
    doobie = loopback.route("/nbc/doobie", _page(*DOOBIE))
    xml = "application/rss+xml"
    hill_feed = loopback.route("/hill.rss", _rss("The Hill", [(HILL[1], hill)]), content_type=xml)
    nbc_items = [(NBC[1], nbc), (DOOBIE[1], doobie)]
    nbc_feed = loopback.route("/nbc.rss", _rss("NBC News", nbc_items), content_type=xml)
    broken = loopback.route("/broken.rss", b"oops", status=500, content_type="text/plain")
    config = tmp_path / "config.toml"
    config.write_text(
        "[refresh]\nallow_private = true\n\n"
        f'[[feeds]]\nurl = "{hill_feed}"\nname = "The Hill"\n\n'
        f'[[feeds]]\nurl = "{nbc_feed}"\nname = "NBC News"\n\n'
        f'[[feeds]]\nurl = "{broken}"\nname = "Broken Wire"\n',
        encoding="utf-8",
    )
    out = tmp_path / "digest.md"
    done = run_digest("--config", str(config), "--output", str(out))
    assert done.returncode == 0, done.stderr.decode()
    assert done.stdout == b"" and done.stderr == b""
    md = out.read_text(encoding="utf-8")
    story = md.split("### 1. ", 1)[1].split("### 2. ", 1)[0]
    assert "The Hill" in story and "NBC News" in story and "Doobie" not in story
    assert "Zoghlin" in md.split("## Who said what", 1)[1]
    assert "Broken Wire" in md.split("## Feeds that failed", 1)[1]
    assert {r.path for r in loopback.requests} >= {"/hill/omar", "/nbc/omar", "/nbc/doobie"}
    # Fetched and digested: a second run finds the feeds unchanged and nothing new.
    again = run_digest("--config", str(config), "--format", "text")
    assert again.returncode == 0, again.stderr.decode()
    assert again.stdout.decode().startswith("Nothing new for ")


def test_digest_waits_for_no_refresh_when_one_is_running(tmp_path: Path) -> None:
    fill_day()
    config = tmp_path / "config.toml"
    config.write_text("", encoding="utf-8")
    with hold_lock(lock_file("refresh"), wait=0):
        done = run_digest("--config", str(config), "--format", "text")
    assert done.returncode == 0
    assert done.stderr.decode().startswith("brief: warning: feeds not refreshed")
    assert b"2 stories from 3 articles" in done.stdout


def test_mail_over_starttls_with_password_from_env(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fill_day()
    tls = make_tls(tmp_path)
    # The child trusts the system store; this test's CA is passed the same way.
    monkeypatch.setenv("SSL_CERT_FILE", str(tls.ca_file))
    with smtp_server("starttls", tls, login=True) as (port, inbox):
        config = _mail_config(tmp_path, port, security="starttls", login=True)
        done = run_digest(
            "--no-fetch", "--mail", "--config", str(config), env={"DIGEST_PW": PASSWORD}
        )
    assert done.returncode == 0, done.stderr.decode()
    assert done.stdout == b"" and done.stderr == b""
    assert len(inbox.messages) == 1
    assert undigested() == set()


def test_missing_password_variable_is_a_config_error(tmp_path: Path) -> None:
    ids = fill_day()
    config = _mail_config(tmp_path, free_port(), security="starttls", login=True)
    done = run_digest("--no-fetch", "--mail", "--config", str(config))
    assert done.returncode == 10
    assert b"DIGEST_PW" in done.stderr
    assert undigested() == set(ids.values())
