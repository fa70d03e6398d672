"""What the endpoint refuses before running anything: SERVICE, LOAD, FROM of graphs not stored."""

from __future__ import annotations

import pytest

from kg.errors import QueryError
from kg.query.sparql_checks import (
    NO_SERVICE,
    check_query,
    check_update,
    dataset_iris,
    returns_graph,
    with_using,
)

STORED = "https://w3id.org/newskg/id/article/a1"


def _has_graph(iri: str) -> bool:
    return iri == STORED


@pytest.mark.parametrize(
    "query",
    [
        pytest.param("SELECT * WHERE { ?s ?p ?o }", id="plain"),
        pytest.param(f"SELECT * FROM <{STORED}> WHERE {{ ?s ?p ?o }}", id="from-stored"),
        pytest.param(
            "PREFIX a: <https://w3id.org/newskg/id/article/>\n"
            "SELECT * FROM NAMED a:a1 WHERE { GRAPH ?g { ?s ?p ?o } }",
            id="from-named-prefixed",
        ),
        pytest.param(
            "BASE <https://w3id.org/newskg/id/article/>\nSELECT * FROM <a1> WHERE { ?s ?p ?o }",
            id="from-relative",
        ),
        pytest.param('SELECT * WHERE { ?s ?p "SERVICE <x:y> { }" }', id="service-in-string"),
        pytest.param("SELECT * WHERE { ?s ?p ?o } # SERVICE <x:y>", id="service-in-comment"),
        pytest.param(
            "PREFIX ex: <https://example.org/>\n"
            "SELECT ?service WHERE { ?service ex:service ex:from }",
            id="service-as-names",
        ),
        pytest.param(
            "SELECT * WHERE { ?s ?p '''multi\nline FROM <file:///etc/passwd>''' }",
            id="from-in-long-string",
        ),
    ],
)
def test_check_query_accepts(query: str) -> None:
    assert check_query(query, _has_graph) == query


@pytest.mark.parametrize(
    ("query", "message"),
    [
        pytest.param(
            "SELECT * { SERVICE <http://x.org/s> { ?s ?p ?o } }", NO_SERVICE, id="service"
        ),
        pytest.param("SELECT * {\n?s ?p ?o .\nSeRvIcE ?e {}}", NO_SERVICE, id="service-any-case"),
        pytest.param(
            "SELECT * FROM <http://x.org/data.ttl> { ?s ?p ?o }",
            "FROM <http://x.org/data.ttl>",
            id="from-remote",
        ),
        pytest.param(
            f"SELECT * FROM <{STORED}> FROM NAMED <file:///etc/passwd> {{ ?s ?p ?o }}",
            "FROM <file:///etc/passwd>",
            id="second-from",
        ),
        pytest.param(
            "SELECT * FROM x:g { ?s ?p ?o }", "prefix 'x:' is not declared", id="undeclared"
        ),
        pytest.param("", "No SPARQL query given", id="empty"),
    ],
)
def test_check_query_refuses(query: str, message: str) -> None:
    with pytest.raises(QueryError) as raised:
        check_query(query, _has_graph)
    assert message in str(raised.value)


def test_check_query_from_relative_to_the_endpoint() -> None:
    query = "SELECT * FROM <a1> WHERE { ?s ?p ?o }"
    assert check_query(query, _has_graph, "https://w3id.org/newskg/id/article/sparql")
    with pytest.raises(QueryError, match="FROM <http://127.0.0.1:8000/a1> is not a graph"):
        check_query(query, _has_graph, "http://127.0.0.1:8000/sparql")


def test_dataset_iris_any_absolute_iri_stored_or_not() -> None:
    graphs = [STORED, "http://x.org/not-stored"]
    assert dataset_iris("named-graph-uri", graphs) == tuple(graphs)


@pytest.mark.parametrize("value", ["not an iri", "relative/g", "http://x.org/a>b", ""])
def test_dataset_iris_refuses_what_is_not_an_absolute_iri(value: str) -> None:
    with pytest.raises(QueryError) as raised:
        dataset_iris("using-graph-uri", [STORED, value])
    assert f"using-graph-uri {value!r} is not an absolute IRI" in str(raised.value)


MARK = "INSERT { GRAPH <x:out> { ?s a <x:T> } } WHERE { ?s ?p ?o }"


@pytest.mark.parametrize(
    ("update", "rewritten"),
    [
        pytest.param(
            MARK,
            "INSERT { GRAPH <x:out> { ?s a <x:T> } } USING <x:d> USING NAMED <x:n> "
            "WHERE { ?s ?p ?o }",
            id="insert-where",
        ),
        pytest.param(
            "DELETE { ?s ?p ?o } WHERE { { SELECT ?s WHERE { ?s ?p ?o } } } ; DELETE WHERE "
            "{ ?s <x:where> 'WHERE' } # WHERE",
            "DELETE { ?s ?p ?o } USING <x:d> USING NAMED <x:n> WHERE { { SELECT ?s WHERE "
            "{ ?s ?p ?o } } } ; DELETE WHERE { ?s <x:where> 'WHERE' } # WHERE",
            id="sub-select-delete-where-string-comment",
        ),
        pytest.param(
            "CLEAR ALL ; INSERT DATA { <x:s> <x:p> 1 }",
            "CLEAR ALL ; INSERT DATA { <x:s> <x:p> 1 }",
            id="no-where",
        ),
    ],
)
def test_with_using_before_each_operations_where(update: str, rewritten: str) -> None:
    assert with_using(update, ["x:d"], ["x:n"]) == rewritten


def test_with_using_no_parameters_leaves_the_update() -> None:
    assert with_using(f"WITH <x:g> {MARK}", [], []) == f"WITH <x:g> {MARK}"


@pytest.mark.parametrize("clause", ["WITH <x:g> ", "using <x:g> "])
def test_check_update_dataset_in_text_and_parameters_400(clause: str) -> None:
    update = MARK.replace("WHERE", clause + "WHERE") if "using" in clause else clause + MARK
    assert check_update(update) == update
    with pytest.raises(QueryError, match="allows only one of them"):
        check_update(update, [], ["x:n"])


@pytest.mark.parametrize(
    ("query", "graph"),
    [
        pytest.param("SELECT * WHERE { ?s ?p ?o }", False, id="select"),
        pytest.param("ASK {}", False, id="ask"),
        pytest.param(
            "PREFIX c: <x:construct#>\nconstruct WHERE { ?s ?p ?o }", True, id="construct"
        ),
        pytest.param("# SELECT\nDESCRIBE <x:a>", True, id="describe-after-comment"),
        pytest.param("SELECT ?s WHERE { ?s <x:p> 'CONSTRUCT' }", False, id="word-in-string"),
    ],
)
def test_returns_graph_by_the_query_form(query: str, graph: bool) -> None:
    assert returns_graph(query) is graph
