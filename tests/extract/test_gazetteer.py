"""The gazetteer: which places lie inside which, as the affiliation classifier reads it."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from kg.evaluation.build_gazetteer import Places, collect
from kg.extract.gazetteer import load_gazetteer
from kg.extract.pair_context import place_features
from kg.extract.pairs import Mention
from kg.extract.rules import RULES_DIR


@pytest.mark.parametrize(
    ("a", "b", "relation"),
    [
        ("Kyoto", "Japan", "in"),
        ("Japan", "Kyoto", "contains"),
        ("Rockville", "Md.", "in"),  # an AP state abbreviation
        ("Galveston", "Texas.", "in"),  # a final full stop, as CoNLL04 writes it
        ("Chicago", "the United States", "in"),
        ("Sarajevo", "Bosnia", "in"),  # "Bosnia and Herzegovina" by its first name
        ("Saint-Gall", "Switzerland", "in"),  # another name of Sankt Gallen
        ("Brazoria", "Texas", "in"),  # Brazoria County
        ("Rome", "Italy", "in"),
        ("Rome", "United States", "maybe in"),  # Rome, Georgia: a lesser reading
        ("Kyoto", "France", "apart"),
        ("Narnia", "Japan", None),
    ],
)
def test_gazetteer_relation_of_two_places(a: str, b: str, relation: str | None) -> None:
    assert load_gazetteer().relation(a, b) == relation


def test_gazetteer_kinds_of_places() -> None:
    gazetteer = load_gazetteer()
    found = {name: gazetteer.find(name) for name in ("Japan", "Ohio", "Tokyo", "Asia", "Narnia")}
    assert {n: p.kind if p else None for n, p in found.items()} == {
        "Japan": "country",
        "Ohio": "state",
        "Tokyo": "city",
        "Asia": "continent",
        "Narnia": None,
    }


TABLES = {
    "continents": {"EU": {"name": "Europe"}, "NA": {"name": "North America"}},
    "countries": {
        "FR": {"name": "France", "continentcode": "EU", "population": 60},
        "US": {"name": "United States", "continentcode": "NA", "population": 300},
    },
    "states": {"TX": {"name": "Texas"}},
    "counties": [{"name": "Lamar County", "state": "TX"}],
    "cities": {
        "1": {
            "name": "Paris",
            "countrycode": "FR",
            "admin1code": "11",
            "population": 2_000_000,
            "alternatenames": ["Lutetia", "PAR", "パリ"],
        },
        "2": {"name": "Paris", "countrycode": "US", "admin1code": "TX", "population": 25_000},
    },
}


def test_build_gazetteer_writes_what_the_gazetteer_reads(tmp_path: Path) -> None:
    import gzip
    import json

    places = collect(*TABLES.values())
    path = tmp_path / "gazetteer.json.gz"
    with gzip.open(path, "wt", encoding="utf-8") as f:
        json.dump(places.as_json("tables of the test"), f)
    gazetteer = load_gazetteer(path, RULES_DIR)
    assert gazetteer.relation("Paris", "France") == "in"
    assert gazetteer.relation("Lutetia", "Europe") == "in"  # another name in the Latin alphabet
    assert gazetteer.relation("Paris", "Texas") == "maybe in"  # the lesser Paris
    assert gazetteer.relation("Lamar", "Texas") == "in"  # a county by its short name
    assert gazetteer.relation("Texas", "U.S.") == "in"  # a place alias of rules/places.json
    assert gazetteer.find("PAR") is None  # airport codes are no names
    assert gazetteer.find("パリ") is None


def test_build_gazetteer_gives_a_shared_name_its_larger_kind() -> None:
    places = Places()
    places.add(["Georgia"], "state", ["United States"])
    places.add(["Georgia"], "country", ["Asia"], 3_700_000)
    entry = places.as_json("test")["places"]["georgia"]
    assert entry.split(" ")[0] == "country"


def test_place_features_say_a_city_lies_in_its_country(nlp: Language) -> None:
    doc = nlp("The film was shot in Kyoto, Japan, last spring.")
    kyoto, japan = Mention(doc[5:6], "place"), Mention(doc[7:8], "place")
    assert place_features(kyoto, japan) == {
        "a_kind=city": 1.0,
        "b_kind=country": 1.0,
        "gazetteer=in": 1.0,
    }
    assert place_features(japan, kyoto)["gazetteer=contains"] == 1.0


def test_place_features_of_a_person_and_a_place_give_the_place_kind(nlp: Language) -> None:
    doc = nlp("Jane Roe lives in Ohio.")
    jane, ohio = Mention(doc[0:2], "person"), Mention(doc[4:5], "place")
    assert place_features(jane, ohio) == {"b_kind=state": 1.0}
