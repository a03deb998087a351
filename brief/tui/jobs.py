"""The reader's long jobs: a refresh of the feeds, and the demo's analysis of its samples.

Each job is a blocking function run by the app in a thread worker (brief.tui.app); it reports
through ``post`` with the messages below, which the app turns into status-line text,
notifications and list reloads. No widget runs the pipeline: widgets only show what these
messages say.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.message import Message

from brief.errors import BriefError
from brief.tui.context import Context

if TYPE_CHECKING:
    from brief.refresh import ProgressEvent, RefreshReport

Post = Callable[[Message], object]


@dataclass
class RefreshProgress(Message):
    """One step of a running refresh; ``error`` is set for a feed that failed."""

    event: ProgressEvent
    error: str | None


@dataclass
class RefreshDone(Message):
    """The refresh ended: its report, or the one-line error that stopped it."""

    report: RefreshReport | None
    error: str | None


@dataclass
class DemoProgress(Message):
    """One more sample article of the demo is analyzed and stored."""

    done: int
    total: int


@dataclass
class DemoFailed(Message):
    """The demo could not analyze its samples."""

    error: str


@dataclass(frozen=True, slots=True)
class Refusal:
    """Why a refresh cannot start; ``warning`` when it never can here (the demo), not just now."""

    text: str
    warning: bool


def refresh_refusal(
    ctx: Context, feed_ids: Collection[int] | None, running: bool
) -> Refusal | None:
    """Why a refresh of ``feed_ids`` (all feeds when None) cannot start now, or None."""
    if ctx.demo:
        return Refusal(
            "Refresh is not available in the demo: its feeds are bundled samples "
            "and the demo never uses the network.",
            warning=True,
        )
    if running:
        return Refusal("A refresh is already running.", warning=False)
    if feed_ids is not None and not feed_ids:
        return Refusal("No feed to refresh here: choose a feed on the left.", warning=False)
    return None


def run_refresh(ctx: Context, feed_ids: list[int] | None, post: Post) -> None:
    """Refresh the feeds (all when None), posting each step and then the outcome."""
    # Imported here: refresh pulls in httpx and the analysis pipeline.
    from brief.refresh import refresh

    store = ctx.store

    def progress(event: ProgressEvent) -> None:
        error = None
        if event.outcome == "failed" and event.phase == "feeds":
            error = next(
                (f.last_error for f in store.list_feeds() if f.display_name == event.label),
                None,
            )
        post(RefreshProgress(event, error))

    try:
        report = refresh(store, ctx.config, feed_ids=feed_ids, progress=progress)
    except BriefError as err:
        post(RefreshDone(None, str(err)))
        return
    post(RefreshDone(report, None))


def run_demo(ctx: Context, post: Post) -> None:
    """Analyze the demo's samples into its (empty) store, posting each one stored."""
    # The analysis pipeline loads in the worker: the first paint does not wait for it.
    from brief.tui.demo import populate

    def progress(done: int, total: int, title: str | None) -> None:
        post(DemoProgress(done, total))

    try:
        populate(ctx.store, progress, now=ctx.clock())
    except BriefError as err:
        post(DemoFailed(str(err)))
