"""A speaker's quotes grouped by story, for the speaker page: the articles quoting them grouped
as the digest groups stories (brief.digest.stories), and within a story the same quotation
carried by several outlets shown once (brief.present.carried), earliest first.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from brief.digest.stories import StoryText, group_stories
from brief.present.carried import carried, outlet_name
from brief.store.quotations import Quotation


@dataclass(frozen=True, slots=True)
class SaidOnce:
    """One quotation (or statement) as shown: the earliest article's, and every outlet."""

    quote: Quotation
    outlets: tuple[str, ...]  # distinct, earliest first


@dataclass(frozen=True, slots=True)
class SpeakerStory:
    """A story the speaker spoke in: its headline, its articles, what they said in it."""

    headline: str | None  # the newest article's title
    articles: int
    said: tuple[SaidOnce, ...]


def outlet(quote: Quotation) -> str:
    """Where an article comes from: its feed, else its site's host, else its title."""
    feed = quote.feeds[0] if quote.feeds else None
    fallback = quote.article_title or f"#{quote.article_id}"
    return outlet_name(feed, None, quote.article_url, fallback)


def speaker_stories(quotes: list[Quotation]) -> list[SpeakerStory]:
    """Stories newest first (``quotes`` come newest article first, in text order within one);
    in a story, quotations in the order of their first appearance, direct ones first."""
    articles: dict[int, Quotation] = {}
    for quote in quotes:
        articles.setdefault(quote.article_id, quote)
    order = list(articles.values())
    texts = [
        StoryText(q.article_title or "", q.summary, site=urlsplit(q.article_url or "").hostname)
        for q in order
    ]
    out = []
    for cluster in sorted(group_stories(texts), key=lambda c: min(c.members)):
        members = {order[i].article_id for i in cluster.members}
        said = sorted((q for q in quotes if q.article_id in members), key=lambda q: q.is_statement)
        groups = carried(said, lambda q: q.text, lambda q: q.published, outlet)
        newest = order[min(cluster.members)]
        out.append(
            SpeakerStory(
                newest.article_title,
                len(members),
                tuple(SaidOnce(g.first, g.outlets) for g in groups),
            )
        )
    return out
