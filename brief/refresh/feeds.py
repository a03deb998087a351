"""The feeds phase of a refresh: every due feed fetched (conditional GET), parsed and stored.

Each feed that answers 200 is parsed from the bytes brief's fetcher got, and its new entries
are stored as pending articles together with its new ETag/Last-Modified in one transaction
(Store.record_fetch): a run killed at any point never leaves a validator that would hide
entries it did not store. A 304 costs no body. A failure is counted and kept with its
message, and the feed is not tried again before its Retry-After or its backoff delay.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from brief.config import RefreshConfig
from brief.errors import BriefError, FeedError, FetchError, HTTPStatusError
from brief.net import FetchLimits, FetchResult, fetch_async, make_client
from brief.refresh.ingest import FeedBody, ingest, ingest_here
from brief.refresh.limits import HostLimiter, StoreWriter, run_all
from brief.refresh.workers import WorkerError, WorkerPool
from brief.store import FeedStatus, FetchUpdate, Store, now_utc

# Backoff after consecutive failures: 2 min, 4, 8, … doubling, at most 6 hours. A server's
# Retry-After wins when it asks for longer (up to a day: a longer one is a misconfiguration).
BACKOFF_FIRST = timedelta(minutes=2)
BACKOFF_MAX = timedelta(hours=6)
RETRY_AFTER_MAX = timedelta(days=1)
# Parsing and storing a 20-entry feed costs ~8 ms of CPU, 1.6 s for 200 feeds. With many feeds
# due they run in a process of their own (brief.refresh.ingest), so that they use another
# core and the event loop stays free to send the next request the moment a slot opens.
INGEST_PROCESS_MIN_FEEDS = 16
# A feed is at most refresh.max_bytes: parsing and storing one never takes this long.
INGEST_TIMEOUT = 60.0


@dataclass(frozen=True, slots=True)
class FeedFailure:
    """A feed that could not be refreshed, and why (one line)."""

    feed_id: int
    url: str
    name: str
    error: str


@dataclass(slots=True)
class FeedsOutcome:
    """Counts of the feeds phase."""

    ok: int = 0
    not_modified: int = 0
    failed: list[FeedFailure] = field(default_factory=list)
    postponed: int = 0  # failing feeds whose next attempt is still in the future
    new_articles: int = 0
    moved: list[tuple[str, str]] = field(default_factory=list)  # (old URL, new URL)


def backoff_delay(error_count: int, retry_after: float | None = None) -> timedelta:
    """How long to wait after the ``error_count``-th consecutive failure."""
    exponent = min(max(error_count - 1, 0), 16)
    delay: timedelta = min(BACKOFF_FIRST * (2**exponent), BACKOFF_MAX)
    if retry_after is not None and retry_after > 0:
        delay = max(delay, min(timedelta(seconds=retry_after), RETRY_AFTER_MAX))
    return delay


def is_due(feed: FeedStatus, now: datetime) -> bool:
    """True unless the feed failed and its next attempt is still in the future."""
    return feed.next_attempt is None or feed.next_attempt <= now


def fetch_limits(refresh: RefreshConfig, *, allow_private: bool) -> FetchLimits:
    """FetchLimits from the config's [refresh] section.

    Feed URLs are chosen by the user, so feeds may be on private addresses, but a public feed
    may not redirect to one unless refresh.allow_private; article links come from the feeds
    and are not trusted (see brief.refresh.articles).
    """
    return FetchLimits(
        connect_timeout=refresh.connect_timeout,
        read_timeout=refresh.read_timeout,
        deadline=refresh.deadline,
        max_bytes=refresh.max_bytes,
        allow_private=allow_private,
        private_after_public=refresh.allow_private,
    )


class FeedsPhase:
    """Fetch, parse and store a set of feeds under the global and per-host limits."""

    def __init__(
        self,
        store: Store,
        limits: FetchLimits,
        limiter: HostLimiter,
        *,
        keep_days: int,
        max_new: int | None = None,
        pinned_urls: frozenset[str] = frozenset(),
        on_done: Callable[[FeedStatus, str, int, str | None], None] | None = None,
    ) -> None:
        self._store = store
        self._limits = limits
        self._limiter = limiter
        self._keep_days = keep_days
        self._max_new = max_new
        # Feeds listed in the config file keep their URL when they move: the config would
        # subscribe the old URL again. The move is reported instead.
        self._pinned = pinned_urls
        self._on_done = on_done
        self._client = make_client(limits)
        # None: feeds are parsed and stored by the writer thread.
        self._ingester: WorkerPool[FeedBody, int] | None = None
        self._write = StoreWriter()
        self.outcome = FeedsOutcome()

    async def run(self, feeds: Sequence[FeedStatus]) -> FeedsOutcome:
        """Refresh ``feeds`` concurrently; every failure is recorded, none is raised."""
        if len(feeds) >= INGEST_PROCESS_MIN_FEEDS:
            # Started by the first feed that changed: unchanged feeds (304) need no parsing.
            self._ingester = WorkerPool(ingest_here, size=1, timeout=INGEST_TIMEOUT)
        try:
            async with self._client:
                await run_all(self._one(feed) for feed in feeds)
        finally:
            self._write.close()
            if self._ingester is not None:
                self._ingester.close()
        return self.outcome

    async def _one(self, feed: FeedStatus) -> None:
        try:
            async with self._limiter.slot(feed.url):
                result = await fetch_async(
                    self._client,
                    feed.url,
                    self._limits,
                    accept=("feed",),
                    etag=feed.etag,
                    last_modified=feed.last_modified,
                )
            if result.status == 304:
                await self._write(self._store.record_not_modified, feed.id)
                self.outcome.not_modified += 1
                self._done(feed, "not-modified")
                return
            await self._store_entries(feed, result)
        except (FetchError, FeedError) as err:
            await self._fail(feed, err)

    async def _store_entries(self, feed: FeedStatus, result: FetchResult) -> None:
        content_type = result.content_type
        if content_type and result.charset:
            content_type += f"; charset={result.charset}"
        new_url = result.moved_to
        if new_url is not None and new_url != feed.url:
            self.outcome.moved.append((feed.url, new_url))
            if feed.url in self._pinned:
                new_url = None
        job = FeedBody(
            feed_id=feed.id,
            body=result.body,
            url=result.url,
            content_type=content_type or None,
            update=FetchUpdate(result.etag, result.last_modified, new_url=new_url),
            not_before=now_utc() - timedelta(days=self._keep_days),
            database=self._store.path,
            max_new=self._max_new,
        )
        new = await self._ingest(job)
        self.outcome.ok += 1
        self.outcome.new_articles += new
        self._done(feed, "ok", new)

    async def _ingest(self, job: FeedBody) -> int:
        """Parse and store a feed: in the ingest process when there is one, else in the
        writer thread on this store. FeedError when it cannot be read."""
        if self._ingester is None:
            return await self._write(ingest, self._store, job)
        try:
            return await self._ingester.run(job)
        except WorkerError as err:  # killed at the time limit, or died: nothing was stored
            raise FeedError(f"{job.url}: cannot parse and store this feed ({err})") from err

    async def _fail(self, feed: FeedStatus, err: BriefError) -> None:
        retry_after = err.retry_after if isinstance(err, HTTPStatusError) else None
        next_attempt = now_utc() + backoff_delay(feed.error_count + 1, retry_after)
        message = str(err)
        await self._write(self._store.record_failure, feed.id, message, next_attempt)
        self.outcome.failed.append(FeedFailure(feed.id, feed.url, feed.display_name, message))
        self._done(feed, "failed", error=message)

    def _done(self, feed: FeedStatus, outcome: str, new: int = 0, error: str | None = None) -> None:
        if self._on_done is not None:
            self._on_done(feed, outcome, new, error)
