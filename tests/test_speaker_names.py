"""Speaker names on fresh news (CNN/DailyMail and scraped pages, shortened): surnames expanded
to the full name given elsewhere, names split from the place or body beside them."""

from __future__ import annotations

from brief.models import Article
from brief.speech import analyze_speech


def speakers(*paragraphs: str) -> list[tuple[str | None, str | None]]:
    quotes = analyze_speech(Article(paragraphs=paragraphs)).quotes
    return [(q.speaker, q.speaker_kind) for q in quotes]


def test_a_place_after_a_preposition_is_not_part_of_the_name() -> None:
    assert speakers(
        "Former special envoy to Ukraine Kurt Volker shifted his own account of the meeting.",
        "“I think all of us thought it was inappropriate; the meeting concluded,” Volker said.",
    ) == [("Kurt Volker", "person")]


def test_a_family_name_written_first_joins_its_full_name() -> None:
    assert speakers(
        "China’s ambassador to Britain Liu Xiaoming has said that China has the resolve.",
        "Liu said the army could be deployed, warning: “They are already there in the Hong "
        "Kong garrison.”",
    ) == [("Liu Xiaoming", "person")]


def test_a_surname_that_is_a_country_names_the_person() -> None:
    assert speakers(
        "Louis Jordan, 37, took his 35-foot sailboat out in late January.",
        "His father Frank Jordan told CNN he had worried about his son.",
        '"Everything I owned got broken -- all my electronics, my GPS devices," Jordan said.',
    ) == [("Louis Jordan", "person")]


def test_a_person_said_in_a_statement_stays_a_person() -> None:
    assert speakers(
        "Sen. John Kennedy of Louisiana criticized the plan on Tuesday.",
        '"This is a terrible idea for the people of my state," Kennedy said in a statement.',
    ) == [("John Kennedy", "person")]


def test_a_name_with_a_middle_initial_after_a_body_is_split_from_it() -> None:
    assert speakers(
        '"I now do recall talking to Ukraine about investigations," Sondland said on Tuesday.',
        "U.S. Ambassador to the European Union Gordon D. Sondland testified for hours.",
    ) == [("Gordon D. Sondland", "person")]


def test_a_relative_named_in_full_is_not_the_one_the_surname_means() -> None:
    assert speakers(
        "Louis Jordan, 37, was rescued on Thursday. His father Frank Jordan thanked the crew.",
        '"It took so long. It moved so slowly out there," Jordan said.',
    ) == [("Louis Jordan", "person")]


def test_a_name_in_a_title_does_not_take_the_quote() -> None:
    assert speakers(
        '"For a while now hibernation has been proposed as a game-changing tool for human '
        'space travel," explains SciSpacE Team Leader Jennifer Ngo-Anh.'
    ) == [("Jennifer Ngo-Anh", "person")]


def test_a_plural_possessive_opens_a_body_name() -> None:
    assert speakers(
        "On Monday, the People’s Daily, the mouthpiece of the Communist party, warned that "
        "there is “absolutely no room for compromise at all”."
    ) == [("People’s Daily", "organization")]


def test_a_possessive_relative_is_no_title_for_the_next_speaker() -> None:
    quotes = analyze_speech(
        Article(
            paragraphs=(
                "At some point, Ford’s now-deceased father told Starner that “the only way I "
                "know he’s alive is because he cashes the checks I send.”",
                "Beth Meacham described it as “a magical-parliamentary-nobility-romance-spy-"
                "adventure. And that only touches it.”",
            )
        )
    ).quotes
    assert [(q.speaker, q.role) for q in quotes] == [
        ("Ford’s now-deceased father", None),
        ("Beth Meacham", None),
    ]


def test_a_body_relaying_a_persons_words_is_not_the_speaker() -> None:
    assert speakers(
        "Patrick Carlineo Jr. was arrested on Friday.",
        "\"I'm a patriot and I love my country, and I hate her,\" the U.S. attorney's office "
        "said Carlineo told the agents.",
    ) == [("Patrick Carlineo Jr", "person")]


def test_a_one_word_company_that_says_it_will_is_a_body() -> None:
    assert speakers(
        "Volkswagen says it will fix the cars by the end of the year.",
        '"We have totally screwed up and we are very sorry about this," Volkswagen says.',
    ) == [("Volkswagen", "organization")]


def test_a_product_after_an_article_is_no_person() -> None:
    actors = analyze_speech(
        Article(
            paragraphs=(
                "Apple unveiled the new Mac Pro on Monday. Mac Pro buyers were pleased.",
                '"It is the most powerful Mac we have ever made," said Tim Cook.',
            )
        )
    ).actors
    assert [(a.name, a.kind) for a in actors if a.kind == "person"] == [("Tim Cook", "person")]


def test_a_list_of_titles_before_the_name_after_a_mismatched_quote() -> None:
    assert speakers(
        '“Our third quarter results reflected broad-based growth across our business," '
        "chairman, CEO and president Craig Menear said in the earnings release."
    ) == [("Craig Menear", "person")]


def test_an_acronym_spelt_like_a_function_word_speaks_through_its_report() -> None:
    assert speakers(
        '"Taken together these data indicate that surveillance is improving," the latest WHO '
        "report said."
    ) == [("WHO", "organization")]


def test_a_command_in_the_next_sentence_is_no_attribution() -> None:
    assert speakers(
        '"Yes, I know that," Stancil said. "But when I knew what I had to do, I knew I could '
        'get life." The judge told him not to swear.'
    ) == [("Stancil", "person"), ("Stancil", "person")]


def test_as_someone_put_it() -> None:
    assert speakers(
        "As Gaiman put it, “Had he taken The Dragon Waiting and written five books, he would’ve "
        "been George R.R. Martin.”"
    ) == [("Gaiman", "person")]
