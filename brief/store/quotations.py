"""Quotations across the store, newest first, for `brief quotes` and the digest's speakers.

A row carries what a script needs to say who said it where: the speaker as the article names
them and the stored speaker they link to (brief.store.identity), the outlet (the first feed's
name, as the digest counts outlets, else the page's site name, else the host), the
attribution's confidence (read from the stored brief: the quotes table does not keep it) and
the article's date.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from brief.models import CONFIDENT, SpeakerKind
from brief.present.carried import outlet_name
from brief.store.queries import SORT_TIME
from brief.store.rows import from_db_time, to_db_time

if TYPE_CHECKING:
    import sqlite3


@dataclass(frozen=True, slots=True)
class Quotation:
    """One quotation or statement with its speaker, its article and the article's outlet."""

    article_id: int
    article_title: str | None
    article_url: str | None
    published: datetime | None  # the article's listing time (published, never after fetched)
    outlet: str
    speaker: str | None  # as the article names them
    speaker_kind: SpeakerKind | None
    speaker_id: int | None  # the stored speaker (aliases merged), None when not linked
    speaker_name: str | None  # the stored speaker's fullest name
    role: str | None
    text: str
    is_statement: bool
    confidence: float | None  # None: unattributed, or stored before confidence existed

    @property
    def confident(self) -> bool:
        """Whether brief asserts the speaker (as brief.models.Quote.confident)."""
        return self.confidence is None or self.confidence >= CONFIDENT


# The confidence of the quote in the stored brief's JSON: the one starting at the same offset.
_CONFIDENCE = """(SELECT json_extract(j.value, '$.confidence')
    FROM json_each(a.brief, CASE q.is_statement WHEN 0 THEN '$.quotes' ELSE '$.statements' END) j
    WHERE json_extract(j.value, '$.start') = q.start_offset LIMIT 1)"""
_FIRST_FEED = """(SELECT coalesce(f.name, f.title, f.url)
    FROM feed_articles fa JOIN feeds f ON f.id = fa.feed_id
    WHERE fa.article_id = a.id ORDER BY fa.feed_id LIMIT 1)"""


def quotation_rows(
    conn: sqlite3.Connection,
    *,
    speakers: Collection[int] | None = None,
    since: datetime | None = None,
    article_ids: Collection[int] | None = None,
    limit: int | None = None,
) -> list[Quotation]:
    """Quotations and statements, newest article first and in text order within one;
    ``speakers`` keeps those linked to these (current) speaker ids, ``since`` those of
    articles listed at or after it, ``article_ids`` those of these articles."""
    clauses = ["a.brief IS NOT NULL"]
    params: list[object] = []
    if speakers is not None:
        clauses.append(f"q.speaker_id IN ({','.join('?' * len(speakers)) or 'NULL'})")
        params += sorted(speakers)
    if since is not None:
        clauses.append(f"{SORT_TIME} >= ?")
        params.append(to_db_time(since))
    if article_ids is not None:
        marks = ",".join("?" * len(article_ids)) or "NULL"
        clauses.append(f"a.id IN ({marks})")
        params += sorted(article_ids)
    cut = ""
    if limit is not None:
        cut = "LIMIT ?"
        params.append(limit)
    rows = conn.execute(
        f"""SELECT a.id, a.title, a.url, {SORT_TIME}, json_extract(a.brief, '$.site'),
                   {_FIRST_FEED}, q.speaker, q.speaker_kind, q.speaker_id, e.name, q.role,
                   q.text, q.is_statement, {_CONFIDENCE}
            FROM quotes q JOIN articles a ON a.id = q.article_id
                LEFT JOIN speaker_entities e ON e.id = q.speaker_id
            WHERE {" AND ".join(clauses)}
            ORDER BY {SORT_TIME} DESC, a.id DESC, q.start_offset, q.is_statement {cut}""",
        params,
    )
    return [
        Quotation(
            article_id=r[0],
            article_title=r[1],
            article_url=r[2],
            published=from_db_time(r[3]),
            outlet=outlet_name(r[5], r[4], r[2], f"#{r[0]}"),
            speaker=r[6],
            speaker_kind=r[7],
            speaker_id=r[8],
            speaker_name=r[9],
            role=r[10],
            text=r[11],
            is_statement=bool(r[12]),
            confidence=r[13],
        )
        for r in rows
    ]
