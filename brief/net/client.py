"""The one network chokepoint: URL -> bytes under limits. The only module that imports httpx.

Every request goes through fetch_async: http(s) only, redirects followed here (each hop
checked), connect/read timeouts plus a deadline for the whole transfer, a cap on the decoded
body enforced while streaming (brief decodes gzip/deflate itself, bounded: see brief.net.inflate),
content-type and binary sniffing, conditional GET, and an optional refusal of private
addresses checked on the address actually connected. Every httpx exception is translated
into brief.errors here, as one line naming the URL.
"""

from __future__ import annotations

import asyncio
import sys
import urllib.request
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any
from urllib.parse import urljoin

from brief import __version__
from brief.errors import (
    FetchError,
    FetchTimeout,
    HTTPStatusError,
    IncompleteError,
    TooLargeError,
    UnreachableError,
    UnsupportedContentError,
)
from brief.net.charset import decode_bytes
from brief.net.failures import connect_reason
from brief.net.guard import check_resolved, check_url, is_forbidden, resolves_private
from brief.net.inflate import DEFAULT_MAX_BYTES, ENCODINGS, Inflater, TruncatedError

# httpx's package imports its optional command-line client, which pulls in click, rich.console
# and pygments (~90 ms at every `brief fetch`) when they are installed; brief never uses it, and
# a None entry makes that import fail fast into httpx's own fallback.
sys.modules.setdefault("httpx._main", None)  # type: ignore[arg-type]

import httpx  # noqa: E402

USER_AGENT = f"brief/{__version__} (+terminal news-brief reader)"
MIB = 1024 * 1024

# Content types each kind of source may have; a body without a Content-Type is sniffed.
CONTENT_TYPES = {
    "html": ("text/html", "application/xhtml+xml"),
    "text": ("text/plain", "text/markdown", "text/x-markdown"),
    "feed": (
        "application/rss+xml",
        "application/atom+xml",
        "application/rdf+xml",
        "application/x-rss+xml",
        "application/x-atom+xml",
        "application/xml",
        "text/xml",
        "application/feed+json",
        "application/json",
    ),
}
_ACCEPT = {
    "html": "text/html,application/xhtml+xml",
    "text": "text/plain;q=0.9,text/markdown;q=0.9",
    "feed": "application/rss+xml,application/atom+xml,application/feed+json,"
    "application/xml;q=0.9,text/xml;q=0.9",
}
_KIND_NAMES = {"html": "a web page", "text": "text", "feed": "a feed"}
_REDIRECTS = (301, 302, 303, 307, 308)
_PERMANENT = (301, 308)
_SNIFF_BYTES = 1024
_UNICODE_BOMS = (b"\xff\xfe", b"\xfe\xff")


@dataclass(frozen=True, slots=True)
class FetchLimits:
    """How long and how much one fetch may take; allow_private=False refuses local networks."""

    connect_timeout: float = 10.0
    read_timeout: float = 20.0
    deadline: float = 60.0  # seconds for the whole transfer, redirects included
    max_bytes: int = DEFAULT_MAX_BYTES  # of decoded body
    max_redirects: int = 5
    allow_private: bool = True
    # With allow_private: may a redirect from a public address lead to a private one? Not
    # unless the user said so (refresh.allow_private): a public feed or page answering 302 to
    # 127.0.0.1 or 169.254.169.254 would otherwise reach the user's own network.
    private_after_public: bool = False


@dataclass(frozen=True, slots=True)
class FetchResult:
    """A fetched body (status 200) or a "not modified" answer (status 304, empty body)."""

    url: str  # after redirects
    status: int
    content_type: str
    charset: str | None
    body: bytes  # content-encoding already decoded
    etag: str | None
    last_modified: str | None
    # Where the URL moved for good: the last hop of an unbroken chain of 301/308 redirects
    # from the requested URL (a feed reader updates its subscription), else None.
    moved_to: str | None = None

    def text(self) -> str:
        """The body as text: header charset, else the page's own declaration, else sniffed."""
        return decode_bytes(self.body, self.charset)


def make_client(limits: FetchLimits, user_agent: str = USER_AGENT) -> httpx.AsyncClient:
    """An AsyncClient for fetch_async; share one across many fetches (feed refresh)."""
    return httpx.AsyncClient(
        timeout=_timeout(limits),
        follow_redirects=False,
        headers={"User-Agent": user_agent, "Accept-Encoding": "gzip, deflate"},
    )


def fetch(url: str, limits: FetchLimits | None = None, **kw: Any) -> FetchResult:
    """Fetch one URL with a short-lived client (the CLI's `brief summarize URL`)."""
    limits = limits or FetchLimits()

    async def run() -> FetchResult:
        async with make_client(limits) as client:
            return await fetch_async(client, url, limits, **kw)

    return asyncio.run(run())


async def fetch_async(
    client: httpx.AsyncClient,
    url: str,
    limits: FetchLimits,
    *,
    accept: tuple[str, ...] = ("html", "text"),
    etag: str | None = None,
    last_modified: str | None = None,
) -> FetchResult:
    """GET ``url`` under ``limits``; raise a brief.errors.FetchError subclass on any failure.

    ``accept`` names the kinds of body wanted ("html", "text", "feed"); ``etag`` and
    ``last_modified`` make the request conditional (a 304 answer returns status 304).
    """
    headers = {
        "Accept": ",".join(_ACCEPT[kind] for kind in accept) + ",*/*;q=0.1",
        "Accept-Encoding": "gzip, deflate",
    }
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    try:
        async with asyncio.timeout(limits.deadline):
            current = url
            moved_to: str | None = None
            permanent = True  # every redirect so far was 301/308
            hop_limits = limits
            for hop in range(limits.max_redirects + 1):
                result = await _hop(client, current, hop_limits, headers, accept)
                if isinstance(result, FetchResult):
                    if result.status == 304:  # validators unchanged unless the server says so
                        return replace(
                            result,
                            etag=result.etag or etag,
                            last_modified=result.last_modified or last_modified,
                            moved_to=moved_to,
                        )
                    return replace(result, moved_to=moved_to)
                current, status = result
                # Private addresses after a redirect only when the user's URL was private.
                guarded = limits.allow_private and not limits.private_after_public
                if hop == 0 and guarded and not await resolves_private(check_url(url)):
                    hop_limits = replace(limits, allow_private=False)
                permanent = permanent and status in _PERMANENT
                if permanent:
                    moved_to = current
    except TimeoutError as err:
        raise FetchTimeout(f"{url}: no complete answer within {limits.deadline:g} s") from err
    raise HTTPStatusError(
        f"{url}: too many redirects (more than {limits.max_redirects})", status=None
    )


async def _hop(
    client: httpx.AsyncClient,
    url: str,
    limits: FetchLimits,
    headers: dict[str, str],
    accept: tuple[str, ...],
) -> FetchResult | tuple[str, int]:
    """One request: the result, or the URL a redirect points to and its status."""
    host = check_url(url)
    if not limits.allow_private:
        await check_resolved(host, url)
    try:
        request = client.build_request("GET", url, headers=headers, timeout=_timeout(limits))
    except httpx.InvalidURL as err:
        raise UnreachableError(f"invalid URL {url!r}: {err}") from err
    try:
        response = await client.send(request, stream=True)
        try:
            if not limits.allow_private and not _proxied(url, host):
                _check_peer(response, host)
            return await _answer(response, url, limits, accept)
        finally:
            await response.aclose()
    except httpx.HTTPError as err:
        raise _translate(err, url, host, limits) from err


async def _answer(
    response: httpx.Response, url: str, limits: FetchLimits, accept: tuple[str, ...]
) -> FetchResult | tuple[str, int]:
    status = response.status_code
    if status in _REDIRECTS and "location" in response.headers:
        return urljoin(str(response.url), response.headers["location"]), status
    if status >= 400 or (300 <= status < 400 and status != 304):
        raise HTTPStatusError(
            f"{url}: server answered {status} {response.reason_phrase}".rstrip(),
            status=status,
            retry_after=_retry_after(response.headers.get("retry-after")),
        )
    content_type = response.headers.get("content-type", "").split(";")[0].strip().lower()
    body = b""
    if status == 304:
        # No body by definition; reading its end lets the connection go back to the pool
        # (closed unread, it would be dropped: a new connection for every unchanged feed).
        await response.aread()
    else:
        allowed = {t for kind in accept for t in CONTENT_TYPES[kind]}
        if content_type and content_type not in allowed:
            wanted = " or ".join(_KIND_NAMES[kind] for kind in accept)
            raise UnsupportedContentError(f"{url}: {content_type} is not {wanted}")
        body = await _read_body(response, url, limits)
    return FetchResult(
        url=str(response.url),
        status=304 if status == 304 else 200,
        content_type=content_type,
        charset=response.charset_encoding,
        body=body,
        etag=response.headers.get("etag"),
        last_modified=response.headers.get("last-modified"),
    )


async def _read_body(response: httpx.Response, url: str, limits: FetchLimits) -> bytes:
    """The decoded body, stopped as soon as it passes the cap or turns out to be binary."""
    encoding = response.headers.get("content-encoding", "identity").strip().lower()
    too_large = f"{url}: page larger than {limits.max_bytes / MIB:g} MiB"
    inflater = None
    if encoding in ENCODINGS:
        inflater = Inflater(encoding, limits.max_bytes)
    elif encoding not in ("", "identity"):
        raise FetchError(f"{url}: unsupported content encoding {encoding!r}")
    else:
        length = response.headers.get("content-length", "")
        if length.isdigit() and int(length) > limits.max_bytes:
            raise TooLargeError(too_large)
    body = bytearray()
    sniffed = False
    try:
        async for raw in response.aiter_raw():
            body += inflater.feed(raw) if inflater else raw
            if len(body) > limits.max_bytes:
                raise TooLargeError(too_large)
            if not sniffed and len(body) >= _SNIFF_BYTES:
                _sniff(bytes(body[:_SNIFF_BYTES]), url)
                sniffed = True
        if inflater:
            body += inflater.finish()
    except TruncatedError as err:
        raise IncompleteError(f"{url}: incomplete {encoding} body ({err})") from err
    except ValueError as err:
        raise FetchError(f"{url}: broken {encoding} body ({err})") from err
    if len(body) > limits.max_bytes:
        raise TooLargeError(too_large)
    _sniff(bytes(body[:_SNIFF_BYTES]), url)
    return bytes(body)


def _sniff(body: bytes, url: str) -> None:
    # Images and archives served as text/html still have NUL bytes early on; UTF-16 text
    # (which has them too) starts with a byte-order mark.
    head = body[:_SNIFF_BYTES]
    if b"\x00" in head and not head.startswith(_UNICODE_BOMS):
        raise UnsupportedContentError(f"{url}: binary content, not a web page or text")


def _proxied(url: str, host: str) -> bool:
    """True when the request goes through a proxy from the environment (HTTP_PROXY, …, as
    httpx reads them): the peer is then the proxy, often on a private address, and only the
    name can be checked (check_resolved did)."""
    proxies = urllib.request.getproxies()
    scheme = url.split(":", 1)[0].lower()
    return bool(proxies.get(scheme) or proxies.get("all")) and not urllib.request.proxy_bypass(host)


def _check_peer(response: httpx.Response, host: str) -> None:
    """Refuse the answer if the connection went to a private address (DNS rebinding)."""
    stream = response.extensions.get("network_stream")
    peer = stream.get_extra_info("server_addr") if stream is not None else None
    if peer and is_forbidden(str(peer[0])):
        raise UnreachableError(f"refusing {host}: connected to {peer[0]}, a local address")


def _translate(err: httpx.HTTPError, url: str, host: str, limits: FetchLimits) -> FetchError:
    """One brief error, one line, for an httpx exception."""
    if isinstance(err, httpx.ConnectTimeout):
        return FetchTimeout(f"cannot reach {host}: no connection in {limits.connect_timeout:g} s")
    if isinstance(err, httpx.TimeoutException):
        return FetchTimeout(f"{url}: server silent for {limits.read_timeout:g} s")
    if isinstance(err, httpx.ConnectError):
        return UnreachableError(f"cannot reach {host}: {connect_reason(err)}")
    if isinstance(err, httpx.UnsupportedProtocol):
        return UnreachableError(f"cannot fetch {url}: only http and https URLs")
    if isinstance(err, httpx.TooManyRedirects):
        return HTTPStatusError(f"{url}: too many redirects")
    if isinstance(err, httpx.RemoteProtocolError) and "complete message body" in str(err):
        return IncompleteError(f"{url}: the server closed the connection before the whole body")
    return FetchError(f"{url}: connection broken ({type(err).__name__}: {err})")


def _retry_after(value: str | None) -> float | None:
    """Retry-After in seconds (it is either a number of seconds or an HTTP date)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - datetime.now(UTC)).total_seconds())


def _timeout(limits: FetchLimits) -> httpx.Timeout:
    return httpx.Timeout(
        connect=limits.connect_timeout,
        read=limits.read_timeout,
        write=limits.read_timeout,
        pool=limits.connect_timeout,
    )
