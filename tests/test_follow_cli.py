"""Following speakers from the command line: `brief speakers follow|unfollow ID|NAME` on a
store filled by the real `brief fetch`, the mark in `brief speakers`, and the config's rules."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
from loopback import Loopback
from said_support import DIOP_LONG, DIOP_SHORT, SaidDesk, brief

from brief.errors import UsageError

SCHEMA = json.loads(
    (Path(__file__).parent.parent / "brief" / "schema" / "speakers.schema.json").read_text()
)


def _speakers(config: Path, *args: str) -> dict[str, dict[str, object]]:
    done = brief("--config", str(config), "speakers", *args, "--format", "json")
    assert done.returncode == 0, done.stderr
    rows = json.loads(done.stdout)
    jsonschema.validate(rows, SCHEMA)
    return {str(r["name"]): r for r in rows}


def test_follow_and_unfollow_by_name_or_id(loopback: Loopback, tmp_path: Path) -> None:
    desk = SaidDesk(loopback, tmp_path)
    desk.article("Sahel Times", "/st/drone", "Mali accuses Algeria", DIOP_LONG, days_ago=2)
    desk.article("Desk Wire", "/dw/drone", "Mali and Algeria at odds", DIOP_SHORT, days_ago=1)
    desk.extra_config = '[[follow]]\nspeaker = "Laessing"\n'
    config = desk.fetch()
    rows = _speakers(config)
    diop = rows["Abdoulaye Diop"]["id"]
    laessing = rows["Ulf Laessing"]["id"]
    assert {n for n, r in rows.items() if r["followed"]} == {"Ulf Laessing"}  # the config rule

    done = brief("--config", str(config), "speakers", "follow", "Foreign Minister Diop")
    assert (done.returncode, done.stdout) == (0, f"following #{diop} Abdoulaye Diop\n")
    rows = _speakers(config)
    assert {n for n, r in rows.items() if r["followed"]} == {"Abdoulaye Diop", "Ulf Laessing"}
    assert set(_speakers(config, "--followed")) == {"Abdoulaye Diop", "Ulf Laessing"}
    text = brief("--config", str(config), "speakers").stdout
    assert f"#{diop}  ★ Abdoulaye Diop" in text
    assert "★ Algeria" not in text
    detail = brief("--config", str(config), "speakers", "show", str(diop), "--format", "json")
    assert json.loads(detail.stdout)["followed"] is True
    jsonschema.validate(json.loads(detail.stdout), SCHEMA)

    # `brief quotes --followed`: what the followed speakers said, and only that.
    done = brief("--config", str(config), "quotes", "--followed", "--format", "json")
    assert done.returncode == 0, done.stderr
    said = {(q["speaker"], q["text"]) for q in json.loads(done.stdout)}
    assert {name for name, _ in said} == {"Abdoulaye Diop", "Ulf Laessing"}
    assert ("Ulf Laessing", "The region needs calm and dialogue, not more drones") in said
    done = brief("--config", str(config), "quotes", "--followed", "--speaker", "Laessing",
                 "--format", "json")  # fmt: skip
    assert {q["speaker"] for q in json.loads(done.stdout)} == {"Ulf Laessing"}

    # The stored follow goes; a speaker the config follows stays followed, and it says so.
    done = brief("--config", str(config), "speakers", "unfollow", f"#{laessing}")
    assert done.returncode == 0
    assert "still followed by a [[follow]] rule" in done.stderr
    done = brief("--config", str(config), "speakers", "unfollow", str(diop))
    assert (done.returncode, done.stderr) == (0, "")
    assert set(_speakers(config, "--followed")) == {"Ulf Laessing"}


def test_follow_names_one_stored_speaker_or_fails(loopback: Loopback, tmp_path: Path) -> None:
    desk = SaidDesk(loopback, tmp_path)
    desk.article("Sahel Times", "/st/drone", "Mali accuses Algeria", DIOP_LONG, days_ago=2)
    config = desk.fetch()
    for args in (("follow", "Nobody Known"), ("unfollow", "424242")):
        done = brief("--config", str(config), "speakers", *args)
        assert done.returncode == UsageError.exit_code
        assert done.stdout == ""
        [line] = done.stderr.splitlines()
        assert line.startswith("brief: error: no stored speaker is named")
    assert not any(r["followed"] for r in _speakers(config).values())
    done = brief("--config", str(config), "quotes", "--followed")
    assert (done.returncode, done.stdout) == (0, "")
    assert done.stderr == "brief: warning: no speaker is followed (brief speakers follow ID|NAME)\n"
