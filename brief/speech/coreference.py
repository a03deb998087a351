"""From the words naming a speaker to a canonical speaker: names, pronouns, descriptions.

"Laessing" is Ulf Laessing; "he" is the nearest person before it whose first name or title
does not say otherwise, preferring the subject of a sentence; "it" and "they" are the nearest
organization; "the ministry" is the organization named before whose name holds "ministry";
"the 56-year-old" is the nearest person; "one of the protesters" stays an anonymous speaker.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from brief.models import SpeakerKind
from brief.speech.doc import Doc
from brief.speech.entities import Entity, Registry
from brief.speech.lexicon.nouns import (
    DOCUMENT_NOUNS,
    GENERIC_ORG_HEADS,
    ORG_NOUNS,
)
from brief.speech.lexicon.words import (
    FUNCTION_WORDS,
    PRONOUNS_FEMALE,
    PRONOUNS_MALE,
    PRONOUNS_NEUTER,
    PRONOUNS_PLURAL,
)
from brief.speech.mentions import Mention
from brief.speech.subjects import Source, singular

_LOOKBACK_PARAGRAPHS = 4
_LOOKBACK_MENTIONS = 40


@dataclass(frozen=True, slots=True)
class Speaker:
    """A resolved speaker."""

    name: str
    kind: SpeakerKind
    role: str | None
    entity: Entity | None


@dataclass(frozen=True, slots=True)
class _Occurrence:
    token: int
    paragraph: int
    entity: Entity
    subject: bool
    spoke: bool = False  # a quotation or statement was attributed to it here


def speaker_of(entity: Entity) -> Speaker:
    """The speaker an entity makes."""
    kind: SpeakerKind = "person" if entity.kind == "person" else "organization"
    return Speaker(entity.styled_name, kind, entity.role if kind == "person" else None, entity)


def _proper(text: str) -> bool:
    """Whether a phrase names its body ("Algeria’s foreign ministry", not "His office")."""
    words = text.split()
    while words and words[0].lower() in FUNCTION_WORDS and not words[0].isupper():
        words = words[1:]
    return any(w[0].isupper() for w in words)


class Resolver:
    """Resolves sources in one article, remembering who spoke where."""

    def __init__(self, doc: Doc, mentions: list[Mention], registry: Registry) -> None:
        self._doc = doc
        self._registry = registry
        self._occurrences: list[_Occurrence] = []
        self._keys: list[int] = []  # token of each occurrence, kept sorted
        for m in mentions:
            entity = registry.entity(m)
            if entity is None or m.quoted or m.heading:
                continue
            self._add(m.run_start, entity, self._is_subject(m.run_start))

    def _is_subject(self, token: int) -> bool:
        doc = self._doc
        return doc.sentence_start(token) or (token > 0 and doc.tokens[token - 1].text == ",")

    def _add(self, token: int, entity: Entity, subject: bool, spoke: bool = False) -> None:
        paragraph = self._doc.tokens[token].paragraph if token < len(self._doc.tokens) else 0
        item = _Occurrence(token, paragraph, entity, subject, spoke)
        at = bisect.bisect_right(self._keys, token)
        self._keys.insert(at, token)
        self._occurrences.insert(at, item)

    def note(self, speaker: Speaker, token: int) -> None:
        """Record that ``speaker`` spoke at ``token`` (a pronoun can refer back to it)."""
        if speaker.entity is not None:
            self._add(token, speaker.entity, True, spoke=True)

    def _before(self, token: int) -> list[_Occurrence]:
        """Entities mentioned before ``token``, nearest first, within the look-back."""
        end = bisect.bisect_left(self._keys, token)
        paragraph = self._doc.tokens[token].paragraph if token < len(self._doc.tokens) else 0
        out: list[_Occurrence] = []
        for o in reversed(self._occurrences[max(0, end - _LOOKBACK_MENTIONS) : end]):
            if paragraph - o.paragraph > _LOOKBACK_PARAGRAPHS:
                break
            out.append(o)
        return out

    def others_between(self, lo: int, hi: int, entity: Entity | None) -> bool:
        """Whether another person is named between tokens ``lo`` and ``hi``: in an earlier
        paragraph at all, in the quotation's own paragraph as the subject of a sentence (a
        person named there as an object, "a bail application for Pama", does not take over)."""
        start = bisect.bisect_left(self._keys, lo)
        end = bisect.bisect_left(self._keys, hi)
        paragraph = self._doc.tokens[hi - 1].paragraph if hi > 0 else 0
        return any(
            o.entity is not entity
            and o.entity.kind == "person"
            and (o.subject or o.paragraph != paragraph)
            for o in self._occurrences[start:end]
        )

    def subjects_in(self, lo: int, hi: int) -> list[Entity]:
        """The people who are subjects (sentence or clause openers) between two tokens."""
        start = bisect.bisect_left(self._keys, lo)
        end = bisect.bisect_left(self._keys, hi)
        out: list[Entity] = []
        for o in self._occurrences[start:end]:
            if o.subject and o.entity.kind == "person" and o.entity not in out:
                out.append(o.entity)
        return out

    def people_in(self, paragraph: int) -> list[Entity]:
        """The people named (outside quotes) in a paragraph, each once, in order."""
        tokens = self._doc.paragraph_tokens[paragraph]
        start = bisect.bisect_left(self._keys, tokens.start)
        end = bisect.bisect_left(self._keys, tokens.stop)
        out: list[Entity] = []
        for o in self._occurrences[start:end]:
            if o.entity.kind == "person" and o.entity not in out:
                out.append(o.entity)
        return out

    def resolve(self, source: Source) -> Speaker | None:
        """The speaker a source names, or None when it cannot be told."""
        if source.form == "name":
            entity = self._registry.entity(source.mention)
            if source.partner is not None:
                return self._pair(source, entity)
            if entity is not None:
                return speaker_of(entity)
            return Speaker(source.text, "person", source.role, None)
        if source.form == "pronoun":
            return self._pronoun(source)
        return self._phrase(source)

    def _pair(self, source: Source, second: Entity | None) -> Speaker | None:
        """ "Volker and Morrison said": both, by their fullest names, when both are people
        or both bodies; the second alone when the kinds differ."""
        first = self._registry.entity(source.partner)
        if first is None or second is None or first.kind != second.kind:
            return speaker_of(second) if second is not None else None
        kind: SpeakerKind = "person" if first.kind == "person" else "organization"
        return Speaker(f"{first.styled_name} and {second.styled_name}", kind, None, None)

    def _pronoun(self, source: Source) -> Speaker | None:
        word = source.text
        candidates = self._before(source.start)
        if word in PRONOUNS_MALE or word in PRONOUNS_FEMALE:
            gender = "male" if word in PRONOUNS_MALE else "female"
            people = [
                o
                for o in candidates
                if o.entity.kind == "person" and o.entity.gender in (None, gender)
            ]
            return speaker_of(self._prefer_subject(people).entity) if people else None
        if word in PRONOUNS_NEUTER or word in PRONOUNS_PLURAL:
            kinds = ("organization", "group") if word in PRONOUNS_PLURAL else ("organization",)
            bodies = [o for o in candidates if o.entity.kind in kinds]
            return speaker_of(bodies[0].entity) if bodies else None
        return None

    def _prefer_subject(self, people: list[_Occurrence]) -> _Occurrence:
        """The nearest person, or the subject of that person's sentence if that is another one
        ("Suter ... said Parise's goals ...": he = Suter)."""
        nearest = people[0]
        if nearest.subject:
            return nearest
        sentence = self._doc.sentence_of[nearest.token]
        for o in people[1:]:
            if self._doc.sentence_of[o.token] != sentence:
                break
            if o.subject:
                return o
        return nearest

    def _document(self, source: Source) -> Speaker | None:
        """ "the ministry's statement said": the body that issued it; "the statement said"
        after a body spoke: that body; else ("the memo said") the text itself, as an unnamed
        source (who wrote it the sentence does not say)."""
        owner = self._registry.entity(source.mention)
        if owner is not None:
            return speaker_of(owner)  # "the ministry's statement", "Prudential’s report"
        if source.definite:
            for o in self._before(source.start):
                if o.spoke and o.entity.kind == "organization":
                    return speaker_of(o.entity)  # "X said in a statement … the statement said"
            return Speaker(source.text, "anonymous", None, None)
        return None

    def _bodies(self, source: Source, head: str) -> Speaker | None:
        """ "the companies said": the organizations named just before ("Acme and Globex"),
        when the last two named are of that kind; else the phrase itself."""
        found: list[Entity] = []
        for o in self._before(source.start):
            if o.entity.kind == "organization" and o.entity not in found:
                found.append(o.entity)
            if len(found) == 2:
                break
        if len(found) == 2 and (
            head in GENERIC_ORG_HEADS or all(head in e.name.lower() for e in found)
        ):
            names = " and ".join(e.name for e in reversed(found))
            return Speaker(names, "organization", None, None)
        return Speaker(source.text, "anonymous", None, None)

    def _phrase(self, source: Source) -> Speaker | None:
        head = source.head or ""
        text = source.text
        if text[:4].lower() == "the ":
            text = text[4:]
        if head in DOCUMENT_NOUNS:
            return self._document(source)
        if source.definite and head not in ORG_NOUNS and singular(head) in ORG_NOUNS:
            return self._bodies(source, singular(head))
        if head in ORG_NOUNS:
            # "the ministry" points back; "the French foreign ministry" names its own.
            if source.definite and not _proper(text):
                for o in self._before(source.start):
                    if o.entity.kind == "organization" and (
                        head in o.entity.name.lower() or head in GENERIC_ORG_HEADS
                    ):
                        return speaker_of(o.entity)
            if _proper(text):
                entity = self._registry.add(text, "organization")
                entity.mentions += 1
                return speaker_of(entity)
            return Speaker(source.text, "organization", None, None)  # "the magazine"
        if source.definite:
            for o in self._before(source.start):
                if o.entity.kind != "person":
                    continue
                role = (o.entity.role or "").lower()
                if head.endswith("year-old") or head in role:
                    return speaker_of(o.entity)
        return Speaker(source.text, "anonymous", None, None)
