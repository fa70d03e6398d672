"""The prefixes a query may use undeclared: declared for it on one added line, only those used."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from kg.query.prefixes import MARK, PREDECLARED, declare, declared, own_text, uses
from kg.rdf.namespace import KG_IRI


def test_predeclared_holds_the_common_vocabularies() -> None:
    assert {"kg", "schema", "org", "rdfs", "prov", "skos", "xsd", "rdf", "owl"} <= set(PREDECLARED)
    assert PREDECLARED["kg"] == KG_IRI
    assert PREDECLARED["schema"] == "https://schema.org/"


def test_declare_adds_one_line_with_only_the_prefixes_used() -> None:
    query = "SELECT ?a WHERE { ?a kg:met ?b ; rdfs:label ?l }"
    added, _, rest = declare(query).partition("\n")
    assert rest == query
    assert added == (
        f"PREFIX kg: <{KG_IRI}> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> {MARK}"
    )


@pytest.mark.parametrize(
    "query",
    [
        pytest.param("SELECT * WHERE { ?s ?p ?o }", id="no-prefixed-names"),
        pytest.param("PREFIX kg: <https://example.org/> SELECT * { ?s kg:p ?o }", id="own-kg"),
        pytest.param('SELECT * WHERE { ?s ?p "kg:met" } # kg:met', id="in-string-and-comment"),
        pytest.param("SELECT * WHERE { ?s ex:p ?o }", id="unknown-prefix"),
    ],
)
def test_declare_leaves_a_query_that_needs_nothing(query: str) -> None:
    assert declare(query) == query


def test_own_declaration_wins_and_the_query_runs() -> None:
    store = ox.Store()
    example = ox.NamedNode("https://example.org/s"), ox.NamedNode("https://example.org/p")
    store.add(ox.Quad(*example, ox.Literal("o")))
    query = "PREFIX kg: <https://example.org/> SELECT ?o WHERE { ?s kg:p ?o FILTER(?o != owl:x) }"
    result = store.query(declare(query))
    assert [row["o"].value for row in result] == ["o"]


def test_own_text_takes_off_the_added_line() -> None:
    query = "SELECT ?a WHERE {\n ?a kg:met ?b }"
    assert own_text(declare(query)) == (query, 1)
    assert own_text(query) == (query, 0)


def test_declared_and_uses_read_tokens_not_text() -> None:
    query = (
        "PREFIX ex: <https://example.org/>\nSELECT * WHERE { ?s ex:p <http://a b> . ?s kg:q ?o }"
    )
    assert declared(query) == {"ex"}
    assert [name for name, _ in uses(query)] == ["ex", "kg"]  # not 'http' of the broken IRI
