"""GET /graph/facts over the graph built from seeds/: every relation and status as edges."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from api.main import create_app
from kg.settings import Settings, default_model
from kg.store import Store

BASE = "https://w3id.org/newskg/id/"


@pytest.fixture(scope="module")
def client(seed_store: Store) -> Iterator[TestClient]:
    settings = Settings(model=default_model(), store="memory:")
    with TestClient(create_app(settings, seed_store)) as client:
        yield client


def _edges(body: dict) -> set[tuple[str, str, str, str]]:
    labels = {node["data"]["id"]: node["data"]["label"] for node in body["elements"]["nodes"]}
    return {
        (labels[e["source"]], e["relation"], labels[e["target"]], e["status"])
        for e in (edge["data"] for edge in body["elements"]["edges"])
    }


def test_graph_facts_draws_every_relation_of_the_seed(client: TestClient) -> None:
    body = client.get("/graph/facts", params={"format": "cytoscape"}).json()
    edges = _edges(body)
    assert {relation for _, relation, _, _ in edges} == {
        "met",
        "visited",
        "leads",
        "member_of",
        "works_for",
        "holds_position",
    }
    assert ("Antony Blinken", "met", "Mahmoud Abbas", "asserted") in edges
    assert ("Itamar Ben-Gvir", "leads", "Otzma Yehudit", "asserted") in edges
    assert ("Antony Blinken", "visited", "Ramallah", "asserted") in edges
    kinds = {node["data"]["label"]: node["data"]["kind"] for node in body["elements"]["nodes"]}
    assert (kinds["Antony Blinken"], kinds["Otzma Yehudit"], kinds["AP"], kinds["Israel"]) == (
        "person",
        "party",
        "organization",
        "place",
    )


def test_graph_facts_edge_carries_post_date_and_sentence(client: TestClient) -> None:
    body = client.get("/graph/facts", params={"format": "cytoscape"}).json()
    (gallant,) = [
        edge["data"]
        for edge in body["elements"]["edges"]
        if edge["data"]["source"] == f"{BASE}person/yoav-gallant"
    ]
    assert gallant["relation"] == "holds_position"
    assert gallant["posts"] == ["Defense Minister"]
    assert gallant["dates"] == ["2023-01-31"]
    assert gallant["target"] == f"{BASE}place/israel"
    assert "Defense Minister Yoav Gallant" in gallant["evidence"][0]["sentence"]


def test_graph_facts_places_have_no_actor_id(client: TestClient) -> None:
    nodes = client.get("/graph/facts").json()["nodes"]
    ids = {node["label"]: node.get("actor_id") for node in nodes}
    assert ids["Itamar Ben-Gvir"] == "itamar-ben-gvir"
    assert ids["Otzma Yehudit"] == "otzma-yehudit"
    assert ids["Ramallah"] is None


def test_graph_facts_to_keeps_the_facts_dated_before(client: TestClient) -> None:
    body = client.get("/graph/facts", params={"format": "cytoscape", "to": "2023-01-30"}).json()
    assert _edges(body) == {("Antony Blinken", "met", "Benjamin Netanyahu", "asserted")}


def test_graph_facts_swapped_dates_422(client: TestClient) -> None:
    response = client.get("/graph/facts", params={"from": "2023-02-01", "to": "2023-01-01"})
    assert response.status_code == 422
    assert "swap them" in response.json()["detail"][0]["msg"]
