"""Reported speech without quote marks: "Algeria denied any misconduct", "X said that ...".

A sentence is a statement when a verb of saying or claiming has a subject that names someone
(a person, a body, a country acting, an unnamed group) and that subject opens the sentence or
its main clause. Subordinate uses ("shortly after Algeria claimed responsibility") and
sentences holding a direct quotation are left out: precision matters more than recall.

STATEMENT_SHAPES, read at the first verb of saying in a sentence, in order:

- reported           `Diop denied any misconduct.`, `the ministry stated that …`
- reported_inverted  `The plan is dead, said Diop.`
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from brief.speech.doc import Doc
from brief.speech.lexicon.words import (
    IMPERSONAL_SUBJECTS,
    PASSIVE_BEFORE,
    STATEMENT_VERBS,
)
from brief.speech.subjects import MentionIndex, Source, after, before

_CLAUSE_OPENERS = frozenset({",", "and", "but", "—", "–"})
_THAT_REACH = 6


@dataclass(frozen=True, slots=True)
class Reported:
    """A reported statement before its speaker is resolved."""

    source: Source
    verb: str
    paragraph: int
    start: int  # offsets in Article.text of the reported clause (or the whole sentence)
    end: int
    how: str  # the name of the shape in STATEMENT_SHAPES that found it


def _opens_clause(doc: Doc, sentence: range, start: int) -> bool:
    first_word = next((i for i in sentence if doc.tokens[i].is_word), sentence.start)
    if start > sentence.start and doc.tokens[start - 1].text.lower() == "the":
        start -= 1  # "The United Nations said"
    return start == first_word or (
        start > sentence.start and doc.tokens[start - 1].text in _CLAUSE_OPENERS
    )


def _clause(doc: Doc, sentence: range, verb: int) -> tuple[int, int]:
    """Offsets of the reported clause: after "that" when it follows the verb, else the sentence."""
    tokens = doc.tokens
    last = sentence.stop - 1
    while last > sentence.start and not tokens[last].is_word and tokens[last].text not in '”’"»)':
        last -= 1
    for k in range(verb + 1, min(verb + 1 + _THAT_REACH, last)):
        if tokens[k].text == "that" and not doc.quoted[k]:
            return tokens[k + 1].start, tokens[last].end
    first = next(
        (i for i in sentence if tokens[i].is_word or tokens[i].text in '“"«‘'), sentence.start
    )
    return tokens[first].start, tokens[last].end


def find_statements(doc: Doc, index: MentionIndex, quoted_sentences: set[int]) -> list[Reported]:
    """Reported statements, one at most per sentence, in text order."""
    tokens = doc.tokens
    out: list[Reported] = []
    for n, sentence in enumerate(doc.sentences):
        if n in quoted_sentences or not sentence:
            continue
        if tokens[sentence.start].paragraph in doc.headings | doc.credits:
            continue
        found = _statement(doc, index, sentence)
        if found is not None:
            source, verb, how = found
            start, end = _clause(doc, sentence, verb)
            if end > start:
                paragraph = tokens[verb].paragraph
                out.append(Reported(source, tokens[verb].text, paragraph, start, end, how))
    return out


def _statement(doc: Doc, index: MentionIndex, sentence: range) -> tuple[Source, int, str] | None:
    """The speaker, the verb and the shape of the sentence's statement, read at its first verb
    of saying or claiming."""
    tokens = doc.tokens
    for v in sentence:
        word = tokens[v].text
        if doc.quoted[v] or word not in STATEMENT_VERBS:
            continue
        if v > sentence.start and tokens[v - 1].text.lower() in PASSIVE_BEFORE:
            continue
        if v + 1 < sentence.stop and tokens[v + 1].text == "by":
            continue  # "as reported by DW"
        if v + 1 < sentence.stop and tokens[v + 1].text[0].isdigit():
            continue  # "Gallinari added 25 points"
        for name, shape in STATEMENT_SHAPES:
            source = shape(doc, index, sentence, v)
            if source is not None:
                return source, v, name
        return None
    return None


def _reported(doc: Doc, index: MentionIndex, sentence: range, v: int) -> Source | None:
    """ "Diop denied any misconduct.": a subject opening the sentence or its main clause."""
    source = before(doc, index, v, sentence.start)
    if (
        source is not None
        and _opens_clause(doc, sentence, source.start)
        and (source.form != "phrase" or source.head)
        and not (source.form == "pronoun" and source.text in IMPERSONAL_SUBJECTS)
    ):
        return source
    return None


def _reported_inverted(doc: Doc, index: MentionIndex, sentence: range, v: int) -> Source | None:
    """ "The plan is dead, said Diop.": the verb after a comma, its subject ending the sentence."""
    if v > sentence.start and doc.tokens[v - 1].text == ",":
        inverted = after(doc, index, v + 1, sentence.stop)
        if inverted is not None and _ends_sentence(doc, sentence, inverted.end):
            return inverted
    return None


def _ends_sentence(doc: Doc, sentence: range, end: int) -> bool:
    return all(not doc.tokens[i].is_word for i in range(end, sentence.stop))


StatementShape = Callable[[Doc, MentionIndex, range, int], Source | None]

STATEMENT_SHAPES: tuple[tuple[str, StatementShape], ...] = (
    ("reported", _reported),
    ("reported_inverted", _reported_inverted),
)
