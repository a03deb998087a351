"""Assembling and rendering a digest: stories across feeds, who said what, hostile feed text."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from importlib import resources

import jsonschema
import pytest
from conftest import FIXTURES
from markdown_it import MarkdownIt

from brief.digest.assemble import assemble
from brief.digest.html import to_html
from brief.digest.model import DigestArticle, FailedFeed
from brief.digest.render import safe_url, to_json, to_markdown, to_text
from brief.models import Actor, Article, Brief, Quote

LEADS = json.loads((FIXTURES / "digest" / "scrapinghub-leads.json").read_text(encoding="utf-8"))
SCHEMA = json.loads(
    (resources.files("brief") / "schema" / "digest.schema.json").read_text(encoding="utf-8")
)


def _quote(text: str, speaker: str | None, kind: str | None = "person", role: str | None = None):  # type: ignore[no-untyped-def]
    return Quote(text, speaker, kind, role, "said", 0, 0, len(text))


def _article(
    id_: int,
    lead: dict[str, str],
    feeds: tuple[str, ...],
    quotes: tuple[Quote, ...] = (),
    statements: tuple[Quote, ...] = (),
    actors: tuple[Actor, ...] = (),
) -> DigestArticle:
    sentences = tuple(s for s in re.split(r"(?<=[.!?])\s+", lead["lead"]) if s)
    article = Article(paragraphs=sentences, title=lead["title"], url=lead["url"], language="en")
    brief = Brief(article, sentences[:5], quotes, statements, actors)
    return DigestArticle(id=id_, brief=brief, feeds=feeds, url=lead["url"])


def _lead(fragment: str) -> dict[str, str]:
    [hit] = [x for x in LEADS if fragment in x["url"]]
    return hit


PLAGUE_QUOTE = "The risk of this plague spreading is extremely low"


def _plague_day() -> list[DigestArticle]:
    """Two feeds carry the plague story; a third article is about something else."""
    who = _quote(PLAGUE_QUOTE, "Beijing health commission", "organization")
    hunter = Actor("Inner Mongolia", "place", None, 3, 0)
    return [
        _article(
            1,
            _lead("nypost.com/2019/11/18/chinese"),
            ("New York Post",),
            quotes=(who, _quote("We were told to stay at home", "Li Wei", role="a villager")),
            actors=(hunter,),
        ),
        _article(
            2,
            _lead("thesun.co.uk/news/10371941"),
            ("The Sun", "World wires"),
            quotes=(who,),
            statements=(_quote("the hunter had been isolated", "Li Wei"),),
            actors=(hunter,),
        ),
        _article(
            3,
            _lead("billboard.com/articles/news/8544119"),
            ("Billboard",),
            quotes=(_quote("We are thrilled to be back on the road together", "Tom Johnston"),),
        ),
    ]


def test_one_story_lists_every_source_and_feed() -> None:
    digest = assemble(_plague_day(), [], "2019-11-19", "new since the last digest")
    assert digest.article_count == 3
    first = digest.stories[0]
    assert [s.article_id for s in first.sources] == [1, 2]
    assert first.feeds == ("New York Post", "The Sun", "World wires")
    assert len(first.summary) in (2, 3)
    # The quote both outlets carried comes first and says so.
    assert first.quotes[0].text == PLAGUE_QUOTE and first.quotes[0].sources == 2
    assert [s.number for s in digest.stories] == [1, 2]


def test_who_said_what_gathers_a_speaker_across_articles() -> None:
    digest = assemble(_plague_day(), [], "2019-11-19", "new")
    by_name = {s.name: s for s in digest.speakers}
    li = by_name["Li Wei"]
    assert li.role == "a villager"
    assert [(x.direct, x.story) for x in li.lines] == [(True, 1), (False, 1)]
    assert by_name["Tom Johnston"].lines[0].story == 2
    assert by_name["Beijing health commission"].kind == "organization"
    # The quote carried twice is listed once.
    assert len(by_name["Beijing health commission"].lines) == 1


def test_markdown_and_text_carry_sections() -> None:
    digest = assemble(
        _plague_day(), [FailedFeed("Broken", "https://b.example/rss", "HTTP 500", 3)], "d", "new"
    )
    md = to_markdown(digest)
    for section in ("## Stories", "## Who said what", "## Top actors", "## Feeds that failed"):
        assert section in md
    assert "### Li Wei, a villager" in md
    text = to_text(digest)
    assert "WHO SAID WHAT" in text and "FEEDS THAT FAILED" in text
    assert all(len(line) <= 78 or "://" in line for line in text.splitlines())
    assert "\x1b" not in md + text


def test_json_follows_the_documented_schema() -> None:
    digest = assemble(_plague_day(), [FailedFeed("B", "https://b.example/", "e", 1)], "d", "new")
    data = json.loads(to_json(digest))
    jsonschema.validate(data, SCHEMA)
    assert data["stories"][0]["feeds"] == ["New York Post", "The Sun", "World wires"]


def test_empty_day_is_one_line_in_every_format() -> None:
    digest = assemble([], [], "2024-05-01", "new since the last digest")
    line = "Nothing new for 2024-05-01 (new since the last digest)."
    assert to_text(digest) == line + "\n"
    assert to_markdown(digest) == line + "\n"
    assert json.loads(to_json(digest))["stories"] == []
    assert f"<p>{line}</p>" in to_html(digest)


HOSTILE_TITLE = (
    '<script>alert(1)</script><img src=x onerror="alert(2)"> [x](javascript:alert(3)) '
    "=?UTF-8?Q?=0A?=Bcc: x@example.com \x1b[31mred\x1b[0m \u202eevil"
)


def _hostile() -> list[DigestArticle]:
    lead = {
        "title": HOSTILE_TITLE,
        "lead": '"><svg onload=alert(4)> Text with <b onclick="x()">bold</b>. Second <a>.',
        "url": "javascript:alert(5)",
    }
    evil_quote = _quote('</blockquote><script src="https://evil.example/x.js"></script>', "X")
    return [
        _article(1, lead, ('Feed" onmouseover="alert(6)',), quotes=(evil_quote,)),
        _article(2, {**lead, "url": "https://ok.example/a?b=<c>&d=(e)"}, ("<i>Feed</i>",)),
        _article(3, {**lead, "url": "data:text/html,<script>alert(7)</script>"}, ("F",)),
        _article(4, {**lead, "url": " JaVaScRiPt:alert(8)"}, ("G",)),
    ]


class _Tags(HTMLParser):
    """Every tag and attribute the browser would see."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str | None]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attrs += attrs


def test_hostile_feed_html_has_no_script_handler_or_js_url() -> None:
    html = to_html(assemble(_hostile(), [], "d", "new"))
    assert "<script" not in html.lower()
    assert not re.search(r"<[^>]*\son\w+\s*=", html, re.IGNORECASE)
    parser = _Tags()
    parser.feed(html)
    assert "script" not in parser.tags and "img" not in parser.tags and "svg" not in parser.tags
    assert not [name for name, _ in parser.attrs if name.startswith("on")]
    links = [value or "" for name, value in parser.attrs if name in ("href", "src", "action")]
    assert all(v.startswith(("https://", "http://", "#story-")) for v in links), links
    assert "https://ok.example/a?b=%3Cc%3E&amp;d=%28e%29" in html
    assert "\x1b" not in html and "\u202e" not in html


def test_hostile_feed_html_is_self_contained() -> None:
    html = to_html(assemble(_hostile(), [], "d", "new"))
    assert "<link" not in html and "@import" not in html and "url(" not in html
    assert "default-src 'none'" in html


def test_hostile_feed_markdown_and_text_stay_inert() -> None:
    digest = assemble(_hostile(), [], "d", "new")
    md = to_markdown(digest)
    # Rendered as CommonMark: the only links are the http(s) sources, and no tag gets through.
    page = MarkdownIt("commonmark").render(md)
    assert re.findall(r'href="([^"]*)"', page) == ["https://ok.example/a?b=%3Cc%3E&amp;d=%28e%29"]
    assert not re.search(r"<(script|svg|img|b|i)\b", page)
    assert "\x1b" not in md and "\u202e" not in md
    text = to_text(digest)
    assert "\x1b" not in text and "\u202e" not in text
    assert "javascript:alert(5)" not in text


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://example.org/a b", "https://example.org/a%20b"),
        ("HTTP://example.org/x)", "http://example.org/x%29"),
        ("javascript:alert(1)", None),
        ("vbscript:x", None),
        ("//example.org/x", None),
        ("https:///nohost", None),
        ("http://[::1", None),
        (None, None),
    ],
)
def test_safe_url(url: str | None, expected: str | None) -> None:
    assert safe_url(url) == expected
