"""What the endpoint refuses before running anything: SERVICE, LOAD, FROM of graphs not stored."""

from __future__ import annotations

import pytest

from kg.errors import QueryError, ReadOnlyError
from kg.sparql import NO_LOAD, NO_SERVICE, NOT_A_QUERY, check_query, check_update

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


def test_check_query_dataset_params_must_be_stored() -> None:
    assert check_query("ASK {}", _has_graph, [STORED], [STORED])
    with pytest.raises(QueryError, match="named-graph-uri <http://x.org/g> is not a graph"):
        check_query("ASK {}", _has_graph, [STORED], ["http://x.org/g"])


def test_check_query_update_is_not_a_query() -> None:
    with pytest.raises(ReadOnlyError) as raised:
        check_query("INSERT DATA { <a:a> <a:b> <a:c> }", _has_graph)
    assert str(raised.value) == NOT_A_QUERY


@pytest.mark.parametrize(
    ("update", "message"),
    [
        pytest.param("LOAD <http://x.org/d.ttl>", NO_LOAD, id="load"),
        pytest.param(
            "load silent <file:///etc/passwd> into graph <x:g>", NO_LOAD, id="load-any-case"
        ),
        pytest.param(
            "INSERT { ?s ?p ?o } WHERE { SERVICE <http://x.org/s> { ?s ?p ?o } }",
            NO_SERVICE,
            id="service",
        ),
    ],
)
def test_check_update_refuses(update: str, message: str) -> None:
    with pytest.raises(QueryError) as raised:
        check_update(update)
    assert str(raised.value) == message


def test_check_update_allows_local_writes() -> None:
    update = 'INSERT DATA { GRAPH <x:g> { <x:a> <x:b> "LOAD <http://x.org/>" } }'
    assert check_update(update) == update
