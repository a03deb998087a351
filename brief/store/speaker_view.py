"""The reads of the reader's speaker page and followed marks: who of the followed is quoted in
which articles, a speaker's quotes with their outlets, and the people quoted beside them.

``SpeakerViewReads`` is a part of brief.store.database.Store (its ``_read`` transaction turns
sqlite3 errors into StoreError).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from brief.store.queries import SORT_TIME
from brief.store.rows import from_db_time

if TYPE_CHECKING:
    import sqlite3


@dataclass(frozen=True, slots=True)
class SpeakerQuote:
    """One quotation or statement of a speaker, with its article, outlets and role then."""

    article_id: int
    article_title: str | None
    article_url: str | None
    published: datetime | None  # the article's listing time (publication, or fetch)
    feeds: tuple[str, ...]  # display names of the feeds carrying the article
    role: str | None
    text: str
    is_statement: bool
    summary: str  # the article's summary (what story grouping compares)


@dataclass(frozen=True, slots=True)
class QuotedBeside:
    """Another stored speaker quoted in the same articles, and in how many of them."""

    id: int
    name: str
    kind: str | None
    articles: int


class SpeakerViewReads:
    """Reads for the speaker page and the followed marks (a part of brief.store.database.Store)."""

    def _read(self) -> AbstractContextManager[sqlite3.Connection]:
        raise NotImplementedError  # provided by Store

    def followed_in(
        self, speaker_ids: Iterable[int], article_ids: Iterable[int]
    ) -> dict[int, tuple[str, ...]]:
        """For those of ``article_ids`` quoting one of ``speaker_ids``: the speakers' names, most
        quoted in the article first."""
        speakers, articles = sorted(set(speaker_ids)), sorted(set(article_ids))
        if not speakers or not articles:
            return {}
        with self._read() as conn:
            rows = conn.execute(
                f"""SELECT q.article_id, e.name FROM quotes q
                    JOIN speaker_entities e ON e.id = q.speaker_id
                    WHERE q.speaker_id IN ({", ".join("?" * len(speakers))})
                      AND q.article_id IN ({", ".join("?" * len(articles))})
                    GROUP BY q.article_id, e.id ORDER BY q.article_id, count(*) DESC, e.name""",
                (*speakers, *articles),
            ).fetchall()
        out: dict[int, list[str]] = {}
        for article_id, name in rows:
            out.setdefault(int(article_id), []).append(name)
        return {k: tuple(v) for k, v in out.items()}

    def speaker_quotes(self, speaker_id: int, limit: int = 200) -> list[SpeakerQuote]:
        """What stored speaker ``speaker_id`` said: newest article first, in text order within
        an article, at most ``limit``."""
        with self._read() as conn:
            rows = conn.execute(
                f"""SELECT a.id, a.title, a.url, {SORT_TIME},
                           (SELECT json_group_array(coalesce(f.name, f.title, f.url))
                            FROM feed_articles fa JOIN feeds f ON f.id = fa.feed_id
                            WHERE fa.article_id = a.id),
                           q.role, q.text, q.is_statement,
                           coalesce((SELECT group_concat(s.value, ' ')
                                     FROM json_each(a.brief, '$.summary') s), '')
                    FROM quotes q JOIN articles a ON a.id = q.article_id
                    WHERE q.speaker_id = ?
                    ORDER BY {SORT_TIME} DESC, a.id DESC, q.start_offset LIMIT ?""",
                (speaker_id, limit),
            ).fetchall()
        return [
            SpeakerQuote(r[0], r[1], r[2], from_db_time(r[3]), tuple(json.loads(r[4] or "[]")),
                         r[5], r[6], bool(r[7]), r[8])
            for r in rows
        ]  # fmt: skip

    def quoted_beside(self, speaker_id: int, limit: int = 10) -> list[QuotedBeside]:
        """Other stored speakers quoted in the articles that quote ``speaker_id``, in the most
        such articles first (then by name)."""
        with self._read() as conn:
            rows = conn.execute(
                """SELECT e.id, e.name, e.kind, count(DISTINCT o.article_id) FROM quotes o
                   JOIN speaker_entities e ON e.id = o.speaker_id
                   WHERE o.article_id IN (SELECT article_id FROM quotes WHERE speaker_id = ?)
                     AND o.speaker_id != ?
                   GROUP BY e.id ORDER BY count(DISTINCT o.article_id) DESC, e.name LIMIT ?""",
                (speaker_id, speaker_id, limit),
            ).fetchall()
        return [QuotedBeside(int(r[0]), r[1], r[2], int(r[3])) for r in rows]
