"""Who said what in a digest, and the followed speakers' section that opens it.

One entry per stored speaker (its aliases merged, brief.store.identity; a speaker brief doubts
is apart, shown "Laessing?"), one line per quotation with the outlets that carried it
(brief.present.carried: trimmed or re-punctuated versions are one line), ranked by
significance, not by how much was said:

    followed speakers first (config [[follow]] and stored follows)
    then the most outlets carrying one of their quotations
    then the stories they speak in, the outlets over all they said, the first to appear

A speaker's lines: quotations before statements, the most carried first, then in story order.
Followed speakers' asserted words, quotes and statements, are also the "Followed" section.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from brief.digest.model import DigestArticle, Speaker, SpeakerLine
from brief.models import NAMED_KINDS, Brief, Quote, SpeakerKind
from brief.present.carried import Carried, carried
from brief.present.grouping import DOUBT
from brief.text import sanitize

if TYPE_CHECKING:
    from brief.digest.assemble import Grouped

# Speakers gathered at most (digest.max_speakers of them are shown in full, the rest listed).
MAX_SPEAKERS = 100
LINES_PER_SPEAKER = 8
# A followed speaker's section shows more of what they said: it is why the reader follows them.
FOLLOWED_LINES = 20


@dataclass(frozen=True, slots=True)
class _Said:
    """One quotation or statement as one article gives it."""

    text: str
    story: int
    direct: bool
    outlet: str
    when: datetime | None
    article_id: int


@dataclass(slots=True)
class _Entry:
    """What one speaker said, gathered across stories before it becomes a Speaker."""

    name: str
    speaker_id: int | None
    doubted: bool
    kinds: Counter[SpeakerKind]
    roles: list[str]
    said: list[_Said]
    first: int


Said = dict[tuple[str, bool], _Entry]


def speakers(
    numbered: Sequence[Grouped], followed: Collection[int] = ()
) -> tuple[tuple[Speaker, ...], tuple[Speaker, ...]]:
    """Who said what, ranked (see the module docstring), and the followed speakers' section."""
    entries: Said = {}
    for g in numbered:
        gather_said(entries, g.story.number, g.articles)
    return ranked_said(entries, followed)


def gather_said(entries: Said, story: int, articles: Iterable[DigestArticle]) -> None:
    """Add what the named speakers of story number ``story`` said (stories in digest order),
    so a digest read in batches gathers a batch of stories and lets their briefs go."""
    for article in articles:
        for q, direct in _speech(article.brief):
            if not q.speaker or q.speaker_kind not in NAMED_KINDS:
                continue
            _add(entries, article, q, direct, story)


def ranked_said(
    entries: Said, followed: Collection[int] = ()
) -> tuple[tuple[Speaker, ...], tuple[Speaker, ...]]:
    """The gathered speakers ranked, and the followed speakers' section."""
    lines = {key: _lines(e.said) for key, e in entries.items()}
    ranked = sorted(entries, key=lambda k: _rank(entries[k], lines[k], followed))[:MAX_SPEAKERS]
    shown = tuple(_speaker(entries[k], lines[k], followed, LINES_PER_SPEAKER) for k in ranked)
    section = tuple(
        _speaker(entries[k], lines[k], followed, FOLLOWED_LINES)
        for k in ranked
        if _followed(entries[k], followed)
    )
    return shown, section


def _add(
    entries: Said,
    article: DigestArticle,
    q: Quote,
    direct: bool,
    story: int,
) -> None:
    assert q.speaker is not None and q.speaker_kind is not None
    linked = article.speakers.get(q.speaker)
    doubted = not q.confident
    if linked is not None:
        speaker_id, name = linked
        key = (f"#{speaker_id}", doubted)
    else:
        speaker_id, name = None, q.speaker
        key = (sanitize(q.speaker).casefold(), doubted)
    entry = entries.get(key)
    if entry is None:
        shown = sanitize(name) + (DOUBT if doubted else "")
        entry = _Entry(shown, speaker_id, doubted, Counter(), [], [], len(entries))
        entries[key] = entry
    entry.kinds[q.speaker_kind] += 1
    if q.role:
        entry.roles.append(sanitize(q.role))
    a = article.brief.article
    entry.said.append(
        _Said(
            _display(q.text),
            story,
            direct,
            _outlet(article),
            article.published or _day(a.published),
            article.id,
        )
    )


def _lines(said: list[_Said]) -> list[Carried[_Said]]:
    """The speaker's quotations, each once with its outlets: quotes first, the most carried
    first, then in story order."""
    ordered = sorted(said, key=lambda s: (s.story, s.article_id))
    groups: list[Carried[_Said]] = []
    for direct in (True, False):
        groups += carried(
            [s for s in ordered if s.direct is direct],
            lambda s: s.text,
            lambda s: s.when,
            lambda s: s.outlet,
        )
    groups = [g for g in groups if g.first.text]
    return sorted(groups, key=lambda g: (not g.first.direct, -len(g.outlets), g.first.story))


def _followed(entry: _Entry, followed: Collection[int]) -> bool:
    return entry.speaker_id is not None and not entry.doubted and entry.speaker_id in followed


def _rank(
    entry: _Entry, lines: list[Carried[_Said]], followed: Collection[int]
) -> tuple[bool, int, int, int, int]:
    widest = max((len(g.outlets) for g in lines), default=0)
    stories = len({s.story for s in entry.said})
    outlets = len({s.outlet for s in entry.said})
    return (not _followed(entry, followed), -widest, -stories, -outlets, entry.first)


def _speaker(
    entry: _Entry, lines: list[Carried[_Said]], followed: Collection[int], cap: int
) -> Speaker:
    return Speaker(
        name=entry.name,
        kind=entry.kinds.most_common(1)[0][0],
        role=max(entry.roles, key=len) if entry.roles else None,
        lines=tuple(
            SpeakerLine(g.first.text, g.first.story, g.first.direct, g.outlets) for g in lines[:cap]
        ),
        id=entry.speaker_id,
        followed=_followed(entry, followed),
    )


def _speech(brief: Brief) -> list[tuple[Quote, bool]]:
    """Quotes (direct) then statements (reported) of a brief, each in article order."""
    return [(q, True) for q in brief.quotes] + [(s, False) for s in brief.statements]


def _display(text: str) -> str:
    """A quotation as shown: sanitized, without the comma that led into its attribution."""
    return sanitize(text).strip().rstrip(",;:").rstrip()


def _outlet(article: DigestArticle) -> str:
    """The outlet of an article, as stories count them: its first feed (else its site)."""
    if article.feeds:
        return sanitize(article.feeds[0])
    site = article.brief.article.site
    return sanitize(site) if site else f"#{article.id}"


def _day(published: str | None) -> datetime | None:
    """An article's publication day from its brief (YYYY-MM-DD), as an aware time; None when
    absent or odd."""
    if not published:
        return None
    try:
        return datetime.fromisoformat(published[:10]).replace(tzinfo=UTC)
    except ValueError:
        return None
