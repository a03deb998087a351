"""The digest's reads, in bounded batches: which articles, a compact gist of each, then briefs.

    choose:  digest_waiting / digest_stamped   ids and stamps only, no text, no brief
    pass 1:  digest_gists(ids)                 title, summary, actor names, key-quote fields
    pass 2:  digest_briefs(ids)                full briefs of one batch (no article text)

A digest over a long window never holds every brief at once: the grouping reads gists (made
by SQLite's JSON functions, not by parsing whole briefs in Python), and the stories, speakers
and actors are built a batch of briefs at a time. ``DigestReads`` is a part of
brief.store.database.Store.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from brief.models import Brief
from brief.store.queries import SORT_TIME, must_time
from brief.store.rows import from_db_time, to_db_time

if TYPE_CHECKING:
    import sqlite3

# Articles read per query: bounds the memory of a batch whatever the window.
BATCH = 500

_FEEDS = """(SELECT json_group_array(coalesce(f.name, f.title, f.url))
             FROM feed_articles fa JOIN feeds f ON f.id = fa.feed_id
             WHERE fa.article_id = a.id)"""
_GIST_COLUMNS = f"""a.id, {_FEEDS}, a.url,
    json_extract(a.brief, '$.title'), json_extract(a.brief, '$.site'),
    json_extract(a.brief, '$.language'), json_extract(a.brief, '$.source.url'),
    json_extract(a.brief, '$.summary'),
    (SELECT json_group_array(json_extract(value, '$.name')) FROM json_each(a.brief, '$.actors')
     WHERE json_extract(value, '$.mentions') > 0),
    (SELECT json_group_array(json_array(json_extract(value, '$.text'),
                                        json_extract(value, '$.speaker'),
                                        json_extract(value, '$.confidence')))
     FROM json_each(a.brief, '$.quotes'))"""


@dataclass(frozen=True, slots=True)
class Stamp:
    """An analyzed article a digest may take: when it was fetched and when a digest took it."""

    id: int
    fetched_at: datetime
    digested_at: datetime | None


@dataclass(frozen=True, slots=True)
class Gist:
    """What grouping and ranking read of one article; ``quotes`` are (text, speaker,
    confidence) of its direct quotations."""

    id: int
    feeds: tuple[str, ...]
    url: str | None
    title: str | None
    site: str | None
    language: str | None
    source_url: str | None
    summary: tuple[str, ...]
    names: tuple[str, ...]
    quotes: tuple[tuple[str, str | None, float | None], ...]


@dataclass(frozen=True, slots=True)
class BriefRow:
    """One article's brief (its article without text or paragraphs), its feeds and its
    stored publication time (the brief keeps only the day)."""

    id: int
    feeds: tuple[str, ...]
    url: str | None
    brief: Brief
    published: datetime | None


def _stamp(row: tuple[int, str, str | None]) -> Stamp:
    return Stamp(row[0], must_time(row[1]), from_db_time(row[2]))


def _gist(row: tuple[object, ...]) -> Gist:
    def text(value: object) -> str | None:
        return value if isinstance(value, str) else None

    quotes = tuple(
        (str(q[0] or ""), q[1], None if q[2] is None else float(q[2]))
        for q in json.loads(str(row[9] or "[]"))
    )
    return Gist(
        id=int(str(row[0])),
        feeds=tuple(json.loads(str(row[1] or "[]"))),
        url=text(row[2]),
        title=text(row[3]),
        site=text(row[4]),
        language=text(row[5]),
        source_url=text(row[6]),
        summary=tuple(json.loads(str(row[7] or "[]"))),
        names=tuple(n for n in json.loads(str(row[8] or "[]")) if isinstance(n, str)),
        quotes=quotes,
    )


class DigestReads:
    """The digest's batched reads (a part of brief.store.database.Store)."""

    def _read(self) -> AbstractContextManager[sqlite3.Connection]:
        raise NotImplementedError  # provided by Store

    def digest_waiting(self, since: datetime) -> list[Stamp]:
        """Analyzed articles fetched since ``since`` that no digest has taken, oldest first
        (the ids of Store.articles_for_digest, without reading their text or brief)."""
        with self._read() as conn:
            rows = conn.execute(
                f"""SELECT a.id, a.fetched_at, a.digested_at FROM articles a
                    WHERE a.extraction_status != 'pending' AND a.brief IS NOT NULL
                      AND a.digested_at IS NULL AND a.fetched_at >= ?
                    ORDER BY {SORT_TIME}, a.id""",
                (to_db_time(since),),
            )
            return [_stamp(r) for r in rows]

    def digest_stamped(self, start: datetime, end: datetime) -> list[Stamp]:
        """Analyzed articles a digest took, stamped in [start, end), oldest first."""
        with self._read() as conn:
            rows = conn.execute(
                f"""SELECT a.id, a.fetched_at, a.digested_at FROM articles a
                    WHERE a.brief IS NOT NULL AND a.digested_at >= ? AND a.digested_at < ?
                    ORDER BY {SORT_TIME}, a.id""",
                (to_db_time(start), to_db_time(end)),
            )
            return [_stamp(r) for r in rows]

    def digest_gists(self, ids: Sequence[int]) -> Iterator[Gist]:
        """The gists of these articles, in the order of ``ids``, read ``BATCH`` at a time."""
        for first in range(0, len(ids), BATCH):
            chunk = list(ids[first : first + BATCH])
            marks = ", ".join("?" * len(chunk))
            with self._read() as conn:
                sql = f"SELECT {_GIST_COLUMNS} FROM articles a WHERE a.id IN ({marks})"
                found = {g.id: g for g in map(_gist, conn.execute(sql, chunk))}
            yield from (found[i] for i in chunk if i in found)

    def digest_briefs(self, ids: Sequence[int]) -> list[BriefRow]:
        """The briefs of these articles (at most a batch: the caller bounds ``ids``), in the
        order of ``ids``; an article gone since it was chosen is left out."""
        if not ids:
            return []
        marks = ", ".join("?" * len(ids))
        with self._read() as conn:
            sql = f"""SELECT a.id, {_FEEDS}, a.url, a.brief, a.published FROM articles a
                      WHERE a.id IN ({marks}) AND a.brief IS NOT NULL"""
            found = {
                r[0]: BriefRow(
                    r[0],
                    tuple(json.loads(r[1] or "[]")),
                    r[2],
                    Brief.from_json(json.loads(r[3])),
                    from_db_time(r[4]),
                )
                for r in conn.execute(sql, list(ids))
            }
        return [found[i] for i in ids if i in found]
