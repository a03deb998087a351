"""How long a digest is and which stories it tells in full: ranked by significance, then cut.

    stories ranked: more outlets first (a story from a followed feed counts one outlet more),
                    then more attributed quotes, more articles, the earliest stored first
    the first ``max_stories`` in full, the rest as "and N more stories" (headline and link)

The same cut applies to "Who said what" (``max_speakers``). Everything here is deterministic.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from brief.config import FollowRule, IgnoreRule
from brief.digest.model import DigestArticle, Story
from brief.models import Quote

# A digest of 20 feeds a day is read in a few minutes with this many stories in full.
MAX_STORIES = 25
MAX_SPEAKERS = 20

_NON_WORD = re.compile(r"\W+")


@dataclass(frozen=True, slots=True)
class DigestShape:
    """The length of a digest (digest.max_stories, digest.max_speakers), the feeds whose
    stories rank higher (digest.follow: feed names, compared case-insensitively), the ignore
    rules of the config and its [[follow]] rules (speakers whose new words open the digest,
    with the speakers followed in the store)."""

    max_stories: int = MAX_STORIES
    max_speakers: int = MAX_SPEAKERS
    follow: tuple[str, ...] = ()
    ignore: tuple[IgnoreRule, ...] = ()  # [[ignore]]: articles left out (and left unstamped)
    follow_speakers: tuple[FollowRule, ...] = ()  # [[follow]]

    def followed(self, feeds: Iterable[str]) -> bool:
        """Whether one of these feed names is followed."""
        wanted = {name.casefold() for name in self.follow}
        return any(feed.casefold() in wanted for feed in feeds)


DEFAULT_SHAPE = DigestShape()


def quote_key(text: str) -> str:
    """A quotation's words, for telling whether two outlets carry the same one."""
    return _NON_WORD.sub(" ", text.casefold()).strip()


def key_quote(quote: Quote) -> bool:
    """Whether a quotation may be a story's key quote: attributed, and brief is confident of
    the speaker (an unattributed or doubted quote is never put forward as what someone said)."""
    return quote.speaker is not None and quote.confident


def attributed_quotes(articles: Sequence[DigestArticle]) -> int:
    """Distinct quotations of the story that could be key quotes (see key_quote)."""
    return len({quote_key(q.text) for a in articles for q in a.brief.quotes if key_quote(q)})


def significance(
    story: Story, articles: Sequence[DigestArticle], shape: DigestShape
) -> tuple[int, int, int, int]:
    """The sort key of a story: most significant first (see the module docstring)."""
    return rank_key(
        story.feeds, attributed_quotes(articles), len(articles), min(a.id for a in articles), shape
    )


def rank_key(
    feeds: Sequence[str], attributed: int, articles: int, first_id: int, shape: DigestShape
) -> tuple[int, int, int, int]:
    """The sort key of a story from its distinct feeds, its distinct attributed quotes
    (attributed_quotes), how many articles tell it and its first article's id."""
    outlets = len(feeds) + (1 if shape.followed(feeds) else 0)
    return (-outlets, -attributed, -articles, first_id)
