"""A real HTTP server on 127.0.0.1 for tests: fixed answers or custom handlers per path.

    def test_x(loopback: Loopback) -> None:
        loopback.route("/page", b"<html>...</html>", headers={"ETag": '"v1"'})
        loopback.handler("/slow", drip)          # drip(request) writes the answer itself
        fetch(loopback.url("/page"))
        assert loopback.requests[-1].headers["User-Agent"].startswith("brief/")

The ``loopback`` fixture is registered in tests/conftest.py, so every test module can ask for
it; import ``Loopback``/``Request`` from here for type hints (tests/ is on sys.path).
The server speaks HTTP/1.0 (one request per connection, body ends when the connection closes),
so handlers may stream without a Content-Length.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

Handler = Callable[[BaseHTTPRequestHandler], None]


@dataclass(frozen=True)
class Reply:
    """A fixed answer: status, headers and body."""

    body: bytes = b""
    status: int = 200
    headers: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Request:
    """What the server received (for assertions on sent headers)."""

    path: str
    headers: Mapping[str, str]


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    # A test that gave up on a slow handler must not wait for it at shutdown.
    block_on_close = False
    loopback: Loopback


class _RequestHandler(BaseHTTPRequestHandler):
    server: _Server

    def do_GET(self) -> None:
        loopback = self.server.loopback
        loopback.requests.append(Request(path=self.path, headers=dict(self.headers.items())))
        answer = loopback.lookup(self.path)
        if callable(answer):
            answer(self)
            return
        self.send_response(answer.status)
        for name, value in answer.headers.items():
            self.send_header(name, value)
        if not any(name.lower() == "content-length" for name in answer.headers):
            self.send_header("Content-Length", str(len(answer.body)))
        self.end_headers()
        self.wfile.write(answer.body)

    def log_message(self, format: str, *args: object) -> None:
        """Quiet: pytest output is for failures."""


class Loopback:
    """The server and its routes; ``requests`` lists what it received, in order."""

    def __init__(self) -> None:
        self._routes: dict[str, Reply | Handler] = {}
        self.requests: list[Request] = []
        self._server = _Server(("127.0.0.1", 0), _RequestHandler)
        self._server.loopback = self
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self._thread.start()

    @property
    def port(self) -> int:
        """The port the server listens on."""
        return int(self._server.server_address[1])

    def url(self, path: str = "/") -> str:
        """The full http://127.0.0.1:PORT URL of ``path``."""
        return f"http://127.0.0.1:{self.port}{path}"

    def route(
        self,
        path: str,
        body: bytes = b"",
        *,
        status: int = 200,
        content_type: str | None = "text/html; charset=utf-8",
        headers: Mapping[str, str] | None = None,
    ) -> str:
        """Answer GET ``path`` with fixed bytes; returns the URL. content_type=None sends none."""
        all_headers = dict(headers or {})
        if content_type is not None:
            all_headers.setdefault("Content-Type", content_type)
        self._routes[path] = Reply(body=body, status=status, headers=all_headers)
        return self.url(path)

    def handler(self, path: str, handler: Handler) -> str:
        """Answer GET ``path`` by calling ``handler(request)``; returns the URL."""
        self._routes[path] = handler
        return self.url(path)

    def lookup(self, path: str) -> Reply | Handler:
        """The route for a request path (exact, then without the query), else a 404."""
        return (
            self._routes.get(path)
            or self._routes.get(path.split("?", 1)[0])
            or Reply(body=b"not found", status=404, headers={"Content-Type": "text/plain"})
        )

    def close(self) -> None:
        """Stop serving and free the port."""
        self._server.shutdown()
        self._server.server_close()


@pytest.fixture
def loopback() -> Iterator[Loopback]:
    """A running Loopback server, closed after the test."""
    server = Loopback()
    try:
        yield server
    finally:
        server.close()
