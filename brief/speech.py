"""Article -> Speech: direct quotations with their speakers, reported statements, and actors.

The pipeline: quote spans (brief/quotes.py) -> tokens and sentences around them
(brief/tokens.py) -> names (brief/mentions.py) -> attribution of each quotation
(brief/attribution.py) and reported statements (brief/statements.py) -> actors
(brief/actors.py) -> canonical speakers (brief/resolve.py).
"""

from __future__ import annotations

from dataclasses import dataclass

from brief.actors import build_registry
from brief.attribution import Attribution, attribute
from brief.mentions import find_mentions
from brief.models import Actor, Article, Quote
from brief.phrases import MentionIndex
from brief.quotes import Span, find_spans
from brief.resolve import Resolver, Speaker
from brief.statements import find_statements
from brief.tokens import Doc, build_doc

MIN_QUOTE_WORDS = 4
# An unattributed quotation may take the speaker of one this many paragraphs before it.
_INHERIT_PARAGRAPHS = 2
_STATEMENT_HINTS = frozenset({"statement", "release", "communique", "communiqué"})


@dataclass(frozen=True, slots=True)
class Speech:
    """Who said what in an article."""

    quotes: tuple[Quote, ...]
    statements: tuple[Quote, ...]
    actors: tuple[Actor, ...]


def _implied_kind(doc: Doc, attribution: Attribution) -> str:
    """ "X said in a statement": a lone name speaking through a statement is a body."""
    end = attribution.end
    window = doc.tokens[end : end + 4]
    return "organization" if any(t.text in _STATEMENT_HINTS for t in window) else "person"


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
    speakers: dict[int, str] = {}
    for a in attributions:
        if a is not None and a.source.mention is not None:
            speakers[id(a.source.mention)] = _implied_kind(doc, a)
    for r in reported:
        if r.source.mention is not None:
            speakers.setdefault(id(r.source.mention), "person")
    registry = build_registry(doc, mentions, speakers)
    resolver = Resolver(doc, mentions, registry)
    quotes = _quotes(doc, spans, attributions, resolver)
    statements = []
    for r in reported:
        speaker = resolver.resolve(r.source)
        if speaker is None:
            continue
        statements.append(
            Quote(
                text=article.text[r.start : r.end],
                speaker=speaker.name,
                speaker_kind=speaker.kind,
                role=speaker.role,
                verb=r.verb.lower(),
                paragraph=r.paragraph,
                start=r.start,
                end=r.end,
            )
        )
    return Speech(tuple(quotes), tuple(statements), registry.actors())


def _quotes(
    doc: Doc, spans: list[Span], attributions: list[Attribution | None], resolver: Resolver
) -> list[Quote]:
    text = doc.article.text
    out: list[Quote] = []
    previous: tuple[Span, Speaker] | None = None
    for span, attribution in zip(spans, attributions, strict=True):
        speaker = resolver.resolve(attribution.source) if attribution is not None else None
        verb = attribution.verb if attribution is not None and speaker is not None else None
        if speaker is None and previous is not None and _may_inherit(doc, resolver, previous, span):
            speaker = previous[1]
        if speaker is not None:
            resolver.note(speaker, doc.first_token_at(span.start))
            previous = (span, speaker)
        if span.word_count(text) < MIN_QUOTE_WORDS:
            continue
        if speaker is not None and speaker.entity is not None:
            speaker.entity.quotes += 1
        out.append(
            Quote(
                text=span.text(text),
                speaker=speaker.name if speaker else None,
                speaker_kind=speaker.kind if speaker else None,
                role=speaker.role if speaker else None,
                verb=verb,
                paragraph=span.parts[0].paragraph,
                start=span.start,
                end=span.end,
            )
        )
    return out


def _may_inherit(doc: Doc, resolver: Resolver, previous: tuple[Span, Speaker], span: Span) -> bool:
    """Whether an unattributed quotation continues the previous speaker: close enough, and no
    one else named in between."""
    before, speaker = previous
    gap = span.parts[0].paragraph - before.parts[-1].paragraph
    if gap > _INHERIT_PARAGRAPHS or (speaker.entity is None and gap > 1):
        return False
    lo = doc.first_token_at(before.end)
    hi = doc.first_token_at(span.start)
    return not resolver.others_between(lo, hi, speaker.entity)
