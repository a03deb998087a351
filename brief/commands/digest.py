"""`brief digest`: the day's news grouped into stories, with who said what; made for cron."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from brief.choices import DIGEST_FORMATS
from brief.commands.options import seconds
from brief.errors import (
    SUCCESS,
    ConfigError,
    FileWriteError,
    LockedError,
    MailError,
    StoreError,
    UsageError,
    exit_code_table,
)

EPILOG = """\
Articles are marked as digested only once the digest is written (--output), accepted by the
mail server (--mail) or flushed to stdout; a run that fails repeats them next time, and
--dry-run marks none (a look at the digest without using it up). The
digest is silent on success unless it writes to stdout. See docs/digest.md for cron and
systemd examples and the JSON shape.

""" + exit_code_table(
    {
        SUCCESS,
        UsageError.exit_code,
        ConfigError.exit_code,
        StoreError.exit_code,
        FileWriteError.exit_code,
        MailError.exit_code,
        LockedError.exit_code,
    },
    {
        ConfigError.exit_code: "also digest.smtp incomplete for --mail",
        MailError.exit_code: "connection, TLS, login, every recipient refused",
        LockedError.exit_code: "another brief digest, past --lock-wait",
    },
)


def register(sub: Any) -> None:
    """Add the digest command to the CLI's subparsers."""
    p = sub.add_parser(
        "digest",
        help="one digest of what is new: stories across feeds, who said what",
        description="Refresh the feeds, then write one digest of the articles that are new\n"
        "since the last digest: near-duplicate articles from different feeds grouped into\n"
        "stories (headline, short summary, key quotes, every source), a 'Who said what'\n"
        "section, the day's top actors and the feeds that failed.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    when = p.add_mutually_exclusive_group()
    when.add_argument(
        "--since",
        metavar="SPAN",
        help="only articles stored in this window, e.g. 90m, 24h, 7d, 2w "
        "(default: digest.since in the config, 24h)",
    )
    when.add_argument(
        "--date",
        metavar="DAY",
        help="rebuild the digest of DAY (YYYY-MM-DD, today or yesterday): the same articles "
        "as that day's digest, plus any undigested ones stored that day",
    )
    p.add_argument(
        "-f",
        "--format",
        choices=DIGEST_FORMATS,
        help="output format (default: digest.format in the config, markdown)",
    )
    p.add_argument(
        "-o",
        "--output",
        metavar="PATH",
        help="write to PATH instead of stdout, atomically; {date} becomes the digest's date",
    )
    p.add_argument(
        "--mail",
        action="store_true",
        help="send the digest through the SMTP server of the config (digest.smtp)",
    )
    p.add_argument(
        "--dry-run",
        action="store_true",
        help="print the digest to stdout and mark nothing: the next digest covers the same "
        "articles (cannot go with --output or --mail)",
    )
    p.add_argument(
        "--no-fetch",
        action="store_true",
        help="digest what is stored, without refreshing the feeds first",
    )
    p.add_argument(
        "--lock-wait",
        type=seconds,
        default=5.0,
        metavar="SECONDS",
        help="how long to wait for another running digest before giving up (default 5)",
    )
    # --config PATH is a common option of every command (brief.cli).
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Lock, refresh (unless --no-fetch), build, deliver, mark: brief.digest.run_digest."""
    # Imported here, not at module level: `brief --help` must not pay for smtplib and co.
    from pathlib import Path

    from brief.config import load_config
    from brief.digest import DigestRequest, run_digest

    given = getattr(args, "config", None)  # the common --config option of brief.cli
    config = load_config(Path(given).expanduser() if given else None)
    request = DigestRequest(
        since=args.since,
        date=args.date,
        fmt=args.format,
        output=args.output,
        mail=args.mail,
        fetch=not args.no_fetch,
        lock_wait=args.lock_wait,
        dry_run=args.dry_run,
    )
    run_digest(config, request, stdout=sys.stdout.buffer, warn=_warn)
    return 0


def _warn(message: str) -> None:
    print(f"brief: warning: {message}", file=sys.stderr)
