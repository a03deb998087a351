"""Speaker identity across stored articles: aliases merge, different people stay apart, the
fullest name and the latest role show, links are explained, old stores are linked on open."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import jsonschema
import pytest
from test_commands_feeds import brief as run_brief

from brief.models import Article, Brief, FeedEntry, Quote
from brief.store import ArticleFilter, FetchUpdate, Store
from brief.store.naming import name_key

Said = tuple[str, str, str | None]  # speaker, kind, role


def _brief(said: list[Said], day: int, text: str = "") -> Brief:
    """A brief with one quotation per (speaker, kind, role), each in its own paragraph (the
    first one's words ``text`` when given)."""
    paragraphs = tuple(
        text if i == 0 and text else f"Quote number {i} of the day." for i in range(len(said))
    )
    article = Article(paragraphs=paragraphs, title="t", published=f"2026-02-{day:02d}")
    quotes = tuple(
        Quote(p, name, kind, role, "said", i, article.paragraph_start(i),  # type: ignore[arg-type]
              article.paragraph_start(i) + len(p))
        for i, (p, (name, kind, role)) in enumerate(zip(paragraphs, said, strict=True))
    )  # fmt: skip
    return Brief(article, (), quotes, (), ())


class _Feed:
    """Stores briefs as articles of one feed, one per call."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.feed, _ = store.add_feed("https://feeds.example/world", "World", [])
        self.n = 0

    def add(
        self, said: list[Said], day: int = 1, host: str = "news.example", text: str = ""
    ) -> int:
        self.n += 1
        url = f"https://{host}/{self.n}"
        entry = FeedEntry(url, url, f"Story {self.n}", None, f"2026-02-{day:02d}T08:00:00Z",
                          "", "")  # fmt: skip
        [article_id] = self.store.record_fetch(self.feed, FetchUpdate(), [entry])
        stored = self.store.complete_article(article_id, _brief(said, day, text), "full")
        assert stored == article_id
        return article_id


@pytest.fixture
def feed(tmp_path: Path) -> Iterator[_Feed]:
    with Store.open(tmp_path / "brief.sqlite3") as store:
        yield _Feed(store)


def _rows(store: Store) -> dict[str, int]:
    return {s.name: s.quotes for s in store.speakers()}


def test_name_keys() -> None:
    same = ["Donald Trump", "Donald J. Trump", "President Donald Trump", "Mr. Donald Trump Jr."]
    assert {name_key(n, "person").key for n in same} == {"person:donald trump"}  # type: ignore[union-attr]
    assert name_key("Boris Johnson", "person") != name_key("Dustin Johnson", "person")
    orgs = ["Algeria's foreign ministry", "the Algerian Foreign Ministry",
            "the foreign ministry of Algeria"]  # fmt: skip
    assert len({name_key(n, "organization").key for n in orgs}) == 1  # type: ignore[union-attr]
    assert name_key("the Moroccan foreign ministry", "organization") != name_key(
        "Algeria's foreign ministry", "organization"
    )
    assert name_key("the minister", "person") is None
    assert name_key("a protester", "anonymous") is None


def test_aliases_merge_into_one_speaker(feed: _Feed) -> None:
    feed.add([("Trump", "person", "President")], day=1)  # before any full name
    feed.add([("Donald Trump", "person", "candidate"), ("Trump", "person", None)], day=2)
    feed.add([("President Trump", "person", "president")], day=3)
    feed.add([("Donald J. Trump", "person", None)], day=4)
    feed.add([("Algeria's foreign ministry", "organization", None)], day=2)
    feed.add([("the Algerian foreign ministry", "organization", None)], day=3)
    rows = feed.store.speakers()
    assert [(s.name, s.quotes, s.articles) for s in rows] == [
        ("Donald J. Trump", 5, 4),
        ("Algeria's foreign ministry", 2, 2),
    ]
    trump = rows[0]
    assert trump.role == "president"  # the latest role, not the most frequent
    assert trump.first_seen is not None and trump.last_seen is not None
    assert (trump.first_seen.day, trump.last_seen.day) == (1, 4)


def test_different_people_stay_apart(feed: _Feed) -> None:
    boris = feed.add([("Boris Johnson", "person", "prime minister"), ("Johnson", "person", None)])
    feed.add([("Dustin Johnson", "person", "golfer")])
    alone = feed.add([("Johnson", "person", None)])  # two Johnsons stored: unresolved
    feed.add([("Dustin Johnson", "person", None), ("Johnson", "person", None)])
    assert _rows(feed.store) == {"Boris Johnson": 2, "Dustin Johnson": 3, "Johnson": 1}
    unresolved = next(s for s in feed.store.speakers() if s.name == "Johnson")
    assert unresolved.id is not None
    detail = feed.store.speaker(unresolved.id)
    assert detail is not None
    assert [(x.alias, x.article_id, x.how) for x in detail.links] == [
        ("Johnson", alone, "unresolved: several speakers have that surname")
    ]
    boris_row = next(s for s in feed.store.speakers() if s.name == "Boris Johnson")
    assert boris_row.id is not None
    explained = feed.store.speaker(boris_row.id)
    assert explained is not None
    assert {(x.alias, x.article_id) for x in explained.links} == {
        ("Boris Johnson", boris),
        ("Johnson", boris),
    }
    assert "named in full in the same article" in next(
        x.how for x in explained.links if x.alias == "Johnson"
    )


def test_roles_kept_with_dates_and_merged_ids_resolve(feed: _Feed) -> None:
    feed.add([("Diop", "person", "foreign minister")], day=3)
    feed.add([("Abdoulaye Diop", "person", "foreign minister")], day=5)
    feed.add([("Abdoulaye Diop", "person", "prime minister")], day=9)
    [row] = feed.store.speakers()
    assert row.role == "prime minister" and row.id is not None
    detail = feed.store.speaker(row.id)
    assert detail is not None
    assert [(r.role, r.first_seen.day, r.last_seen.day) for r in detail.roles] == [  # type: ignore[union-attr]
        ("prime minister", 9, 9),
        ("foreign minister", 3, 5),
    ]
    [old] = detail.merged  # the bare "Diop" speaker made on day 3 keeps resolving
    again = feed.store.speaker(old)
    assert again is not None and again.speaker.id == row.id
    assert feed.store.speaker(10_000) is None
    assert [q.speaker for q in feed.store.quotations(speakers={row.id})] == [
        "Abdoulaye Diop", "Abdoulaye Diop", "Diop"]  # fmt: skip
    # Filtering the articles by the merged speaker's name finds every alias.
    assert feed.store.count_articles(ArticleFilter(speaker="Abdoulaye Diop")) == 3


def test_query_and_reanalysis(feed: _Feed) -> None:
    first = feed.add([("Ana Ruiz", "person", None), ("Ministry of Finance", "organization", None)])
    assert [s.name for s in feed.store.speakers(query="ruiz")] == ["Ana Ruiz"]
    assert [s.name for s in feed.store.speakers(query="100%")] == []
    # Analysing an article again relinks it: no stale link or count remains.
    feed.store.complete_article(first, _brief([("Luis Ortega", "person", None)], 1), "full")
    assert _rows(feed.store) == {"Luis Ortega": 1}


def test_old_store_is_linked_on_open(tmp_path: Path) -> None:
    path = tmp_path / "brief.sqlite3"
    with Store.open(path) as store:
        feed = _Feed(store)
        feed.add([("Trump", "person", None)])
        feed.add([("Donald Trump", "person", None)])
    conn = sqlite3.connect(path)  # as a store written before speaker identity left it
    conn.execute("UPDATE quotes SET speaker_id = NULL")
    conn.execute("DELETE FROM speaker_links")
    conn.execute("DELETE FROM speaker_entities")
    conn.execute("INSERT INTO speaker_pending SELECT id FROM articles")
    conn.commit()
    conn.close()
    with Store.open(path) as store:
        assert _rows(store) == {"Donald Trump": 2}
        with Store.open(path) as again:
            assert _rows(again) == {"Donald Trump": 2}


SCHEMA = json.loads(
    (Path(__file__).parent.parent / "brief" / "schema" / "speakers.schema.json").read_text()
)


def test_speakers_command(brief_home: Path) -> None:
    with Store.open() as store:
        feed = _Feed(store)
        feed.add([("Trump", "person", None), ("Donald Trump", "person", "president")], day=2)
        feed.add([("President Trump", "person", None)], day=3)
        feed.add([("Boris Johnson", "person", "prime minister")], day=4)
        feed.add([("Dustin Johnson", "person", "golfer"), ("the \x1b[31mFed", "organization",
                   None)], day=5)  # fmt: skip
    done = run_brief("speakers", "--format", "json")
    assert done.returncode == 0, done.stderr
    rows = json.loads(done.stdout)
    jsonschema.validate(rows, SCHEMA)
    assert [(r["name"], r["quotes"], r["role"]) for r in rows][:1] == [
        ("Donald Trump", 3, "president")
    ]
    assert {r["name"] for r in rows} == {"Donald Trump", "Boris Johnson", "Dustin Johnson",
                                         "Fed"}  # fmt: skip
    trump = rows[0]
    assert (trump["first_seen"], trump["last_seen"]) == ("2026-02-02", "2026-02-03")

    found = run_brief("speakers", "johnson", "--format", "json")
    assert sorted(r["name"] for r in json.loads(found.stdout)) == ["Boris Johnson",
                                                                   "Dustin Johnson"]  # fmt: skip

    shown = run_brief("speakers", "show", str(trump["id"]), "--format", "json")
    assert shown.returncode == 0, shown.stderr
    detail = json.loads(shown.stdout)
    jsonschema.validate(detail, SCHEMA)
    assert detail["aliases"] == ["Donald Trump", "President Trump", "Trump"]
    assert {x["how"] for x in detail["links"] if x["alias"] == "Trump"} == {
        "named in full in the same article as Donald Trump"
    }
    text = run_brief("speakers", "show", str(trump["id"]))
    assert "President Trump  #2 Story 2 (2026-02-03): the only speaker with that surname" in (
        text.stdout
    )
    listed = run_brief("speakers")
    assert "\x1b" not in listed.stdout and "Donald Trump, president" in listed.stdout

    for bad in (("show", "999"), ("show", "x"), ("--limit", "0")):
        failed = run_brief("speakers", *bad)
        assert failed.returncode == 2 and failed.stdout == ""
        assert failed.stderr.count("\n") == 1 and failed.stderr.startswith("brief: error: ")


@pytest.mark.anyio
async def test_speakers_screen_shows_one_row_per_person(feed: _Feed) -> None:
    from textual.widgets import OptionList
    from tui_support import run_app

    from brief.tui.screens.speakers import SpeakersScreen

    feed.add([("Trump", "person", None)], day=1, text="Words one and two and three.")
    feed.add([("Donald Trump", "person", "president"), ("Boris Johnson", "person", None)], day=2,
             text="Other words said on the second day.")  # fmt: skip
    feed.add([("President Trump", "person", None), ("Dustin Johnson", "person", None)], day=3,
             text="A third saying, quite unlike the rest.")  # fmt: skip
    async with run_app(feed.store) as tui:
        await tui.press("p")
        screen = tui.app.screen
        assert isinstance(screen, SpeakersScreen)
        names = [s.name for s in screen.speakers]
        assert sorted(names) == ["Boris Johnson", "Donald Trump", "Dustin Johnson"]
        screen.query_one("#speaker-list", OptionList).highlighted = names.index("Donald Trump")
        await tui.settle()
        assert sorted(r.speaker or "" for r in screen.rows) == [
            "Donald Trump", "President Trump", "Trump"]  # fmt: skip
        assert "3 quotes" in tui.text()


def test_same_quotation() -> None:
    from brief.present.carried import same_quotation, words

    def same(a: str, b: str) -> bool:
        return same_quotation(words(a), words(b))

    assert same("We will not back down", "we will not back down on this")
    assert same("“We will not back down.”", "We will not — back down!")
    talks = "The talks failed because nobody came to the table in good faith"
    assert same(talks + " at all", talks + " at all.")
    assert same(talks.replace("talks", "talks have"), talks)  # one word more
    assert not same("No", "No, we will not back down")  # too short to be the same words
    assert not same("We will not back down", "We will back down")
    assert not same("Prices rose sharply in March", "Prices fell sharply in March")


@pytest.mark.anyio
async def test_speakers_screen_shows_a_quotation_once_with_its_outlets(feed: _Feed) -> None:
    from textual.widgets import OptionList
    from tui_support import run_app

    from brief.tui.screens.speakers import SpeakersScreen

    ana = [("Ana Ruiz", "person", None)]
    feed.add(ana, day=5, host="www.later.example", text="We will not back down on this, ever.")
    feed.add(ana, day=2, host="first.example", text="We will not back down.")
    feed.add(ana, day=3, host="second.example", text="“We will not back down on this”")
    feed.add(ana, day=4, host="first.example", text="Something else entirely was said here.")
    async with run_app(feed.store) as tui:
        await tui.press("p")
        screen = tui.app.screen
        assert isinstance(screen, SpeakersScreen)
        await tui.settle()
        assert [r.published.day for r in screen.rows] == [2, 4]  # type: ignore[union-attr]
        assert screen.query_one("#quote-list", OptionList).option_count == 2
        text = tui.text()
        assert "carried by 3 outlets: first.example, second.example, later.example" in text
        assert text.count("We will not back down") == 1
