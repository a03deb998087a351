"""Actors: names found by rule, grouped under one canonical name, with kind, role and counts."""

from __future__ import annotations

from brief.models import Actor, Article
from brief.speech import analyze_speech


def actors(*paragraphs: str) -> dict[str, Actor]:
    result = analyze_speech(Article(paragraphs=paragraphs))
    return {a.name: a for a in result.actors}


def test_surname_and_title_forms_count_for_the_full_name() -> None:
    found = actors(
        "President Barack Obama has admitted that his failure to pass gun laws is frustrating.",
        "Mr Obama spoke to the BBC. Obama said the issue would come up again.",
    )
    assert found["Barack Obama"].mentions == 3
    assert found["Barack Obama"].role == "President"
    assert not {"Obama", "Mr Obama", "President Obama", "President"} & set(found)


def test_acronym_in_parentheses_joins_its_expansion() -> None:
    found = actors(
        "All three Sahel Alliance (AES) member states recalled their ambassadors.",
        "The AES leaders met again in Niamey, and the AES said it would respond.",
    )
    assert found["Sahel Alliance"].kind == "organization"
    assert found["Sahel Alliance"].mentions == 4
    assert "AES" not in found


def test_roles_from_titles_role_nouns_and_appositives() -> None:
    found = actors(
        "Foreign Minister of Mali Abdoulaye Diop blamed Algiers.",
        "Algerian President Abdelmadjid Tebboune received Mahmoud Dicko, a influential imam from "
        "the Tomboctou region in Mali, in 2023.",
        "Indiana State Teachers Association President Keith Gambill told the crowd to stay.",
        "Wild coach Bruce Boudreau expressed confidence in the veteran winger.",
        "“I was shocked to see that level,” said Tyler Besecker, president of Mercer "
        "Island-based Dana F. Besecker Company, the largest buyer of halibut.",
    )
    assert found["Abdoulaye Diop"].role == "Foreign Minister of Mali"
    assert found["Abdelmadjid Tebboune"].role == "Algerian President"
    assert found["Mahmoud Dicko"].role == "influential imam from the Tomboctou region in Mali"
    assert found["Keith Gambill"].role == "Indiana State Teachers Association President"
    assert found["Indiana State Teachers Association"].kind == "organization"
    assert found["Bruce Boudreau"].role == "Wild coach"
    assert found["Tyler Besecker"].role == (
        "president of Mercer Island-based Dana F. Besecker Company"
    )
    assert found["Mali"].kind == "place"


def test_kinds_from_context_and_lexicons() -> None:
    found = actors(
        "An entirely different conflict unfolds in Tin Zaouatine, a desert area in Mali.",
        "Algeria’s state oil firm Sonatrach signed a contract in Niger with Burkina Faso.",
        "Russian mercenaries were ambushed by Tuareg rebels near Kidal.",
        "The German Konrad Adenauer Foundation has an office in Bamako.",
    )
    kinds = {name: a.kind for name, a in found.items()}
    assert kinds["Tin Zaouatine"] == "place"
    assert kinds["Sonatrach"] == "organization"
    assert kinds["Burkina Faso"] == "place"
    assert kinds["Tuareg"] == "group"
    assert kinds["Konrad Adenauer Foundation"] == "organization"
    assert kinds["Bamako"] == "place"
    assert "Russian" not in kinds and "German" not in kinds


def test_sentence_openers_months_and_headings_are_not_actors() -> None:
    found = actors(
        "Demonstrations, backlash, and unity",
        "Between March 31 and April 1, a drone crashed. Video clips posted online showed it.",
        "Still, security in Northern Mali has remained tenuous.",
        "Share this video",
    )
    assert set(found) == {"Mali"}


def test_title_case_phrases_are_not_people() -> None:
    found = actors(
        "Teachers held signs reading Less Money on Testing outside the hall.",
        "The price is less than before at Whole Foods Market stores.",
        "Whole Foods said it has lowered prices, and Whole Foods shoppers noticed.",
    )
    assert "Less Money" not in found
    assert found["Whole Foods Market"].mentions == 3
    assert "Whole Foods" not in found


def test_shared_surname_goes_to_the_person_named_in_full_most() -> None:
    found = actors(
        "Hori Parata, an elder of the tribe, has buried hundreds of whales.",
        "Hori Parata was watched by his son Te Kaurinui Robert Parata.",
        "Te Kaurinui Parata says the sea is changing. Hori Parata agrees.",
        "Parata and his family believe whale oil could cure the disease.",
    )
    assert found["Hori Parata"].mentions == 4
    assert found["Te Kaurinui Robert Parata"].mentions == 2
    assert "Te Kaurinui Parata" not in found and "Parata" not in found


def test_a_lone_speaker_becomes_a_person_and_counts_quotes() -> None:
    found = actors(
        "“Today, the Malian authorities thoroughly condemn the interference,”",
        "Oula said.",
        "While doing so, Oula also thinks that the rift helps Morocco.",
    )
    assert found["Oula"] == Actor("Oula", "person", None, 2, 1)
    assert found["Morocco"].kind == "place"


def test_actors_sorted_by_quotes_then_mentions() -> None:
    result = analyze_speech(
        Article(
            paragraphs=(
                "Mali and Algeria shut their airspace. Mali said Algeria lied about Mali.",
                "“We will not accept this provocation at all,” said Abdoulaye Diop.",
            )
        )
    )
    names = [a.name for a in result.actors]
    assert names[0] == "Abdoulaye Diop"
    assert names.index("Mali") < names.index("Algeria")


def test_corpus_junk_is_not_an_actor() -> None:
    result = analyze_speech(
        Article(
            paragraphs=(
                "KAZAKHSTAN WINS AGAIN",
                "Officials said the match started at 10:00 GMT in Astana.",
                "Strauss Zelnick, the CEO of Take-Two, said sales were strong.",
                "Products from Big Machine Label Group sold well, the HR team said.",
            )
        )
    )
    names = {a.name for a in result.actors}
    assert {"Strauss Zelnick", "Big Machine Label Group"} <= names
    assert not names & {"KAZAKHSTAN WINS", "Officials", "GMT", "HR", "CEO of Take-Two"}
    (officials,) = [s for s in result.statements if s.verb == "said" and "match" in s.text]
    assert (officials.speaker, officials.speaker_kind) == ("Officials", "anonymous")
