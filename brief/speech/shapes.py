"""Who said each quotation: the attribution shapes of news writing, each named and tried in order.

SHAPES, the attributions written beside a quotation; the first that reads one wins:

 1. relayed                   `He said, “…,” the prosecutor's office said.`: the person's words
 2. inverted_said             `“…,” said Diop.`
 3. according_to_after        `“…,” according to the ministry.`
 4. said_after                `“…,” Laessing said.`
 5. trailing_said             `“…” to hold up on their plans, Indyk said.`
 6. dash_sign_off             `“…” — Maria Gonzalez`
 7. according_to_before       `According to the ministry, “…”`
 8. as_put_it                 `As Gaiman put it, “…”`
 9. said_before               `Diop said: “…”`, `X told Reuters that “…”`, `X said it was “…”`
10. name_colon                `Carl Bialik: “…”`: a name and a colon, as transcripts write it
11. adding                    `He said “A,” adding “B.”`: the previous quotation's speaker
12. previous_attribution      `“A,” he said. “B.”`: only punctuation after the attribution
13. next_paragraph            `“…”` / `Ulf Laessing, director of …, said.`
14. previous_paragraph_colon  `Tottenham said in a statement:` / `“…”`

(2-6 are brief/speech/cues.py's AFTER_CLAUSES read after the closing mark, 7-10 its
BEFORE_CLAUSES read before the opening mark; 1 reads one of each; 13 and 14 read those tables
in the neighbouring paragraph.) INHERITANCE, for a quotation with no attribution, or one naming
nobody the reader can resolve, once the speakers before it are known:

15. previous_speaker              the previous quotation's, near enough with no one else between
16. previous_sentence_subject     `Aderholt returned to the issue. “What vehicles exist …”`
17. previous_paragraph_statement  `Diop denied the claims.` / `“…”`
18. previous_paragraph_person     the one person the paragraph before names

Each name is the `how` of the quotations it attributes (brief.models.Quote.how); a new shape is
one function, one row in its table and one test in tests/test_shapes.py.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace

from brief.speech.coreference import Resolver, Speaker, speaker_of
from brief.speech.cues import (
    AFTER_CLAUSES,
    BEFORE_CLAUSES,
    WINDOW,
    Attribution,
    Clause,
    ClauseReader,
    is_verb,
    read_clause,
)
from brief.speech.doc import QUOTE_MARKS, Doc
from brief.speech.lexicon.nouns import DOCUMENT_NOUNS, ORG_NOUNS
from brief.speech.spans import Part, Span
from brief.speech.subjects import MentionIndex, Source

# An unattributed quotation may take the speaker of one this many paragraphs before it.
INHERIT_PARAGRAPHS = 2


@dataclass(frozen=True, slots=True)
class Context:
    """What a shape reads: the article, its names, its quotations, and the attributions found
    so far (one per quotation before the one being attributed)."""

    doc: Doc
    index: MentionIndex
    spans: Sequence[Span]
    found: list[Attribution | None] = field(default_factory=list)


Shape = Callable[[Context, int], Attribution | None]


def attribute(doc: Doc, index: MentionIndex, spans: list[Span]) -> list[Attribution | None]:
    """The attribution of every quotation (None where none is written near it), each marked
    with the name of the shape that found it."""
    context = Context(doc, index, spans)
    for n in range(len(spans)):
        context.found.append(_first_shape(context, n))
    return context.found


def _first_shape(context: Context, n: int) -> Attribution | None:
    for name, shape in SHAPES:
        found = shape(context, n)
        if found is not None:
            return replace(found, how=name)
    return None


def _open_token(doc: Doc, part: Part) -> int:
    return max(doc.first_token_at(part.start - 1), 0)


def _close_token(doc: Doc, part: Part) -> int:
    return doc.first_token_at(part.end)


def _after_window(doc: Doc, part: Part) -> tuple[int, int]:
    close = _close_token(doc, part)
    lo = close + 1
    stop = (
        min(doc.sentences[doc.sentence_of[close]].stop, lo + WINDOW)
        if close < len(doc.tokens)
        else lo
    )
    hi = lo
    while hi < stop and not doc.quoted[hi] and doc.tokens[hi].text not in QUOTE_MARKS:
        hi += 1
    return lo, hi


def _before_window(doc: Doc, part: Part) -> tuple[int, int, bool]:
    hi = _open_token(doc, part)
    if hi >= len(doc.tokens):
        return hi, hi, False
    lo = doc.sentences[doc.sentence_of[hi]].start
    lo = max(lo, hi - WINDOW)
    for i in range(hi - 1, lo - 1, -1):
        if doc.quoted[i] or doc.tokens[i].text in QUOTE_MARKS:
            lo = i + 1
            break
    # Inside a sentence ("said it was “…”") or after a colon, the verb may stand further off.
    loose = hi > lo and (doc.tokens[hi - 1].is_word or doc.tokens[hi - 1].text == ":")
    return lo, hi, loose


def _ends_sentence(doc: Doc, part: Part) -> bool:
    """Whether the quoted words end with their own full stop (“… today.”)."""
    text = doc.article.text[part.start : part.end].rstrip()
    return bool(text) and text[-1] in ".!?"


def _after_quote(read: ClauseReader) -> Shape:
    """The shape of a clause form read after the quotation's closing mark, in its sentence."""

    def shape(context: Context, n: int) -> Attribution | None:
        doc, last = context.doc, context.spans[n].parts[-1]
        if not last.closed:
            return None
        lo, hi = _after_window(doc, last)
        return read(Clause(doc, context.index, lo, hi, strict=_ends_sentence(doc, last)))

    return shape


def _before_quote(read: ClauseReader) -> Shape:
    """The shape of a clause form read before the quotation's opening mark, in its sentence."""

    def shape(context: Context, n: int) -> Attribution | None:
        lo, hi, partial = _before_window(context.doc, context.spans[n].parts[0])
        return read(Clause(context.doc, context.index, lo, hi, partial=partial))

    return shape


def _previous(context: Context, n: int) -> tuple[Attribution, int, int] | None:
    """The previous quotation's attribution, where it closes in this quotation's paragraph,
    with the tokens of its closing mark and of this quotation's opening mark."""
    first = context.spans[n].parts[0]
    attribution = context.found[n - 1] if n > 0 else None
    opening = _open_token(context.doc, first)
    if attribution is None or opening == 0:
        return None
    last = context.spans[n - 1].parts[-1]
    if last.paragraph != first.paragraph:
        return None
    return attribution, _close_token(context.doc, last), opening


def _adding(context: Context, n: int) -> Attribution | None:
    """ "He said “A,” adding “B.”": the participle between the two, alone, is B's verb."""
    previous = _previous(context, n)
    if previous is None:
        return None
    attribution, close, opening = previous
    doc = context.doc
    words = [i for i in range(close + 1, opening) if doc.tokens[i].is_word]
    if len(words) == 1 and is_verb(doc, words[0]) and doc.tokens[words[0]].text.endswith("ing"):
        return replace(attribution, verb=doc.tokens[words[0]].text)
    return None


# The shapes whose attribution follows its quotation, and so may carry on to the next one.
_CARRIED = frozenset({*(name for name, _ in AFTER_CLAUSES), "adding", "previous_attribution"})


def _previous_attribution(context: Context, n: int) -> Attribution | None:
    """ "“A,” he said. “B.”": B shares the attribution that ends the sentence before it."""
    previous = _previous(context, n)
    if previous is None or previous[0].how not in _CARRIED:
        return None
    attribution, _, opening = previous
    doc = context.doc
    if doc.sentence_of[attribution.end - 1] != doc.sentence_of[opening - 1]:
        return None
    between = range(attribution.end, opening)
    if any(doc.quoted[i] or doc.tokens[i].text in QUOTE_MARKS for i in between):
        return None
    return attribution


def _next_paragraph(context: Context, n: int) -> Attribution | None:
    """ "“…,”" / "Ulf Laessing, director of …, said.": a quotation ending its paragraph, and
    an attribution that ends the first sentence of the next."""
    doc, last = context.doc, context.spans[n].parts[-1]
    if not last.closed:
        return None
    lo, _ = _after_window(doc, last)
    if any(doc.tokens[i].is_word for i in range(lo, doc.paragraph_tokens[last.paragraph].stop)):
        return None
    if last.paragraph + 1 >= len(doc.paragraph_tokens):
        return None
    para = doc.paragraph_tokens[last.paragraph + 1]
    if not para or doc.quoted[para.start] or doc.tokens[para.start].text in QUOTE_MARKS:
        return None
    stop = min(doc.sentences[doc.sentence_of[para.start]].stop, para.start + WINDOW)
    return read_clause(AFTER_CLAUSES, Clause(doc, context.index, para.start, stop, strict=True))


def _previous_paragraph_colon(context: Context, n: int) -> Attribution | None:
    """ "Tottenham said in a statement:" / "“…”": a quotation opening its paragraph after one
    that ends with a colon."""
    doc, first = context.doc, context.spans[n].parts[0]
    if first.paragraph == 0:
        return None
    text = doc.article.paragraphs[first.paragraph]
    if doc.article.text[first.start - 1 : first.start] and text.lstrip()[:1] not in QUOTE_MARKS:
        return None
    if _open_token(doc, first) != doc.paragraph_tokens[first.paragraph].start:
        return None
    previous = doc.paragraph_tokens[first.paragraph - 1]
    if not previous or doc.tokens[previous.stop - 1].text != ":":
        return None
    lo = doc.sentences[doc.sentence_of[previous.stop - 1]].start
    return read_clause(BEFORE_CLAUSES, Clause(doc, context.index, lo, previous.stop))


_SAID_AFTER = _after_quote(dict(AFTER_CLAUSES)["said_after"])
_SAID_BEFORE = _before_quote(dict(BEFORE_CLAUSES)["said_before"])


def _relays(source: Source) -> bool:
    """Whether a source is a body or a text that may pass on someone else's words."""
    if source.form == "phrase":
        return (source.head or "") in ORG_NOUNS or (source.head or "") in DOCUMENT_NOUNS
    return (
        source.form == "name"
        and source.mention is not None
        and (source.mention.kind == "organization")
    )


def _relayed(context: Context, n: int) -> Attribution | None:
    """ "He said, “…,” the prosecutor's office said.": a body reports what a person said; the
    words are the person's, named before the quotation."""
    reported = _SAID_AFTER(context, n)
    if reported is None or not _relays(reported.source):
        return None
    said = _SAID_BEFORE(context, n)
    if said is None or _relays(said.source) or said.source.form == "phrase":
        return None
    return said


SHAPES: tuple[tuple[str, Shape], ...] = (
    ("relayed", _relayed),
    *((name, _after_quote(read)) for name, read in AFTER_CLAUSES),
    *((name, _before_quote(read)) for name, read in BEFORE_CLAUSES),
    ("adding", _adding),
    ("previous_attribution", _previous_attribution),
    ("next_paragraph", _next_paragraph),
    ("previous_paragraph_colon", _previous_paragraph_colon),
)


@dataclass(slots=True)
class Memory:
    """What the reader of an article remembers, in text order, for the inheritance shapes."""

    doc: Doc
    resolver: Resolver
    previous: tuple[Span, Speaker] | None = None  # the last quotation with a speaker
    reported_in: dict[int, Speaker] = field(default_factory=dict)  # paragraph -> statement's


Inheritance = Callable[[Memory, Span], Speaker | None]


def inherit(memory: Memory, span: Span) -> tuple[str, Speaker] | None:
    """The speaker an unattributed quotation takes from the text before it, and the name of
    the inheritance shape that tells."""
    for name, shape in INHERITANCE:
        speaker = shape(memory, span)
        if speaker is not None:
            return name, speaker
    return None


def _opens_paragraph(doc: Doc, span: Span) -> bool:
    paragraph = span.parts[0].paragraph
    return doc.first_token_at(span.start - 1) == doc.paragraph_tokens[paragraph].start


def _previous_speaker(memory: Memory, span: Span) -> Speaker | None:
    """The previous quotation's speaker, if close enough and no other person is named in
    between (a quotation in a later paragraph must open it)."""
    if memory.previous is None:
        return None
    doc = memory.doc
    before, speaker = memory.previous
    gap = span.parts[0].paragraph - before.parts[-1].paragraph
    near = gap == 0 or (
        _opens_paragraph(doc, span)
        and gap <= INHERIT_PARAGRAPHS
        and (speaker.entity is not None or gap == 1)
    )
    lo, hi = doc.first_token_at(before.end), doc.first_token_at(span.start)
    if near and not memory.resolver.others_between(lo, hi, speaker.entity):
        return speaker
    return None


def _previous_sentence_subject(memory: Memory, span: Span) -> Speaker | None:
    """ "Aderholt returned to the issue later in the hearing. “What vehicles exist …”": a
    quotation opening a sentence after one whose subject is a person is that person's."""
    doc = memory.doc
    if _opens_paragraph(doc, span):
        return None
    opening = doc.first_token_at(span.start - 1)
    sentence = doc.sentence_of[opening]
    if doc.sentences[sentence].start != opening or sentence == 0:
        return None
    previous = doc.sentences[sentence - 1]
    if doc.tokens[previous.start].paragraph != span.parts[0].paragraph:
        return None
    subjects = memory.resolver.subjects_in(previous.start, previous.stop)
    return speaker_of(subjects[0]) if len(subjects) == 1 else None


def _previous_paragraph_statement(memory: Memory, span: Span) -> Speaker | None:
    """A quotation opening its paragraph after a paragraph with a statement: its speaker's."""
    paragraph = span.parts[0].paragraph
    if paragraph == 0 or not _opens_paragraph(memory.doc, span):
        return None
    return memory.reported_in.get(paragraph - 1)


def _previous_paragraph_person(memory: Memory, span: Span) -> Speaker | None:
    """A quotation opening its paragraph after one that names a single person: theirs."""
    paragraph = span.parts[0].paragraph
    if paragraph == 0 or not _opens_paragraph(memory.doc, span):
        return None
    people = memory.resolver.people_in(paragraph - 1)
    return speaker_of(people[0]) if len(people) == 1 else None


INHERITANCE: tuple[tuple[str, Inheritance], ...] = (
    ("previous_speaker", _previous_speaker),
    ("previous_sentence_subject", _previous_sentence_subject),
    ("previous_paragraph_statement", _previous_paragraph_statement),
    ("previous_paragraph_person", _previous_paragraph_person),
)
