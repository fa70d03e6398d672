"""Mapped graphs conform to ontology/shapes.ttl; broken ones are reported."""

from __future__ import annotations

import pytest
from pyshacl import validate
from rdflib import RDFS, BNode, Graph, Literal, URIRef

from kg.rdf.mapping import to_graph
from kg.rdf.namespace import KG, RDF, SCHEMA
from kg.settings import ONTOLOGY_DIR
from tests.samples import blinken_abbas, statements, visits_and_credit


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return Graph().parse(ONTOLOGY_DIR / "shapes.ttl")


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(ONTOLOGY_DIR / "newskg.ttl")


def _meetings(graph: Graph) -> list[URIRef]:
    return sorted(graph.subjects(RDF.type, KG.Meeting))


@pytest.mark.parametrize(
    "extraction",
    [
        pytest.param(blinken_abbas(), id="meetings-posts-parties"),
        pytest.param(visits_and_credit(), id="visits-credit"),
        pytest.param(statements(), id="statements"),
    ],
)
def test_shapes_mapped_graph_conforms(shapes, ontology, extraction):
    _, graph = to_graph(extraction)
    conforms, _, report = validate(graph, shacl_graph=shapes, ont_graph=ontology)
    assert conforms, report


def test_shapes_meeting_with_one_participant_does_not_conform(shapes, ontology):
    _, graph = to_graph(blinken_abbas())
    meeting = _meetings(graph)[0]
    graph.remove((meeting, KG.participant, next(graph.objects(meeting, KG.participant))))
    conforms, _, report = validate(graph, shacl_graph=shapes, ont_graph=ontology)
    assert not conforms
    assert "at least two kg:participant" in report


@pytest.mark.parametrize(
    ("predicate", "value", "message"),
    [
        pytest.param(KG.status, Literal("rumoured"), "kg:status must be one of", id="status"),
        pytest.param(KG.evidence, None, "at least one kg:evidence", id="no-evidence"),
    ],
)
def test_shapes_broken_meeting_is_reported(shapes, ontology, predicate, value, message):
    _, graph = to_graph(blinken_abbas())
    meeting = _meetings(graph)[0]
    graph.remove((meeting, predicate, None))
    if value is not None:
        graph.add((meeting, predicate, value))
    conforms, _, report = validate(graph, shacl_graph=shapes, ont_graph=ontology)
    assert not conforms
    assert message in report


def test_shapes_confidence_out_of_range_is_reported(shapes, ontology):
    _, graph = to_graph(blinken_abbas())
    evidence = next(graph.subjects(RDF.type, KG.Evidence))
    assert isinstance(evidence, BNode)
    graph.set((evidence, KG.confidence, Literal(1.5)))
    conforms, _, report = validate(graph, shacl_graph=shapes, ont_graph=ontology)
    assert not conforms
    assert "confidence" in report


def _statement(graph: Graph) -> URIRef:
    return sorted(graph.subjects(RDF.type, KG.Statement))[0]


def _place_speaker(graph: Graph, statement: URIRef) -> None:
    place = URIRef("https://w3id.org/newskg/id/place/france")
    graph.add((place, RDF.type, SCHEMA.Place))
    graph.add((place, RDFS.label, Literal("France")))
    graph.set((statement, KG.speaker, place))


@pytest.mark.parametrize(
    ("break_it", "message"),
    [
        pytest.param(
            lambda g, s: g.remove((s, KG.speaker, None)), "exactly one kg:speaker", id="no-speaker"
        ),
        pytest.param(_place_speaker, "a schema:Person or schema:Organization", id="place-speaker"),
        pytest.param(
            lambda g, s: g.add((s, KG.quote, Literal("a second text"))),
            "exactly one kg:quote",
            id="two-quotes",
        ),
        pytest.param(
            lambda g, s: g.set((s, KG.quote, Literal(""))), "non-empty plain string", id="empty"
        ),
        pytest.param(
            lambda g, s: g.remove((s, KG.evidence, None)), "at least one kg:evidence", id="evidence"
        ),
    ],
)
def test_shapes_broken_statement_is_reported(shapes, ontology, break_it, message):
    _, graph = to_graph(statements())
    break_it(graph, _statement(graph))
    conforms, _, report = validate(graph, shacl_graph=shapes, ont_graph=ontology)
    assert not conforms
    assert message in report
