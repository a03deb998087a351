"""feeds -> new articles -> analyze -> store: one refresh, for the CLI, the TUI and the digest.

    report = refresh(store, config, progress=print)

A refresh holds the "refresh" lock (one at a time per data folder; a second waits a few
seconds, then LockedError), subscribes the feeds listed in the config file, fetches every due
feed (brief.refresh.feeds), deletes articles older than refresh.keep_days, then finishes every
pending article (brief.refresh.articles) — including those a killed run left pending.

Feeds in the config file and feeds in the store: every refresh subscribes the config's feeds
that the store does not have yet (with the config's name and tags). Nothing is ever
unsubscribed because it left the config: `brief feeds remove` does that. A feed listed in the
config keeps its URL when the server moves it permanently (the config would bring the old URL
back); the move is reported so the config can be edited.

The function is synchronous and runs its own event loop: call it from a thread (the TUI's
worker) or the main thread, not from inside a running event loop.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta

from brief import paths
from brief.config import Config
from brief.files import hold_lock
from brief.refresh.articles import ArticlePool, ArticlesPhase, article_pool
from brief.refresh.feeds import FeedFailure, FeedsPhase, fetch_limits, is_due
from brief.refresh.limits import HostLimiter
from brief.store import FeedStatus, PendingArticle, Store, now_utc

__all__ = ["FeedFailure", "ProgressEvent", "RefreshReport", "refresh"]

# How long a refresh waits for another one to finish before giving up (LockedError).
LOCK_WAIT_SECONDS = 5.0


@dataclass(frozen=True, slots=True)
class ProgressEvent:
    """One step of a refresh, for a progress bar.

    ``outcome`` is "start" (``done`` 0: the phase begins, ``total`` is known), then for feeds
    "ok", "not-modified" or "failed", for articles "full" or "feed-only".
    """

    phase: str  # "feeds" or "articles"
    done: int
    total: int
    label: str  # the feed's or the article's name ("" for "start"); untrusted text
    outcome: str
    error: str | None = None  # why a feed failed (one line), for "failed"


@dataclass(frozen=True, slots=True)
class RefreshReport:
    """What a refresh did."""

    feeds_ok: int  # fetched and stored
    feeds_not_modified: int  # answered 304
    feeds_failed: tuple[FeedFailure, ...]  # with their error, in no particular order
    feeds_postponed: int  # failing feeds not tried: their next attempt is later
    new_articles: int
    articles_full: int  # analyzed from their page
    articles_failed: int  # page not usable: kept and analyzed with the feed's own text
    articles_pending: int  # still waiting for their page (articles=False)
    moved: tuple[tuple[str, str], ...]  # feeds that moved permanently: (old URL, new URL)
    purged: int  # articles deleted by refresh.keep_days

    @property
    def ok(self) -> bool:
        """True when no feed failed."""
        return not self.feeds_failed

    def summary_line(self) -> str:
        """One line: feeds ok / not modified / failed, new articles."""
        feeds = (
            f"feeds: {self.feeds_ok} ok, {self.feeds_not_modified} not modified, "
            f"{len(self.feeds_failed)} failed"
        )
        if self.feeds_postponed:
            feeds += f", {self.feeds_postponed} postponed after errors"
        line = f"{feeds}; {self.new_articles} new articles"
        if self.articles_full or self.articles_failed:
            line += (
                f"; {self.articles_full} analyzed from their page, "
                f"{self.articles_failed} from the feed's text"
            )
        if self.articles_pending:
            line += f"; {self.articles_pending} waiting for their page"
        return line


Progress = Callable[[ProgressEvent], None]


def refresh(
    store: Store,
    config: Config,
    *,
    feed_ids: Collection[int] | None = None,
    articles: bool = True,
    progress: Progress | None = None,
    force: bool = False,
    lock_wait: float = LOCK_WAIT_SECONDS,
) -> RefreshReport:
    """Refresh the feeds (all, or ``feed_ids``) and, unless ``articles`` is False, finish
    every pending article.

    ``force`` also fetches failing feeds whose next attempt is still in the future (feeds
    named in ``feed_ids`` are always fetched). Raises LockedError when another refresh holds
    the lock after ``lock_wait`` seconds, FileWriteError when the lock file cannot be opened,
    StoreError when the database cannot be written.
    A feed that fails does not raise: it is in ``feeds_failed``.
    """
    with hold_lock(paths.lock_file("refresh"), lock_wait, what="another brief refresh"):
        feeds = store.list_feeds()
        known = {f.url for f in feeds}
        missing = [f for f in config.feeds if f.url not in known]
        if missing:
            store.add_feeds(missing)
            feeds = store.list_feeds()
        if feed_ids is not None:
            wanted = set(feed_ids)
            feeds = [f for f in feeds if f.id in wanted]
            force = True
        now = now_utc()
        # One {url: minutes} map: looking each feed up in config.feeds was feeds x [[feeds]].
        every = {f.url: f.refresh_every for f in config.feeds if f.refresh_every}
        due = [f for f in feeds if force or (is_due(f, now) and not rested(f, every, now))]
        run = _Run(store, config, progress, articles)
        return asyncio.run(run.main(due, postponed=len(feeds) - len(due)))


def rested(feed: FeedStatus, every: Mapping[str, float], now: datetime) -> bool:
    """True while a feed with a refresh_every in the config (``every``: minutes by feed URL)
    was fetched too recently."""
    minutes = every.get(feed.url, 0.0)
    last = feed.last_success
    return bool(minutes) and last is not None and now < last + timedelta(minutes=minutes)


class _Run:
    """The state of one refresh while its event loop runs."""

    def __init__(
        self, store: Store, config: Config, progress: Progress | None, articles: bool
    ) -> None:
        self.store = store
        self.config = config
        self.progress = progress
        self.pool: ArticlePool | None = article_pool(config) if articles else None
        self.done = 0
        self.total = 0

    async def main(self, due: list[FeedStatus], postponed: int) -> RefreshReport:
        refresh = self.config.refresh
        limiter = HostLimiter(refresh.concurrency, refresh.per_host)
        pinned = frozenset(f.url for f in self.config.feeds)
        try:
            if self.pool is not None and self.store.pending_articles(limit=1):
                self.pool.start()  # leftovers to finish: let the workers load meanwhile
            feeds = FeedsPhase(
                self.store,
                fetch_limits(refresh, allow_private=True),
                limiter,
                keep_days=refresh.keep_days,
                max_new=refresh.max_new_per_feed,
                pinned_urls=pinned,
                on_done=self._feed_done,
            )
            self._start("feeds", len(due))
            outcome = await feeds.run(due)
            purged = self.store.purge(refresh.keep_days)
            pending = self.store.pending_articles()
            full = feed_only = 0
            if self.pool is not None and pending:
                self._start("articles", len(pending))
                phase = ArticlesPhase(
                    self.store, self.config, limiter, self.pool, on_done=self._article_done
                )
                done = await phase.run(pending)
                full, feed_only = done.full, done.feed_only
                pending = []
        finally:
            if self.pool is not None:
                self.pool.close()
        return RefreshReport(
            feeds_ok=outcome.ok,
            feeds_not_modified=outcome.not_modified,
            feeds_failed=tuple(outcome.failed),
            feeds_postponed=postponed,
            new_articles=outcome.new_articles,
            articles_full=full,
            articles_failed=feed_only,
            articles_pending=len(pending),
            moved=tuple(outcome.moved),
            purged=purged,
        )

    def _start(self, phase: str, total: int) -> None:
        self.done, self.total = 0, total
        if self.progress is not None:
            self.progress(ProgressEvent(phase, 0, total, "", "start"))

    def _feed_done(self, feed: FeedStatus, outcome: str, new: int, error: str | None) -> None:
        if new and self.pool is not None:
            self.pool.start()  # new entries are coming: start loading the workers now
        self._step("feeds", feed.display_name, outcome, error)

    def _article_done(self, article: PendingArticle, outcome: str) -> None:
        self._step("articles", article.title or article.url or f"#{article.id}", outcome)

    def _step(self, phase: str, label: str, outcome: str, error: str | None = None) -> None:
        self.done += 1
        if self.progress is not None:
            self.progress(ProgressEvent(phase, self.done, self.total, label, outcome, error))
