"""The CLI for scripts and for editing subscriptions, run as a subprocess: `brief init` then
`brief feeds remove/rename/tag` on its starter feeds, `feeds list --format json`,
`brief show ID`, `brief search --format json`."""

from __future__ import annotations

import json
from pathlib import Path

from test_commands_feeds import brief
from test_digest_cli import fill_day

BBC = "https://feeds.bbci.co.uk/news/world/rss.xml"


def listed() -> list[dict[str, object]]:
    done = brief("feeds", "list", "--format", "json")
    assert done.returncode == 0, done.stderr
    feeds = json.loads(done.stdout)
    assert isinstance(feeds, list)
    return feeds


def test_init_starter_feeds_can_be_removed_renamed_and_tagged(brief_home: Path) -> None:
    done = brief("init")
    assert done.returncode == 0, done.stderr
    assert "subscribed to 13 starter feeds" in done.stdout
    config = (brief_home / "config.toml").read_text(encoding="utf-8")
    assert "\n# [[feeds]]\n" in config and "\n[[feeds]]\n" not in config
    feeds = listed()
    assert len(feeds) == 13 and {"id", "url", "name", "tags", "status", "unread"} <= set(feeds[0])
    bbc = next(f for f in feeds if f["url"] == BBC)
    assert bbc["name"] == "BBC News – World" and bbc["status"] == "new"

    removed = brief("feeds", "remove", BBC)
    assert removed.returncode == 0 and removed.stderr == ""
    assert removed.stdout == f"removed BBC News – World <{BBC}>\n"
    assert BBC not in {f["url"] for f in listed()}  # and no config brings it back

    dw = next(f for f in listed() if f["name"] == "Deutsche Welle")
    renamed = brief("feeds", "rename", str(dw["id"]), "DW English")
    assert renamed.returncode == 0, renamed.stderr
    tagged = brief("feeds", "tag", str(dw["id"]), "germany", "en", "germany")
    assert tagged.stdout == "tagged DW English <https://rss.dw.com/rdf/rss-en-all>: #germany, #en\n"
    dw = next(f for f in listed() if f["id"] == dw["id"])
    assert dw["name"] == "DW English" and dw["tags"] == ["germany", "en"]
    back = brief("feeds", "rename", str(dw["id"]), "")
    assert back.returncode == 0  # "" gives the feed its own title again (its URL until fetched)
    assert next(f for f in listed() if f["id"] == dw["id"])["name"] == dw["url"]
    missing = brief("feeds", "tag", "999", "x")
    assert missing.returncode == 2
    assert missing.stderr == "brief: error: no such feed: 999 (see `brief feeds list`)\n"
    assert len(listed()) == 12


def test_show_prints_one_stored_brief_in_each_format() -> None:
    ids = fill_day()
    article = ids["hill"]
    text = brief("show", str(article))
    assert text.returncode == 0, text.stderr
    assert text.stdout.startswith("New York man pleads guilty to threatening to kill Omar\n")
    assert "SUMMARY" in text.stdout and "\x1b" not in text.stdout
    md = brief("show", f"#{article}", "--format", "markdown")
    assert md.stdout.startswith("# New York man pleads guilty to threatening to kill Omar\n")
    data = json.loads(brief("show", str(article), "-f", "json").stdout)
    assert data["id"] == article and data["feeds"] == ["The Hill"]
    assert data["url"] == "https://thehill.com/omar" and data["read"] is False
    assert data["brief"]["schema_version"] == 1 and data["brief"]["quotes"]
    assert "text" not in data["brief"]
    assert (
        "text"
        in json.loads(brief("show", str(article), "-f", "json", "--with-text").stdout)["brief"]
    )
    gone = brief("show", "424242")
    assert gone.returncode == 2
    assert gone.stderr == "brief: error: no article #424242 is stored (see `brief search`)\n"
    bad = brief("show", "first")
    assert bad.returncode == 2 and "not an article number: 'first'" in bad.stderr


def test_search_json_gives_ids_that_show_takes() -> None:
    ids = fill_day()
    done = brief("search", "Omar", "--format", "json")
    assert done.returncode == 0, done.stderr
    hits = json.loads(done.stdout)
    assert {h["id"] for h in hits} == {ids["hill"], ids["nbc"]}
    assert all("«" in h["snippet"] and "»" in h["snippet"] for h in hits)
    assert {"title", "url", "feeds", "published", "read", "starred", "quotes"} <= set(hits[0])
    shown = json.loads(brief("show", str(hits[0]["id"]), "-f", "json").stdout)
    assert shown["title"] == hits[0]["title"]
    none = brief("search", "zzzqqq", "--format", "json")
    assert none.returncode == 0 and json.loads(none.stdout) == []
