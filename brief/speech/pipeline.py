"""Article -> Speech: direct quotations with their speakers, reported statements, and actors.

The pipeline: quote spans (brief/speech/spans.py) -> tokens and sentences around them
(brief/speech/doc.py) -> names (brief/speech/mentions.py) -> attribution of each quotation
(brief/speech/shapes.py) and reported statements (brief/speech/statements.py) -> actors
(brief/speech/entities.py) -> canonical speakers (brief/speech/coreference.py), or, for a
quotation without one, a speaker inherited from the text before it (brief/speech/shapes.py).
Every quotation and statement records the name of the shape that attributed it (SHAPE_NAMES).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from brief.models import Actor, Article, Quote
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
from brief.speech.mentions import find_mentions
from brief.speech.people import ImpliedKind
from brief.speech.shapes import INHERIT_PARAGRAPHS, INHERITANCE, SHAPES, Memory, attribute, inherit
from brief.speech.spans import Span, find_spans
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


def analyze_speech(article: Article) -> Speech:
    """Find the quotations, reported statements and actors of an article."""
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
    quotes, statements = _Reader(doc, resolver).read(spans, attributions, reported)
    return Speech(tuple(quotes), tuple(statements), registry.actors())


class _Reader:
    """Resolves quotations and statements in text order, so that "he" and "the statement"
    can point back to whoever spoke last."""

    def __init__(self, doc: Doc, resolver: Resolver) -> None:
        self.doc = doc
        self.resolver = resolver
        self.memory = Memory(doc, resolver)  # who spoke last, for the inheritance shapes
        self.bare_role: tuple[str, int] | None = None  # "Malian analyst stated", paragraph
        self.entities: list[Entity | None] = []  # the entity of each quote and statement made

    def read(
        self, spans: list[Span], attributions: list[Attribution | None], reported: list[Reported]
    ) -> tuple[list[Quote], list[Quote]]:
        """Quotes and statements, each sorted by start."""
        events: list[tuple[int, int, int]] = [(s.start, 0, n) for n, s in enumerate(spans)]
        events += [(r.start, 1, n) for n, r in enumerate(reported)]
        made: list[tuple[int, Quote]] = []
        for _, which, n in sorted(events):
            found = (
                self._quote(spans[n], attributions[n])
                if which == 0
                else self._statement(reported[n])
            )
            if found is not None:
                made.append((which, found))
        # A role learnt late (see _learn_role) holds for the person's earlier words too.
        final = [
            (which, replace(q, role=e.role) if e is not None and e.kind == "person" else q)
            for (which, q), e in zip(made, self.entities, strict=True)
        ]
        return [q for w, q in final if w == 0], [q for w, q in final if w == 1]

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
        self.entities.append(speaker.entity)
        return Quote(
            text=self.doc.article.text[r.start : r.end],
            speaker=speaker.name,
            speaker_kind=speaker.kind,
            role=speaker.role,
            verb=r.verb.lower(),
            how=r.how,
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
        if speaker is None:
            how, speaker = inherit(self.memory, span) or (None, None)
        if speaker is not None:
            self.resolver.note(speaker, doc.first_token_at(span.start))
            self.memory.previous = (span, speaker)
        if span.word_count(text) < MIN_QUOTE_WORDS or self._is_heading(span):
            return None
        if speaker is not None:
            self._learn_role(
                attribution.source if attribution else None, speaker, span.parts[0].paragraph
            )
        self.entities.append(speaker.entity if speaker else None)
        if speaker is not None and speaker.entity is not None:
            speaker.entity.quotes += 1
        return Quote(
            text=span.text(text),
            speaker=speaker.name if speaker else None,
            speaker_kind=speaker.kind if speaker else None,
            role=speaker.role if speaker else None,
            verb=verb,
            how=how,
            paragraph=span.parts[0].paragraph,
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
