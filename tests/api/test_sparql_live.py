"""The SPARQL endpoint and Graph Store as real clients see them: uvicorn on 127.0.0.1 over the seed.

Two servers run over on-disk copies of the seed graph: a read-only one (no token) and a writable
one (NEWSKG_TOKEN set). Both have a 2 s query time limit, 100 result rows and 64 KiB bodies.
"""

from __future__ import annotations

import asyncio
import csv
import io
import json
import os
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pyoxigraph as ox
import pytest
from rdflib import Graph, Namespace, URIRef
from rdflib.compare import isomorphic
from rdflib.plugins.stores.sparqlstore import SPARQLStore
from SPARQLWrapper import JSON, XML, SPARQLWrapper

from kg.store import Store
from tests.servers import free_port, start_api, wait_until_up

TOKEN = "live-test-token"
TIMEOUT_S = 2
MAX_ROWS = 100
MAX_BODY = 64 * 1024
KG = "https://w3id.org/newskg/ontology#"
SD = Namespace("http://www.w3.org/ns/sparql-service-description#")
PREFIXES = f"PREFIX kg: <{KG}>\nPREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
WHO_MET_WHOM = (
    PREFIXES + "SELECT ?a ?b WHERE { ?x kg:met ?y . ?x rdfs:label ?a . ?y rdfs:label ?b . "
    "FILTER(?a < ?b) } ORDER BY ?a ?b"
)
MET_PAIRS = [
    ("Antony Blinken", "Benjamin Netanyahu"),
    ("Antony Blinken", "Mahmoud Abbas"),
    ("Antony Blinken", "Yair Lapid"),
    ("Antony Blinken", "Yoav Gallant"),
]
MEETINGS_GRAPH = PREFIXES + "CONSTRUCT { ?a kg:met ?b } WHERE { ?a kg:met ?b }"
EXPENSIVE = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
NEW_GRAPH = "https://example.org/graph/live-test"
TRIPLE_TTL = b'<https://example.org/s> <https://example.org/p> "one" .'
OTHER_TTL = b'<https://example.org/s> <https://example.org/p> "two" .'
AUTH = {"Authorization": f"Bearer {TOKEN}"}
SPARQL_JSON = "application/sparql-results+json"


@dataclass(frozen=True)
class Server:
    """A running server: its base URL and the article graph it holds."""

    url: str
    article: str

    @property
    def sparql(self) -> str:
        return f"{self.url}/sparql"


def _disk_copy(seed_store: Store, path: Path) -> None:
    store = ox.Store(str(path))
    store.load(seed_store.export("nquads"), format=ox.RdfFormat.N_QUADS)
    store.flush()
    del store


@pytest.fixture(scope="module")
def servers(
    seed_store: Store, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[dict[str, Server]]:
    """`ro` (writes off) and `rw` (token set) servers over copies of the seed graph."""
    (article,) = seed_store.graphs()
    processes: list[subprocess.Popen[bytes]] = []
    running: dict[str, Server] = {}
    try:
        for name, token in (("ro", None), ("rw", TOKEN)):
            path = tmp_path_factory.mktemp(name) / "kg"
            _disk_copy(seed_store, path)
            port = free_port()
            env = os.environ | {
                "NEWSKG_STORE": str(path),
                "NEWSKG_QUERY_TIMEOUT": str(TIMEOUT_S),
                "NEWSKG_MAX_ROWS": str(MAX_ROWS),
                "NEWSKG_MAX_BODY": str(MAX_BODY),
                "NEWSKG_QUERY_WORKERS": "2",
                "NEWSKG_TOKEN": token or "",
            }
            processes.append(start_api(port, env))
            running[name] = Server(f"http://127.0.0.1:{port}", article)
        for server, process in zip(running.values(), processes, strict=True):
            wait_until_up(server.url, process)
        yield running
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            process.wait(timeout=30)


@pytest.fixture(scope="module")
def ro(servers: dict[str, Server]) -> Server:
    return servers["ro"]


@pytest.fixture(scope="module")
def rw(servers: dict[str, Server]) -> Server:
    return servers["rw"]


def _pairs(body: dict) -> list[tuple[str, str]]:
    return [(row["a"]["value"], row["b"]["value"]) for row in body["results"]["bindings"]]


def _get(server: Server, query: str, headers: dict[str, str] | None = None, **params: str):
    return httpx.get(server.sparql, params={"query": query, **params}, headers=headers, timeout=30)


# --- query results in every format ---


@pytest.mark.parametrize(
    ("accept", "format", "media"),
    [
        pytest.param(None, None, SPARQL_JSON, id="default-json"),
        pytest.param(
            "application/sparql-results+xml",
            None,
            "application/sparql-results+xml",
            id="accept-xml",
        ),
        pytest.param("text/csv", None, "text/csv", id="accept-csv"),
        pytest.param(
            "text/tab-separated-values", None, "text/tab-separated-values", id="accept-tsv"
        ),
        pytest.param(
            "text/csv;q=0.5, application/sparql-results+xml",
            None,
            "application/sparql-results+xml",
            id="q-values",
        ),
        pytest.param("text/turtle, text/csv;q=0.1", None, "text/csv", id="graph-type-skipped"),
        pytest.param("image/png", "json", SPARQL_JSON, id="format-over-accept"),
        pytest.param(None, "xml", "application/sparql-results+xml", id="format-xml"),
        pytest.param(None, "csv", "text/csv", id="format-csv"),
        pytest.param(None, "tsv", "text/tab-separated-values", id="format-tsv"),
    ],
)
def test_select_formats_hold_the_same_rows(
    ro: Server, accept: str | None, format: str | None, media: str
) -> None:
    headers = {"Accept": accept} if accept else None
    params = {"format": format} if format else {}
    response = _get(ro, WHO_MET_WHOM, headers, **params)
    assert response.status_code == 200
    assert response.headers["content-type"].split(";")[0] == media
    if media == "text/csv":
        rows = list(csv.reader(io.StringIO(response.text)))
        assert rows[0] == ["a", "b"]
        assert [tuple(row) for row in rows[1:]] == MET_PAIRS
        return
    fmt = {
        SPARQL_JSON: ox.QueryResultsFormat.JSON,
        "application/sparql-results+xml": ox.QueryResultsFormat.XML,
        "text/tab-separated-values": ox.QueryResultsFormat.TSV,
    }[media]
    solutions = ox.parse_query_results(response.content, fmt)
    assert [(row["a"].value, row["b"].value) for row in solutions] == MET_PAIRS


@pytest.mark.parametrize("format", ["json", "xml", "csv", "tsv"])
def test_ask_formats(ro: Server, format: str) -> None:
    response = _get(ro, PREFIXES + "ASK { ?a kg:met ?b }", format=format)
    assert response.status_code == 200
    if format == "csv":
        assert response.text.strip() == "true"
        return
    fmt = {
        "json": ox.QueryResultsFormat.JSON,
        "xml": ox.QueryResultsFormat.XML,
        "tsv": ox.QueryResultsFormat.TSV,
    }[format]
    assert bool(ox.parse_query_results(response.content, fmt)) is True


@pytest.mark.parametrize(
    ("accept", "format", "media", "rdflib_format"),
    [
        pytest.param(None, None, "text/turtle", "turtle", id="default-turtle"),
        pytest.param(
            "application/n-triples", None, "application/n-triples", "nt", id="accept-ntriples"
        ),
        pytest.param(
            "application/ld+json", None, "application/ld+json", "json-ld", id="accept-jsonld"
        ),
        pytest.param("application/rdf+xml", None, "application/rdf+xml", "xml", id="accept-rdfxml"),
        pytest.param(None, "ntriples", "application/n-triples", "nt", id="format-ntriples"),
        pytest.param(None, "jsonld", "application/ld+json", "json-ld", id="format-jsonld"),
        pytest.param(None, "rdfxml", "application/rdf+xml", "xml", id="format-rdfxml"),
    ],
)
def test_construct_formats_hold_the_same_graph(
    ro: Server, accept: str | None, format: str | None, media: str, rdflib_format: str
) -> None:
    headers = {"Accept": accept} if accept else None
    params = {"format": format} if format else {}
    response = _get(ro, MEETINGS_GRAPH, headers, **params)
    assert response.status_code == 200
    assert response.headers["content-type"].split(";")[0] == media
    graph = Graph().parse(data=response.content, format=rdflib_format)
    turtle = Graph().parse(data=_get(ro, MEETINGS_GRAPH).content, format="turtle")
    assert len(graph) == 2 * len(MET_PAIRS)
    assert isomorphic(graph, turtle)


@pytest.mark.parametrize(
    "send",
    [
        pytest.param(lambda s: httpx.post(s.sparql, data={"query": WHO_MET_WHOM}), id="form"),
        pytest.param(
            lambda s: httpx.post(
                s.sparql,
                content=WHO_MET_WHOM,
                headers={"Content-Type": "application/sparql-query"},
            ),
            id="sparql-query",
        ),
    ],
)
def test_post_query(ro: Server, send) -> None:
    response = send(ro)
    assert response.status_code == 200
    assert _pairs(response.json()) == MET_PAIRS


# --- the dataset ---

GRAPHS_WITH_MEETINGS = PREFIXES + "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?a kg:met ?b } }"


def test_default_graph_uri_selects_the_default_graph(ro: Server) -> None:
    response = httpx.get(ro.sparql, params={"query": WHO_MET_WHOM, "default-graph-uri": ro.article})
    assert _pairs(response.json()) == MET_PAIRS


def test_named_graph_uri_only_leaves_the_default_graph_empty(ro: Server) -> None:
    params = {"query": WHO_MET_WHOM, "named-graph-uri": ro.article}
    assert _pairs(httpx.get(ro.sparql, params=params).json()) == []
    params["query"] = GRAPHS_WITH_MEETINGS
    rows = httpx.get(ro.sparql, params=params).json()["results"]["bindings"]
    assert [row["g"]["value"] for row in rows] == [ro.article]


def test_dataset_params_in_the_url_of_a_sparql_query_post(ro: Server) -> None:
    response = httpx.post(
        ro.sparql,
        params={"named-graph-uri": ro.article},
        content=WHO_MET_WHOM,
        headers={"Content-Type": "application/sparql-query"},
    )
    assert _pairs(response.json()) == []


def test_dataset_params_repeated_in_a_form(ro: Server) -> None:
    response = httpx.post(
        ro.sparql,
        data={"query": GRAPHS_WITH_MEETINGS, "named-graph-uri": [ro.article, ro.article]},
    )
    assert [row["g"]["value"] for row in response.json()["results"]["bindings"]] == [ro.article]


def test_from_a_graph_in_the_store(ro: Server) -> None:
    query = WHO_MET_WHOM.replace("SELECT ?a ?b", f"SELECT ?a ?b FROM <{ro.article}>")
    assert _pairs(_get(ro, query).json()) == MET_PAIRS


def test_service_keyword_inside_text_is_not_a_service_clause(ro: Server) -> None:
    query = (
        "# SERVICE <http://example.org/sparql> in a comment\n"
        "SELECT ?x WHERE { BIND('SERVICE <http://example.org/> FROM <file:///etc/passwd>' AS ?x) }"
    )
    response = _get(ro, query)
    assert response.status_code == 200
    assert response.json()["results"]["bindings"][0]["x"]["value"].startswith("SERVICE")


@pytest.mark.parametrize(
    ("query", "params", "message"),
    [
        pytest.param(
            "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }",
            {},
            "SERVICE is refused",
            id="service",
        ),
        pytest.param(
            "SELECT * WHERE { service silent ?endpoint { ?s ?p ?o } }",
            {},
            "SERVICE is refused",
            id="service-silent-variable",
        ),
        pytest.param(
            "SELECT * FROM <http://example.org/remote.ttl> WHERE { ?s ?p ?o }",
            {},
            "FROM <http://example.org/remote.ttl> is not a graph in this store",
            id="from-remote",
        ),
        pytest.param(
            "PREFIX f: <file:///etc/>\nSELECT * FROM NAMED f:passwd WHERE { ?s ?p ?o }",
            {},
            "FROM <file:///etc/passwd> is not a graph in this store",
            id="from-named-file-prefixed",
        ),
        pytest.param(
            "BASE <file:///etc/>\nSELECT * FROM <passwd> WHERE { ?s ?p ?o }",
            {},
            "FROM <file:///etc/passwd> is not a graph in this store",
            id="from-relative-to-base",
        ),
        pytest.param(
            "SELECT ?x WHERE {",
            {},
            "SPARQL syntax error at line 1, column 18, after 'SELECT ?x WHERE {': expected",
            id="malformed",
        ),
        pytest.param(
            "SELECT * WHERE { ?s ?p ?o }",
            {"named-graph-uri": "not an iri"},
            "named-graph-uri 'not an iri' is not an absolute IRI",
            id="graph-not-an-iri",
        ),
    ],
)
def test_refused_queries_400(ro: Server, query: str, params: dict, message: str) -> None:
    response = httpx.get(ro.sparql, params={"query": query, **params})
    assert response.status_code == 400
    assert message in response.json()["detail"]


# --- limits and errors ---


def test_rows_past_the_limit_are_cut_and_flagged(ro: Server) -> None:
    response = _get(ro, "SELECT * WHERE { ?s ?p ?o }")
    assert response.status_code == 200
    assert response.headers["x-newskg-truncated"] == "true"
    assert len(response.json()["results"]["bindings"]) == MAX_ROWS


def test_construct_past_the_limit_is_cut_and_flagged(ro: Server) -> None:
    response = _get(ro, "CONSTRUCT WHERE { ?s ?p ?o }", format="ntriples")
    assert response.headers["x-newskg-truncated"] == "true"
    assert len(Graph().parse(data=response.text, format="nt")) == MAX_ROWS


def test_rows_within_the_limit_are_not_flagged(ro: Server) -> None:
    assert "x-newskg-truncated" not in _get(ro, WHO_MET_WHOM).headers


@pytest.mark.parametrize(
    ("query", "accept", "format", "message"),
    [
        pytest.param(WHO_MET_WHOM, "image/png", None, "Cannot answer with any type", id="image"),
        pytest.param(WHO_MET_WHOM, "text/turtle", None, "can hold SELECT", id="select-turtle"),
        pytest.param(MEETINGS_GRAPH, None, "csv", "can hold CONSTRUCT", id="construct-csv"),
        pytest.param(WHO_MET_WHOM, None, "yaml", "Unknown format 'yaml'", id="unknown-format"),
    ],
)
def test_unsupported_type_406_lists_supported(
    ro: Server, query: str, accept: str | None, format: str | None, message: str
) -> None:
    params = {"format": format} if format else {}
    response = _get(ro, query, {"Accept": accept} if accept else None, **params)
    assert response.status_code == 406
    detail = response.json()["detail"]
    assert message in detail
    assert "json" in detail


def test_body_over_the_limit_413(ro: Server) -> None:
    query = "SELECT * WHERE { ?s ?p ?o } #" + "x" * MAX_BODY
    response = httpx.post(
        ro.sparql, content=query, headers={"Content-Type": "application/sparql-query"}
    )
    assert response.status_code == 413
    assert f"limit of {MAX_BODY} bytes" in response.json()["detail"]


def test_unknown_body_type_415(ro: Server) -> None:
    response = httpx.post(ro.sparql, content="ASK {}", headers={"Content-Type": "text/plain"})
    assert response.status_code == 415


def test_expensive_query_stopped_while_a_cheap_one_answers(ro: Server) -> None:
    async def race() -> list[tuple[str, httpx.Response, float]]:
        async with httpx.AsyncClient(timeout=60) as client:
            started = time.monotonic()

            async def send(name: str, query: str, delay: float):
                await asyncio.sleep(delay)
                response = await client.get(ro.sparql, params={"query": query})
                return name, response, time.monotonic() - started

            return await asyncio.gather(
                send("expensive", EXPENSIVE, 0), send("cheap", WHO_MET_WHOM, 0.3)
            )

    (_, slow, slow_done), (_, cheap, cheap_done) = asyncio.run(race())
    assert slow.status_code == 503
    assert slow.json() == {
        "detail": f"The query took longer than {TIMEOUT_S} s and was stopped; "
        "add LIMIT or narrow it."
    }
    assert cheap.status_code == 200
    assert _pairs(cheap.json()) == MET_PAIRS
    # The cheap query did not wait for the expensive one to be stopped.
    assert cheap_done < slow_done
    # And the server goes on answering after the stopped worker was replaced.
    for _ in range(4):
        assert _get(ro, WHO_MET_WHOM).status_code == 200


# --- the query page and the service description ---


def test_browser_gets_the_query_page(ro: Server) -> None:
    response = httpx.get(ro.sparql, headers={"Accept": "text/html,*/*;q=0.8"})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    assert '<main id="yasgui"></main>' in response.text  # the editor, YASGUI
    assert '<script src="/static/sparql.js"></script>' in response.text  # no inline script
    assert "<script>" not in response.text
    script = httpx.get(f"{ro.url}/static/sparql.js").text
    assert "kg:met" in script  # the examples
    for text in (response.text, script):
        assert "http://" not in text.replace("http://www.w3.org/", "")  # no CDN
        assert "https://" not in text


@pytest.mark.parametrize("accept", [None, "text/turtle", "*/*"])
def test_client_gets_the_service_description(ro: Server, accept: str | None) -> None:
    response = httpx.get(ro.sparql, headers={"Accept": accept} if accept else {})
    assert response.headers["content-type"].startswith("text/turtle")
    graph = Graph().parse(data=response.text, format="turtle")
    service = URIRef(ro.sparql)
    assert (service, SD.endpoint, service) in graph
    assert (service, SD.feature, SD.UnionDefaultGraph) in graph
    assert (service, SD.supportedLanguage, SD.SPARQL11Update) not in graph
    formats = {str(o).rsplit("/", 1)[1] for o in graph.objects(service, SD.resultFormat)}
    assert formats >= {"SPARQL_Results_JSON", "SPARQL_Results_CSV", "Turtle", "JSON-LD"}
    assert graph.value(service, SD.defaultDataset) is not None


def test_writable_service_description_says_update(rw: Server) -> None:
    graph = Graph().parse(data=httpx.get(rw.sparql).text, format="turtle")
    assert (URIRef(rw.sparql), SD.supportedLanguage, SD.SPARQL11Update) in graph


# --- real clients ---


@pytest.mark.parametrize("return_format", [JSON, XML])
def test_sparqlwrapper_select(ro: Server, return_format: str) -> None:
    client = SPARQLWrapper(ro.sparql)
    client.setQuery(WHO_MET_WHOM)
    client.setReturnFormat(return_format)
    result = client.query().convert()
    if return_format == JSON:
        assert _pairs(result) == MET_PAIRS
    else:
        values = [b.firstChild.firstChild.data for b in result.getElementsByTagName("binding")]
        assert list(zip(values[::2], values[1::2], strict=True)) == MET_PAIRS


def test_sparqlwrapper_construct(ro: Server) -> None:
    client = SPARQLWrapper(ro.sparql)
    client.setQuery(MEETINGS_GRAPH)
    graph = client.queryAndConvert()
    assert isinstance(graph, Graph)
    assert len(graph) == 2 * len(MET_PAIRS)


def test_rdflib_sparqlstore_who_met_whom(ro: Server) -> None:
    graph = Graph(store=SPARQLStore(ro.sparql))
    rows = [(str(a), str(b)) for a, b in graph.query(WHO_MET_WHOM)]
    assert rows == MET_PAIRS


# --- writes: SPARQL Update and the Graph Store Protocol ---

INSERT = (
    f"INSERT DATA {{ GRAPH <{NEW_GRAPH}> "
    f"{{ <https://example.org/u> <{KG}met> <https://example.org/v> }} }}"
)


def _update(server: Server, text: str, headers: dict[str, str] | None = None, path="/update"):
    return httpx.post(
        f"{server.url}{path}",
        content=text,
        headers={"Content-Type": "application/sparql-update", **(headers or {})},
    )


WRITES = [
    pytest.param(lambda s, h: _update(s, INSERT, h), id="update"),
    pytest.param(lambda s, h: _update(s, INSERT, h, path="/sparql"), id="update-at-sparql"),
    pytest.param(
        lambda s, h: httpx.post(f"{s.url}/update", data={"update": INSERT}, headers=h),
        id="update-form",
    ),
    pytest.param(
        lambda s, h: httpx.put(
            f"{s.url}/graphs",
            params={"graph": NEW_GRAPH},
            content=TRIPLE_TTL,
            headers={"Content-Type": "text/turtle", **h},
        ),
        id="gsp-put",
    ),
    pytest.param(
        lambda s, h: httpx.post(
            f"{s.url}/graphs",
            params={"graph": NEW_GRAPH},
            content=TRIPLE_TTL,
            headers={"Content-Type": "text/turtle", **h},
        ),
        id="gsp-post",
    ),
    pytest.param(
        lambda s, h: httpx.delete(f"{s.url}/graphs", params={"graph": s.article}, headers=h),
        id="gsp-delete",
    ),
]


@pytest.mark.parametrize("write", WRITES)
def test_write_without_a_configured_token_403(ro: Server, write) -> None:
    before = httpx.get(f"{ro.url}/health").json()
    response = write(ro, AUTH)
    assert response.status_code == 403
    assert response.json()["detail"].startswith("Writes are disabled: set NEWSKG_TOKEN")
    assert httpx.get(f"{ro.url}/health").json() == before


@pytest.mark.parametrize("headers", [{}, {"Authorization": "Bearer nope"}], ids=["none", "wrong"])
@pytest.mark.parametrize("write", WRITES)
def test_write_with_a_missing_or_wrong_token_401(rw: Server, write, headers: dict) -> None:
    before = httpx.get(f"{rw.url}/health").json()
    response = write(rw, headers)
    assert response.status_code == 401
    assert response.headers["www-authenticate"] == "Bearer"
    assert httpx.get(f"{rw.url}/health").json() == before


def _count(server: Server, graph: str) -> int:
    query = f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}"
    return int(_get(server, query).json()["results"]["bindings"][0]["n"]["value"])


def test_update_with_the_token_is_seen_by_the_next_query(rw: Server) -> None:
    assert _update(rw, INSERT, AUTH).status_code == 204
    assert _count(rw, NEW_GRAPH) == 1
    deleted = _update(rw, f"DROP GRAPH <{NEW_GRAPH}>", AUTH, path="/sparql")
    assert deleted.status_code == 204
    assert _count(rw, NEW_GRAPH) == 0


@pytest.mark.parametrize(
    ("update", "message"),
    [
        pytest.param("LOAD <http://127.0.0.1:9/data.ttl>", "LOAD is refused", id="load"),
        pytest.param(
            "LOAD <file:///etc/passwd> INTO GRAPH <https://example.org/g>",
            "LOAD is refused",
            id="load-file",
        ),
        pytest.param(
            "INSERT { ?s ?p ?o } WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }",
            "SERVICE is refused",
            id="service",
        ),
        pytest.param("INSERT DATA { <a:b> }", "error at", id="malformed"),
    ],
)
def test_refused_updates_400(rw: Server, update: str, message: str) -> None:
    response = _update(rw, update, AUTH)
    assert response.status_code == 400
    assert message in response.json()["detail"]


def test_graph_store_lifecycle_with_the_token(rw: Server) -> None:
    url = f"{rw.url}/graphs"
    graph = {"graph": NEW_GRAPH}
    turtle = {"Content-Type": "text/turtle", **AUTH}
    assert httpx.get(url, params=graph).status_code == 404
    assert httpx.put(url, params=graph, content=TRIPLE_TTL, headers=turtle).status_code == 201
    assert _count(rw, NEW_GRAPH) == 1
    assert httpx.post(url, params=graph, content=OTHER_TTL, headers=turtle).status_code == 204
    assert _count(rw, NEW_GRAPH) == 2
    replaced = httpx.put(url, params=graph, content=OTHER_TTL, headers=turtle)
    assert replaced.status_code == 204
    got = httpx.get(url, params=graph, headers={"Accept": "application/n-triples"})
    assert got.headers["content-type"] == "application/n-triples"
    assert isomorphic(
        Graph().parse(data=got.text, format="nt"), Graph().parse(data=OTHER_TTL, format="turtle")
    )
    assert httpx.delete(url, params=graph, headers=AUTH).status_code == 204
    assert httpx.get(url, params=graph).status_code == 404
    assert httpx.delete(url, params=graph, headers=AUTH).status_code == 404
    assert _count(rw, NEW_GRAPH) == 0


@pytest.mark.parametrize(
    ("content_type", "body"),
    [
        pytest.param("application/n-triples", TRIPLE_TTL, id="ntriples"),
        pytest.param(
            "application/rdf+xml",
            b'<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
            b'<rdf:Description rdf:about="https://example.org/s">'
            b'<p xmlns="https://example.org/">one</p></rdf:Description></rdf:RDF>',
            id="rdfxml",
        ),
        pytest.param(
            "application/ld+json",
            json.dumps({"@id": "https://example.org/s", "https://example.org/p": "one"}).encode(),
            id="jsonld",
        ),
    ],
)
def test_graph_store_put_formats(rw: Server, content_type: str, body: bytes) -> None:
    url = f"{rw.url}/graphs"
    graph = {"graph": f"{NEW_GRAPH}/{content_type.split('/')[1]}"}
    put = httpx.put(url, params=graph, content=body, headers={"Content-Type": content_type, **AUTH})
    assert put.status_code == 201
    got = Graph().parse(data=httpx.get(url, params=graph).text, format="turtle")
    assert isomorphic(got, Graph().parse(data=TRIPLE_TTL, format="turtle"))
    assert httpx.delete(url, params=graph, headers=AUTH).status_code == 204


@pytest.mark.parametrize(
    ("content_type", "body", "status", "message"),
    [
        pytest.param("text/turtle", b"<a> <b> .", 400, "does not parse", id="bad-turtle"),
        pytest.param("text/csv", b"a,b", 415, "text/turtle", id="csv"),
        pytest.param("text/turtle", b"#" * (MAX_BODY + 1), 413, "limit", id="too-large"),
    ],
)
def test_graph_store_bad_bodies(
    rw: Server, content_type: str, body: bytes, status: int, message: str
) -> None:
    response = httpx.put(
        f"{rw.url}/graphs",
        params={"graph": NEW_GRAPH},
        content=body,
        headers={"Content-Type": content_type, **AUTH},
    )
    assert response.status_code == status
    assert message in response.json()["detail"]
    assert httpx.get(f"{rw.url}/graphs", params={"graph": NEW_GRAPH}).status_code == 404


def test_graph_store_get_article_graph_is_the_articles_triples(ro: Server) -> None:
    response = httpx.get(f"{ro.url}/graphs", params={"graph": ro.article})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/turtle")
    construct = f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{ro.article}> {{ ?s ?p ?o }} }}"
    expected = httpx.get(ro.sparql, params={"query": construct, "format": "turtle"})
    assert expected.headers.get("x-newskg-truncated") == "true"  # over 100 triples
    got = Graph().parse(data=response.text, format="turtle")
    assert len(got) == httpx.get(f"{ro.url}/health").json()["triples"]


@pytest.mark.parametrize(
    ("params", "status"),
    [
        pytest.param({}, 400, id="no-graph"),
        pytest.param({"graph": NEW_GRAPH, "default": ""}, 400, id="both"),
        pytest.param({"graph": "no iri"}, 400, id="not-an-iri"),
        pytest.param({"default": ""}, 200, id="default-graph"),
    ],
)
def test_graph_store_get_addressing(ro: Server, params: dict, status: int) -> None:
    assert httpx.get(f"{ro.url}/graphs", params=params).status_code == status
