"""What used to pass in silence: feed items dated 1 January 1970 (a feed's "no date") were
dropped as too old; `--config` naming a missing file ran with the defaults; `nan` and `inf`
passed config validation. The CLI runs as a subprocess."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_support import run_brief
from loopback import Loopback
from refresh_support import write_config

from brief import paths
from brief.store import Store

EPOCH_RSS = b"""<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>
<title>Desk</title>
<item><title>Dated nowhere</title><guid isPermaLink="false">e0</guid>
<pubDate>Thu, 01 Jan 1970 00:00:00 GMT</pubDate><description>No real date.</description></item>
<item><title>Dated today</title><guid isPermaLink="false">e1</guid>
<pubDate>Tue, 01 Dec 2026 08:00:00 GMT</pubDate><description>A real date.</description></item>
</channel></rss>"""
EPOCH_JSON = b"""{"version": "https://jsonfeed.org/version/1.1", "title": "Desk", "items": [
{"id": "j0", "title": "JSON dated nowhere", "content_text": "No date.",
 "date_published": "1970-01-01T00:00:00Z"}]}"""


_brief = run_brief


def test_items_dated_epoch_zero_are_stored_undated(loopback: Loopback, tmp_path: Path) -> None:
    rss = loopback.route("/desk.rss", EPOCH_RSS, content_type="application/rss+xml")
    json_feed = loopback.route("/desk.json", EPOCH_JSON, content_type="application/feed+json")
    # The default keep_days (30): an item from 1970 would be far older.
    config = write_config(tmp_path / "config.toml", [rss, json_feed], keep_days=30)
    done = _brief("--config", str(config), "fetch", "--feeds-only")
    assert done.returncode == 0, done.stderr
    assert "3 new articles" in done.stdout
    with Store.open(paths.database_file()) as store:
        stored = {a.title: a for a in store.list_articles()}
    assert set(stored) == {"Dated nowhere", "Dated today", "JSON dated nowhere"}
    assert stored["Dated nowhere"].published is None
    assert stored["JSON dated nowhere"].published is None


@pytest.mark.parametrize("command", [("fetch",), ("feeds", "list"), ("digest", "--no-fetch")])
def test_missing_config_file_given_is_an_error(tmp_path: Path, command: tuple[str, ...]) -> None:
    missing = tmp_path / "missing.toml"
    done = _brief("--config", str(missing), *command)
    assert done.returncode == 10
    assert done.stderr == f"brief: error: {missing}: no such config file (given with --config)\n"
    assert done.stdout == ""


@pytest.mark.parametrize("value", ["nan", "inf", "-inf", "+nan"])
def test_nan_and_inf_are_refused_by_config_validation(tmp_path: Path, value: str) -> None:
    config = tmp_path / "config.toml"
    config.write_text(f"[refresh]\nkeep_days = 30\ndeadline = {value}\n", encoding="utf-8")
    done = _brief("--config", str(config), "fetch")
    assert done.returncode == 10
    [line] = done.stderr.splitlines()
    assert line.startswith(f"brief: error: {config}:3:") and "refresh.deadline" in line
    assert "must be a finite number" in line
