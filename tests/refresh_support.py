"""A newsroom on 127.0.0.1 for refresh tests: feeds with real conditional GET, article pages.

    news = Newsroom(loopback)
    url = news.feed("/world.rss", feed_bytes)           # ETag + Last-Modified, 304 on a match
    news.page("/a/1", page_bytes)                        # an article page
    news.delay["/a/1"] = 2.0                             # answer slowly
    news.body_bytes("/world.rss")                        # bytes of 200 bodies sent for it

Feeds are real feeds from tests/fixtures/feeds/ whose links are moved onto the server with
``localize`` (tests never touch the internet). ``write_config`` writes a real config file.
"""

from __future__ import annotations

import gzip
import hashlib
import itertools
import threading
import time
from collections import Counter
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler
from pathlib import Path

from conftest import FIXTURES
from loopback import Loopback

FEEDS = FIXTURES / "feeds"
PAGES = FIXTURES / "pages"
# Real article pages (tests/fixtures/pages, see PROVENANCE.md), served as the feeds' articles.
PAGE_NAMES = (
    "bbc-obama-guns",
    "guardian-whales",
    "bbc-swift",
    "aljazeera-helicopter",
    "sky-mourinho",
    "detroitnews-teachers",
    "seattletimes-halibut",
    "twincities-wild",
    "albawaba-settlements",
    "liberation-nepal",
    "wapo-netanyahu",
    "wday-porizkova",
)
_LAST_MODIFIED = formatdate(1_700_000_000, usegmt=True)


def page_bytes(name: str) -> bytes:
    """A fixture page's HTML."""
    return gzip.decompress((PAGES / f"{name}.html.gz").read_bytes())


def feed_bytes(name: str) -> bytes:
    """A fixture feed's bytes."""
    return (FEEDS / name).read_bytes()


def localize(body: bytes, origin: str, base: str) -> bytes:
    """The feed with every link to ``origin`` (e.g. https://www.aktuality.sk) moved to ``base``."""
    return body.replace(origin.encode(), base.rstrip("/").encode())


class Newsroom:
    """Feeds and pages on a Loopback server, answered as a well-behaved news site would."""

    def __init__(self, loopback: Loopback) -> None:
        self.loopback = loopback
        self.delay: dict[str, float] = {}
        # While set to an unset Event, every answer waits for it (a test opens it when ready).
        self.gate: threading.Event | None = None
        self._docs: dict[str, tuple[int, bytes, str]] = {}
        self._lock = threading.Lock()
        self._bodies: Counter[str] = Counter()
        self._hits: Counter[str] = Counter()
        self._not_modified: Counter[str] = Counter()
        self._pages = itertools.cycle(PAGE_NAMES)

    def feed(self, path: str, body: bytes, content_type: str = "application/rss+xml") -> str:
        """Serve (or replace) a feed at ``path``; returns its URL."""
        return self._add(path, 200, body, content_type)

    def page(
        self,
        path: str,
        body: bytes | None = None,
        *,
        status: int = 200,
        content_type: str = "text/html; charset=utf-8",
    ) -> str:
        """Serve an article page (the next fixture page when ``body`` is None)."""
        if body is None:
            body = page_bytes(next(self._pages))
        return self._add(path, status, body, content_type)

    def pages_for(self, feed_url: str) -> int:
        """Serve a fixture page at every entry link of the feed at ``feed_url`` that points
        at this server; returns how many entries the feed has."""
        from brief.feeds import parse_feed

        _, body, _ = self._docs[feed_url.removeprefix(self.loopback.url("").rstrip("/"))]
        entries = parse_feed(body, feed_url).entries
        base = self.loopback.url("").rstrip("/")
        for entry in entries:
            if entry.url and entry.url.startswith(base):
                path = entry.url.removeprefix(base).split("?", 1)[0]
                if path not in self._docs:
                    self.page(path)
        return len(entries)

    def _add(self, path: str, status: int, body: bytes, content_type: str) -> str:
        with self._lock:
            self._docs[path] = (status, body, content_type)
        return self.loopback.handler(path, self._serve)

    def paths(self, prefix: str = "/") -> list[str]:
        """The paths served, those starting with ``prefix``."""
        with self._lock:
            return [path for path in self._docs if path.startswith(prefix)]

    def hits(self, path: str) -> int:
        """How many requests ``path`` received."""
        with self._lock:
            return self._hits[path]

    def body_bytes(self, path: str | None = None) -> int:
        """Bytes of response bodies sent for ``path`` (for every path when None)."""
        with self._lock:
            return self._bodies[path] if path else sum(self._bodies.values())

    def not_modified(self, path: str | None = None) -> int:
        """How many 304 answers ``path`` (every path when None) got."""
        with self._lock:
            return self._not_modified[path] if path else sum(self._not_modified.values())

    def _serve(self, request: BaseHTTPRequestHandler) -> None:
        path = request.path.split("?", 1)[0]
        with self._lock:
            self._hits[path] += 1
            status, body, content_type = self._docs[path]
        if self.delay.get(path):
            time.sleep(self.delay[path])
        gate = self.gate
        if gate is not None:
            gate.wait(120)
        etag = '"' + hashlib.sha1(body).hexdigest()[:16] + '"'
        if status == 200 and request.headers.get("If-None-Match") == etag:
            with self._lock:
                self._not_modified[path] += 1
            request.send_response(304)
            request.send_header("ETag", etag)
            request.end_headers()
            return
        request.send_response(status)
        request.send_header("Content-Type", content_type)
        request.send_header("Content-Length", str(len(body)))
        if status == 200:
            request.send_header("ETag", etag)
            request.send_header("Last-Modified", _LAST_MODIFIED)
        request.end_headers()
        try:
            request.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            return  # the client gave up (a deadline, a killed process)
        with self._lock:
            self._bodies[path] += len(body)


def write_config(path: Path, feeds: list[str], pinned: bool = True, **refresh: object) -> Path:
    """A config file with these feed URLs (when ``pinned``) and [refresh] settings.

    Defaults suit tests: every article kept whatever its date, private addresses allowed
    (the server is 127.0.0.1), one worker, short timeouts.
    """
    settings: dict[str, object] = {
        "keep_days": 36500,
        "allow_private": True,
        "article_workers": 1,
        "deadline": 10.0,
        "read_timeout": 10.0,
        "connect_timeout": 5.0,
    }
    settings.update(refresh)
    lines = ["[refresh]"]
    for key, value in settings.items():
        lines.append(f"{key} = {_toml(value)}")
    if pinned:
        for url in feeds:
            lines += ["", "[[feeds]]", f"url = {_toml(url)}"]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _toml(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return str(value)
