"""Ignore rules ([[ignore]] in the config): matching articles are hidden in the reader (counted,
shown again with I) and left out of the digest, never deleted."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_digest_cli import fill_day, run_digest, undigested
from tui_support import SEED_TITLE, run_app

from brief.config import Config, IgnoreRule, parse_config
from brief.errors import ConfigError
from brief.store import ArticleFilter, Store

ALGERIA = IgnoreRule(words="algeria")  # the seed, in its title and text
ISRAEL_POST = IgnoreRule(feed="washington post", title="israeli")


def titles(store: Store, *rules: IgnoreRule) -> set[str]:
    return {a.title or "" for a in store.list_articles(ArticleFilter(hide=rules))}


def test_rules_match_title_author_feed_words_and_speaker(demo_store: Store) -> None:
    everything = titles(demo_store)
    assert len(everything) == 5
    assert SEED_TITLE not in titles(demo_store, ALGERIA)
    assert len(titles(demo_store, ALGERIA)) == 4
    # Every key of a rule must match: the Post's article, not Al Bawaba's about Israel.
    kept = titles(demo_store, ISRAEL_POST)
    assert len(kept) == 4 and any("Israeli Settlements" in t for t in kept)
    assert not any("Netanyahu" in t for t in kept)
    assert len(titles(demo_store, IgnoreRule(speaker="ulf laess"))) == 4
    assert len(titles(demo_store, IgnoreRule(title="TEACHERS"))) == 4  # case does not matter
    assert titles(demo_store, IgnoreRule(author="nobody writes this")) == everything
    # Nothing is deleted: without the rules every article is there.
    assert titles(demo_store) == everything


def test_an_empty_rule_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match=r"ignore\[1\]: a rule needs at least one of"):
        parse_config('[[ignore]]\ntitle = "x"\n\n[[ignore]]\n')


@pytest.mark.anyio
async def test_the_reader_hides_counts_and_shows_them_again(demo_store: Store) -> None:
    config = Config(ignore=(ALGERIA, ISRAEL_POST))
    async with run_app(demo_store, config) as tui:
        main = tui.main
        listed = {s.title for s in main.articles.summaries.values()}
        assert len(listed) == 3 and SEED_TITLE not in listed
        assert "3 articles · 2 hidden by ignore rules (I)" in tui.text()
        assert main.feeds.counts is not None and main.feeds.counts.total_unread == 3
        await tui.press("A")  # all read in the view: the hidden two stay unread
        assert demo_store.count_articles(ArticleFilter(unread=True)) == 2
        await tui.press("I")
        listed = {s.title for s in main.articles.summaries.values()}
        assert len(listed) == 5 and SEED_TITLE in listed
        assert "ignored ones shown (I hides them)" in tui.text()
        assert main.feeds.counts is not None and main.feeds.counts.total_unread == 2
        await tui.press("I")
        assert main.articles.option_count == 3


def test_the_digest_leaves_ignored_articles_out_and_unstamped(brief_home: Path) -> None:
    ids = fill_day()
    path = brief_home / "config.toml"
    path.write_text('[[ignore]]\ntitle = "Doobie Brothers"\n', encoding="utf-8")
    done = run_digest("--no-fetch", check=True)
    md = done.stdout.decode()
    assert "Doobie" not in md
    assert "1 story from 2 articles" in md and "1 hidden by ignore rules" in md
    assert ids["doobie"] in undigested()  # a rule that goes lets it into the next digest
    assert not {ids["hill"], ids["nbc"]} & undigested()
    path.write_text("", encoding="utf-8")
    again = run_digest("--no-fetch", check=True).stdout.decode()
    assert "Doobie" in again and "1 story from 1 article" in again
