"""Offline text tools every stage may use: sanitizing untrusted text, the one sentence and word
splitter, word counts in every script, and the page-debris rules. No third-party imports, no
downloaded data."""

from __future__ import annotations

from brief.text.counting import count_words
from brief.text.debris import (
    is_debris_line,
    is_debris_sentence,
    is_trailer_line,
    strip_debris_prefix,
)
from brief.text.sanitize import TRUNCATION_MARK, sanitize, truncate
from brief.text.sentences import (
    ABBREVIATIONS,
    MAX_QUOTE,
    TITLE_ABBREVIATIONS,
    sentence_spans,
    split_sentences,
)
from brief.text.tokens import SumyTokenizer, words

__all__ = [
    "ABBREVIATIONS",
    "MAX_QUOTE",
    "TITLE_ABBREVIATIONS",
    "TRUNCATION_MARK",
    "SumyTokenizer",
    "count_words",
    "is_debris_line",
    "is_debris_sentence",
    "is_trailer_line",
    "sanitize",
    "sentence_spans",
    "split_sentences",
    "strip_debris_prefix",
    "truncate",
    "words",
]
