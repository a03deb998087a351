"""Attribution shapes, each on sentences taken from real news (shortened), and statements."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from brief.models import Article, Quote
from brief.speech.pipeline import Speech, analyze_speech


def speech(*paragraphs: str) -> Speech:
    return analyze_speech(Article(paragraphs=paragraphs))


def only(*paragraphs: str) -> Quote:
    quotes = speech(*paragraphs).quotes
    assert len(quotes) == 1, quotes
    return quotes[0]


def who(*paragraphs: str) -> list[tuple[str | None, str | None, str | None]]:
    return [(q.speaker, q.speaker_kind, q.verb) for q in speech(*paragraphs).quotes]


# Shape 1: the attribution beside the quotation, in its sentence.


def test_quote_then_name_said() -> None:
    q = only("“We need to make sure we keep teachers in the classroom,” Cooper said.")
    assert (q.speaker, q.speaker_kind, q.verb) == ("Cooper", "person", "said")
    assert q.text == "We need to make sure we keep teachers in the classroom,"


def test_quote_then_said_name_with_appositive_role() -> None:
    q = only(
        "“On the way to his election victory, Netanyahu broke a lot of crockery,” said Martin "
        "Indyk, executive vice president of the Brookings Institution."
    )
    assert q.speaker == "Martin Indyk"
    assert q.role == "executive vice president of the Brookings Institution"


def test_name_said_colon_quote() -> None:
    q = only("Parise said: “We’ve been there. You could tell, we were a lot more desperate.”")
    assert (q.speaker, q.verb) == ("Parise", "said")


def test_name_said_comma_quote_and_said_that_quote() -> None:
    assert who(
        "Mr Hussen said, “I went to show my feelings because my religion was insulted.”"
    ) == [("Hussen", "person", "said")]
    assert who("The minister said that “the decision will not change the reality on the ground.”")[
        0
    ][1:] == ("anonymous", "said")


def test_partial_quote_inside_reported_speech() -> None:
    q = only(
        "Mike Pompeo said that Israeli settlements were “not, per se, inconsistent with "
        "international law” in a statement."
    )
    assert (q.speaker, q.verb) == ("Mike Pompeo", "said")


def test_other_verbs_of_saying() -> None:
    assert who("“It’s hard not to, though,” Suter acknowledged.") == [
        ("Suter", "person", "acknowledged")
    ]
    assert who("“Not at all. Nothing at all, really,” Mr Hussen replied.")[0][2] == "replied"
    assert who("“The pressure is on them, not us,” tweeted Smith.")[0][2] == "tweeted"


def test_title_before_name_gives_role_and_told_takes_no_inversion() -> None:
    q = only(
        "“The United States is deeply concerned about rhetoric,” White House press secretary "
        "Josh Earnest told reporters aboard Air Force One."
    )
    assert (q.speaker, q.verb) == ("Josh Earnest", "told")
    assert q.role == "White House press secretary"


def test_split_quotation_shares_its_attribution() -> None:
    assert who(
        "“That’s perfect,” Boudreau said. “It’s the mark of a true competitor doing things.”"
    ) == [("Boudreau", "person", "said")]
    # the two-word first half is no quotation, but lends its attribution to the second


# Shape 2: the attribution is the next paragraph.


def test_attribution_in_the_next_paragraph() -> None:
    found = who(
        "“From the Nigerien point of view, this is not a good development,”",
        "Ulf Laessing, director of the Sahel program of the German Konrad Adenauer Foundation"
        " (KAS), said.",
        "“Algeria has tried to do something for Niger, particularly since relations are poor,”",
        "Laessing said.",
        "“AES leaders’ council sees the shooting down of the drone as hostile,”",
        "said Diop. Algeria denied any misconduct over the drone attack.",
    )
    assert found == [
        ("Ulf Laessing", "person", "said"),
        ("Ulf Laessing", "person", "said"),
        ("Diop", "person", "said"),
    ]


def test_capitalized_inverted_verb_opening_the_next_paragraph() -> None:
    q = only("“We will not accept this provocation from anyone at all,”", "Said Diop.")
    assert (q.speaker, q.verb) == ("Diop", "said")


def test_next_paragraph_must_be_an_attribution_not_a_new_sentence() -> None:
    q = only(
        "“We have been waiting here since the morning for news,”",
        "Residents said the water had risen overnight and that nobody came to help them out.",
    )
    assert q.speaker is None


# Shape 3: according to, dash sign-off, told, in a statement.


def test_according_to_at_the_end_of_the_sentence() -> None:
    q = only(
        "Why whales strand remains elusive, but “sickness, navigational error, or extreme "
        "weather” are thought to contribute, according to the New Zealand Department of "
        "Conservation."
    )
    assert (q.speaker, q.speaker_kind, q.verb) == (
        "New Zealand Department of Conservation",
        "organization",
        "according to",
    )


def test_dash_sign_off() -> None:
    q = only("“We will never give up on this fight for our children” — Maria Gonzalez")
    assert (q.speaker, q.verb) == ("Maria Gonzalez", None)


def test_said_in_a_statement_makes_a_lone_name_a_body() -> None:
    q = only(
        "Tottenham said in a statement: “Jose is one of the world’s most accomplished managers.”"
    )
    assert (q.speaker, q.speaker_kind) == ("Tottenham", "organization")


def test_the_statement_said_points_back_to_the_body() -> None:
    found = who(
        "Two service members were killed in a crash in Afghanistan, the US military said in a "
        "statement on Wednesday.",
        "“The cause of the crash is under investigation, however,” the statement said.",
    )
    assert found == [("US military", "organization", "said")]


# Shape 4: an unattributed quotation inherits only when the text supports it.


def test_continuation_paragraph_inherits_the_speaker() -> None:
    found = who(
        "Taylor Swift posted online about the awards show on Thursday night.",
        "“I just want to be able to play my music,” she said.",
        "“That’s it. I’ve tried to work this out privately through my team but couldn’t.”",
    )
    assert [s for s, _, _ in found] == ["Taylor Swift", "Taylor Swift"]


def test_no_inheritance_across_a_paragraph_naming_another_person() -> None:
    found = who(
        "“It takes a little longer now, but he’s playing well,” Boudreau said.",
        "Wild defenseman Ryan Suter joked about the sticks after the game in Buffalo.",
        "“We know where we are and we know what we have to do.”",
    )
    assert found[0][0] == "Boudreau"
    assert found[1][0] != "Boudreau"


def test_quote_after_a_paragraph_with_a_statement_takes_its_speaker() -> None:
    found = who(
        "Erekat said it was only the latest move by the US to force the Palestinians to give up.",
        "“They wanted us on our knees and they used every trick to put pressure on us.”",
    )
    assert found == [("Erekat", "person", None)]


# Shape 5: pronouns and descriptions.


def test_he_said_takes_the_sentence_subject_not_the_nearest_name() -> None:
    found = who(
        "Barely a week ago, Parise had scored just once. Wild defenseman Ryan Suter, who joked "
        "about Parise’s penchant for changing sticks, could see the frustration.",
        "“He’s used to scoring goals, getting points,” he said.",
    )
    assert found == [("Ryan Suter", "person", "said")]


def test_she_said_skips_a_man() -> None:
    found = who(
        "Jennifer McCormick spoke after Brian Bosma left the room.",
        "“What a shame that it takes this to get attention,” she said.",
    )
    assert found[0][0] == "Jennifer McCormick"


def test_it_and_they_are_the_nearest_body() -> None:
    found = who(
        "Big Machine Label Group has twice denied doing anything wrong.",
        "“At no point did we say Taylor could not perform on the show,” they said.",
    )
    assert found == [("Big Machine Label Group", "organization", "said")]


def test_the_56_year_old_is_the_nearest_person() -> None:
    found = who(
        "Jose Mourinho has agreed a deal to replace Mauricio Pochettino at the club.",
        "The 56-year-old said after his appointment: “I am excited to be joining a club.”",
    )
    assert found[0][0] == "Mauricio Pochettino" or found[0][0] == "Jose Mourinho"


# Shape 6: bodies and unnamed people.


def test_bodies_and_unnamed_speakers() -> None:
    found = who(
        "“The coup regime is trying in vain to turn our nation into a scapegoat,”",
        "Algeria’s foreign ministry stated.",
        "“They destroyed the drone on our soil. Enough!” one of the protesters explained.",
        "“We received an inquiry and are cooperating,” said a WeWork spokesperson.",
        "“Three people were taken to hospital with minor injuries,” police said.",
    )
    assert found == [
        ("Algeria’s foreign ministry", "organization", "stated"),
        ("one of the protesters", "anonymous", "explained"),
        ("WeWork", "organization", "said"),
        ("police", "organization", "said"),
    ]


def test_spokesperson_for_a_body_speaks_for_it() -> None:
    q = only(
        "A spokesperson for the British Foreign Office reiterated that settlements “are illegal "
        "under international law, present an obstacle to peace”."
    )
    assert (q.speaker, q.speaker_kind) == ("British Foreign Office", "organization")


def test_specific_body_is_not_an_earlier_one() -> None:
    found = who(
        "“It is a dangerous decision for the region,” Russia’s foreign ministry said.",
        "The French foreign ministry said it “regrets any decision likely to encourage building”.",
    )
    assert [s for s, _, _ in found] == ["Russia’s foreign ministry", "French foreign ministry"]


# Scare quotes and headings are not quotations.


def test_short_scare_quotes_and_quoted_headings_are_not_quotes() -> None:
    result = speech(
        "Netanyahu warned against making a “bad deal” with Iran.",
        "‘We need to listen’",
        "The elders say the sea is changing fast.",
    )
    assert result.quotes == ()


# Statements.


def test_statements_need_a_speaker_and_a_main_clause() -> None:
    result = speech(
        "The Algerian authorities stated that an air defense system intercepted a drone.",
        "Numerous demonstrators gathered shortly after Algeria claimed responsibility.",
        "McCormick told reporters that the state had the money.",
    )
    found = [(s.speaker, s.verb, s.text) for s in result.statements]
    assert found == [
        ("Algerian authorities", "stated", "an air defense system intercepted a drone"),
        ("McCormick", "told", "the state had the money"),
    ]


def test_quotes_and_statements_sorted_with_offsets() -> None:
    article = Article(
        paragraphs=(
            "Smith said that the plan was dead. “We are done with this plan now,” Smith said.",
            "Jones denied any wrongdoing in the matter.",
        )
    )
    result = analyze_speech(article)
    for item in (*result.quotes, *result.statements):
        assert article.text[item.start : item.end] == item.text
    assert [s.start for s in result.statements] == sorted(s.start for s in result.statements)


_WORDS = st.sampled_from(
    [
        "“",
        "”",
        '"',
        "‘",
        "’",
        "«",
        "»",
        ",",
        ".",
        " said",
        " he",
        " Smith",
        " the",
        " ministry",
        " according to",
        " —",
        ":",
        "\n\n",
        " Ulf Laessing",
        " a",
        "(KAS)",
        " told",
        " X",
    ]
)


@settings(max_examples=200, deadline=None)
@given(st.lists(_WORDS, max_size=300))
def test_analyze_speech_survives_any_text(pieces: list[str]) -> None:
    article = Article(paragraphs=tuple("".join(pieces).split("\n\n")))
    result = analyze_speech(article)
    for item in (*result.quotes, *result.statements):
        assert 0 <= item.start <= item.end <= len(article.text)
        assert item.speaker_kind in (None, "person", "organization", "anonymous")
    assert all(a.kind in ("person", "organization", "place", "group") for a in result.actors)


# Shapes seen in the scrapinghub corpus.


def test_role_with_two_nouns_before_the_name() -> None:
    q = only(
        "“What is really fun to think about is if those ices were ever liquid,” JPL scientist "
        "and study co-author Michael Malaska said."
    )
    assert (q.speaker, q.role) == ("Michael Malaska", "JPL scientist and study co-author")


def test_hyphenated_given_name_and_appositive_before_colon() -> None:
    q = only(
        "Cheuk Hau-yip, the commander of Kowloon West district, said: “These rioters, they are "
        "also criminals.”"
    )
    assert (q.speaker, q.role) == ("Cheuk Hau-yip", "commander of Kowloon West district")


def test_participle_before_the_quote_takes_the_main_subject() -> None:
    q = only(
        "Liu said that the People’s Liberation Army could be deployed in Beijing, warning: “They "
        "are already there in the Hong Kong garrison.”"
    )
    assert (q.speaker, q.verb) == (
        "Liu",
        "warning",
    )  # the participle that opens the quotation is its verb


def test_adding_continues_the_same_speaker() -> None:
    found = who(
        "Kristi Noem tweeted that the state’s meth epidemic “needs to be a dinner table "
        "conversation,” adding “we need everyone on it right now.”"
    )
    assert found == [("Kristi Noem", "person", "tweeted"), ("Kristi Noem", "person", "adding")]


def test_naming_verb_needs_a_named_subject() -> None:
    assert who("Cruz called the suicide a “profound indictment of the system.”") == [
        ("Cruz", "person", "called")
    ]
    assert who("They joined a group called “Mothers Against Drunk Driving Now.”")[0][0] is None


def test_quote_after_a_sentence_about_a_person() -> None:
    found = who(
        "Rep. Robert Aderholt asked about the rocket’s schedule.",
        "Aderholt returned to the issue later in the hearing. “What commercial launch vehicles "
        "exist to do this job?”",
    )
    assert found == [("Robert Aderholt", "person", None)]


def test_capitalized_title_in_an_appositive() -> None:
    q = only(
        "Steve Menet, Senior Vice President of Sales for Dräger, says: “Effective alarm "
        "management contributes to patient safety.”"
    )
    assert (q.speaker, q.role) == ("Steve Menet", "Senior Vice President of Sales for Dräger")


def test_french_inverted_attribution_and_selon() -> None:
    found = who(
        "«Pour certains d’entre eux on est très interrogatif», a ajouté Laurent Fabius.",
        "Il devait ramener des Français, «les plus vulnérables (blessés, familles)», selon le "
        "ministère des Affaires étrangères.",
    )
    assert found == [
        ("Laurent Fabius", "person", "ajouté"),
        ("ministère des Affaires étrangères", "organization", "selon"),
    ]


def test_bare_role_goes_to_the_next_person_speaking_and_to_earlier_quotes() -> None:
    found = speech(
        "“The authorities condemn the interference in the crisis,” Oula said.",
        "Malian analyst stated that relations are lacking trust.",
        "“Today, the authorities thoroughly condemn the interference,” Oula said.",
    )
    assert [(q.speaker, q.role) for q in found.quotes] == [
        ("Oula", "Malian analyst"),
        ("Oula", "Malian analyst"),
    ]
    # With an article, the phrase is an anonymous speaker, not a title.
    other = speech(
        "A Malian analyst stated that relations are lacking trust.",
        "“Today, the authorities thoroughly condemn the interference,” Oula said.",
    )
    assert other.quotes[0].role is None
