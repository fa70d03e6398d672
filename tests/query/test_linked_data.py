"""Linked-data descriptions (kg.query.linked_data) and the IRIs they are asked for (kg.rdf.iris)."""

from __future__ import annotations

from typing import get_args

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDFS

from api.routes.linked import Kind
from kg.errors import NotFoundError
from kg.query.linked_data import describe, html_page
from kg.rdf.iris import RESOURCE_KINDS, resource_iri
from kg.store import Store

BASE = "https://w3id.org/newskg/id/"


@pytest.mark.parametrize(
    ("kind", "id", "expected"),
    [
        pytest.param("person", "antony-blinken", f"{BASE}person/antony-blinken", id="slug"),
        pytest.param("article", "a b/c", f"{BASE}article/a%20b%2Fc", id="percent-encoded"),
        pytest.param("article", "x> <y", f"{BASE}article/x%3E%20%3Cy", id="no-iri-breakout"),
    ],
)
def test_resource_iri(kind: str, id: str, expected: str) -> None:
    assert resource_iri(kind, id) == URIRef(expected)


def test_resource_iri_unknown_kind() -> None:
    with pytest.raises(ValueError, match="Unknown resource kind 'planet'"):
        resource_iri("planet", "earth")


def test_route_kinds_are_the_minted_kinds() -> None:
    assert set(get_args(Kind)) == set(RESOURCE_KINDS)


def test_describe_unknown_resource(seed_store: Store) -> None:
    with pytest.raises(NotFoundError, match="says nothing about <.*person/nobody>"):
        describe(seed_store, "person", "nobody")


def test_describe_person_has_labels_of_what_it_names(seed_store: Store) -> None:
    graph = describe(seed_store, "person", "mahmoud-abbas")
    blinken = URIRef(f"{BASE}person/antony-blinken")
    assert graph.value(blinken, RDFS.label) == Literal("Antony Blinken")


def test_html_page_escapes_labels() -> None:
    iri = f"{BASE}person/x"
    graph = Graph()
    graph.add((URIRef(iri), RDFS.label, Literal("<script>alert(1)</script>")))
    page = html_page(graph, iri)
    assert "<script>" not in page
    assert "<h1>&lt;script&gt;alert(1)&lt;/script&gt;</h1>" in page
