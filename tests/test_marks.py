"""Typewriter double marks (''…'') are read as quotation marks, offsets unchanged."""

from __future__ import annotations

import pytest

from brief.models import Article
from brief.speech import analyze_speech
from brief.speech.marks import curly_marks


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "''We may be seeing it,'' the economist said.",
            " “We may be seeing it,”  the economist said.",
        ),
        ("he said, ''it becomes harder.''", "he said,  “it becomes harder.” "),
        ("``It was TeX-style,'' she said.", " “It was TeX-style,”  she said."),
        ("''It opens the paragraph and runs on", " “It opens the paragraph and runs on"),
    ],
)
def test_paired_marks_become_curly(text: str, expected: str) -> None:
    assert curly_marks(text) == expected
    assert len(curly_marks(text)) == len(text)


@pytest.mark.parametrize(
    "text",
    [
        "She is 5'11'' tall.",
        "a lone ''mark in the middle",
        "no marks at all",
        "ends here,'' he said.",
    ],
)
def test_unpaired_marks_stay(text: str) -> None:
    assert curly_marks(text) == text


def test_typewriter_quote_is_attributed_with_offsets_into_the_original_text() -> None:
    paragraphs = (
        "The jobs report came out on Friday.",
        "''We finally may be seeing some wage acceleration,'' said Jared Bernstein, an economist.",
    )
    article = Article(paragraphs)
    speech = analyze_speech(article)
    (quote,) = speech.quotes
    assert quote.text == "We finally may be seeing some wage acceleration,"
    assert article.text[quote.start : quote.end] == quote.text
    assert quote.speaker == "Jared Bernstein"
