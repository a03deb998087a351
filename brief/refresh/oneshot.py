"""`brief summarize` under the bounds of the refresh workers: a time limit and a memory cap.

The source is loaded (fetched, read, extracted) and analyzed in one worker process of
brief.refresh.workers: a page that makes extraction spin or analysis balloon is stopped at
the time limit (the process killed) or at the worker's address-space cap, instead of running
for as long as it likes. The worker is forked from the command's single thread where it can
be (no second interpreter start). Standard input is read here and handed over as bytes (a
spawned worker has no access to it). Errors of the task (FetchError, ExtractionError, …)
come back as they are; running out of memory under the cap is AnalysisMemoryError.
"""

from __future__ import annotations

from dataclasses import dataclass

from brief.config import SummaryConfig
from brief.errors import AnalysisMemoryError, AnalysisTimeout, BriefError
from brief.models import Brief
from brief.refresh.workers import WorkerError, WorkerTimeout, run_once


@dataclass(frozen=True, slots=True)
class OneShot:
    """What to summarize and how."""

    source: str  # a URL, a file, or "-" (then ``stdin`` holds the bytes)
    stdin: bytes | None
    sentences: int
    algorithm: str
    language: str | None
    # The worker's address-space cap (summary.worker_memory_mb).
    memory_mb: int = SummaryConfig().worker_memory_mb


def summarize_bounded(job: OneShot, *, time_limit: float) -> Brief:
    """The brief of ``job.source``; AnalysisTimeout past ``time_limit`` seconds (loading
    included), AnalysisMemoryError past the memory cap, BriefError when the worker died
    (crashed, killed)."""
    try:
        memory = job.memory_mb * 1024 * 1024
        return run_once(_summarize, job, timeout=time_limit, warm=_warm, memory=memory)
    except WorkerTimeout as err:
        raise AnalysisTimeout(
            f"{job.source}: not summarized within {time_limit:g} s (loading and analysis); "
            "the page may be very large (--time-limit sets the limit)"
        ) from err
    except WorkerError as err:
        raise BriefError(f"{job.source}: analysis failed ({err})") from err


def _summarize(job: OneShot) -> Brief:
    """The worker's task: load and analyze."""
    from brief.analyze import analyze
    from brief.extract import article_from_bytes, load_source

    try:
        if job.stdin is not None:
            article = article_from_bytes(job.stdin, path="-")
        else:
            article = load_source(job.source)
        return analyze(
            article, sentences=job.sentences, algorithm=job.algorithm, language=job.language
        )
    except MemoryError:
        # Unwound: what the page took is free again, so the error can be built and sent.
        raise AnalysisMemoryError(
            f"{job.source}: the page needed more memory than the analysis worker's cap of "
            f"{job.memory_mb} MiB (summary.worker_memory_mb in the config raises it)"
        ) from None


def _warm() -> None:
    """Import the pipeline before the clock starts."""
    import brief.analyze
    import brief.extract  # noqa: F401
