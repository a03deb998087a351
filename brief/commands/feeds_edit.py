"""`brief feeds list|remove|rename|tag`: the subscriptions as they are, and edits to them.

Feeds `brief init` subscribed (the starter list) and feeds added with `brief feeds add` or
`import` live in the database: every edit works on them. A feed still listed in the config
file's [[feeds]] cannot be removed here (the next fetch would subscribe it again).
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import datetime
from typing import TYPE_CHECKING, Any

from brief.commands.options import config_path
from brief.errors import UsageError

if TYPE_CHECKING:
    from brief.store import FeedStatus, Store


def open_store() -> Store:
    # sqlite3 is loaded only by the commands that use the database.
    from brief.store import Store

    return Store.open()


def subscriptions(args: argparse.Namespace, store: Store) -> list[FeedStatus]:
    """Every feed, after subscribing the config file's feeds the store lacks (as a fetch
    would), so that a list or an export shows the config's feeds before the first fetch."""
    from brief.config import load_config

    configured = load_config(config_path(args)).feeds
    feeds = store.list_feeds()
    known = {f.url for f in feeds}
    missing = [f for f in configured if f.url not in known]
    if missing:
        store.add_feeds(missing)
        feeds = store.list_feeds()
    return feeds


def run_list(args: argparse.Namespace) -> int:
    """Print one line per feed (and its last error when it is failing), or JSON."""
    with open_store() as store:
        feeds = subscriptions(args, store)
    if getattr(args, "format", "text") == "json":
        json.dump([feed_json(f) for f in feeds], sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    if not feeds:
        print("no feeds yet: try `brief feeds add URL`, `brief feeds import FILE.opml`")
        return 0
    print(_row("ID", "STATUS", "LAST SUCCESS", "ERRORS", "ARTICLES", "UNREAD", "FEED"))
    for feed in feeds:
        print(
            _row(
                str(feed.id),
                _status(feed),
                _when(feed.last_success),
                str(feed.error_count),
                str(feed.article_count),
                str(feed.unread_count),
                line(f"{feed.display_name} <{feed.url}>"),
            )
        )
        if feed.error_count and feed.last_error:
            retry = f" (next try after {_when(feed.next_attempt)})" if feed.next_attempt else ""
            print(f"      last error: {line(feed.last_error)}{retry}")
    return 0


def _row(*cells: str) -> str:
    widths = (5, 8, 16, 6, 8, 6)
    head = " ".join(cell.ljust(width) for cell, width in zip(cells, widths, strict=False))
    return f"{head} {cells[-1]}"


def _status(feed: FeedStatus) -> str:
    if feed.error_count:
        return "failing"
    return "ok" if feed.last_success is not None else "new"


def _when(moment: datetime | None) -> str:
    return moment.astimezone().strftime("%Y-%m-%d %H:%M") if moment is not None else "never"


def line(text: str) -> str:
    from brief.text import sanitize

    return " ".join(sanitize(text).split())


def run_remove(args: argparse.Namespace) -> int:
    """Unsubscribe from a feed given by ID or URL (not one the config file lists)."""
    from brief.config import load_config

    key: int | str = int(args.feed) if args.feed.isdigit() else args.feed.strip()
    configured = {f.url for f in load_config(config_path(args)).feeds}
    if key in configured:
        raise UsageError(_still_configured(str(key)))
    with open_store() as store:
        feed = store.get_feed(key)
        if feed is None:
            raise UsageError(f"no such feed: {line(args.feed)} (see `brief feeds list`)")
        if feed.url in configured:
            raise UsageError(_still_configured(feed.url))
        store.remove_feed(feed.id)
    print(line(f"removed {feed.display_name} <{feed.url}>"))
    return 0


def _still_configured(url: str) -> str:
    return (
        f"{line(url)} is listed in the config file: delete it there first, "
        "or the next fetch subscribes it again"
    )


def _find(store: Store, given: str) -> FeedStatus:
    """The feed named by an ID or a URL (UsageError when there is none)."""
    key: int | str = int(given) if given.isdigit() else given.strip()
    feed = store.get_feed(key)
    if feed is None:
        raise UsageError(f"no such feed: {line(given)} (see `brief feeds list`)")
    return feed


def run_rename(args: argparse.Namespace) -> int:
    """Give a feed a display name ("" for the feed's own title)."""
    with open_store() as store:
        feed = _find(store, args.feed)
        store.edit_feed(feed.id, name=args.name)
        renamed = store.get_feed(feed.id)
    assert renamed is not None
    print(line(f"renamed <{feed.url}>: {renamed.display_name}"))
    return 0


def run_tag(args: argparse.Namespace) -> int:
    """Replace a feed's tags."""
    with open_store() as store:
        feed = _find(store, args.feed)
        store.edit_feed(feed.id, tags=args.tags)
        tagged = store.get_feed(feed.id)
    assert tagged is not None
    shown = ", ".join(f"#{line(t)}" for t in tagged.tags) or "no tags"
    print(line(f"tagged {tagged.display_name} <{feed.url}>: {shown}"))
    return 0


def feed_json(feed: FeedStatus) -> dict[str, Any]:
    """One feed as `brief feeds list --format json` prints it."""

    def when(moment: datetime | None) -> str | None:
        return moment.strftime("%Y-%m-%dT%H:%M:%SZ") if moment is not None else None

    return {
        "id": feed.id,
        "url": feed.url,
        "name": feed.display_name,
        "tags": list(feed.tags),
        "status": _status(feed),
        "last_success": when(feed.last_success),
        "errors": feed.error_count,
        "last_error": feed.last_error,
        "next_attempt": when(feed.next_attempt),
        "articles": feed.article_count,
        "unread": feed.unread_count,
    }
