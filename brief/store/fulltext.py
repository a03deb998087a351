"""The one stored copy of an article's text: its paragraphs as offsets, and the index over it.

`articles.text` is the paragraphs joined by blank lines; `articles.paragraph_ends` holds where
each paragraph ends in it (JSON numbers), so the paragraphs are cut out of the text instead of
being kept a second time. The FTS5 table articles_fts keeps no copy either: its content is
the view articles_search (migration 3). An external-content index must be told the values it
indexed when a row leaves it, so every change goes through these functions: ``unindex``
before the row or its quotes change or go, ``index`` after they are written — both read the
view, so what is removed is exactly what was added.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import sqlite3

SEPARATOR = "\n\n"
_COLUMNS = "title, text, quotes, speakers"


def paragraph_ends(paragraphs: Sequence[str]) -> str:
    """The JSON end offsets of ``paragraphs`` in ``SEPARATOR.join(paragraphs)``."""
    ends: list[int] = []
    position = -len(SEPARATOR)
    for paragraph in paragraphs:
        position += len(SEPARATOR) + len(paragraph)
        ends.append(position)
    return json.dumps(ends)


def paragraphs_of(text: str, ends: str) -> tuple[str, ...]:
    """The paragraphs of a stored text, cut at its stored end offsets."""
    out: list[str] = []
    start = 0
    for end in json.loads(ends):
        out.append(text[start:end])
        start = end + len(SEPARATOR)
    return tuple(out)


def index(conn: sqlite3.Connection, article_id: int) -> None:
    """Add the article, as articles_search shows it now, to the index."""
    conn.execute(
        f"""INSERT INTO articles_fts (rowid, {_COLUMNS})
            SELECT id, {_COLUMNS} FROM articles_search WHERE id = ?""",
        (article_id,),
    )


def unindex(
    conn: sqlite3.Connection, ids: str, params: Sequence[object] | dict[str, object]
) -> None:
    """Remove the articles whose ids the SQL ``ids`` selects (with ``params``) from the index,
    while their rows and quotes are still what was indexed."""
    conn.execute(
        f"""INSERT INTO articles_fts (articles_fts, rowid, {_COLUMNS})
            SELECT 'delete', id, {_COLUMNS} FROM articles_search WHERE id IN ({ids})""",
        params,
    )
