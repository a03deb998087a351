"""A digest a person finishes: the most significant stories in full, the rest listed; key quotes
only with an asserted speaker; Markdown escaped only where CommonMark needs it."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from markdown_it import MarkdownIt
from test_digest_cli import fill_day, run_digest, undigested

from brief.digest.assemble import assemble
from brief.digest.html import to_html
from brief.digest.model import DigestArticle
from brief.digest.rank import DigestShape
from brief.digest.render import to_markdown, to_text
from brief.models import Article, Brief, Quote
from brief.present import md_escape

COMMONMARK = MarkdownIt("commonmark")


def words(i: int) -> list[str]:
    """Words no other story shares (so every story stands alone)."""
    return [f"w{i}x{j}" for j in range(8)]


def quote(text: str, speaker: str | None, confidence: float | None = 0.99) -> Quote:
    kind = "person" if speaker else None
    return Quote(text, speaker, kind, None, "said", 0, 0, len(text), None, confidence)


def article(
    id_: int, story: int, feed: str, quotes: tuple[Quote, ...] = (), title: str | None = None
) -> DigestArticle:
    body = " ".join(words(story)) + "."
    headline = title or f"Story {story}: " + " ".join(words(story)[:4])
    url = f"https://news.example/{id_}"
    a = Article(paragraphs=(body,), title=headline, url=url, language="en")
    return DigestArticle(id=id_, brief=Brief(a, (body,), quotes, (), ()), feeds=(feed,), url=url)


def day(stories: int) -> list[DigestArticle]:
    """``stories`` one-outlet stories with one quote each, except: story 7 carried by three
    outlets, story 12 with three attributed quotes, story 20 from "Followed Wire"."""
    out = []
    next_id = 1
    for s in range(stories):
        quotes = (quote(f"Quote of story {s} " + " ".join(words(s)[:3]), f"Speaker {s}"),)
        if s == 12:
            quotes += tuple(
                quote(f"Another thing {k} said " + words(s)[k], "Speaker 12") for k in (4, 5)
            )
        feeds = (
            ["Outlet A", "Outlet B", "Outlet C"]
            if s == 7
            else ["Followed Wire" if s == 20 else f"Feed {s}"]
        )
        for feed in feeds:
            out.append(article(next_id, s, feed, quotes))
            next_id += 1
    return out


def test_the_most_significant_stories_in_full_then_the_rest_listed() -> None:
    shape = DigestShape(max_stories=5, max_speakers=3, follow=("followed wire",))
    digest = assemble(day(30), [], "2026-12-03", "new", shape)
    assert digest.story_count == 30 and len(digest.stories) == 5 and len(digest.more_stories) == 25
    heads = [s.headline.split(":")[0] for s in digest.stories]
    # Three outlets first; then the followed feed (one outlet more); then most quotes.
    assert heads[:3] == ["Story 7", "Story 20", "Story 12"]
    assert [s.number for s in digest.stories + digest.more_stories] == list(range(1, 31))
    assert len(digest.speakers) == 3 and len(digest.more_speakers) == 27
    md = to_markdown(digest)
    assert "30 stories from 32 articles (new); the 5 most significant in full" in md
    listed = md.split("### And 25 more stories", 1)[1].split("## Who said what", 1)[0]
    for story in digest.more_stories:
        url = story.sources[0].url
        assert f"- {story.number}. [{md_escape(story.headline)}]({url}) — " in listed
    assert listed.count("\n- ") == 25 and "> “" not in listed  # headlines, no quotes
    assert "### And 27 more speakers" in md
    text = to_text(digest)
    assert "AND 25 MORE STORIES" in text and "AND 27 MORE SPEAKERS" in text
    page = to_html(digest)
    assert "And 25 more stories" in page and 'id="story-30"' in page
    # Who said what points at listed stories too: their anchors exist.
    assert all(f'id="story-{line.story}"' in page for s in digest.speakers for line in s.lines)


def test_a_short_day_is_told_in_full() -> None:
    digest = assemble(day(4), [], "d", "new")
    assert len(digest.stories) == 4 and digest.more_stories == ()
    assert "more stories" not in to_markdown(digest)
    assert "most significant" not in to_markdown(digest)


def test_key_quotes_are_attributed_and_confident() -> None:
    sure = quote("The bridge will reopen in spring next year", "Ana Ruiz", 0.99)
    doubted = quote("We never saw the inspection report at all", "Ana Ruiz", 0.40)
    nobody = quote("It was a disaster waiting to happen here", None, None)
    unscored = quote("Repairs began on the north side this week", "Ben Ode", None)
    digest = assemble([article(1, 1, "Feed", (doubted, nobody, sure, unscored))], [], "d", "new")
    [story] = digest.stories
    assert [q.text for q in story.quotes] == [sure.text, unscored.text]
    assert all(q.speaker and not q.speaker.endswith("?") for q in story.quotes)
    # Who said what still shows the doubted line, with the doubt.
    assert any(s.name == "Ana Ruiz?" for s in digest.speakers)


def test_a_quote_counts_every_outlet_but_takes_the_asserted_attribution() -> None:
    text = "The bridge will reopen in spring next year"
    first = article(1, 1, "Feed A", (quote(text, None, None),))
    second = article(2, 1, "Feed B", (quote(text, "Ana Ruiz", 0.99),))
    [story] = assemble([first, second], [], "d", "new").stories
    [key] = story.quotes
    assert key.speaker == "Ana Ruiz" and key.sources == 2


def rendered_text(markdown: str) -> str:
    """What a CommonMark renderer shows of ``markdown``: the HTML's text."""
    out = COMMONMARK.render(markdown)
    return html.unescape(re.sub(r"<[^>]+>", "", out)).strip()


PLAIN = [
    "Kentucky!",
    "(new since the last digest, stored in the last 24 hours)",
    "Disney+ raises prices",
    "AT&T, 3 > 2, 50% off, e-mail, rock 'n' roll, C# and F#",
    "snake_case_name and Ilhan Omar's #1 fan",
    "2019 was a year; so was 2020.",
]
MARKUP = [
    "*not emphasis* and **not strong**",
    "_not emphasis_ here",
    "[not a link](https://evil.example) and ![no image](x.png)",
    "<b>not html</b> <https://not.autolink>",
    "`not code`",
    "&amp; &#39; &copy; stay as written",
    "# not a heading",
    "## not a heading either ##",
    "1. not a list",
    "2019) not a list",
    "- not a list",
    "+ not a list",
    "> not a quote",
    "---",
    "a backslash \\ and \\* and a final \\",
    "~~not struck~~",
    "Vote #",
]


@pytest.mark.parametrize("value", PLAIN)
def test_plain_text_is_not_escaped(value: str) -> None:
    assert md_escape(value) == value
    assert rendered_text(md_escape(value)) == html.unescape(html.escape(value))


@pytest.mark.parametrize("value", MARKUP)
def test_markdown_syntax_renders_as_the_text_it_is(value: str) -> None:
    escaped = md_escape(value)
    shown = COMMONMARK.render(escaped)
    assert not re.search(r"<(em|strong|a|img|code|h\d|ol|ul|li|blockquote|hr|del|b)\b", shown)
    assert rendered_text(escaped) == value


def test_the_whole_digest_renders_to_its_own_words() -> None:
    tricky = "Kentucky! Disney+ (new) *stars* [x](y) <b> &amp; #1"
    articles = [
        article(
            1,
            1,
            "Feed <A> & *co*",
            (quote("Disney+ is up 5% (again), they said!", "Bo_b"),),
            title=tricky,
        ),
        article(2, 2, "Feed 2"),
    ]
    digest = assemble(articles, [], "2026-12-03", "new since the last digest")
    md = to_markdown(digest)
    assert "Kentucky!" in md and "Disney+" in md and "(new since the last digest)" in md
    shown = rendered_text(md)
    assert f"1. {tricky}" in shown
    assert "Feed <A> & *co* · 1 source" in shown
    assert "“Disney+ is up 5% (again), they said!” — Bo_b" in shown
    page = COMMONMARK.render(md)
    assert page.count("<em>") == len(digest.stories)  # only each story's feeds line
    assert not re.search(r"<(strong|b|img)\b", page)


def test_dry_run_shows_the_digest_and_marks_nothing(tmp_path: Path) -> None:
    ids = fill_day()
    peek = run_digest("--no-fetch", "--dry-run", check=True)
    assert b"## Stories" in peek.stdout and b"2 stories from 3 articles" in peek.stdout
    assert set(ids.values()) <= undigested()
    again = run_digest("--no-fetch", "--dry-run", check=True)
    assert again.stdout == peek.stdout  # a peek does not use anything up
    # The README's order: look first, then write the file; the file has the same stories.
    out = tmp_path / "{date}.md"
    run_digest("--no-fetch", "-o", str(out), check=True)
    [written] = list(tmp_path.glob("*.md"))
    assert written.read_bytes().split(b"## Stories", 1)[1] == peek.stdout.split(b"## Stories", 1)[1]
    assert undigested().isdisjoint(ids.values())


def test_dry_run_with_an_output_is_a_usage_error(tmp_path: Path) -> None:
    fill_day()
    done = run_digest("--no-fetch", "--dry-run", "-o", str(tmp_path / "x.md"))
    assert done.returncode == 2
    assert done.stderr.decode().splitlines() == [
        "brief: error: --dry-run prints the digest: it cannot go with --output or --mail"
    ]
    assert not (tmp_path / "x.md").exists()
