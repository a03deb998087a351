"""Story grouping on real news: 48 leads from the scrapinghub corpus (19-20 Nov 2019).

The fixture holds eleven events that several outlets covered (each labelled by hand from the
articles) and fifteen unrelated articles of the same days.
"""

from __future__ import annotations

import json
import random
from collections import Counter
from urllib.parse import urlsplit

import pytest
from conftest import FIXTURES

from brief.digest.stories import StoryText, group_stories

LEADS = json.loads((FIXTURES / "digest" / "scrapinghub-leads.json").read_text(encoding="utf-8"))


def _texts(items: list[dict[str, str]]) -> list[StoryText]:
    return [
        StoryText(title=x["title"], body=x["lead"], site=urlsplit(x["url"]).hostname) for x in items
    ]


def _partition(items: list[dict[str, str]]) -> list[set[str]]:
    return [{items[i]["url"] for i in c.members} for c in group_stories(_texts(items))]


def test_every_article_in_exactly_one_story() -> None:
    clusters = group_stories(_texts(LEADS))
    seen = Counter(i for c in clusters for i in c.members)
    assert sorted(seen) == list(range(len(LEADS)))
    assert set(seen.values()) == {1}


def test_no_story_mixes_two_events_or_an_unrelated_article() -> None:
    for cluster in group_stories(_texts(LEADS)):
        events = {LEADS[i]["event"] for i in cluster.members}
        if len(cluster.members) > 1:
            assert len(events) == 1 and None not in events, [
                LEADS[i]["url"] for i in cluster.members
            ]


@pytest.mark.parametrize(
    ("event", "at_least"),
    [
        ("europa", 3),  # Hawaii News Now, ScienceAlert, Space.com
        ("doobie", 3),  # Billboard, Cleveland.com, Rolling Stone
        ("plague", 3),  # The Sun, NY Post, Express (Smithsonian tells it in other words)
        ("duvet", 3),  # Gizmodo, Live Science, Forbes
        ("meth", 3),  # The Hill, USA Today, NJ.com
        ("wework", 2),
        ("ftworth", 2),
        ("omar", 2),
        ("assange", 2),
        ("lunar", 2),
    ],
)
def test_outlets_covering_one_event_become_one_story(event: str, at_least: int) -> None:
    clusters = group_stories(_texts(LEADS))
    largest = max(sum(LEADS[i]["event"] == event for i in c.members) for c in clusters)
    assert largest >= at_least


def test_same_partition_whatever_the_input_order() -> None:
    shuffled = LEADS[:]
    random.Random(7).shuffle(shuffled)
    canon = sorted(sorted(s) for s in _partition(LEADS))
    assert sorted(sorted(s) for s in _partition(shuffled)) == canon


def test_centre_is_the_member_closest_to_the_others() -> None:
    for cluster in group_stories(_texts(LEADS)):
        assert list(cluster.centrality) == sorted(cluster.centrality, reverse=True)
        assert cluster.centre == cluster.members[0]


def test_outlet_name_in_titles_does_not_make_a_story() -> None:
    unrelated = [x for x in LEADS if x["event"] is None][:8]
    same_site = [
        {
            **x,
            "title": f"{x['title']} | The Daily Planet",
            "url": f"https://dailyplanet.example/{i}",
        }
        for i, x in enumerate(unrelated)
    ]
    texts = [
        StoryText(x["title"], x["lead"], site="The Daily Planet")  # type: ignore[arg-type]
        for x in same_site
    ]
    assert all(len(c.members) == 1 for c in group_stories(texts))


def test_shared_actor_names_pull_differently_worded_articles_together() -> None:
    names = ("Abdoulaye Diop", "Mali", "Algeria", "Tinzaouaten")
    others = _texts([x for x in LEADS if x["event"] is None])

    def grouped(with_names: tuple[str, ...]) -> bool:
        a = StoryText(
            "Drone downed near the desert border",
            "The transitional government said the aircraft was shot down on its soil.",
            names=with_names,
        )
        b = StoryText(
            "Neighbour rejects claims over border incident",
            "Officials summoned the ambassador and denied any wrongdoing by the army.",
            names=with_names,
        )
        return any({0, 1} <= set(c.members) for c in group_stories([a, b, *others]))

    assert not grouped(())  # the words alone are too far apart...
    assert grouped(names)  # ...the same actors in both briefs say it is one story


def test_empty_and_single_inputs() -> None:
    assert group_stories([]) == []
    [only] = group_stories([StoryText("Title", "Body text here.")])
    assert only.members == (0,) and only.centrality == (1.0,)
