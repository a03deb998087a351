"""Acceptance: the reference article (tests/fixtures/seed.txt), as the extractor leaves it."""

from __future__ import annotations

from collections import Counter
from functools import cache

from conftest import FIXTURES

from brief.models import Article
from brief.speech.pipeline import Speech, analyze_speech


def seed_article() -> Article:
    """The seed text split on blank lines, without the debris the extractor removes."""
    text = (FIXTURES / "seed.txt").read_text(encoding="utf-8")
    text = text.split("Related content")[0]
    paragraphs = [p.strip() for p in text.split("\n\n") if p.strip()]
    kept = [p for p in paragraphs if not p.startswith("Credit:") and p != "Share this page:"]
    return Article(paragraphs=tuple(kept))


@cache
def speech() -> Speech:
    return analyze_speech(seed_article())


def test_seven_direct_quotations_with_their_speakers() -> None:
    speakers = Counter(q.speaker for q in speech().quotes)
    assert speakers == {
        "Ulf Laessing": 3,
        "Abdoulaye Diop": 1,
        "Algeria’s foreign ministry": 1,
        "Oula": 1,
        "one of the protesters": 1,
    }


def test_quote_kinds_roles_and_offsets() -> None:
    article = seed_article()
    by_speaker = {q.speaker: q for q in speech().quotes}
    laessing = by_speaker["Ulf Laessing"]
    assert laessing.speaker_kind == "person"
    assert laessing.role == (
        "director of the Sahel program of the German Konrad Adenauer Foundation (KAS)"
    )
    assert by_speaker["Abdoulaye Diop"].role == "Foreign Minister of Mali"
    assert by_speaker["Algeria’s foreign ministry"].speaker_kind == "organization"
    assert by_speaker["one of the protesters"].speaker_kind == "anonymous"
    assert by_speaker["Oula"].speaker_kind == "person"
    # "Malian analyst stated that …" just before: a bare role waiting for its name.
    assert by_speaker["Oula"].role == "Malian analyst"
    for quote in speech().quotes:
        assert article.text[quote.start : quote.end] == quote.text
        assert quote.text in article.paragraphs[quote.paragraph]
    starts = [q.start for q in speech().quotes]
    assert starts == sorted(starts)


def test_every_laessing_quote_and_its_verb() -> None:
    laessing = [q for q in speech().quotes if q.speaker == "Ulf Laessing"]
    assert [q.text.split()[0] for q in laessing] == ["From", "Algeria", "This"]
    assert [q.verb for q in laessing] == ["said", "said", "stated"]


def test_statements() -> None:
    statements = speech().statements
    by_verb = {(s.speaker, s.verb): s for s in statements}
    blamed = by_verb[("Abdoulaye Diop", "blamed")]
    assert "Algiers" in blamed.text
    stated = by_verb[("Algerian authorities", "stated")]
    assert stated.speaker_kind == "organization"
    assert stated.text.startswith("an air defense system")
    assert by_verb[("Algeria", "denied")].text.startswith("Algeria denied any misconduct")
    # Attribution lines of quotations are not statements of their own.
    assert not any(s.text in ("Laessing said", "Oula said") for s in statements)


def test_actors() -> None:
    actors = {a.name: a for a in speech().actors}
    expected = {
        "Abdoulaye Diop": "person",
        "Ulf Laessing": "person",
        "Oula": "person",
        "Abdelmadjid Tebboune": "person",
        "Mahmoud Dicko": "person",
        "Konrad Adenauer Foundation": "organization",
        "Sonatrach": "organization",
        "Sahel Alliance": "organization",
        "ECOWAS": "organization",
        "Mali": "place",
        "Algeria": "place",
        "Niger": "place",
        "Burkina Faso": "place",
        "Morocco": "place",
    }
    assert {name: actors[name].kind for name in expected if name in actors} == expected
    assert actors["Ulf Laessing"].quotes == 3
    assert actors["Ulf Laessing"].mentions == 4  # "Laessing" counts for the full name
    assert actors["Abdelmadjid Tebboune"].role == "Algerian President"
    assert "AES" not in actors  # an alias of the Sahel Alliance
    assert "Laessing" not in actors and "Diop" not in actors


def test_no_junk_actors() -> None:
    names = {a.name for a in speech().actors}
    junk = {
        "Share",
        "Credit",
        "Demonstrations",
        "Video",
        "Between March",
        "March",
        "April",
        "Between",
        "Numerous",
        "Ever",
        "Enough",
        "Still",
        "Akinci",
        "Malian",
        "Algerian",
    }
    assert not names & junk
    assert all(a.mentions > 0 for a in speech().actors)


def test_actors_sorted_by_quotes_then_mentions() -> None:
    keys = [(-a.quotes, -a.mentions) for a in speech().actors]
    assert keys == sorted(keys)
