"""The store's queries about who said what: speakers, their quotes, and full-text search.

Search takes plain words as typed ("U.S. election" finds both words, punctuation and all) and
FTS5 syntax when the query uses it (quotes, AND/OR/NOT/NEAR, prefix*, column:, ^).
"""

from __future__ import annotations

import re
from contextlib import AbstractContextManager
from typing import TYPE_CHECKING

from brief.config import FollowRule
from brief.store.follows import current_id, resolve_rules
from brief.store.queries import SORT_TIME, SUMMARY_COLUMNS, SUMMARY_WIDTH, summary, where
from brief.store.quotations import Quotation, quotation_rows
from brief.store.rows import (
    MATCH_END,
    MATCH_START,
    ArticleFilter,
    SearchHit,
    SpeakerCount,
    SpeakerDetail,
    SpeakerLink,
    SpeakerRole,
    from_db_time,
)

if TYPE_CHECKING:
    import sqlite3
    from collections.abc import Collection

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
        self,
        flt: ArticleFilter | None = None,
        *,
        named_only: bool = True,
        limit: int = 200,
        query: str | None = None,
    ) -> list[SpeakerCount]:
        """Who is quoted in the matching articles, one row per stored speaker (its aliases
        merged), most quoted first; ``named_only`` keeps people and organizations (not "a
        protester"); ``query`` keeps those with a name or alias containing it."""
        condition, params = where(flt)
        kinds = "AND q.speaker_kind IN ('person', 'organization')" if named_only else ""
        found = ""
        if query:
            found = """AND (q.speaker LIKE ? ESCAPE '\\' OR e.name LIKE ? ESCAPE '\\'
                           OR CAST(e.id AS TEXT) = ?)"""
            like = "%" + re.sub(r"([%_\\])", r"\\\1", query) + "%"
            params = [like, like, query.strip(), *params]
        with self._read() as conn:
            rows = conn.execute(
                f"""SELECT coalesce(e.name, q.speaker), coalesce(e.kind, max(q.speaker_kind)),
                           coalesce((SELECT r.role FROM speaker_roles r
                                     WHERE r.speaker_id = e.id
                                     ORDER BY r.last_seen DESC, r.first_seen DESC LIMIT 1),
                                    (SELECT r.role FROM quotes r WHERE r.speaker = q.speaker
                                     AND r.role IS NOT NULL ORDER BY r.id DESC LIMIT 1)),
                           sum(q.is_statement = 0), sum(q.is_statement),
                           count(DISTINCT q.article_id), e.id,
                           min({SORT_TIME}), max({SORT_TIME})
                    FROM quotes q JOIN articles a ON a.id = q.article_id
                        LEFT JOIN speaker_entities e ON e.id = q.speaker_id
                    WHERE q.speaker IS NOT NULL {kinds} {found} AND {condition}
                    GROUP BY coalesce('#' || q.speaker_id, q.speaker)
                    ORDER BY count(*) DESC, 1 LIMIT ?""",
                (*params, limit),
            )
            return [
                SpeakerCount(
                    r[0], r[1], r[2], r[3], r[4], r[5], r[6], from_db_time(r[7]), from_db_time(r[8])
                )
                for r in rows
            ]

    def resolve_speaker(self, given: str) -> frozenset[int]:
        """The stored speakers ``given`` names: an id (``12`` or ``#12``; merged ids resolve
        to the speaker they joined) or a name matched as [[follow]] rules are
        (brief.store.follows); empty when it names none."""
        text = given.strip().removeprefix("#")
        with self._read() as conn:
            if text.isdigit():
                found = current_id(conn, int(text))
                return frozenset() if found is None else frozenset({found})
            return frozenset(resolve_rules(conn, [FollowRule(speaker=given)]))

    def quotations(
        self,
        *,
        speakers: Collection[int] | None = None,
        named: str | None = None,
        flt: ArticleFilter | None = None,
        article_ids: Collection[int] | None = None,
        limit: int | None = None,
    ) -> list[Quotation]:
        """Quotations and statements, newest article first: those of stored speakers
        ``speakers``, of a speaker ``named`` so, in the articles ``flt`` lists or in
        ``article_ids`` (brief.store.quotations.quotation_rows)."""
        with self._read() as conn:
            return quotation_rows(
                conn, speakers=speakers, named=named, flt=flt, article_ids=article_ids,
                limit=limit,
            )  # fmt: skip

    def speaker_links_of(
        self, article_ids: Collection[int]
    ) -> dict[int, dict[str, tuple[int, str]]]:
        """For each of these articles, its attributed names and the stored speaker each links
        to: article id -> {alias: (speaker id, the speaker's fullest name)}."""
        ids = sorted(set(article_ids))
        found: dict[int, dict[str, tuple[int, str]]] = {}
        with self._read() as conn:
            for start in range(0, len(ids), 500):
                chunk = ids[start : start + 500]
                rows = conn.execute(
                    f"""SELECT l.article_id, l.alias, e.id, e.name
                        FROM speaker_links l JOIN speaker_entities e ON e.id = l.speaker_id
                        WHERE l.article_id IN ({",".join("?" * len(chunk))})""",
                    chunk,
                )
                for article_id, alias, speaker_id, name in rows:
                    found.setdefault(article_id, {})[alias] = (speaker_id, name)
        return found

    def speaker(self, speaker_id: int) -> SpeakerDetail | None:
        """A stored speaker by id (an id merged into another resolves to that one), with its
        roles and the aliases that linked to it in each article; None when there is none."""
        with self._read() as conn:
            current = current_id(conn, speaker_id)
            if current is None:
                return None
            roles = tuple(
                SpeakerRole(r[0], from_db_time(r[1]), from_db_time(r[2]))
                for r in conn.execute(
                    """SELECT role, first_seen, last_seen FROM speaker_roles
                       WHERE speaker_id = ? ORDER BY last_seen DESC, first_seen DESC""",
                    (current,),
                )
            )
            links = tuple(
                SpeakerLink(r[0], r[1], r[2], from_db_time(r[3]), r[4])
                for r in conn.execute(
                    f"""SELECT l.alias, a.id, a.title, {SORT_TIME}, l.how
                        FROM speaker_links l JOIN articles a ON a.id = l.article_id
                        WHERE l.speaker_id = ? ORDER BY l.alias, {SORT_TIME} DESC""",
                    (current,),
                )
            )
            merged = tuple(
                int(r[0])
                for r in conn.execute(
                    "SELECT id FROM speaker_entities WHERE merged_into = ? ORDER BY id",
                    (current,),
                )
            )
        counts = [s for s in self.speakers(query=str(current), limit=50) if s.id == current]
        if counts:
            return SpeakerDetail(counts[0], roles, links, merged)
        with self._read() as conn:
            name, kind = conn.execute(
                "SELECT name, kind FROM speaker_entities WHERE id = ?", (current,)
            ).fetchone()
        empty = SpeakerCount(name, kind, roles[0].role if roles else None, 0, 0, 0, current)
        return SpeakerDetail(empty, roles, links, merged)
