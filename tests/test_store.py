"""The SQLite store on real database files: schema, de-duplication, search, state, retention."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from brief.config import FeedConfig
from brief.errors import StoreError, UsageError
from brief.models import Actor, Article, Brief, FeedEntry, Quote
from brief.store import MATCH_END, MATCH_START, ArticleFilter, FetchUpdate, Store
from brief.store.migrations import SCHEMA_VERSION

NOW = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)


def entry(n: int, url: str | None = None, guid: str | None = None, **extra: str) -> FeedEntry:
    """A feed entry numbered ``n``."""
    link = url if url is not None else f"https://news.example/story/{n}"
    return FeedEntry(
        guid=guid if guid is not None else link,
        url=link,
        title=extra.get("title", f"Story {n}"),
        author=extra.get("author"),
        published=extra.get("published", "2026-03-01T08:00:00Z"),
        summary_text=extra.get("summary", f"Summary of story {n}."),
        content_text="",
    )


def brief(paragraphs: list[str], said: Sequence[tuple[str, str, str, bool]] = ()) -> Brief:
    """A Brief whose quotes are (quoted text, speaker, kind, is_statement) found in the text."""
    article = Article(paragraphs=tuple(paragraphs), title="Page title", published="2026-02-28")
    quotes: list[Quote] = []
    statements: list[Quote] = []
    for text, speaker, kind, is_statement in said:
        start = article.text.index(text)
        paragraph = next(i for i, p in enumerate(paragraphs) if text in p)
        quote = Quote(text, speaker, kind, "minister", "said", paragraph, start, start + len(text))
        (statements if is_statement else quotes).append(quote)
    actors = tuple(Actor(s, k, None, 1, 1) for _, s, k, _ in said)
    return Brief(article, (paragraphs[0],), tuple(quotes), tuple(statements), actors)


def fetch(
    store: Store,
    feed_id: int,
    *entries: FeedEntry,
    now: datetime = NOW,
    not_before: datetime | None = None,
) -> list[int]:
    """A successful fetch of ``entries`` with no validators; the new article ids."""
    return store.record_fetch(feed_id, FetchUpdate(), entries, not_before=not_before, now=now)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store.open(tmp_path / "brief.sqlite3") as opened:
        yield opened


def _feed(store: Store, url: str = "https://feeds.example/world", name: str = "World") -> int:
    feed_id, created = store.add_feed(url, name, ["world", "en"])
    assert created
    return feed_id


def test_fresh_database(tmp_path: Path, brief_home: Path) -> None:
    with Store.open() as store:
        assert store.path == brief_home / "data" / "brief.sqlite3"
        assert store.journal_mode() == "wal"
        assert store.integrity_check() == ["ok"]
    conn = sqlite3.connect(brief_home / "data" / "brief.sqlite3")
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {"feeds", "articles", "feed_articles", "quotes", "articles_fts"} <= tables
    conn.close()
    with Store.open(brief_home / "data" / "brief.sqlite3") as again:  # reopening migrates nothing
        assert again.list_feeds() == []


def test_newer_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "brief.sqlite3"
    Store.open(path).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    conn.close()
    with pytest.raises(StoreError) as info:
        Store.open(path)
    assert str(info.value) == (
        f"database {path} was written by a newer brief "
        f"(schema {SCHEMA_VERSION + 5} > {SCHEMA_VERSION}); upgrade brief"
    )


def test_not_a_database(tmp_path: Path) -> None:
    path = tmp_path / "brief.sqlite3"
    path.write_bytes(b"<rss>this is not SQLite</rss>" * 200)
    with pytest.raises(StoreError, match=r"is not a brief database \(not an SQLite file\)"):
        Store.open(path)


def test_feeds(store: Store) -> None:
    world = _feed(store)
    assert store.add_feed("https://feeds.example/world", "Other name") == (world, False)
    results = store.add_feeds(
        [
            FeedConfig("https://b.example/rss", None, ("a", "a", "b")),
            FeedConfig("https://feeds.example/world"),
        ]
    )
    assert results[1] == (world, False) and results[0][1] is True
    feeds = store.list_feeds()
    assert [f.display_name for f in feeds] == ["https://b.example/rss", "World"]
    assert feeds[0].tags == ("a", "b")
    assert feeds[1].tags == ("world", "en")
    assert feeds[1].article_count == 0 and feeds[1].error_count == 0
    assert store.get_feed("https://b.example/rss") == feeds[0]
    assert store.get_feed(world) == feeds[1]
    assert store.remove_feed(feeds[0].id) is True
    assert store.remove_feed(feeds[0].id) is False
    assert [f.id for f in store.list_feeds()] == [world]


def test_import_is_all_or_nothing(store: Store) -> None:
    with pytest.raises(StoreError, match="NOT NULL constraint failed"):
        store.add_feeds([FeedConfig("https://ok.example/rss"), FeedConfig(None)])  # type: ignore[arg-type]
    assert store.list_feeds() == []


def test_fetch_stores_entries_and_validators_together(store: Store) -> None:
    feed = _feed(store)
    update = FetchUpdate(etag='"v1"', last_modified="Sun, 01 Mar 2026 08:00:00 GMT", title="Feed")
    new = store.record_fetch(feed, update, [entry(1), entry(2)], now=NOW)
    assert len(new) == 2
    status = store.get_feed(feed)
    assert status is not None
    assert (status.etag, status.last_modified, status.title) == (
        update.etag,
        update.last_modified,
        "Feed",
    )
    assert status.last_success == NOW and status.article_count == 2 and status.unread_count == 2
    # The same entries again: nothing new.
    assert store.record_fetch(feed, FetchUpdate(etag='"v2"'), [entry(1), entry(2)], now=NOW) == []
    pending = store.pending_articles()
    assert [p.id for p in pending] == new
    assert pending[0].url == "https://news.example/story/1"
    assert pending[0].text == "Summary of story 1."
    assert pending[0].feed_url == "https://feeds.example/world"
    article = store.get_article(new[0])
    assert article is not None
    assert article.status == "pending" and article.brief is None
    assert article.published == datetime(2026, 3, 1, 8, 0, tzinfo=UTC)


def test_not_modified_and_failures(store: Store) -> None:
    feed = _feed(store)
    store.record_fetch(feed, FetchUpdate(etag='"v1"'), [], now=NOW)
    retry = NOW + timedelta(hours=1)
    store.record_failure(feed, "HTTP 503\x1b[2J from server", retry, now=NOW)
    store.record_failure(feed, "HTTP 503 again", retry, now=NOW)
    status = store.get_feed(feed)
    assert status is not None
    assert (status.error_count, status.last_error, status.next_attempt) == (
        2,
        "HTTP 503 again",
        retry,
    )
    assert status.etag == '"v1"'
    store.record_not_modified(feed, now=NOW + timedelta(hours=2))
    status = store.get_feed(feed)
    assert status is not None
    assert (status.error_count, status.last_error, status.next_attempt) == (0, None, None)
    assert status.etag == '"v1"' and status.last_success == NOW + timedelta(hours=2)


def test_feed_that_moved(store: Store) -> None:
    feed = _feed(store)
    store.record_fetch(feed, FetchUpdate(new_url="https://feeds.example/new"), [], now=NOW)
    assert store.get_feed("https://feeds.example/new") is not None
    other = store.add_feed("https://feeds.example/other")[0]
    store.record_fetch(other, FetchUpdate(new_url="https://feeds.example/new"), [], now=NOW)
    assert store.get_feed(other).url == "https://feeds.example/other"  # type: ignore[union-attr]


def test_complete_article_round_trips_the_brief(store: Store) -> None:
    feed = _feed(store)
    [article_id] = fetch(store, feed, entry(1))
    text = [
        "Ministers met on Monday.",
        '"We will not give in," said Ana Ruiz, the foreign minister.',
        "Ruiz said talks would continue.",
    ]
    made = brief(
        text,
        [
            ("We will not give in,", "Ana Ruiz", "person", False),
            ("talks would continue", "Ana Ruiz", "person", True),
        ],
    )
    assert store.complete_article(article_id, made, "full") == article_id
    stored = store.get_article(article_id)
    assert stored is not None
    assert stored.status == "full" and stored.reason is None
    assert stored.brief == made
    assert stored.paragraphs == tuple(text)
    assert stored.title == "Story 1"  # the feed's title is kept over the page's
    assert stored.feeds == ("World",)
    summary = store.list_articles()[0]
    # quote_count counts direct quotations only, not reported statements
    assert summary.lead == "Ministers met on Monday." and summary.quote_count == 1
    assert store.complete_article(999, made, "full") is None
    with pytest.raises(ValueError):
        store.complete_article(article_id, made, "pending")


def test_same_story_through_two_feeds_is_stored_once(store: Store) -> None:
    world = _feed(store)
    europe = _feed(store, "https://feeds.example/europe", "Europe")
    fetch(store, world, entry(1, guid="w-1"))
    tracked = "https://NEWS.example/story/1?utm_source=europe&utm_medium=rss#top"
    assert fetch(store, europe, entry(1, url=tracked, guid="e-77")) == []
    [article] = store.list_articles()
    assert sorted(article.feeds) == ["Europe", "World"]
    assert [f.article_count for f in store.list_feeds()] == [1, 1]
    assert store.list_articles(ArticleFilter(feed_id=europe))[0].id == article.id
    # A URL-shaped GUID is unique by construction, whatever link the entry gives.
    asia = _feed(store, "https://feeds.example/asia", "Asia")
    fetch(store, world, entry(2))
    copy = entry(2, url="https://mirror.example/2", guid="https://news.example/story/2")
    assert fetch(store, asia, copy) == []
    # A bare GUID is only unique within its feed.
    fetch(store, world, entry(3, guid="123"))
    assert len(fetch(store, asia, entry(4, guid="123"))) == 1
    assert store.count_articles() == 4


def test_same_text_under_two_links_is_merged(store: Store) -> None:
    wire = _feed(store)
    paper = _feed(store, "https://paper.example/rss", "Paper")
    [first] = fetch(store, wire, entry(1))
    [second] = fetch(store, paper, entry(9, url="https://paper.example/a"))
    text = ["The agency reported the vote.", "Turnout was high."]
    assert store.complete_article(first, brief(text), "full") == first
    spaced = ["The  agency reported THE vote.", "Turnout   was high."]
    assert store.complete_article(second, brief(spaced), "full") == first
    assert store.get_article(second) is None
    assert sorted(store.get_article(first).feeds) == ["Paper", "World"]  # type: ignore[union-attr]
    assert store.search("turnout")[0].article.id == first


def test_add_article_with_brief(store: Store) -> None:
    world = _feed(store)
    europe = _feed(store, "https://feeds.example/europe", "Europe")
    made = brief(["A storm hit the coast.", "Thousands lost power."])
    first = store.add_article_with_brief(world, entry(5), made, "feed-only", "HTTP 403", now=NOW)
    stored = store.get_article(first)
    assert stored is not None and (stored.status, stored.reason) == ("feed-only", "HTTP 403")
    other = entry(6, url="https://elsewhere.example/storm")
    assert store.add_article_with_brief(europe, other, made, "full", now=NOW) == first
    assert sorted(store.get_article(first).feeds) == ["Europe", "World"]  # type: ignore[union-attr]


def test_untrusted_text_is_stored_clean(store: Store) -> None:
    feed = _feed(store)
    hostile = entry(1, title="Breaking\x1b]0;pwned\x07 news\u202e", summary="Body\x00 text")
    [article_id] = store.record_fetch(feed, FetchUpdate(title="Feed\x1b[2J"), [hostile], now=NOW)
    made = brief(["Clean \u202eparagraph."], [])
    store.complete_article(article_id, made, "full")
    stored = store.get_article(article_id)
    assert stored is not None
    assert stored.title == "Breaking news"
    assert stored.paragraphs == ("Clean paragraph.",)
    assert stored.brief is not None and stored.brief.summary == ("Clean paragraph.",)
    assert store.get_feed(feed).title == "Feed"  # type: ignore[union-attr]


def test_search(store: Store) -> None:
    feed = _feed(store)
    ids = fetch(store, feed, entry(1, title="U.S. election results"), entry(2, title="Harvest"))
    store.complete_article(
        ids[1],
        brief(
            ["Farmers brought in the crop.", "The harvest was late, Jean Dupont said."],
            [("The harvest was late,", "Jean Dupont", "person", True)],
        ),
        "full",
    )
    assert [h.article.id for h in store.search("U.S. election")] == [ids[0]]
    assert [h.article.id for h in store.search("dupont")] == [ids[1]]  # a speaker
    assert [h.article.id for h in store.search("speakers: Dupont")] == [ids[1]]
    assert {h.article.id for h in store.search("crop OR election")} == set(ids)
    assert [h.article.id for h in store.search("harv*")] == [ids[1]]
    hit = store.search("farmers")[0]
    assert f"{MATCH_START}Farmers{MATCH_END}" in hit.snippet
    assert store.search("nothing-like-this") == []
    for bad in ('"unclosed', "AND AND", "(crop", "nosuchcolumn: x"):
        with pytest.raises(UsageError, match="search: cannot read the query"):
            store.search(bad)
    with pytest.raises(UsageError, match="empty"):
        store.search("   ")


def test_read_and_starred(store: Store) -> None:
    world = _feed(store)
    europe = _feed(store, "https://feeds.example/europe", "Europe")
    a, b = fetch(store, world, entry(1), entry(2))
    [c] = fetch(store, europe, entry(3))
    assert store.set_read(a) == 1
    assert store.set_read([a, b]) == 1
    assert {x.id for x in store.list_articles(ArticleFilter(unread=True))} == {c}
    assert store.set_read(a, read=False) == 1
    assert store.mark_all_read(ArticleFilter(feed_id=world)) == 1
    assert store.count_articles(ArticleFilter(unread=True)) == 1
    assert store.set_starred(c) is True and store.set_starred(404) is False
    assert [x.id for x in store.list_articles(ArticleFilter(starred=True))] == [c]
    assert store.count_articles(ArticleFilter(tag="en")) == 3
    assert store.count_articles(ArticleFilter(tag="nope")) == 0
    statuses = {f.name: f.unread_count for f in store.list_feeds()}
    assert statuses == {"World": 0, "Europe": 1}


def test_listing_order_and_since(store: Store) -> None:
    feed = _feed(store)
    entries = [
        entry(1, published="2026-02-27T10:00:00Z"),
        entry(2, published="2099-01-01T00:00:00Z"),  # a publisher's wrong clock
        entry(3, published=None),  # type: ignore[arg-type]
    ]
    ids = fetch(store, feed, *entries)
    # No date or a future date sorts at the fetch time, not above everything forever.
    assert [a.id for a in store.list_articles()] == [ids[2], ids[1], ids[0]]
    since = ArticleFilter(since=datetime(2026, 2, 28, tzinfo=UTC))
    assert {a.id for a in store.list_articles(since)} == {ids[1], ids[2]}
    assert [a.id for a in store.list_articles(limit=1, offset=1)] == [ids[1]]


def test_speakers_and_quotes(store: Store) -> None:
    feed = _feed(store)
    ids = fetch(store, feed, entry(1), entry(2))
    store.complete_article(
        ids[0],
        brief(
            ['"We stand firm," Ana Ruiz said.', '"No deal," said a protester.', "Ruiz said more."],
            [
                ("We stand firm,", "Ana Ruiz", "person", False),
                ("No deal,", "a protester", "anonymous", False),
                ("Ruiz said more.", "Ana Ruiz", "person", True),
            ],
        ),
        "full",
    )
    store.complete_article(
        ids[1],
        brief(
            ['"Prices rose," the ministry said.'],
            [("Prices rose,", "Ministry of Finance", "organization", False)],
        ),
        "full",
    )
    ranked = store.speakers()
    assert [(s.name, s.quotes, s.statements, s.articles) for s in ranked] == [
        ("Ana Ruiz", 1, 1, 1),
        ("Ministry of Finance", 1, 0, 1),
    ]
    assert ranked[0].kind == "person" and ranked[0].role == "minister"
    assert "a protester" in {s.name for s in store.speakers(named_only=False)}
    lines = store.quotations(named="Ana Ruiz")
    assert [(q.text, q.is_statement) for q in lines] == [
        ("We stand firm,", False),
        ("Ruiz said more.", True),
    ]
    assert lines[0].article_title == "Story 1"
    assert [a.id for a in store.list_articles(ArticleFilter(speaker="Ana Ruiz"))] == [ids[0]]


def test_digest_selection(store: Store) -> None:
    feed = _feed(store)
    ids = fetch(store, feed, entry(1), entry(2), entry(3))
    store.complete_article(ids[0], brief(["First text."]), "full")
    store.complete_article(ids[1], brief(["Second text."]), "feed-only", "paywall")
    chosen = store.articles_for_digest(NOW - timedelta(hours=24))
    assert [a.id for a in chosen] == ids[:2]  # the pending one waits
    assert chosen[1].brief is not None and chosen[1].feeds == ("World",)
    store.mark_digested([ids[0]], at=NOW)
    assert [a.id for a in store.articles_for_digest(NOW - timedelta(hours=24))] == [ids[1]]
    assert store.articles_for_digest(NOW + timedelta(minutes=1)) == []
    assert [a.id for a in store.articles_digested_between(NOW, NOW + timedelta(days=1))] == [ids[0]]


def test_retention_keeps_starred_and_remembers_deleted_entries(store: Store) -> None:
    feed = _feed(store)
    old, starred = fetch(store, feed, entry(1), entry(2))
    store.set_starred(starred)
    later = NOW + timedelta(days=31)
    [fresh] = fetch(store, feed, entry(1), entry(2), entry(3), now=later)
    assert store.purge(30, now=later) == 1
    assert store.get_article(old) is None
    assert store.get_article(starred) is not None and store.get_article(fresh) is not None
    assert store.search("story") and all(h.article.id != old for h in store.search("story"))
    # The feed still lists entry 1: it is not new again.
    assert fetch(store, feed, entry(1), now=later + timedelta(days=1)) == []
    # Once the feed stopped listing it for keep_days, the tombstone goes too.
    store.purge(30, now=later + timedelta(days=40))
    assert len(fetch(store, feed, entry(1), now=later + timedelta(days=41))) == 1


def test_old_entries_are_not_added(store: Store) -> None:
    feed = _feed(store)
    entries = [entry(1, published="2025-01-01T00:00:00Z"), entry(2)]
    new = store.record_fetch(
        feed, FetchUpdate(), entries, not_before=NOW - timedelta(days=30), now=NOW
    )
    assert [store.get_article(i).url for i in new] == ["https://news.example/story/2"]  # type: ignore[union-attr]


def test_removing_a_feed_keeps_shared_and_starred_articles(store: Store) -> None:
    world = _feed(store)
    europe = _feed(store, "https://feeds.example/europe", "Europe")
    only, shared, starred = fetch(store, world, entry(1), entry(2), entry(3))
    fetch(store, europe, entry(2))
    store.set_starred(starred)
    store.remove_feed(world)
    assert store.get_article(only) is None
    assert store.get_article(shared).feeds == ("Europe",)  # type: ignore[union-attr]
    assert store.get_article(starred).feeds == ()  # type: ignore[union-attr]
    assert store.search("story") and {h.article.id for h in store.search("story")} == {
        shared,
        starred,
    }


def test_brief_json_is_the_documented_contract(store: Store, tmp_path: Path) -> None:
    feed = _feed(store)
    [article_id] = fetch(store, feed, entry(1))
    made = brief(["Text one.", "Text two."])
    store.complete_article(article_id, made, "full")
    conn = sqlite3.connect(tmp_path / "brief.sqlite3")
    raw = json.loads(conn.execute("SELECT brief FROM articles").fetchone()[0])
    conn.close()
    assert raw == made.to_json(with_text=False)
