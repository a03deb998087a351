"""The digest's top actors: the people, bodies and places in the most stories.

Gathered story by story (``gather_actors``), so a digest read in batches adds each batch of
stories and forgets their briefs; ``top_actors`` ranks what was gathered.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from brief.digest.model import ActorCount, DigestArticle
from brief.models import ActorKind
from brief.text import sanitize

TOP_ACTORS = 15


@dataclass(slots=True)
class Actors:
    """Actors gathered story by story: stories and mentions, kinds and first-seen names."""

    stories: Counter[str]
    mentions: Counter[str]
    kinds: dict[str, Counter[ActorKind]]
    names: dict[str, str]


def top_actors_of(stories: Iterable[Iterable[DigestArticle]]) -> tuple[ActorCount, ...]:
    """Actors in the most stories (then most mentioned) over the whole digest; ``stories``
    holds each story's articles."""
    acc = Actors(Counter(), Counter(), {}, {})
    for articles in stories:
        gather_actors(acc, articles)
    return top_actors(acc)


def gather_actors(acc: Actors, articles: Iterable[DigestArticle]) -> None:
    """Add the actors of one story's articles."""
    in_story: set[str] = set()
    for article in articles:
        for actor in article.brief.actors:
            key = actor.name.casefold()
            acc.names.setdefault(key, actor.name)
            acc.kinds.setdefault(key, Counter())[actor.kind] += 1
            acc.mentions[key] += actor.mentions
            in_story.add(key)
    acc.stories.update(in_story)


def top_actors(acc: Actors) -> tuple[ActorCount, ...]:
    """The TOP_ACTORS actors in the most stories, then the most mentioned."""
    stories, mentions = acc.stories, acc.mentions
    ranked = sorted(stories, key=lambda k: (-stories[k], -mentions[k], k))[:TOP_ACTORS]
    return tuple(
        ActorCount(
            name=sanitize(acc.names[k]),
            kind=acc.kinds[k].most_common(1)[0][0],
            stories=stories[k],
            mentions=mentions[k],
        )
        for k in ranked
    )
