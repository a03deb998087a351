"""The actors of an article: mentions grouped under one canonical name, with kind and role.

A surname or a first name alone joins the full name used elsewhere ("Laessing" -> "Ulf
Laessing"); an acronym in parentheses joins the name before it ("Sahel Alliance (AES)"); a
shorter organization name joins a longer one it begins ("Whole Foods" -> "Whole Foods
Market"). A lone capitalized word becomes an actor only through one of these links, the
gazetteer, or by being named as a speaker ("Oula said").
"""

from __future__ import annotations

from dataclasses import dataclass, field

from brief.gazetteer import first_name_gender, place
from brief.lexicon import COUNTRY_ABBREVIATIONS, FEMALE_TITLES, MALE_TITLES
from brief.mentions import Mention
from brief.models import Actor
from brief.tokens import Doc

_MAX_ROLE_WORDS = 24


@dataclass(slots=True)
class Entity:
    """One actor while the article is read."""

    name: str
    kind: str  # person | organization | place | group
    roles: list[str] = field(default_factory=list)
    mentions: int = 0
    quotes: int = 0

    @property
    def role(self) -> str | None:
        """The fullest role the article gives (the longest, within reason)."""
        fitting = [r for r in self.roles if len(r.split()) <= _MAX_ROLE_WORDS]
        return max(fitting, key=lambda r: len(r.split()), default=None)

    @property
    def gender(self) -> str | None:
        """ "male", "female", or None when neither the first name nor a title tells."""
        for role in self.roles:
            first = role.split()[0].lower().rstrip(".")
            if first in MALE_TITLES:
                return "male"
            if first in FEMALE_TITLES:
                return "female"
        found = first_name_gender(self.name.split()[0]) if self.kind == "person" else None
        return found if found in ("male", "female") else None

    def to_actor(self) -> Actor:
        """The output record."""
        role = self.role if self.kind == "person" else None
        return Actor(self.name, self.kind, role, self.mentions, self.quotes)


@dataclass(slots=True)
class Registry:
    """Entities and which entity each mention names."""

    entities: list[Entity]
    of_mention: dict[int, Entity]  # id(mention) -> entity

    def entity(self, mention: Mention | None) -> Entity | None:
        """The entity a mention names, if it names one."""
        return None if mention is None else self.of_mention.get(id(mention))

    def add(self, name: str, kind: str) -> Entity:
        """The entity of that name and kind, created if new."""
        for entity in self.entities:
            if entity.name == name and entity.kind == kind:
                return entity
        entity = Entity(name, kind)
        self.entities.append(entity)
        return entity

    def actors(self) -> tuple[Actor, ...]:
        """Actors sorted by quotes, then mentions (both descending), then name."""
        ranked = sorted(self.entities, key=lambda e: (-e.quotes, -e.mentions, e.name))
        return tuple(e.to_actor() for e in ranked if e.mentions or e.quotes)


def _has_evidence(doc: Doc, occurrences: list[Mention], speakers: set[int]) -> bool:
    """Whether a capitalized pair is a person's name and not a heading or a sentence opener."""
    for m in occurrences:
        if m.heading:
            continue
        if id(m) in speakers or m.role or m.appositive or not m.sentence_initial:
            return True
        if first_name_gender(m.words[0]):
            return True
    return False


def _acronym_links(doc: Doc, mentions: list[Mention]) -> dict[str, Mention]:
    """Acronym -> the mention it abbreviates, from "Konrad Adenauer Foundation (KAS)"."""
    links: dict[str, Mention] = {}
    by_start = {m.start: m for m in mentions}
    for m in mentions:
        k = m.end
        if k + 2 < len(doc.tokens) and doc.tokens[k].text == "(" and doc.tokens[k + 2].text == ")":
            inner = by_start.get(k + 1)
            if inner is not None and inner.name.isupper() and inner.name != m.name:
                links[inner.name] = m
    return links


def build_registry(doc: Doc, mentions: list[Mention], speakers: dict[int, str]) -> Registry:
    """Group the mentions into entities.

    ``speakers`` maps id(mention) to the kind its attribution implies ("person", or
    "organization" for "X said in a statement" and the like) for mentions named as speakers.
    """
    registry = Registry([], {})
    persons: dict[str, list[Mention]] = {}
    for m in mentions:
        if m.kind == "person":
            persons.setdefault(m.name, []).append(m)
    full = {name for name, occ in persons.items() if _has_evidence(doc, occ, set(speakers))}
    # A shorter person name inside a longer one is the same person ("Eriksson Ek").
    longest_first = sorted(full, key=lambda n: -len(n.split()))
    canonical_person: dict[str, str] = {}
    for name in longest_first:
        words = name.split()
        owner = next(
            (
                other
                for other in longest_first
                if len(other.split()) > len(words)
                and (other.split()[-len(words) :] == words or other.split()[: len(words)] == words)
            ),
            None,
        )
        canonical_person[name] = canonical_person.get(owner, owner) if owner else name
    for name in set(canonical_person.values()):
        registry.add(name, "person")
    acronyms = _acronym_links(doc, mentions)
    last_full: dict[str, Entity] = {}  # a single word -> the person who last used it
    # A lone word named as a speaker anywhere is that speaker everywhere ("Oula").
    spoken = {m.name: speakers[id(m)] for m in mentions if id(m) in speakers}
    for m in mentions:
        entity = _entity_for(
            doc, registry, m, canonical_person, acronyms, last_full, speakers, spoken
        )
        if entity is None:
            continue
        registry.of_mention[id(m)] = entity
        entity.mentions += 1
        if not m.quoted:
            for role in (m.role, m.appositive):
                if role and entity.kind == "person":
                    entity.roles.append(role)
        if entity.kind == "person" and len(m.words) > 1:
            for word_count in range(1, len(m.words)):
                last_full[" ".join(m.words[-word_count:])] = entity
                last_full.setdefault(" ".join(m.words[:word_count]), entity)
    _merge_org_prefixes(registry)
    return registry


def _entity_for(
    doc: Doc,
    registry: Registry,
    m: Mention,
    canonical_person: dict[str, str],
    acronyms: dict[str, Mention],
    last_full: dict[str, Entity],
    speakers: dict[int, str],
    spoken: dict[str, str],
) -> Entity | None:
    if m.name in canonical_person:
        return registry.add(canonical_person[m.name], "person")
    if m.name in acronyms and acronyms[m.name] is not m:
        expansion = acronyms[m.name]
        if expansion.kind in ("organization", "place", "group"):
            return registry.add(_canonical(expansion), expansion.kind)
    if m.kind in ("organization", "place", "group"):
        return registry.add(_canonical(m), m.kind)
    # A lone word, or a pair with no evidence of being a name.
    known = last_full.get(m.name) or _later_full(registry, m.name)
    if known is not None:
        return known
    if m.kind is None and place(m.name):
        return registry.add(_canonical(m), "place")
    implied = speakers.get(id(m)) or spoken.get(m.name)
    if implied is not None:
        return registry.add(m.name, implied)
    return None


def _later_full(registry: Registry, word: str) -> Entity | None:
    """A person whose full name comes only after the lone word (a headline before the text)."""
    for entity in registry.entities:
        words = entity.name.split()
        if entity.kind == "person" and len(words) > 1 and (words[-1] == word or words[0] == word):
            return entity
    return None


def _canonical(m: Mention) -> str:
    if m.kind == "place":
        return place(m.name) or COUNTRY_ABBREVIATIONS.get(m.name, m.name)
    return m.name


def _merge_org_prefixes(registry: Registry) -> None:
    """ "Whole Foods" joins "Whole Foods Market"; "Tottenham" joins "Tottenham Hotspur"."""
    orgs = [e for e in registry.entities if e.kind == "organization"]
    for short in orgs:
        words = short.name.split()
        longer = [
            e
            for e in orgs
            if e is not short
            and len(e.name.split()) > len(words)
            and e.name.split()[: len(words)] == words
        ]
        if len(longer) != 1:
            continue
        target = longer[0]
        target.mentions += short.mentions
        target.quotes += short.quotes
        for key, entity in registry.of_mention.items():
            if entity is short:
                registry.of_mention[key] = target
        registry.entities.remove(short)
