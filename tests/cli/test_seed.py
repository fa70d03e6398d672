"""The seed article end to end: its facts through `kg extract` and through SPARQL."""

from __future__ import annotations

import json

import pytest
from spacy.language import Language

import kg.cli
import kg.cli.options
from kg.store import Store
from tests.conftest import SEED

BLINKEN = "Antony Blinken"
MEETINGS = {
    ("Antony Blinken", "Mahmoud Abbas"): ("2023-01-31", "Ramallah"),
    ("Antony Blinken", "Benjamin Netanyahu"): ("2023-01-30", None),
    ("Antony Blinken", "Yair Lapid"): (None, None),
    ("Antony Blinken", "Yoav Gallant"): ("2023-01-31", "Jerusalem"),
}
POSTS = {
    ("Antony Blinken", "Secretary of State"),
    ("Benjamin Netanyahu", "Prime Minister"),
    ("Itamar Ben-Gvir", "National Security Minister"),
    ("Orit Strock", "National Missions Minister"),
    ("Yoav Gallant", "Defense Minister"),
    ("Yair Lapid", "opposition leader"),
    ("Mahmoud Abbas", "Palestinian leader"),
}


@pytest.fixture(scope="module")
def seed_records(nlp: Language) -> list[dict]:
    """What `kg extract SEED --format jsonl` prints, one record per line."""
    import contextlib
    import io

    out = io.StringIO()
    with pytest.MonkeyPatch.context() as patch, contextlib.redirect_stdout(out):
        patch.setattr(kg.cli.options, "nlp", lambda settings: nlp)
        status = kg.cli.main(["extract", str(SEED), "--format", "jsonl"])
    assert status == 0
    return [json.loads(line) for line in out.getvalue().splitlines()]


def _pair(record: dict) -> tuple[str, str]:
    a, b = record["subject"], record["object"]
    return (a, b) if a == BLINKEN else (b, a)


def test_seed_extract_meetings_exactly_the_four(seed_records: list[dict]) -> None:
    met = {
        _pair(r): (r["date"], r["place"])
        for r in seed_records
        if r["predicate"] == "met" and r["status"] == "asserted"
    }
    assert met == MEETINGS


def test_seed_extract_no_meeting_for_critics_photographers_or_reporters(
    seed_records: list[dict],
) -> None:
    people = {"Itamar Ben-Gvir", "Orit Strock", "Majdi Mohammed", "Ronaldo Schemidt", "Ben Samuels"}
    met = [r for r in seed_records if r["predicate"] == "met"]
    assert not [r for r in met if {r["subject"], r["object"]} & people]


def test_seed_extract_affiliations(seed_records: list[dict]) -> None:
    facts = {(r["predicate"], r["subject"], r["object"]) for r in seed_records}
    assert ("leads", "Itamar Ben-Gvir", "Otzma Yehudit") in facts
    assert ("member_of", "Orit Strock", "Religious Zionism") in facts


def test_seed_extract_the_seven_posts(seed_records: list[dict]) -> None:
    posts = {
        (r["subject"], r["object"]) for r in seed_records if r["predicate"] == "holds_position"
    }
    assert posts >= POSTS
    gallant = next(r for r in seed_records if r["object"] == "Defense Minister")
    assert gallant["post_in"] == "Israel"


def test_seed_extract_credits_are_not_meetings(seed_records: list[dict]) -> None:
    credited = {r["subject"] for r in seed_records if r["predicate"] == "credited"}
    assert credited == {"Majdi Mohammed", "Ronaldo Schemidt", "Ben Samuels"}
    works_for = {(r["subject"], r["object"]) for r in seed_records if r["predicate"] == "works_for"}
    assert works_for == {("Majdi Mohammed", "AP"), ("Ronaldo Schemidt", "AFP")}


def test_seed_extract_who_said_what(seed_records: list[dict]) -> None:
    said = {(r["subject"], r["object"]) for r in seed_records if r["predicate"] == "said"}
    assert ("Yoav Gallant", "Your visit comes at a critical time") in said
    assert any(
        s == "Orit Strock" and q.startswith("We’re not the 51st or 52nd state") for s, q in said
    )
    assert {s for s, _ in said} <= {"Yoav Gallant", "Orit Strock", "Antony Blinken"}
    assert all(r["object_type"] == "quote" for r in seed_records if r["predicate"] == "said")


def test_seed_extract_records_follow_the_contract(seed_records: list[dict]) -> None:
    text = SEED.read_text(encoding="utf-8")
    keys = {
        "article",
        "predicate",
        "subject",
        "subject_type",
        "object",
        "object_type",
        "status",
        "date",
        "place",
        "evidence",
        "confidence",
    }
    for record in seed_records:
        assert keys <= record.keys()
        evidence = record["evidence"]
        assert evidence["sentence"] in text
        assert 0 < record["confidence"] <= 1


def test_seed_extract_evidence_offsets_point_at_the_sentence(seed_records: list[dict]) -> None:
    from kg.sources import read_articles

    article = next(read_articles([SEED]))
    for record in seed_records:
        evidence = record["evidence"]
        assert article.text[evidence["start"] : evidence["end"]].strip() == evidence["sentence"]


WHO_BLINKEN_MET = """
PREFIX kg: <https://w3id.org/newskg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?b WHERE { ?a rdfs:label "Antony Blinken" ; kg:met ?x . ?x rdfs:label ?b }
"""


def test_seed_sparql_who_blinken_met(seed_store: Store) -> None:
    names = {row["b"] for row in seed_store.query(WHO_BLINKEN_MET).rows()}
    assert names == {"Mahmoud Abbas", "Benjamin Netanyahu", "Yair Lapid", "Yoav Gallant"}


def test_seed_sparql_meeting_events_have_date_place_and_evidence(seed_store: Store) -> None:
    rows = seed_store.query(
        """
        PREFIX kg: <https://w3id.org/newskg/ontology#>
        PREFIX schema: <https://schema.org/>
        PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        SELECT ?name ?date ?place ?sentence WHERE {
          ?m a kg:Meeting ; kg:status "asserted" ; kg:participant ?p ;
             kg:evidence/kg:sentence ?sentence .
          ?p rdfs:label ?name . FILTER(?name != "Antony Blinken")
          OPTIONAL { ?m schema:startDate ?date }
          OPTIONAL { ?m schema:location/rdfs:label ?place }
        }
        """
    ).rows()
    abbas = {(r["date"], r["place"]) for r in rows if r["name"] == "Mahmoud Abbas"}
    assert abbas == {("2023-01-31", "Ramallah")}
    assert any("Blinken met Palestinian leader Mahmoud Abbas" in r["sentence"] for r in rows)


def test_seed_sparql_ben_gvir_leads_otzma_yehudit(seed_store: Store) -> None:
    rows = seed_store.query(
        """
        PREFIX org: <http://www.w3.org/ns/org#>
        PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        SELECT ?party WHERE { ?p rdfs:label "Itamar Ben-Gvir" ; org:headOf/rdfs:label ?party }
        """
    ).rows()
    assert [r["party"] for r in rows] == ["Otzma Yehudit"]


def test_seed_graph_conforms_to_shapes(seed_store: Store) -> None:
    from pyshacl import validate
    from rdflib import Graph

    from kg.settings import ONTOLOGY_DIR

    data = Graph().parse(data=seed_store.export("turtle"), format="turtle")
    shapes = Graph().parse(ONTOLOGY_DIR / "shapes.ttl")
    conforms, _, report = validate(data, shacl_graph=shapes, ont_graph=None)
    assert conforms, report


def test_seed_aliases_are_names_and_title_references_only(nlp: Language) -> None:
    from kg.extract import extract
    from kg.sources import read_articles

    extraction = next(extract(read_articles([SEED]), nlp))
    aliases = {e.name: set(e.aliases) for e in extraction.entities}
    assert aliases["Antony Blinken"] == {"Blinken", "The secretary"}
    assert aliases["Itamar Ben-Gvir"] == {"Ben-Gvir"}
