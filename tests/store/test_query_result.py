"""What GraphStore.query returns: solutions, a boolean or constructed triples, each read by its
kind, and serialised whole or cut at a row limit."""

from __future__ import annotations

import json

import pytest
from rdflib import Graph, Literal, URIRef

from kg.errors import QueryError
from kg.store import Store
from kg.store.query_result import Boolean, Constructed, Solutions, graph_of, rows_of
from kg.store.results import serialise

G = "https://example.org/g"
S = URIRef("https://example.org/s")
LABEL = URIRef("http://www.w3.org/2000/01/rdf-schema#label")


@pytest.fixture
def store():
    graph = Graph()
    graph.add((S, LABEL, Literal("one")))
    graph.add((S, LABEL, Literal("two")))
    with Store.open("memory:") as opened:
        opened.put_graph(G, graph)
        yield opened


def test_query_result_kind_follows_the_query_form(store: Store) -> None:
    select = store.query("SELECT ?o WHERE { ?s ?p ?o } ORDER BY ?o")
    assert isinstance(select, Solutions)
    assert select.variables == ["o"]
    assert select.rows() == [{"o": "one"}, {"o": "two"}]
    assert store.query("ASK { ?s ?p 'one' }") == Boolean(True)
    assert not store.query("ASK { ?s ?p 'three' }")
    constructed = store.query("CONSTRUCT WHERE { ?s ?p ?o }")
    assert isinstance(constructed, Constructed)
    assert set(constructed.graph()) == {(S, LABEL, Literal("one")), (S, LABEL, Literal("two"))}


def test_query_result_of_the_wrong_kind_says_what_came(store: Store) -> None:
    with pytest.raises(QueryError, match="got the ASK answer true"):
        rows_of(store.query("ASK {}"))
    with pytest.raises(QueryError, match="got SELECT solutions"):
        graph_of(store.query("SELECT * WHERE { ?s ?p ?o }"))


def test_serialise_cuts_at_max_rows_or_writes_all(store: Store) -> None:
    query = "SELECT ?o WHERE { ?s ?p ?o } ORDER BY ?o"
    cut = serialise(store.query(query), "json", None, max_rows=1)
    assert cut.truncated
    assert len(json.loads(cut.body)["results"]["bindings"]) == 1
    whole = serialise(store.query(query), "json", None)
    assert not whole.truncated
    assert len(json.loads(whole.body)["results"]["bindings"]) == 2
    assert serialise(store.query("ASK {}"), "csv", None).body.strip() == b"true"
