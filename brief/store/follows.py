"""Followed speakers: the ones followed from the reader (stored) and the config's [[follow]] rules.

A rule's name is matched the way speakers are merged (brief.store.naming): "Abdoulaye Diop",
"Foreign Minister Abdoulaye Diop" and "abdoulaye diop" name one person; a bare "Diop" names the
only full-named Diop in the store (two Diops: neither, as at linking). A followed id that was
later merged into another speaker follows the one it joined.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import AbstractContextManager
from datetime import datetime
from typing import TYPE_CHECKING

from brief.store.naming import name_key
from brief.store.rows import now_utc, to_db_time

if TYPE_CHECKING:
    import sqlite3

    from brief.config import FollowRule


def current_id(conn: sqlite3.Connection, speaker_id: int) -> int | None:
    """The speaker ``speaker_id`` is now (following merges), or None when there is none."""
    seen: set[int] = set()
    current = speaker_id
    while current not in seen:
        seen.add(current)
        row = conn.execute(
            "SELECT merged_into FROM speaker_entities WHERE id = ?", (current,)
        ).fetchone()
        if row is None:
            return None
        if row[0] is None:
            return current
        current = int(row[0])
    return current


def _named(conn: sqlite3.Connection, name: str) -> Iterator[int]:
    keys = [k for k in (name_key(name, "person"), name_key(name, "organization")) if k]
    for key in keys:
        for (found,) in conn.execute(
            "SELECT id FROM speaker_entities WHERE name_key = ?", (key.key,)
        ).fetchall():
            yield int(found)
        if key.key.startswith("surname:") and key.surname:
            full = conn.execute(
                """SELECT id FROM speaker_entities WHERE surname = ? AND kind = 'person'
                       AND name_key LIKE 'person:%' AND merged_into IS NULL LIMIT 2""",
                (key.surname,),
            ).fetchall()
            if len(full) == 1:
                yield int(full[0][0])


def resolve_rules(conn: sqlite3.Connection, rules: Iterable[FollowRule]) -> set[int]:
    """The current ids of the speakers the config's rules name (names not seen yet: none)."""
    found: set[int] = set()
    for rule in rules:
        candidates = [rule.id] if rule.id is not None else list(_named(conn, rule.speaker or ""))
        for candidate in candidates:
            current = current_id(conn, candidate)
            if current is not None:
                found.add(current)
    return found


class Follows:
    """Following speakers (a part of brief.store.database.Store)."""

    def _read(self) -> AbstractContextManager[sqlite3.Connection]:
        raise NotImplementedError  # provided by Store

    def _write(self) -> AbstractContextManager[sqlite3.Connection]:
        raise NotImplementedError  # provided by Store

    def follow_speaker(
        self, speaker_id: int, followed: bool = True, *, now: datetime | None = None
    ) -> bool:
        """Follow (or, with ``followed`` False, stop following) stored speaker ``speaker_id``
        (the one it was merged into, if it was); False when there is no such speaker."""
        with self._write() as conn:
            current = current_id(conn, speaker_id)
            if current is None:
                return False
            # Any id in the merge chain may have been stored: clear them all, then set one.
            conn.execute(
                """DELETE FROM speaker_follows WHERE speaker_id = ? OR speaker_id IN (
                       SELECT id FROM speaker_entities WHERE merged_into = ?)""",
                (current, current),
            )
            if followed:
                conn.execute(
                    "INSERT INTO speaker_follows (speaker_id, since) VALUES (?, ?)",
                    (current, to_db_time(now or now_utc())),
                )
            return True

    def followed_speakers(self, rules: Iterable[FollowRule] = ()) -> frozenset[int]:
        """The current ids of every followed speaker: those followed in the reader and those
        the config's ``rules`` name."""
        with self._read() as conn:
            stored = [int(r[0]) for r in conn.execute("SELECT speaker_id FROM speaker_follows")]
            found = {c for c in (current_id(conn, s) for s in stored) if c is not None}
            found |= resolve_rules(conn, rules)
        return frozenset(found)
