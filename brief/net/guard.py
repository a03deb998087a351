"""Which URLs and addresses brief may connect to: http(s) only, and optionally public only.

With private addresses refused (article links found in feeds), a URL may not name or resolve to
a loopback, private, link-local, shared, reserved or multicast address; brief.net.client checks the
name before connecting and the address actually connected after (a DNS answer can change in
between). With private addresses allowed for the URL the user gave (a feed, a page to
summarize), a redirect may still not lead from a public address to a private one
(``resolves_private`` tells which the user's URL was) unless refresh.allow_private says so.
Standard library only.
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from urllib.parse import urlsplit

from brief.errors import UnreachableError


def check_url(url: str) -> str:
    """The URL's host; UnreachableError for another scheme or no host."""
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https"):
        scheme = parts.scheme or "no scheme"
        raise UnreachableError(f"cannot fetch {url}: only http and https URLs ({scheme})")
    if not parts.hostname:
        raise UnreachableError(f"cannot fetch {url}: no host name")
    return parts.hostname


def _is_address(host: str) -> bool:
    try:
        ipaddress.ip_address(host.split("%")[0])
    except ValueError:
        return False
    return True


def is_forbidden(address: str) -> bool:
    """True for an address brief must not connect to when private ones are refused."""
    ip = ipaddress.ip_address(address.split("%")[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    return not ip.is_global or ip.is_multicast


async def check_resolved(host: str, url: str) -> None:
    """Refuse a host that is, or resolves to, a private/loopback/link-local address."""
    if _is_address(host):
        if is_forbidden(host):
            raise UnreachableError(f"refusing {url}: {host} is a private or local address")
        return
    try:
        infos = await asyncio.get_running_loop().getaddrinfo(host, None, type=socket.SOCK_STREAM)
    except OSError as err:
        raise UnreachableError(f"cannot reach {host}: name not resolved") from err
    for info in infos:
        address = str(info[4][0])
        if is_forbidden(address):
            raise UnreachableError(f"refusing {url}: {host} resolves to {address}, a local address")


async def resolves_private(host: str) -> bool:
    """True when ``host`` is, or resolves to, a private/loopback/link-local address (or
    "localhost"); False for a public one, or a name that does not resolve."""
    if host == "localhost" or host.endswith(".localhost"):
        return True
    if _is_address(host):
        return is_forbidden(host)
    try:
        infos = await asyncio.get_running_loop().getaddrinfo(host, None, type=socket.SOCK_STREAM)
    except OSError:
        return False
    return any(is_forbidden(str(info[4][0])) for info in infos)
