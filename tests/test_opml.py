"""OPML import (tolerant, safe, one warning per skipped outline) and OPML 2.0 export."""

from __future__ import annotations

import tarfile
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from conftest import FIXTURES

from brief.config import FeedConfig
from brief.errors import FeedError
from brief.feeds import parse_opml, write_opml

FEEDS = FIXTURES / "feeds"
REAL_LISTS = [
    "russia.opml",
    "france.opml",
    "android-development.opml",
    "news-without-category.opml",
]
# All 118 lists of the corpus (../shared/corpus/feeds/opml-awesome-rss-feeds), packed.
CORPUS = FEEDS / "opml-awesome-rss-feeds.tar.gz"


def _round_trip(data: bytes) -> tuple[list[FeedConfig], list[str]]:
    feeds, warnings = parse_opml(data)
    again, new_warnings = parse_opml(write_opml(feeds).encode("utf-8"))
    assert again == feeds
    assert new_warnings == []
    return feeds, warnings


@pytest.mark.parametrize("name", REAL_LISTS)
def test_real_lists_round_trip(name: str) -> None:
    feeds, _ = _round_trip((FEEDS / name).read_bytes())
    assert feeds
    assert all(f.url.startswith(("http://", "https://")) for f in feeds)


def test_every_corpus_list_round_trips() -> None:
    with tarfile.open(CORPUS) as tar:
        lists = [m for m in tar.getmembers() if m.name.endswith(".opml")]
        assert len(lists) >= 100
        total = 0
        for member in lists:
            handle = tar.extractfile(member)
            assert handle is not None
            feeds, _ = _round_trip(handle.read())
            total += len(feeds)
    assert total > 1500


def test_folders_become_tags_and_broken_quotes_are_survived() -> None:
    feeds, warnings = parse_opml((FEEDS / "russia.opml").read_bytes())
    assert warnings == []
    assert len(feeds) == 13
    assert {f.tags for f in feeds} == {("Russia",)}
    # This outline has unescaped quotes inside its text attribute; its URL is still read.
    assert "https://www.kommersant.ru/RSS/main.xml" in {f.url for f in feeds}
    lenta = next(f for f in feeds if f.url == "https://lenta.ru/rss")
    assert lenta.name == "Lenta.ru : Новости"


def test_bare_ampersands_stay_as_written() -> None:
    feeds, warnings = parse_opml((FEEDS / "france.opml").read_bytes())
    assert warnings == []
    urls = {f.url for f in feeds}
    assert "https://www.diplomatie.gouv.fr/spip.php?page=backend-fd&lang=en" in urls


def test_unreadable_outline_gets_one_warning_with_its_line() -> None:
    data = (FEEDS / "android-development.opml").read_bytes()
    feeds, warnings = parse_opml(data)
    assert warnings == ["line 32: skipped a malformed outline (feed https://saket.me/feed/)"]
    assert len(feeds) == data.count(b"xmlUrl=") - 1
    assert b"saket.me/feed/" in data.splitlines()[31]


def test_list_without_folders_has_no_tags() -> None:
    feeds, _ = parse_opml((FEEDS / "news-without-category.opml").read_bytes())
    assert feeds and all(f.tags == () for f in feeds)
    assert FeedConfig("https://www.theguardian.com/world/rss", "World news | The Guardian") in feeds


def test_hostile_opml(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-VALUE")
    data = f"""<?xml version="1.0"?>
<!DOCTYPE opml [
 <!ENTITY a "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa">
 <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
 <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
 <!ENTITY xxe SYSTEM "file://{secret}">
]>
<opml version="2.0"><head><title>&c;</title></head><body>
<outline text="World">
  <outline text="Europe" title="Europe">
    <outline text="&c; &xxe;" type="rss" xmlUrl="https://one.example/rss?x=1&region=eu"/>
  </outline>
  <outline text="Script" type="rss" xmlUrl="javascript:alert(1)"/>
  <outline text="Local file" type="rss" xmlUrl="file:///etc/passwd"/>
  <outline text="No URL" type="rss"/>
  <outline text="Red \x1b[31mflag\u202e" type="rss" xmlUrl="https://two.example/feed"
           category="/Breaking,/News/Politics"/>
</outline>
<outline text="Again" xmlUrl="https://two.example/feed" category="Extra"/>
</body></opml>""".encode()
    feeds, warnings = parse_opml(data)
    assert "TOP-SECRET-VALUE" not in repr(feeds)
    one, two = feeds
    assert one.url == "https://one.example/rss?x=1&region=eu"
    assert one.name == "&c; &xxe;"  # declared entities are text, never expanded
    assert one.tags == ("World", "Europe")
    assert two.name == "Red flag"  # the terminal escape sequence and the bidi override are gone
    assert two.tags == ("World", "Breaking", "News/Politics", "Extra")
    assert warnings == [
        'line 13: skipped outline "Script": not an http(s) feed URL: javascript:alert(1)',
        'line 14: skipped outline "Local file": not an http(s) feed URL: file:///etc/passwd',
        'line 15: skipped outline "No URL": no feed URL',
    ]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"<html><body><p>hello</p></body></html>", "starts with <html>"),
        (b'<rss version="2.0"><channel></channel></rss>', "starts with <rss>"),
        (b"", "starts with no element"),
        (b'<opml version="2.0"><head/></opml>', "no <body>"),
    ],
)
def test_not_opml(data: bytes, message: str) -> None:
    with pytest.raises(FeedError, match=message):
        parse_opml(data)


def test_write_opml_is_opml_2() -> None:
    feeds = [
        FeedConfig(
            "https://a.example/rss?x=1&y=2", 'Quotes "and" <angles> & co', ("News", "World")
        ),
        FeedConfig("https://b.example/atom", None, ()),
        FeedConfig("https://c.example/feed", "C", ("News",)),
    ]
    text = write_opml(feeds, title="Mine")
    root = ET.fromstring(text)
    assert root.tag == "opml" and root.get("version") == "2.0"
    assert root.findtext("head/title") == "Mine"
    body = root.find("body")
    assert body is not None
    folder, unfiled = list(body)
    assert folder.get("text") == "News" and folder.get("xmlUrl") is None
    assert [o.get("xmlUrl") for o in folder] == [
        "https://a.example/rss?x=1&y=2",
        "https://c.example/feed",
    ]
    assert folder[0].get("category") == "/News,/World"
    assert unfiled.get("xmlUrl") == "https://b.example/atom"
    again, warnings = parse_opml(text.encode())
    assert warnings == []
    # Export groups feeds by folder: the same feeds, the unfiled one last.
    assert again == [feeds[0], feeds[2], feeds[1]]
