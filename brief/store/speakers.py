"""The store's queries about who said what: speakers, their quotes, and full-text search.

Search takes plain words as typed ("U.S. election" finds both words, punctuation and all) and
FTS5 syntax when the query uses it (quotes, AND/OR/NOT/NEAR, prefix*, column:, ^).
"""

from __future__ import annotations

import re
from contextlib import AbstractContextManager
from typing import TYPE_CHECKING

from brief.store.queries import SORT_TIME, SUMMARY_COLUMNS, SUMMARY_WIDTH, summary, where
from brief.store.rows import (
    MATCH_END,
    MATCH_START,
    ArticleFilter,
    QuoteRow,
    SearchHit,
    SpeakerCount,
    from_db_time,
)

if TYPE_CHECKING:
    import sqlite3

_FTS_SYNTAX = re.compile(r"""["()*:^]|\b(?:AND|OR|NOT|NEAR)\b""")
# Column weights for bm25: title, text, quotes, speakers.
_WEIGHTS = "10.0, 1.0, 3.0, 5.0"


def fts_query(query: str) -> str:
    """The FTS5 expression for what the user typed (see the module docstring)."""
    if _FTS_SYNTAX.search(query):
        return query
    return " ".join('"' + word.replace('"', '""') + '"' for word in query.split())


def search_rows(conn: sqlite3.Connection, query: str, limit: int, offset: int) -> list[SearchHit]:
    """Articles matching ``query``, best first, each with a snippet.

    Raises sqlite3.OperationalError for a malformed FTS5 expression; Store.search explains it.
    """
    # The best ``limit`` are ranked from the index alone; only they are read and get a snippet
    # (a snippet reads the row's text through the view articles_search: for every match of a
    # common word that was most of the time of a search).
    expression = fts_query(query)
    rows = conn.execute(
        f"""WITH best AS (
                SELECT rowid AS id, bm25(articles_fts, {_WEIGHTS}) AS score FROM articles_fts
                WHERE articles_fts MATCH :query ORDER BY score LIMIT :limit OFFSET :offset)
            SELECT {SUMMARY_COLUMNS}, snippet(articles_fts, -1, :start, :end, '…', 16)
            FROM best JOIN articles_fts ON articles_fts.rowid = best.id
                JOIN articles a ON a.id = best.id
            WHERE articles_fts MATCH :query ORDER BY best.score, best.id""",
        {"query": expression, "limit": limit, "offset": offset, "start": MATCH_START,
         "end": MATCH_END},
    )  # fmt: skip
    return [SearchHit(summary(r[:SUMMARY_WIDTH]), r[SUMMARY_WIDTH]) for r in rows]


class SaidReads:
    """Reading speakers and quotes (a part of brief.store.database.Store)."""

    def _read(self) -> AbstractContextManager[sqlite3.Connection]:
        raise NotImplementedError  # provided by Store

    def speakers(
        self, flt: ArticleFilter | None = None, *, named_only: bool = True, limit: int = 200
    ) -> list[SpeakerCount]:
        """Who is quoted in the matching articles, most quoted first; ``named_only`` keeps
        people and organizations (not "a protester")."""
        condition, params = where(flt)
        kinds = "AND q.speaker_kind IN ('person', 'organization')" if named_only else ""
        with self._read() as conn:
            rows = conn.execute(
                f"""SELECT q.speaker, max(q.speaker_kind),
                           (SELECT r.role FROM quotes r WHERE r.speaker = q.speaker
                            AND r.role IS NOT NULL ORDER BY r.id DESC LIMIT 1),
                           sum(q.is_statement = 0), sum(q.is_statement),
                           count(DISTINCT q.article_id)
                    FROM quotes q JOIN articles a ON a.id = q.article_id
                    WHERE q.speaker IS NOT NULL {kinds} AND {condition}
                    GROUP BY q.speaker ORDER BY count(*) DESC, q.speaker LIMIT ?""",
                (*params, limit),
            )
            return [SpeakerCount(*r) for r in rows]

    def quotes_by_speaker(
        self, name: str, flt: ArticleFilter | None = None, limit: int = 500
    ) -> list[QuoteRow]:
        """What ``name`` said: newest article first, in text order within an article."""
        condition, params = where(flt)
        with self._read() as conn:
            rows = conn.execute(
                f"""SELECT a.id, a.title, a.url, a.published, q.speaker, q.speaker_kind,
                           q.role, q.text, q.is_statement
                    FROM quotes q JOIN articles a ON a.id = q.article_id
                    WHERE q.speaker = ? AND {condition}
                    ORDER BY {SORT_TIME} DESC, a.id DESC, q.start_offset LIMIT ?""",
                (name, *params, limit),
            )
            return [
                QuoteRow(r[0], r[1], r[2], from_db_time(r[3]), r[4], r[5], r[6], r[7], bool(r[8]))
                for r in rows
            ]
