"""`brief digest`: the day's news grouped into stories, with who said what; made for cron."""

from __future__ import annotations

import argparse
import os
import sys
from datetime import datetime
from typing import TYPE_CHECKING, Any

from brief.commands.options import seconds
from brief.errors import ConfigError, LockedError, UsageError

if TYPE_CHECKING:
    from brief.config import Config
    from brief.digest import MailSettings
    from brief.store import Store

FORMATS = ("markdown", "html", "text", "json")

EPILOG = """\
Articles are marked as digested only once the digest is written (--output), accepted by the
mail server (--mail) or flushed to stdout; a run that fails repeats them next time. The
digest is silent on success unless it writes to stdout. See docs/digest.md for cron and
systemd examples and the JSON shape.

exit codes:
  0   success
  2   bad option or argument
  10  invalid configuration file (or digest.smtp incomplete for --mail)
  11  database unusable
  13  the output file could not be written
  14  the mail was not accepted (connection, TLS, login, every recipient refused)
  15  another brief digest is running and did not finish within --lock-wait
"""


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
        choices=FORMATS,
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
    """Lock, refresh (unless --no-fetch), build, deliver, mark."""
    # Imported here, not at module level: `brief --help` must not pay for smtplib and co.
    from pathlib import Path

    from brief.config import load_config, parse_duration
    from brief.digest import Delivery, Selection, deliver, locked, parse_day

    given = getattr(args, "config", None)  # the common --config option of brief.cli
    config = load_config(Path(given).expanduser() if given else None)
    now = datetime.now().astimezone()
    span = args.since or config.digest.since
    try:
        window = parse_duration(span)
    except ValueError:
        raise UsageError(f"invalid --since {span!r}: use e.g. 90m, 24h, 7d or 2w") from None
    if args.date:
        selection = Selection("date", parse_day(args.date, now.date()), window)
    else:
        selection = Selection("new", now.date(), window)
    output = args.output or _configured_output(config)
    delivery = Delivery(fmt=args.format or config.digest.format, output=output, mail=args.mail)
    mail_settings = mail_settings_from(config) if args.mail else None
    with locked(args.lock_wait):
        store = _open_store()
        try:
            if not args.no_fetch:
                _refresh(store, config)
            outcome = deliver(
                store,
                selection,
                delivery,
                now=now,
                stdout=sys.stdout.buffer,
                mail_settings=mail_settings,
            )
        finally:
            store.close()
    if outcome.refused:
        print(
            f"brief: warning: the mail server refused {', '.join(outcome.refused)}",
            file=sys.stderr,
        )
    return 0


def _open_store() -> Store:
    from brief.store import Store

    return Store.open()


def _refresh(store: Store, config: Config) -> None:
    """Refresh every feed first, as `brief fetch` would; failures show in the digest.

    A refresh already running (a `brief fetch` from another cron line) is not an error for
    the digest: it says so on stderr and digests what is stored.
    """
    # The refresh pulls in httpx, feedparser and the analysis: only when refreshing.
    from brief.refresh import refresh

    try:
        refresh(store, config, progress=None)
    except LockedError as err:
        print(f"brief: warning: feeds not refreshed: {err}", file=sys.stderr)


def _configured_output(config: Config) -> str | None:
    value = config.digest.output
    if value is None or str(value) in ("", "."):
        return None
    return str(value)


def mail_settings_from(config: Config) -> MailSettings:
    """SMTP settings of the config, with the password read from the named variable."""
    from brief.digest import MailSettings

    smtp = config.digest.smtp
    missing = [
        key
        for key, value in (("host", smtp.host), ("from", smtp.sender), ("to", smtp.to))
        if not value
    ]
    if missing:
        keys = ", ".join(f"digest.smtp.{k}" for k in missing)
        raise ConfigError(f"--mail needs {keys} in the config")
    password = None
    if smtp.username:
        if not smtp.password_env:
            raise ConfigError("digest.smtp.username is set but digest.smtp.password_env is not")
        password = os.environ.get(smtp.password_env)
        if password is None:
            raise ConfigError(
                f"the environment variable {smtp.password_env} (digest.smtp.password_env) "
                "holding the SMTP password is not set"
            )
    assert smtp.host is not None and smtp.sender is not None
    return MailSettings(
        host=smtp.host,
        port=smtp.port,
        security=smtp.security,
        sender=smtp.sender,
        recipients=tuple(smtp.to),
        username=smtp.username or None,
        password=password,
    )
