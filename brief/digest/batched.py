"""A digest read from the store in bounded batches, so its memory does not grow with the window.

    pass 1  gists (Store.digest_gists) -> fingerprints -> group_stories -> stories ranked
    pass 2  a batch of stories at a time: their briefs (Store.digest_briefs) and speaker
            links (Store.speaker_links_of) -> each story told, what its speakers said
            (brief.digest.said) and its actors gathered, the briefs let go

What is held whole is small per article: its fingerprint (until the stories are found), its
id, feeds and key-quote hashes, and the told Story (a headline, a few sentences and quotes,
its sources). The result is the Digest that brief.digest.assemble.assemble makes of the same
articles held in memory; tests/test_digest_batched.py compares the two.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from brief.digest.actors import Actors, gather_actors, top_actors
from brief.digest.assemble import assemble, renumber, story_text, tell
from brief.digest.model import Digest, DigestArticle, FailedFeed, Story
from brief.digest.rank import DEFAULT_SHAPE, DigestShape, key_quote, quote_key, rank_key
from brief.digest.said import Said, gather_said, ranked_said
from brief.digest.stories import Cluster, StoryText, group_stories
from brief.models import Quote

if TYPE_CHECKING:
    from brief.store import Store

# Briefs held at once (a story is never split, so a batch may run over by one story's worth).
BATCH = 500


@dataclass(frozen=True, slots=True)
class _Mark:
    """What ranking needs of one article: its id, feeds and its key quotes (hashed keys)."""

    id: int
    feeds: tuple[str, ...]
    quotes: frozenset[int]


def assemble_stored(
    store: Store,
    ids: Sequence[int],
    failed: Sequence[FailedFeed],
    date: str,
    selection: str,
    shape: DigestShape = DEFAULT_SHAPE,
    followed: Collection[int] = (),
    batch: int = BATCH,
) -> Digest:
    """The digest of these stored articles (as ``assemble`` of them all, each with its
    speaker links), read in batches; ``followed`` as for ``assemble``."""
    marks: list[_Mark] = []
    clusters = group_stories(_texts(store, sorted(ids), marks))
    clusters.sort(key=lambda c: _rank(c, marks, shape))
    stories: list[Story] = []
    speakers: Said = {}
    actors = Actors(Counter(), Counter(), {}, {})
    for chunk in _chunks(clusters, batch):
        wanted = [marks[i].id for c in chunk for i in c.members]
        rows = store.digest_briefs(wanted)
        links = store.speaker_links_of(wanted)
        found = {
            r.id: DigestArticle(r.id, r.brief, r.feeds, r.url, links.get(r.id, {}), r.published)
            for r in rows
        }
        for cluster in chunk:
            # An article purged since the first pass leaves its story (or the whole story) out.
            members = tuple(found[m] for m in (marks[i].id for i in cluster.members) if m in found)
            if not members:
                continue
            number = len(stories) + 1
            stories.append(renumber(tell(members), number))
            gather_said(speakers, number, members)
            gather_actors(actors, members)
    said, followed_section = ranked_said(speakers, followed)
    # The empty digest of the same day carries the failed feeds, told as assemble tells them.
    empty = assemble((), failed, date, selection, shape)
    return replace(
        empty,
        article_count=len(marks),
        stories=tuple(stories[: shape.max_stories]),
        more_stories=tuple(stories[shape.max_stories :]),
        speakers=said[: shape.max_speakers],
        more_speakers=said[shape.max_speakers :],
        followed=followed_section,
        actors=top_actors(actors),
    )


def _texts(store: Store, ids: Sequence[int], marks: list[_Mark]) -> Iterator[StoryText]:
    """The grouping's texts, one gist at a time; each article's mark is kept on the way."""
    for g in store.digest_gists(ids):
        marks.append(_Mark(g.id, g.feeds, _key_quotes(g.quotes)))
        yield story_text(g.title, g.summary, g.names, g.language, g.site, g.url or g.source_url)


def _key_quotes(quotes: Sequence[tuple[str, str | None, float | None]]) -> frozenset[int]:
    """Hashed keys of the quotes that may be key quotes (brief.digest.rank.key_quote)."""
    keys = set()
    for text, speaker, confidence in quotes:
        quote = Quote(text, speaker, None, None, None, 0, 0, 0, confidence=confidence)
        if key_quote(quote):
            # A hash stands for the key (the words): only how many distinct ones a story has
            # is counted, and a collision of 64-bit hashes within one story is not a concern.
            keys.add(hash(quote_key(text)))
    return frozenset(keys)


def _rank(cluster: Cluster, marks: Sequence[_Mark], shape: DigestShape) -> tuple[int, ...]:
    """brief.digest.rank.significance of the story, from the marks of its articles."""
    members = [marks[i] for i in sorted(cluster.members)]  # marks are in id order
    feeds = tuple(dict.fromkeys(f for m in members for f in m.feeds))
    attributed = len(frozenset().union(*(m.quotes for m in members)))
    return rank_key(feeds, attributed, len(members), members[0].id, shape)


def _chunks(clusters: Sequence[Cluster], batch: int) -> Iterator[list[Cluster]]:
    """Consecutive stories holding about ``batch`` articles between them."""
    chunk: list[Cluster] = []
    size = 0
    for cluster in clusters:
        chunk.append(cluster)
        size += len(cluster.members)
        if size >= batch:
            yield chunk
            chunk, size = [], 0
    if chunk:
        yield chunk
