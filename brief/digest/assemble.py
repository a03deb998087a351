"""Choose the articles of a digest and assemble them into stories, speakers and actors.

    stored articles --choose--> [DigestArticle] --group_stories--> clusters --assemble--> Digest

Everything here is deterministic for a given set of articles, so rebuilding a day gives the
same digest byte for byte. Rendering lives in digest_render/digest_html, delivery (lock,
refresh, write, mail, mark) in digest_run; ranking and length in brief.digest.rank. A story's
key quotes are only quotes whose speaker brief asserts; a speaker it is not confident of is
shown as front ends show it, "Laessing?" (brief.present.grouping.shown_speaker), in "Who said
what", apart from the words the same speaker is asserted to have said.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from brief.digest.actors import top_actors_of
from brief.digest.model import (
    Digest,
    DigestArticle,
    FailedFeed,
    Source,
    Story,
    StoryQuote,
)
from brief.digest.rank import DEFAULT_SHAPE, DigestShape, key_quote, quote_key, significance
from brief.digest.said import speakers as said_by
from brief.digest.stories import Cluster, StoryText, group_stories
from brief.models import NAMED_KINDS, Quote
from brief.net.urls import url_host
from brief.present.grouping import shown_speaker
from brief.text import sanitize

# A story's summary: up to this many sentences of its central article's brief...
SUMMARY_SENTENCES = 3
# ...but stop at two when three would run longer than this (a digest is read at a glance).
SUMMARY_CHARS = 480
QUOTES_PER_STORY = 4
ACTORS_PER_STORY = 5


@dataclass(frozen=True, slots=True)
class Grouped:
    """A story (numbered once ranked): the cluster's articles, the most central first."""

    articles: tuple[DigestArticle, ...]
    story: Story


def assemble(
    articles: Sequence[DigestArticle],
    failed: Sequence[FailedFeed],
    date: str,
    selection: str,
    shape: DigestShape = DEFAULT_SHAPE,
    followed: Collection[int] = (),
) -> Digest:
    """Group the articles into stories and gather the day's speakers and actors; the most
    significant ``shape.max_stories`` stories (and speakers) in full, the rest listed;
    ``followed`` (stored speaker ids) rank first and open the digest (brief.digest.said)."""
    ordered = sorted(articles, key=lambda a: a.id)
    clusters = group_stories([_story_text(a) for a in ordered])
    grouped = [_group(c, ordered) for c in clusters]
    grouped.sort(key=lambda g: significance(g.story, g.articles, shape))
    numbered = [
        Grouped(g.articles, renumber(g.story, number)) for number, g in enumerate(grouped, start=1)
    ]
    stories = tuple(g.story for g in numbered)
    speakers, followed_section = said_by(numbered, followed)
    return Digest(
        date=date,
        selection=selection,
        article_count=len(ordered),
        stories=stories[: shape.max_stories],
        more_stories=stories[shape.max_stories :],
        speakers=speakers[: shape.max_speakers],
        more_speakers=speakers[shape.max_speakers :],
        followed=followed_section,
        actors=top_actors_of(g.articles for g in numbered),
        failed_feeds=tuple(
            FailedFeed(sanitize(f.name), sanitize(f.url), sanitize(f.error), f.failures)
            for f in sorted(failed, key=lambda f: (f.name.casefold(), f.url))
        ),
    )


def _story_text(article: DigestArticle) -> StoryText:
    a = article.brief.article
    names = tuple(x.name for x in article.brief.actors if x.mentions > 0)
    return story_text(
        a.title, article.brief.summary, names, a.language, a.site, article.url or a.url
    )


def story_text(
    title: str | None,
    summary: Sequence[str],
    names: tuple[str, ...],
    language: str | None,
    site: str | None,
    url: str | None,
) -> StoryText:
    """What the grouping reads of an article (``names``: its actors mentioned at least once)."""
    return StoryText(
        title=title or "",
        body=" ".join(summary),
        names=names,
        language=language,
        site=site or url_host(url),
    )


def _group(cluster: Cluster, ordered: Sequence[DigestArticle]) -> Grouped:
    members = tuple(ordered[i] for i in cluster.members)
    return Grouped(members, tell(members))


def tell(members: Sequence[DigestArticle]) -> Story:
    """The story (numbered 0) of these articles, the most central first."""
    centre = members[0]
    return Story(
        number=0,
        headline=sanitize(centre.brief.article.title or "") or "(untitled)",
        summary=_summary(members),
        sources=tuple(_source(a) for a in sorted(members, key=lambda a: a.id)),
        quotes=_story_quotes(members),
        actors=_story_actors(members),
    )


def renumber(story: Story, number: int) -> Story:
    """The story as story ``number`` of the digest."""
    return Story(number, story.headline, story.summary, story.sources, story.quotes, story.actors)


def _summary(members: Sequence[DigestArticle]) -> tuple[str, ...]:
    """The first sentences of the most central article's summary that has any."""
    for article in members:
        sentences = [sanitize(s) for s in article.brief.summary if s.strip()]
        if sentences:
            chosen = sentences[:SUMMARY_SENTENCES]
            if len(chosen) == SUMMARY_SENTENCES and sum(map(len, chosen)) > SUMMARY_CHARS:
                chosen = chosen[:2]
            return tuple(chosen)
    return ()


def _source(article: DigestArticle) -> Source:
    a = article.brief.article
    return Source(
        article_id=article.id,
        feeds=tuple(sanitize(f) for f in article.feeds),
        title=sanitize(a.title or "") or "(untitled)",
        url=article.url or a.url,
        site=sanitize(a.site) if a.site else None,
        published=a.published,
    )


def _story_quotes(members: Sequence[DigestArticle]) -> tuple[StoryQuote, ...]:
    """Key quotes: carried by more articles first, then in order; only quotes whose
    attribution is asserted (brief.digest.rank.key_quote: a speaker brief is confident of).

    When outlets attribute one quote differently, the attribution most of them give wins
    (ties: the most central article's).
    """
    said: dict[str, list[Quote]] = {}
    carried: Counter[str] = Counter()
    for article in members:
        keys = set()
        for q in article.brief.quotes:
            key = quote_key(q.text)
            if key:
                said.setdefault(key, []).append(q)
                keys.add(key)
        carried.update(keys)
    chosen = {key: _consensus(quotes) for key, quotes in said.items()}
    position = {key: i for i, key in enumerate(said)}
    asserted = [k for k in said if key_quote(chosen[k])]
    ranked = sorted(asserted, key=lambda k: (-carried[k], position[k]))
    return tuple(
        StoryQuote(
            text=_display(chosen[k].text),
            speaker=sanitize(shown_speaker(chosen[k]) or "") or None,
            speaker_kind=chosen[k].speaker_kind,
            role=sanitize(chosen[k].role or "") or None,
            sources=carried[k],
        )
        for k in ranked[:QUOTES_PER_STORY]
    )


def _consensus(quotes: list[Quote]) -> Quote:
    """The version of a quote whose speaker most outlets name (the first one on a tie)."""
    votes = Counter(q.speaker.casefold() for q in quotes if q.speaker)
    if not votes:
        return quotes[0]
    best = max(votes.values())
    winners = [q for q in quotes if q.speaker and votes[q.speaker.casefold()] == best]
    # An outlet where brief is confident of the speaker wins over one where it doubts it.
    return next((q for q in winners if q.confident), winners[0])


def _display(text: str) -> str:
    """A quotation as shown: sanitized, without the comma that led into its attribution."""
    return sanitize(text).strip().rstrip(",;:").rstrip()


def _story_actors(members: Sequence[DigestArticle]) -> tuple[str, ...]:
    """The people and bodies a story is about, most mentioned first."""
    mentions: Counter[str] = Counter()
    names: dict[str, str] = {}
    for article in members:
        for actor in article.brief.actors:
            if actor.kind in NAMED_KINDS:
                key = actor.name.casefold()
                names.setdefault(key, actor.name)
                mentions[key] += actor.mentions
    ranked = sorted(mentions, key=lambda k: (-mentions[k], k))[:ACTORS_PER_STORY]
    return tuple(sanitize(names[k]) for k in ranked)
