"""Following speakers: from the reader (stored, surviving merges) and from the config's
[[follow]] rules (names matched as speakers are merged, ids as listed)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from test_speaker_identity import _Feed

from brief.config import FollowRule, parse_config
from brief.errors import ConfigError
from brief.store import Store


@pytest.fixture
def feed(tmp_path: Path) -> Iterator[_Feed]:
    with Store.open(tmp_path / "brief.sqlite3") as store:
        yield _Feed(store)


def _id(feed: _Feed, name: str) -> int:
    [row] = [s for s in feed.store.speakers(query=name) if s.name == name]
    assert row.id is not None
    return row.id


def test_follow_from_the_reader_is_stored_and_undone(feed: _Feed) -> None:
    feed.add([("Abdoulaye Diop", "person", "foreign minister"), ("Jane Roe", "person", None)])
    diop = _id(feed, "Abdoulaye Diop")
    assert feed.store.followed_speakers() == frozenset()
    assert feed.store.follow_speaker(diop)
    assert feed.store.followed_speakers() == {diop}
    assert feed.store.follow_speaker(diop, False)
    assert feed.store.followed_speakers() == frozenset()
    assert not feed.store.follow_speaker(9999)


def test_a_followed_bare_surname_follows_the_person_it_merges_into(feed: _Feed) -> None:
    feed.add([("Laessing", "person", None)])
    bare = _id(feed, "Laessing")
    assert feed.store.follow_speaker(bare)
    feed.add([("Ulf Laessing", "person", "analyst")], day=2)
    full = _id(feed, "Ulf Laessing")
    assert feed.store.followed_speakers() == {full}


def test_config_rules_match_names_as_speakers_merge(feed: _Feed) -> None:
    feed.add([("Abdoulaye Diop", "person", None), ("Boris Johnson", "person", None),
              ("Dustin Johnson", "person", None)])  # fmt: skip
    diop = _id(feed, "Abdoulaye Diop")
    boris = _id(feed, "Boris Johnson")
    followed = feed.store.followed_speakers
    assert followed([FollowRule(speaker="Foreign Minister Abdoulaye Diop")]) == {diop}
    assert followed([FollowRule(speaker="abdoulaye diop")]) == {diop}
    assert followed([FollowRule(speaker="Diop")]) == {diop}  # the only full-named Diop
    assert followed([FollowRule(speaker="Johnson")]) == frozenset()  # two: neither
    assert followed([FollowRule(id=boris)]) == {boris}
    assert followed([FollowRule(speaker="Nobody Yet")]) == frozenset()


def test_follow_rules_in_the_config() -> None:
    config = parse_config('[[follow]]\nspeaker = "Diop"\n[[follow]]\nid = 12\n')
    assert config.follow == (FollowRule(speaker="Diop"), FollowRule(id=12))
    with pytest.raises(ConfigError, match="exactly one of speaker or id"):
        parse_config('[[follow]]\nspeaker = "Diop"\nid = 3\n')
    with pytest.raises(ConfigError, match="exactly one of speaker or id"):
        parse_config("[[follow]]\n")
    with pytest.raises(ConfigError, match="at least 1"):
        parse_config("[[follow]]\nid = 0\n")
