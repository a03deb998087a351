"""The reads of the reader's speaker page and followed marks: who of the followed is quoted in
which articles, and the people quoted beside them (what a speaker said: brief.store.quotations).

``SpeakerViewReads`` is a part of brief.store.database.Store (its ``_read`` transaction turns
sqlite3 errors into StoreError).
"""

from __future__ import annotations

from collections.abc import Iterable
from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import sqlite3


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
