"""The actors of an article: mentions grouped under one canonical name, with kind and role.

A surname or a first name alone joins the full name used elsewhere ("Laessing" -> "Ulf
Laessing"); an acronym in parentheses joins the name before it ("Sahel Alliance (AES)"); a
shorter organization name joins a longer one it begins ("Whole Foods" -> "Whole Foods
Market"). A lone capitalized word becomes an actor only through one of these links, the
gazetteer, or by being named as a speaker ("Oula said").
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Final

from brief.models import Actor, ActorKind
from brief.speech.capitals import is_acronym
from brief.speech.doc import Doc
from brief.speech.lexicon.nouns import (
    COUNTRY_ABBREVIATIONS,
    FEMALE_TITLES,
    HONORIFICS,
    MALE_TITLES,
    PEERAGE,
)
from brief.speech.lexicon.places import first_name_gender, gazetteer, place
from brief.speech.mentions import Mention
from brief.speech.people import (
    ImpliedKind,
    acronym_links,
    body_role,
    frequent_lone_words,
    kin_role,
    part_of,
    person_names,
    spoken_kinds,
)

_MAX_ROLE_WORDS = 24
_SHORT_ACRONYM = 3
REPORTED: Final = "reported"  # the implied kind of a name that only speaks in reported statements


@dataclass(slots=True)
class Entity:
    """One actor while the article is read."""

    name: str
    kind: ActorKind
    roles: list[str] = field(default_factory=list)
    mentions: int = 0
    quotes: int = 0

    @property
    def role(self) -> str | None:
        """The first role the article gives (where it introduces the person), preferring one
        that says more than a bare title ("General" < "chairman of the Joint Chiefs")."""
        fitting = [r for r in map(_office, self.roles) if r and len(r.split()) <= _MAX_ROLE_WORDS]
        return next((r for r in fitting if len(r.split()) > 1), fitting[0] if fitting else None)

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

    @property
    def styled_name(self) -> str:
        """The name as the article styles a peer or a knight ("Lord Butler", "Sir Anthony
        Greener"); the plain name for everyone else."""
        if self.kind != "person":
            return self.name
        for role in self.roles:
            words = role.split()
            last = words[-1].lower().rstrip(".") if words else ""
            if last in PEERAGE and self.name.split()[0].lower() != last:
                return f"{words[-1]} {self.name}"
        return self.name

    def to_actor(self) -> Actor:
        """The output record."""
        role = self.role if self.kind == "person" else None
        return Actor(self.styled_name, self.kind, role, self.mentions, self.quotes)


def _office(role: str) -> str | None:
    """A role without its forms of address and peerage ("Dr" -> None, "Tory co-chairman"
    kept, "former minister Lord" -> "former minister")."""
    words = role.split()
    while words and words[-1].lower().rstrip(".") in HONORIFICS | PEERAGE:
        words = words[:-1]
    while words and words[0].lower().rstrip(".") in HONORIFICS:
        words = words[1:]
    return " ".join(words) or None


@dataclass(slots=True)
class Registry:
    """Entities and which entity each mention names."""

    entities: list[Entity]
    of_mention: dict[int, Entity]  # id(mention) -> entity
    by_key: dict[tuple[str, ActorKind], Entity] = field(default_factory=dict)  # (name, kind)

    def entity(self, mention: Mention | None) -> Entity | None:
        """The entity a mention names, if it names one."""
        return None if mention is None else self.of_mention.get(id(mention))

    def add(self, name: str, kind: ActorKind) -> Entity:
        """The entity of that name and kind, created if new."""
        entity = self.by_key.get((name, kind))
        if entity is None:
            entity = self.by_key[(name, kind)] = Entity(name, kind)
            self.entities.append(entity)
        return entity

    def actors(self) -> tuple[Actor, ...]:
        """Actors sorted by quotes, then mentions (both descending), then name."""
        ranked = sorted(self.entities, key=lambda e: (-e.quotes, -e.mentions, e.name))
        return tuple(e.to_actor() for e in ranked if e.mentions or e.quotes)


@dataclass(slots=True)
class _Builder:
    """State while mentions are read in order."""

    registry: Registry
    canonical_person: dict[str, str]
    known_kinds: dict[str, ActorKind]  # name -> organization | place | group, from any mention
    acronyms: dict[str, Mention]
    spoken: dict[str, ImpliedKind]  # lone words named as speakers -> implied kind
    speakers: dict[int, ImpliedKind]
    full_mentions: dict[str, int]  # canonical person -> mentions by a full name
    placed: set[str]  # place names used somewhere other than at a sentence's start
    frequent: set[str]  # lone capitalized words used often inside sentences ("Amazon")
    countries: frozenset[str]
    by_word: dict[str, list[Entity]] = field(default_factory=dict)  # surname -> people, last last

    def entity_for(self, m: Mention) -> Entity | None:
        """The entity a mention names (created if new), or None if it names no actor."""
        registry = self.registry
        if m.name in self.canonical_person:
            return registry.add(self.canonical_person[m.name], "person")
        if " " not in m.name and id(m) in self.speakers:
            # "Jordan said", "Kennedy said in a statement": a speaker's lone word that is part
            # of a person's full name is that person, not the country or a body.
            person = self._person_by_part(m.name)
            if person is not None:
                return person
        if m.name in self.acronyms and self.acronyms[m.name] is not m:
            expansion = self.acronyms[m.name]
            if expansion.kind in ("organization", "place", "group"):
                return registry.add(_canonical(expansion), expansion.kind)
        if m.kind == "place" and m.name not in self.placed and place(m.name) not in self.countries:
            return None  # "Man’s greed": a town's name opening a sentence is likely a word
        if (
            m.kind == "place"
            and self.speakers.get(id(m)) == "person"
            and " " not in m.name
            and place(m.name) not in self.countries
            and place(m.name) not in gazetteer().capitals
        ):
            return registry.add(m.name, "person")  # "York said": a surname, not the city
        if m.kind in ("organization", "place", "group"):
            return registry.add(_canonical(m), m.kind)
        # A lone word, or words with no evidence of being a person's name.
        person = self._person_by_part(m.name)
        if person is not None:
            return person
        if m.name in self.known_kinds:
            return registry.add(m.name, self.known_kinds[m.name])
        org = self._org_by_prefix(m.words)
        if org is not None:
            return org
        if m.kind is None and place(m.name):
            return registry.add(_canonical(m), "place")
        implied = self.spoken.get(m.name)
        if implied != "organization":
            implied = self.speakers.get(id(m)) or implied
        if body_role(m.appositive) or (implied in (None, REPORTED) and m.name in self.frequent):
            implied = "organization"  # "Stratfor, an intelligence organization"; "Audi says"
        elif implied == REPORTED:
            implied = "person"
        return registry.add(m.name, implied) if implied is not None else None

    def _person_by_part(self, word: str) -> Entity | None:
        """The person a surname or first name alone means: the only one using it; else the one
        the article names in full most often; else the one named last."""
        people = self.by_word.get(word)
        if not people:
            people = [
                e
                for e in self.registry.entities
                if e.kind == "person" and part_of(word.split(), e.name.split())
            ]
            if not people:
                return None
        # "Louis Jordan … his father Frank Jordan … Jordan said": the relative, named in full
        # to tell them apart, is not the one the surname alone means.
        principal = [e for e in people if not any(kin_role(r) for r in e.roles)]
        people = principal or people
        best = max(self.full_mentions.get(e.name, 0) for e in people)
        return [e for e in people if self.full_mentions.get(e.name, 0) == best][-1]

    def _org_by_prefix(self, words: list[str]) -> Entity | None:
        """ "Whole Foods" for "Whole Foods Market", "Tottenham" for "Tottenham Hotspur"."""
        if len(words) == 1 and first_name_gender(words[0]):
            return None
        n = len(words)
        found = {
            name
            for name, kind in self.known_kinds.items()
            if kind == "organization" and len(name.split()) > n and name.split()[:n] == words
        }
        return self.registry.add(found.pop(), "organization") if len(found) == 1 else None

    def note_person(self, m: Mention, entity: Entity) -> None:
        """Remember the words of a full name for the lone surnames and first names after it."""
        if entity.kind != "person" or len(m.words) < 2:
            return
        for n in range(1, len(m.words)):
            parts = [" ".join(m.words[-n:])]
            if n > 1 or first_name_gender(m.words[0]):
                parts.append(" ".join(m.words[:n]))  # "Te Kaurinui", "Jose"; not "Apple"
            for part in parts:
                people = self.by_word.setdefault(part, [])
                if entity in people:
                    people.remove(entity)
                people.append(entity)


def build_registry(doc: Doc, mentions: list[Mention], speakers: dict[int, ImpliedKind]) -> Registry:
    """Group the mentions into entities.

    ``speakers`` maps id(mention) to the kind its attribution implies ("person", or
    "organization" for "X said in a statement" and the like) for mentions named as speakers.
    """
    registry = Registry([], {})
    canonical_person = person_names(doc, mentions, speakers)
    for name in dict.fromkeys(canonical_person.values()):
        registry.add(name, "person")
    known_kinds: dict[str, ActorKind] = {}
    for m in mentions:
        if m.kind in ("organization", "place", "group"):
            known_kinds.setdefault(_canonical(m), m.kind)
    full_mentions: dict[str, int] = {}  # mentions by first and last name ("Hori Parata")
    for m in mentions:
        key = canonical_person.get(m.name)
        if key is not None and m.words[0] == key.split()[0] and m.words[-1] == key.split()[-1]:
            full_mentions[key] = full_mentions.get(key, 0) + 1
    builder = _Builder(
        registry=registry,
        canonical_person=canonical_person,
        known_kinds=known_kinds,
        acronyms=acronym_links(doc, mentions),
        # A lone word named as a speaker anywhere is that speaker everywhere ("Oula").
        # ... and a body everywhere once any of its attributions says so ("Volkswagen says
        # it will").
        spoken=spoken_kinds(mentions, speakers),
        speakers=speakers,
        full_mentions=full_mentions,
        placed={m.name for m in mentions if m.kind == "place" and not m.sentence_initial},
        frequent=frequent_lone_words(doc, mentions),
        countries=gazetteer().countries,
    )
    for m in mentions:
        entity = builder.entity_for(m)
        if entity is None:
            continue
        registry.of_mention[id(m)] = entity
        entity.mentions += 1
        if not m.quoted and entity.kind == "person":
            entity.roles.extend(r for r in (m.role, m.appositive) if r)
        builder.note_person(m, entity)
    _merge_org_prefixes(registry)
    _drop_stray_acronyms(registry, builder.spoken)
    return registry


def _canonical(m: Mention) -> str:
    if m.kind == "place":
        return place(m.name) or COUNTRY_ABBREVIATIONS.get(m.name, m.name)
    return m.name


def _drop_stray_acronyms(registry: Registry, spoken: dict[str, ImpliedKind]) -> None:
    """A short acronym used once, never expanded and never speaking ("GMT", "HR", "VOD") is
    more often an abbreviation than an actor (a longer one, "ECOWAS", is kept)."""
    for entity in list(registry.entities):
        if (
            entity.kind == "organization"
            and entity.mentions == 1
            and is_acronym(entity.name)
            and len(entity.name) <= _SHORT_ACRONYM
            and entity.name not in spoken
        ):
            entity.mentions = 0


def _merge_org_prefixes(registry: Registry) -> None:
    """ "Whole Foods" joins "Whole Foods Market"; "Department of Conservation" joins "New
    Zealand Department of Conservation" (when only one longer name fits)."""
    orgs = [e for e in registry.entities if e.kind == "organization"]
    for short in orgs:
        words = short.name.split()
        n = len(words)
        longer = [
            e
            for e in orgs
            if e is not short
            and len(e.name.split()) > n
            and (e.name.split()[:n] == words or e.name.split()[-n:] == words)
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
        registry.by_key[(short.name, short.kind)] = target
