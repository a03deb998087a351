"""The speaker page (enter on the speakers screen): the store's reads behind it, its stories
and carried quotations, and the page itself through Pilot, with the jump to an article."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from textual.widgets import OptionList, Static
from tui_support import HOSTILE_SHOWN, run_app

from brief.models import Article, Brief, FeedEntry, Quote
from brief.store import FetchUpdate, Store
from brief.tui.screens.article import ArticleScreen
from brief.tui.screens.speaker_page import SpeakerPage
from brief.tui.screens.speakers import SpeakersScreen
from brief.tui.speaker_stories import speaker_stories
from brief.tui.widgets.brief_view import BriefView

Said = tuple[str, str, str | None, bool]  # words, speaker, role, a statement

DRONE = "Tinzaouaten drone strike: Mali's Diop accuses Algeria over Kidal drone"
SUMMARY = ("Mali's foreign minister Abdoulaye Diop accused Algeria after the Tinzaouaten drone "
           "strike near Kidal, and Algiers rejected the accusation.",)  # fmt: skip


def _add(store: Store, feed: str, n: int, day: int, title: str, summary: tuple[str, ...],
         said: list[Said]) -> int:  # fmt: skip
    """One analyzed article of the feed named ``feed``, with these quotations and statements."""
    feed_id, _ = store.add_feed(f"https://{feed.lower().replace(' ', '')}.example/rss", feed, [])
    paragraphs = tuple(f"{words} ({i})" for i, (words, *_rest) in enumerate(said))
    article = Article(paragraphs=paragraphs, title=title, url=f"https://news.example/{n}")
    quotes = [
        Quote(words, who, "person", role, "said", i, article.paragraph_start(i),
              article.paragraph_start(i) + len(words))
        for i, (words, who, role, _) in enumerate(said)
    ]  # fmt: skip
    brief = Brief(
        article,
        summary,
        tuple(q for q, s in zip(quotes, said, strict=True) if not s[3]),
        tuple(q for q, s in zip(quotes, said, strict=True) if s[3]),
        (),
    )
    url = article.url or ""
    entry = FeedEntry(url, url, title, None, f"2026-02-{day:02d}T08:00:00Z", "", "")
    [article_id] = store.record_fetch(feed_id, FetchUpdate(), [entry])
    assert store.complete_article(article_id, brief, "full") == article_id
    return article_id


@pytest.fixture(name="news")
def news_fixture(tmp_path: Path) -> Iterator[Store]:
    """Diop in one story told by two outlets (the same quotation, trimmed in the second),
    then, as prime minister, in a story of his own; Laessing beside him twice, Roe once."""
    with Store.open(tmp_path / "brief.sqlite3") as store:
        minister = "foreign minister"
        _add(store, "Sahel Post", 1, 1, DRONE, SUMMARY, [
            ("We will not back down on this, whatever Algiers says", "Abdoulaye Diop", minister,
             False),
            ("Mali would ask the UN to act", "Abdoulaye Diop", minister, True),
            ("The accords are finished", "Ulf Laessing", "analyst", False),
        ])  # fmt: skip
        _add(store, "Maghreb Daily", 2, 2, "Algeria rejects Diop's Tinzaouaten drone accusation",
             SUMMARY, [
                 ("we will not back down on this", "Abdoulaye Diop", minister, False),
                 ("Nobody believes the accords survive", "Ulf Laessing", "analyst", False),
                 ("It was a provocation", "Jane Roe", None, False),
             ])  # fmt: skip
        _add(store, "Bamako Wire", 3, 5, "Parliament passes the budget for schools and roads",
             ("The national assembly voted the budget for schools, roads and clinics.",), [
                 (HOSTILE_SHOWN + " is a fine budget", "Prime Minister Abdoulaye Diop",
                  "prime minister", False),
             ])  # fmt: skip
        yield store


def _id(store: Store, name: str) -> int:
    [row] = [s for s in store.speakers(query=name) if s.name == name]
    assert row.id is not None
    return row.id


def test_the_store_reads_a_speakers_quotes_and_neighbours(news: Store) -> None:
    diop = _id(news, "Abdoulaye Diop")
    quotes = news.quotations(speakers={diop})
    assert [(q.article_title, q.is_statement) for q in quotes] == [
        ("Parliament passes the budget for schools and roads", False),
        ("Algeria rejects Diop's Tinzaouaten drone accusation", False),
        (DRONE, False),
        (DRONE, True),
    ]  # newest article first, in text order within one
    assert quotes[0].feeds == ("Bamako Wire",) and quotes[0].role == "prime minister"
    assert quotes[1].summary == SUMMARY[0]
    assert [(b.name, b.articles) for b in news.quoted_beside(diop)] == [
        ("Ulf Laessing", 2), ("Jane Roe", 1)]  # fmt: skip
    assert news.quoted_beside(diop, limit=1)[0].name == "Ulf Laessing"
    laessing = _id(news, "Ulf Laessing")
    assert [b.name for b in news.quoted_beside(laessing)] == ["Abdoulaye Diop", "Jane Roe"]
    assert news.quotations(speakers={9999}) == [] and news.quoted_beside(9999) == []


def test_quotes_group_by_story_and_one_quotation_is_carried_by_two_outlets(news: Store) -> None:
    stories = speaker_stories(news.quotations(speakers={_id(news, "Abdoulaye Diop")}))
    assert [(s.headline, s.articles) for s in stories] == [
        ("Parliament passes the budget for schools and roads", 1),
        ("Algeria rejects Diop's Tinzaouaten drone accusation", 2),
    ]
    drone = stories[1]
    assert [(s.quote.text, s.outlets) for s in drone.said] == [
        ("We will not back down on this, whatever Algiers says", ("Sahel Post", "Maghreb Daily")),
        ("Mali would ask the UN to act", ("Sahel Post",)),
    ]  # the earliest outlet's words, direct quotations before statements


@pytest.mark.anyio
async def test_the_speaker_page_and_the_jump_to_an_article(news: Store) -> None:
    async with run_app(news, size=(80, 24)) as tui:
        await tui.press("p")
        speakers = tui.app.screen
        assert isinstance(speakers, SpeakersScreen)
        names = [s.name for s in speakers.speakers]
        speakers.query_one("#speaker-list", OptionList).highlighted = names.index("Abdoulaye Diop")
        await tui.press("enter")
        page = tui.app.screen
        assert isinstance(page, SpeakerPage)
        header = str(page.query_one("#speaker-page-title", Static).render())
        assert header.startswith("Abdoulaye Diop, prime minister")
        assert "3 quotes · 1 statement · in 3 articles · 2026-02-01 – 2026-02-05" in header
        rows = page.query_one("#speaker-page", OptionList)
        lines = [str(rows.get_option_at_index(i).prompt) for i in range(rows.option_count)]
        assert lines[:4] == [
            "Roles",
            "  prime minister · 2026-02-05",
            "  foreign minister · 2026-02-01 – 2026-02-02",
            "Quoted beside  Ulf Laessing (2), Jane Roe (1)",
        ]
        assert lines[4] == "▌ Parliament passes the budget for schools and roads"
        assert lines[5].startswith(f"  “{HOSTILE_SHOWN} is a fine budget”")  # literal
        assert lines[6] == "▌ Algeria rejects Diop's Tinzaouaten drone accusation · 2 articles"
        assert lines[7] == (
            "  “We will not back down on this, whatever Algiers says”\n"
            "    — Sahel Post · 2026-02-01 · foreign minister\n"
            "    carried by 2 outlets: Sahel Post, Maghreb Daily"
        )
        assert lines[8].startswith("  ↳ Mali would ask the UN to act")
        text = tui.text()
        assert "carried by 2 outlets" in text and HOSTILE_SHOWN in text
        # The newest quotation is highlighted; j goes to the next (headings are skipped).
        assert rows.highlighted == 5
        await tui.press("j")
        assert rows.highlighted == 7
        await tui.press("enter")
        assert isinstance(tui.app.screen, ArticleScreen)
        view = tui.app.screen.query_one(BriefView)
        assert view.article is not None and view.article.feeds == ("Sahel Post",)
        await tui.press("escape")
        assert tui.app.screen is page
        await tui.press("escape")
        assert tui.app.screen is speakers
