"""Article -> Speech: direct quotations with their speakers, reported statements, and actors.

The pipeline: quote spans (brief/speech/spans.py) -> tokens and sentences around them
(brief/speech/doc.py) -> names (brief/speech/mentions.py) -> attribution of each quotation
(brief/speech/shapes.py) and reported statements (brief/speech/statements.py) -> actors
(brief/speech/entities.py) -> canonical speakers (brief/speech/coreference.py), or, for a
quotation without one, a speaker inherited from the text before it (brief/speech/shapes.py).
Every quotation and statement records the name of the shape that attributed it (SHAPE_NAMES)
and, from the evidence behind it, a confidence (brief/speech/confidence.py); a speaker whose
confidence falls below the model's ``drop`` cut is left out (the quotation is unattributed).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from brief.models import Actor, Article, Quote
from brief.speech import confidence
from brief.speech.confidence import Evidence, SourceKind
from brief.speech.coreference import Resolver, Speaker
from brief.speech.cues import Attribution
from brief.speech.doc import Doc, build_doc
from brief.speech.entities import REPORTED, Entity, build_registry
from brief.speech.lexicon.nouns import (
    DELEGATES,
    ROLE_NOUNS,
    STATEMENT_NOUNS,
)
from brief.speech.lexicon.words import (
    DETERMINERS,
    IT_VERBS,
)
from brief.speech.marks import with_curly_marks
from brief.speech.mentions import find_mentions
from brief.speech.people import ImpliedKind
from brief.speech.shapes import INHERIT_PARAGRAPHS, INHERITANCE, SHAPES, Memory, attribute, inherit
from brief.speech.spans import Part, Span, find_spans
from brief.speech.statements import STATEMENT_SHAPES, Reported, find_statements
from brief.speech.subjects import MentionIndex, Source

MIN_QUOTE_WORDS = 4
# Every `how` a quotation or statement may record, in the order the shapes are tried.
SHAPE_NAMES = tuple(name for name, _ in (*SHAPES, *INHERITANCE, *STATEMENT_SHAPES))
_MARKS_AND_SPACE = ' "“”‘’«»„'


@dataclass(frozen=True, slots=True)
class Speech:
    """Who said what in an article."""

    quotes: tuple[Quote, ...]
    statements: tuple[Quote, ...]
    actors: tuple[Actor, ...]
    # What each quote and statement's speaker rests on (None when unattributed), in order:
    # for bench/train_confidence.py, which learns the confidence from it.
    quote_evidence: tuple[Evidence | None, ...] = ()
    statement_evidence: tuple[Evidence | None, ...] = ()


def _implied_kind(doc: Doc, attribution: Attribution) -> ImpliedKind:
    """ "X said in a statement", "a WeWork spokesperson said": a lone name speaking through a
    statement or a spokesperson is a body."""
    source = attribution.source
    if source.head in DELEGATES:
        return "organization"
    if source.mention is not None and source.mention.kind == "person":
        return "person"  # "Sen. John Kennedy said in a statement": a person's name stays one
    window = doc.tokens[source.end : source.end + 6]
    return "organization" if any(t.text in STATEMENT_NOUNS for t in window) else "person"


def _reported_kind(doc: Doc, r: Reported) -> ImpliedKind:
    """ "Volkswagen says it will fix the cars": a name whose statement calls it "it" is a body;
    other names speaking only in statements are left for the registry to judge."""
    mention = r.source.mention
    if mention is None or mention.kind == "person":
        return REPORTED
    window = [t.text for t in doc.tokens[r.source.end : r.source.end + 8]]
    if r.verb not in window:
        return REPORTED
    rest = window[window.index(r.verb) + 1 :]
    if rest[:1] == ["that"]:
        rest = rest[1:]
    # "it was …" is as often the dummy subject ("Erekat said it was only the latest move").
    body = rest[:1] == ["its"] or (rest[:1] == ["it"] and rest[1:2] and rest[1] in IT_VERBS)
    return "organization" if body else REPORTED


def _bare_role(source: Source) -> bool:
    """A singular role noun phrase with no article or determiner ("Malian analyst")."""
    words = source.text.split()
    head = source.head or ""
    return (
        source.form == "phrase"
        and len(words) <= 4
        and words[0].lower() not in DETERMINERS
        and not words[0].endswith(("’s", "'s"))  # "Ford’s father" is someone, not a title
        and head in ROLE_NOUNS
        and not head.endswith("s")
    )


def _span_sentences(doc: Doc, spans: list[Span]) -> set[int]:
    sentences: set[int] = set()
    for span in spans:
        if span.word_count(doc.article.text) < MIN_QUOTE_WORDS:
            continue
        for part in span.parts:
            i = doc.first_token_at(part.start)
            if i < len(doc.tokens):
                sentences.add(doc.sentence_of[i])
    return sentences


def analyze_speech(article: Article, *, drop_doubtful: bool = True) -> Speech:
    """Find the quotations, reported statements and actors of an article.

    ``drop_doubtful=False`` keeps every speaker, however low its confidence (for training)."""
    article = with_curly_marks(article)
    spans = find_spans(article.paragraphs)
    doc = build_doc(article, spans)
    mentions = find_mentions(doc)
    index = MentionIndex.of(mentions)
    attributions = attribute(doc, index, spans)
    taken = _span_sentences(doc, spans)
    # A sentence that attributes a quotation ("Laessing said.") is not a statement of its own.
    taken.update(doc.sentence_of[a.end - 1] for a in attributions if a is not None and a.end > 0)
    reported = find_statements(doc, index, taken)
    speakers: dict[int, ImpliedKind] = {}
    for a in attributions:
        if a is not None and a.source.mention is not None:
            speakers[id(a.source.mention)] = _implied_kind(doc, a)
    for r in reported:
        if r.source.mention is not None:
            speakers.setdefault(id(r.source.mention), _reported_kind(doc, r))
    registry = build_registry(doc, mentions, speakers)
    resolver = Resolver(doc, mentions, registry)
    people: dict[int, set[int]] = {}
    for m in mentions:
        entity = registry.entity(m)
        if entity is not None and entity.kind == "person" and m.start < len(doc.tokens):
            people.setdefault(doc.tokens[m.start].paragraph, set()).add(id(entity))
    reader = _Reader(doc, resolver, {p: len(found) for p, found in people.items()}, drop_doubtful)
    (quotes, q_evidence), (statements, s_evidence) = reader.read(spans, attributions, reported)
    return Speech(
        tuple(quotes), tuple(statements), registry.actors(), tuple(q_evidence), tuple(s_evidence)
    )


def _pieces(quote: Quote, span: Span | None, text: str) -> list[Quote]:
    """A quotation whose paragraph breaks the text lost (`…26 weeks. “We are going…`) as one
    quote per part, each with the speaker of the whole; parts in paragraphs of their own (a
    quotation running on, news style) stay one quote."""
    if span is None or len(span.parts) == 1:
        return [quote]
    groups: list[list[Part]] = [[span.parts[0]]]
    for before, part in zip(span.parts, span.parts[1:], strict=False):
        if part.paragraph == before.paragraph:
            groups.append([part])
        else:
            groups[-1].append(part)
    if len(groups) == 1:
        return [quote]
    out = []
    for group in groups:
        piece = Span(tuple(group))
        head, tail = text[piece.start : group[0].end], text[group[-1].start : piece.end]
        out.append(
            replace(
                quote,
                text=piece.text(text),
                paragraph=group[0].paragraph,
                start=piece.start + len(head) - len(head.lstrip()),  # the words, not the space
                end=piece.end - len(tail) + len(tail.rstrip()),
            )
        )
    return out


def _token_gap(lo: int, hi: int, start: int, end: int) -> int:
    """Tokens between [lo, hi) and [start, end); 0 when they touch or overlap."""
    return max(0, start - hi, lo - end)


# Quotes or statements, and the evidence behind each one's speaker.
_Made = tuple[list[Quote], list[Evidence | None]]


class _Reader:
    """Resolves quotations and statements in text order, so that "he" and "the statement"
    can point back to whoever spoke last."""

    def __init__(
        self, doc: Doc, resolver: Resolver, people: dict[int, int], drop_doubtful: bool
    ) -> None:
        self.doc = doc
        self.resolver = resolver
        self.people = people  # paragraph -> distinct people it names
        self.drop = confidence.model().drop if drop_doubtful else 0.0
        self.memory = Memory(doc, resolver)  # who spoke last, for the inheritance shapes
        self.bare_role: tuple[str, int] | None = None  # "Malian analyst stated", paragraph
        self.entities: list[Entity | None] = []  # the entity of each quote and statement made
        self.evidence: list[Evidence | None] = []  # and what its speaker rests on

    def read(
        self, spans: list[Span], attributions: list[Attribution | None], reported: list[Reported]
    ) -> tuple[_Made, _Made]:
        """Quotes and statements, each sorted by start, with the evidence of each."""
        events: list[tuple[int, int, int]] = [(s.start, 0, n) for n, s in enumerate(spans)]
        events += [(r.start, 1, n) for n, r in enumerate(reported)]
        made: list[tuple[int, Quote, Span | None]] = []
        for _, which, n in sorted(events):
            found = (
                self._quote(spans[n], attributions[n])
                if which == 0
                else self._statement(reported[n])
            )
            if found is not None:
                made.append((which, found, spans[n] if which == 0 else None))
        # A role learnt late (see _learn_role) holds for the person's earlier words too.
        final = [
            (which, replace(q, role=e.role) if e is not None and e.kind == "person" else q, ev)
            for (which, q, span), e, ev in zip(made, self.entities, self.evidence, strict=True)
            for q in _pieces(q, span, self.doc.article.text)
        ]
        return (
            ([q for w, q, _ in final if w == 0], [ev for w, _, ev in final if w == 0]),
            ([q for w, q, _ in final if w == 1], [ev for w, _, ev in final if w == 1]),
        )

    def _evidence(
        self,
        speaker: Speaker,
        how: str,
        source: Source | None,
        verb: str | None,
        where: tuple[int, int, int],
        words: int,
        parts: int = 1,
        statement: bool = False,
    ) -> Evidence:
        """What a speaker rests on; ``where`` is (first token, token after, paragraph) of the
        words, and with no source the span of the words the speaker was inherited from."""
        lo, hi, paragraph = where
        form: SourceKind = "inherited"
        distance, other = 0, False
        if source is not None:
            form = source.form
            distance = _token_gap(lo, hi, source.start, source.end)
            if source.start < len(self.doc.tokens):
                other = self.doc.tokens[source.start].paragraph != paragraph
        return Evidence(
            statement=statement,
            how=how,
            source=form,
            speaker_kind=speaker.kind,
            name_words=len(speaker.name.split()),
            registered=speaker.entity is not None,
            mentions=speaker.entity.mentions if speaker.entity is not None else 0,
            role=speaker.role is not None,
            distance=distance,
            other_paragraph=other,
            paragraph=paragraph,
            words=words,
            parts=parts,
            people=self.people.get(paragraph, 0),
            says=verb is not None and verb.lower() in ("said", "says"),
            verb=verb is not None,
            plural=source is not None
            and source.form == "phrase"
            and (source.head or "").endswith("s"),
        )

    def _learn_role(self, source: Source | None, speaker: Speaker, paragraph: int) -> None:
        """ "Malian analyst stated that …" / “…,” Oula said.": a role written without an article
        is a title waiting for its name; the next person speaking within two paragraphs, with no
        role of their own, is given it."""
        if source is not None and speaker.kind == "anonymous" and _bare_role(source):
            self.bare_role = (source.text, paragraph)
            return
        entity = speaker.entity
        if entity is None or entity.kind != "person" or self.bare_role is None:
            return
        role, where = self.bare_role
        if not entity.roles and paragraph - where <= INHERIT_PARAGRAPHS:
            entity.roles.append(role)
        self.bare_role = None

    def _statement(self, r: Reported) -> Quote | None:
        speaker = self.resolver.resolve(r.source)
        if speaker is None:
            return None
        self.resolver.note(speaker, r.source.start)
        self.memory.reported_in[r.paragraph] = speaker
        self._learn_role(r.source, speaker, r.paragraph)
        lo = self.doc.first_token_at(r.start)
        evidence = self._evidence(
            speaker,
            r.how,
            r.source,
            r.verb,
            (lo, lo, r.paragraph),
            len(self.doc.article.text[r.start : r.end].split()),
            statement=True,
        )
        self.entities.append(speaker.entity)
        self.evidence.append(evidence)
        return Quote(
            text=self.doc.article.text[r.start : r.end],
            speaker=speaker.name,
            speaker_kind=speaker.kind,
            role=speaker.role,
            verb=r.verb.lower(),
            how=r.how,
            confidence=confidence.score(evidence),
            paragraph=r.paragraph,
            start=r.start,
            end=r.end,
        )

    def _quote(self, span: Span, attribution: Attribution | None) -> Quote | None:
        doc = self.doc
        text = doc.article.text
        speaker = self.resolver.resolve(attribution.source) if attribution is not None else None
        verb = attribution.verb if attribution is not None and speaker is not None else None
        how = attribution.how if attribution is not None and speaker is not None else None
        source = attribution.source if attribution is not None and speaker is not None else None
        previous = self.memory.previous
        if speaker is None:
            how, speaker = inherit(self.memory, span) or (None, None)
        if speaker is not None:
            self.resolver.note(speaker, doc.first_token_at(span.start))
            self.memory.previous = (span, speaker)
        words = span.word_count(text)
        if words < MIN_QUOTE_WORDS or self._is_heading(span):
            return None
        paragraph = span.parts[0].paragraph
        evidence: Evidence | None = None
        score: float | None = None
        if speaker is not None:
            self._learn_role(source, speaker, paragraph)
            lo, hi = doc.first_token_at(span.start), doc.first_token_at(span.end)
            evidence = self._evidence(
                speaker, how or "", source, verb, (lo, hi, paragraph), words, len(span.parts)
            )
            if source is None and previous is not None:
                # Inherited: how far back the last quotation with a speaker stands.
                before = previous[0]
                evidence = replace(
                    evidence,
                    distance=max(0, lo - doc.first_token_at(before.end)),
                    other_paragraph=before.parts[-1].paragraph != paragraph,
                )
            elif source is None:
                # Inherited from a paragraph before, with no quotation before it at all.
                evidence = replace(evidence, other_paragraph=paragraph > 0)
            score = confidence.score(evidence)
            if score < self.drop:
                speaker = verb = how = None
                evidence = score = None
        self.entities.append(speaker.entity if speaker else None)
        self.evidence.append(evidence)
        if speaker is not None and speaker.entity is not None:
            speaker.entity.quotes += 1
        return Quote(
            text=span.text(text),
            speaker=speaker.name if speaker else None,
            speaker_kind=speaker.kind if speaker else None,
            role=speaker.role if speaker else None,
            verb=verb,
            how=how,
            confidence=score,
            paragraph=paragraph,
            start=span.start,
            end=span.end,
        )

    def _is_heading(self, span: Span) -> bool:
        """A quoted heading ("‘We need to listen’") titles a section; nobody says it there."""
        part = span.parts[0]
        if len(span.parts) > 1 or part.paragraph not in self.doc.headings:
            return False
        paragraph = self.doc.article.paragraphs[part.paragraph]
        return len(paragraph.strip(_MARKS_AND_SPACE)) == part.end - part.start
