"""The 34 cases of the W3C SPARQL 1.1 Protocol test suite, written as our own, against uvicorn on
127.0.0.1 with writes on, over an in-memory store and over `oxigraph serve` as a remote store.

The suite's data graphs (data1, data2, data3) are put into the store by the Graph Store Protocol
before each case that reads them: the server never fetches a graph. A graph named in the dataset
that the store does not hold is empty (the last cases check that too)."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from contextlib import ExitStack
from dataclasses import dataclass

import httpx
import pytest

from tests.servers import free_port, oxigraph_server, start_api, wait_until_up

TOKEN = "protocol-test-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
EX = "http://example.org/protocol/"
DATA = {name: f"{EX}{name}" for name in ("data1", "data2", "data3")}
FOAF_DOC = "<http://xmlns.com/foaf/0.1/Document>"
BIB = "http://purl.org/dc/terms/BibliographicResource"
PREFIXES = "PREFIX dc: <http://purl.org/dc/terms/>\nPREFIX foaf: <http://xmlns.com/foaf/0.1/>\n"
FORM = "application/x-www-form-urlencoded"
QUERY_TYPE = "application/sparql-query"
UPDATE_TYPE = "application/sparql-update"
SPARQL_JSON = "application/sparql-results+json"
SPARQL_XML = "application/sparql-results+xml"
RDF_TYPES = ("application/rdf+xml", "text/turtle", "application/n-triples")


@dataclass(frozen=True)
class Endpoint:
    """The server's /sparql URL."""

    url: str

    def query(self, text: str, **params: object) -> httpx.Response:
        """POST the query directly (application/sparql-query), dataset parameters in the URL."""
        return httpx.post(
            self.url,
            params=params,
            content=text.encode(),
            headers={"Content-Type": QUERY_TYPE, "Accept": SPARQL_JSON},
            timeout=30,
        )

    def ask(self, text: str, **params: object) -> bool:
        response = self.query(text, **params)
        assert response.status_code == 200, response.text
        return response.json()["boolean"]

    def update(self, text: str, **params: object) -> httpx.Response:
        """POST the update directly (application/sparql-update) with the token."""
        return httpx.post(
            self.url,
            params=params,
            content=text.encode(),
            headers={"Content-Type": UPDATE_TYPE, **AUTH},
            timeout=30,
        )

    def post(self, body: bytes, headers: dict[str, str], **params: object) -> httpx.Response:
        return httpx.post(
            self.url, params=params, content=body, headers={**AUTH, **headers}, timeout=30
        )


@pytest.fixture(scope="module", params=["embedded", "oxigraph-serve"])
def endpoint(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Endpoint]:
    """The API over an in-memory store, and over `oxigraph serve` as a remote store."""
    with ExitStack() as stack:
        store = "memory:"
        if request.param == "oxigraph-serve":
            store = stack.enter_context(oxigraph_server(tmp_path_factory.mktemp("oxigraph")))
        port = free_port()
        env = os.environ | {"NEWSKG_STORE": store, "NEWSKG_TOKEN": TOKEN}
        process: subprocess.Popen[bytes] = start_api(port, env)
        stack.callback(process.wait, timeout=30)
        stack.callback(process.terminate)
        url = f"http://127.0.0.1:{port}"
        wait_until_up(url, process)
        yield Endpoint(f"{url}/sparql")


@pytest.fixture
def data(endpoint: Endpoint) -> dict[str, str]:
    """The store holds exactly data1, data2 and data3, each a foaf:Document about itself."""
    inserts = " ".join(
        f"GRAPH <{iri}> {{ <{iri}> a {FOAF_DOC} ; <{EX}name> '{name}' }}"
        for name, iri in DATA.items()
    )
    response = endpoint.update(f"CLEAR ALL ; INSERT DATA {{ {inserts} }}")
    assert response.status_code == 204, response.text
    return DATA


# --- queries ---


def test_protocol_query_get(endpoint: Endpoint) -> None:
    response = httpx.get(endpoint.url, params={"query": "ASK {}"})
    assert response.status_code == 200
    assert response.json()["boolean"] is True


def test_protocol_query_post_form(endpoint: Endpoint) -> None:
    response = httpx.post(endpoint.url, data={"query": "ASK {}"})
    assert response.status_code == 200
    assert response.json()["boolean"] is True


def test_protocol_query_post_direct(endpoint: Endpoint) -> None:
    assert endpoint.ask("ASK {}") is True


def test_protocol_query_dataset_default_graphs_get(endpoint: Endpoint, data: dict) -> None:
    query = f"ASK {{ <{data['data1']}> ?p ?o . <{data['data2']}> ?p ?o }}"
    response = httpx.get(
        endpoint.url,
        params={"query": query, "default-graph-uri": [data["data1"], data["data2"]]},
        headers={"Accept": SPARQL_JSON},
    )
    assert response.status_code == 200
    assert response.json()["boolean"] is True


def test_protocol_query_dataset_default_graphs_post(endpoint: Endpoint, data: dict) -> None:
    query = f"ASK {{ <{data['data1']}> ?p ?o . <{data['data2']}> ?p ?o }}"
    assert endpoint.ask(query, **{"default-graph-uri": [data["data1"], data["data2"]]})
    # data3 is in the store, but not in the dataset asked for
    assert not endpoint.ask(
        f"ASK {{ <{data['data3']}> ?p ?o }}", **{"default-graph-uri": [data["data1"]]}
    )


def test_protocol_query_dataset_named_graphs_post(endpoint: Endpoint, data: dict) -> None:
    query = "SELECT ?g WHERE { GRAPH ?g { ?s ?p ?o } } ORDER BY ?g"
    response = httpx.post(
        endpoint.url,
        data={"query": query, "named-graph-uri": [data["data1"], data["data2"]]},
        headers={"Accept": SPARQL_JSON},
    )
    assert response.status_code == 200
    graphs = {row["g"]["value"] for row in response.json()["results"]["bindings"]}
    assert graphs == {data["data1"], data["data2"]}


def test_protocol_query_dataset_named_graphs_get(endpoint: Endpoint, data: dict) -> None:
    response = httpx.get(
        endpoint.url,
        params={
            "query": "ASK { GRAPH ?g { ?s ?p ?o } }",
            "named-graph-uri": [data["data1"], data["data2"]],
        },
    )
    assert response.status_code == 200
    assert response.json()["boolean"] is True


def test_protocol_query_dataset_full(endpoint: Endpoint, data: dict) -> None:
    query = "SELECT ?g ?x ?s WHERE { ?x ?y ?o GRAPH ?g { ?s ?p ?o } }"
    response = endpoint.query(
        query,
        **{"default-graph-uri": data["data3"], "named-graph-uri": [data["data1"], data["data2"]]},
    )
    assert response.status_code == 200
    rows = response.json()["results"]["bindings"]
    # data3's triple joins no named graph's: the only shared value is rdf:type foaf:Document
    assert {(row["g"]["value"], row["x"]["value"]) for row in rows} == {
        (data["data1"], data["data3"]),
        (data["data2"], data["data3"]),
    }


def test_protocol_query_multiple_dataset(endpoint: Endpoint, data: dict) -> None:
    """The protocol's dataset replaces the query's FROM."""
    query = f"ASK FROM <{data['data1']}> {{ <{data['data2']}> ?p ?o }}"
    assert endpoint.ask(query, **{"default-graph-uri": data["data2"]}) is True
    query = f"ASK FROM <{data['data1']}> {{ <{data['data1']}> ?p ?o }}"
    assert endpoint.ask(query, **{"default-graph-uri": data["data2"]}) is False


def test_protocol_query_content_type_select(endpoint: Endpoint) -> None:
    response = httpx.post(
        endpoint.url, content=b"SELECT (1 AS ?value) {}", headers={"Content-Type": QUERY_TYPE}
    )
    assert response.status_code == 200
    media = response.headers["content-type"].split(";")[0]
    assert media in (SPARQL_JSON, SPARQL_XML, "text/csv", "text/tab-separated-values")


def test_protocol_query_content_type_ask(endpoint: Endpoint) -> None:
    response = httpx.post(endpoint.url, content=b"ASK {}", headers={"Content-Type": QUERY_TYPE})
    assert response.status_code == 200
    assert response.headers["content-type"].split(";")[0] in (SPARQL_JSON, SPARQL_XML)


def test_protocol_query_content_type_describe(endpoint: Endpoint) -> None:
    response = httpx.post(
        endpoint.url,
        content=b"DESCRIBE <http://example.org/>",
        headers={"Content-Type": QUERY_TYPE},
    )
    assert response.status_code == 200
    assert response.headers["content-type"].split(";")[0] in RDF_TYPES


def test_protocol_query_content_type_construct(endpoint: Endpoint) -> None:
    """Relative IRIs in a query are resolved against the endpoint's URL."""
    response = httpx.post(
        endpoint.url,
        content=b"CONSTRUCT { <s> <p> 1 } WHERE {}",
        headers={"Content-Type": QUERY_TYPE, "Accept": "application/n-triples"},
    )
    assert response.status_code == 200
    assert response.headers["content-type"].split(";")[0] in RDF_TYPES
    base = endpoint.url.rsplit("/", 1)[0]
    assert response.text.strip().startswith(f"<{base}/s> <{base}/p> ")


# --- updates ---


def _modify(target: str, *wheres: str) -> str:
    """One INSERT ... WHERE operation for each WHERE pattern, all marking into `target`."""
    return PREFIXES + " ;\n".join(
        f"INSERT {{ GRAPH <{target}> {{ ?s a dc:BibliographicResource }} }} WHERE {{ {where} }}"
        for where in wheres
    )


def _marked(endpoint: Endpoint, target: str) -> set[str]:
    query = f"SELECT ?s WHERE {{ GRAPH <{target}> {{ ?s a <{BIB}> }} }}"
    response = endpoint.query(query)
    assert response.status_code == 200
    return {row["s"]["value"] for row in response.json()["results"]["bindings"]}


def test_protocol_update_dataset_default_graph(endpoint: Endpoint, data: dict) -> None:
    target = f"{EX}update-dataset-default-graph"
    update = _modify(target, "?s a foaf:Document")
    assert endpoint.update(update, **{"using-graph-uri": data["data1"]}).status_code == 204
    assert _marked(endpoint, target) == {data["data1"]}


def test_protocol_update_dataset_default_graphs(endpoint: Endpoint, data: dict) -> None:
    target = f"{EX}update-dataset-default-graphs"
    update = _modify(target, "?s a foaf:Document")
    using = {"using-graph-uri": [data["data1"], data["data2"]]}
    assert endpoint.update(update, **using).status_code == 204
    assert _marked(endpoint, target) == {data["data1"], data["data2"]}


def test_protocol_update_dataset_named_graphs(endpoint: Endpoint, data: dict) -> None:
    target = f"{EX}update-dataset-named-graphs"
    update = _modify(target, "GRAPH ?g { ?s a foaf:Document }")
    using = {"using-named-graph-uri": [data["data1"], data["data2"]]}
    assert endpoint.update(update, **using).status_code == 204
    assert _marked(endpoint, target) == {data["data1"], data["data2"]}


def test_protocol_update_dataset_full(endpoint: Endpoint, data: dict) -> None:
    """data1 is the default graph, data2 and data3 the named ones; each operation of the request
    reads that dataset."""
    target = f"{EX}update-dataset-full"
    update = _modify(target, "?s a foaf:Document", "GRAPH ?g { ?s a foaf:Document }")
    using = {
        "using-graph-uri": data["data1"],
        "using-named-graph-uri": [data["data2"], data["data3"]],
    }
    assert endpoint.update(update, **using).status_code == 204
    assert _marked(endpoint, target) == {data["data1"], data["data2"], data["data3"]}
    only_default = _modify(
        f"{target}-2", "?s a foaf:Document . FILTER NOT EXISTS { GRAPH ?g { ?s ?p ?o } }"
    )
    assert endpoint.update(only_default, **using).status_code == 204
    assert _marked(endpoint, f"{target}-2") == {data["data1"]}


def test_protocol_update_post_form(endpoint: Endpoint, data: dict) -> None:
    response = endpoint.post(b"update=CLEAR%20ALL", {"Content-Type": FORM})
    assert response.status_code == 204
    assert endpoint.ask("ASK { GRAPH ?g { ?s ?p ?o } }") is False


def test_protocol_update_post_direct(endpoint: Endpoint, data: dict) -> None:
    assert endpoint.update("CLEAR ALL").status_code == 204
    assert endpoint.ask("ASK { GRAPH ?g { ?s ?p ?o } }") is False


def test_protocol_update_base_uri(endpoint: Endpoint) -> None:
    """Relative IRIs in an update are resolved against the endpoint's URL."""
    graph = f"{EX}base-test"
    triple = "<http://example.org/s> <http://example.org/p> <test>"
    update = f"CLEAR SILENT GRAPH <{graph}> ; INSERT DATA {{ GRAPH <{graph}> {{ {triple} }} }}"
    assert endpoint.update(update).status_code == 204
    response = endpoint.query(
        f"SELECT ?o WHERE {{ GRAPH <{graph}> {{ <http://example.org/s> ?p ?o }} }}"
    )
    (row,) = response.json()["results"]["bindings"]
    assert row["o"] == {"type": "uri", "value": endpoint.url.rsplit("/", 1)[0] + "/test"}


# --- refused: 4xx, saying why ---


def test_protocol_bad_query_method(endpoint: Endpoint) -> None:
    response = httpx.put(endpoint.url, params={"query": "ASK {}"})
    assert response.status_code == 405


def test_protocol_bad_multiple_queries(endpoint: Endpoint) -> None:
    response = httpx.get(endpoint.url, params={"query": ["ASK {}", "SELECT * {}"]})
    assert response.status_code == 400
    assert "2 'query' parameters" in response.json()["detail"]


def test_protocol_bad_multiple_queries_form_and_url(endpoint: Endpoint) -> None:
    response = httpx.post(
        endpoint.url,
        params={"query": "ASK {}"},
        content=b"ASK {}",
        headers={"Content-Type": QUERY_TYPE},
    )
    assert response.status_code == 400
    assert "2 'query' parameters" in response.json()["detail"]


def test_protocol_query_and_update_in_one_request_400(endpoint: Endpoint, data: dict) -> None:
    response = endpoint.post(b"query=ASK%20%7B%7D&update=CLEAR%20ALL", {"Content-Type": FORM})
    assert response.status_code == 400
    assert "not both" in response.json()["detail"]
    assert endpoint.ask("ASK { GRAPH ?g { ?s ?p ?o } }") is True


def test_protocol_bad_query_wrong_media_type(endpoint: Endpoint) -> None:
    response = httpx.post(endpoint.url, content=b"ASK {}", headers={"Content-Type": "text/plain"})
    assert response.status_code == 415
    assert "'text/plain' is not accepted" in response.json()["detail"]


def test_protocol_bad_query_missing_form_type(endpoint: Endpoint) -> None:
    response = httpx.post(endpoint.url, content=b"query=ASK%20%7B%7D")
    assert response.status_code == 415


def test_protocol_bad_query_missing_direct_type(endpoint: Endpoint) -> None:
    response = httpx.post(endpoint.url, content=b"ASK {}")
    assert response.status_code == 415


def test_protocol_bad_query_non_utf8(endpoint: Endpoint) -> None:
    response = httpx.post(
        endpoint.url,
        content="ASK {}".encode("utf-16"),
        headers={"Content-Type": f"{QUERY_TYPE}; charset=UTF-16"},
    )
    assert response.status_code in (400, 415)


def test_protocol_bad_query_syntax(endpoint: Endpoint) -> None:
    response = httpx.get(endpoint.url, params={"query": "ASK {"})
    assert response.status_code == 400


def test_protocol_bad_update_get(endpoint: Endpoint, data: dict) -> None:
    response = httpx.get(endpoint.url, params={"update": "CLEAR ALL"}, headers=AUTH)
    assert response.status_code == 400
    assert "POST" in response.json()["detail"]
    assert endpoint.ask("ASK { GRAPH ?g { ?s ?p ?o } }") is True


def test_protocol_bad_multiple_updates(endpoint: Endpoint, data: dict) -> None:
    response = endpoint.post(b"update=CLEAR%20NAMED&update=CLEAR%20DEFAULT", {"Content-Type": FORM})
    assert response.status_code == 400
    assert "2 'update' parameters" in response.json()["detail"]
    assert endpoint.ask("ASK { GRAPH ?g { ?s ?p ?o } }") is True


def test_protocol_bad_update_wrong_media_type(endpoint: Endpoint) -> None:
    response = endpoint.post(b"CLEAR NAMED", {"Content-Type": "text/plain"})
    assert response.status_code == 415


def test_protocol_bad_update_missing_form_type(endpoint: Endpoint) -> None:
    response = endpoint.post(b"update=CLEAR%20NAMED", {})
    assert response.status_code == 415


def test_protocol_bad_update_non_utf8(endpoint: Endpoint) -> None:
    response = endpoint.post(
        "CLEAR NAMED".encode("utf-16"), {"Content-Type": f"{UPDATE_TYPE}; charset=UTF-16"}
    )
    assert response.status_code in (400, 415)


def test_protocol_bad_update_syntax(endpoint: Endpoint) -> None:
    response = endpoint.post(b"update=CLEAR%20XYZ", {"Content-Type": FORM})
    assert response.status_code == 400


def test_protocol_bad_update_dataset_conflict(endpoint: Endpoint, data: dict) -> None:
    update = (
        f"{PREFIXES}WITH <{EX}addresses> DELETE {{ ?person foaf:givenName 'Bill' }} "
        "INSERT { ?person foaf:givenName 'William' } WHERE { ?person foaf:givenName 'Bill' }"
    )
    response = endpoint.update(update, **{"using-named-graph-uri": f"{EX}people"})
    assert response.status_code == 400
    assert "WITH" in response.json()["detail"]


# --- graphs the store does not hold: empty, never fetched, never an error ---


def test_protocol_default_graph_not_in_the_store_is_empty(endpoint: Endpoint, data: dict) -> None:
    absent = "http://127.0.0.1:9/remote.ttl"
    assert endpoint.ask("ASK { ?s ?p ?o }", **{"default-graph-uri": absent}) is False
    both = {"default-graph-uri": [absent, data["data1"]]}
    assert endpoint.ask(f"ASK {{ <{data['data1']}> ?p ?o }}", **both) is True


def test_protocol_named_graph_not_in_the_store_is_empty(endpoint: Endpoint, data: dict) -> None:
    absent = "http://127.0.0.1:9/remote.ttl"
    assert endpoint.ask("ASK { GRAPH ?g { ?s ?p ?o } }", **{"named-graph-uri": absent}) is False


def test_protocol_using_graph_not_in_the_store_is_empty(endpoint: Endpoint, data: dict) -> None:
    target = f"{EX}using-absent"
    update = _modify(target, "?s a foaf:Document")
    response = endpoint.update(update, **{"using-graph-uri": "http://127.0.0.1:9/remote.ttl"})
    assert response.status_code == 204
    assert _marked(endpoint, target) == set()


def test_protocol_dataset_graph_not_an_iri_400(endpoint: Endpoint) -> None:
    response = endpoint.query("ASK {}", **{"named-graph-uri": "not an iri"})
    assert response.status_code == 400
    assert "named-graph-uri 'not an iri' is not an absolute IRI" in response.json()["detail"]
