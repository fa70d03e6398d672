"""Which places lie inside which: a gazetteer of GeoNames countries, US states and counties, and
cities (`models/gazetteer.json.gz`, built by `python -m kg.evaluation.build_gazetteer`).

The affiliation classifier reads it as world knowledge: that Kyoto is in Japan makes "Tokyo and
Kyoto ... in Japan" a located-in pair, and a place's kind (country, state, city) tells where people
live. Names are matched case-blind, without a leading "the" or a final full stop; the AP
abbreviations of US states (`rules/us_states.json`, "Md.") and the other names of
`rules/places.json` ("U.S.") are read as the names they stand for. The gazetteer never states a
fact itself: the text must.
"""

from __future__ import annotations

import gzip
import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from kg.extract.rules import RULES_DIR, load_rules, read_rule_file

GAZETTEER_PATH = Path(__file__).parent / "models" / "gazetteer.json.gz"


def key(name: str) -> str:
    """How a place name is looked up: lowercase, no leading 'the', no final full stop."""
    k = " ".join(name.lower().split())
    if k.startswith("the "):
        k = k[4:]
    return k.rstrip(".")


@dataclass(frozen=True)
class Place:
    """A known place name: its kind (continent, country, state, county, city), the keys of the
    places its main reading lies inside, and those of its other readings ("Rome", Georgia)."""

    kind: str
    inside: frozenset[str]
    maybe_inside: frozenset[str]


@dataclass(frozen=True)
class Gazetteer:
    """Place names by key (each a kind and container numbers, read when asked), the container
    keys, and the other names that stand for place names."""

    places: dict[str, str]
    containers: tuple[str, ...]
    aliases: dict[str, str]

    def canonical(self, name: str) -> str:
        """The key of the place name `name` stands for."""
        k = key(name)
        return self.aliases.get(k, k)

    def knows(self, name: str) -> bool:
        """Whether the gazetteer knows a place of that name (`find` without reading it)."""
        return self.canonical(name) in self.places

    def find(self, name: str) -> Place | None:
        """The place a name stands for, if the gazetteer knows it."""
        entry = self.places.get(self.canonical(name))
        if entry is None:
            return None
        kind, *readings = entry.split(" ")
        inside = [frozenset(self.containers[int(i)] for i in r.split(",") if i) for r in readings]
        return Place(kind, inside[0], frozenset().union(*inside[1:]))

    def relation(self, a: str, b: str) -> str | None:
        """How place `a` stands to place `b`: 'in' (`a` lies inside `b`), 'maybe in' (a lesser
        place called `a` does: Rome, Georgia), 'contains' (`b` lies inside `a`) or 'apart';
        None when the gazetteer does not know both."""
        first, second = self.find(a), self.find(b)
        if first is None or second is None:
            return None
        if self.canonical(b) in first.inside:
            return "in"
        if self.canonical(a) in second.inside:
            return "contains"
        if self.canonical(b) in first.maybe_inside:
            return "maybe in"
        return "apart"


@cache
def load_gazetteer(path: Path = GAZETTEER_PATH, rules_dir: Path = RULES_DIR) -> Gazetteer:
    """The shipped gazetteer, with the state abbreviations and place aliases of `rules_dir`."""
    with gzip.open(path, "rt", encoding="utf-8") as f:
        data = json.load(f)
    places: dict[str, str] = data["places"]
    abbreviations = read_rule_file("us_states", rules_dir)
    aliases = dict(data["aliases"])
    for alias, name in (*abbreviations.items(), *load_rules(rules_dir).places.items()):
        target = aliases.get(key(name), key(name))
        if target in places and key(alias) != target:
            aliases[key(alias)] = target
    return Gazetteer(places, tuple(key(name) for name in data["containers"]), aliases)
