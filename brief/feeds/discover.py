"""Find the feed behind a URL the user gives: the feed itself, or a page that announces one.

Used by `brief feeds add`: the URL is fetched (through brief.net.client, as a feed or a web page);
a feed is parsed to check it; a page is searched for ``<link rel="alternate">`` feed links and
the first one that parses is taken. A permanent redirect is followed into the subscription.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass

from brief.errors import FeedError, FetchError
from brief.feeds.parse import ParsedFeed, find_feed_links, parse_feed
from brief.net import CONTENT_TYPES, FetchLimits, FetchResult, fetch_async, make_client

# A page may announce many feeds (comments, categories): the first few are enough.
_MAX_LINKS = 5
_LOOKS_HTML = (b"<!doctype html", b"<html")


@dataclass(frozen=True, slots=True)
class FoundFeed:
    """The URL to subscribe to and what the feed holds now."""

    url: str
    feed: ParsedFeed
    page_url: str | None  # the page that announced the feed, when the URL was a page


def find_feed(url: str, limits: FetchLimits) -> FoundFeed:
    """The feed at ``url``, or the first working feed the page at ``url`` links to.

    Raises a FetchError when the URL cannot be fetched, FeedError when it is neither a feed
    nor a page announcing one.
    """

    async def run() -> FoundFeed:
        async with make_client(limits) as client:
            result = await fetch_async(client, url, limits, accept=("feed", "html"))
            if not _is_html(result):
                return FoundFeed(result.moved_to or url, _parse(result), None)
            links = find_feed_links(result.body, result.url)
            if not links:
                raise FeedError(f"{url} is a web page that announces no feed")
            problems: list[str] = []
            for link in links[:_MAX_LINKS]:
                try:
                    found = await fetch_async(client, link, limits, accept=("feed",))
                    return FoundFeed(found.moved_to or link, _parse(found), result.url)
                except (FeedError, FetchError) as err:
                    problems.append(str(err))
            raise FeedError(f"{url}: none of the feeds the page announces works: {problems[0]}")

    return asyncio.run(run())


def _is_html(result: FetchResult) -> bool:
    if result.content_type:
        return result.content_type in CONTENT_TYPES["html"]
    return result.body[:1024].lstrip().lower().startswith(_LOOKS_HTML)


def _parse(result: FetchResult) -> ParsedFeed:
    content_type = result.content_type
    if content_type and result.charset:
        content_type += f"; charset={result.charset}"
    return parse_feed(result.body, result.url, content_type or None)
