"""Done when (issue 10): following a speaker, refreshing and running the digest puts their new
quotes first. The real CLI in subprocesses against outlets on 127.0.0.1: `brief fetch`, `brief
digest` (which refreshes), `brief speakers follow`, and a [[follow]] rule in the config."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
from loopback import Loopback
from said_support import DIOP_LONG, DIOP_NEW, DIOP_SHORT, TRAORE, SaidDesk, brief

SCHEMA = json.loads(
    (Path(__file__).parent.parent / "brief" / "schema" / "digest.schema.json").read_text()
)
OUTLETS = ("Sahel Times", "Desk Wire", "Bamako Post")


def _digest(config: Path, *args: str) -> str:
    done = brief("--config", str(config), "digest", *args)
    assert done.returncode == 0, done.stderr
    return done.stdout


def _speakers(md: str) -> list[str]:
    """The headings of "Who said what", in order."""
    section = md.split("## Who said what", 1)[1].split("\n## ", 1)[0]
    return [line[4:] for line in section.splitlines() if line.startswith("### ")]


def test_followed_speakers_new_quotes_open_the_digest(loopback: Loopback, tmp_path: Path) -> None:
    desk = SaidDesk(loopback, tmp_path)
    desk.article("Sahel Times", "/st/drone", "Mali accuses Algeria", DIOP_LONG, days_ago=0.4)
    desk.article("Desk Wire", "/dw/drone", "Mali and Algeria at odds", DIOP_SHORT, days_ago=0.3)
    config = desk.fetch()
    assert "We will not back down" in _digest(config, "--no-fetch")  # digested: not new again

    # New articles on the feeds: Traoré's words carried by three outlets; Diop and Laessing
    # once each, in one outlet.
    for n, (outlet, paragraphs) in enumerate(zip(OUTLETS, TRAORE, strict=True)):
        ago = 0.25 - n / 20  # Sahel Times first
        desk.article(outlet, f"/harvest/{n}", f"Harvest protest {n}", paragraphs, days_ago=ago)
    desk.article("Desk Wire", "/dw/airspace", "Diop on the airspace", DIOP_NEW, days_ago=0.1)
    desk.config()

    # Followed by no one, the most carried speaker leads (the digest refreshes first).
    unfollowed = _digest(config, "--dry-run")
    assert "## Followed" not in unfollowed
    assert _speakers(unfollowed)[0].startswith("Aminata Traoré")

    # Follow Laessing from the command line and Diop by a [[follow]] rule; run the digest.
    done = brief("--config", str(config), "speakers", "follow", "Ulf Laessing")
    assert done.returncode == 0, done.stderr
    desk.extra_config = '[[follow]]\nspeaker = "Abdoulaye Diop"\n'
    desk.config()
    data = json.loads(_digest(config, "--dry-run", "--format", "json"))
    jsonschema.validate(data, SCHEMA)
    assert {s["name"] for s in data["followed"]} == {"Abdoulaye Diop", "Ulf Laessing"}
    md = _digest(config)
    assert md.index("## Followed") < md.index("## Stories")
    followed = md.split("## Followed", 1)[1].split("## Stories", 1)[0]
    assert "Mali will defend every metre of its airspace" in followed
    assert "The talks in Algiers have failed" in followed
    assert "back down" not in followed  # digested yesterday: not new
    assert "Traoré" not in followed
    assert [h.split(",")[0] for h in _speakers(md)[:3]] == [
        "★ Abdoulaye Diop",
        "★ Ulf Laessing",
        "Aminata Traoré",
    ]
    # The three outlets' versions of Traoré's words are one line, with the outlets.
    who = md.split("## Who said what", 1)[1]
    assert who.count("Our farmers cannot wait") == 1
    assert (
        "- “Our farmers cannot wait for another season of promises” — Sahel Times, Desk Wire, "
        "Bamako Post (story 1)" in who
    )
