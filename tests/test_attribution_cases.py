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


@pytest.mark.parametrize(
    ("paragraphs", "speaker", "role"),
    [
        (
            (
                "NASA said the launch was delayed.",
                "“We are going to the moon and we are going to stay,” NASA Administrator Jim"
                " Bridenstine said on Tuesday.",
            ),
            "Jim Bridenstine",
            "NASA Administrator",
        ),
        (
            (
                "The mission launched on Friday.",
                "“This is a historic moment for science,” NASA's associate administrator for"
                " science, Thomas Zurbuchen, said.",
            ),
            "Thomas Zurbuchen",
            "NASA's associate administrator for science",
        ),
        (
            (
                "Universities face cuts.",
                "The Higher Education Minister, Kim Howells, said: “We will not accept these"
                " proposals at all.”",
            ),
            "Kim Howells",
            "Higher Education Minister",
        ),
        (
            (
                "Profits rose at Acme Corp.",
                "“We have had a very strong quarter indeed,” said its chief executive, Jane Roe.",
            ),
            "Jane Roe",
            "chief executive",
        ),
        (
            (
                "The prime minister, Theresa May, visited Berlin.",
                "“We will leave the EU on time and with a deal,” the prime minister said.",
            ),
            "Theresa May",
            "prime minister",
        ),
        (
            (
                "The governor, Andrew Cuomo, spoke at noon.",
                "“We will rebuild every single road in this state,” the governor said.",
            ),
            "Andrew Cuomo",
            "governor",
        ),
    ],
)
def test_titles_and_set_off_roles_around_a_name(
    paragraphs: tuple[str, ...], speaker: str, role: str
) -> None:
    quote = only_quote(*paragraphs)
    assert (quote.speaker, quote.role) == (speaker, role)


def test_a_clause_before_a_name_is_not_its_role() -> None:
    quote = only_quote(
        "After meeting the president, Joe Biden, the senator, said: “It went very well for us.”"
    )
    assert quote.role != "president"


def test_a_month_after_a_first_name_is_a_surname_and_a_date_is_not() -> None:
    speech = analyze_speech(
        Article(("Theresa May visited Berlin on Monday May 5 and met Angela Merkel.",))
    )
    names = {a.name for a in speech.actors}
    assert "Theresa May" in names
    assert not any(n.endswith(" May") and n != "Theresa May" for n in names)
