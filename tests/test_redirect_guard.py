"""A redirect may not lead from a public address to a private one (feeds, `brief feeds add`,
`brief summarize`) unless the user's own URL was private or refresh.allow_private is set.

No test traffic leaves 127.0.0.1: the CLI runs with a resolver stub (a sitecustomize module on
its PYTHONPATH) that gives public-looking names a public address, and an HTTP proxy on
127.0.0.1 (HTTP_PROXY) that carries every request and answers for those names; the same stub
refuses any connection to an address outside 127.0.0.0/8. The private hop that must be refused
is a loopback URL of that proxy, or 169.254.169.254, which nothing ever connects to.
"""

from __future__ import annotations

import os
import subprocess
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from cli_support import brief_env, run_brief
from refresh_support import feed_bytes, page_bytes, write_config

from brief import paths
from brief.store import Store

PUBLIC_NAME = "news.example.com"
# Only ever returned by the stub: with the proxy carrying every request, nothing connects to it.
PUBLIC_ADDRESS = "93.184.216.34"
METADATA = "http://169.254.169.254/latest/meta-data/"

_STUB = f'''
"""Test resolver stub: {PUBLIC_NAME} is public; no connection leaves 127.0.0.0/8."""
import socket

_getaddrinfo = socket.getaddrinfo


def _stub_getaddrinfo(host, port, *args, **kwargs):
    if host == {PUBLIC_NAME!r}:
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ({PUBLIC_ADDRESS!r}, port or 80))]
    return _getaddrinfo(host, port, *args, **kwargs)


def _loopback_only(connect):
    def guarded(self, address):
        if self.family in (socket.AF_INET, socket.AF_INET6) and not str(address[0]).startswith(
            ("127.", "::1", "::ffff:127.")
        ):
            raise ConnectionRefusedError("test stub: only 127.0.0.0/8")
        return connect(self, address)
    return guarded


socket.getaddrinfo = _stub_getaddrinfo
socket.socket.connect = _loopback_only(socket.socket.connect)
socket.socket.connect_ex = _loopback_only(socket.socket.connect_ex)
'''


class _Proxy(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False
    routes: dict[str, tuple[int, dict[str, str], bytes]]
    asked: list[str]


class _ProxyHandler(BaseHTTPRequestHandler):
    server: _Proxy

    def do_GET(self) -> None:
        # A proxy gets the absolute URL; a direct request only the path.
        url = self.path if "://" in self.path else f"http://{self.headers['Host']}{self.path}"
        self.server.asked.append(url)
        status, headers, body = self.server.routes.get(url, (404, {}, b"not here"))
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        """Quiet."""


@pytest.fixture
def proxy() -> Iterator[_Proxy]:
    server = _Proxy(("127.0.0.1", 0), _ProxyHandler)
    server.routes, server.asked = {}, []
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


def _internal(proxy: _Proxy, path: str) -> str:
    """A URL on 127.0.0.1 (the user's own network, as far as brief can tell)."""
    return f"http://127.0.0.1:{proxy.server_address[1]}{path}"


def _brief(proxy: _Proxy, tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    stub = tmp_path / "stub"
    stub.mkdir(exist_ok=True)
    (stub / "sitecustomize.py").write_text(_STUB, encoding="utf-8")
    env = {
        **brief_env(),
        "PYTHONPATH": os.pathsep.join([str(stub), os.environ.get("PYTHONPATH", "")]),
        "HTTP_PROXY": f"http://127.0.0.1:{proxy.server_address[1]}",
        "NO_PROXY": "",
    }
    env.pop("http_proxy", None)
    env.pop("no_proxy", None)
    return run_brief(*args, env=env, inherit_env=False, timeout=180)


def _redirect(proxy: _Proxy, source: str, target: str) -> None:
    proxy.routes[source] = (302, {"Location": target}, b"")


def _serve_feed(proxy: _Proxy, url: str) -> None:
    proxy.routes[url] = (
        200,
        {"Content-Type": "application/rss+xml"},
        feed_bytes("rss_2.0_bbc.xml"),
    )


def test_summarize_refuses_a_public_page_redirecting_to_the_metadata_address(
    proxy: _Proxy, tmp_path: Path
) -> None:
    page = f"http://{PUBLIC_NAME}/story.html"
    _redirect(proxy, page, METADATA)
    proxy.routes[METADATA] = (200, {"Content-Type": "text/html"}, page_bytes("bbc-swift"))
    done = _brief(proxy, tmp_path, "summarize", page)
    assert done.returncode == 3, done.stderr
    assert (
        done.stderr
        == f"brief: error: refusing {METADATA}: 169.254.169.254 is a private or local address\n"
    )
    assert proxy.asked == [page]


@pytest.mark.parametrize("allow_private", [False, True])
def test_a_public_feed_redirects_to_a_private_address_only_with_allow_private(
    proxy: _Proxy, tmp_path: Path, allow_private: bool
) -> None:
    feed, internal = f"http://{PUBLIC_NAME}/feed.rss", _internal(proxy, "/internal.rss")
    _redirect(proxy, feed, internal)
    _serve_feed(proxy, internal)
    config = write_config(tmp_path / "config.toml", [feed], allow_private=allow_private)
    done = _brief(proxy, tmp_path, "--config", str(config), "fetch", "--feeds-only")
    if allow_private:
        assert done.returncode == 0, done.stderr
        assert proxy.asked == [feed, internal]
    else:
        assert done.returncode == 16, done.stderr
        assert f"refusing {internal}" in done.stderr
        assert internal not in proxy.asked
    with Store.open(paths.database_file()) as store:
        assert (store.count_articles() > 0) == allow_private


def test_a_private_feed_may_redirect_within_the_private_network(
    proxy: _Proxy, tmp_path: Path
) -> None:
    feed, internal = _internal(proxy, "/old.rss"), _internal(proxy, "/internal.rss")
    _redirect(proxy, feed, internal)
    _serve_feed(proxy, internal)
    config = write_config(tmp_path / "config.toml", [feed], allow_private=False)
    done = _brief(proxy, tmp_path, "--config", str(config), "fetch", "--feeds-only")
    assert done.returncode == 0, done.stderr
    assert proxy.asked == [feed, internal]


def test_feeds_add_refuses_a_public_feed_redirecting_to_a_private_address(
    proxy: _Proxy, tmp_path: Path
) -> None:
    feed, internal = f"http://{PUBLIC_NAME}/feed.rss", _internal(proxy, "/internal.rss")
    _redirect(proxy, feed, internal)
    _serve_feed(proxy, internal)
    done = _brief(proxy, tmp_path, "feeds", "add", feed)
    assert done.returncode == 3, done.stderr
    assert f"refusing {internal}" in done.stderr and done.stderr.count("\n") == 1
    assert internal not in proxy.asked
    with Store.open(paths.database_file()) as store:
        assert store.list_feeds() == []


def test_a_public_feed_moving_to_another_public_url_through_a_proxy_is_followed(
    proxy: _Proxy, tmp_path: Path
) -> None:
    # Behind a proxy the connection's peer is the proxy (here on 127.0.0.1): after the
    # redirect only the name is checked, and it is public.
    old, new = f"http://{PUBLIC_NAME}/old.rss", f"http://{PUBLIC_NAME}/feed.rss"
    proxy.routes[old] = (301, {"Location": new}, b"")
    _serve_feed(proxy, new)
    config = write_config(tmp_path / "config.toml", [old], allow_private=False)
    done = _brief(proxy, tmp_path, "--config", str(config), "fetch", "--feeds-only")
    assert done.returncode == 0, done.stderr
    assert proxy.asked == [old, new]
