"""The config's ignore rules as SQL on ``articles a``: which articles they hide.

A rule matches when every key it gives matches (pieces of text, case-insensitive for ASCII
letters, as SQLite's lower() folds them); an article is hidden when any rule matches. Nothing
is deleted: the same articles come back when a rule goes, or with the reader's "show hidden".
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from brief.config import IgnoreRule

_HAS = "instr(lower({column}), lower(?)) > 0"
_FEED = """EXISTS (SELECT 1 FROM feed_articles fa JOIN feeds f ON f.id = fa.feed_id
           WHERE fa.article_id = a.id
             AND instr(lower(coalesce(f.name, f.title, '') || ' ' || f.url), lower(?)) > 0)"""
_SPEAKER = """EXISTS (SELECT 1 FROM quotes q WHERE q.article_id = a.id
              AND instr(lower(coalesce(q.speaker, '')), lower(?)) > 0)"""


def matching(rules: Sequence[IgnoreRule]) -> tuple[str, list[Any]]:
    """SQL true for an article any rule matches, and its parameters ("0" for no rules)."""
    alternatives: list[str] = []
    params: list[Any] = []
    for rule in rules:
        parts: list[str] = []
        if rule.title:
            parts.append(_HAS.format(column="coalesce(a.title, '')"))
            params.append(rule.title)
        if rule.author:
            parts.append(_HAS.format(column="coalesce(a.author, '')"))
            params.append(rule.author)
        if rule.feed:
            parts.append(_FEED)
            params.append(rule.feed)
        if rule.words:
            parts.append(_HAS.format(column="coalesce(a.title, '') || ' ' || a.text"))
            params.append(rule.words)
        if rule.speaker:
            parts.append(_SPEAKER)
            params.append(rule.speaker)
        if parts:
            alternatives.append("(" + " AND ".join(parts) + ")")
    return ("(" + " OR ".join(alternatives) + ")" if alternatives else "0"), params
