"""Plain data of brief: Article, Quote, Actor, Brief, and FeedEntry; JSON-ready, no I/O.

The JSON form of a Brief is a stable contract (see README "JSON output" and
brief/schema/brief.schema.json); bump SCHEMA_VERSION on any incompatible change.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal, get_args

SCHEMA_VERSION = 1

PARAGRAPH_SEPARATOR = "\n\n"

# At or above this confidence a speaker is asserted; below it front ends show it doubted
# ("Laessing?"). Learnt with the weights: brief/speech/confidence.json holds the same number
# (bench/train_confidence.py; tests/test_confidence.py checks that they agree).
CONFIDENT = 0.95

# Who speaks: a named person or body, or someone the article leaves unnamed ("a diplomat").
SpeakerKind = Literal["person", "organization", "anonymous"]
# The kinds a reader can follow across articles (not "one of the protesters").
NAMED_KINDS: tuple[SpeakerKind, ...] = ("person", "organization")
# What an actor is.
ActorKind = Literal["person", "organization", "place", "group"]

SPEAKER_KINDS: tuple[SpeakerKind, ...] = get_args(SpeakerKind)
ACTOR_KINDS: tuple[ActorKind, ...] = get_args(ActorKind)


@dataclass(frozen=True, slots=True)
class Article:
    """An extracted article: metadata and its text as paragraphs.

    ``text`` is the paragraphs joined by PARAGRAPH_SEPARATOR; every offset brief reports
    (Quote.start/end) points into it.
    """

    paragraphs: tuple[str, ...]
    title: str | None = None
    site: str | None = None
    author: str | None = None
    published: str | None = None  # ISO date "YYYY-MM-DD", or None when the page gives none
    language: str | None = None  # ISO 639-1 code from the page, or None
    url: str | None = None
    path: str | None = None
    text: str = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "text", PARAGRAPH_SEPARATOR.join(self.paragraphs))

    @property
    def word_count(self) -> int:
        """Number of words in the text (each character of Chinese, Japanese, Thai… counts as
        one: brief.text.count_words)."""
        from brief.text import count_words  # models stays light: --help imports it

        return count_words(self.text)

    def paragraph_start(self, index: int) -> int:
        """Offset in ``text`` of the first character of paragraph ``index``."""
        sep = len(PARAGRAPH_SEPARATOR)
        return sum(len(p) + sep for p in self.paragraphs[:index])


@dataclass(frozen=True, slots=True)
class Quote:
    """A direct quotation or a reported statement, with who said it.

    ``start``/``end`` are offsets into Article.text of the quoted words (for a direct quote,
    without the quote marks) or of the reported clause (for a statement). ``how`` names the
    attribution shape that found the speaker (brief.speech.pipeline.SHAPE_NAMES);
    ``confidence`` (0-1, learnt: brief/speech/confidence.py) how likely that speaker is right,
    None when unattributed or when the quote was made before confidence existed.
    """

    text: str
    speaker: str | None
    speaker_kind: SpeakerKind | None  # None when unattributed
    role: str | None
    verb: str | None
    paragraph: int
    start: int
    end: int
    how: str | None = None  # None when unattributed; last so positional construction still works
    confidence: float | None = None

    @property
    def confident(self) -> bool:
        """Whether front ends assert the speaker: unscored quotes (None) are asserted as before."""
        return self.confidence is None or self.confidence >= CONFIDENT

    def to_json(self) -> dict[str, Any]:
        """The JSON object of the output contract."""
        return {
            "text": self.text,
            "speaker": self.speaker,
            "speaker_kind": self.speaker_kind,
            "role": self.role,
            "verb": self.verb,
            "how": self.how,
            "confidence": None if self.confidence is None else round(self.confidence, 2),
            "paragraph": self.paragraph,
            "start": self.start,
            "end": self.end,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Quote:
        """Inverse of to_json; JSON written before ``how`` or ``confidence`` existed loads with
        them None."""
        return cls(
            text=data["text"],
            speaker=data["speaker"],
            speaker_kind=data["speaker_kind"],
            role=data["role"],
            verb=data["verb"],
            how=data.get("how"),
            confidence=data.get("confidence"),
            paragraph=data["paragraph"],
            start=data["start"],
            end=data["end"],
        )


@dataclass(frozen=True, slots=True)
class Actor:
    """A person, organization, place or group the article involves."""

    name: str
    kind: ActorKind
    role: str | None
    mentions: int
    quotes: int

    def to_json(self) -> dict[str, Any]:
        """The JSON object of the output contract."""
        return {
            "name": self.name,
            "kind": self.kind,
            "role": self.role,
            "mentions": self.mentions,
            "quotes": self.quotes,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Actor:
        """Inverse of to_json."""
        return cls(
            name=data["name"],
            kind=data["kind"],
            role=data["role"],
            mentions=data["mentions"],
            quotes=data["quotes"],
        )


@dataclass(frozen=True, slots=True)
class Brief:
    """What brief makes of an article: summary, quotes, statements and actors."""

    article: Article
    summary: tuple[str, ...]
    quotes: tuple[Quote, ...]
    statements: tuple[Quote, ...]
    actors: tuple[Actor, ...]

    def to_json(self, with_text: bool = False) -> dict[str, Any]:
        """The documented JSON object; ``with_text`` adds the article text under "text"."""
        a = self.article
        data: dict[str, Any] = {
            "schema_version": SCHEMA_VERSION,
            "source": {"url": a.url, "path": a.path},
            "title": a.title,
            "site": a.site,
            "author": a.author,
            "published": a.published,
            "language": a.language,
            "word_count": a.word_count,
            "summary": list(self.summary),
            "quotes": [q.to_json() for q in self.quotes],
            "statements": [s.to_json() for s in self.statements],
            "actors": [x.to_json() for x in self.actors],
        }
        if with_text:
            data["text"] = a.text
            data["paragraphs"] = list(a.paragraphs)
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any], paragraphs: tuple[str, ...] = ()) -> Brief:
        """Rebuild a Brief from to_json output; paragraphs come from the JSON when present."""
        paras = tuple(data.get("paragraphs") or paragraphs)
        article = Article(
            paragraphs=paras,
            title=data["title"],
            site=data["site"],
            author=data["author"],
            published=data["published"],
            language=data["language"],
            url=data["source"]["url"],
            path=data["source"]["path"],
        )
        return cls(
            article=article,
            summary=tuple(data["summary"]),
            quotes=tuple(Quote.from_json(q) for q in data["quotes"]),
            statements=tuple(Quote.from_json(s) for s in data["statements"]),
            actors=tuple(Actor.from_json(x) for x in data["actors"]),
        )


@dataclass(frozen=True, slots=True)
class Enclosure:
    """A file an entry carries (a podcast's audio, a video): its http(s) link, MIME type and
    size in bytes as the feed gives them (None when it does not)."""

    url: str
    type: str | None = None
    length: int | None = None

    def to_json(self) -> dict[str, Any]:
        """The JSON object the store keeps."""
        return {"url": self.url, "type": self.type, "length": self.length}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Enclosure:
        """Inverse of to_json."""
        length = data.get("length")
        return cls(str(data["url"]), data.get("type"), length if isinstance(length, int) else None)


@dataclass(frozen=True, slots=True)
class FeedEntry:
    """One item of a feed, cleaned: plain sanitized text, an http(s) link or None."""

    guid: str
    url: str | None
    title: str | None
    author: str | None
    published: str | None  # "YYYY-MM-DDTHH:MM:SSZ" in UTC; no zone in the feed means UTC
    summary_text: str
    content_text: str
    enclosures: tuple[Enclosure, ...] = ()  # last, so positional construction still works

    @property
    def text(self) -> str:
        """The feed's own text of the entry: its full content when given, else its summary."""
        return (
            self.content_text
            if len(self.content_text) >= len(self.summary_text)
            else (self.summary_text)
        )
