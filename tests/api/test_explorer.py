"""GET / and /static/: the explorer page and every file it loads come from the API itself."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from api.main import create_app
from kg.settings import Settings, default_model
from kg.store import Store

# The src="..." and href="..." attributes of the page.
REFERENCE = re.compile(r'(?:src|href)="([^"]+)"')


@pytest.fixture(scope="module")
def client(seed_store: Store) -> Iterator[TestClient]:
    settings = Settings(model=default_model(), store="memory:")
    with TestClient(create_app(settings, seed_store)) as client:
        yield client


def test_explorer_page_at_root(client: TestClient) -> None:
    response = client.get("/")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    assert '<label for="q">Find an actor</label>' in response.text
    assert '<a href="/sparql">' in response.text


def test_explorer_loads_only_files_the_api_serves(client: TestClient) -> None:
    references = REFERENCE.findall(client.get("/").text)
    assert "/static/vendor/cytoscape.min.js" in references
    for reference in references:
        assert not re.match(r"^(https?:)?//", reference), f"{reference} is not served by the API"
        if reference.startswith("/static/"):
            assert client.get(reference).status_code == 200, reference


def test_explorer_vendored_cytoscape_has_its_licence(client: TestClient) -> None:
    licence = client.get("/static/vendor/cytoscape.LICENSE")
    assert licence.status_code == 200
    assert "The Cytoscape Consortium" in licence.text


@pytest.mark.parametrize(
    ("path", "headers", "media"),
    [
        pytest.param("/docs", {}, "text/html", id="docs"),
        pytest.param("/openapi.json", {}, "application/json", id="openapi"),
        pytest.param("/sparql", {"Accept": "text/html"}, "text/html", id="sparql-page"),
        pytest.param("/health", {}, "application/json", id="health"),
    ],
)
def test_explorer_shadows_no_other_route(
    client: TestClient, path: str, headers: dict[str, str], media: str
) -> None:
    response = client.get(path, headers=headers)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith(media)


def test_explorer_not_in_the_openapi_docs(client: TestClient) -> None:
    assert "/" not in client.get("/openapi.json").json()["paths"]
