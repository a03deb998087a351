"""brief.text: sanitizing untrusted text, the offline sentence splitter (which the speech stage's
sentences derive from), words, sumy's tokenizer."""

from __future__ import annotations

import sys
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from brief.models import Article
from brief.speech.doc import build_doc
from brief.speech.spans import find_spans
from brief.text import (
    MAX_QUOTE,
    SumyTokenizer,
    sanitize,
    sentence_spans,
    split_sentences,
    words,
)

# -- sanitize -------------------------------------------------------------------------------


def test_sanitize_strips_controls_and_keeps_newlines_and_tabs() -> None:
    dirty = "a\x00b\x07c\x1b[31mred\x7f\x9bx\tcol\nnext"
    assert sanitize(dirty) == "abcred\tcol\nnext"


def test_sanitize_drops_whole_escape_sequences() -> None:
    osc8 = "see \x1b]8;;http://evil.example\x07here\x1b]8;;\x07 now"
    osc52 = "copy\x1b]52;c;ZXZpbA==\x1b\\ done"
    assert sanitize(osc8) == "see here now"
    assert sanitize(osc52) == "copy done"
    assert sanitize("clear\x1b[2J\x1b[H screen") == "clear screen"


def test_sanitize_normalizes_line_ends() -> None:
    assert sanitize("one\r\ntwo\rthree\u2028four\x0bfive") == "one\ntwo\nthree\nfour\nfive"


def test_sanitize_removes_bidi_overrides_and_invisible_characters() -> None:
    spoof = "invoice\u202egpj.exe \u2066x\u2069 zero\u200bwidth \ufeffbom soft\xadhyphen \U000e0041"
    assert sanitize(spoof) == "invoicegpj.exe x zerowidth bom softhyphen "


def test_sanitize_keeps_real_text() -> None:
    text = "Ça va? Привет, 世界! «Oui» — “quotes” 👩‍👩‍👧 नमस्ते\tok\n"
    assert sanitize(text) == text  # ZWJ in the emoji family stays: it is not a spoof


_FORBIDDEN = {"Cc", "Cf"}
_ALLOWED_FORMAT = {"\u200c", "\u200d"}  # ZWNJ/ZWJ: scripts and emoji need them
# Prepended concatenation marks (number signs written before the digits they span).
_PREPENDED = {*"\u0600\u0601\u0602\u0603\u0604\u0605\u06dd\u070f\u0890\u0891\u08e2",
              "\U000110bd", "\U000110cd"}  # fmt: skip


@given(st.text())
def test_sanitize_leaves_no_control_or_format_character(text: str) -> None:
    clean = sanitize(text)
    bad = [
        c
        for c in clean
        if unicodedata.category(c) in _FORBIDDEN
        and c not in "\n\t"
        and c not in _ALLOWED_FORMAT
        and c not in _PREPENDED
    ]
    assert not bad, [hex(ord(c)) for c in bad]
    assert "\r" not in clean
    assert sanitize(clean) == clean


def test_sanitize_removes_every_format_character_but_the_needed_ones() -> None:
    kept = [
        hex(code)
        for code in range(sys.maxunicode + 1)
        if unicodedata.category(chr(code)) == "Cf"
        and chr(code) not in _ALLOWED_FORMAT | _PREPENDED
        and sanitize(f"a{chr(code)}b") != "ab"
    ]
    assert not kept


# -- sentences ------------------------------------------------------------------------------

CASES = [
    (
        "Mr. Smith met Dr. Jones at 3 p.m. on Monday. The talks lasted 3.5 hours.",
        ["Mr. Smith met Dr. Jones at 3 p.m. on Monday.", "The talks lasted 3.5 hours."],
    ),
    (
        "The U.S. Senate voted. Gen. Mark Milley and Sen. Warren spoke. It passed.",
        ["The U.S. Senate voted.", "Gen. Mark Milley and Sen. Warren spoke.", "It passed."],
    ),
    (
        "J. R. R. Tolkien wrote it on Jan. 5 at No. 10 Main St. in Oxford. He was tired.",
        ["J. R. R. Tolkien wrote it on Jan. 5 at No. 10 Main St. in Oxford.", "He was tired."],
    ),
    (
        "Shares of Apple Inc. rose. The company, Apple Inc. said, was pleased.",
        ["Shares of Apple Inc. rose.", "The company, Apple Inc. said, was pleased."],
    ),
    (
        "He waited... and waited. Then... Nothing. Really? Yes!",
        ["He waited... and waited.", "Then...", "Nothing.", "Really?", "Yes!"],
    ),
    (
        'He said: "It is over. We lost." Then he left.',
        ['He said: "It is over. We lost."', "Then he left."],
    ),
    (
        '"It is over. We lost," he said. Nobody answered.',
        ['"It is over. We lost," he said.', "Nobody answered."],
    ),
    (
        "“We tried. We failed. We will try again,” said Mr. Brown. “Soon.”",
        ["“We tried. We failed. We will try again,” said Mr. Brown.", "“Soon.”"],
    ),
    (
        "„Wir sind hier. Alles gut“, sagte er. Dann ging er.",
        ["„Wir sind hier. Alles gut“, sagte er.", "Dann ging er."],
    ),
    (
        "« Nous sommes là. Tout va bien », a-t-il dit. Puis il est parti.",
        ["« Nous sommes là. Tout va bien », a-t-il dit.", "Puis il est parti."],
    ),
    (
        "他说：「我们输了。我们会再来。」然后离开了。今天下雨。",
        ["他说：「我们输了。我们会再来。」", "然后离开了。", "今天下雨。"],
    ),
    (
        "The score (a record.) stood. Officials agreed (mostly). Play resumed.",
        ["The score (a record.) stood.", "Officials agreed (mostly).", "Play resumed."],
    ),
    (
        # A flattened multi-paragraph quote: each paragraph reopens the quote mark.
        "‘I had a taste of it at Hearts. I’m fortunate. ‘But it’s not about me. It’s the "
        "players.’ Locke smiled.",
        [
            "‘I had a taste of it at Hearts. I’m fortunate.",
            "‘But it’s not about me. It’s the players.’",
            "Locke smiled.",
        ],
    ),
    (
        "Share this page:\n\nRelated content\nMajor attack highlights weaknesses",
        ["Share this page:", "Related content", "Major attack highlights weaknesses"],
    ),
    (
        "A paragraph without an end\n\nstarts lowercase after a blank line. A hard-wrapped\n"
        "line goes on.",
        [
            "A paragraph without an end",
            "starts lowercase after a blank line.",
            "A hard-wrapped\nline goes on.",
        ],
    ),
    (
        '“An unclosed quote ends with its paragraph. Really.\n\nNew paragraph. "Second."',
        ["“An unclosed quote ends with its paragraph. Really.", "New paragraph.", '"Second."'],
    ),
    (
        # A closing mark typed where an opening one belongs does not hide the title after it.
        "”Mr. Trump embodies it. He has no shame.” ― Sonya",
        ["”Mr. Trump embodies it.", "He has no shame.”", "― Sonya"],
    ),
]


# Never a break inside a figure or after an abbreviation; a word that is also an
# abbreviation ("no") still ends its sentence.
NUMBER_AND_ABBREVIATION_CASES = [
    (
        "Profits rose 3.5% to $1.13bn (£600m). Sales of 1,000.50 euros were booked.",
        ["Profits rose 3.5% to $1.13bn (£600m).", "Sales of 1,000.50 euros were booked."],
    ),
    (
        "The Dow fell 1.2 per cent to 24,500.3 points at 5 p.m. The yen rose.",
        ["The Dow fell 1.2 per cent to 24,500.3 points at 5 p.m.", "The yen rose."],
    ),
    (
        "The vote was 52.1 vs. 47.9 per cent. See Fig. 3 and art. 50 of the treaty.",
        ["The vote was 52.1 vs. 47.9 per cent.", "See Fig. 3 and art. 50 of the treaty."],
    ),
    (
        "The Rt. Hon. David Lammy and Sens. Warren and Sanders met Atty. Gen. Garland. It ended.",
        [
            "The Rt. Hon. David Lammy and Sens. Warren and Sanders met Atty. Gen. Garland.",
            "It ended.",
        ],
    ),
    (
        "It reached No. 1 in St. Petersburg. The EU said no. Brussels agreed.",
        ["It reached No. 1 in St. Petersburg.", "The EU said no.", "Brussels agreed."],
    ),
    (
        "Microsoft Corp. and Apple Inc. shares rose 0.5 pct. Analysts expect version 2.0 soon.",
        [
            "Microsoft Corp. and Apple Inc. shares rose 0.5 pct.",
            "Analysts expect version 2.0 soon.",
        ],
    ),
]


@pytest.mark.parametrize(("text", "expected"), NUMBER_AND_ABBREVIATION_CASES)
def test_never_splits_inside_a_number_or_an_abbreviation(text: str, expected: list[str]) -> None:
    assert split_sentences(text) == expected


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_split_sentences(text: str, expected: list[str]) -> None:
    assert split_sentences(text) == expected


def test_unbalanced_quote_cannot_swallow_the_article() -> None:
    text = 'She said "this never closes. Still inside. ' + "Another sentence here. " * 60
    sentences = split_sentences(text)
    assert len(sentences[0]) < MAX_QUOTE + 40  # protected up to the bound, not beyond
    assert sentences[0].startswith('She said "this never closes. Still inside.')
    assert len(sentences) > 20
    assert sentences[-1] == "Another sentence here."


def test_spans_are_offsets_of_the_sentences() -> None:
    text = "  First one.  Second “one. Two.” here!\n\nThird  "
    spans = sentence_spans(text)
    assert [text[a:b] for a, b in spans] == split_sentences(text)
    assert [text[a:b] for a, b in spans] == ["First one.", "Second “one. Two.” here!", "Third"]


def test_empty_and_blank_texts() -> None:
    assert split_sentences("") == []
    assert split_sentences(" \n\n\t ") == []


_NOISY = st.text(
    alphabet=st.sampled_from(list("aZ .!?…,;:\"“”„«»‘’'()[]\n\t3-MrU")) | st.characters(),
    max_size=400,
)


@settings(max_examples=400)
@given(_NOISY)
def test_spans_cover_the_text_in_order(text: str) -> None:
    spans = sentence_spans(text)
    position = 0
    for start, end in spans:
        assert position <= start < end <= len(text)
        assert text[position:start].strip() == ""  # only whitespace between sentences
        assert not text[start].isspace() and not text[end - 1].isspace()
        position = end
    assert text[position:].strip() == ""


# -- the speech stage's sentences: the same splitter, a quotation kept whole ----------------


def _speech_sentences(paragraph: str) -> list[str]:
    article = Article(paragraphs=(paragraph,))
    doc = build_doc(article, find_spans(article.paragraphs))
    return [
        article.text[doc.tokens[r.start].start : doc.tokens[r.stop - 1].end] for r in doc.sentences
    ]


def test_speech_splits_text_without_quotations_as_the_splitter_does() -> None:
    text = (
        "The association gave nearly $5.9 million. Gov. Eric Holcomb left for Florida on "
        "Jan. 5, and Rep. G.K. Butterfield (D-N.C.) stayed. The U.S. Senate voted."
    )
    assert _speech_sentences(text) == split_sentences(text)
    assert len(split_sentences(text)) == 3


def test_speech_keeps_a_quotation_with_the_words_that_attribute_it() -> None:
    text = "“Why isn’t this proof? It is too big to fail?” Vitter demanded. Nobody answered."
    assert split_sentences(text)[1] == "Vitter demanded."
    assert _speech_sentences(text) == [
        "“Why isn’t this proof? It is too big to fail?” Vitter demanded.",
        "Nobody answered.",
    ]


def test_speech_sentences_start_at_the_opening_mark() -> None:
    text = '"Carson is cratering," Matt Mackowiak said. "Support was soft to begin with."'
    assert _speech_sentences(text) == split_sentences(text)
    assert _speech_sentences(text)[1].startswith('"Support')


# -- words and sumy's tokenizer -------------------------------------------------------------


def test_words_keep_inner_apostrophes_and_hyphens() -> None:
    assert words("Don’t re-elect O'Neill's 3.5% co-op — 'now', 2,000 ok?") == [
        "Don’t",
        "re-elect",
        "O'Neill's",
        "3",
        "5",
        "co-op",
        "now",
        "2",
        "000",
        "ok",
    ]
    assert words("Zürich und 東京 sind groß.") == ["Zürich", "und", "東京", "sind", "groß"]


def test_sumy_tokenizer_drives_sumys_own_parser_without_nltk_data() -> None:
    from sumy.parsers.plaintext import PlaintextParser

    tokenizer = SumyTokenizer("english")
    assert tokenizer.language == "english"
    text = "HEADING\nMr. Smith came. He said “stop. Now.” and left.\n\nNext paragraph here."
    document = PlaintextParser.from_string(text, tokenizer).document
    assert [str(s) for s in document.sentences] == [
        "Mr. Smith came.",
        "He said “stop. Now.” and left.",
        "Next paragraph here.",
    ]
    assert [str(h) for h in document.headings] == ["HEADING"]
    assert document.sentences[0].words == ("Mr", "Smith", "came")
    assert tokenizer.to_sentences("One. Two.") == ("One.", "Two.")


# Sentences whose space was lost (BBC corpus bodies, text copied from a page).
GLUED_CASES = [
    (
        "He is training for the BBC Sport website.He will be raising money.",
        ["He is training for the BBC Sport website.", "He will be raising money."],
    ),
    (
        "It should have been Joy Division.Those guys have played. Why?Nobody knows!Ask them.",
        [
            "It should have been Joy Division.",
            "Those guys have played.",
            "Why?",
            "Nobody knows!",
            "Ask them.",
        ],
    ),
    (
        # The quotation mark closes nothing: it opens the next sentence's quote.
        "Fans screamed on the red carpet.\"It's unlike anything I've seen,\" he said. He left.",
        [
            "Fans screamed on the red carpet.",
            "\"It's unlike anything I've seen,\" he said.",
            "He left.",
        ],
    ),
    (
        "The U.S.Army met in St.Louis, J.Smith said. Visit bbc.co.uk.The site grew 3.5%.",
        ["The U.S.Army met in St.Louis, J.Smith said.", "Visit bbc.co.uk.The site grew 3.5%."],
    ),
]


@pytest.mark.parametrize(("text", "expected"), GLUED_CASES)
def test_sentences_glued_without_a_space_are_split(text: str, expected: list[str]) -> None:
    assert split_sentences(text) == expected
