"""The data of a digest: stories, speakers, actors, failed feeds; JSON-ready, no I/O.

``Digest.to_json`` is the documented ``brief digest --format json`` contract (docs/digest.md);
bump DIGEST_SCHEMA_VERSION on any incompatible change.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from brief.models import ActorKind, Brief, SpeakerKind

DIGEST_SCHEMA_VERSION = 1


@dataclass(frozen=True, slots=True)
class DigestArticle:
    """A stored article chosen for a digest: its brief, the feeds that carried it, and the
    stored speaker (id, fullest name) each of its attributed names links to."""

    id: int
    brief: Brief
    feeds: tuple[str, ...]
    url: str | None = None
    speakers: Mapping[str, tuple[int, str]] = field(default_factory=dict)
    published: datetime | None = None  # the stored time (the brief keeps only the day)


@dataclass(frozen=True, slots=True)
class FailedFeed:
    """A feed whose last refresh failed."""

    name: str
    url: str
    error: str
    failures: int

    def to_json(self) -> dict[str, Any]:
        """The JSON object of the digest contract."""
        return {"name": self.name, "url": self.url, "error": self.error, "failures": self.failures}


@dataclass(frozen=True, slots=True)
class Source:
    """One article of a story: where it came from."""

    article_id: int
    feeds: tuple[str, ...]
    title: str
    url: str | None
    site: str | None
    published: str | None

    def to_json(self) -> dict[str, Any]:
        """The JSON object of the digest contract."""
        return {
            "article_id": self.article_id,
            "feeds": list(self.feeds),
            "title": self.title,
            "url": self.url,
            "site": self.site,
            "published": self.published,
        }


@dataclass(frozen=True, slots=True)
class StoryQuote:
    """A direct quotation in a story; ``sources`` counts the articles that carry it."""

    text: str
    speaker: str | None
    speaker_kind: SpeakerKind | None
    role: str | None
    sources: int

    def to_json(self) -> dict[str, Any]:
        """The JSON object of the digest contract."""
        return {
            "text": self.text,
            "speaker": self.speaker,
            "speaker_kind": self.speaker_kind,
            "role": self.role,
            "sources": self.sources,
        }


@dataclass(frozen=True, slots=True)
class Story:
    """Articles about one event: a headline, a short summary, key quotes, every source."""

    number: int
    headline: str
    summary: tuple[str, ...]
    sources: tuple[Source, ...]
    quotes: tuple[StoryQuote, ...]
    actors: tuple[str, ...]

    @property
    def feeds(self) -> tuple[str, ...]:
        """Distinct feed names over all sources, in source order."""
        return tuple(dict.fromkeys(f for s in self.sources for f in s.feeds))

    def to_json(self) -> dict[str, Any]:
        """The JSON object of the digest contract."""
        return {
            "number": self.number,
            "headline": self.headline,
            "summary": list(self.summary),
            "feeds": list(self.feeds),
            "sources": [s.to_json() for s in self.sources],
            "quotes": [q.to_json() for q in self.quotes],
            "actors": list(self.actors),
        }


@dataclass(frozen=True, slots=True)
class SpeakerLine:
    """One thing a speaker said, the story (its number) where they said it, and the outlets
    that carried it, earliest first."""

    text: str
    story: int
    direct: bool
    outlets: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        """The JSON object of the digest contract."""
        return {
            "text": self.text,
            "story": self.story,
            "direct": self.direct,
            "outlets": list(self.outlets),
        }


@dataclass(frozen=True, slots=True)
class Speaker:
    """A named person or body and what they said across the day's stories; ``id`` is the
    stored speaker (None when not linked), ``followed`` whether the reader follows them."""

    name: str
    kind: SpeakerKind | None
    role: str | None
    lines: tuple[SpeakerLine, ...]
    id: int | None = None
    followed: bool = False

    def to_json(self) -> dict[str, Any]:
        """The JSON object of the digest contract."""
        return {
            "name": self.name,
            "kind": self.kind,
            "role": self.role,
            "said": [line.to_json() for line in self.lines],
            "id": self.id,
            "followed": self.followed,
        }


@dataclass(frozen=True, slots=True)
class ActorCount:
    """An actor of the day: in how many stories it appears and how often it is mentioned."""

    name: str
    kind: ActorKind
    stories: int
    mentions: int

    def to_json(self) -> dict[str, Any]:
        """The JSON object of the digest contract."""
        return {
            "name": self.name,
            "kind": self.kind,
            "stories": self.stories,
            "mentions": self.mentions,
        }


@dataclass(frozen=True, slots=True)
class Digest:
    """A whole digest. ``selection`` says in words which articles it covers; ``stories`` are
    told in full, ``more_stories`` only listed (the same for speakers); ``followed`` are the
    followed speakers' new words, the section that opens the digest."""

    date: str
    selection: str
    article_count: int
    stories: tuple[Story, ...]
    speakers: tuple[Speaker, ...]
    actors: tuple[ActorCount, ...]
    failed_feeds: tuple[FailedFeed, ...]
    # Past digest.max_stories / max_speakers: listed by headline (name) only, ranked the same.
    more_stories: tuple[Story, ...] = ()
    more_speakers: tuple[Speaker, ...] = ()
    hidden: int = 0  # articles of the selection the config's ignore rules left out
    followed: tuple[Speaker, ...] = ()

    @property
    def story_count(self) -> int:
        """Every story of the digest, told in full or listed."""
        return len(self.stories) + len(self.more_stories)

    @property
    def empty(self) -> bool:
        """True when no article is new: the digest is then one line."""
        return self.article_count == 0

    @property
    def nothing_line(self) -> str:
        """The one line of an empty digest."""
        return f"Nothing new for {self.date} ({self.selection})."

    def to_json(self) -> dict[str, Any]:
        """The documented JSON object of ``brief digest --format json``."""
        return {
            "digest_schema_version": DIGEST_SCHEMA_VERSION,
            "date": self.date,
            "selection": self.selection,
            "article_count": self.article_count,
            "followed": [s.to_json() for s in self.followed],
            "stories": [s.to_json() for s in self.stories],
            "more_stories": [s.to_json() for s in self.more_stories],
            "speakers": [s.to_json() for s in self.speakers],
            "more_speakers": [s.to_json() for s in self.more_speakers],
            "actors": [a.to_json() for a in self.actors],
            "failed_feeds": [f.to_json() for f in self.failed_feeds],
        }
