"""Migration 3 converts a schema-2 store in place with nothing lost, and the one-copy index
stays exact through later writes, merges and deletes.

The schema-2 store is tests/fixtures/store/v2.sqlite3, written by brief's own schema-2 code
(tests/fixtures/store/make_v2.py says how): four analysed sample pages, pending entries with
non-BMP and CJK text. What it held is read with plain SQL before brief opens (and migrates) it.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from brief.analyze import analyze
from brief.models import Article, FeedEntry
from brief.store import FetchUpdate, Store

FIXTURE = Path(__file__).parent / "fixtures" / "store" / "v2.sqlite3"


def _vocabulary(conn: sqlite3.Connection) -> list[tuple[str, str, int, int]]:
    """Every indexed term with the column it is in, its documents and occurrences."""
    conn.execute("CREATE VIRTUAL TABLE temp.vocab USING fts5vocab(main, articles_fts, col)")
    rows = conn.execute("SELECT term, col, doc, cnt FROM temp.vocab ORDER BY 1, 2").fetchall()
    conn.execute("DROP TABLE temp.vocab")
    return rows


# The copied file, its texts and paragraphs by id, and its index's vocabulary.
Old = tuple[Path, dict[int, tuple[str, list[str]]], list[tuple[str, str, int, int]]]


@pytest.fixture
def old(tmp_path: Path) -> Old:
    path = tmp_path / "brief.sqlite3"
    shutil.copy(FIXTURE, path)
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 2
    texts = {
        int(i): (text, json.loads(paragraphs))
        for i, text, paragraphs in conn.execute("SELECT id, text, paragraphs FROM articles")
    }
    vocabulary = _vocabulary(conn)
    conn.close()
    return path, texts, vocabulary


def test_texts_paragraphs_and_every_indexed_word_survive(old: Old) -> None:
    path, texts, vocabulary = old
    assert len(texts) == 7 and any(len(p) > 10 for _, p in texts.values())
    with Store.open(path) as store:
        for article_id, (text, paragraphs) in texts.items():
            article = store.get_article(article_id)
            assert article is not None
            assert article.text == text
            assert list(article.paragraphs) == paragraphs
            if article.brief is not None:
                assert article.brief.article.paragraphs == tuple(paragraphs)
        for term in ("helicopter", "teachers", "Netanyahu", "東京の記事", "cafe", "satellites"):
            assert store.search(term), term
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] >= 3
    assert _vocabulary(conn) == vocabulary
    columns = {r[1] for r in conn.execute("PRAGMA table_info(articles)")}
    assert "paragraphs" not in columns and "paragraph_ends" in columns
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
    assert "articles_fts_content" not in tables  # the index keeps no copy of the text
    conn.execute("INSERT INTO articles_fts (articles_fts) VALUES ('integrity-check')")
    conn.close()


def test_every_word_search_found_before_it_finds_after(old: Old) -> None:
    path, _, vocabulary = old
    conn = sqlite3.connect(path)
    before = {
        term: {r[0] for r in conn.execute(
            "SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?", (f'"{term}"',))}
        for term in sorted({t for t, _, _, _ in vocabulary})[::7]
    }  # fmt: skip
    conn.close()
    with Store.open(path):
        pass
    conn = sqlite3.connect(path)
    for term, ids in before.items():
        after = {
            r[0]
            for r in conn.execute(
                "SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?", (f'"{term}"',)
            )
        }
        assert after == ids, term
    conn.close()


def test_the_index_stays_exact_through_reanalysis_merges_and_deletes(old: Old) -> None:
    path, texts, _ = old
    with Store.open(path) as store:
        pending = [i for i in texts if store.get_article(i).brief is None]  # type: ignore[union-attr]
        article_id = pending[0]
        paragraphs = (
            "“We will plant zebrawood in every valley,” Forestry Minister Ngaio Marsh said.",
            "Second 🛰️ paragraph.",
        )
        brief = analyze(Article(paragraphs=paragraphs, title="Zebrawood"))
        assert brief.quotes and brief.quotes[0].speaker
        assert store.complete_article(article_id, brief, "full") == article_id
        assert [h.article.id for h in store.search("zebrawood")] == [article_id]
        assert [h.article.id for h in store.search("valley")] == [article_id]  # in the quote
        assert [h.article.id for h in store.search("Marsh")] == [article_id]
        assert not store.search("satellites")  # the feed's text it replaced left the index
        stored = store.get_article(article_id)
        assert stored is not None and stored.paragraphs == paragraphs
        # The same text again, in an article of another feed: merged into the first (and
        # deleted), and the index finds the story once, and the other's old text no more.
        other = 3  # the Indiana teachers page, carried by the first feed only
        assert store.get_article(other).brief is not None  # type: ignore[union-attr]
        assert store.search("teachers")
        assert store.complete_article(other, brief, "full") == article_id
        assert store.get_article(other) is None
        assert not store.search("teachers")
        assert [h.article.id for h in store.search("zebrawood")] == [article_id]
        assert store.purge(0) == len(texts) - 1  # all but the merged one
    conn = sqlite3.connect(path)
    conn.execute("INSERT INTO articles_fts (articles_fts) VALUES ('integrity-check')")
    assert conn.execute("SELECT count(*) FROM articles_fts").fetchone()[0] == 0
    conn.close()


def _entries(count: int, prefix: str) -> list[FeedEntry]:
    body = "\n\n".join(
        f"Paragraph {n} of a long report about harvests and rain." for n in range(90)
    )
    return [
        FeedEntry(guid=f"{prefix}{n}", url=f"https://f.example/{prefix}{n}", title=f"Report {n}",
                  author=None, published=None, summary_text=body, content_text="")
        for n in range(count)
    ]  # fmt: skip


def _free_pages(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        return int(conn.execute("PRAGMA freelist_count").fetchone()[0])
    finally:
        conn.close()


def test_a_large_purge_gives_the_space_back_and_a_small_one_does_not(tmp_path: Path) -> None:
    path = tmp_path / "brief.sqlite3"
    old = datetime(2026, 1, 1, tzinfo=UTC)
    with Store.open(path) as store:
        feed_id, _ = store.add_feed("https://f.example/feed", "F")
        store.record_fetch(feed_id, FetchUpdate(), _entries(20, "small"), now=old)
        store.record_fetch(feed_id, FetchUpdate(), _entries(1000, "big"), now=old + timedelta(1))
        store.record_fetch(feed_id, FetchUpdate(), _entries(300, "new"), now=old + timedelta(9))
        now = old + timedelta(days=10)
        assert store.purge(9, now=now) == 20  # a little: left as free pages for new rows
        small = _free_pages(path)
        assert small > 0
        full = path.stat().st_size
        assert store.purge(5, now=now) == 1000
        assert _free_pages(path) == 0
        assert path.stat().st_size < full / 2
        assert len(store.search("harvests", limit=1000)) == 300


def test_search_ranks_the_best_first_and_pages_through_them(tmp_path: Path) -> None:
    """Only the requested page gets read and a snippet; the pages still join up in order."""
    with Store.open(tmp_path / "brief.sqlite3") as store:
        feed_id, _ = store.add_feed("https://f.example/feed", "F")
        entries = _entries(40, "a")
        day = datetime(2026, 1, 1, tzinfo=UTC)
        store.record_fetch(feed_id, FetchUpdate(), entries, now=day)
        title = FeedEntry(
            guid="t",
            url="https://f.example/t",
            title="Harvests harvests",
            author=None,
            published=None,
            summary_text="Rain.",
            content_text="",
        )
        store.record_fetch(feed_id, FetchUpdate(), [title], now=day + timedelta(days=1))
        every = [h.article.id for h in store.search("harvests", limit=100)]
        assert len(every) == 41 and len(store.search("harvests")) == 41
        pages = [h.article.id for o in range(0, 41, 10) for h in store.search("harvests", 10, o)]
        assert pages == every
        assert all("harvests" in h.snippet.casefold() for h in store.search("harvests", 5, 30))
