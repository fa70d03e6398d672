"""Relatives named by a first name (kg.extract.relatives): facts keep the name as written, the
graph names them with the family name of the person they are related to."""

from __future__ import annotations

from rdflib import Literal, URIRef
from rdflib.namespace import RDFS, SKOS
from spacy.language import Language

from kg.extract import extract
from kg.rdf.mapping import to_graph
from kg.types import Article, Extraction

PERSON = "https://w3id.org/newskg/id/person/"


def _extracted(nlp: Language, article_id: str, text: str) -> Extraction:
    return next(extract([Article(article_id, text)], nlp))


def test_relatives_facts_keep_the_name_as_written(nlp: Language) -> None:
    extraction = _extracted(nlp, "a1", "Peter Lamb met his wife Hannah at the station.")
    met = {(f.subject, f.object) for f in extraction.facts if f.predicate == "met"}
    assert met == {("Hannah", "Peter Lamb")}
    hannah = next(e for e in extraction.entities if e.name == "Hannah")
    assert "Hannah Lamb" in hannah.aliases


def test_relatives_named_possessor(nlp: Language) -> None:
    extraction = _extracted(nlp, "a2", "Peter Lamb's daughter Iris joined the campaign.")
    iris_ = next(e for e in extraction.entities if e.name == "Iris")
    assert "Iris Lamb" in iris_.aliases


def test_relatives_two_articles_two_people_in_the_graph(nlp: Language) -> None:
    first = _extracted(nlp, "a3", "Peter Lamb met his wife Hannah at the station.")
    second = _extracted(nlp, "a4", "Omar Reid met his wife Hannah at the airport.")
    nodes = set()
    for extraction in (first, second):
        _, graph = to_graph(extraction)
        nodes |= {s for s in graph.subjects(SKOS.altLabel, Literal("Hannah"))}
    assert nodes == {URIRef(PERSON + "hannah-lamb"), URIRef(PERSON + "hannah-reid")}
    _, graph = to_graph(first)
    assert graph.value(URIRef(PERSON + "hannah-lamb"), RDFS.label) == Literal("Hannah Lamb")


def test_relatives_without_a_possessor_stay_as_written(nlp: Language) -> None:
    extraction = _extracted(nlp, "a5", "A wife, Hannah, spoke to Peter Lamb.")
    hannah = next((e for e in extraction.entities if e.name == "Hannah"), None)
    assert hannah is None or not any(" " in alias for alias in hannah.aliases)


def test_relatives_his_is_the_clause_subject_not_the_nearest_name(nlp: Language) -> None:
    extraction = _extracted(nlp, "a6", "Peter Lamb met Ruth Adair and his wife Hannah.")
    hannah = next(e for e in extraction.entities if e.name == "Hannah")
    assert "Hannah Lamb" in hannah.aliases
    assert "Hannah Adair" not in hannah.aliases


def test_relatives_take_a_family_name_of_two_words(nlp: Language) -> None:
    text = "Mr Lloyd George arrived. David Lloyd George met his wife Margaret at the station."
    extraction = _extracted(nlp, "a7", text)
    margaret = next(e for e in extraction.entities if e.name == "Margaret")
    assert "Margaret Lloyd George" in margaret.aliases
