"""`brief fetch`: refresh every feed, then fetch, extract and analyze every new article."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any

from brief.commands.options import config_path, seconds
from brief.errors import FEEDS_FAILED

if TYPE_CHECKING:
    from brief.refresh import ProgressEvent, RefreshReport

# Exit status when the refresh ran but at least one feed failed (the others are stored).

EPILOG = """\
Feeds come from the config file ([[feeds]], subscribed on every fetch) and from `brief feeds
add` / `brief feeds import`. A feed that fails is retried after a delay that doubles with each
failure (2 minutes up to 6 hours, longer if the server sends Retry-After); --force retries now.

output:
  On a terminal, a progress bar on stderr; then one summary line on stdout (feeds ok / not
  modified / failed, new articles). Each failed feed is one line on stderr.
  --quiet prints nothing unless a feed failed (for cron).

exit status:
  0   every feed was fetched (or not modified, or postponed after earlier errors)
  16  at least one feed failed (the others were refreshed and stored)
  10  invalid config file;  11 database unusable;  15 another refresh is running
"""


def register(sub: Any) -> None:
    """Add the fetch command to the CLI's subparsers."""
    p = sub.add_parser(
        "fetch",
        help="refresh the feeds and analyze the new articles",
        description="Refresh every subscribed feed (conditional GET: an unchanged feed costs no\n"
        "download), then fetch each new article's page, extract it and make its brief. A page\n"
        "that cannot be used (paywall, error, too large, too slow) keeps the feed's own text,\n"
        "marked as such.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument(
        "-q", "--quiet", action="store_true", help="print nothing unless a feed fails (cron)"
    )
    p.add_argument(
        "--feeds-only",
        action="store_true",
        help="refresh the feeds only; new articles wait for their page until the next fetch",
    )
    p.add_argument(
        "--force", action="store_true", help="also retry failing feeds whose delay is not over"
    )
    p.add_argument(
        "--lock-wait",
        type=seconds,
        default=5.0,
        metavar="SECONDS",
        help="how long to wait for another running refresh (default 5)",
    )
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Refresh under the lock, show progress on a terminal, print the summary."""
    # The refresh pulls in httpx, feedparser and sqlite3: imported only when fetching.
    from brief.config import load_config
    from brief.refresh import refresh
    from brief.store import Store

    config = load_config(config_path(args))
    interactive = not args.quiet and sys.stderr.isatty()
    with Store.open() as store:
        if interactive:
            report = _with_progress_bar(
                lambda progress: refresh(
                    store,
                    config,
                    articles=not args.feeds_only,
                    progress=progress,
                    force=args.force,
                    lock_wait=args.lock_wait,
                )
            )
        else:
            report = refresh(
                store,
                config,
                articles=not args.feeds_only,
                force=args.force,
                lock_wait=args.lock_wait,
            )
    _print_report(report, quiet=args.quiet)
    return 0 if report.ok else FEEDS_FAILED


def _print_report(report: RefreshReport, *, quiet: bool) -> None:
    from brief.text import sanitize

    for failure in sorted(report.feeds_failed, key=lambda f: f.name.lower()):
        line = f"brief: feed failed: {failure.name}: {failure.error}"
        print(sanitize(line).replace("\n", " "), file=sys.stderr)
    if quiet:
        return
    for old, new in report.moved:
        print(
            sanitize(f"brief: note: feed {old} moved permanently to {new}; update the config"),
            file=sys.stderr,
        )
    print(report.summary_line())


def _with_progress_bar(work: Any) -> RefreshReport:
    """Run ``work(progress)`` with a Rich progress bar on stderr for its events."""
    from rich.console import Console
    from rich.markup import escape
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    from brief.text import sanitize

    bar = Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[item]}", markup=False),
        console=Console(stderr=True),
        transient=True,
    )
    tasks: dict[str, Any] = {}

    def progress(event: ProgressEvent) -> None:
        if event.outcome == "start":
            tasks[event.phase] = bar.add_task(escape(event.phase), total=event.total, item="")
            return
        # Labels are feed and article titles: untrusted, shown as plain text, one line.
        item = " ".join(sanitize(event.label).split())[:60]
        bar.update(tasks[event.phase], completed=event.done, item=item)

    with bar:
        report: RefreshReport = work(progress)
    return report
