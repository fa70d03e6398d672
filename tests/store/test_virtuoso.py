"""Virtuoso 7 (Debian's virtuoso-opensource, the server DBpedia runs on) as the store: started
on 127.0.0.1 with a throw-away database, the seed built into it, and everything newskg asks of a
store answered as the embedded store answers it. Skipped only if virtuoso-t is not installed
(`make virtuoso`, part of `make test`)."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest
from fastapi.testclient import TestClient
from rdflib import Graph
from rdflib.compare import isomorphic
from spacy.language import Language

from api.main import create_app
from kg.build import build
from kg.settings import DEFAULT_BASE_IRI, QUERIES_DIR, Settings, default_model
from kg.sources import read_articles
from kg.store import Store
from kg.store.remote import RemoteStore
from tests.conftest import SEEDS
from tests.servers import virtuoso_server

ARTICLE = f"{DEFAULT_BASE_IRI}article/28cd3d1d7a67278e"
WHOM = """
PREFIX kg: <https://w3id.org/newskg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT DISTINCT ?b WHERE { ?a rdfs:label ?name ; kg:met ?x . ?x rdfs:label ?b } ORDER BY ?b
"""
MET = ["Benjamin Netanyahu", "Mahmoud Abbas", "Yair Lapid", "Yoav Gallant"]
ENDPOINTS = [
    "/health",
    "/actors?q=ben",
    "/actors?q=a&type=organization",
    "/actors?q=a&type=party",
    "/actors/antony-blinken",
    "/actors/antony-blinken/affiliations",
    "/actors/itamar-ben-gvir/affiliations",
    "/actors/antony-blinken/meetings",
    "/graph/meetings",
    "/graph/paths?from=antony-blinken&to=yair-lapid",
    "/graph/centrality",
    "/graph/ego/antony-blinken",
    "/articles",
    # date ranges: bound ?from / ?to that the queries test with COALESCE
    "/actors/antony-blinken/meetings?from=2023-01-31",
    "/actors/antony-blinken/meetings?to=2023-01-30",
    "/actors/itamar-ben-gvir/affiliations?from=2024-01-01",
    "/graph/meetings?from=2023-01-30&to=2023-01-30",
]
RDF_PAGES = [f"/articles/{ARTICLE.rsplit('/', 1)[1]}", "/id/person/antony-blinken"]


@pytest.fixture(scope="module")
def url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with virtuoso_server(tmp_path_factory.mktemp("virtuoso")) as store_url:
        yield store_url


@pytest.fixture(scope="module")
def virtuoso(url: str, nlp: Language) -> Iterator[Store]:
    """The seed built into an empty Virtuoso, skipping articles already there (none are)."""
    store = Store.open(url)
    summary = build(read_articles([SEEDS]), store, nlp, DEFAULT_BASE_IRI, skip_existing=True)
    assert (summary.articles, summary.skipped) == (1, 0)
    yield store
    store.close()


def test_virtuoso_first_build_writes_the_article_not_skips_it(virtuoso: Store) -> None:
    assert isinstance(virtuoso, RemoteStore)
    assert virtuoso.has_graph(ARTICLE)
    assert not virtuoso.has_graph(ARTICLE + "x")
    assert not virtuoso.has_graph("https://w3id.org/newskg/id/article/never-written")


def test_virtuoso_counts_only_newskgs_graphs(virtuoso: Store, seed_store: Store) -> None:
    assert virtuoso.graphs() == seed_store.graphs() == [ARTICLE]
    assert virtuoso.count() == seed_store.count()


def test_virtuoso_holds_the_graph_the_embedded_store_holds(
    virtuoso: Store, seed_store: Store
) -> None:
    ours = Graph().parse(data=virtuoso.export("turtle"), format="turtle")
    theirs = Graph().parse(data=seed_store.export("turtle"), format="turtle")
    assert isomorphic(ours, theirs)


def test_virtuoso_rebuild_replaces_the_article_graph(virtuoso: Store, nlp: Language) -> None:
    before = virtuoso.count()
    skipped = build(read_articles([SEEDS]), virtuoso, nlp, DEFAULT_BASE_IRI, skip_existing=True)
    assert (skipped.articles, skipped.skipped) == (0, 1)
    rebuilt = build(read_articles([SEEDS]), virtuoso, nlp, DEFAULT_BASE_IRI)
    assert rebuilt.articles == 1
    assert virtuoso.count() == before
    assert virtuoso.graphs() == [ARTICLE]


def test_virtuoso_query_binds_values(virtuoso: Store) -> None:
    assert [row["b"] for row in virtuoso.query(WHOM, {"name": "Antony Blinken"}).rows()] == MET
    assert bool(virtuoso.query("ASK { ?a ?p ?o }")) is True
    assert bool(virtuoso.query("ASK { GRAPH <https://example.org/none> { ?a ?p ?o } }")) is False


@pytest.mark.parametrize("path", sorted(QUERIES_DIR.glob("*.rq")), ids=lambda path: path.stem)
def test_virtuoso_accepts_every_named_query(url: str, virtuoso: Store, path) -> None:
    """Virtuoso refuses what SPARQL 1.1 forbids (a variable projected outside GROUP BY) where
    Oxigraph lets it pass: each query newskg ships compiles and runs there."""
    store = RemoteStore.connect(url)
    try:
        response = store._client.post(
            store.query_url,
            data={"query": path.read_text(encoding="utf-8")},
            headers={"Accept": "application/sparql-results+json, application/n-triples"},
        )
    finally:
        store.close()
    assert response.status_code == 200, response.text[:500]


@pytest.fixture(scope="module")
def clients(virtuoso: Store, seed_store: Store) -> Iterator[tuple[TestClient, TestClient]]:
    """The API over Virtuoso and over the embedded seed store."""
    apps = [
        create_app(Settings(model=default_model(), store=store.location), store)
        for store in (virtuoso, seed_store)
    ]
    with TestClient(apps[0]) as over_virtuoso, TestClient(apps[1]) as embedded:
        yield over_virtuoso, embedded


@pytest.mark.parametrize("path", ENDPOINTS)
def test_virtuoso_api_answers_as_the_embedded_store(
    clients: tuple[TestClient, TestClient], path: str
) -> None:
    over_virtuoso, embedded = (client.get(path) for client in clients)
    assert over_virtuoso.status_code == embedded.status_code == 200, over_virtuoso.text[:500]
    assert over_virtuoso.json() == embedded.json()


def test_virtuoso_api_sparql_answers_as_the_embedded_store(
    clients: tuple[TestClient, TestClient],
) -> None:
    query = WHOM.replace("?name", '"Antony Blinken"')
    json, csv = (
        [
            client.get("/sparql", params={"query": query}, headers={"Accept": accept})
            for client in clients
        ]
        for accept in ("application/sparql-results+json", "text/csv")
    )
    assert json[0].status_code == csv[0].status_code == 200
    bindings = [answer.json()["results"]["bindings"] for answer in json]
    assert bindings[0] == bindings[1]
    assert [row["b"]["value"] for row in bindings[0]] == MET
    assert csv[0].text == csv[1].text


@pytest.mark.parametrize("path", RDF_PAGES)
def test_virtuoso_api_rdf_as_the_embedded_store(
    clients: tuple[TestClient, TestClient], path: str
) -> None:
    answers = [client.get(path, headers={"Accept": "text/turtle"}) for client in clients]
    assert answers[0].status_code == 200, answers[0].text[:500]
    graphs = [Graph().parse(data=answer.text, format="turtle") for answer in answers]
    assert len(graphs[0]) > 0
    assert isomorphic(*graphs)


def test_virtuoso_health_leaves_out_virtuosos_own_graphs(
    url: str, clients: tuple[TestClient, TestClient]
) -> None:
    store = RemoteStore.connect(url)
    try:
        all_graphs = store.query("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }").rows()
    finally:
        store.close()
    assert len(all_graphs) > 1  # Virtuoso keeps graphs of its own
    health = clients[0].get("/health").json()
    assert health == clients[1].get("/health").json()
    assert health["graphs"] == 1


def test_virtuoso_endpoint_is_local(url: str) -> None:
    assert httpx.URL(url).host == "127.0.0.1"
