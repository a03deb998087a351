"""The digest read from the store in batches is the digest of the same articles held whole.

The store is real (tmp_path), its articles the 48 scrapinghub leads (eleven events told by 2-4
outlets each: stories of several articles), with speakers who said more than a digest shows;
"Who said what" goes by the stored speakers the articles link to, a followed one first.
"""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime, timedelta

import pytest
from conftest import FIXTURES

from brief.digest.assemble import assemble
from brief.digest.batched import assemble_stored
from brief.digest.model import DigestArticle, FailedFeed
from brief.digest.rank import DigestShape
from brief.digest.render import to_markdown
from brief.digest.said import LINES_PER_SPEAKER
from brief.models import Actor, Article, Brief, FeedEntry, Quote
from brief.store import Store

LEADS = json.loads((FIXTURES / "digest" / "scrapinghub-leads.json").read_text(encoding="utf-8"))
NOW = datetime(2019, 11, 20, 12, tzinfo=UTC)
FAILED = [FailedFeed("Broken <b>feed</b>", "https://broken.example/feed", "HTTP 500", 3)]


def _quote(text: str, speaker: str | None, confidence: float | None = None) -> Quote:
    return Quote(
        text, speaker, "person", "a spokesperson", "said", 0, 0, len(text), "q", confidence
    )


def _brief(n: int, lead: dict[str, str]) -> Brief:
    sentences = tuple(s for s in re.split(r"(?<=[.!?])\s+", lead["lead"]) if s)
    article = Article(paragraphs=sentences, title=lead["title"], url=lead["url"], language="en")
    event = lead["event"] or f"lone {n}"
    # Ana Ruiz speaks in every article (more lines than a digest shows of her), Bo Lind in
    # every third; a doubted speaker and an unattributed quote are never key quotes.
    quotes = (
        _quote(f"We are watching {event} closely, day {n}", "Ana Ruiz"),
        _quote(f"Nothing is decided about {event}", "Bo Lind" if n % 3 == 0 else None),
        _quote(f"It could be worse in {event}", "Cy Moss", confidence=0.1),
        _quote("We are watching this closely", "Ana Ruiz"),  # the same words in every article
    )
    statements = (_quote(f"the matter of {event} would be reviewed by day {n}", "Ana Ruiz"),)
    actors = (
        Actor("Ana Ruiz", "person", "a spokesperson", 2 + n % 4, 2),
        Actor(f"Office of {event}", "organization", None, 1, 0),
        Actor("Nowhere", "place", None, 0, 0),
    )
    return Brief(article, sentences[:3], quotes, statements, actors)


def _published(n: int) -> str | None:
    """The feed's time of article ``n``: most have one (it orders a quotation's outlets), not
    in the order the articles were stored."""
    return None if n % 4 == 0 else f"2019-11-{19 - n % 3}T{n % 24:02d}:{n % 60:02d}:00Z"


@pytest.fixture
def stored(tmp_path) -> tuple[Store, list[int]]:  # type: ignore[no-untyped-def]
    store = Store.open(tmp_path / "brief.sqlite3")
    feeds = [store.add_feed(f"https://feed{i}.example/rss", f"Feed {i}")[0] for i in range(5)]
    ids = []
    for n, lead in enumerate(LEADS):
        entry = FeedEntry(
            guid=f"g{n}", url=lead["url"], title=lead["title"], author=None,
            published=_published(n), summary_text="", content_text="",
        )  # fmt: skip
        when = NOW - timedelta(minutes=len(LEADS) - n)
        brief = _brief(n, lead)
        ids.append(store.add_article_with_brief(feeds[n % 5], entry, brief, "full", now=when))
        if n % 7 == 0:  # carried by a second feed too
            store.add_article_with_brief(feeds[(n + 1) % 5], entry, brief, "full", now=when)
    yield store, ids
    store.close()


def _held_whole(store: Store, ids: list[int]) -> list[DigestArticle]:
    """The articles as the digest took them before it read in batches: all at once."""
    links = store.speaker_links_of(ids)
    articles = []
    for i in ids:
        a = store.get_article(i)
        assert a is not None and a.brief is not None
        articles.append(
            DigestArticle(a.id, a.brief, a.feeds, a.url, links.get(a.id, {}), a.published)
        )
    return articles


@pytest.mark.parametrize("batch", [1, 4, 500])
def test_batched_digest_is_the_digest_held_whole(stored, batch) -> None:  # type: ignore[no-untyped-def]
    store, ids = stored
    shape = DigestShape(max_stories=6, max_speakers=2, follow=("Feed 3",))
    links = store.speaker_links_of(ids)
    bo = {sid for named in links.values() for sid, name in named.values() if name == "Bo Lind"}
    assert len(bo) == 1 and store.follow_speaker(*bo)
    followed = store.followed_speakers()
    whole = assemble(_held_whole(store, ids), FAILED, "2019-11-20", "new", shape, followed)
    batched = assemble_stored(store, ids, FAILED, "2019-11-20", "new", shape, followed, batch=batch)
    assert batched == whole
    assert to_markdown(batched) == to_markdown(whole)
    # Speakers go by stored id; the followed one opens the digest and leads "Who said what".
    assert [s.name for s in whole.followed] == ["Bo Lind"] and whole.followed[0].followed
    assert whole.speakers[0].name == "Bo Lind" and whole.speakers[0].id in bo
    assert all(s.id is not None for s in whole.speakers if not s.name.endswith("?"))
    # The leads' events make stories of several articles, some carried by two feeds.
    assert max(len(s.sources) for s in whole.stories) >= 3
    assert any(len(src.feeds) == 2 for s in whole.stories for src in s.sources)
    assert batched.article_count == len(LEADS)


def test_a_speaker_is_ranked_and_shown_on_what_they_said_in_every_batch(stored) -> None:  # type: ignore[no-untyped-def]
    store, ids = stored
    digest = assemble_stored(store, ids, [], "2019-11-20", "new", batch=4)
    ana, cy, bo = digest.speakers[:3]
    # A doubted speaker is in "Who said what" as "Cy Moss?" (48 lines), never in a key quote.
    assert (ana.name, cy.name, bo.name) == ("Ana Ruiz", "Cy Moss?", "Bo Lind")
    # Ana said 49 distinct direct things (one in every article, one shared by all five feeds)
    # and 48 reported ones: the digest shows direct ones only, the most carried first, then
    # in story order; the lines of every batch count, the shared one carried by all five.
    assert len(ana.lines) == LINES_PER_SPEAKER and all(line.direct for line in ana.lines)
    assert ana.lines[0].text == "We are watching this closely" and len(ana.lines[0].outlets) == 5
    assert [line.story for line in ana.lines[1:]] == sorted(line.story for line in ana.lines[1:])
    # Bo said 16 things, more than shown; ranked after Ana and Cy Moss?.
    assert len(bo.lines) == LINES_PER_SPEAKER
    assert all(q.speaker != "Cy Moss" for s in digest.stories for q in s.quotes)


def test_articles_purged_after_they_were_chosen_are_left_out(stored) -> None:  # type: ignore[no-untyped-def]
    store, ids = stored
    gone = [*ids, 10_000]  # an id that no longer names an article
    digest = assemble_stored(store, gone, [], "2019-11-20", "new")
    assert digest == assemble_stored(store, ids, [], "2019-11-20", "new")
