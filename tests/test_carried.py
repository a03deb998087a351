"""brief.present.carried groups a store's worth of quotations quickly and exactly as comparing
every quotation with every group would."""

from __future__ import annotations

import random
from datetime import datetime

from brief.present.carried import carried, same_quotation, words

BASE = [
    "we",
    "will",
    "not",
    "back",
    "down",
    "on",
    "this",
    "whatever",
    "algiers",
    "says",
    "about",
    "the",
    "drone",
    "and",
    "the",
    "border",
    "the",
    "region",
    "needs",
    "calm",
    "and",
    "dialogue",
    "not",
    "more",
    "drones",
    "every",
    "strike",
    "makes",
    "talks",
    "harder",
]


def _pairwise(texts: list[str]) -> list[list[int]]:
    """The grouping by its definition: each quotation joins the first group holding one it
    is the same as (brief.present.carried.same_quotation)."""
    groups: list[list[int]] = []
    for i, text in enumerate(texts):
        key = words(text)
        for group in groups:
            if any(same_quotation(key, words(texts[j])) for j in group):
                group.append(i)
                break
        else:
            groups.append([i])
    return groups


def _variant(rng: random.Random) -> str:
    start = rng.randrange(len(BASE) - 2)
    run = BASE[start : start + rng.randrange(1, 14)]
    edit = rng.random()
    if edit < 0.3 and len(run) > 2:  # one word changed
        run = [*run[:1], rng.choice(BASE), *run[2:]]
    elif edit < 0.5:  # a word added
        run = [*run, rng.choice(BASE)]
    punctuated = " ".join(w.upper() if rng.random() < 0.1 else w for w in run)
    return punctuated + rng.choice([".", ",", "!", ""])


def test_grouping_matches_the_pairwise_definition() -> None:
    rng = random.Random(10)
    texts = [_variant(rng) for _ in range(600)] + ["", "", "Ok", "ok!"]
    rng.shuffle(texts)
    order = list(range(len(texts)))
    found = carried(order, lambda i: texts[i], lambda i: None, lambda i: f"outlet {i % 7}")
    assert [list(g.items) for g in found] == _pairwise(texts)
    assert len(found) < len(texts) / 2  # the variants do merge


def test_a_quotation_carried_by_many_articles_is_one_group_earliest_first() -> None:
    texts = ["We will not back down on this, whatever Algiers says"] * 3000
    texts += [f"Distinct statement number {n} about the harvest" for n in range(300)]
    when = [datetime(2026, 12, 1 + n % 3) for n in range(len(texts))]
    found = carried(range(len(texts)), lambda i: texts[i], lambda i: when[i], lambda i: f"o{i % 4}")
    assert len(found) == 1 + 300
    assert len(found[0].items) == 3000 and found[0].outlets == ("o0", "o3", "o2", "o1")
    assert when[found[0].first] == datetime(2026, 12, 1)
