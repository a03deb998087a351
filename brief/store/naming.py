"""Name keys for speaker identity: which attributed names may be one speaker across articles.

A person's key is their first and last name, casefolded and without accents, titles, honorifics,
initials or suffixes ("President Donald J. Trump Jr." -> "donald trump"); a bare surname keys
only that surname and is resolved by brief.store.identity. An organization's key is its words
in sorted order with "the", "of" and possessives dropped and demonyms read as their place, so
"Algeria's foreign ministry", "the Algerian Foreign Ministry" and "the foreign ministry of
Algeria" are one key.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from brief.speech.lexicon.nouns import HONORIFICS, TITLE_MODIFIERS, TITLES
from brief.speech.lexicon.places import demonym_place, place

_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
# Words before a name that are not part of it ("the Prime Minister Boris Johnson").
_NOT_NAME = TITLES | TITLE_MODIFIERS | HONORIFICS | {"the", "a", "an", "former", "then"}
_ORG_DROPPED = frozenset({"the", "of", "s", "and", "for"})
_WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")


@dataclass(frozen=True, slots=True)
class NameKey:
    """How an attributed name is matched: ``key`` is compared whole; ``surname`` (persons)
    ties a bare surname to the full names that end in it; ``display`` is the name without the
    titles before it, as shown."""

    key: str
    surname: str | None
    full: bool  # a person named with a first and a last name, or any organization
    display: str
    weight: int  # how full the name is: the display of the heaviest alias is shown


def fold(text: str) -> str:
    """Casefolded, without accents ("Ségolène" -> "segolene")."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _person(name: str) -> NameKey | None:
    raw = name.split()
    while raw and fold(raw[0]).strip(".,") in _NOT_NAME:
        raw.pop(0)
    words = [fold(w).strip(".,") for w in raw]
    kept = [
        w.replace("’", "'")
        for w in words
        if w and w not in _SUFFIXES and len(w.replace("-", "")) > 1
    ]
    if not kept:
        return None
    display = " ".join(raw)
    surname = kept[-1]
    if len(kept) == 1:
        return NameKey(f"surname:{surname}", surname, False, display, len(raw))
    return NameKey(f"person:{kept[0]} {surname}", surname, True, display, len(raw))


def _organization_word(word: str) -> str:
    if word.endswith(("'s", "’s")):
        word = word[:-2]
    where = demonym_place(word) or place(word)
    return fold(where) if where else fold(word)


def _organization(name: str) -> NameKey | None:
    # "U.S." is one word, "US"
    words = {_organization_word(w) for w in _WORD.findall(name.replace(".", ""))} - _ORG_DROPPED
    if not words:
        return None
    display = name.strip()
    if display[:4].casefold() == "the ":
        display = display[4:]
    return NameKey("organization:" + " ".join(sorted(words)), None, True, display, len(words))


def name_key(name: str, kind: str) -> NameKey | None:
    """The key of an attributed name of ``kind`` ("person" or "organization"); None for a name
    that holds no name once titles are gone ("the minister") or for other kinds."""
    if kind == "person":
        return _person(name)
    if kind == "organization":
        return _organization(name)
    return None
