"""`brief quotes` as a user runs it: a store filled by the real `brief fetch` from outlets on
127.0.0.1, then the CLI in a subprocess (speaker by id or name, --since, --story, formats)."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from loopback import Loopback
from said_support import DIOP_LONG, DIOP_SHORT, LAESSING_OLD, SaidDesk, brief
from test_exit_codes import _help_table

from brief.errors import EXIT_CODES, UsageError

SCHEMA = json.loads(
    (Path(__file__).parent.parent / "brief" / "schema" / "quotes.schema.json").read_text()
)
HOSTILE = (
    "Protesters gathered outside the embassy in Bamako on Tuesday.",
    "“Read *this* and [click](javascript:alert(1)) <b>now</b>\x1b[31m, before it is gone,” "
    "said Jane Roe, a spokeswoman for the protesters.",
)


@pytest.fixture
def desk(loopback: Loopback, tmp_path: Path) -> SaidDesk:
    desk = SaidDesk(loopback, tmp_path)
    desk.article("Sahel Times", "/st/drone", "Mali accuses Algeria", DIOP_LONG, days_ago=2)
    desk.article("Desk Wire", "/dw/drone", "Mali and Algeria at odds", DIOP_SHORT, days_ago=1)
    desk.article("Desk Wire", "/dw/old", "The Sahel, a year on", LAESSING_OLD, days_ago=20)
    desk.article("Desk Wire", "/dw/embassy", "Protest in Bamako", HOSTILE, days_ago=0.5)
    desk.fetch()
    return desk


def _json(*args: str) -> list[dict[str, object]]:
    done = brief("quotes", *args, "--format", "json")
    assert done.returncode == 0, done.stderr
    rows = json.loads(done.stdout)
    jsonschema.validate(rows, SCHEMA)
    return rows  # type: ignore[no-any-return]


def test_quotes_newest_first_by_speaker_id_or_name(desk: SaidDesk) -> None:
    rows = _json()
    dates = [r["published"] for r in rows]
    assert dates == sorted(dates, reverse=True)  # type: ignore[type-var]
    assert rows[0]["outlet"] == "Desk Wire" and rows[0]["article_title"] == "Protest in Bamako"
    diop = [r for r in rows if r["speaker"] == "Abdoulaye Diop"]
    assert {r["statement"] for r in diop} == {True, False}
    [diop_id] = {r["speaker_id"] for r in diop}
    assert isinstance(diop_id, int)
    by_id = _json("--speaker", str(diop_id))
    assert by_id == diop
    for name in ("Diop", "foreign minister abdoulaye diop", f"#{diop_id}"):
        assert _json("--speaker", name) == diop
    assert [r["outlet"] for r in by_id if not r["statement"]] == ["Desk Wire", "Sahel Times"]
    text = brief("quotes", "--speaker", "Diop").stdout
    assert "(statement) Diop said the government would take the case" in text
    assert f"— Abdoulaye Diop (#{diop_id}), Mali's foreign minister" in text
    laessing = _json("--speaker", "Ulf Laessing")
    assert len(laessing) == 2
    assert [r["article_title"] for r in _json("--speaker", "Laessing", "--since", "7d")] == [
        "Mali and Algeria at odds"
    ]
    assert len(_json("--limit", "2")) == 2


def test_story_shows_a_carried_quotation_once_with_its_outlets(desk: SaidDesk) -> None:
    stories = _json("--story", "--speaker", "Abdoulaye Diop")
    back_down = [s for s in stories if "back down" in str(s["text"])]
    assert len(back_down) == 1
    [line] = back_down
    assert line["outlets"] == ["Sahel Times", "Desk Wire"]  # earliest first
    assert [s["article_title"] for s in line["sources"]] == [  # type: ignore[attr-defined]
        "Mali accuses Algeria",
        "Mali and Algeria at odds",
    ]
    assert line["text"] == "We will not back down on this, whatever Algiers says"
    text = brief("quotes", "--story", "--speaker", "Diop").stdout
    assert text.count("We will not back down") == 1
    assert "carried by 2 outlets: Sahel Times (" in text
    # Without --story the two outlets' versions are two lines.
    assert sum("back down" in str(r["text"]) for r in _json("--speaker", "Diop")) == 2


def test_untrusted_text_is_inert_in_every_format(desk: SaidDesk) -> None:
    [roe] = _json("--speaker", "Jane Roe")
    assert "\x1b" not in str(roe["text"])  # the escape goes; "[31m" is left as plain text
    for fmt in ("text", "markdown", "json"):
        out = brief("quotes", "--speaker", "Jane Roe", "--format", fmt).stdout
        assert "\x1b" not in out
    md = brief("quotes", "--speaker", "Jane Roe", "--format", "markdown").stdout
    assert r"Read \*this\* and \[click\]" in md
    assert r"\<b>now\</b>" in md  # shown as written, never as HTML
    assert "[click](" not in md  # no live link


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--speaker", "Nobody Known"), "no stored speaker is named 'Nobody Known'"),
        (("--speaker", "999999"), "no stored speaker is named '999999'"),
        (("--since", "soon"), "invalid --since 'soon'"),
        (("--limit", "0"), "--limit"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(args: tuple[str, ...], message: str) -> None:
    done = brief("quotes", *args)
    assert done.returncode == UsageError.exit_code
    assert done.stdout == ""
    [line] = done.stderr.splitlines()
    assert line.startswith("brief: error: ") and message in line


@pytest.mark.parametrize("command", [("quotes",), ("speakers",)])
def test_help_lists_the_codes_with_the_tables_meanings(command: tuple[str, ...]) -> None:
    rows = _help_table(*command)
    assert [code for code, _ in rows] == [0, 2, 10, 11]
    assert all(text.split(" [")[0] == dict(EXIT_CODES)[code] for code, text in rows)
