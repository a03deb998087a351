"""One digest run, made for cron: lock, refresh, choose, assemble, render, deliver, then mark.

    hold_lock(digest.lock) ─ refresh? ─ choose ─ assemble ─ render ─┬─ --output: write_output
                                                                    ├─ --mail: SMTP accepted
                                                                    └─ else: stdout flushed
                                                      only then ─ mark the articles digested

A crash anywhere before the mark leaves the articles undigested: the next run repeats them, none
is lost. A digest with nothing new never replaces a digest file already written, and is never
mailed: the run says so (Outcome.notes). Articles are stamped with the digest's date, so
rebuilding a date (``--date``) gives the same digest again.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO, Literal

from brief import paths
from brief.choices import DigestFormat
from brief.digest.batched import assemble_stored
from brief.digest.html import to_html
from brief.digest.mail import MailSettings, build_message, send
from brief.digest.model import Digest, FailedFeed
from brief.digest.rank import DEFAULT_SHAPE, DigestShape
from brief.digest.render import to_json, to_markdown, to_text
from brief.errors import FileWriteError, MailError, OutputError, UsageError
from brief.files import hold_lock, write_output

if TYPE_CHECKING:
    from brief.store import Store

# How long an overlapping run waits for the one in progress before giving up (exit 15).
LOCK_WAIT_SECONDS = 5.0
# Ids asked about per ignore-rule query (SQLite caps the parameters of one statement).
HIDDEN_BATCH = 10_000

# "new": what no digest has covered yet; "date": the digest of one day, rebuilt.
SelectionMode = Literal["new", "date"]


@dataclass(frozen=True, slots=True)
class Selection:
    """Which articles a digest covers.

    ``new``: articles in no digest yet, stored within ``window`` (config digest.since or
    ``--since``). ``date``: the digest of ``day`` rebuilt: the articles stamped with that date,
    plus any undigested ones stored that day (for today: within the window), which it stamps.
    """

    mode: SelectionMode
    day: date
    window: timedelta

    @property
    def label(self) -> str:
        """The selection in words, as the digest shows it."""
        if self.mode == "date":
            return f"the digest of {self.day.isoformat()}"
        return f"new since the last digest, stored in the last {_span_words(self.window)}"


@dataclass(frozen=True, slots=True)
class Delivery:
    """Where the digest goes: a file (``{date}`` placeholder), mail, or stdout; a dry run
    goes to stdout and marks nothing."""

    fmt: DigestFormat
    output: str | None = None
    mail: bool = False
    dry_run: bool = False


@dataclass(frozen=True, slots=True)
class Outcome:
    """What a run did: the digest, where it went, how many articles it stamped."""

    digest: Digest
    written: Path | None
    mailed: bool
    refused: tuple[str, ...]
    marked: int
    notes: tuple[str, ...] = ()  # what was held back, for stderr: an empty digest kept away


def _span_words(span: timedelta) -> str:
    """A window in words: "90 minutes", "24 hours", "7 days"."""
    minutes = int(span.total_seconds() // 60)
    if minutes % 60:
        return f"{minutes} minutes"
    hours = minutes // 60
    if hours % 24 or hours < 48:
        return f"{hours} hour{'s' * (hours != 1)}"
    return f"{hours // 24} days"


def parse_day(value: str, today: date) -> date:
    """ "YYYY-MM-DD", "today" or "yesterday" -> a date (UsageError otherwise)."""
    word = value.strip().lower()
    if word == "today":
        return today
    if word == "yesterday":
        return today - timedelta(days=1)
    try:
        return date.fromisoformat(word)
    except ValueError:
        raise UsageError(f"invalid --date {value!r}: use YYYY-MM-DD, today or yesterday") from None


def output_path(template: str, day: date) -> Path:
    """The output file for a day: ``{date}`` becomes YYYY-MM-DD, ``~`` the home folder."""
    if "{" in template.replace("{date}", ""):
        raise UsageError(f"invalid --output {template!r}: the only placeholder is {{date}}")
    return Path(os.path.expanduser(template.replace("{date}", day.isoformat())))


@dataclass(frozen=True, slots=True)
class Chosen:
    """The ids of a digest's articles, and which of them to stamp (at ``stamp_at``) once
    delivered."""

    ids: list[int]
    to_stamp: list[int]
    stamp_at: datetime


def choose(store: Store, selection: Selection, now: datetime) -> Chosen:
    """The articles of the selection, each once, ordered by id (their ids and stamps only:
    the briefs are read in batches when the digest is assembled).

    Stamps are times: a digest's articles are those stamped within its day (local time).
    A rebuilt past day stamps its newcomers at that day's midnight so it finds them again.
    """
    start = datetime.combine(selection.day, time.min, tzinfo=now.tzinfo)
    end = start + timedelta(days=1)
    if selection.mode == "new":
        stored = store.digest_waiting(now - selection.window)
        stamp_at = now
    else:
        stored = store.digest_stamped(start, end)
        if selection.day == now.date():
            # Today's digest also takes in whatever is waiting, as a plain run would.
            stored += store.digest_waiting(now - selection.window)
            stamp_at = now
        else:
            waiting = store.digest_waiting(start)
            stored += [a for a in waiting if a.fetched_at < end]
            stamp_at = start
    unique = {a.id: a for a in stored}
    ids = sorted(unique)
    return Chosen(ids, [i for i in ids if unique[i].digested_at is None], stamp_at)


def failed_feeds(store: Store) -> list[FailedFeed]:
    """Feeds whose last refresh failed (a failure count above zero)."""
    return [
        FailedFeed(f.display_name, f.url, f.last_error or "failed", f.error_count)
        for f in store.list_feeds()
        if f.error_count > 0
    ]


def render(digest: Digest, fmt: DigestFormat) -> str:
    """The digest as markdown (default), html, text or json."""
    if fmt == "html":
        return to_html(digest)
    if fmt == "json":
        return to_json(digest)
    if fmt == "text":
        return to_text(digest)
    return to_markdown(digest)


def subject(digest: Digest) -> str:
    """The mail subject: the date and the top story (made header-safe by brief.digest.mail)."""
    if digest.empty:
        return f"brief digest {digest.date}: nothing new"
    top = digest.stories[0].headline
    more = digest.story_count - 1
    return f"brief digest {digest.date}: {top}" + (f" (+{more} more)" if more else "")


def deliver(
    store: Store,
    selection: Selection,
    delivery: Delivery,
    *,
    now: datetime,
    stdout: BinaryIO,
    mail_settings: MailSettings | None = None,
    shape: DigestShape = DEFAULT_SHAPE,
) -> Outcome:
    """Choose, assemble, render and deliver one digest; mark its articles only once delivered
    (a dry run marks nothing).

    The caller holds the digest lock (``locked``) and has refreshed the feeds if asked to.
    """
    chosen = choose(store, selection, now)
    # What the ignore rules hide is left out, and left unstamped (a rule that goes lets it in).
    hidden: set[int] = set()
    for first in range(0, len(chosen.ids), HIDDEN_BATCH):
        hidden |= store.hidden_ids(shape.ignore, chosen.ids[first : first + HIDDEN_BATCH])
    ids = [i for i in chosen.ids if i not in hidden]
    chosen = Chosen(ids, [i for i in chosen.to_stamp if i not in hidden], chosen.stamp_at)
    # Who said what goes by stored speaker (aliases merged); followed ones open the digest.
    followed = store.followed_speakers(shape.follow_speakers)
    digest = assemble_stored(
        store,
        ids,
        failed_feeds(store),
        selection.day.isoformat(),
        selection.label,
        shape,
        followed,
    )
    digest = replace(digest, hidden=len(hidden))
    body = render(digest, delivery.fmt).encode("utf-8")
    written: Path | None = None
    refused: tuple[str, ...] = ()
    notes: list[str] = []
    if delivery.output:
        target = output_path(delivery.output, selection.day)
        if digest.empty and _holds_a_digest(target):
            notes.append(f"nothing new: {target} kept as it was")
        else:
            written = target
            try:
                write_output(written, body)
            except FileWriteError as err:
                # Said as the digest's failure: it was not delivered, and nothing gets marked.
                raise OutputError(str(err)) from err
    if delivery.mail:
        if mail_settings is None:
            raise MailError("--mail needs digest.smtp settings in the config")
        if digest.empty:
            notes.append("nothing new: no mail sent")
        else:
            refused = tuple(_mail(digest, delivery.fmt, mail_settings))
    if not delivery.output and not delivery.mail:
        stdout.write(body)
        # A failed flush (full disk, closed pipe) raises here, before anything is marked.
        stdout.flush()
    if delivery.dry_run:
        return Outcome(digest, None, False, (), 0)
    store.mark_digested(chosen.to_stamp, at=chosen.stamp_at)
    mailed = delivery.mail and not digest.empty
    return Outcome(digest, written, mailed, refused, len(chosen.to_stamp), tuple(notes))


def _holds_a_digest(path: Path) -> bool:
    """True when ``path`` is a regular file with something in it (an earlier digest)."""
    try:
        found = os.stat(path)
    except OSError:
        return False
    return stat.S_ISREG(found.st_mode) and found.st_size > 0


def _mail(digest: Digest, fmt: DigestFormat, settings: MailSettings) -> list[str]:
    """Send text (Markdown when that is the format) with the HTML digest as its alternative."""
    text = to_markdown(digest) if fmt == "markdown" else to_text(digest)
    message = build_message(settings, subject(digest), text, to_html(digest))
    return send(settings, message)


@contextmanager
def locked(wait: float = LOCK_WAIT_SECONDS) -> Iterator[None]:
    """Hold the digest lock: one digest at a time per data folder."""
    with hold_lock(paths.lock_file("digest"), wait, what="another brief digest"):
        yield
