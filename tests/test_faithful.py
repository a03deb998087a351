"""Faithful summaries: no opener that leans on a sentence left out, no page debris, whatever
the algorithm (brief.summary.candidates)."""

from __future__ import annotations

import gzip
import json
from importlib import resources

import pytest
from conftest import FIXTURES

from brief.choices import ALGORITHMS
from brief.extract import extract_html
from brief.models import Article
from brief.summary.candidates import anchored, candidates, leans_on_previous
from brief.summary.rank import summarize

LEANING = (
    "He added that the talks would resume on Monday.",
    "She said the ministry had not been told.",
    "They were released after three days.",
    "It was the first such attack this year.",
    "Its shares fell by a fifth.",
    "This was denied by the ministry.",
    "These figures are disputed.",
    "But the ministry denied it.",
    "However, talks broke down within hours.",
    "The move was condemned by Algeria.",
    "The decision comes a week after the vote.",
    "The company said profits would fall.",
)
STANDING = (
    "Mali accused Algeria of shooting down a drone near the border.",
    "Heathrow expects a busy summer.",
    "Theresa May spoke to reporters on Monday.",
    "This week, prices rose again across the region.",
    "It’s the third strike this month, the union said.",
    '"It is over," the minister said.',
    "The Movement for Change won a third of the seats.",
    "Thessaloniki hosted the summit.",
)


@pytest.mark.parametrize("sentence", LEANING)
def test_sentences_that_lean_on_the_one_before(sentence: str) -> None:
    assert leans_on_previous(sentence)


@pytest.mark.parametrize("sentence", STANDING)
def test_sentences_that_stand_on_their_own(sentence: str) -> None:
    assert not leans_on_previous(sentence)


def test_a_leaning_opener_brings_in_its_antecedent() -> None:
    leans = [False, False, False, True, False, False]
    # 3 leans on 2: 2 comes in, the lowest-ranked pick (5) goes out.
    assert anchored([3, 5, 1], 2, leans) == [2, 3]
    assert anchored([3, 1], 2, leans) == [1, 3]  # 1 opens: 3 is no opener
    assert anchored([3], 1, leans) == [2]  # one sentence: the antecedent replaces it
    chain = [False, True, True, False]
    assert anchored([2, 3], 2, chain) == [0, 1]  # 2 leans on 1, which leans on 0
    assert anchored([0, 1], 2, chain) == [0, 1]


def test_a_sumy_pick_in_article_order_gives_up_its_latest_sentence() -> None:
    leans = [False, False, False, True, False, False]
    assert anchored([3, 4, 5], 3, leans) == [2, 3, 4]


def _articles() -> list[Article]:
    pages = [
        extract_html(gzip.decompress(p.read_bytes()))
        for p in sorted((FIXTURES / "pages").glob("*.html.gz"))
    ]
    rows = (FIXTURES / "summaries" / "cnndm.jsonl").read_text(encoding="utf-8").splitlines()
    seed = (resources.files("brief") / "samples" / "seed.txt").read_text(encoding="utf-8")
    return [
        *pages,
        *(Article(paragraphs=(json.loads(r)["article"],)) for r in rows),
        Article(paragraphs=tuple(p for p in seed.split("\n\n") if p.strip())),
    ]


ARTICLES = _articles()


@pytest.mark.parametrize("algorithm", ALGORITHMS)
def test_no_summary_opens_on_a_sentence_leaning_on_one_left_out(algorithm: str) -> None:
    checked = 0
    for article in ARTICLES:
        texts = [c.text for c in candidates(article)]
        for count in range(1, 7):
            summary = summarize(article, count, algorithm)
            at = texts.index(summary[0])
            if at > 0 and leans_on_previous(summary[0]):
                assert texts[at - 1] in summary, (algorithm, count, summary[0])
            checked += 1
    assert checked == 6 * len(ARTICLES)


DEBRIS = (
    "Like this story? Share it with a friend!",
    "Also on rt.com Russia says the ferry talks have failed",
    "READ MORE: Ferry prices rise again as winter begins",
    "Ferries wait at the quay on Friday. Photograph: Jane Doe/AFP/Getty Images",
    "The old harbour bridge at dawn (Photo: AP)",
    "Credit: IMAGO/Depositphotos",
    "Share this page:",
)
PROSE = (
    "The council voted on Tuesday to close the old harbour bridge to cars for a year.",
    "Engineers found cracks in two of the bridge's five piers during an inspection in May.",
    "Ferry operators said they would add crossings at peak hours from next week.",
    "Cyclists and pedestrians will still be allowed to use the bridge, the mayor said.",
)


@pytest.mark.parametrize("algorithm", ALGORITHMS)
def test_no_summary_holds_captions_credits_prompts_or_links(algorithm: str) -> None:
    # Text that never went through extraction (a feed's own text): the summarizer's rules.
    paragraphs = [p for pair in zip(PROSE, DEBRIS, strict=False) for p in pair]
    article = Article(paragraphs=(*paragraphs, *DEBRIS[len(PROSE) :]))
    summary = summarize(article, 20, algorithm)
    assert summary == PROSE


def test_the_seed_summary_holds_no_debris() -> None:
    seed = (FIXTURES / "seed.txt").read_text(encoding="utf-8")
    from brief.extract import extract_text

    article = extract_text(seed)
    for count in (3, 5, 10):
        joined = "\n".join(summarize(article, count))
        for debris in ("Credit:", "IMAGO", "Share this page", "Related content"):
            assert debris not in joined
