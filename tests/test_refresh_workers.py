"""The worker pool of the articles phase: time limit, memory bound, crashes, real analysis."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

import pytest
import worker_tasks
from refresh_support import page_bytes

from brief.errors import FeedError
from brief.refresh.job import ArticleJob, ArticleOutcome, process_article, warm_up
from brief.refresh.workers import WorkerCrashed, WorkerError, WorkerPool, WorkerTimeout


def _run(pool: WorkerPool[Any, Any], *calls: tuple[Callable[..., Any], Any]) -> list[Any]:
    """Run the tasks one after the other in one event loop; errors are returned, not raised."""

    async def main() -> list[Any]:
        results: list[Any] = []
        for _, task in calls:
            try:
                results.append(await pool.run(task))
            except (WorkerError, FeedError) as err:
                results.append(err)
        return results

    try:
        return asyncio.run(main())
    finally:
        pool.close()


def test_a_task_past_the_time_limit_kills_its_worker_and_a_fresh_one_takes_over() -> None:
    pool: WorkerPool[float, int] = WorkerPool(worker_tasks.nap, size=1, timeout=1.0)
    before, stuck, after = _run(
        pool, (worker_tasks.nap, 0.0), (worker_tasks.nap, 30.0), (worker_tasks.nap, 0.0)
    )
    assert isinstance(stuck, WorkerTimeout) and "1 s" in str(stuck)
    assert isinstance(before, int) and isinstance(after, int) and before != after
    assert pool.replaced == 1


def test_a_task_over_the_memory_bound_fails_inside_its_worker() -> None:
    pool: WorkerPool[int, int] = WorkerPool(
        worker_tasks.hog, size=1, timeout=20.0, memory=512 * 1024 * 1024
    )
    small, huge, again = _run(
        pool, (worker_tasks.hog, 8), (worker_tasks.hog, 2048), (worker_tasks.hog, 8)
    )
    assert small == again == 8 * 1024 * 1024
    assert isinstance(huge, WorkerError) and "out of memory" in str(huge)
    assert pool.replaced == 0  # the worker survived its MemoryError


def test_a_worker_that_dies_is_reported_and_replaced() -> None:
    pool: WorkerPool[int, int] = WorkerPool(worker_tasks.die, size=1, timeout=20.0)
    first, second = _run(pool, (worker_tasks.die, 3), (worker_tasks.die, 4))
    assert isinstance(first, WorkerCrashed) and "exit status 3" in str(first)
    assert isinstance(second, WorkerCrashed) and "exit status 4" in str(second)
    assert pool.replaced == 2


def test_an_exception_in_a_task_is_one_line() -> None:
    pool: WorkerPool[str, int] = WorkerPool(worker_tasks.fail, size=1, timeout=20.0)
    (error,) = _run(pool, (worker_tasks.fail, "bad page"))
    assert isinstance(error, WorkerError) and str(error) == "ValueError: bad page"


def test_a_brief_error_in_a_task_is_raised_again_as_it_is() -> None:
    pool: WorkerPool[str, int] = WorkerPool(worker_tasks.refuse, size=1, timeout=20.0)
    (error,) = _run(pool, (worker_tasks.refuse, "not a feed"))
    assert isinstance(error, FeedError) and str(error) == "not a feed"


def _job(article_id: int, body: bytes | None, reason: str | None = None) -> ArticleJob:
    return ArticleJob(
        article_id=article_id,
        url="https://www.bbc.com/news/newsbeat-50470672",
        body=body,
        content_type="text/html",
        charset=None,
        title="Taylor Swift row",
        feed_text="Taylor Swift says she is not allowed to perform her old songs.",
        reason=reason,
    )


def test_two_workers_analyze_pages_and_fall_back_to_the_feed_text() -> None:
    pool: WorkerPool[ArticleJob, ArticleOutcome] = WorkerPool(
        process_article, size=2, timeout=60.0, warm=warm_up
    )
    page = page_bytes("bbc-swift")
    jobs = [
        _job(1, page),
        _job(2, b"<html><body><script>app()</script></body></html>"),
        _job(3, None, "server answered 403 Forbidden"),
    ]

    async def main() -> list[ArticleOutcome]:
        return list(await asyncio.gather(*(pool.run(job) for job in jobs)))

    try:
        full, empty, refused = asyncio.run(main())
    finally:
        pool.close()
    assert full.status == "full" and full.reason is None
    assert "Taylor Swift" in " ".join(full.brief.summary)
    assert full.brief.quotes  # the page's quotations, with speakers
    assert empty.status == "feed-only" and "no article text" in (empty.reason or "")
    assert empty.brief.article.paragraphs == (jobs[1].feed_text,)
    assert refused.status == "feed-only" and refused.reason == "server answered 403 Forbidden"
    assert refused.brief.summary == (jobs[2].feed_text,)


@pytest.mark.parametrize("words", [40, 400])
def test_a_teaser_page_shorter_than_the_feed_text_is_not_used(words: int) -> None:
    feed_text = " ".join(["The council voted on the budget after a long debate."] * (words // 10))
    teaser = (
        "<html><body><article><h1>Budget</h1><p>The council voted on the budget. Subscribe "
        "to read the rest of this article and support our journalism today.</p>"
        "</article></body></html>"
    )
    job = ArticleJob(
        1, "http://news.example/a", teaser.encode(), "text/html", "utf-8", "Budget", feed_text, None
    )
    outcome = process_article(job)
    if words >= 80:  # the feed carries the full story: the short page is a paywall teaser
        assert outcome.status == "feed-only" and "teaser" in (outcome.reason or "")
    else:  # the feed itself has only a teaser: the page is the better text
        assert outcome.status == "full"


def test_what_a_worker_prints_never_reaches_the_terminal(capfd: pytest.CaptureFixture[str]) -> None:
    pool: WorkerPool[str, str] = WorkerPool(worker_tasks.chatter, size=1, timeout=20.0)
    [answer] = _run(pool, (worker_tasks.chatter, "worker noise"))
    assert answer == "worker noise"
    out, err = capfd.readouterr()
    assert "worker noise" not in out and "worker noise" not in err
