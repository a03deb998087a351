"""The articles phase of a refresh: each pending entry's page fetched, extracted and analyzed.

Pages are fetched here (asyncio, under the same global and per-host limits as the feeds);
extraction and analysis run in worker processes (brief.refresh.workers) with a time limit
per article.
Every pending article is finished in one transaction (Store.complete_article): with the page's
text when it could be used, else with the feed's own text, marked "feed-only" with the reason.
Pending articles left by an earlier run that was killed are finished the same way.

Article links come from feeds and are not trusted: they may not point at private, loopback or
link-local addresses, unless the feed itself is on such an address (an intranet feed links to
intranet pages) or the config sets refresh.allow_private.
"""

from __future__ import annotations

import asyncio
import dataclasses
import ipaddress
import socket
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit

from brief.config import Config
from brief.errors import FetchError
from brief.net import fetch_async, make_client
from brief.refresh.feeds import fetch_limits
from brief.refresh.job import ArticleJob, ArticleOutcome, process_article, unanalyzed, warm_up
from brief.refresh.limits import HostLimiter, StoreWriter, run_all
from brief.refresh.workers import WorkerError, WorkerPool, WorkerTimeout
from brief.store import PendingArticle, Store

ArticlePool = WorkerPool[ArticleJob, ArticleOutcome]


def article_pool(config: Config) -> ArticlePool:
    """The worker processes for extraction and analysis (not started yet)."""
    return WorkerPool(
        process_article,
        size=config.refresh.article_workers,
        timeout=config.refresh.article_timeout,
        warm=warm_up,
    )


@dataclass(slots=True)
class ArticlesOutcome:
    """Counts of the articles phase."""

    full: int = 0  # analyzed from their page
    feed_only: int = 0  # the page could not be used: analyzed from the feed's text
    merged: int = 0  # the page showed a story already stored: merged into it


class ArticlesPhase:
    """Finish pending articles: fetch each page, analyze it in a worker, store the brief."""

    def __init__(
        self,
        store: Store,
        config: Config,
        limiter: HostLimiter,
        pool: ArticlePool,
        *,
        on_done: Callable[[PendingArticle, str], None] | None = None,
    ) -> None:
        self._store = store
        self._summary = config.summary
        self._timeout = config.refresh.article_timeout
        self._limiter = limiter
        self._pool = pool
        self._on_done = on_done
        self._allow_private = config.refresh.allow_private
        self._public = fetch_limits(config.refresh, allow_private=config.refresh.allow_private)
        self._private = fetch_limits(config.refresh, allow_private=True)
        self._client = make_client(self._public)
        # [[feeds]] with full_page = false: their entries keep the feed's own text.
        self._feed_text_only = frozenset(f.url for f in config.feeds if not f.full_page)
        self._local_hosts: dict[str, bool] = {}
        self._write = StoreWriter()
        # Pages fetched but not yet analyzed wait in memory: keep that queue short.
        self._window = asyncio.Semaphore(
            config.refresh.concurrency + 2 * config.refresh.article_workers
        )
        self.outcome = ArticlesOutcome()

    async def run(self, pending: Sequence[PendingArticle]) -> ArticlesOutcome:
        """Finish every article of ``pending``; a StoreError stops the phase."""
        try:
            async with self._client:
                await run_all(self._one(item) for item in pending)
        finally:
            self._write.close()
        return self.outcome

    async def _one(self, item: PendingArticle) -> None:
        async with self._window:
            job = await self._page_job(item)
            outcome = await self._analyze(job)
        stored = await self._write(
            self._store.complete_article, item.id, outcome.brief, outcome.status, outcome.reason
        )
        if outcome.status == "full":
            self.outcome.full += 1
        else:
            self.outcome.feed_only += 1
        if stored is not None and stored != item.id:
            self.outcome.merged += 1
        if self._on_done is not None:
            self._on_done(item, outcome.status)

    async def _page_job(self, item: PendingArticle) -> ArticleJob:
        job = ArticleJob(
            article_id=item.id,
            url=item.url,
            body=None,
            content_type="",
            charset=None,
            title=item.title,
            feed_text=item.text,
            reason=None,
            sentences=self._summary.sentences,
            algorithm=self._summary.algorithm,
        )
        if not item.url:
            return dataclasses.replace(job, reason="the entry has no link")
        if item.feed_url in self._feed_text_only:
            return dataclasses.replace(job, reason="the feed keeps its own text (full_page)")
        limits = self._private if await self._feed_is_local(item.feed_url) else self._public
        try:
            async with self._limiter.slot(item.url):
                result = await fetch_async(self._client, item.url, limits, accept=("html", "text"))
        except FetchError as err:
            return dataclasses.replace(job, reason=str(err))
        return dataclasses.replace(
            job,
            url=result.url,
            body=result.body,
            content_type=result.content_type,
            charset=result.charset,
        )

    async def _analyze(self, job: ArticleJob) -> ArticleOutcome:
        """The page's brief; on a worker timeout or failure, the feed text's brief."""
        try:
            return await self._pool.run(job)
        except WorkerTimeout:
            reason = f"extraction and analysis took longer than {self._timeout:g} s"
        except WorkerError as err:
            reason = f"extraction or analysis failed: {err}"
        if job.body is None:
            return unanalyzed(job, f"{job.reason}; {reason}" if job.reason else reason)
        fallback = dataclasses.replace(job, body=None, reason=reason)
        try:
            return await self._pool.run(fallback)
        except WorkerError as err:
            return unanalyzed(job, f"{reason}; the feed's text too: {err}")

    async def _feed_is_local(self, feed_url: str) -> bool:
        """True when the feed's host is a private, loopback or link-local address."""
        if self._allow_private:
            return True
        host = (urlsplit(feed_url).hostname or "").lower()
        if host not in self._local_hosts:
            self._local_hosts[host] = await _resolves_locally(host)
        return self._local_hosts[host]


async def _resolves_locally(host: str) -> bool:
    if not host:
        return False
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return _is_local(host)
    except ValueError:
        pass  # a name, not an address
    try:
        infos = await asyncio.get_running_loop().getaddrinfo(host, None, type=socket.SOCK_STREAM)
    except OSError:
        return False
    return any(_is_local(str(info[4][0])) for info in infos)


def _is_local(address: str) -> bool:
    """ValueError when ``address`` is not an IP address."""
    ip = ipaddress.ip_address(address.split("%")[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    return not ip.is_global
