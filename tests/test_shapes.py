"""Attribution shapes are first-class: named, tried in one documented order, recorded as `how`.

One example per shape, each attributed by that shape alone, through the public analyze_speech;
then the names against the JSON Schema, the docstrings and the README, and `how` in the JSON.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from brief.models import Article, Brief, Quote
from brief.speech import analyze_speech, shapes, statements
from brief.speech.pipeline import SHAPE_NAMES

ROOT = Path(__file__).resolve().parent.parent
SCHEMA = json.loads((ROOT / "brief" / "schema" / "brief.schema.json").read_text())
DEMO_BRIEFS = Path(__file__).parent / "fixtures" / "tui" / "demo-briefs.json"

# (shape, paragraphs, start of the quotation it attributes, speaker)
QUOTE_EXAMPLES = [
    (
        "relayed",
        (
            "John Carlineo was charged on Monday.",
            "In an interview he said, “I did not take the money from anyone,” the prosecutor's"
            " office said.",
        ),
        "I did",
        "John Carlineo",
    ),
    (
        "inverted_said",
        ("“We will not back down from this fight,” said Abdoulaye Diop.",),
        "We will",
        "Abdoulaye Diop",
    ),
    (
        "according_to_after",
        ("“The drone fell well inside Malian territory,” according to Ulf Laessing.",),
        "The drone",
        "Ulf Laessing",
    ),
    (
        "said_after",
        ("“We need to make sure we keep teachers in the classroom,” Cooper said.",),
        "We need",
        "Cooper",
    ),
    (
        "trailing_said",
        ("“Hold up on their new settlement plans” was the request, Martin Indyk said.",),
        "Hold up",
        "Martin Indyk",
    ),
    (
        "dash_sign_off",
        ("“This is the best day of my whole life.” — Maria Gonzalez",),
        "This is",
        "Maria Gonzalez",
    ),
    (
        "according_to_before",
        ("According to Ulf Laessing, “the drone fell well inside Malian territory.”",),
        "the drone",
        "Ulf Laessing",
    ),
    (
        "as_put_it",
        ("As Gaiman put it, “a book is a dream that you hold in your hand.”",),
        "a book",
        "Gaiman",
    ),
    (
        "said_before",
        ("Parise said: “We’ve been there. You could tell, we were a lot more desperate.”",),
        "We’ve been",
        "Parise",
    ),
    (
        "name_colon",
        ("Pollsters agree - Carl Bialik: “Keep on contacting voters as late as possible.”",),
        "Keep on",
        "Carl Bialik",
    ),
    (
        "adding",
        ("Diop said “we will not back down from this,” adding “the talks are over for now.”",),
        "the talks",
        "Diop",
    ),
    (
        "previous_attribution",
        ("“We will not back down from this,” Diop said. “The talks are over for now.”",),
        "The talks",
        "Diop",
    ),
    (
        "next_paragraph",
        (
            "“From the Nigerien point of view, this is a real threat,”",
            "Ulf Laessing, director of the Sahel program at the Konrad Adenauer Foundation, said.",
        ),
        "From the",
        "Ulf Laessing",
    ),
    (
        "previous_paragraph_colon",
        (
            "Tottenham said in a statement:",
            "“The club has parted ways with its head coach with immediate effect.”",
        ),
        "The club",
        "Tottenham",
    ),
    (
        "previous_speaker",
        (
            "“We will not back down from this fight,” Diop said.",
            "“The talks are over for now, and nobody can change that.”",
        ),
        "The talks",
        "Diop",
    ),
    (
        "previous_sentence_subject",
        (
            "Rep. Robert Aderholt returned to the issue later in the hearing. “What vehicles "
            "exist to do this job?”",
        ),
        "What vehicles",
        "Robert Aderholt",
    ),
    (
        "previous_paragraph_statement",
        (
            "Abdoulaye Diop denied that the army had crossed the border.",
            "“We have never sent a single soldier across that line.”",
        ),
        "We have",
        "Abdoulaye Diop",
    ),
    (
        "previous_paragraph_person",
        (
            "Foreign minister Abdoulaye Diop arrived in Algiers on Monday.",
            "“We have never sent a single soldier across that line.”",
        ),
        "We have",
        "Abdoulaye Diop",
    ),
]

# (shape, paragraph, speaker) for reported statements
STATEMENT_EXAMPLES = [
    ("reported", "Abdoulaye Diop denied any misconduct by the army.", "Abdoulaye Diop"),
    ("reported_inverted", "The plan is dead, said Abdoulaye Diop.", "Abdoulaye Diop"),
]


def _quote(paragraphs: tuple[str, ...], start: str) -> Quote:
    quotes = analyze_speech(Article(paragraphs=paragraphs)).quotes
    found = [q for q in quotes if q.text.startswith(start)]
    assert len(found) == 1, quotes
    return found[0]


@pytest.mark.parametrize(("how", "paragraphs", "start", "speaker"), QUOTE_EXAMPLES)
def test_each_quote_shape_attributes_its_example(
    how: str, paragraphs: tuple[str, ...], start: str, speaker: str
) -> None:
    q = _quote(paragraphs, start)
    assert (q.how, q.speaker) == (how, speaker)


@pytest.mark.parametrize(("how", "paragraph", "speaker"), STATEMENT_EXAMPLES)
def test_each_statement_shape_attributes_its_example(
    how: str, paragraph: str, speaker: str
) -> None:
    found = analyze_speech(Article(paragraphs=(paragraph,))).statements
    assert [(s.how, s.speaker) for s in found] == [(how, speaker)]


def test_every_shape_has_an_example() -> None:
    examples = [e[0] for e in QUOTE_EXAMPLES] + [e[0] for e in STATEMENT_EXAMPLES]
    assert examples == list(SHAPE_NAMES)


def _paragraphs(how: str) -> tuple[str, ...]:
    return next(e[1] for e in QUOTE_EXAMPLES if e[0] == how)


def test_the_verb_of_a_shape_is_kept_and_inheritance_has_none() -> None:
    assert _quote(_paragraphs("adding"), "the talks").verb == "adding"
    assert _quote(_paragraphs("previous_speaker"), "The talks").verb is None


def test_an_unattributed_quote_has_no_how() -> None:
    q = _quote(("“Nobody expected the drone to fall so close to the town.”",), "Nobody")
    assert (q.speaker, q.how, q.verb) == (None, None, None)


def test_shape_names_are_unique_and_are_the_schema_enum() -> None:
    assert len(set(SHAPE_NAMES)) == len(SHAPE_NAMES)
    assert all(name.isidentifier() and name.islower() for name in SHAPE_NAMES)
    enum = SCHEMA["$defs"]["speech"]["properties"]["how"]["enum"]
    assert enum == [*SHAPE_NAMES, None]


def _in_order(text: str, names: list[str]) -> bool:
    places = [text.find(f" {name} ") for name in names]
    return -1 not in places and places == sorted(places)


def test_docstrings_list_each_table_in_order() -> None:
    written = [name for name, _ in shapes.SHAPES] + [name for name, _ in shapes.INHERITANCE]
    assert _in_order(shapes.__doc__ or "", written)
    reported = [name for name, _ in statements.STATEMENT_SHAPES]
    assert _in_order(statements.__doc__ or "", reported)


def test_readme_names_every_shape() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    row = next(line for line in readme.splitlines() if line.startswith("| `how` |"))
    assert all(f"`{name}`" in row for name in SHAPE_NAMES)


def test_how_goes_through_json_right_after_verb() -> None:
    article = Article(paragraphs=_paragraphs("previous_speaker"))
    speech = analyze_speech(article)
    brief = Brief(article, (), speech.quotes, speech.statements, speech.actors)
    data = json.loads(json.dumps(brief.to_json(with_text=True)))
    assert [q["how"] for q in data["quotes"]] == ["said_after", "previous_speaker"]
    keys = list(data["quotes"][0])
    assert keys[keys.index("verb") + 1] == "how"
    assert Brief.from_json(data) == brief


def test_json_written_before_how_existed_loads() -> None:
    stored = json.loads(DEMO_BRIEFS.read_text(encoding="utf-8"))
    old = stored[0]["brief"]
    assert old["quotes"] and all("how" not in q for q in old["quotes"])
    brief = Brief.from_json(old)
    assert brief.quotes and all(q.how is None for q in brief.quotes)
    assert [q.speaker for q in brief.quotes] == [q["speaker"] for q in old["quotes"]]
