"""Speaker identity across the store: each attributed person or organization links to a
stored speaker with a stable id, incrementally, one article at a time, with a reason.

The rules, in order (keys from brief.store.naming):

1. a full name (first and last, or an organization) joins the speaker with that key, else a
   new speaker is made; a new full name absorbs the unresolved bare-surname speaker of its
   surname when it is the only full name with that surname (the first "Johnson" quoted before
   any Boris Johnson was);
2. a bare surname joins the full name its own article gives ("Johnson" beside "Boris Johnson");
3. else the only full name with that surname in the store;
4. else it stays an unresolved surname speaker (two Johnsons, or none yet).

Each link row records the rule (``how``) so ``brief speakers show ID`` can explain a merge. A
merged speaker keeps its id: it points at the one it joined (``merged_into``). Roles are kept
with the first and last date they were seen.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from brief.models import NAMED_KINDS
from brief.store.naming import NameKey, name_key

if TYPE_CHECKING:
    import sqlite3


@dataclass(frozen=True, slots=True)
class _Said:
    name: str
    kind: str
    key: NameKey


def _create(conn: sqlite3.Connection, said: _Said) -> int:
    cur = conn.execute(
        """INSERT INTO speaker_entities (kind, name, name_key, surname, weight)
           VALUES (?, ?, ?, ?, ?)""",
        (said.kind, said.key.display, said.key.key, said.key.surname, said.key.weight),
    )
    return int(cur.lastrowid or 0)


def _by_key(conn: sqlite3.Connection, key: str) -> int | None:
    row = conn.execute(
        "SELECT id FROM speaker_entities WHERE name_key = ? AND merged_into IS NULL LIMIT 1",
        (key,),
    ).fetchone()
    return None if row is None else int(row[0])


def _full_with_surname(conn: sqlite3.Connection, surname: str) -> list[int]:
    rows = conn.execute(
        """SELECT id FROM speaker_entities WHERE surname = ? AND kind = 'person'
               AND name_key LIKE 'person:%' AND merged_into IS NULL LIMIT 2""",
        (surname,),
    )
    return [int(r[0]) for r in rows]


def merge(conn: sqlite3.Connection, old: int, new: int) -> None:
    """Fold speaker ``old`` into ``new``: its quotes, links and roles move, its id stays valid."""
    conn.execute("UPDATE quotes SET speaker_id = ? WHERE speaker_id = ?", (new, old))
    conn.execute("UPDATE speaker_links SET speaker_id = ? WHERE speaker_id = ?", (new, old))
    conn.execute(
        """INSERT INTO speaker_roles (speaker_id, role, first_seen, last_seen)
           SELECT ?, role, first_seen, last_seen FROM speaker_roles WHERE speaker_id = ?
           ON CONFLICT (speaker_id, role) DO UPDATE SET
               first_seen = min(first_seen, excluded.first_seen),
               last_seen = max(last_seen, excluded.last_seen)""",
        (new, old),
    )
    conn.execute("DELETE FROM speaker_roles WHERE speaker_id = ?", (old,))
    conn.execute("UPDATE speaker_entities SET merged_into = ? WHERE id = ?", (new, old))
    conn.execute("UPDATE speaker_entities SET merged_into = ? WHERE merged_into = ?", (new, old))


def _full(conn: sqlite3.Connection, said: _Said) -> tuple[int, str]:
    found = _by_key(conn, said.key.key)
    if found is not None:
        return found, "same name"
    new = _create(conn, said)
    surname = said.key.surname
    if surname is not None and _full_with_surname(conn, surname) == [new]:
        bare = _by_key(conn, f"surname:{surname}")
        if bare is not None:
            merge(conn, bare, new)
            conn.execute(
                "UPDATE speaker_links SET how = ? WHERE speaker_id = ? AND how LIKE 'unresolved%'",
                ("unresolved until the first full name with that surname came", new),
            )
    return new, "new speaker"


def _bare(
    conn: sqlite3.Connection, said: _Said, in_article: dict[str, list[_Said]]
) -> tuple[int, str]:
    surname = said.key.surname or ""
    here = in_article.get(surname, [])
    if len(here) == 1:
        full, _ = _full(conn, here[0])
        return full, f"named in full in the same article as {here[0].name}"
    if not here:
        candidates = _full_with_surname(conn, surname)
        if len(candidates) == 1:
            return candidates[0], "the only speaker with that surname in the store"
        why = "unresolved: several speakers have that surname" if candidates else "unresolved"
    else:
        why = "unresolved: the article names several with that surname"
    found = _by_key(conn, said.key.key)
    return (found if found is not None else _create(conn, said)), why


def link_article(
    conn: sqlite3.Connection, article_id: int, said: Iterable[tuple[str, str | None, str | None]]
) -> dict[str, int]:
    """Link the speakers of one article, given as (name, kind, role) of each of its quotes
    and statements, before its quotes are written; returns name -> speaker id (run again
    after a re-analysis: the article's old links go)."""
    conn.execute("DELETE FROM speaker_links WHERE article_id = ?", (article_id,))
    roles: dict[str, set[str]] = {}
    linked: list[_Said] = []
    for name, kind, role in said:
        if kind not in NAMED_KINDS:
            continue
        if name not in roles:
            roles[name] = set()
            key = name_key(name, kind)
            if key is not None:
                linked.append(_Said(name, kind, key))
        if role:
            roles[name].add(role)
    if not linked:
        return {}
    in_article: dict[str, list[_Said]] = {}
    for s in linked:
        if s.key.full and s.key.surname is not None:
            group = in_article.setdefault(s.key.surname, [])
            if all(other.key.key != s.key.key for other in group):
                group.append(s)
    when = conn.execute(
        "SELECT min(coalesce(published, fetched_at), fetched_at) FROM articles WHERE id = ?",
        (article_id,),
    ).fetchone()[0]
    ids: dict[str, int] = {}
    for s in sorted(linked, key=lambda x: not x.key.full):  # full names first
        speaker_id, how = _full(conn, s) if s.key.full else _bare(conn, s, in_article)
        ids[s.name] = speaker_id
        # The fullest name wins for display.
        conn.execute(
            "UPDATE speaker_entities SET name = ?, weight = ? WHERE id = ? AND weight < ?",
            (s.key.display, s.key.weight, speaker_id, s.key.weight),
        )
        conn.execute(
            "INSERT OR REPLACE INTO speaker_links (article_id, alias, speaker_id, how) "
            "VALUES (?, ?, ?, ?)",
            (article_id, s.name, speaker_id, how),
        )
        conn.executemany(
            """INSERT INTO speaker_roles (speaker_id, role, first_seen, last_seen)
               VALUES (?, ?, ?, ?)
               ON CONFLICT (speaker_id, role) DO UPDATE SET
                   first_seen = min(first_seen, excluded.first_seen),
                   last_seen = max(last_seen, excluded.last_seen)""",
            [(speaker_id, role, when, when) for role in sorted(roles[s.name])],
        )
    return ids


def link_pending(conn: sqlite3.Connection) -> int:
    """Link the articles stored before speaker identity existed (queued by its migration)."""
    ids = [int(r[0]) for r in conn.execute("SELECT article_id FROM speaker_pending")]
    for article_id in ids:
        rows = conn.execute(
            "SELECT id, speaker, speaker_kind, role FROM quotes WHERE article_id = ?"
            " AND speaker IS NOT NULL",
            (article_id,),
        ).fetchall()
        linked = link_article(conn, article_id, [(r[1], r[2], r[3]) for r in rows])
        conn.executemany(
            "UPDATE quotes SET speaker_id = ? WHERE id = ?",
            [(linked[r[1]], r[0]) for r in rows if r[1] in linked],
        )
    conn.execute("DELETE FROM speaker_pending")
    return len(ids)
