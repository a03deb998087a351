"""What one `brief digest` run is asked for, resolved against the config: which articles, which
format, where to, and the SMTP settings when it is mailed."""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import datetime

from brief.choices import DigestFormat
from brief.config import Config, parse_duration
from brief.digest.delivery import LOCK_WAIT_SECONDS, Delivery, Selection, parse_day
from brief.digest.mail import MailSettings
from brief.digest.rank import DigestShape
from brief.errors import ConfigError, UsageError


@dataclass(frozen=True, slots=True)
class DigestRequest:
    """A digest run as the user asks for it; None means "as the config says".

    ``since`` is a span ("24h", "7d"); ``date`` a day ("2026-12-01", "today", "yesterday")
    whose digest is rebuilt; ``fetch`` refreshes the feeds first; ``dry_run`` prints the
    digest to stdout and marks nothing (a peek: the next run still covers the articles).
    """

    since: str | None = None
    date: str | None = None
    fmt: DigestFormat | None = None
    output: str | None = None
    mail: bool = False
    fetch: bool = True
    lock_wait: float = LOCK_WAIT_SECONDS
    dry_run: bool = False


def selection_for(request: DigestRequest, config: Config, now: datetime) -> Selection:
    """The articles the request covers (UsageError for a bad span or day)."""
    span = request.since or config.digest.since
    try:
        window = parse_duration(span)
    except ValueError:
        raise UsageError(f"invalid --since {span!r}: use e.g. 90m, 24h, 7d or 2w") from None
    if request.date:
        return Selection("date", parse_day(request.date, now.date()), window)
    return Selection("new", now.date(), window)


def delivery_for(request: DigestRequest, config: Config) -> Delivery:
    """Where the digest goes: the request's output, else the config's, else stdout (always
    stdout for a dry run, which refuses --output and --mail)."""
    fmt = request.fmt or config.digest.format
    if request.dry_run:
        if request.output or request.mail:
            raise UsageError("--dry-run prints the digest: it cannot go with --output or --mail")
        return Delivery(fmt=fmt, dry_run=True)
    output = request.output or _configured_output(config)
    return Delivery(fmt=fmt, output=output, mail=request.mail)


def shape_for(config: Config) -> DigestShape:
    """The digest's length, followed feeds and speakers, and ignore rules, from the config."""
    digest = config.digest
    return DigestShape(
        digest.max_stories,
        digest.max_speakers,
        tuple(digest.follow),
        tuple(config.ignore),
        tuple(config.follow),
    )


def _configured_output(config: Config) -> str | None:
    value = config.digest.output
    if value is None or str(value) in ("", "."):
        return None
    return str(value)


def mail_settings_from(config: Config) -> MailSettings:
    """SMTP settings of the config, with the password read from the named variable."""
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
