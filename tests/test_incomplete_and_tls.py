"""A body cut short is an error, never a page: a truncated gzip stream makes `brief summarize`
exit 17 and a refresh keep the feed's text; TLS failures say which: expired, another host,
self-signed. Servers on 127.0.0.1 (TLS from trustme); the CLI runs as a subprocess."""

from __future__ import annotations

import gzip
import ssl
import subprocess
import threading
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
import trustme
from cli_support import run_brief
from loopback import Loopback
from refresh_support import Newsroom, page_bytes, write_config

from brief import paths
from brief.store import Store


def _brief(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return run_brief(*args, env=env, timeout=180)


def _cut_gzip(page: bytes) -> bytes:
    """A gzip stream of ``page`` stopped half-way (the server's Content-Length says so too)."""
    whole = gzip.compress(page)
    return whole[: len(whole) // 2]


def test_summarize_refuses_a_truncated_gzip_body(loopback: Loopback) -> None:
    url = loopback.route(
        "/story.html",
        _cut_gzip(page_bytes("guardian-whales")),
        headers={"Content-Encoding": "gzip"},
    )
    done = _brief("summarize", url)
    assert done.returncode == 17, done.stderr
    assert done.stdout == ""
    assert done.stderr == (
        f"brief: error: {url}: incomplete gzip body (compressed data cut short (no end of "
        "stream))\n"
    )


def test_refresh_keeps_the_feed_text_when_the_page_is_truncated(
    loopback: Loopback, tmp_path: Path
) -> None:
    news = Newsroom(loopback)
    base = loopback.url("").rstrip("/")
    loopback.route("/a/1", _cut_gzip(page_bytes("bbc-swift")), headers={"Content-Encoding": "gzip"})
    feed = news.feed(
        "/desk.rss",
        (
            '<?xml version="1.0"?><rss version="2.0"><channel><title>Desk</title>'
            f"<item><title>Cut story</title><link>{base}/a/1</link><guid>{base}/a/1</guid>"
            "<description>The feed's own teaser of the story.</description></item>"
            "</channel></rss>"
        ).encode(),
    )
    done = _brief("--config", str(write_config(tmp_path / "config.toml", [feed])), "fetch")
    assert done.returncode == 0, done.stderr
    with Store.open(paths.database_file()) as store:
        [article] = store.list_articles()
    assert article.status == "feed-only"
    assert article.reason is not None and "incomplete gzip body" in article.reason


class _TLSServer(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False

    def handle_error(self, request: object, client_address: object) -> None:
        """Quiet: the refused handshakes are the point."""


class _Page(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        body = page_bytes("guardian-whales")
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        """Quiet."""


@pytest.fixture
def trusted(tmp_path: Path) -> tuple[trustme.CA, Path]:
    """The CA the client trusts (SSL_CERT_FILE) and its PEM file."""
    ca = trustme.CA()
    pem = tmp_path / "trusted-ca.pem"
    ca.cert_pem.write_to_path(str(pem))
    return ca, pem


def _serve(cert_chain: bytes, key: bytes, tmp_path: Path) -> Iterator[str]:
    chain, private = tmp_path / "chain.pem", tmp_path / "key.pem"
    chain.write_bytes(cert_chain)
    private.write_bytes(key)
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(chain, private)
    server = _TLSServer(("127.0.0.1", 0), _Page)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
    thread.start()
    try:
        yield f"https://127.0.0.1:{server.server_address[1]}/story.html"
    finally:
        server.shutdown()
        server.server_close()


def _leaf_pem(leaf: trustme.LeafCert) -> tuple[bytes, bytes]:
    return b"".join(blob.bytes() for blob in leaf.cert_chain_pems), leaf.private_key_pem.bytes()


def _cases(ca: trustme.CA) -> dict[str, tuple[bytes, bytes]]:
    past = datetime.now(UTC) - timedelta(days=30)
    stranger = trustme.CA()
    return {
        "expired": _leaf_pem(
            ca.issue_cert("127.0.0.1", not_before=past - timedelta(days=60), not_after=past)
        ),
        "another host": _leaf_pem(ca.issue_cert("news.example.org")),
        "self-signed": (stranger.cert_pem.bytes(), stranger.private_key_pem.bytes()),
        "working": _leaf_pem(ca.issue_cert("127.0.0.1")),
    }


@pytest.mark.parametrize(
    ("case", "reason"),
    [
        ("expired", "TLS certificate expired (certificate has expired)"),
        ("another host", "TLS certificate for another address (IP address mismatch"),
        ("self-signed", "self-signed TLS certificate (self-signed certificate)"),
    ],
)
def test_tls_failures_say_which(
    trusted: tuple[trustme.CA, Path], tmp_path: Path, case: str, reason: str
) -> None:
    ca, pem = trusted
    for url in _serve(*_cases(ca)[case], tmp_path):
        done = _brief("summarize", url, env={"SSL_CERT_FILE": str(pem)})
        assert done.returncode == 3, done.stderr
        assert done.stderr.startswith(f"brief: error: cannot reach 127.0.0.1: {reason}")
        assert done.stderr.count("\n") == 1


def test_a_valid_certificate_from_the_trusted_authority_works(
    trusted: tuple[trustme.CA, Path], tmp_path: Path
) -> None:
    ca, pem = trusted
    for url in _serve(*_cases(ca)["working"], tmp_path):
        done = _brief("summarize", url, "-f", "json", env={"SSL_CERT_FILE": str(pem)})
        assert done.returncode == 0, done.stderr
        assert '"schema_version": 1' in done.stdout


def test_summarize_refuses_a_body_shorter_than_its_content_length(loopback: Loopback) -> None:
    page = page_bytes("guardian-whales")
    url = loopback.route(
        "/short.html", page[: len(page) // 2], headers={"Content-Length": str(len(page))}
    )
    done = _brief("summarize", url)
    assert done.returncode == 17, done.stderr
    assert done.stderr == (
        f"brief: error: {url}: the server closed the connection before the whole body\n"
    )
