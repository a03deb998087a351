"""A fetched feed's bytes -> its new entries stored as pending articles, with its validators.

Parsing (feedparser is pure Python, ~5 ms for a 20-entry feed) and storing (~3 ms) are CPU work
the refresh's event loop should not wait on. With many feeds due they run in a process of their
own with its own database connection (``ingest_here``), on another core; with a few, in a
thread on the caller's store (``ingest``). Either way one feed is one transaction: its new
entries and its new ETag/Last-Modified together (Store.record_fetch).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from brief.feeds import parse_feed
from brief.store import FetchUpdate, Store


@dataclass(frozen=True, slots=True)
class FeedBody:
    """A feed's answer to store: its bytes and what the fetch learned."""

    feed_id: int
    body: bytes
    url: str  # after redirects: relative links resolve against it
    content_type: str | None  # with its charset, as feedparser wants it
    update: FetchUpdate  # validators and a permanent move; title and site come from parsing
    not_before: datetime  # entries published earlier are not stored (refresh.keep_days)
    database: Path
    max_new: int | None = None  # new entries stored at most, the newest (refresh.max_new_per_feed)


def ingest(store: Store, job: FeedBody) -> int:
    """Parse the feed and store its new entries; the number stored. FeedError if unreadable."""
    parsed = parse_feed(job.body, job.url, job.content_type)
    update = dataclasses.replace(job.update, title=parsed.title, site_url=parsed.site_url)
    new_ids = store.record_fetch(
        job.feed_id, update, parsed.entries, not_before=job.not_before, max_new=job.max_new
    )
    return len(new_ids)


# The ingest process's own connection, opened by its first job and kept for the next ones.
_store: Store | None = None


def ingest_here(job: FeedBody) -> int:
    """``ingest`` in a separate process, on that process's own connection to the database."""
    global _store
    if _store is None or _store.path != job.database:
        _store = Store.open(job.database, check=False)  # the parent checked it
    return ingest(_store, job)
