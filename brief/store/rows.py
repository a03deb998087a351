"""What the store takes and gives back: plain frozen dataclasses, no I/O, no sqlite3.

Front ends (TUI, digest, CLI) may import this module without loading the database layer.
Times are aware UTC datetimes; in the database they are "YYYY-MM-DDTHH:MM:SSZ" text, which
sorts like time.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Literal, get_args

from brief.config import IgnoreRule
from brief.models import Brief, Enclosure, SpeakerKind

# How an analyzed article's text was got: from its page, or the feed's own (the page failed).
CompletedStatus = Literal["full", "feed-only"]
# An article's extraction status: "pending" until its page is fetched, extracted, analyzed.
ExtractionStatus = Literal["pending", CompletedStatus]

COMPLETED_STATUSES: tuple[CompletedStatus, ...] = get_args(CompletedStatus)

# search() marks the matched words of a snippet with these private-use characters, so a front
# end can highlight them without the snippet ever being parsed as markup.
MATCH_START = "\ue000"
MATCH_END = "\ue001"


def to_db_time(moment: datetime) -> str:
    """An aware datetime as the database's UTC text; a naive one is taken as UTC."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def from_db_time(text: str | None) -> datetime | None:
    """Inverse of to_db_time (also reads a bare "YYYY-MM-DD" date as midnight UTC)."""
    if not text:
        return None
    moment = datetime.fromisoformat(text)
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def now_utc() -> datetime:
    """The current time, aware, in UTC."""
    return datetime.now(UTC)


@dataclass(frozen=True, slots=True)
class FeedStatus:
    """A subscribed feed with its fetch state and article counts."""

    id: int
    url: str
    name: str | None  # given by the user (config, --name, OPML)
    tags: tuple[str, ...]
    title: str | None  # given by the feed itself
    site_url: str | None
    etag: str | None
    last_modified: str | None
    added_at: datetime
    last_attempt: datetime | None
    last_success: datetime | None
    error_count: int  # consecutive failures; 0 after a success
    last_error: str | None
    next_attempt: datetime | None  # not before this (Retry-After or backoff), None = any time
    article_count: int
    unread_count: int

    @property
    def display_name(self) -> str:
        """The user's name for the feed, else the feed's title, else its URL."""
        return self.name or self.title or self.url


@dataclass(frozen=True, slots=True)
class FetchUpdate:
    """What one successful fetch of a feed learned, stored with the entries it brought."""

    etag: str | None = None
    last_modified: str | None = None
    title: str | None = None
    site_url: str | None = None
    new_url: str | None = None  # the feed moved permanently (301/308)


@dataclass(frozen=True, slots=True)
class ArticleFilter:
    """Which articles a listing shows; every criterion given must hold."""

    feed_id: int | None = None
    tag: str | None = None
    unread: bool = False
    starred: bool = False
    speaker: str | None = None
    since: datetime | None = None  # published (or fetched, when no date) at or after
    hide: tuple[IgnoreRule, ...] = ()  # leave out what these rules match (config [[ignore]])
    followed: frozenset[int] | None = None  # quoting one of these stored speakers (ids)


@dataclass(frozen=True, slots=True)
class ArticleSummary:
    """An article as a row of a list."""

    id: int
    title: str | None
    url: str | None
    published: datetime | None
    fetched_at: datetime
    read: bool
    starred: bool
    status: ExtractionStatus
    reason: str | None  # why the page could not be used ("feed-only"), else None
    feeds: tuple[str, ...]  # display names of the feeds that carry it
    lead: str | None  # the first sentence of the summary, once analyzed
    quote_count: int


@dataclass(frozen=True, slots=True)
class StoredArticle:
    """An article in full: its text and, once analyzed, its brief."""

    id: int
    guid: str
    title: str | None
    url: str | None
    author: str | None
    published: datetime | None
    fetched_at: datetime
    read: bool
    starred: bool
    status: ExtractionStatus
    reason: str | None
    feeds: tuple[str, ...]
    text: str
    paragraphs: tuple[str, ...]
    brief: Brief | None  # None while pending
    digested_at: datetime | None
    enclosures: tuple[Enclosure, ...] = ()  # the files the feed's entry carries


@dataclass(frozen=True, slots=True)
class PendingArticle:
    """A stored entry whose page still has to be fetched, extracted and analyzed."""

    id: int
    url: str | None
    title: str | None
    text: str  # the feed's own text, the fallback when the page cannot be used
    feed_id: int
    feed_url: str


@dataclass(frozen=True, slots=True)
class SpeakerCount:
    """Someone quoted in the stored articles, with how often."""

    name: str
    kind: SpeakerKind | None
    role: str | None  # the most recent role given
    quotes: int  # direct quotations
    statements: int  # reported speech
    articles: int
    id: int | None = None  # the stored speaker (brief.store.identity); None for the unlinked
    first_seen: datetime | None = None
    last_seen: datetime | None = None


@dataclass(frozen=True, slots=True)
class SpeakerRole:
    """A role a speaker was given, and the first and last article dates it was seen."""

    role: str
    first_seen: datetime | None
    last_seen: datetime | None


@dataclass(frozen=True, slots=True)
class SpeakerLink:
    """One alias in one article, linked to a speaker, and the rule that linked it."""

    alias: str
    article_id: int
    article_title: str | None
    published: datetime | None
    how: str


@dataclass(frozen=True, slots=True)
class SpeakerDetail:
    """A stored speaker with its roles over time and the aliases that linked to it."""

    speaker: SpeakerCount
    roles: tuple[SpeakerRole, ...]
    links: tuple[SpeakerLink, ...]
    merged: tuple[int, ...]  # ids of speakers merged into this one (they still resolve here)


@dataclass(frozen=True, slots=True)
class SearchHit:
    """A search result: the article and a snippet with MATCH_START/MATCH_END marks."""

    article: ArticleSummary
    snippet: str
