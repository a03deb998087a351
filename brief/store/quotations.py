"""Quotations across the store, newest first: one row type and one query for `brief quotes`,
the reader's speakers screen and its speaker page.

A row carries what each of them shows: the speaker as the article names them and the stored
speaker they link to (brief.store.identity), the article's feeds and site (from which each
view names its outlet), the attribution's confidence (read from the stored brief: the quotes
table does not keep it), the article's dates and its summary (what story grouping compares).
"""

from __future__ import annotations

import json
from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from brief.models import CONFIDENT, SpeakerKind
from brief.present.carried import outlet_name
from brief.store.queries import SORT_TIME, where
from brief.store.rows import ArticleFilter, from_db_time

if TYPE_CHECKING:
    import sqlite3


@dataclass(frozen=True, slots=True)
class Quotation:
    """One quotation or statement with its speaker and the article it comes from."""

    article_id: int
    article_title: str | None
    article_url: str | None
    published: datetime | None  # the article's listing time (published, never after fetched)
    dated: datetime | None  # the date the article gives itself, None when it gives none
    feeds: tuple[str, ...]  # display names of the feeds carrying the article, oldest feed first
    site: str | None  # the page's own site name
    speaker: str | None  # as the article names them
    speaker_kind: SpeakerKind | None
    speaker_id: int | None  # the stored speaker (aliases merged), None when not linked
    speaker_name: str | None  # the stored speaker's fullest name
    role: str | None  # the role the article gives them
    text: str
    is_statement: bool
    confidence: float | None  # None: unattributed, or stored before confidence existed
    summary: str  # the article's summary, one string

    @property
    def confident(self) -> bool:
        """Whether brief asserts the speaker (as brief.models.Quote.confident)."""
        return self.confidence is None or self.confidence >= CONFIDENT

    @property
    def outlet(self) -> str:
        """Who published the article as `brief quotes` and the digest count outlets: the first
        feed's name, else the page's site name, else the host, else its number."""
        feed = self.feeds[0] if self.feeds else None
        return outlet_name(feed, self.site, self.article_url, f"#{self.article_id}")


# The confidence of the quote in the stored brief's JSON: the one starting at the same offset.
_CONFIDENCE = """(SELECT json_extract(j.value, '$.confidence')
    FROM json_each(a.brief, CASE q.is_statement WHEN 0 THEN '$.quotes' ELSE '$.statements' END) j
    WHERE json_extract(j.value, '$.start') = q.start_offset LIMIT 1)"""
_FEEDS = """(SELECT json_group_array(name) FROM (
    SELECT coalesce(f.name, f.title, f.url) AS name
    FROM feed_articles fa JOIN feeds f ON f.id = fa.feed_id
    WHERE fa.article_id = a.id ORDER BY fa.feed_id))"""
_SUMMARY = """coalesce((SELECT group_concat(s.value, ' ')
    FROM json_each(a.brief, '$.summary') s), '')"""
_ORDER = "ORDER BY {time} DESC, {article} DESC, {offset}, {statement}"


def quotation_rows(
    conn: sqlite3.Connection,
    *,
    speakers: Collection[int] | None = None,
    named: str | None = None,
    flt: ArticleFilter | None = None,
    article_ids: Collection[int] | None = None,
    limit: int | None = None,
) -> list[Quotation]:
    """Quotations and statements, newest article first and in text order within one (direct
    before reported at one offset); ``speakers`` keeps those linked to these (current) speaker
    ids, ``named`` those whose article names the speaker so, ``flt`` those of the articles the
    filter lists, ``article_ids`` those of these articles; at most ``limit``."""
    condition, params = where(flt)
    clauses = ["a.brief IS NOT NULL", condition]
    if speakers is not None:
        clauses.append(f"q.speaker_id IN ({','.join('?' * len(speakers)) or 'NULL'})")
        params += sorted(speakers)
    if named is not None:
        clauses.append("q.speaker = ?")
        params.append(named)
    if article_ids is not None:
        clauses.append(f"a.id IN ({','.join('?' * len(article_ids)) or 'NULL'})")
        params += sorted(article_ids)
    cut = ""
    if limit is not None:
        cut = "LIMIT ?"
        params.append(limit)
    # The rows are chosen and cut first; only those kept read their feeds, confidence and
    # summary (each a look into the article's JSON brief).
    rows = conn.execute(
        f"""WITH chosen AS (
                SELECT q.id AS quote, {SORT_TIME} AS listed FROM quotes q
                JOIN articles a ON a.id = q.article_id
                WHERE {" AND ".join(clauses)}
                {_ORDER.format(time=SORT_TIME, article="a.id", offset="q.start_offset",
                               statement="q.is_statement")} {cut})
            SELECT a.id, a.title, a.url, c.listed, a.published, {_FEEDS},
                   json_extract(a.brief, '$.site'), q.speaker, q.speaker_kind, q.speaker_id,
                   e.name, q.role, q.text, q.is_statement, {_CONFIDENCE}, {_SUMMARY}
            FROM chosen c JOIN quotes q ON q.id = c.quote JOIN articles a ON a.id = q.article_id
                LEFT JOIN speaker_entities e ON e.id = q.speaker_id
            {_ORDER.format(time="c.listed", article="a.id", offset="q.start_offset",
                           statement="q.is_statement")}""",
        params,
    )  # fmt: skip
    return [
        Quotation(
            article_id=r[0],
            article_title=r[1],
            article_url=r[2],
            published=from_db_time(r[3]),
            dated=from_db_time(r[4]),
            feeds=tuple(json.loads(r[5] or "[]")),
            site=r[6],
            speaker=r[7],
            speaker_kind=r[8],
            speaker_id=r[9],
            speaker_name=r[10],
            role=r[11],
            text=r[12],
            is_statement=bool(r[13]),
            confidence=r[14],
            summary=r[15],
        )
        for r in rows
    ]
