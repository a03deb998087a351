"""Which capitalized words are people's names, and which shorter names point to them.

Evidence that words name a person (a first name, a title, a role, speaking, being called by a
part of the name alone), the canonical full form of each name, acronyms in parentheses, and
one-word names of bodies that an article uses often ("Amazon").
"""

from __future__ import annotations

from typing import Literal

from brief.speech.doc import Doc
from brief.speech.lexicon.nouns import (
    KINSHIP,
    NAME_SUFFIXES,
    ORG_NOUNS,
    PERSON_NOUNS,
    ROLE_NOUNS,
)
from brief.speech.lexicon.places import first_name_gender
from brief.speech.mentions import Mention

_FREQUENT = 5  # uses inside sentences that make a lone capitalized word an actor

# The kind a speaker's attribution implies for its name; "reported": it speaks only in
# reported statements, which leave the kind to the registry.
ImpliedKind = Literal["person", "organization", "reported"]


def person_role(role: str | None) -> bool:
    """Whether a role describes a person ("a senior fellow at ..."), not a body or a thing
    ("a Texas-based geopolitical intelligence organization")."""
    if not role:
        return False
    words = [w.lower().strip(",.()") for w in role.split()[:6]]
    return any(w in ROLE_NOUNS or w in PERSON_NOUNS for w in words)


def body_role(role: str | None) -> bool:
    """Whether a role describes an organization ("an intelligence organization")."""
    if not role or person_role(role):
        return False
    return any(w.lower().strip(",.()") in ORG_NOUNS for w in role.split()[:6])


def has_evidence(
    occurrences: list[Mention], speakers: set[int], lone: set[str], spoken: set[str]
) -> bool:
    """Whether capitalized words are a person's name, not a place, a product or a heading.

    The evidence: a known first name, a title or role, being named as a speaker, or the
    article calling the person by a part of the name alone ("Laessing", "Te Kaurinui"), or a
    first word alone named as a speaker (``spoken``).
    """
    words = occurrences[0].words
    n = len(words)
    # A surname alone ("Laessing"), or two or more first words ("Te Kaurinui"): a lone first
    # word is too weak ("Disney" does not make "Disney Channel" a person).
    if any(" ".join(words[-k:]) in lone for k in range(1, n)):
        return True
    if any(" ".join(words[:k]) in lone for k in range(2, n)):
        return True
    if words[0] in spoken and not first_name_gender(words[0]):
        return True  # "Liu said": a family name written first ("Liu Xiaoming")
    for m in occurrences:
        if m.heading or m.quoted:
            continue
        if id(m) in speakers or m.role or person_role(m.appositive):
            return True
        if m.appositive_end is not None and m.appositive is None:
            return True  # "Rihanna, who was honored …,": a clause about a person, no role
        if first_name_gender(m.words[0]):
            return True
    return False


def acronym_links(doc: Doc, mentions: list[Mention]) -> dict[str, Mention]:
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


def person_names(
    doc: Doc, mentions: list[Mention], speakers: dict[int, ImpliedKind]
) -> dict[str, str]:
    """Each person name with evidence -> its canonical (longest) form.

    A shorter name inside a longer one is the same person ("Eriksson Ek" in "Joel Eriksson Ek",
    "Te Kaurinui" in "Te Kaurinui Robert Parata"), and so is one with the same first and last
    word ("Te Kaurinui Parata").
    """
    # Words read elsewhere as a thing ("the new Mac Pro") are no one's name anywhere.
    things = {m.name for m in mentions if m.kind is None and len(m.words) > 1}
    persons: dict[str, list[Mention]] = {}
    for m in mentions:
        if m.kind == "person" and m.name not in things:
            persons.setdefault(m.name, []).append(m)
    # Lone words the article never writes in lowercase ("Laessing", not "Plus" or "Series").
    lone = {
        m.name
        for m in mentions
        if m.kind in (None, "person") and not m.quoted and m.name.lower() not in doc.lowercase_words
    }
    # Lone words named as speakers ("Liu said").
    spoken = {m.name for m in mentions if id(m) in speakers and " " not in m.name}
    full = [name for name, occ in persons.items() if has_evidence(occ, set(speakers), lone, spoken)]
    # A heading's title case runs a name on into the words after it ("Hillary Clinton Speaks
    # Out"): a name only headings write does not own the names the text writes.
    headed = {name for name in full if all(m.heading for m in persons[name])}
    longest_first = sorted(full, key=lambda n: -len(n.split()))
    owners = [n for n in longest_first if n not in headed]
    canonical: dict[str, str] = {}
    for name in owners:
        words = name.split()
        owner = next((o for o in owners if part_of(words, o.split())), None)
        canonical[name] = canonical.get(owner, owner) if owner else name
    for name in headed:
        words = name.split()
        inner = next((o for o in owners if part_of(o.split(), words)), None)
        canonical[name] = canonical[inner] if inner else name
    return canonical


def part_of(words: list[str], other: list[str]) -> bool:
    """Whether a shorter name is the end, the start, or the first and last word of another."""
    if other[-1].rstrip(".") in NAME_SUFFIXES and len(other) > 2:
        other = other[:-1]  # "Patrick Carlineo Jr." is called "Carlineo"
        if other == words:
            return True
    if len(other) <= len(words):
        return False
    n = len(words)
    return (
        other[-n:] == words
        or other[:n] == words
        or (n >= 2 and other[0] == words[0] and other[-1] == words[-1])
    )


def frequent_lone_words(doc: Doc, mentions: list[Mention]) -> set[str]:
    """Lone capitalized words the article uses often inside sentences and never in lowercase:
    a company or a body known by one word ("Amazon", "Reuters")."""
    counts: dict[str, int] = {}
    for m in mentions:
        if m.kind is None and len(m.words) == 1 and not m.sentence_initial and not m.quoted:
            counts[m.name] = counts.get(m.name, 0) + 1
    titled = {m.name for m in mentions if m.role}  # "President Trump" is a person
    return {
        word
        for word, n in counts.items()
        if n >= _FREQUENT
        and word not in titled
        and "-" not in word  # "Rose-Lynn"
        and word.lower() not in doc.lowercase_words
        and not first_name_gender(word)
    }


def spoken_kinds(
    mentions: list[Mention], speakers: dict[int, ImpliedKind]
) -> dict[str, ImpliedKind]:
    """Lone names named as speakers -> the kind their attributions imply; "organization" wins
    ("Volkswagen says it will" makes every "Volkswagen says" a body's)."""
    spoken: dict[str, ImpliedKind] = {}
    for m in mentions:
        if id(m) in speakers and spoken.get(m.name) != "organization":
            spoken[m.name] = speakers[id(m)]
    return spoken


def kin_role(role: str) -> bool:
    """Whether a role names a relative ("father", "his wife", "Jordan's father"; not "watched
    by his father", which says who is near, not who the person is)."""
    words = role.lower().split()
    return len(words) <= 3 and words[-1].strip(",.") in KINSHIP
