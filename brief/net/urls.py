"""URLs from feeds and pages: keep only http(s), and normalize them for de-duplication.

Standard library only (and brief.text), so the store can compare links without importing
feedparser.
"""

from __future__ import annotations

from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

from brief.text import sanitize

# Query parameters that only say where a click came from: two links that differ in these
# point at the same story. Matched on the lowercased name.
_TRACKING_NAMES = frozenset(
    {
        "fbclid", "gclid", "gclsrc", "dclid", "msclkid", "yclid", "twclid", "igshid", "ttclid",
        "mc_cid", "mc_eid", "mkt_tok", "_ga", "_gl", "ref", "ref_src", "ref_url", "referrer",
        "xtor", "cmp", "cmpid", "ocid", "smid", "s_cid", "spm", "icid", "ito", "rss",
    }
)  # fmt: skip
# Prefixes of analytics parameter families: Google (utm_), AT Internet (at_, used by the BBC),
# Webtrends (wt., wt_), HubSpot (_hs, hsa_), Matomo/Piwik (mtm_, pk_).
_TRACKING_PREFIXES = ("utm_", "at_", "wt.", "wt_", "_hs", "hsa_", "mtm_", "pk_")

_DEFAULT_PORTS = {"http": 80, "https": 443}


def http_url(url: str | None, base: str | None = None) -> str | None:
    """``url`` resolved against ``base``, if the result is an absolute http(s) URL with a host.

    Anything else — ``javascript:``, ``data:``, ``mailto:``, ``file:``, a relative link with
    no usable base, an unparsable string — gives None: feed and page links are untrusted.
    """
    if not url:
        return None
    url = url.strip()
    try:
        if base:
            url = urljoin(base, url)
        parts = urlsplit(url)
        if parts.scheme.lower() not in _DEFAULT_PORTS or not parts.hostname:
            return None
        parts.port  # noqa: B018  (raises ValueError on a malformed port)
    except ValueError:
        return None
    # Controls inside a URL (C0, DEL, C1, bidi overrides, invisible format characters) are
    # never meaningful: they can hide a second line or header, or reach a terminal as an escape.
    if any(ord(ch) < 0x20 for ch in url) or sanitize(url) != url:
        return None
    # A space is a common feed mistake; browsers send it percent-encoded.
    return url.replace(" ", "%20")


def _tracking(name: str) -> bool:
    lowered = name.lower()
    return lowered in _TRACKING_NAMES or lowered.startswith(_TRACKING_PREFIXES)


def normalize_url(url: str) -> str:
    """The form of ``url`` used to recognize the same story behind different links.

    Lowercases scheme and host, drops a default port, the fragment and tracking parameters
    (utm_*, fbclid, gclid, mc_cid, ref, …), and sorts the remaining query parameters.
    """
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    try:
        port = parts.port
    except ValueError:
        port = None
    netloc = host if port is None or port == _DEFAULT_PORTS.get(scheme) else f"{host}:{port}"
    if parts.username or parts.password:
        userinfo = parts.username or ""
        if parts.password:
            userinfo += f":{parts.password}"
        netloc = f"{userinfo}@{netloc}"
    pairs = parse_qsl(parts.query, keep_blank_values=True)
    query = urlencode(sorted((k, v) for k, v in pairs if not _tracking(k)))
    return urlunsplit((scheme, netloc, parts.path or "/", query, ""))


def url_host(url: str | None, *, strip_www: bool = False) -> str | None:
    """The host a URL names, lowercased (without a leading "www." when ``strip_www``); None
    for no URL or one without a host."""
    host = urlsplit(url).hostname if url else None
    if host and strip_www:
        host = host.removeprefix("www.")
    return host or None
