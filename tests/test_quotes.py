"""The quotation scanner: marks, paragraphs, nesting, and text it must survive."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from brief.models import Article
from brief.speech.spans import find_spans


def texts(*paragraphs: str) -> list[str]:
    article = Article(paragraphs=paragraphs)
    return [span.text(article.text) for span in find_spans(article.paragraphs)]


def test_curly_straight_guillemets_and_german_marks() -> None:
    assert texts(
        "He said: “This is a test of the thing,” and left.",
        'She said "we will win this one" and sat down.',
        "« Nous allons gagner ce match », a dit le coach.",
        "„Wir schaffen das schon heute“, sagte sie.",
    ) == [
        "This is a test of the thing,",
        "we will win this one",
        "Nous allons gagner ce match",
        "Wir schaffen das schon heute",
    ]


def test_offsets_point_into_article_text_without_the_marks() -> None:
    article = Article(paragraphs=("Intro.", "“From the Nigerien point of view,” he said."))
    (span,) = find_spans(article.paragraphs)
    assert article.text[span.start : span.end] == "From the Nigerien point of view,"
    assert article.text[span.start - 1] == "“"
    assert span.parts[0].paragraph == 1


def test_a_quotation_running_over_paragraphs_is_one_span() -> None:
    # The news convention: no closing mark at the end of a paragraph, a new opening mark at
    # the start of the next (wapo: Indyk's quote).
    article = Article(
        paragraphs=(
            "“Now it’s hard to see what could persuade them, but if both sides can’t back down,",
            "“That could be an issue forced by the Palestinians,” Indyk said.",
        )
    )
    (span,) = find_spans(article.paragraphs)
    assert [p.paragraph for p in span.parts] == [0, 1]
    assert span.text(article.text) == (
        "Now it’s hard to see what could persuade them, but if both sides can’t back down,"
        "\n\nThat could be an issue forced by the Palestinians,"
    )
    assert article.text[span.start :].startswith("Now it’s")
    assert article.text[: span.end].endswith("the Palestinians,")


def test_an_open_quotation_not_continued_is_kept_only_if_it_opened_its_paragraph() -> None:
    assert texts("“We will keep fighting for this until the end", "Next paragraph.") == [
        "We will keep fighting for this until the end"
    ]
    assert texts('The sign read 12" long and nothing more was said', "Next.") == []


def test_single_curly_quotes_and_apostrophes() -> None:
    # Daily Mail style (CNN/DM corpus): single curly marks, apostrophes inside.
    found = texts(
        "‘I’d be over the moon to get it as it’s something I’ve worked hard towards,’ said Locke."
    )
    assert found == ["I’d be over the moon to get it as it’s something I’ve worked hard towards,"]
    # A plural possessive does not close a quotation.
    assert texts("‘The players’ efforts have been great all season,’ he said.") == [
        "The players’ efforts have been great all season,"
    ]
    assert texts("Back in the ’90s nobody cared, and it’s the same now.") == []


def test_reopened_mark_in_a_text_that_lost_its_paragraph_breaks() -> None:
    found = texts("‘I had a taste of it at Hearts. ‘But I’ve said all along, it’s not about me.’")
    assert found == ["I had a taste of it at Hearts. But I’ve said all along, it’s not about me."]


def test_nested_quotation_is_not_reported_twice() -> None:
    found = texts("“He told me ‘we are done here, go home now’ and walked off,” she said.")
    assert found == ["He told me ‘we are done here, go home now’ and walked off,"]


def test_split_quotation_gives_two_spans() -> None:
    found = texts("“That’s perfect,” Boudreau said. “It’s the mark of a true competitor.”")
    assert found == ["That’s perfect,", "It’s the mark of a true competitor."]


_MARKS = st.sampled_from([*'“”„«»"‘’‚ \n', "\n\n", "a", "b c", "."])


@settings(max_examples=300, deadline=None)
@given(st.lists(_MARKS, max_size=400))
def test_scanner_survives_any_marks(pieces: list[str]) -> None:
    paragraphs = tuple(p for p in "".join(pieces).split("\n\n"))
    article = Article(paragraphs=paragraphs)
    spans = find_spans(paragraphs)
    starts = [s.start for s in spans]
    assert starts == sorted(starts)
    for span in spans:
        for part in span.parts:
            assert 0 <= part.start <= part.end <= len(article.text)
            assert "\n\n" not in article.text[part.start : part.end]


def test_scanner_is_linear_on_long_unbalanced_text() -> None:
    # 200,000 marks, none closing: a backtracking scanner would never finish. This asserts
    # the result (nothing found but the one paragraph-opening span), not the time.
    paragraph = "“" + "x “ " * 50_000
    spans = find_spans((paragraph, "Next."))
    assert len(spans) == 1
    assert len(spans[0].parts) > 1000


def test_mismatched_straight_and_curly_marks_pair_up() -> None:
    # Hand-typed pages mix the styles (AP text on a scraped page: Hill's answer).
    assert texts('"And I asked, well, on whose authority?” said Hill, who will testify.') == [
        "And I asked, well, on whose authority?"
    ]
    assert texts(
        '“Our third quarter results reflected broad-based growth," Craig Menear said.',
        '"We are largely on track with these investments," Menear continued.',
    ) == [
        "Our third quarter results reflected broad-based growth,",
        ("We are largely on track with these investments,"),
    ]


def test_a_quotation_of_the_other_style_nested_inside_is_kept_whole() -> None:
    assert texts('“He told me "we are done here" and walked off,” she said.') == [
        'He told me "we are done here" and walked off,'
    ]
    assert texts('"He told me “we are done here” and walked off," she said.') == [
        "He told me “we are done here” and walked off,"
    ]
