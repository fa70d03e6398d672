"""A SPARQL server as the store: `oxigraph serve` (from PyPI) started on a free local port, the
seed built into it, read through kg.store and through the API, then stopped."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from rdflib import Graph, URIRef
from rdflib.compare import isomorphic
from spacy.language import Language

from api.main import create_app
from kg.build import build
from kg.errors import QueryError, ReadOnlyError, StoreError
from kg.settings import DEFAULT_BASE_IRI, Settings, default_model
from kg.sources import read_articles
from kg.store import Store
from kg.store.interface import QueryOptions
from kg.store.query_result import Boolean, Constructed, Solutions
from kg.store.remote import RemoteStore
from kg.store.results import serialise
from tests.conftest import SEEDS
from tests.servers import free_port, oxigraph_server

ARTICLE = f"{DEFAULT_BASE_IRI}article/28cd3d1d7a67278e"
BLINKEN = URIRef(f"{DEFAULT_BASE_IRI}person/antony-blinken")
WHOM = """
PREFIX kg: <https://w3id.org/newskg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?b WHERE { ?a rdfs:label ?name ; kg:met ?x . ?x rdfs:label ?b } ORDER BY ?b
"""
MET = ["Benjamin Netanyahu", "Mahmoud Abbas", "Yair Lapid", "Yoav Gallant"]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The URL of an `oxigraph serve --union-default-graph` on a fresh directory."""
    with oxigraph_server(tmp_path_factory.mktemp("oxigraph")) as url:
        yield url


@pytest.fixture(scope="module")
def remote(server: str, nlp: Language) -> Iterator[Store]:
    """The seed graph built into the server with kg.build, as a single-process build does."""
    store = Store.open(server)
    build(read_articles([SEEDS]), store, nlp, DEFAULT_BASE_IRI)
    yield store
    store.close()


def test_open_url_gives_remote_store(remote: Store) -> None:
    assert isinstance(remote, RemoteStore)
    assert remote.kind == "remote"


def test_remote_build_writes_the_same_graph_as_embedded(remote: Store, seed_store: Store) -> None:
    assert remote.graphs() == seed_store.graphs() == [ARTICLE]
    assert remote.has_graph(ARTICLE)
    assert not remote.has_graph(ARTICLE + "x")
    assert not remote.has_graph("not an iri")
    assert remote.count() == seed_store.count()
    ours = Graph().parse(data=remote.export("turtle"), format="turtle")
    theirs = Graph().parse(data=seed_store.export("turtle"), format="turtle")
    assert isomorphic(ours, theirs)


def test_remote_rebuild_replaces_each_article_graph(remote: Store, nlp: Language) -> None:
    before = remote.count()
    build(read_articles([SEEDS]), remote, nlp, DEFAULT_BASE_IRI)
    assert remote.count() == before
    assert remote.graphs() == [ARTICLE]


def test_remote_select_binds_values(remote: Store) -> None:
    rows = remote.query(WHOM, {"name": "Antony Blinken"}).rows()
    assert [row["b"] for row in rows] == MET


@pytest.mark.parametrize(
    "value",
    [
        pytest.param('"} ; DROP ALL ; {"', id="sparql-breakout"),
        pytest.param('Antony Blinken" } UNION { ?a ?p ?b } #', id="union-breakout"),
    ],
)
def test_remote_bound_value_never_becomes_query_text(remote: Store, value: str) -> None:
    before = remote.count()
    assert remote.query(WHOM, {"name": value}).rows() == []
    assert remote.count() == before


def test_remote_construct_and_results_keep_server_bytes(remote: Store) -> None:
    graph = remote.query(
        "CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?article { ?s ?p ?o } }",
        {"article": URIRef(ARTICLE)},
    ).graph()
    assert len(graph) == remote.count()
    csv = remote.query(
        WHOM.replace("?name", '"Antony Blinken"'), None, QueryOptions(formats=("csv", None))
    )
    results = serialise(csv, "csv", None, max_rows=2)
    assert results.truncated
    assert results.body.decode().splitlines() == ["b", MET[0], MET[1]]


def test_remote_query_is_typed_and_keeps_the_servers_bytes(remote: Store) -> None:
    query = WHOM.replace("?name", '"Antony Blinken"')
    result = remote.query(query, None, QueryOptions(formats=("xml", None)))
    assert isinstance(result, Solutions)
    assert result.sent is not None
    assert serialise(result, "xml", None, max_rows=10).body == result.sent[0]
    assert [row["b"] for row in remote.query(query).rows()] == MET
    assert remote.query("ASK { ?s ?p ?o }") == Boolean(True)
    assert isinstance(remote.query("CONSTRUCT WHERE { ?s ?p ?o } LIMIT 1"), Constructed)


def test_remote_store_is_a_graph_store_of_its_own(server: str, remote: Store, run) -> None:
    assert not isinstance(remote, Store)  # nothing of the embedded store is inherited
    with Store.open(server) as other:
        assert other.count() == remote.count()
    status, out, _ = run("query", "ASK { ?s ?p ?o }", "--store", server)
    assert (status, out) == (0, "true\n")


def test_remote_query_refuses_updates_and_reports_syntax(remote: Store) -> None:
    with pytest.raises(ReadOnlyError):
        remote.query("DROP ALL")
    with pytest.raises(QueryError, match="refused"):
        remote.query("SELECT ?s WHERE { ?s ")


def test_remote_store_unreachable_says_how_to_start_one() -> None:
    with pytest.raises(StoreError, match="oxigraph serve"):
        Store.open(f"http://127.0.0.1:{free_port()}")


def test_api_over_remote_store_lists_blinkens_four_meetings(remote: Store) -> None:
    settings = Settings(model=default_model(), store=remote.location)
    with TestClient(create_app(settings, remote)) as client:
        body = client.get("/actors/antony-blinken/meetings").json()
        met = sorted(m["met"][0]["label"] for m in body["meetings"])
        assert met == MET
        response = client.get(
            "/sparql", params={"query": WHOM.replace("?name", '"Antony Blinken"')}
        )
        assert response.status_code == 200
        rows = response.json()["results"]["bindings"]
        assert [row["b"]["value"] for row in rows] == MET
        assert client.get("/health").json()["graphs"] == 1
        graph = client.get("/graphs", params={"graph": ARTICLE}, headers={"Accept": "text/turtle"})
        assert graph.status_code == 200
        assert len(Graph().parse(data=graph.text, format="turtle")) == remote.count()
