"""Reported speech without quote marks: "Algeria denied any misconduct", "X said that ...".

A sentence is a statement when a verb of saying or claiming has a subject that names someone
(a person, a body, a country acting, an unnamed group) and that subject opens the sentence or
its main clause. Subordinate uses ("shortly after Algeria claimed responsibility") and
sentences that are a direct quotation and its attribution are left out: precision matters
more than recall. A sentence reporting in its own words with some words quoted ("Ryan said
that we need “more information” about it") is a statement too, beside its quotation.

STATEMENT_SHAPES, read at the first verb of saying in a sentence, in order:

- reported           `Diop denied any misconduct.`, `the ministry stated that …`
- reported_inverted  `The plan is dead, said Diop.`

At "according to" the sentence is read instead as `The plan is dead, according to the
ministry.` (the source ends the sentence) or `According to the ministry, the plan is dead.`;
the statement is the clause beside the cue, recorded as ``reported`` with the verb
"according to".
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from brief.speech.doc import Doc
from brief.speech.lexicon.words import (
    FUNCTION_WORDS,
    IMPERSONAL_SUBJECTS,
    PASSIVE_BEFORE,
    STATEMENT_VERBS,
    SUBJECT_QUANTIFIERS,
)
from brief.speech.subjects import MentionIndex, Source, after, before

_CLAUSE_OPENERS = frozenset({",", "and", "but", "—", "–"})
_THAT_REACH = 6
_MAX_MODIFIERS = 3
_ACCORDING_TAIL = 5
_OPENING = frozenset('“"‘«')


@dataclass(frozen=True, slots=True)
class Reported:
    """A reported statement before its speaker is resolved."""

    source: Source
    verb: str
    paragraph: int
    start: int  # offsets in Article.text of the reported clause (or the whole sentence)
    end: int
    how: str  # the name of the shape in STATEMENT_SHAPES that found it


def _subject_start(doc: Doc, sentence: range, start: int, phrase: bool) -> int:
    """Back over what may stand before a subject's head: "the" ("The United Nations said"), a
    quantifier ("Some Democrats said") and, before a noun, capitalized modifiers ("Several
    Democratic operatives said")."""
    for _ in range(_MAX_MODIFIERS):
        if start <= sentence.start:
            break
        word = doc.tokens[start - 1].text
        capitalized = phrase and doc.tokens[start - 1].is_word and word[:1].isupper()
        if word.lower() != "the" and word not in SUBJECT_QUANTIFIERS and not capitalized:
            break
        start -= 1
    return start


def _opens_clause(doc: Doc, sentence: range, start: int, phrase: bool = False) -> bool:
    first_word = next((i for i in sentence if doc.tokens[i].is_word), sentence.start)
    start = _subject_start(doc, sentence, start, phrase)
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
        if not sentence or tokens[sentence.start].paragraph in doc.headings | doc.credits:
            continue
        found = _statement(doc, index, sentence)
        if found is not None and n in quoted_sentences and not _quotes_inside(doc, sentence, found):
            continue
        if found is not None:
            source, verb, how = found
            according = tokens[verb].text.lower() == "according"
            start, end = (
                _according_clause(doc, sentence, verb, source)
                if according
                else _clause(doc, sentence, verb)
            )
            if end > start:
                paragraph = tokens[verb].paragraph
                word = "according to" if according else tokens[verb].text
                out.append(Reported(source, word, paragraph, start, end, how))
    return out


def _quotes_inside(doc: Doc, sentence: range, found: tuple[Source, int, str]) -> bool:
    """ "Ryan said that we need “more information” about it.": a sentence holding quoted words
    is a statement too when its subject and verb come first, unquoted, and the words after the
    verb open unquoted ("that" aside); "Ryan said, “We need …”" and "“…,” Ryan said" are
    quotations only."""
    _, verb, how = found
    if how != "reported" or doc.tokens[verb].text.lower() == "according":
        return False
    if any(doc.quoted[i] for i in range(sentence.start, verb)):
        return False
    tokens = doc.tokens
    for i in range(verb + 1, sentence.stop - 1):
        # "said after his appointment: “I am …”", "said the plan is fine, “but …”": a
        # quotation set off by a colon or a comma is one of its own.
        if tokens[i].text in (":", ",") and not doc.quoted[i] and tokens[i + 1].text in _OPENING:
            return False
    after_verb = [i for i in range(verb + 1, sentence.stop) if tokens[i].text != "that"]
    first = after_verb[0] if after_verb else None
    return first is not None and tokens[first].is_word and not doc.quoted[first]


def _according_clause(doc: Doc, sentence: range, at: int, source: Source) -> tuple[int, int]:
    """Offsets of what "according to" reports: the words before ", according to X." or those
    after "According to X,"."""
    tokens = doc.tokens
    if source.end < sentence.stop and tokens[source.end].text == ",":
        lo, hi = source.end + 1, sentence.stop
    else:
        lo, hi = sentence.start, at - 1  # the comma before "according"
    words = [i for i in range(lo, hi) if tokens[i].is_word]
    if not words:
        return 0, 0
    last = hi - 1
    while last > words[-1] and tokens[last].text not in '”’"»)':
        last -= 1
    return tokens[words[0]].start, tokens[last].end


def _statement(doc: Doc, index: MentionIndex, sentence: range) -> tuple[Source, int, str] | None:
    """The speaker, the verb and the shape of the sentence's statement, read at its first verb
    of saying or claiming."""
    tokens = doc.tokens
    for v in sentence:
        word = tokens[v].text
        if doc.quoted[v]:
            continue
        if word.lower() == "according" and v + 1 < sentence.stop and tokens[v + 1].text == "to":
            source = _according_to_end(doc, index, sentence, v) or _according_to_open(
                doc, index, sentence, v
            )
            return (source, v, "reported") if source is not None else None
        if word not in STATEMENT_VERBS:
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
        and _opens_clause(doc, sentence, source.start, source.form == "phrase")
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


def _according_source(doc: Doc, index: MentionIndex, k: int, hi: int) -> Source | None:
    """Who "according to" names at token ``k``: also after "a" ("a Gallup poll")."""
    source = after(doc, index, k, hi)
    if source is None and k + 1 < hi and doc.tokens[k].text.lower() in ("a", "an"):
        source = after(doc, index, k + 1, hi)
    if source is None or (source.form == "phrase" and not source.head):
        return None
    return source


def _according_to_end(doc: Doc, index: MentionIndex, sentence: range, v: int) -> Source | None:
    """ "The plan is dead, according to the ministry.": after a comma, the source closing the
    sentence, with words of a clause before it; a few words may follow the name ("according
    to FEC filings", "according to officials involved at the time"), not another clause."""
    if v - 1 <= sentence.start or doc.tokens[v - 1].text != ",":
        return None
    source = _according_source(doc, index, v + 2, sentence.stop)
    if source is None:
        return None
    rest = [t.text for t in doc.tokens[source.end : sentence.stop] if t.is_word]
    tail = doc.tokens[source.end : sentence.stop]
    if len(rest) > _ACCORDING_TAIL or any(t.text in (",", ";", ":") for t in tail):
        return None
    words = [t for t in tail if t.is_word]
    if (
        source.form == "phrase"
        and words
        and all(t.text.isalpha() and t.text.islower() for t in words)
        and not any(t.text in FUNCTION_WORDS for t in words)
    ):
        # "according to teachers unions": the noun the phrase runs on to is its head.
        end = source.end + len(words)
        text = " ".join(t.text for t in doc.tokens[source.start : end])
        return replace(source, text=text, end=end, head=words[-1].text)
    return source


def _according_to_open(doc: Doc, index: MentionIndex, sentence: range, v: int) -> Source | None:
    """ "According to the ministry, the plan is dead.": the sentence opens with the cue, and a
    comma ends the source (or the name, when what the comma sets off is the statement)."""
    first = next((i for i in sentence if doc.tokens[i].is_word), sentence.start)
    if v != first:
        return None
    source = _according_source(doc, index, v + 2, sentence.stop)
    if source is None:
        return None
    if source.end < sentence.stop and doc.tokens[source.end].text == ",":
        return source
    m = source.mention
    named = source.form == "name" and m is not None and m.end < sentence.stop
    if named and m is not None and doc.tokens[m.end].text == ",":
        return replace(source, end=m.end, role=None)  # "According to Smith, the plan …"
    return None


StatementShape = Callable[[Doc, MentionIndex, range, int], Source | None]

STATEMENT_SHAPES: tuple[tuple[str, StatementShape], ...] = (
    ("reported", _reported),
    ("reported_inverted", _reported_inverted),
)
