"""Per-feed settings of [[feeds]]: refresh_every (fetched at most so often) and full_page
(false: the feed's own text is kept, no page fetched), in a real refresh on 127.0.0.1."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from loopback import Loopback
from refresh_support import Newsroom, feed_bytes, localize, write_config

from brief.config import load_config
from brief.refresh import refresh
from brief.store import Store

REGISTER = "http://go.theregister.com"
NBC = "https://www.nbcnewyork.com"


@pytest.fixture
def store(brief_home: Path) -> Iterator[Store]:
    with Store.open() as opened:
        yield opened


def config_with(tmp_path: Path, feeds: list[tuple[str, str]]) -> Path:
    """The test config with these [[feeds]] (url, extra TOML lines)."""
    path = write_config(tmp_path / "config.toml", [], pinned=False)
    text = path.read_text(encoding="utf-8")
    for url, extra in feeds:
        text += f'\n[[feeds]]\nurl = "{url}"\n{extra}\n'
    path.write_text(text, encoding="utf-8")
    return path


def two_feeds(loopback: Loopback) -> tuple[Newsroom, str, str]:
    """A newsroom serving The Register's Atom feed and NBC's RSS feed: (news, their URLs)."""
    news = Newsroom(loopback)
    base = loopback.url("/")
    register = news.feed(
        "/science.atom", localize(feed_bytes("atom_example_2.xml"), REGISTER, base)
    )
    nbc = news.feed("/nbc.rss", localize(feed_bytes("rss_2.0_nbcny.xml"), NBC, base))
    return news, register, nbc


def test_full_page_false_keeps_the_feeds_text_and_fetches_no_page(
    loopback: Loopback, store: Store, tmp_path: Path
) -> None:
    news, register, nbc = two_feeds(loopback)
    news.pages_for(register)
    news.pages_for(nbc)
    config = load_config(config_with(tmp_path, [(register, "full_page = false"), (nbc, "")]))
    assert config.feeds[0].full_page is False and config.feeds[1].full_page is True
    feeds = {"/science.atom", "/nbc.rss"}
    report = refresh(store, config)
    assert report.feeds_ok == 2 and report.articles_full == 1
    by_feed = {}
    for summary in store.list_articles():
        article = store.get_article(summary.id)
        assert article is not None
        by_feed.setdefault(article.feeds[0], []).append(article)
    register_articles = by_feed["The Register - Science"]
    assert len(register_articles) == 2
    for article in register_articles:
        assert article.status == "feed-only" and article.brief is not None
        assert article.reason == "the feed keeps its own text (full_page)"
    [nbc_article] = by_feed["NBC New York"]
    assert nbc_article.status == "full"
    # Only the two feeds and NBC's one page were requested.
    pages = [req.path for req in loopback.requests if req.path not in feeds]
    assert len(pages) == 1


def test_refresh_every_waits_before_fetching_a_feed_again(
    loopback: Loopback, store: Store, tmp_path: Path
) -> None:
    news, register, nbc = two_feeds(loopback)
    settings = [(register, "refresh_every = 60"), (nbc, "")]
    config = load_config(config_with(tmp_path, settings))
    refresh(store, config, articles=False)
    again = refresh(store, config, articles=False)
    assert news.hits("/science.atom") == 1  # fetched a minute ago: it waits an hour
    assert news.hits("/nbc.rss") == 2
    assert again.feeds_postponed == 1
    # Asked for by name (r in the reader, brief fetch --force…), it is fetched anyway.
    feed_id = next(f.id for f in store.list_feeds() if f.url == register)
    refresh(store, config, feed_ids=[feed_id], articles=False)
    assert news.hits("/science.atom") == 2
