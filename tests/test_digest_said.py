"""The digest's "Who said what": by stored speaker (aliases merged), one line per quotation with
the outlets carrying it, ranked by significance (followed first, then outlets, then stories,
not by how much was said), and the "Followed" section in every format."""

from __future__ import annotations

import json
from dataclasses import replace
from importlib import resources

import jsonschema
from test_digest_length import article, quote

from brief.digest.assemble import assemble
from brief.digest.html import to_html
from brief.digest.model import DigestArticle
from brief.digest.render import to_json, to_markdown, to_text

SCHEMA = json.loads(
    (resources.files("brief") / "schema" / "digest.schema.json").read_text(encoding="utf-8")
)
DIOP, RUIZ, ROE = 7, 8, 9  # stored speaker ids


def _linked(a: DigestArticle, **aliases: tuple[int, str]) -> DigestArticle:
    """The article with its attributed names linked to stored speakers (as the store does)."""
    return replace(a, speakers={name.replace("_", " "): v for name, v in aliases.items()})


def _day() -> list[DigestArticle]:
    """Story 1: Diop's one quotation carried (shortened) by three outlets. Story 2: Ana Ruiz
    says five things in one outlet. Story 3: Jane Roe once, in one outlet."""
    diop = ("Abdoulaye Diop", (DIOP, "Abdoulaye Diop"))
    carried = [
        _linked(article(1, 1, "Sahel Times", (quote("We will not back down on this, whatever "
                "Algiers says,", "Foreign Minister Abdoulaye Diop"),)),
                Foreign_Minister_Abdoulaye_Diop=diop[1]),
        _linked(article(2, 1, "Desk Wire", (quote("We will not back down on this,", "Diop"),)),
                Diop=diop[1]),
        _linked(article(3, 1, "Wire Three", (quote("we will not back down on this",
                "Abdoulaye Diop"),)), Abdoulaye_Diop=diop[1]),
    ]  # fmt: skip
    ruiz = tuple(quote(f"Point number {k} of the budget plan is {k * 7}", "Ana Ruiz")
                 for k in range(5))  # fmt: skip
    return [
        *carried,
        _linked(article(4, 2, "Desk Wire", ruiz), Ana_Ruiz=(RUIZ, "Ana Ruiz")),
        _linked(article(5, 3, "Desk Wire", (quote("The embassy must open its doors now",
                "Roe"),)), Roe=(ROE, "Jane Roe")),
    ]  # fmt: skip


def test_one_speaker_per_stored_id_and_one_line_per_carried_quotation() -> None:
    digest = assemble(_day(), [], "2026-12-03", "new")
    [diop] = [s for s in digest.speakers if s.id == DIOP]
    assert diop.name == "Abdoulaye Diop"  # three aliases, the stored name
    [line] = diop.lines
    assert line.outlets == ("Sahel Times", "Desk Wire", "Wire Three")
    assert line.text == "We will not back down on this, whatever Algiers says"
    [roe] = [s for s in digest.speakers if s.id == ROE]
    assert roe.name == "Jane Roe"  # "Roe" in the article, the stored speaker's full name
    # Not by raw count: three outlets beat five quotes in one; then stories, outlets, order.
    assert [s.id for s in digest.speakers] == [DIOP, RUIZ, ROE]
    assert digest.followed == ()


def test_followed_speakers_rank_first_and_open_the_digest() -> None:
    digest = assemble(_day(), [], "2026-12-03", "new", followed={ROE})
    assert [s.id for s in digest.speakers] == [ROE, DIOP, RUIZ]
    [followed] = digest.followed
    assert (followed.id, followed.followed, followed.name) == (ROE, True, "Jane Roe")
    md = to_markdown(digest)
    assert md.index("## Followed") < md.index("## Stories") < md.index("## Who said what")
    top = md.split("## Followed", 1)[1].split("## Stories", 1)[0]
    assert "### ★ Jane Roe" in top and "“The embassy must open its doors now” — Desk Wire" in top
    assert "Diop" not in top
    assert "- “We will not back down on this, whatever Algiers says” — Sahel Times, Desk Wire, " \
           "Wire Three (story 1)" in md  # fmt: skip
    text = to_text(digest)
    assert text.index("FOLLOWED") < text.index("STORIES") < text.index("WHO SAID WHAT")
    page = to_html(digest)
    assert page.index('<h2 id="followed">Followed</h2>') < page.index("<h2>Stories</h2>")
    assert "★ Jane Roe" in page.split("<h2>Stories</h2>", 1)[0]
    data = json.loads(to_json(digest))
    jsonschema.validate(data, SCHEMA)
    assert [(s["id"], s["followed"]) for s in data["followed"]] == [(ROE, True)]
    assert data["speakers"][1]["said"][0]["outlets"] == ["Sahel Times", "Desk Wire", "Wire Three"]


def test_a_doubted_attribution_is_not_followed() -> None:
    day = _day()
    doubted = quote("The embassy must open its doors now", "Roe", confidence=0.5)
    day[4] = replace(day[4], brief=replace(day[4].brief, quotes=(doubted,)))
    digest = assemble(day, [], "2026-12-03", "new", followed={ROE})
    assert digest.followed == ()
    assert [s.name for s in digest.speakers if s.id == ROE] == ["Jane Roe?"]
    assert "## Followed" not in to_markdown(digest)
