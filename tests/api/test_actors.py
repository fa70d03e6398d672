"""Actor and graph endpoints over the graph built from seeds/: what a client sees."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from api.main import create_app
from kg.settings import Settings, default_model
from kg.store import Store

BASE = "https://w3id.org/newskg/id/"
ARTICLE = f"{BASE}article/28cd3d1d7a67278e"
BEN_GVIR_SENTENCE = (
    "National Security Minister Itamar Ben-Gvir, leader of the far-right Otzma Yehudit party, "
    "vowed to push forward with punitive measures against the Palestinians in response to a pair "
    "of shootings in east Jerusalem over the weekend."
)
INJECTIONS = [
    pytest.param('"} ; DROP ALL ; {"', id="sparql-breakout"),
    pytest.param("x> <y", id="iri-breakout"),
    pytest.param("') } INSERT DATA { <a:a> <a:b> <a:c> } #", id="update-breakout"),
    pytest.param("antony-blinken> ?p ?o } #", id="iri-suffix"),
]


@pytest.fixture(scope="module")
def client(seed_store: Store) -> Iterator[TestClient]:
    settings = Settings(model=default_model(), store="memory:")
    with TestClient(create_app(settings, seed_store)) as client:
        yield client


def _met(meeting: dict) -> tuple[str, str | None, str | None]:
    (other,) = meeting["met"]
    return other["label"], meeting["date"], meeting["place"]


def test_affiliations_ben_gvir_leads_otzma_yehudit_with_its_sentence(client: TestClient) -> None:
    body = client.get("/actors/itamar-ben-gvir/affiliations").json()
    assert body["leads"] == [
        {
            "label": "Otzma Yehudit",
            "iri": f"{BASE}org/otzma-yehudit",
            "evidence": [{"sentence": BEN_GVIR_SENTENCE, "article": ARTICLE}],
        }
    ]


@pytest.mark.parametrize(
    ("params", "leads"),
    [
        pytest.param({"from": "2023-01-31"}, ["Otzma Yehudit"], id="from-published-day"),
        pytest.param({"to": "2023-01-31"}, ["Otzma Yehudit"], id="to-published-day"),
        pytest.param({"from": "2023-02-01"}, [], id="published-before-range"),
        pytest.param({"to": "2023-01-30"}, [], id="published-after-range"),
    ],
)
def test_affiliations_filtered_by_publication_date(
    client: TestClient, params: dict[str, str], leads: list[str]
) -> None:
    body = client.get("/actors/itamar-ben-gvir/affiliations", params=params).json()
    assert [item["label"] for item in body["leads"]] == leads


def test_meetings_blinken_four_with_dates_and_places(client: TestClient) -> None:
    response = client.get("/actors/antony-blinken/meetings")
    assert response.status_code == 200
    meetings = response.json()["meetings"]
    assert [_met(m) for m in meetings] == [
        ("Benjamin Netanyahu", "2023-01-30", None),
        ("Mahmoud Abbas", "2023-01-31", "Ramallah"),
        ("Yoav Gallant", "2023-01-31", "Jerusalem"),
        ("Yair Lapid", None, None),
    ]
    abbas = meetings[1]
    assert abbas["status"] == "asserted"
    assert abbas["place_iri"] == f"{BASE}place/ramallah"
    assert {
        "sentence": "Blinken met Palestinian leader Mahmoud Abbas in Ramallah on Tuesday, a day "
        "after seeing Israeli Prime Minister Benjamin Netanyahu.",
        "article": ARTICLE,
    } in abbas["evidence"]


def test_meetings_seen_from_the_other_side(client: TestClient) -> None:
    (meeting,) = client.get("/actors/mahmoud-abbas/meetings").json()["meetings"]
    assert _met(meeting) == ("Antony Blinken", "2023-01-31", "Ramallah")


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        pytest.param({"to": "2023-01-30"}, ["Benjamin Netanyahu"], id="to"),
        # Lapid's meeting is undated: it counts as on the article's publication date.
        pytest.param(
            {"from": "2023-01-31", "to": "2023-01-31"},
            ["Mahmoud Abbas", "Yoav Gallant", "Yair Lapid"],
            id="one-day",
        ),
        pytest.param({"from": "2023-02-01"}, [], id="none-after"),
    ],
)
def test_meetings_date_range(
    client: TestClient, params: dict[str, str], expected: list[str]
) -> None:
    meetings = client.get("/actors/antony-blinken/meetings", params=params).json()["meetings"]
    assert [_met(m)[0] for m in meetings] == expected


@pytest.mark.parametrize("path", ["meetings", "affiliations"])
@pytest.mark.parametrize(
    ("params", "field"),
    [
        pytest.param({"from": "2023-13-01"}, "from", id="bad-month"),
        pytest.param({"to": "yesterday"}, "to", id="not-a-date"),
        pytest.param({"from": "2023-02-01", "to": "2023-01-01"}, "to", id="swapped"),
    ],
)
def test_bad_dates_422_name_the_field(
    client: TestClient, path: str, params: dict[str, str], field: str
) -> None:
    response = client.get(f"/actors/antony-blinken/{path}", params=params)
    assert response.status_code == 422
    assert [error["loc"] for error in response.json()["detail"]] == [["query", field]]


def test_actor_detail_blinken(client: TestClient) -> None:
    body = client.get("/actors/antony-blinken").json()
    assert body["actor"] == {
        "id": "antony-blinken",
        "iri": f"{BASE}person/antony-blinken",
        "label": "Antony Blinken",
        "type": "person",
    }
    assert body["labels"] == ["Antony Blinken"]
    assert "Blinken" in body["aliases"]
    assert [(p["label"], p["post_in"]) for p in body["positions"]] == [
        ("Secretary of State", "United States")
    ]
    assert body["meetings"] == 4
    assert body["articles"] == [
        {"id": "28cd3d1d7a67278e", "iri": ARTICLE, "title": None, "published": "2023-01-31"}
    ]


def test_actor_detail_party_leader(client: TestClient) -> None:
    body = client.get("/actors/itamar-ben-gvir").json()
    assert [item["label"] for item in body["leads"]] == ["Otzma Yehudit"]
    assert body["aliases"] == ["Ben-Gvir"]
    assert body["meetings"] == 0


@pytest.mark.parametrize(
    "path",
    [
        "/actors/nobody-at-all",
        "/actors/nobody-at-all/meetings",
        "/actors/nobody-at-all/affiliations",
        "/graph/ego/nobody-at-all",
        "/graph/paths?from=antony-blinken&to=nobody-at-all",
        "/graph/paths?from=nobody-at-all&to=antony-blinken",
    ],
)
def test_unknown_actor_404_json(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 404
    assert response.json() == {
        "detail": "No actor with id 'nobody-at-all'. Search with GET /actors?q=NAME."
    }


@pytest.mark.parametrize("value", INJECTIONS)
def test_injected_ids_change_nothing(client: TestClient, seed_store: Store, value: str) -> None:
    before = (seed_store.graphs(), seed_store.count())
    for response in (
        client.get(f"/actors/{value}"),
        client.get(f"/actors/{value}/meetings"),
        client.get("/actors/antony-blinken/meetings", params={"from": value}),
        client.get("/graph/paths", params={"from": value, "to": "antony-blinken"}),
        client.get(f"/graph/ego/{value}"),
        client.get("/actors", params={"q": value}),
        client.get(f"/id/person/{value}"),
        client.get(f"/articles/{value}"),
    ):
        assert 200 <= response.status_code < 500
        if response.status_code == 200:
            assert response.json() == {"items": []}
    assert (seed_store.graphs(), seed_store.count()) == before


def test_graph_path_lapid_to_gallant_through_blinken(client: TestClient) -> None:
    response = client.get("/graph/paths", params={"from": "yair-lapid", "to": "yoav-gallant"})
    assert response.status_code == 200
    (path,) = response.json()["paths"]
    assert [actor["label"] for actor in path["actors"]] == [
        "Yair Lapid",
        "Antony Blinken",
        "Yoav Gallant",
    ]
    last = path["hops"][1]
    assert (last["dates"], last["places"]) == (["2023-01-31"], ["Jerusalem"])
    assert last["evidence"][0]["article"] == ARTICLE


def test_graph_path_unconnected_is_empty(client: TestClient) -> None:
    response = client.get("/graph/paths", params={"from": "yair-lapid", "to": "otzma-yehudit"})
    assert response.status_code == 200
    assert response.json()["paths"] == []


@pytest.mark.parametrize("metric", ["degree", "betweenness", "pagerank"])
def test_graph_centrality_blinken_first(client: TestClient, metric: str) -> None:
    body = client.get("/graph/centrality", params={"metric": metric}).json()
    assert body["metric"] == metric
    assert body["items"][0]["actor"]["id"] == "antony-blinken"
    if metric == "degree":
        assert body["items"][0]["score"] == 1.0
        assert {item["score"] for item in body["items"][1:]} == {0.25}


@pytest.mark.parametrize(
    "params",
    [
        pytest.param({"metric": "fame"}, id="unknown-metric"),
        pytest.param({"metric": "degree", "limit": 0}, id="limit-zero"),
    ],
)
def test_graph_centrality_bad_parameters_422(client: TestClient, params: dict) -> None:
    assert client.get("/graph/centrality", params=params).status_code == 422


def test_graph_meetings_node_link(client: TestClient) -> None:
    body = client.get("/graph/meetings").json()
    assert len(body["nodes"]) == 5
    assert len(body["links"]) == 4
    weights = {link["weight"] for link in body["links"]}
    assert weights == {1}


def test_graph_meetings_cytoscape_date_filtered(client: TestClient) -> None:
    response = client.get("/graph/meetings", params={"format": "cytoscape", "to": "2023-01-30"})
    elements = response.json()["elements"]
    assert sorted(node["data"]["label"] for node in elements["nodes"]) == [
        "Antony Blinken",
        "Benjamin Netanyahu",
    ]
    (edge,) = elements["edges"]
    assert edge["data"]["dates"] == ["2023-01-30"]


@pytest.mark.parametrize(
    ("radius", "labels"),
    [
        pytest.param(1, ["Antony Blinken", "Mahmoud Abbas"], id="radius-1"),
        pytest.param(
            2,
            [
                "Antony Blinken",
                "Benjamin Netanyahu",
                "Mahmoud Abbas",
                "Yair Lapid",
                "Yoav Gallant",
            ],
            id="radius-2",
        ),
    ],
)
def test_graph_ego_radius(client: TestClient, radius: int, labels: list[str]) -> None:
    body = client.get("/graph/ego/mahmoud-abbas", params={"radius": radius}).json()
    assert sorted(node["label"] for node in body["nodes"]) == labels


def test_graph_ego_of_someone_who_met_no_one(client: TestClient) -> None:
    body = client.get("/graph/ego/itamar-ben-gvir").json()
    assert [node["label"] for node in body["nodes"]] == ["Itamar Ben-Gvir"]
    assert body["links"] == []


@pytest.mark.parametrize("radius", [0, 4, "x"])
def test_graph_ego_radius_out_of_range_422(client: TestClient, radius: object) -> None:
    response = client.get("/graph/ego/antony-blinken", params={"radius": radius})
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["query", "radius"]


def test_docs_list_actor_graph_article_and_linked_data_routes(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    assert {
        "/actors/{actor_id}",
        "/actors/{actor_id}/affiliations",
        "/actors/{actor_id}/meetings",
        "/graph/meetings",
        "/graph/paths",
        "/graph/centrality",
        "/graph/ego/{actor_id}",
        "/articles",
        "/articles/{article_id}",
        "/id/{kind}/{resource_id}",
    } <= set(paths)
    assert set(paths["/articles"]["post"]["requestBody"]["content"]) == {
        "application/json",
        "text/plain",
        "application/x-ndjson",
        "application/jsonl",
        "application/x-jsonlines",
    }


# ---- actor pages: who is tied to a party, organisation or place; visits, statements, statuses --

HARBOUR_1 = f"{BASE}article/harbour-1"


@pytest.fixture(scope="module")
def party_client(harbour_store: Store) -> Iterator[TestClient]:
    settings = Settings(model=default_model(), store="memory:")
    with TestClient(create_app(settings, harbour_store)) as client:
        yield client


def _labels(items: list[dict]) -> list[str]:
    return [item["actor"]["label"] for item in items]


def test_party_page_lists_leader_and_members_with_evidence(party_client: TestClient) -> None:
    """Issue 17: a party's page said "the graph states no post, affiliation or meeting"."""
    response = party_client.get("/actors/harbour-party/people")
    assert response.status_code == 200
    body = response.json()
    assert body["actor"]["type"] == "party"
    assert _labels(body["leaders"]) == ["Ada Quill"]
    assert _labels(body["members"]) == ["Ben Rook", "Cara Vell", "Hal Penn"]
    assert body["members"][1]["evidence"] == [
        {"sentence": "Cara Vell, a Harbour Party member, joined them.", "article": HARBOUR_1}
    ]
    assert [(h["actor"]["label"], h["post"]) for h in body["post_holders"]] == [
        ("Dan Moss", "Treasurer")
    ]
    assert _labels(body["employees"]) == ["Eve Stone"]


def test_people_of_seed_parties(client: TestClient) -> None:
    otzma = client.get("/actors/otzma-yehudit/people").json()
    assert otzma["leaders"][0]["actor"]["id"] == "itamar-ben-gvir"
    assert otzma["leaders"][0]["evidence"] == [{"sentence": BEN_GVIR_SENTENCE, "article": ARTICLE}]
    zionism = client.get("/actors/religious-zionism/people").json()
    assert _labels(zionism["members"]) == ["Orit Strock"]


@pytest.mark.parametrize(
    ("params", "members"),
    [
        pytest.param({"from": "2024-05-01"}, ["Hal Penn"], id="from"),
        pytest.param({"to": "2024-03-31"}, ["Ben Rook", "Cara Vell"], id="to"),
    ],
)
def test_people_filtered_by_publication_date(
    party_client: TestClient, params: dict[str, str], members: list[str]
) -> None:
    body = party_client.get("/actors/harbour-party/people", params=params).json()
    assert _labels(body["members"]) == members


def test_works_for_in_affiliations(client: TestClient) -> None:
    body = client.get("/actors/majdi-mohammed/affiliations").json()
    assert list(body) == ["actor", "leads", "member_of", "positions", "works_for"]
    assert [item["label"] for item in body["works_for"]] == ["AP"]
    assert "Credit: Majdi Mohammed /AP" in body["works_for"][0]["evidence"][0]["sentence"]


def test_place_is_an_actor_with_meetings_held_there_and_visits(client: TestClient) -> None:
    place = client.get("/actors/jerusalem").json()
    assert place["actor"]["type"] == "place"
    (meeting,) = client.get("/actors/jerusalem/meetings").json()["meetings"]
    assert [actor["label"] for actor in meeting["met"]] == ["Antony Blinken", "Yoav Gallant"]
    assert meeting["place"] == "Jerusalem"
    visits = client.get("/actors/jerusalem/visits").json()["visits"]
    assert [visit["visitor"]["label"] for visit in visits] == ["Antony Blinken"]


def test_person_visits_with_dates_and_evidence(client: TestClient) -> None:
    visits = client.get("/actors/antony-blinken/visits").json()["visits"]
    assert [(v["place"], v["date"], v["status"]) for v in visits] == [
        ("Israel", "2023-01-31", "asserted"),
        ("Ramallah", "2023-01-31", "asserted"),  # the day he met Abbas there
        ("West Bank", "2023-01-31", "asserted"),
        ("Jerusalem", None, "asserted"),
    ]
    assert all(v["evidence"] and v["evidence"][0]["article"] == ARTICLE for v in visits)


@pytest.mark.parametrize(
    ("status", "expected"),
    [
        pytest.param([], [("Ben Rook", "asserted")], id="default-asserted"),
        pytest.param(["planned"], [("Finn Hale", "planned")], id="planned"),
        pytest.param(
            ["asserted", "planned", "negated"],
            [("Ben Rook", "asserted"), ("Finn Hale", "planned"), ("Gus Orr", "negated")],
            id="all",
        ),
    ],
)
def test_meetings_by_status(
    party_client: TestClient, status: list[str], expected: list[tuple[str, str]]
) -> None:
    meetings = party_client.get("/actors/ada-quill/meetings", params={"status": status}).json()
    assert [(m["met"][0]["label"], m["status"]) for m in meetings["meetings"]] == expected


def test_statements_what_a_person_said(client: TestClient, party_client: TestClient) -> None:
    (said,) = party_client.get("/actors/dan-moss/statements").json()["statements"]
    assert said["quote"] == "We are ready"
    assert said["evidence"] == [
        {"sentence": "“We are ready,” said Dan Moss, the party's treasurer.", "article": HARBOUR_1}
    ]
    quotes = [s["quote"] for s in client.get("/actors/orit-strock/statements").json()["statements"]]
    assert "It’s not his job." in quotes


@pytest.mark.parametrize("path", ["people", "visits", "statements"])
def test_new_actor_pages_404_for_unknown_actor(client: TestClient, path: str) -> None:
    response = client.get(f"/actors/nobody-at-all/{path}")
    assert response.status_code == 404
    assert response.json() == {
        "detail": "No actor with id 'nobody-at-all'. Search with GET /actors?q=NAME."
    }


@pytest.mark.parametrize("path", ["people", "visits", "statements"])
@pytest.mark.parametrize(
    ("params", "field"),
    [
        pytest.param({"from": "2023-13-01"}, "from", id="bad-month"),
        pytest.param({"from": "2023-02-01", "to": "2023-01-01"}, "to", id="swapped"),
    ],
)
def test_new_actor_pages_bad_dates_422(
    client: TestClient, path: str, params: dict[str, str], field: str
) -> None:
    response = client.get(f"/actors/antony-blinken/{path}", params=params)
    assert response.status_code == 422
    assert [error["loc"] for error in response.json()["detail"]] == [["query", field]]


@pytest.mark.parametrize("path", ["meetings", "visits", "statements"])
def test_unknown_status_422_names_the_values(client: TestClient, path: str) -> None:
    response = client.get(f"/actors/antony-blinken/{path}", params={"status": "rumoured"})
    assert response.status_code == 422
    (error,) = response.json()["detail"]
    assert error["loc"] == ["query", "status", 0]
    assert "'asserted', 'planned', 'negated'" in error["msg"]


def test_docs_list_the_actor_pages(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    for page in ("people", "visits", "statements"):
        assert set(paths[f"/actors/{{actor_id}}/{page}"]) == {"get"}
