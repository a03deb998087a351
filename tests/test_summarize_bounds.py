"""`brief summarize` runs under the refresh workers' bounds: loading and analysis happen in a
worker process with a time limit (--time-limit) and a memory cap, so a 5 MB single-paragraph
page ends with one line and exit 5 instead of running on. The CLI runs as a subprocess."""

from __future__ import annotations

import json
import subprocess

from cli_support import run_brief_bytes
from conftest import FIXTURES
from loopback import Loopback

from brief.errors import AnalysisTimeout

TEXT = (FIXTURES / "digest" / "thehill-omar.txt").read_text(encoding="utf-8")


def _brief(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return run_brief_bytes("summarize", *args, stdin=stdin, timeout=180)


def _huge_page() -> bytes:
    """One paragraph of ~5 MB: a real article's sentences, each copy numbered (no two alike)."""
    sentences = [s.strip() + "." for s in TEXT.replace("\n", " ").split(". ") if s.strip()]
    parts: list[str] = []
    size, n = 0, 0
    while size < 5_000_000:
        sentence = f"In report {n}, {sentences[n % len(sentences)]}"
        parts.append(sentence)
        size += len(sentence) + 1
        n += 1
    return f"<html><body><article><p>{' '.join(parts)}</p></article></body></html>".encode()


def test_a_huge_page_stops_at_the_time_limit(loopback: Loopback) -> None:
    url = loopback.route("/huge.html", _huge_page())
    done = _brief(url, "--time-limit", "1")
    assert done.returncode == AnalysisTimeout.exit_code == 5
    assert done.stdout == b""
    assert done.stderr.decode() == (
        f"brief: error: {url}: not summarized within 1 s (loading and analysis); the page "
        "may be very large (--time-limit sets the limit)\n"
    )


def test_stdin_and_errors_come_through_the_worker() -> None:
    done = _brief("-", "-f", "json", stdin=TEXT.encode())
    assert done.returncode == 0, done.stderr
    brief = json.loads(done.stdout)
    assert brief["source"] == {"url": None, "path": "-"}
    assert brief["quotes"]
    empty = _brief("-", stdin=b"")
    assert empty.returncode == 9 and empty.stderr == b"brief: error: stdin is empty\n"
    missing = _brief("/nonexistent/page.html")
    assert missing.returncode == 9
    assert missing.stderr == b"brief: error: /nonexistent/page.html: no such file\n"


def test_time_limit_must_be_a_number_of_seconds() -> None:
    done = _brief("--sample", "--time-limit", "nan")
    assert done.returncode == 2
    assert b"--time-limit" in done.stderr
