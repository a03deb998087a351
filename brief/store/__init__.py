"""The store: one SQLite file (WAL) of feeds, articles, briefs and who said what.

The names below are what other packages may use; the rest is internal.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from brief.lazy import lazy_attribute
from brief.store.rows import (
    MATCH_END,
    MATCH_START,
    ArticleFilter,
    ArticleSummary,
    FeedStatus,
    FetchUpdate,
    PendingArticle,
    SearchHit,
    SpeakerCount,
    SpeakerDetail,
    SpeakerLink,
    SpeakerRole,
    StoredArticle,
    now_utc,
)

if TYPE_CHECKING:
    from brief.store.database import Store
    from brief.store.quotations import Quotation

__all__ = [
    "MATCH_END",
    "MATCH_START",
    "ArticleFilter",
    "ArticleSummary",
    "FeedStatus",
    "FetchUpdate",
    "PendingArticle",
    "Quotation",
    "SearchHit",
    "SpeakerCount",
    "SpeakerDetail",
    "SpeakerLink",
    "SpeakerRole",
    "Store",
    "StoredArticle",
    "now_utc",
]

_LAZY = {"Store": "database", "Quotation": "quotations"}


def __getattr__(name: str) -> object:
    """Import the heavy submodule behind ``name`` on first use."""
    return lazy_attribute(__name__, _LAZY, name)
