"""`brief digest` as one function: lock, refresh, choose, assemble, render, deliver, mark.

    outcome = run_digest(config, DigestRequest(fmt="html", output="~/d/{date}.html"),
                         stdout=sys.stdout.buffer, warn=print_warning)

The command (brief.commands.digest) only turns options into a DigestRequest and prints the
warnings; tests and other front ends call this the same way.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, BinaryIO

from brief.config import Config
from brief.digest.delivery import Outcome, deliver, locked
from brief.digest.request import (
    DigestRequest,
    delivery_for,
    mail_settings_from,
    selection_for,
    shape_for,
)
from brief.errors import LockedError

if TYPE_CHECKING:
    from brief.store import Store


def run_digest(
    config: Config,
    request: DigestRequest,
    *,
    stdout: BinaryIO,
    warn: Callable[[str], object],
    now: datetime | None = None,
) -> Outcome:
    """One digest run: everything is checked before the lock is taken, then under the lock
    the feeds are refreshed (unless ``request.fetch`` is False), the digest is delivered and
    its articles marked. ``warn`` gets what the user should know but is not a failure: a
    refresh already running elsewhere, recipients the mail server refused, an empty digest not
    written over an earlier one or not mailed.
    """
    # The store, the refresh (httpx, feedparser, the analysis) load only when a digest runs.
    from brief.store import Store

    now = now or datetime.now().astimezone()
    selection = selection_for(request, config, now)
    delivery = delivery_for(request, config)
    mail_settings = mail_settings_from(config) if request.mail else None
    with locked(request.lock_wait):
        store = Store.open()
        try:
            if request.fetch:
                _refresh(store, config, warn)
            outcome = deliver(
                store,
                selection,
                delivery,
                now=now,
                stdout=stdout,
                mail_settings=mail_settings,
                shape=shape_for(config),
            )
        finally:
            store.close()
    if outcome.refused:
        warn(f"the mail server refused {', '.join(outcome.refused)}")
    for note in outcome.notes:
        warn(note)
    return outcome


def _refresh(store: Store, config: Config, warn: Callable[[str], object]) -> None:
    """Refresh every feed first, as `brief fetch` would; failures show in the digest.

    A refresh already running (a `brief fetch` from another cron line) is not an error for
    the digest: it is a warning, and the digest covers what is stored.
    """
    from brief.refresh import refresh

    try:
        refresh(store, config, progress=None)
    except LockedError as err:
        warn(f"feeds not refreshed: {err}")
