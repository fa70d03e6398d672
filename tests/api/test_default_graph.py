"""/graphs?default on the embedded store: the merge of the article graphs, read-only."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from rdflib import Graph
from spacy.language import Language

from api.main import create_app
from kg.ingest import Ingester
from kg.settings import DEFAULT_BASE_IRI, Settings, default_model
from kg.store import Store

TOKEN = "s3cret-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
TURTLE = {"Content-Type": "text/turtle", **AUTH}
LABEL = b'<https://example.org/blair> <http://www.w3.org/2000/01/rdf-schema#label> "Tony Blair" .'


@pytest.fixture(scope="module")
def client(nlp: Language) -> Iterator[TestClient]:
    settings = Settings(model=default_model(), store="memory:", token=TOKEN)
    with (
        Store.open("memory:") as store,
        TestClient(create_app(settings, store, Ingester(nlp, DEFAULT_BASE_IRI))) as client,
    ):
        for article in ("https://example.org/a/1", "https://example.org/a/2"):
            put = client.put("/graphs", params={"graph": article}, content=LABEL, headers=TURTLE)
            assert put.status_code == 201
        yield client


def test_graph_store_default_graph_is_the_merge(client: TestClient) -> None:
    response = client.get("/graphs", params={"default": ""})
    assert response.status_code == 200
    assert len(Graph().parse(data=response.text, format="turtle")) == 1
    assert client.get("/health").json()["triples"] == 2


@pytest.mark.parametrize(
    "request_default",
    [
        pytest.param(lambda c: c.put("/graphs?default", content=LABEL, headers=TURTLE), id="put"),
        pytest.param(lambda c: c.post("/graphs?default", content=LABEL, headers=TURTLE), id="post"),
        pytest.param(lambda c: c.delete("/graphs?default", headers=AUTH), id="delete"),
    ],
)
def test_graph_store_default_graph_writes_are_403_with_what_to_do(
    client: TestClient, request_default
) -> None:
    response = request_default(client)
    assert response.status_code == 403
    assert "Write to a named graph" in response.json()["detail"]
    assert len(Graph().parse(data=client.get("/graphs?default").text, format="turtle")) == 1
