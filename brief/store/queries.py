"""The store's queries about feeds and articles; rows become store_types dataclasses.

``ArticleReads`` is a part of brief.store.database.Store: its methods run inside the Store's read
transaction (``_read``), which also turns sqlite3 errors into StoreError.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from contextlib import AbstractContextManager
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from brief.choices import SortOrder
from brief.config import IgnoreRule
from brief.models import Brief, Enclosure
from brief.store.fulltext import paragraphs_of
from brief.store.ignore import matching
from brief.store.rows import (
    ArticleFilter,
    ArticleSummary,
    FeedStatus,
    PendingArticle,
    StoredArticle,
    from_db_time,
    now_utc,
    to_db_time,
)

if TYPE_CHECKING:
    import sqlite3

# Listing order: the publication time, but never later than the fetch (a wrong clock at the
# publisher must not pin an article to the top). The schema indexes this expression.
SORT_TIME = "min(coalesce(a.published, a.fetched_at), a.fetched_at)"
_FEED_NAMES = """(SELECT json_group_array(coalesce(f.name, f.title, f.url))
                  FROM feed_articles fa JOIN feeds f ON f.id = fa.feed_id
                  WHERE fa.article_id = a.id)"""
SUMMARY_COLUMNS = f"""a.id, a.title, a.url, a.published, a.fetched_at, a.read, a.starred,
    a.extraction_status, a.extraction_reason, {_FEED_NAMES},
    json_extract(a.brief, '$.summary[0]'),
    (SELECT count(*) FROM quotes q WHERE q.article_id = a.id AND q.is_statement = 0)"""
SUMMARY_WIDTH = 12  # columns in SUMMARY_COLUMNS
# The orders of list_articles (brief.choices.SORT_ORDERS); ties go newest first.
_NEWEST = f"{SORT_TIME} DESC, a.id DESC"
ORDER_BY: dict[SortOrder, str] = {
    "date": _NEWEST,
    "feed": f"""(SELECT min(lower(coalesce(f.name, f.title, f.url)))
                FROM feed_articles fa JOIN feeds f ON f.id = fa.feed_id
                WHERE fa.article_id = a.id), {_NEWEST}""",
    "quotes": f"""(SELECT count(*) FROM quotes q
                  WHERE q.article_id = a.id AND q.is_statement = 0) DESC, {_NEWEST}""",
    "title": f"lower(coalesce(a.title, '')), {_NEWEST}",
}
_ARTICLE_COLUMNS = f"""a.id, a.guid, a.title, a.url, a.author, a.published, a.fetched_at,
    a.read, a.starred, a.extraction_status, a.extraction_reason, {_FEED_NAMES}, a.text,
    a.paragraph_ends, a.brief, a.digested_at, a.enclosures"""
_FEED_QUERY = """
    SELECT f.id, f.url, f.name, f.tags, f.title, f.site_url, f.etag, f.last_modified,
           f.added_at, f.last_attempt, f.last_success, f.error_count, f.last_error,
           f.next_attempt, count(a.id), sum(a.read = 0)
    FROM feeds f LEFT JOIN feed_articles fa ON fa.feed_id = f.id
                 LEFT JOIN articles a ON a.id = fa.article_id
"""


def must_time(text: str) -> datetime:
    """A NOT NULL time column."""
    moment = from_db_time(text)
    if moment is None:
        raise ValueError("empty time in a NOT NULL column")
    return moment


def where(flt: ArticleFilter | None) -> tuple[str, list[Any]]:
    """SQL conditions on ``articles a`` for a filter, and their parameters."""
    clauses = ["1"]
    params: list[Any] = []
    if flt is None:
        return "1", params
    if flt.feed_id is not None:
        clauses.append(
            "EXISTS (SELECT 1 FROM feed_articles fa WHERE fa.article_id = a.id AND fa.feed_id = ?)"
        )
        params.append(flt.feed_id)
    if flt.tag is not None:
        clauses.append(
            """EXISTS (SELECT 1 FROM feed_articles fa JOIN feeds f ON f.id = fa.feed_id,
                       json_each(f.tags) t WHERE fa.article_id = a.id AND t.value = ?)"""
        )
        params.append(flt.tag)
    if flt.unread:
        clauses.append("a.read = 0")
    if flt.starred:
        clauses.append("a.starred = 1")
    if flt.speaker is not None:
        clauses.append(
            """EXISTS (SELECT 1 FROM quotes q WHERE q.article_id = a.id AND (q.speaker = ?
                   OR q.speaker_id IN (SELECT id FROM speaker_entities WHERE name = ?)))"""
        )
        params.extend((flt.speaker, flt.speaker))
    if flt.since is not None:
        clauses.append(f"{SORT_TIME} >= ?")
        params.append(to_db_time(flt.since))
    if flt.followed is not None:
        # Merges repoint quotes to the speaker kept, and followed ids are current ones.
        ids = sorted(flt.followed)
        clauses.append(
            f"""EXISTS (SELECT 1 FROM quotes q WHERE q.article_id = a.id
                   AND q.speaker_id IN ({", ".join("?" * len(ids))}))"""
            if ids
            else "0"
        )
        params += ids
    if flt.hide:
        hidden, more = matching(flt.hide)
        clauses.append(f"NOT {hidden}")
        params += more
    return " AND ".join(clauses), params


def summary(row: Any) -> ArticleSummary:
    """A row of SUMMARY_COLUMNS as an ArticleSummary."""
    return ArticleSummary(
        id=row[0],
        title=row[1],
        url=row[2],
        published=from_db_time(row[3]),
        fetched_at=must_time(row[4]),
        read=bool(row[5]),
        starred=bool(row[6]),
        status=row[7],
        reason=row[8],
        feeds=tuple(json.loads(row[9] or "[]")),
        lead=row[10],
        quote_count=row[11],
    )


def _feed(row: Any) -> FeedStatus:
    return FeedStatus(
        id=row[0],
        url=row[1],
        name=row[2],
        tags=tuple(json.loads(row[3])),
        title=row[4],
        site_url=row[5],
        etag=row[6],
        last_modified=row[7],
        added_at=must_time(row[8]),
        last_attempt=from_db_time(row[9]),
        last_success=from_db_time(row[10]),
        error_count=row[11],
        last_error=row[12],
        next_attempt=from_db_time(row[13]),
        article_count=row[14] or 0,
        unread_count=row[15] or 0,
    )


def _article(row: Any) -> StoredArticle:
    paragraphs = paragraphs_of(row[12], row[13])
    return StoredArticle(
        id=row[0],
        guid=row[1],
        title=row[2],
        url=row[3],
        author=row[4],
        published=from_db_time(row[5]),
        fetched_at=must_time(row[6]),
        read=bool(row[7]),
        starred=bool(row[8]),
        status=row[9],
        reason=row[10],
        feeds=tuple(json.loads(row[11] or "[]")),
        text=row[12],
        paragraphs=paragraphs,
        brief=Brief.from_json(json.loads(row[14]), paragraphs) if row[14] else None,
        digested_at=from_db_time(row[15]),
        enclosures=tuple(Enclosure.from_json(e) for e in json.loads(row[16] or "[]")),
    )


class ArticleReads:
    """Reading feeds and articles (a part of brief.store.database.Store)."""

    def _read(self) -> AbstractContextManager[sqlite3.Connection]:
        raise NotImplementedError  # provided by Store

    def list_feeds(self) -> list[FeedStatus]:
        """Every feed with its fetch state, article and unread counts, by display name."""
        with self._read() as conn:
            sql = _FEED_QUERY + " GROUP BY f.id ORDER BY lower(coalesce(f.name, f.title, f.url))"
            return [_feed(r) for r in conn.execute(sql)]

    def get_feed(self, key: int | str) -> FeedStatus | None:
        """A feed by id or by URL."""
        column = "f.id" if isinstance(key, int) else "f.url"
        with self._read() as conn:
            sql = _FEED_QUERY + f" WHERE {column} = ? GROUP BY f.id"
            row = conn.execute(sql, (key,)).fetchone()
        return _feed(row) if row is not None else None

    def list_articles(
        self,
        flt: ArticleFilter | None = None,
        limit: int = 200,
        offset: int = 0,
        order: SortOrder = "date",
    ) -> list[ArticleSummary]:
        """Articles matching the filter, newest first (or by feed, most quotes, title)."""
        condition, params = where(flt)
        with self._read() as conn:
            rows = conn.execute(
                f"""SELECT {SUMMARY_COLUMNS} FROM articles a WHERE {condition}
                    ORDER BY {ORDER_BY[order]} LIMIT ? OFFSET ?""",
                (*params, limit, offset),
            )
            return [summary(r) for r in rows]

    def count_articles(self, flt: ArticleFilter | None = None) -> int:
        """How many articles match the filter."""
        condition, params = where(flt)
        with self._read() as conn:
            sql = f"SELECT count(*) FROM articles a WHERE {condition}"
            return int(conn.execute(sql, params).fetchone()[0])

    def hidden_ids(self, rules: Sequence[IgnoreRule], ids: Iterable[int]) -> set[int]:
        """Which of these articles the ignore rules hide."""
        wanted = list(ids)
        if not rules or not wanted:
            return set()
        condition, params = matching(rules)
        marks = ", ".join("?" * len(wanted))
        with self._read() as conn:
            sql = f"SELECT a.id FROM articles a WHERE a.id IN ({marks}) AND {condition}"
            return {row[0] for row in conn.execute(sql, (*wanted, *params))}

    def get_article(self, article_id: int) -> StoredArticle | None:
        """One article with its text and (once analyzed) its brief."""
        with self._read() as conn:
            sql = f"SELECT {_ARTICLE_COLUMNS} FROM articles a WHERE a.id = ?"
            row = conn.execute(sql, (article_id,)).fetchone()
        return _article(row) if row is not None else None

    def articles_for_digest(
        self, since: datetime | timedelta, limit: int | None = None
    ) -> list[StoredArticle]:
        """Analyzed articles fetched since ``since`` (a time, or that long ago) that no digest
        has included yet, oldest first."""
        moment = now_utc() - since if isinstance(since, timedelta) else since
        with self._read() as conn:
            rows = conn.execute(
                f"""SELECT {_ARTICLE_COLUMNS} FROM articles a
                    WHERE a.extraction_status != 'pending' AND a.brief IS NOT NULL
                      AND a.digested_at IS NULL AND a.fetched_at >= ?
                    ORDER BY {SORT_TIME}, a.id LIMIT ?""",
                (to_db_time(moment), -1 if limit is None else limit),
            )
            return [_article(r) for r in rows]

    def articles_digested_between(self, start: datetime, end: datetime) -> list[StoredArticle]:
        """Analyzed articles that a digest included, stamped in [start, end), oldest first
        (for rebuilding the digest of one date)."""
        with self._read() as conn:
            rows = conn.execute(
                f"""SELECT {_ARTICLE_COLUMNS} FROM articles a
                    WHERE a.brief IS NOT NULL
                      AND a.digested_at >= ? AND a.digested_at < ?
                    ORDER BY {SORT_TIME}, a.id""",
                (to_db_time(start), to_db_time(end)),
            )
            return [_article(r) for r in rows]

    def pending_articles(self, limit: int | None = None) -> list[PendingArticle]:
        """Stored entries whose page is still to be fetched and analyzed, oldest first, each
        with a feed that carries it (the refresher's private-address rule needs the feed)."""
        with self._read() as conn:
            rows = conn.execute(
                """SELECT a.id, a.url, a.title, a.text, f.id, f.url FROM articles a
                   JOIN feeds f ON f.id = (SELECT min(feed_id) FROM feed_articles
                                           WHERE article_id = a.id)
                   WHERE a.extraction_status = 'pending' ORDER BY a.id LIMIT ?""",
                (-1 if limit is None else limit,),
            )
            return [PendingArticle(*r) for r in rows]
