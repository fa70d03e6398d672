"""Security: who may write, what SPARQL may reach, what user values can do to lookups, how
errors look, CORS, and the limits under attack (a live server with killable query workers)."""

from __future__ import annotations

import asyncio
import os
import re
import socket
import threading
from collections.abc import Callable, Iterator
from urllib.parse import quote

import httpx
import pyoxigraph as ox
import pytest
from fastapi import FastAPI
from fastapi.routing import iter_route_contexts
from fastapi.testclient import TestClient
from spacy.language import Language

import api.deps
from api.deps import BAD_TOKEN, WRITES_DISABLED, get_store
from api.main import INTERNAL_ERROR, STORE_FAILED, create_app
from kg.cli import main as kg_main
from kg.errors import StoreError
from kg.ingest import Ingester
from kg.query.sparql_checks import NO_LOAD, NO_SERVICE, STRAY_ESCAPE
from kg.settings import DEFAULT_BASE_IRI, Settings, default_model
from kg.store import Store
from tests.conftest import mini_store
from tests.servers import serving

BASE = DEFAULT_BASE_IRI
A1 = f"{BASE}article/a1"
TOKEN = "security-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
NEW_GRAPH = "https://example.org/graph/security"
TURTLE = b'<https://example.org/s> <https://example.org/p> "o" .'
INSERT = f"INSERT DATA {{ GRAPH <{NEW_GRAPH}> {{ {TURTLE.decode().removesuffix(' .')} }} }}"
AMMAN = "Secretary of State Antony Blinken met Jordan's King Abdullah in Amman on Thursday."
WRITE_METHODS = {"POST", "PUT", "PATCH", "DELETE"}
SPARQL_QUERY = {"Content-Type": "application/sparql-query"}
SPARQL_UPDATE = {"Content-Type": "application/sparql-update"}

State = tuple[list[str], set[str]]


def _fixture_store() -> Store:
    return mini_store(Store.open("memory:"))


def _state(store: Store) -> State:
    """Everything the store holds, to compare before and after a request."""
    return store.graphs(), set(store.export("nquads").decode("utf-8").splitlines())


def _settings(token: str | None = None, **limits: object) -> Settings:
    return Settings(model=default_model(), store="memory:", token=token, **limits)  # type: ignore[arg-type]


@pytest.fixture
def store() -> Iterator[Store]:
    with _fixture_store() as store:
        yield store


@pytest.fixture
def client(store: Store, nlp: Language) -> Iterator[TestClient]:
    """Writes enabled with TOKEN, over a fresh copy of the fixture graph."""
    app = create_app(_settings(TOKEN, max_body=64 * 1024), store, Ingester(nlp, BASE))
    with TestClient(app) as client:
        yield client


@pytest.fixture
def read_only(store: Store) -> Iterator[TestClient]:
    """No token configured: writes are off."""
    with TestClient(create_app(_settings(), store)) as client:
        yield client


# --- writes: every write route, found from app.routes ---

# One request per route that can change the store. A new write route fails
# test_security_every_write_route_is_listed until a request for it is added here.
WRITE_REQUESTS: dict[tuple[str, str], dict[str, object]] = {
    ("POST", "/sparql"): {"content": INSERT, "headers": SPARQL_UPDATE},
    ("POST", "/update"): {"data": {"update": INSERT}},
    ("PUT", "/graphs"): {
        "params": {"graph": NEW_GRAPH},
        "content": TURTLE,
        "headers": {"Content-Type": "text/turtle"},
    },
    ("POST", "/graphs"): {
        "params": {"graph": NEW_GRAPH},
        "content": TURTLE,
        "headers": {"Content-Type": "text/turtle"},
    },
    ("DELETE", "/graphs"): {"params": {"graph": A1}},
    ("POST", "/articles"): {"json": {"text": AMMAN}},
}
WRONG_AUTH = [
    pytest.param({}, id="none"),
    pytest.param({"Authorization": "Bearer wrong"}, id="wrong"),
    pytest.param({"Authorization": f"Bearer {TOKEN}x"}, id="token-and-more"),
    pytest.param({"Authorization": f"Bearer {TOKEN[:-1]}"}, id="token-prefix"),
    pytest.param({"Authorization": f"Basic {TOKEN}"}, id="not-bearer"),
    pytest.param({"Authorization": f"Bearer{TOKEN}"}, id="no-space"),
    pytest.param({"Authorization": "Bearer "}, id="empty"),
    pytest.param({"X-Token": TOKEN}, id="other-header"),
]


def _write_routes(app: FastAPI) -> set[tuple[str, str]]:
    return {
        (method, route.path)
        for route in iter_route_contexts(app.routes)
        for method in route.methods or ()
        if method in WRITE_METHODS
    }


def _send(client: TestClient, route: tuple[str, str], auth: dict[str, str]) -> httpx.Response:
    method, path = route
    request = dict(WRITE_REQUESTS[route])
    headers = {**request.pop("headers", {}), **auth}  # type: ignore[dict-item]
    return client.request(method, path, headers=headers, **request)  # type: ignore[arg-type]


def test_security_every_write_route_is_listed(store: Store) -> None:
    assert _write_routes(create_app(_settings(TOKEN), store)) == set(WRITE_REQUESTS)


@pytest.mark.parametrize("route", list(WRITE_REQUESTS), ids=" ".join)
def test_write_route_without_a_configured_token_403(
    read_only: TestClient, store: Store, route: tuple[str, str]
) -> None:
    before = _state(store)
    response = _send(read_only, route, AUTH)
    assert response.status_code == 403
    assert response.json() == {"detail": WRITES_DISABLED}
    assert _state(store) == before


@pytest.mark.parametrize("auth", WRONG_AUTH)
@pytest.mark.parametrize("route", list(WRITE_REQUESTS), ids=" ".join)
def test_write_route_without_the_right_token_401(
    client: TestClient, store: Store, route: tuple[str, str], auth: dict[str, str]
) -> None:
    before = _state(store)
    response = _send(client, route, auth)
    assert response.status_code == 401
    assert response.headers["www-authenticate"] == "Bearer"
    assert response.json() == {"detail": BAD_TOKEN}
    assert _state(store) == before


@pytest.mark.parametrize("route", list(WRITE_REQUESTS), ids=" ".join)
def test_write_route_with_the_token_writes(
    client: TestClient, store: Store, route: tuple[str, str]
) -> None:
    before = _state(store)
    response = _send(client, route, AUTH)
    assert response.status_code in (200, 201, 204)
    assert _state(store) != before


def test_write_access_compares_the_token_in_constant_time(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    compared: list[tuple[bytes, bytes]] = []

    def compare_digest(a: bytes, b: bytes) -> bool:
        compared.append((a, b))
        return a == b

    monkeypatch.setattr(api.deps.secrets, "compare_digest", compare_digest)
    assert _send(client, ("POST", "/update"), {"Authorization": "Bearer guess"}).status_code == 401
    assert compared == [(b"guess", TOKEN.encode())]


@pytest.mark.parametrize(
    "send",
    [
        pytest.param(lambda c: c.get("/sparql", params={"query": "DROP ALL"}), id="get"),
        pytest.param(lambda c: c.post("/sparql", data={"query": "CLEAR ALL"}), id="form-query"),
        pytest.param(
            lambda c: c.post("/sparql", content="DELETE WHERE { ?s ?p ?o }", headers=SPARQL_QUERY),
            id="query-body",
        ),
    ],
)
def test_update_sent_as_a_query_403_even_with_the_token(
    client: TestClient, store: Store, send: Callable[[TestClient], httpx.Response]
) -> None:
    before = _state(store)
    client.headers.update(AUTH)
    response = send(client)
    assert response.status_code == 403
    assert "This is a SPARQL Update, not a query" in response.json()["detail"]
    assert _state(store) == before


# --- SPARQL never reaches the network or the file system ---


@pytest.fixture
def listener() -> Iterator[tuple[int, list[bytes]]]:
    """A TCP port on 127.0.0.1 and the requests that reach it (none, if nothing is fetched)."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen()
    server.settimeout(0.2)
    received: list[bytes] = []
    stop = threading.Event()

    def accept() -> None:
        while not stop.is_set():
            try:
                connection, _ = server.accept()
            except TimeoutError:
                continue
            with connection:
                connection.settimeout(1)
                try:
                    received.append(connection.recv(1024))
                except OSError:
                    received.append(b"")

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield server.getsockname()[1], received
    stop.set()
    thread.join()
    server.close()


REMOTE = "http://127.0.0.1:{port}/sparql"
REFUSED_QUERIES = [
    pytest.param(
        "SELECT * FROM NAMED <http://127.0.0.1:{port}/g.ttl> WHERE { GRAPH ?g { ?s ?p ?o } }",
        "FROM <http://127.0.0.1:{port}/g.ttl> is not a graph in this store",
        id="from-named-remote",
    ),
    pytest.param(
        "SELECT * FROM NAMED <file:///etc/passwd> WHERE { GRAPH ?g { ?s ?p ?o } }",
        "FROM <file:///etc/passwd> is not a graph in this store",
        id="from-named-file",
    ),
    pytest.param(
        "SELECT * FROM <file:///etc/hostname> WHERE { ?s ?p ?o }",
        "FROM <file:///etc/hostname> is not a graph in this store",
        id="from-file",
    ),
    pytest.param(
        "SELECT * FROM <http\\u003A//127.0.0.1:{port}/g.ttl> WHERE { ?s ?p ?o }",
        "FROM <http://127.0.0.1:{port}/g.ttl> is not a graph in this store",
        id="from-escaped-iri",
    ),
    pytest.param(
        "SELECT * WHERE { ?s ?p ?o OPTIONAL { { ?s ?q ?x MINUS { SERVICE <"
        + REMOTE
        + "> { ?x ?y ?z } } } } }",
        NO_SERVICE,
        id="service-nested-in-optional-minus",
    ),
    pytest.param(
        "SELECT * WHERE { ?s ?p ?o FILTER EXISTS { SERVICE <" + REMOTE + "> { ?s ?p ?o } } }",
        NO_SERVICE,
        id="service-in-filter-exists",
    ),
    pytest.param(
        "SELECT * WHERE { { SELECT ?s WHERE { SERVICE SILENT <"
        + REMOTE
        + "> { ?s ?p ?o } } } UNION { ?s ?p ?o } }",
        NO_SERVICE,
        id="service-in-subquery-union",
    ),
    pytest.param(
        "CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { SERVICE <" + REMOTE + "> { ?s ?p ?o } } }",
        NO_SERVICE,
        id="service-in-construct-graph",
    ),
    pytest.param(
        "ASK { BIND(<" + REMOTE + "> AS ?e) SERVICE ?e { ?s ?p ?o } }",
        NO_SERVICE,
        id="service-variable-ask",
    ),
    pytest.param(
        "SELECT * WHERE { OPTIONAL { <http://x.org/\\u0041#> ?p ?o } SERVICE <"
        + REMOTE
        + "> { ?s ?p2 ?o2 } }",
        NO_SERVICE,
        id="service-after-escaped-hash-in-iri",
    ),
    pytest.param(
        "PREFIX ex: <http://x.org/>\nSELECT * WHERE { OPTIONAL { ?s ex:a\\#b ?o } SERVICE <"
        + REMOTE
        + "> { ?s ?p2 ?o2 } }",
        NO_SERVICE,
        id="service-after-escaped-hash-in-name",
    ),
    pytest.param(
        "SELECT * WHERE { # a comment ends at CR\rSERVICE <" + REMOTE + "> { ?s ?p ?o } }",
        NO_SERVICE,
        id="service-after-comment-ending-in-cr",
    ),
    pytest.param(
        "SELECT * WHERE { ?s ?p ?o } \\ SERVICE <" + REMOTE + "> { }",
        STRAY_ESCAPE,
        id="stray-backslash",
    ),
]


@pytest.mark.parametrize(("query", "message"), REFUSED_QUERIES)
@pytest.mark.parametrize("how", ["get", "post-form", "post-query"])
def test_sparql_remote_or_file_access_400_nothing_fetched(
    read_only: TestClient,
    listener: tuple[int, list[bytes]],
    query: str,
    message: str,
    how: str,
) -> None:
    port, received = listener
    query = query.replace("{port}", str(port))
    if how == "get":
        response = read_only.get("/sparql", params={"query": query})
    elif how == "post-form":
        response = read_only.post("/sparql", data={"query": query})
    else:
        response = read_only.post("/sparql", content=query, headers=SPARQL_QUERY)
    assert response.status_code == 400
    assert message.replace("{port}", str(port)) in response.json()["detail"]
    assert received == []


def test_listener_sees_what_pyoxigraph_fetches(
    listener: tuple[int, list[bytes]],
) -> None:
    # The refusals above are the only guard: pyoxigraph itself calls SERVICE endpoints.
    port, received = listener
    with pytest.raises(OSError):
        list(ox.Store().query(f"SELECT * WHERE {{ SERVICE <{REMOTE.format(port=port)}> {{ }} }}"))
    assert received and b"/sparql HTTP/1.1" in received[0]


@pytest.mark.parametrize(
    ("update", "message"),
    [
        pytest.param("LOAD <http://127.0.0.1:{port}/data.ttl>", NO_LOAD, id="load"),
        pytest.param(
            "LOAD SILENT <file:///etc/passwd> INTO GRAPH <https://example.org/g>",
            NO_LOAD,
            id="load-file-silent",
        ),
        pytest.param(
            INSERT + " ;\nLOAD <http://127.0.0.1:{port}/data.ttl>", NO_LOAD, id="load-after-insert"
        ),
        pytest.param(
            "# comment\rLOAD <http://127.0.0.1:{port}/data.ttl>", NO_LOAD, id="load-after-cr"
        ),
        pytest.param(
            "INSERT { ?s ?p ?o } WHERE { { OPTIONAL { SERVICE <" + REMOTE + "> { ?s ?p ?o } } } }",
            NO_SERVICE,
            id="service-nested-in-update",
        ),
    ],
)
@pytest.mark.parametrize("path", ["/update", "/sparql"])
def test_sparql_update_load_or_service_400_with_the_token(
    client: TestClient,
    store: Store,
    listener: tuple[int, list[bytes]],
    update: str,
    message: str,
    path: str,
) -> None:
    port, received = listener
    before = _state(store)
    response = client.post(
        path, content=update.replace("{port}", str(port)), headers={**SPARQL_UPDATE, **AUTH}
    )
    assert response.status_code == 400
    assert response.json() == {"detail": message}
    assert _state(store) == before
    assert received == []


@pytest.mark.parametrize(
    ("send", "message"),
    [
        pytest.param(
            lambda c: c.get("/sparql", params={"query": "SELECT ?x WHERE {"}), "error at", id="get"
        ),
        pytest.param(
            lambda c: c.post("/sparql", data={"query": "ASK { ?s ?p }"}), "error at", id="form"
        ),
        pytest.param(
            lambda c: c.post("/sparql", content="SELEKT * {}", headers=SPARQL_QUERY),
            "error at",
            id="query-body",
        ),
        pytest.param(
            lambda c: c.post("/update", content="INSERT DATA { <a:b> }", headers=SPARQL_UPDATE),
            "error at",
            id="update",
        ),
        pytest.param(
            lambda c: c.post("/update", content=b"DROP \xff ALL", headers=SPARQL_UPDATE),
            "not valid UTF-8",
            id="update-not-utf8",
        ),
        pytest.param(
            lambda c: c.get("/sparql", params={"query": " "}), "No SPARQL query given", id="blank"
        ),
        pytest.param(
            # Each of 30,000 quotes once started a scan to the end of the line: minutes of CPU.
            lambda c: c.post("/sparql", content='ASK { "' + '\\"' * 30_000, headers=SPARQL_QUERY),
            'A string opened with " is never closed',
            id="unterminated-string-of-escaped-quotes",
        ),
        pytest.param(
            lambda c: c.post(
                "/update", content="INSERT DATA { <a:s> <a:p> 'x\n' }", headers=SPARQL_UPDATE
            ),
            "A string opened with ' is never closed (or holds a line break",
            id="line-break-in-string",
        ),
    ],
)
def test_sparql_malformed_400_store_unchanged(
    client: TestClient, store: Store, send: Callable[[TestClient], httpx.Response], message: str
) -> None:
    before = _state(store)
    client.headers.update(AUTH)
    response = send(client)
    assert response.status_code == 400
    assert message in response.json()["detail"]
    assert _state(store) == before


# --- user values in lookups are values, never SPARQL ---

INJECTIONS = [
    pytest.param('"} ; DROP ALL ; {"', id="string-breakout"),
    pytest.param("x> <y", id="iri-breakout"),
    pytest.param(">} DROP ALL {<", id="iri-breakout-update"),
    pytest.param("\\u0022 } ; DROP ALL ; { \\u0022", id="unicode-escape-quote"),
    pytest.param("\\u003E DROP ALL \\u003C", id="unicode-escape-iri"),
    pytest.param("') } INSERT DATA { <a:a> <a:b> <a:c> } #", id="insert-breakout"),
    pytest.param("antony-blinken> } UNION { ?s ?p ?o", id="union-breakout"),
    pytest.param("%3E%20DROP%20ALL", id="percent-encoded"),
    pytest.param("\u202eevil\u0000", id="control-characters"),
]
LOOKUPS = [
    pytest.param(lambda v: ("/actors", {"q": v}), id="actors-search"),
    pytest.param(lambda v: (f"/actors/{quote(v, safe='')}", {}), id="actor"),
    pytest.param(lambda v: (f"/actors/{quote(v, safe='')}/affiliations", {}), id="affiliations"),
    pytest.param(lambda v: (f"/actors/{quote(v, safe='')}/meetings", {}), id="meetings"),
    pytest.param(lambda v: ("/graph/paths", {"from": v, "to": "antony-blinken"}), id="paths"),
    pytest.param(lambda v: (f"/graph/ego/{quote(v, safe='')}", {}), id="ego"),
    pytest.param(lambda v: (f"/id/person/{quote(v, safe='')}", {}), id="linked-data"),
    pytest.param(lambda v: (f"/articles/{quote(v, safe='')}", {}), id="article"),
    pytest.param(lambda v: ("/graphs", {"graph": v}), id="graph-store"),
    pytest.param(lambda v: ("/sparql", {"query": "ASK {}", "named-graph-uri": v}), id="dataset"),
]


@pytest.mark.parametrize("lookup", LOOKUPS)
@pytest.mark.parametrize("value", INJECTIONS)
def test_lookup_injection_changes_nothing_4xx_or_empty(
    client: TestClient,
    store: Store,
    lookup: Callable[[str], tuple[str, dict[str, str]]],
    value: str,
) -> None:
    before = _state(store)
    path, params = lookup(value)
    response = client.get(path, params=params, headers=AUTH)
    if response.status_code == 200:
        assert response.json() == {"items": []}
    else:
        assert 400 <= response.status_code < 500
    assert _state(store) == before


def test_linked_data_html_escapes_stored_markup(client: TestClient) -> None:
    person = f"{BASE}person/mallory"
    turtle = (
        f'<{person}> <http://www.w3.org/2000/01/rdf-schema#label> "<script>alert(1)</script>" .'
    )
    put = client.put(
        "/graphs",
        params={"graph": NEW_GRAPH},
        content=turtle,
        headers={"Content-Type": "text/turtle", **AUTH},
    )
    assert put.status_code == 201
    page = client.get("/id/person/mallory", headers={"Accept": "text/html"})
    assert page.status_code == 200
    assert "<script>" not in page.text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page.text


# --- bodies over the limit ---


def _chunks(size: int) -> Iterator[bytes]:
    for _ in range(size // 4096 + 1):
        yield b"#" * 4096


BODY_TYPES = {
    ("POST", "/sparql"): "application/sparql-query",
    ("POST", "/update"): "application/sparql-update",
    ("PUT", "/graphs"): "text/turtle",
    ("POST", "/graphs"): "text/turtle",
    ("POST", "/articles"): "text/plain",
}


def test_body_limit_covers_every_write_route_with_a_body(store: Store) -> None:
    routes = _write_routes(create_app(_settings(TOKEN), store))
    assert routes - set(BODY_TYPES) == {("DELETE", "/graphs")}  # DELETE reads no body


@pytest.mark.parametrize("route", list(BODY_TYPES), ids=" ".join)
@pytest.mark.parametrize("declared", [True, False], ids=["content-length", "chunked"])
def test_body_over_the_limit_413_store_unchanged(
    store: Store, nlp: Language, route: tuple[str, str], declared: bool
) -> None:
    limit = 1024
    app = create_app(_settings(TOKEN, max_body=limit), store, Ingester(nlp, BASE))
    method, path = route
    body = b"#" * (limit + 1) if declared else _chunks(limit)
    before = _state(store)
    with TestClient(app) as client:
        response = client.request(
            method,
            path,
            params={"graph": NEW_GRAPH} if path == "/graphs" else None,
            content=body,
            headers={**AUTH, "Content-Type": BODY_TYPES[route]},
        )
    assert response.status_code == 413
    assert response.json()["detail"].startswith(f"The request body is over the limit of {limit}")
    assert _state(store) == before


# --- errors never show a trace or a path ---


def _leaks(text: str) -> list[str]:
    return [word for word in ("Traceback", "/work", ".py", "File ", "line ") if word in text]


def test_internal_error_500_generic_json(store: Store) -> None:
    app = create_app(_settings(), store)

    def broken() -> Store:
        raise RuntimeError("boom in /work/main/kg/secret.py, line 3")

    app.dependency_overrides[get_store] = broken
    with TestClient(app, raise_server_exceptions=False) as client:
        response = client.get("/actors", params={"q": "blinken"})
    assert response.status_code == 500
    assert response.headers["content-type"] == "application/json"
    assert response.json() == {"detail": INTERNAL_ERROR}
    assert _leaks(response.text) == []


def test_store_error_503_does_not_show_the_store_path(store: Store) -> None:
    app = create_app(_settings(), store)

    def failing() -> Store:
        raise StoreError("Reading the graph store at '/work/main/data/kg' failed: disk I/O")

    app.dependency_overrides[get_store] = failing
    with TestClient(app, raise_server_exceptions=False) as client:
        response = client.get("/health")
    assert response.status_code == 503
    assert response.json() == {"detail": STORE_FAILED}
    assert _leaks(response.text) == []


# --- CORS: off unless configured ---

PREFLIGHT = {
    "Origin": "https://app.example",
    "Access-Control-Request-Method": "POST",
    "Access-Control-Request-Headers": "authorization, content-type",
}


def test_cors_off_by_default(read_only: TestClient) -> None:
    response = read_only.get("/health", headers={"Origin": "https://app.example"})
    assert response.status_code == 200
    assert not [name for name in response.headers if name.startswith("access-control-")]
    assert read_only.options("/update", headers=PREFLIGHT).status_code == 405


def test_cors_configured_origins_only(store: Store) -> None:
    settings = _settings(TOKEN, cors_origins=("https://app.example", "http://localhost:3000"))
    with TestClient(create_app(settings, store)) as client:
        allowed = client.get("/health", headers={"Origin": "https://app.example"})
        other = client.get("/health", headers={"Origin": "https://evil.example"})
        preflight = client.options("/update", headers=PREFLIGHT)
        sparql = client.get(
            "/sparql",
            params={"query": "SELECT * WHERE { ?s ?p ?o }"},
            headers={"Origin": "http://localhost:3000"},
        )
    assert allowed.headers["access-control-allow-origin"] == "https://app.example"
    assert "access-control-allow-origin" not in other.headers
    assert preflight.status_code == 200
    assert preflight.headers["access-control-allow-origin"] == "https://app.example"
    assert "authorization" in preflight.headers["access-control-allow-headers"].lower()
    assert "access-control-allow-credentials" not in preflight.headers
    assert sparql.headers["access-control-expose-headers"] == "X-Newskg-Truncated"


def test_settings_cors_origins_from_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSKG_CORS_ORIGINS", " https://app.example ,http://localhost:3000,")
    assert Settings.from_env().cors_origins == ("https://app.example", "http://localhost:3000")
    monkeypatch.setenv("NEWSKG_CORS_ORIGINS", "")
    assert Settings.from_env().cors_origins == ()


@pytest.mark.parametrize("origin", ["app.example", "https://app.example/", "ftp://x.org"])
def test_settings_cors_origin_not_an_origin(monkeypatch: pytest.MonkeyPatch, origin: str) -> None:
    monkeypatch.setenv("NEWSKG_CORS_ORIGINS", f"https://ok.example,{origin}")
    with pytest.raises(ValueError) as raised:
        Settings.from_env()
    assert str(raised.value) == (
        f"Environment variable NEWSKG_CORS_ORIGINS has value 'https://ok.example,{origin}'. "
        f"CORS origin {origin!r} is not an origin. Write it as http(s)://host[:port] with no "
        "path, like https://example.org or http://localhost:3000, or * for any origin."
    )


def test_settings_limits_from_env(monkeypatch: pytest.MonkeyPatch) -> None:
    limits = {
        "NEWSKG_MAX_DEPTH": "40",
        "NEWSKG_MAX_URL": "8192",
        "NEWSKG_MAX_REQUEST_HEAD": "65536",
        "NEWSKG_RESERVE_WORKERS": "0",
        "NEWSKG_RESERVE_TIMEOUT": "0.5",
    }
    for name, value in limits.items():
        monkeypatch.setenv(name, value)
    settings = Settings.from_env()
    assert (settings.max_depth, settings.max_url, settings.max_request_head) == (40, 8192, 65536)
    assert (settings.reserve_workers, settings.reserve_timeout) == (0, 0.5)


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [
        pytest.param("NEWSKG_MAX_DEPTH", "0", "It must be positive.", id="depth"),
        pytest.param("NEWSKG_RESERVE_WORKERS", "-1", "It must be 0 or more.", id="reserve"),
        pytest.param(
            "NEWSKG_MAX_REQUEST_HEAD",
            "1000",
            "Setting max_request_head (1000) must be larger than max_url (65536)",
            id="head-under-url",
        ),
    ],
)
def test_settings_limit_refused_naming_the_value(
    monkeypatch: pytest.MonkeyPatch, name: str, value: str, message: str
) -> None:
    monkeypatch.setenv(name, value)
    with pytest.raises(ValueError, match=re.escape(message)):
        Settings.from_env()


def test_cli_serve_passes_the_request_head_limit_to_uvicorn(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import uvicorn

    monkeypatch.setenv("NEWSKG_MAX_REQUEST_HEAD", "3000000")
    options: list[dict[str, object]] = []
    monkeypatch.setattr(uvicorn, "run", lambda *a, **k: options.append(k))
    assert kg_main(["serve", "--store", "memory:"]) == 0
    assert options[0]["h11_max_incomplete_event_size"] == 3_000_000


def test_cli_serve_cors_origin_option(monkeypatch: pytest.MonkeyPatch) -> None:
    import uvicorn

    for name in ("NEWSKG_CORS_ORIGINS", "NEWSKG_STORE", "NEWSKG_BASE_IRI"):
        monkeypatch.delenv(name, raising=False)
    served: list[Settings] = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **k: served.append(app.state.settings))
    argv = ["serve", "--store", "memory:", "--cors-origin", "https://a.example"]
    assert kg_main([*argv, "--cors-origin", "http://localhost:3000"]) == 0
    assert served[0].cors_origins == ("https://a.example", "http://localhost:3000")


def test_cli_serve_cors_origin_refused(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        kg_main(["serve", "--cors-origin", "a.example"])
    assert exited.value.code == 2
    assert "argument --cors-origin: CORS origin 'a.example' is not an origin" in (
        capsys.readouterr().err
    )


# --- limits under attack, on a live server with killable query workers ---

TIMEOUT_S = 2
MAX_ROWS = 50
CROSS_PRODUCT = (  # the whole graph six times over: more rows than any limit allows to count
    "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n2 ?o . "
    "?p ?q ?r }"
)
WHO_MET = (
    "SELECT ?a WHERE { ?x <https://w3id.org/newskg/ontology#met> ?y . "
    "?x <http://www.w3.org/2000/01/rdf-schema#label> ?a } ORDER BY ?a"
)


@pytest.fixture(scope="module")
def live(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """uvicorn over an on-disk copy of the fixture graph: 2 s limit, 50 rows, 2 workers."""
    path = tmp_path_factory.mktemp("security") / "kg"
    with _fixture_store() as source:
        disk = ox.Store(str(path))
        disk.load(source.export("nquads"), format=ox.RdfFormat.N_QUADS)
        disk.flush()
        del disk
    env = os.environ | {
        "NEWSKG_STORE": str(path),
        "NEWSKG_QUERY_TIMEOUT": str(TIMEOUT_S),
        "NEWSKG_MAX_ROWS": str(MAX_ROWS),
        "NEWSKG_QUERY_WORKERS": "2",
        "NEWSKG_TOKEN": "",
    }
    with serving(env) as (url, _):
        yield url


def _rows(response: httpx.Response) -> list[str]:
    return [row["a"]["value"] for row in response.json()["results"]["bindings"]]


def test_cross_product_cut_at_the_time_limit_while_a_normal_query_answers(live: str) -> None:
    async def race() -> list[tuple[str, int, httpx.Response]]:
        finished: list[tuple[str, int, httpx.Response]] = []
        async with httpx.AsyncClient(base_url=live, timeout=60) as http:

            async def send(name: str, query: str, delay: float) -> None:
                await asyncio.sleep(delay)
                response = await http.get("/sparql", params={"query": query})
                finished.append((name, len(finished), response))

            await asyncio.gather(
                send("attack", CROSS_PRODUCT, 0),
                send("normal", WHO_MET, 0.3),
                send("normal-later", WHO_MET, 0.6),
            )
        return finished

    finished = asyncio.run(race())
    order = [name for name, _, _ in finished]
    responses = {name: response for name, _, response in finished}
    assert responses["attack"].status_code == 503
    assert responses["attack"].json() == {
        "detail": f"The query took longer than {TIMEOUT_S} s and was stopped; "
        "add LIMIT or narrow it."
    }
    for name in ("normal", "normal-later"):
        assert responses[name].status_code == 200
        assert _rows(responses[name]) == ["Antony Blinken", "Mahmoud Abbas"]
    assert order[-1] == "attack"  # both normal queries answered before the attack was cut
    after = httpx.get(f"{live}/sparql", params={"query": WHO_MET}, timeout=30)
    assert after.status_code == 200  # the killed worker was replaced


@pytest.mark.parametrize(
    ("query", "format"),
    [
        pytest.param("SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }", "json", id="select"),
        pytest.param(
            "CONSTRUCT { ?a ?b ?f } WHERE { ?a ?b ?c . ?d ?e ?f }", "ntriples", id="construct"
        ),
    ],
)
def test_cross_product_results_cut_at_the_row_limit(live: str, query: str, format: str) -> None:
    response = httpx.get(f"{live}/sparql", params={"query": query, "format": format}, timeout=30)
    assert response.status_code == 200
    assert response.headers["x-newskg-truncated"] == "true"
    if format == "json":
        assert len(response.json()["results"]["bindings"]) == MAX_ROWS
    else:
        assert len(response.text.strip().splitlines()) == MAX_ROWS
