"""brief.net.client against a real HTTP server on 127.0.0.1: every error, cap and header."""

from __future__ import annotations

import asyncio
import gzip
import socket
import time
import tracemalloc
import zlib
from functools import cache
from http.server import BaseHTTPRequestHandler

import httpx
import pytest
from loopback import Loopback

from brief import __version__
from brief.errors import (
    FetchTimeout,
    HTTPStatusError,
    TooLargeError,
    UnreachableError,
    UnsupportedContentError,
)
from brief.net import FetchLimits, fetch, fetch_async, make_client

PAGE = b"<html><head><title>T</title></head><body><p>Hello from the loopback.</p></body></html>"
MIB = 1024 * 1024


@cache
def gzip_bomb() -> bytes:
    """200 MB of zeros, gzipped to about 200 KB (made once per test session)."""
    packer = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    zeros = bytes(MIB)
    return b"".join(packer.compress(zeros) for _ in range(200)) + packer.flush()


def test_fetches_a_page_with_its_metadata(loopback: Loopback) -> None:
    url = loopback.route("/page", PAGE, headers={"ETag": '"v1"', "Last-Modified": "Mon, 1 Jan"})
    result = fetch(url)
    assert result.status == 200
    assert result.url == url
    assert result.body == PAGE
    assert result.content_type == "text/html"
    assert result.charset == "utf-8"
    assert (result.etag, result.last_modified) == ('"v1"', "Mon, 1 Jan")
    sent = loopback.requests[-1].headers
    assert sent["User-Agent"] == f"brief/{__version__} (+terminal news-brief reader)"
    assert "text/html" in sent["Accept"]


@pytest.mark.parametrize("status", [404, 410, 500, 503])
def test_error_status_is_http_status_error(loopback: Loopback, status: int) -> None:
    url = loopback.route("/err", b"nope", status=status)
    with pytest.raises(HTTPStatusError) as caught:
        fetch(url)
    assert caught.value.status == status
    assert url in str(caught.value) and str(status) in str(caught.value)
    assert caught.value.exit_code == 4


def test_retry_after_is_exposed(loopback: Loopback) -> None:
    url = loopback.route("/busy", b"", status=429, headers={"Retry-After": "120"})
    with pytest.raises(HTTPStatusError) as caught:
        fetch(url)
    assert caught.value.retry_after == 120.0


def test_follows_redirects_to_the_final_url(loopback: Loopback) -> None:
    loopback.route("/old", b"", status=301, headers={"Location": "/mid"})
    loopback.route("/mid", b"", status=302, headers={"Location": loopback.url("/new")})
    new = loopback.route("/new", PAGE)
    assert fetch(loopback.url("/old")).url == new


def test_redirect_loop_is_too_many_redirects(loopback: Loopback) -> None:
    loopback.route("/a", b"", status=302, headers={"Location": "/b"})
    loopback.route("/b", b"", status=302, headers={"Location": "/a"})
    with pytest.raises(HTTPStatusError, match="too many redirects"):
        fetch(loopback.url("/a"), FetchLimits(max_redirects=3))
    assert len(loopback.requests) == 4  # the first request and three redirects, no more


def test_redirect_to_another_scheme_is_refused(loopback: Loopback) -> None:
    url = loopback.route("/ftp", b"", status=302, headers={"Location": "ftp://127.0.0.1/x"})
    with pytest.raises(UnreachableError, match="only http and https"):
        fetch(url)


def _drip(request: BaseHTTPRequestHandler) -> None:
    """Headers at once, then one byte a second: each read is quick, the whole never ends."""
    request.send_response(200)
    request.send_header("Content-Type", "text/html")
    request.end_headers()
    try:
        for _ in range(120):
            request.wfile.write(b"x")
            request.wfile.flush()
            time.sleep(1)
    except OSError:
        return  # the client gave up, as it should


def test_slow_drip_hits_the_total_deadline(loopback: Loopback) -> None:
    url = loopback.handler("/drip", _drip)
    with pytest.raises(FetchTimeout, match="no complete answer"):
        fetch(url, FetchLimits(read_timeout=5, deadline=1.5))


def _silent(request: BaseHTTPRequestHandler) -> None:
    request.send_response(200)
    request.send_header("Content-Type", "text/html")
    request.end_headers()
    time.sleep(3)


def test_silent_server_hits_the_read_timeout(loopback: Loopback) -> None:
    url = loopback.handler("/silent", _silent)
    with pytest.raises(FetchTimeout, match="silent"):
        fetch(url, FetchLimits(read_timeout=0.3, deadline=30))


def test_gzip_bomb_stops_at_the_cap_without_inflating(loopback: Loopback) -> None:
    bomb = gzip_bomb()
    assert len(bomb) < 300_000
    url = loopback.route("/bomb", bomb, headers={"Content-Encoding": "gzip"})
    tracemalloc.start()
    try:
        with pytest.raises(TooLargeError, match="larger than 1 MiB"):
            fetch(url, FetchLimits(max_bytes=MIB))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    # Inflating one 64 KB network read of this bomb at once would take 64 MB.
    assert peak < 16 * MIB


def test_gzip_and_deflate_bodies_are_decoded(loopback: Loopback) -> None:
    raw_deflate = zlib.compressobj(6, zlib.DEFLATED, -zlib.MAX_WBITS)
    bodies = {
        "gzip": gzip.compress(PAGE),
        "deflate": zlib.compress(PAGE),
        "raw-deflate": raw_deflate.compress(PAGE) + raw_deflate.flush(),
    }
    for name, body in bodies.items():
        encoding = "gzip" if name == "gzip" else "deflate"
        url = loopback.route(f"/{name}", body, headers={"Content-Encoding": encoding})
        assert fetch(url).body == PAGE, name


def test_content_length_over_the_cap_is_refused_before_reading(loopback: Loopback) -> None:
    url = loopback.route("/huge", b"small", headers={"Content-Length": str(50 * MIB)})
    with pytest.raises(TooLargeError):
        fetch(url, FetchLimits(max_bytes=MIB))


def test_identity_body_over_the_cap_is_too_large(loopback: Loopback) -> None:
    def endless(request: BaseHTTPRequestHandler) -> None:
        request.send_response(200)
        request.send_header("Content-Type", "text/plain")
        request.end_headers()
        try:
            for _ in range(64):
                request.wfile.write(b"a" * 64 * 1024)
        except OSError:
            return

    url = loopback.handler("/endless", endless)
    with pytest.raises(TooLargeError):
        fetch(url, FetchLimits(max_bytes=MIB))


@pytest.mark.parametrize(
    ("content_type", "body"),
    [
        ("image/png", b"\x89PNG\r\n\x1a\n" + bytes(200)),
        ("application/pdf", b"%PDF-1.4 ..."),
        ("application/octet-stream", b"\x7fELF"),
        ("text/html", b"<html>\x00\x00\x00\x01\x02 binary</html>"),  # mislabeled
        (None, b"GIF89a\x01\x00\x01\x00\x00\x00"),  # no Content-Type at all
    ],
    ids=["png", "pdf", "octet-stream", "nul-in-html", "unlabeled-gif"],
)
def test_binary_bodies_are_unsupported(
    loopback: Loopback, content_type: str | None, body: bytes
) -> None:
    url = loopback.route("/bin", body, content_type=content_type)
    with pytest.raises(UnsupportedContentError):
        fetch(url)


def test_accept_kinds_decide_the_content_types(loopback: Loopback) -> None:
    text = loopback.route("/t", b"plain words", content_type="text/plain")
    feed = loopback.route("/f", b"<rss></rss>", content_type="application/rss+xml")
    assert fetch(text).content_type == "text/plain"
    with pytest.raises(UnsupportedContentError, match="not a web page or text"):
        fetch(feed)
    assert fetch(feed, accept=("feed",)).body == b"<rss></rss>"
    with pytest.raises(UnsupportedContentError, match="not a feed"):
        fetch(text, accept=("feed",))


@pytest.mark.parametrize("url", ["ftp://example.com/file", "file:///etc/passwd", "example.com"])
def test_only_http_and_https(url: str) -> None:
    with pytest.raises(UnreachableError, match="only http and https"):
        fetch(url)


def test_closed_port_is_unreachable() -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    # Nothing listens on the port any more.
    with pytest.raises(UnreachableError, match=r"cannot reach 127\.0\.0\.1: connection refused"):
        fetch(f"http://127.0.0.1:{port}/")


def test_url_without_host_is_unreachable() -> None:
    with pytest.raises(UnreachableError, match="no host"):
        fetch("http:///path")


def test_non_utf8_pages_decode(loopback: Loopback) -> None:
    words = "Le café coûte 3 € — déjà vu"
    cp1252 = f"<html><body><p>{words}</p></body></html>".encode("cp1252")
    meta = f'<html><head><meta charset="iso-8859-1"></head><p>{words[:14]}</p>'.encode("latin-1")
    cases = {
        "/header": (cp1252, "text/html; charset=windows-1252", words),
        "/none": (cp1252, "text/html", words),  # no charset anywhere: sniffed
        "/meta": (meta, "text/html", words[:14]),
        "/lying": (cp1252, "text/html; charset=utf-8", words),  # header says UTF-8, bytes aren't
    }
    for path, (body, content_type, expected) in cases.items():
        text = fetch(loopback.route(path, body, content_type=content_type)).text()
        assert expected in text, path
        assert "\ufffd" not in text, path


def test_conditional_get_returns_304(loopback: Loopback) -> None:
    def conditional(request: BaseHTTPRequestHandler) -> None:
        fresh = request.headers.get("If-None-Match") == '"v2"' or (
            request.headers.get("If-Modified-Since") == "Tue, 19 Nov 2019 10:00:00 GMT"
        )
        request.send_response(304 if fresh else 200)
        request.send_header("ETag", '"v2"')
        request.send_header("Content-Type", "application/rss+xml")
        request.send_header("Content-Length", "0" if fresh else str(len(b"<rss/>")))
        request.end_headers()
        if not fresh:
            request.wfile.write(b"<rss/>")

    url = loopback.handler("/feed", conditional)
    first = fetch(url, accept=("feed",))
    assert (first.status, first.body, first.etag) == (200, b"<rss/>", '"v2"')
    again = fetch(url, accept=("feed",), etag=first.etag)
    assert (again.status, again.body, again.etag) == (304, b"", '"v2"')
    assert loopback.requests[-1].headers["If-None-Match"] == '"v2"'
    by_date = fetch(url, accept=("feed",), last_modified="Tue, 19 Nov 2019 10:00:00 GMT")
    assert by_date.status == 304
    assert by_date.last_modified == "Tue, 19 Nov 2019 10:00:00 GMT"  # kept from the request


def test_private_addresses_refused_when_not_allowed(loopback: Loopback) -> None:
    url = loopback.route("/page", PAGE)
    closed = FetchLimits(allow_private=False)
    with pytest.raises(UnreachableError, match="refusing"):
        fetch(url, closed)
    with pytest.raises(UnreachableError, match="refusing"):
        fetch(f"http://localhost:{loopback.port}/page", closed)
    assert loopback.requests == []  # refused before any request went out
    assert fetch(url).body == PAGE  # allowed by default


@pytest.mark.parametrize(
    "url",
    [
        "http://10.1.2.3/admin",
        "http://192.168.1.1/",
        "http://169.254.169.254/latest/meta-data/",  # cloud metadata service
        "http://[::1]/",
        "http://[::ffff:127.0.0.1]/",
        "http://0.0.0.0/",
    ],
)
def test_private_literals_refused_without_connecting(url: str) -> None:
    # Every hop, redirects included, goes through this check before its request.
    with pytest.raises(UnreachableError, match="private or local"):
        fetch(url, FetchLimits(allow_private=False, connect_timeout=0.5))


def test_connected_address_is_checked_not_only_the_name(loopback: Loopback) -> None:
    # A public address in the URL, but the connection goes to 127.0.0.1 (here through a proxy
    # on the loopback server, as DNS rebinding would): the peer check refuses the answer.
    loopback.route("http://93.184.216.34/page", PAGE)

    async def run() -> None:
        async with httpx.AsyncClient(proxy=loopback.url()) as client:
            await fetch_async(client, "http://93.184.216.34/page", FetchLimits(allow_private=False))

    with pytest.raises(UnreachableError, match=r"connected to 127\.0\.0\.1"):
        asyncio.run(run())
    assert loopback.requests[-1].path == "http://93.184.216.34/page"


def test_one_client_serves_concurrent_fetches(loopback: Loopback) -> None:
    urls = [loopback.route(f"/p{i}", PAGE + str(i).encode()) for i in range(5)]

    async def run() -> list[bytes]:
        limits = FetchLimits()
        async with make_client(limits) as client:
            results = await asyncio.gather(*(fetch_async(client, u, limits) for u in urls))
        return [r.body for r in results]

    assert asyncio.run(run()) == [PAGE + str(i).encode() for i in range(5)]
