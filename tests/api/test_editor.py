"""GET /sparql/editor.json and the files of the SPARQL editor and /docs pages: all served by the
API itself, vendored with their licences. The pages in a browser: test_editor_browser.py."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from api.main import create_app
from kg.settings import Settings, default_model
from kg.store import Store

BASE = "https://example.org/news/"
# The src="..." and href="..." attributes of a page.
REFERENCE = re.compile(r'(?:src|href)="([^"]+)"')


@pytest.fixture(scope="module")
def client() -> Iterator[TestClient]:
    settings = Settings(model=default_model(), store="memory:", base_iri=BASE)
    with TestClient(create_app(settings, Store.open("memory:"))) as client:
        yield client


def test_editor_settings_name_the_graph_prefixes_and_resource_pages(client: TestClient) -> None:
    response = client.get("/sparql/editor.json")
    assert response.status_code == 200
    body = response.json()
    assert body["endpoint"] == "/sparql"
    assert body["prefixes"]["kg"] == "https://w3id.org/newskg/ontology#"
    assert body["prefixes"]["schema"] == "https://schema.org/"
    assert body["prefixes"]["owl"] == "http://www.w3.org/2002/07/owl#"
    assert {"kg", "schema", "org", "rdfs", "prov", "skos", "xsd", "rdf", "owl"} <= set(
        body["prefixes"]
    )
    assert body["resources"] == BASE  # the configured base IRI, not the default
    assert body["pages"] == "/id/"


@pytest.mark.parametrize(
    ("path", "vendored"),
    [
        pytest.param("/sparql", "/static/vendor/yasgui.min.js", id="sparql-editor"),
        pytest.param("/docs", "/static/vendor/swagger-ui-bundle.js", id="docs"),
    ],
)
def test_page_loads_only_files_the_api_serves(client: TestClient, path: str, vendored: str) -> None:
    page = client.get(path, headers={"Accept": "text/html"})
    assert page.headers["content-type"].startswith("text/html")
    references = REFERENCE.findall(page.text)
    assert vendored in references
    for reference in references:
        assert not re.match(r"^(https?:)?//", reference), f"{reference} is not served by the API"
        if reference.startswith("/static/"):
            assert client.get(reference).status_code == 200, reference


@pytest.mark.parametrize(
    ("licence", "says"),
    [
        pytest.param("yasgui.LICENSE", "MIT License", id="yasgui"),
        pytest.param("yasgui.THIRD-PARTY.txt", "codemirror 5.65.21 (MIT)", id="yasgui-bundled"),
        pytest.param("swagger-ui.LICENSE", "Apache License", id="swagger-ui"),
        pytest.param("swagger-ui.NOTICE", "SmartBear Software", id="swagger-ui-notice"),
    ],
)
def test_vendored_editor_and_docs_have_their_licences(
    client: TestClient, licence: str, says: str
) -> None:
    response = client.get(f"/static/vendor/{licence}")
    assert response.status_code == 200
    assert says in response.text


def test_redoc_is_gone_it_needed_a_cdn(client: TestClient) -> None:
    assert client.get("/redoc").status_code == 404
