"""Bound values for SPARQL servers: a VALUES block opening the WHERE group, terms by pyoxigraph."""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from rdflib import Literal, URIRef

from kg.errors import QueryError
from kg.store.binding import bind_values

X = URIRef("http://example.org/x")


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        pytest.param(
            "SELECT ?s WHERE { ?s ?p ?o }",
            "SELECT ?s WHERE { VALUES (?s) { (<http://example.org/x>) }\n ?s ?p ?o }",
            id="select",
        ),
        pytest.param(
            "PREFIX a: <http://a/> # a { in a comment\nSELECT ?s ('{' AS ?b) { ?s a:p '}' }",
            "PREFIX a: <http://a/> # a { in a comment\nSELECT ?s ('{' AS ?b) "
            "{ VALUES (?s) { (<http://example.org/x>) }\n ?s a:p '}' }",
            id="braces-in-comment-and-strings",
        ),
        pytest.param(
            "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }",
            "CONSTRUCT { ?s ?p ?o } WHERE { VALUES (?s) { (<http://example.org/x>) }\n ?s ?p ?o }",
            id="construct-template-skipped",
        ),
        pytest.param(
            "CONSTRUCT WHERE { ?s ?p ?o }",
            "CONSTRUCT { ?s ?p ?o } WHERE { VALUES (?s) { (<http://example.org/x>) }\n ?s ?p ?o }",
            id="construct-where-short-form",
        ),
    ],
)
def test_bind_values_opens_the_where_group(query: str, expected: str) -> None:
    assert bind_values(query, {"s": X}) == expected


def test_bind_values_bound_query_answers_as_substitution_does() -> None:
    store = ox.Store()
    store.add(ox.Quad(ox.NamedNode(X), ox.NamedNode(X), ox.Literal('a "quoted" } value')))
    store.add(ox.Quad(ox.NamedNode(X), ox.NamedNode(X), ox.Literal("other")))
    query = "SELECT ?s WHERE { ?s ?p ?v }"
    bound = bind_values(query, {"v": 'a "quoted" } value'})
    assert [row["s"].value for row in store.query(bound)] == [str(X)]


@pytest.mark.parametrize(
    "value",
    [
        pytest.param(Literal("x", lang="en"), id="language-literal"),
        pytest.param(3, id="integer"),
        pytest.param("'''\"\"\"\\", id="quotes-and-backslash"),
    ],
)
def test_bind_values_terms_parse_back(value: object) -> None:
    bound = bind_values("ASK { ?s ?p ?v }", {"v": value})  # type: ignore[dict-item]
    assert isinstance(ox.Store().query(bound), ox.QueryBoolean)


def test_bind_values_rejects_a_bad_variable_name() -> None:
    with pytest.raises(QueryError, match="not a SPARQL variable"):
        bind_values("ASK { ?s ?p ?o }", {"s } DROP ALL": "x"})


def test_bind_values_without_where_group_says_so() -> None:
    with pytest.raises(QueryError, match="WHERE"):
        bind_values("DESCRIBE <http://example.org/x>", {"s": X})
