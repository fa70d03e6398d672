"""The HTTP API over a small hand-written graph: what a client sees."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient
from rdflib import Dataset

from api.deps import WRITES_DISABLED
from api.main import create_app
from kg.settings import Settings
from kg.store import Store
from tests.conftest import FIXTURES

FIXTURE = FIXTURES / "mini.trig"
SETTINGS = Settings(model="en_core_web_sm", store="memory:")
BASE = "https://w3id.org/newskg/id/"
BEN_GVIR_SENTENCE = (
    "National Security Minister Itamar Ben-Gvir, leader of the far-right Otzma Yehudit party, "
    "vowed to press ahead with the plan."
)
WHO_MET_WHOM = """
PREFIX kg: <https://w3id.org/newskg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?a ?b WHERE { ?x kg:met ?y . ?x rdfs:label ?a . ?y rdfs:label ?b . FILTER(?a < ?b) }
"""
NOT_A_QUERY = "This is a SPARQL Update, not a query."

Send = Callable[[TestClient], httpx.Response]


def _fixture() -> Dataset:
    dataset = Dataset()
    dataset.parse(FIXTURE, format="trig")
    return dataset


@pytest.fixture(scope="module")
def store() -> Store:
    store = Store.open("memory:")
    for graph in _fixture().graphs():
        if len(graph):
            store.put_graph(str(graph.identifier), graph)
    return store


@pytest.fixture(scope="module")
def client(store: Store) -> Iterator[TestClient]:
    with TestClient(create_app(SETTINGS, store)) as client:
        yield client


def _bindings(body: dict) -> list[dict[str, str]]:
    return [{k: v["value"] for k, v in row.items()} for row in body["results"]["bindings"]]


def test_health_counts_graphs_and_triples(client: TestClient) -> None:
    triples = sum(len(graph) for graph in _fixture().graphs())
    response = client.get("/health")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "graphs": 2, "triples": triples}


def test_create_app_opens_store_from_settings(tmp_path: Path) -> None:
    settings = Settings(model="en_core_web_sm", store=str(tmp_path / "kg"))
    with TestClient(create_app(settings)) as client:
        assert client.get("/health").json() == {"status": "ok", "graphs": 0, "triples": 0}
    assert (tmp_path / "kg").is_dir()


@pytest.mark.parametrize(
    ("q", "type", "expected"),
    [
        pytest.param("ben-gvir", None, ["itamar-ben-gvir"], id="alias"),
        pytest.param("ITAMAR", None, ["itamar-ben-gvir"], id="any-case"),
        pytest.param("abbas", None, ["mahmoud-abbas"], id="surname"),
        pytest.param("a", "party", ["otzma-yehudit"], id="party-only"),
        pytest.param("otzma", "person", [], id="type-excludes"),
        pytest.param("ramallah", None, [], id="places-are-not-actors"),
    ],
)
def test_actors_search(client: TestClient, q: str, type: str | None, expected: list[str]) -> None:
    params = {"q": q} | ({"type": type} if type else {})
    response = client.get("/actors", params=params)
    assert response.status_code == 200
    assert [item["id"] for item in response.json()["items"]] == expected


def test_actors_search_item_fields(client: TestClient) -> None:
    (item,) = client.get("/actors", params={"q": "ben-gvir"}).json()["items"]
    assert item == {
        "id": "itamar-ben-gvir",
        "iri": f"{BASE}person/itamar-ben-gvir",
        "label": "Itamar Ben-Gvir",
        "type": "person",
    }


def test_actors_search_best_match_first_and_limit(client: TestClient) -> None:
    items = client.get("/actors", params={"q": "a", "limit": 2}).json()["items"]
    # "Antony Blinken" and the alias "Abbas" start with the query; the others only contain it.
    assert [item["id"] for item in items] == ["antony-blinken", "mahmoud-abbas"]


@pytest.mark.parametrize(
    "params",
    [
        pytest.param({"q": "a", "limit": 0}, id="limit-zero"),
        pytest.param({"q": "a", "limit": 101}, id="limit-too-big"),
        pytest.param({"q": "a", "type": "place"}, id="unknown-type"),
        pytest.param({}, id="no-q"),
    ],
)
def test_actors_search_bad_parameters_422(client: TestClient, params: dict) -> None:
    assert client.get("/actors", params=params).status_code == 422


@pytest.mark.parametrize(
    "q",
    [
        pytest.param('"} ; DROP ALL ; {"', id="sparql-breakout"),
        pytest.param("x> <y", id="iri-breakout"),
        pytest.param("') } INSERT DATA { <a:a> <a:b> <a:c> } #", id="update-breakout"),
    ],
)
def test_actors_search_injection_is_just_text(client: TestClient, store: Store, q: str) -> None:
    before = (store.graphs(), store.count())
    response = client.get("/actors", params={"q": q})
    assert response.status_code == 200
    assert response.json() == {"items": []}
    assert (store.graphs(), store.count()) == before


def test_affiliations_names_party_with_evidence(client: TestClient) -> None:
    response = client.get("/actors/itamar-ben-gvir/affiliations")
    assert response.status_code == 200
    body = response.json()
    assert body["actor"]["label"] == "Itamar Ben-Gvir"
    assert body["leads"] == [
        {
            "label": "Otzma Yehudit",
            "iri": f"{BASE}org/otzma-yehudit",
            "evidence": [{"sentence": BEN_GVIR_SENTENCE, "article": f"{BASE}article/a2"}],
        }
    ]
    assert body["member_of"] == []
    (position,) = body["positions"]
    assert (position["label"], position["post_in"]) == ("National Security Minister", "Israel")
    assert position["evidence"][0]["sentence"] == BEN_GVIR_SENTENCE


def test_affiliations_of_an_organisation(client: TestClient) -> None:
    body = client.get("/actors/otzma-yehudit/affiliations").json()
    assert body["actor"]["type"] == "party"
    assert (body["leads"], body["member_of"], body["positions"]) == ([], [], [])


def test_affiliations_unknown_actor_404(client: TestClient) -> None:
    response = client.get("/actors/nobody-at-all/affiliations")
    assert response.status_code == 404
    assert response.json() == {
        "detail": "No actor with id 'nobody-at-all'. Search with GET /actors?q=NAME."
    }


@pytest.mark.parametrize(
    "actor_id",
    [
        pytest.param("Itamar-Ben-Gvir", id="uppercase"),
        pytest.param("itamar ben gvir", id="spaces"),
        pytest.param("x>%20<y", id="iri-breakout"),
    ],
)
def test_affiliations_id_not_a_slug_422(client: TestClient, actor_id: str) -> None:
    assert client.get(f"/actors/{actor_id}/affiliations").status_code == 422


@pytest.mark.parametrize(
    "send",
    [
        pytest.param(lambda c: c.get("/sparql", params={"query": WHO_MET_WHOM}), id="get"),
        pytest.param(lambda c: c.post("/sparql", data={"query": WHO_MET_WHOM}), id="post-form"),
        pytest.param(
            lambda c: c.post(
                "/sparql",
                content=WHO_MET_WHOM,
                headers={"Content-Type": "application/sparql-query"},
            ),
            id="post-query",
        ),
    ],
)
def test_sparql_who_met_whom(client: TestClient, send: Send) -> None:
    response = send(client)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/sparql-results+json")
    assert _bindings(response.json()) == [{"a": "Antony Blinken", "b": "Mahmoud Abbas"}]


def test_sparql_construct_returns_turtle(client: TestClient) -> None:
    query = "CONSTRUCT { ?a <https://w3id.org/newskg/ontology#met> ?b } WHERE { ?a ?p ?b } LIMIT 1"
    response = client.get("/sparql", params={"query": query})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/turtle")


def test_sparql_malformed_400_with_parser_message(client: TestClient) -> None:
    response = client.get("/sparql", params={"query": "SELECT ?x WHERE {"})
    assert response.status_code == 400
    assert response.json()["detail"].startswith(
        "SPARQL syntax error at line 1, column 18, after 'SELECT ?x WHERE {': expected '$', "
    )


def test_sparql_query_without_prefix_lines(client: TestClient) -> None:
    # kg:, rdfs: and owl: are predeclared; ex: is the query's own.
    query = (
        "PREFIX ex: <https://example.org/> SELECT ?name WHERE { ?a kg:met ?b . "
        "?a rdfs:label ?name FILTER(?a != owl:Nothing && ?a != ex:nobody) } ORDER BY ?name"
    )
    response = client.get("/sparql", params={"query": query, "format": "json"})
    assert response.status_code == 200, response.text
    names = [row["name"] for row in _bindings(response.json())]
    assert "Antony Blinken" in names


def test_sparql_undeclared_prefix_400_names_it(client: TestClient) -> None:
    response = client.post("/sparql", data={"query": "ASK {\n  ?a foaf:knows ?b }"})
    assert response.status_code == 400
    assert response.json()["detail"].startswith(
        "SPARQL syntax error at line 2, column 6: the prefix 'foaf:' is not declared. Add "
        "PREFIX foaf: <IRI> before the query, or use one of the predeclared prefixes: kg, "
    )


def test_sparql_missing_query_400_says_how(client: TestClient) -> None:
    response = client.post("/sparql", data={"format": "json"})
    assert response.status_code == 400
    assert "GET /sparql?query=" in response.json()["detail"]


@pytest.mark.parametrize(
    ("send", "message"),
    [
        pytest.param(
            lambda c: c.get("/sparql", params={"query": "INSERT DATA { <a:a> <a:b> <a:c> }"}),
            NOT_A_QUERY,
            id="insert-data-get",
        ),
        pytest.param(
            lambda c: c.post("/sparql", data={"query": "DROP ALL"}),
            NOT_A_QUERY,
            id="drop-all-as-query",
        ),
        pytest.param(
            lambda c: c.post("/sparql", data={"update": "DROP ALL"}),
            WRITES_DISABLED,
            id="update-form-field",
        ),
        pytest.param(
            lambda c: c.post(
                "/sparql",
                content="PREFIX kg: <https://w3id.org/newskg/ontology#> "
                "DELETE WHERE { ?s kg:met ?o }",
                headers={"Content-Type": "application/sparql-update"},
            ),
            WRITES_DISABLED,
            id="sparql-update-body",
        ),
    ],
)
def test_sparql_update_403_graph_unchanged(
    client: TestClient, store: Store, send: Send, message: str
) -> None:
    before = (store.graphs(), store.count())
    response = send(client)
    assert response.status_code == 403
    assert response.json()["detail"].startswith(message)
    assert (store.graphs(), store.count()) == before


def test_sparql_unknown_body_type_415(client: TestClient) -> None:
    response = client.post("/sparql", content="SELECT * {}", headers={"Content-Type": "text/plain"})
    assert response.status_code == 415
    assert "application/sparql-query" in response.json()["detail"]


def test_docs_list_every_route_with_a_summary(client: TestClient) -> None:
    assert client.get("/docs").status_code == 200
    paths = client.get("/openapi.json").json()["paths"]
    assert {"/health", "/sparql", "/update", "/graphs", "/actors"} <= set(paths)
    assert all(op.get("summary") for path in paths.values() for op in path.values())
