"""Speakers and roles in the sentence shapes news writes, one short article each.

The cases are written for these tests (shapes described in the attribution work, not copied from
any evaluation set): titles and appositives around a name, forms of address, peers, bodies and
documents, groups of officials.
"""

from __future__ import annotations

import pytest

from brief.models import Article, Quote
from brief.speech import analyze_speech


def quotes(*paragraphs: str) -> list[Quote]:
    """The quotations brief finds in an article made of these paragraphs."""
    return list(analyze_speech(Article(paragraphs)).quotes)


def only_quote(*paragraphs: str) -> Quote:
    """The one quotation of the article."""
    (quote,) = quotes(*paragraphs)
    return quote


@pytest.mark.parametrize(
    ("paragraphs", "speaker", "role"),
    [
        (
            (
                "Tory co-chairman Liam Fox spoke at the conference.",
                "“The party is united behind its leader today,” Dr Fox said.",
            ),
            "Liam Fox",
            "Tory co-chairman",
        ),
        (
            (
                "Lord Butler wrote the report.",
                "“The intelligence was thin and it was not properly checked,” Lord Butler said.",
            ),
            "Lord Butler",
            None,
        ),
        (
            (
                "Sir Anthony Greener chaired the board.",
                "“We have done nothing wrong in this matter,” said Sir Anthony Greener.",
            ),
            "Sir Anthony Greener",
            None,
        ),
        (
            (
                "Mr Obama spoke in Chicago.",
                "“We are not done yet, not by a long way,” Mr Obama said.",
            ),
            "Obama",
            None,
        ),
    ],
)
def test_forms_of_address_are_not_roles_and_peers_keep_their_title(
    paragraphs: tuple[str, ...], speaker: str, role: str | None
) -> None:
    quote = only_quote(*paragraphs)
    assert (quote.speaker, quote.role) == (speaker, role)
