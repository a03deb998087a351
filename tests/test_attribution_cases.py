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
        "After meeting the president, Joe Biden said: “It went very well for all of us.”"
    )
    assert (quote.speaker, quote.role) == ("Joe Biden", None)


def test_a_month_after_a_first_name_is_a_surname_and_a_date_is_not() -> None:
    speech = analyze_speech(
        Article(("Theresa May visited Berlin on Monday May 5 and met Angela Merkel.",))
    )
    names = {a.name for a in speech.actors}
    assert "Theresa May" in names
    assert not any(n.endswith(" May") and n != "Theresa May" for n in names)


def test_officials_of_an_administration_are_not_its_leader() -> None:
    quote = only_quote(
        "President Barack Obama spoke on Monday.",
        "“We are not going to change course on this,” Obama administration officials said.",
    )
    assert quote.speaker == "Obama administration officials"
    assert quote.speaker_kind == "anonymous"


def test_two_names_speak_together() -> None:
    quote = only_quote(
        "Kurt Volker and Tim Morrison testified.",
        "“We did not see any link to the aid at the time,” Volker and Morrison said.",
    )
    assert quote.speaker == "Kurt Volker and Tim Morrison"


def test_the_companies_are_the_two_named_before() -> None:
    quote = only_quote(
        "Acme Corp and Globex Inc agreed a merger on Monday.",
        "“This deal creates a leader in the market for years,” the companies said in a joint"
        " statement.",
    )
    assert (quote.speaker, quote.speaker_kind) == ("Acme Corp and Globex Inc", "organization")


@pytest.mark.parametrize(
    ("paragraphs", "speaker"),
    [
        (
            ("The memo was leaked.", "“The agency must cut its staff by a fifth,” the memo said."),
            "the memo",
        ),
        (
            (
                "Newsweek published it.",
                "“He never paid the tax he owed for years,” said the magazine.",
            ),
            "the magazine",
        ),
        (
            (
                "The US military said in a statement that two soldiers died.",
                "“The cause of the crash is under investigation,” the statement said.",
            ),
            "US military",
        ),
    ],
)
def test_bodies_and_documents_speak(paragraphs: tuple[str, ...], speaker: str) -> None:
    assert only_quote(*paragraphs).speaker == speaker


def test_a_person_titled_by_age_is_the_one_the_age_refers_to() -> None:
    quote = only_quote(
        "The 23-year-old striker Jack Green scored twice.",
        "“I am just happy to help the team win again,” the 23-year-old said.",
    )
    assert (quote.speaker, quote.role) == ("Jack Green", "23-year-old striker")


def test_a_sign_off_after_a_horizontal_bar_names_its_speaker() -> None:
    quotes_found = quotes(
        "Readers wrote in about the debate.",
        "“Not a worthy representative for the most powerful nation in the world.” ― Oscar P."
        " Quintero",
        "“I cannot believe a man with no credentials is the nominee.” ― Jacklyn Ashley",
    )
    assert [q.speaker for q in quotes_found] == ["Oscar P. Quintero", "Jacklyn Ashley"]


def test_a_title_case_heading_does_not_lengthen_a_name() -> None:
    speech = analyze_speech(
        Article(
            (
                "Hillary Clinton Speaks Out On Policing",
                "Hillary Clinton spoke in Charlotte on Sunday.",
                "“We have got to do everything possible to improve policing,” Clinton said.",
            )
        )
    )
    assert [q.speaker for q in speech.quotes] == ["Hillary Clinton"]
    assert "Hillary Clinton" in {a.name for a in speech.actors}


@pytest.mark.parametrize(
    ("paragraphs", "speaker", "role"),
    [
        (
            (
                "Jennifer Williams, an aide to Vice President Pence on Trump's July 25 phone call,"
                " testified.",
                "“I found the call very unusual indeed,” Williams said.",
            ),
            "Jennifer Williams",
            "aide to Vice President Pence",
        ),
        (
            (
                "“We are very worried about this,” said Jane Doe, the head of research, policy and"
                " advocacy at Oxfam.",
            ),
            "Jane Doe",
            "head of research, policy and advocacy at Oxfam",
        ),
        (
            (
                "“We are very worried about this,” said Jane Roe, a senior fellow at the Council on"
                " Foreign Relations.",
            ),
            "Jane Roe",
            "senior fellow at the Council on Foreign Relations",
        ),
        (
            (
                "Chancellor of the Exchequer Philip Hammond spoke on Monday.",
                "“Growth is steady and strong now,” Mr Hammond said.",
            ),
            "Philip Hammond",
            "Chancellor of the Exchequer",
        ),
        (
            ("“We are very worried about this,” said Dr Sarah Jones, a GP in Leeds.",),
            "Sarah Jones",
            "GP in Leeds",
        ),
        (
            ("“It is a very sad day for us,” said Mike Pompeo, the US secretary of state.",),
            "Mike Pompeo",
            "US secretary of state",
        ),
        (
            ("“It is a very sad day for us,” said the US secretary of state, Mike Pompeo.",),
            "Mike Pompeo",
            "US secretary of state",
        ),
        (
            ("“It is a very sad day for us,” said Mayor Bill de Blasio, a Democrat.",),
            "Bill de Blasio",
            "Mayor",
        ),
    ],
)
def test_roles_end_where_the_role_ends(
    paragraphs: tuple[str, ...], speaker: str, role: str
) -> None:
    quote = only_quote(*paragraphs)
    assert (quote.speaker, quote.role) == (speaker, role)


def test_a_titled_person_of_a_body_speaks_not_the_body() -> None:
    quote = only_quote(
        "“We are very worried about this,” Prof Tim Spector of King's College London said."
    )
    assert quote.speaker == "Tim Spector"


def test_a_role_before_a_knight_is_his_and_the_title_links_back() -> None:
    quote = only_quote(
        "The chairman, Sir Alan Budd, resigned on Monday.",
        "“I have done what I came to do here,” the chairman said.",
    )
    assert (quote.speaker, quote.role) == ("Sir Alan Budd", "chairman")


@pytest.mark.parametrize(
    "credit",
    [
        "By Jeffrey Gettleman",
        "BY JEFFREY GETTLEMAN",
        "Reporting by Jeffrey Gettleman; editing by Sam Lee",
        "Jeffrey Gettleman contributed reporting from Nairobi.",
        "Follow Jeffrey Gettleman on Twitter",
        "Jeffrey Gettleman is a correspondent for The Times.",
    ],
)
def test_the_author_in_a_credit_line_is_not_an_actor(credit: str) -> None:
    speech = analyze_speech(
        Article(
            (
                credit if credit.startswith(("By", "BY")) else "The town was quiet.",
                "“We will not leave this town until it is safe,” said the mayor, Ali Hassan.",
                credit,
            )
        )
    )
    assert [a.name for a in speech.actors if a.kind == "person"] == ["Ali Hassan"]
    assert not speech.statements


def test_a_sentence_opening_with_by_is_not_a_credit() -> None:
    speech = analyze_speech(
        Article(("By Monday the plan was dead, Jane Roe said, and nobody mourned it.",))
    )
    assert [s.speaker for s in speech.statements] == ["Jane Roe"]


def test_a_quotation_whose_breaks_were_lost_is_one_quote_per_part_same_speaker() -> None:
    article = Article(
        (
            "Strike enters its sixth month.",
            "Jane Roe, the union leader, spoke at the rally. “We have been on strike for 26"
            " weeks. “We are going to win this fight, whatever it takes. “Nobody will stop us"
            " now,” she said.",
        )
    )
    found = analyze_speech(article).quotes
    assert [q.text for q in found] == [
        "We have been on strike for 26 weeks.",
        "We are going to win this fight, whatever it takes.",
        "Nobody will stop us now,",
    ]
    assert {q.speaker for q in found} == {"Jane Roe"}
    assert all(article.text[q.start : q.end] == q.text for q in found)


def test_a_quotation_running_over_paragraphs_stays_one_quote() -> None:
    found = quotes(
        "Jane Roe, the union leader, spoke at the rally.",
        "“We have been on strike for 26 weeks and we are tired.",
        "“But we are going to win this fight, whatever it takes,” she said.",
    )
    assert len(found) == 1 and found[0].speaker == "Jane Roe"


@pytest.mark.parametrize(
    ("paragraph", "speaker"),
    [
        (
            "“If they were serious about this, they would have gone to the bill,” Toomey fumed on"
            " Tuesday.",
            "Toomey",
        ),
        (
            "“She’s going to be more aggressive on the issues,” said former South Carolina Gov. Jim"
            " Hodges, a Clinton backer.",
            "Jim Hodges",
        ),
        (
            "“God will hold the slave drivers of our day accountable,” Francis said in a speech to"
            " workers.",
            "Francis",
        ),
        (
            "Trump told the Washington Post in a written statement, “I really don’t want his"
            " endorsement at all.”",
            "Trump",
        ),
        (
            "De Blasio said the move was made by the commissioner and said, “Who are you going to"
            " trust on security?”",
            "De Blasio",
        ),
        (
            "Starr said the book reminds him of it, explaining, “because what could have been was"
            " lost.”",
            "Starr",
        ),
        (
            "Carson did not mention his opponents by name, but told his supporters, “our nation is"
            " in horrible trouble.”",
            "Carson",
        ),
    ],
)
def test_verbs_and_settings_around_the_speaker(paragraph: str, speaker: str) -> None:
    assert only_quote("The campaign went on.", paragraph).speaker == speaker


def test_a_clause_far_before_a_quotation_does_not_attribute_it() -> None:
    quote = only_quote(
        "The plan failed because of the weather and many other reasons, “We will try again next"
        " year.”"
    )
    assert quote.speaker is None


@pytest.mark.parametrize(
    ("paragraph", "speaker"),
    [
        (
            "Rep. Trey Gowdy (R-S.C.): “I have not heard anyone other than you ever cite that"
            " figure.”",
            "Trey Gowdy",
        ),
        ("Donald Trump: “Appreciate the congrats for being right on this one.”", "Donald Trump"),
        ("The verdict was clear: “We will appeal this ruling in the highest court.”", None),
        (
            "On Thursday, after remaining neutral for months, Warren appeared on television and"
            " endorsed Clinton, saying, “I think having a fighter in the lead is what we need.”",
            "Warren",
        ),
        (
            "“An awful lot of analysts said no, and she proved them wrong,” remembered Roy Verley,"
            " a former spokesman.",
            "Roy Verley",
        ),
    ],
)
def test_a_name_and_a_colon_and_a_trailing_participle(paragraph: str, speaker: str | None) -> None:
    assert only_quote("The campaign went on.", paragraph).speaker == speaker


def test_a_single_name_with_a_who_clause_is_a_person_a_pronoun_can_mean() -> None:
    quote = only_quote(
        "Shonda Rhimes hosted the show.",
        "Meanwhile Rihanna, who was honored with the Rockstar award, spoke about self-love."
        " “The minute you learn to love yourself, you would not want to be anyone else,” she"
        " said.",
    )
    assert quote.speaker == "Rihanna"


def test_a_surname_that_is_also_a_keyword_names_a_speaker() -> None:
    quote = only_quote(
        "“This platform just says you are no longer welcome here,” said Kristen Day, executive"
        " director of Democrats for Life."
    )
    assert (quote.speaker, quote.role) == (
        "Kristen Day",
        "executive director of Democrats for Life",
    )
    assert not analyze_speech(Article(("The parade on Memorial Day was long.",))).actors


@pytest.mark.parametrize(
    ("paragraph", "speaker"),
    [
        (
            "“What the media don’t understand is that he is bigger than the party,” said one Trump"
            " confidant.",
            "one Trump confidant",
        ),
        (
            "“Clinton has made this election a choice about the economy,” the progressive"
            " heavyweights wrote in a joint statement.",
            "the progressive heavyweights",
        ),
        (
            "In response to the proposal, Hillary Clinton’s right-hand woman rallied supporters,"
            " saying: “We have to be ready to stop him.”",
            None,
        ),
    ],
)
def test_unnamed_insiders_speak_and_an_owner_is_not_the_subject(
    paragraph: str, speaker: str | None
) -> None:
    assert only_quote("The campaign went on.", paragraph).speaker == speaker


def statements(*paragraphs: str) -> list[tuple[str | None, str | None, str, str]]:
    """(speaker, kind, how, text) of each reported statement of the article."""
    speech = analyze_speech(Article(paragraphs))
    return [(s.speaker, s.speaker_kind, s.how, s.text) for s in speech.statements]


@pytest.mark.parametrize(
    ("sentence", "speaker", "how", "text"),
    [
        (
            "The bridge will stay closed until spring, according to the ministry.",
            "the ministry",
            "reported",
            "The bridge will stay closed until spring",
        ),
        (
            "Two lanes reopened on Friday, according to officials at the county.",
            "officials",
            "reported",
            "Two lanes reopened on Friday",
        ),
        (
            "According to Maria Okafor, the bridge will stay closed until spring.",
            "Maria Okafor",
            "reported",
            "the bridge will stay closed until spring",
        ),
        (
            "According to the engineers, the cracks are older than the road.",
            "the engineers",
            "reported",
            "the cracks are older than the road",
        ),
    ],
)
def test_according_to_reports_the_clause_beside_it(
    sentence: str, speaker: str, how: str, text: str
) -> None:
    speech = analyze_speech(Article(("The bridge was shut in May.", sentence)))
    (found,) = speech.statements
    assert (found.speaker, found.how, found.text) == (speaker, how, text)
    assert found.verb == "according to"


@pytest.mark.parametrize(
    "sentence",
    [
        # The cue inside the sentence, words of the statement on both sides of it.
        "The bridge, according to the ministry, will stay closed until spring.",
        # A clause after the source: it may be what the source reports, or not.
        "The bridge stays shut, according to the ministry, which blamed the frost.",
        # Opening the sentence with no comma after the source: where it stops is unclear.
        "According to the ministry the bridge will stay closed.",
    ],
)
def test_according_to_in_other_places_is_no_statement(sentence: str) -> None:
    assert statements("The bridge was shut in May.", sentence) == []


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("Some Democrats said they feared a long fight over the budget.", "Democrats"),
        ("Several Republican senators said they would vote against the bill.", "senators"),
        ("Many economists say the slowdown will last into next year.", "Many economists"),
    ],
)
def test_a_quantified_subject_opens_a_statement(sentence: str, speaker: str) -> None:
    (found,) = statements("The vote is on Tuesday.", sentence)
    assert found[0] == speaker


def test_a_quantifier_after_a_verb_is_not_a_subject_opening() -> None:
    # "some" belongs to the object of "met", not to a subject opening a clause.
    assert statements("The vote is on Tuesday.", "Ms Roe met some farmers who said no.") == []


def test_a_sentence_reporting_with_some_words_quoted_is_a_statement_beside_its_quote() -> None:
    speech = analyze_speech(
        Article(
            (
                "The vote is on Tuesday.",
                "Okafor said the budget was “a recipe for a long and cold winter” for the town.",
            )
        )
    )
    assert [(q.speaker, q.text) for q in speech.quotes] == [
        ("Okafor", "a recipe for a long and cold winter")
    ]
    assert [(s.speaker, s.how) for s in speech.statements] == [("Okafor", "reported")]
    assert "budget was “a recipe" in speech.statements[0].text


@pytest.mark.parametrize(
    "sentence",
    [
        "Okafor said, “The budget is a recipe for a long and cold winter.”",
        "“The budget is a recipe for a long and cold winter,” Okafor said.",
        "Okafor said that “the budget is a recipe for a long and cold winter.”",
        "Okafor said after the vote: “The budget is a recipe for a long and cold winter.”",
    ],
)
def test_a_quotation_with_its_attribution_is_no_statement(sentence: str) -> None:
    speech = analyze_speech(Article(("The vote is on Tuesday.", sentence)))
    assert [q.speaker for q in speech.quotes] == ["Okafor"]
    assert speech.statements == ()
