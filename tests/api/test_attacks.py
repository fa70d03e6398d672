"""Attacks from issue 15, each on a server of its own (uvicorn on 127.0.0.1 over an on-disk
store, writes enabled): every one gets a 4xx naming what was wrong, and the server still answers
afterwards. Before the checks, the nested ones ended the process with SIGSEGV."""

from __future__ import annotations

import asyncio
import json
import os
import socket
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import pytest
from rdflib import Literal, URIRef

from kg.bodies import NO_DTD
from kg.settings import DEFAULT_MAX_DEPTH, DEFAULT_MAX_URL
from kg.store import Store
from tests.conftest import mini_store
from tests.servers import serving

TOKEN = "attack-token"
GRAPH = "https://example.org/graph/attack"
BELL_GRAPH = "https://example.org/graph/bell"
DEEP = 10_000
OVER_DEPTH = f"over the limit of {DEFAULT_MAX_DEPTH} (NEWSKG_MAX_DEPTH)"
NOT_UTF8 = "is not UTF-8 once percent-decoded (byte 0xFF"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
WHO_MET = (
    "SELECT ?a WHERE { ?x <https://w3id.org/newskg/ontology#met> ?y . "
    "?x <http://www.w3.org/2000/01/rdf-schema#label> ?a } ORDER BY ?a"
)
LAUGHS = (
    '<?xml version="1.0"?>\n<!DOCTYPE r [\n<!ENTITY a0 "ha">\n'
    + "".join(f'<!ENTITY a{i} "{f"&a{i - 1};" * 10}">\n' for i in range(1, 8))
    + f']>\n<rdf:RDF xmlns:rdf="{RDF}" xmlns:e="http://e.example/">'
    '<rdf:Description rdf:about="http://e.example/s"><e:p>&a7;</e:p></rdf:Description></rdf:RDF>'
).encode()


@dataclass(frozen=True)
class Attack:
    """One request, the status it must get, and words its body must hold."""

    method: str
    path: str
    status: int
    says: str
    content: bytes | None = None
    content_type: str | None = None
    params: dict[str, str] = field(default_factory=dict)


def _nested(open_: str, middle: str, close: str, depth: int = DEEP) -> str:
    return open_ * depth + middle + close * depth


def _put(content: str | bytes, content_type: str, says: str = OVER_DEPTH) -> Attack:
    """A Graph Store PUT of `content`, to be refused with 400."""
    data = content.encode() if isinstance(content, str) else content
    return Attack("PUT", f"/graphs?graph={GRAPH}", 400, says, data, content_type)


def _post(path: str, content: str, content_type: str, says: str, status: int = 400) -> Attack:
    """A POST of `content` to `path`, to be refused with `status`."""
    return Attack("POST", path, status, says, content.encode(), content_type)


def _get(path: str, says: str, status: int = 400, **params: str) -> Attack:
    """A GET of `path` with `params`, to be refused with `status`."""
    return Attack("GET", path, status, says, params=params)


DEEP_PARENTHESES = f"FILTER({_nested('(', '1', ')')})"
S_P = "<http://e.example/s> <http://e.example/p>"
ATTACKS = [
    pytest.param(
        _get("/sparql", OVER_DEPTH, query=f"SELECT * WHERE {{ {DEEP_PARENTHESES} }}"),
        id="query-nested-parentheses",
    ),
    pytest.param(
        _post(
            "/sparql",
            f"SELECT * WHERE {{ ?s ?p {_nested(f'<< {S_P} ', '1', ' >>')} }}",
            "application/sparql-query",
            OVER_DEPTH,
        ),
        id="query-nested-triple-terms",
    ),
    pytest.param(
        _post(
            "/update",
            f"DELETE {{ ?s ?p ?o }} WHERE {{ {DEEP_PARENTHESES} }}",
            "application/sparql-update",
            OVER_DEPTH,
        ),
        id="update-nested-parentheses",
    ),
    pytest.param(
        _put(f"{S_P} {_nested('[ <http://e.example/p> ', '1', ' ]')} .", "text/turtle"),
        id="turtle-nested-blank-nodes",
    ),
    pytest.param(
        _put(f"{S_P} {_nested(f'<<( {S_P} ', '1', ' )>>')} .\n", "application/n-triples"),
        id="ntriples-nested-triple-terms",
    ),
    pytest.param(
        _put(
            '{"@id": "http://e.example/s", "http://e.example/p": '
            + _nested('{"http://e.example/p": ', "1", "}", 20_000)
            + "}",
            "application/ld+json",
        ),
        id="jsonld-nested-objects",
    ),
    pytest.param(
        _put(
            f'<rdf:RDF xmlns:rdf="{RDF}" xmlns:e="http://e.example/">'
            + _nested("<rdf:Description><e:p>", "", "</e:p></rdf:Description>")
            + "</rdf:RDF>",
            "application/rdf+xml",
        ),
        id="rdfxml-nested-elements",
    ),
    pytest.param(_put(LAUGHS, "application/rdf+xml", NO_DTD), id="rdfxml-billion-laughs"),
    pytest.param(
        _post(
            "/articles",
            '{"text": ' + _nested("[", "", "]", 20_000) + "}",
            "application/json",
            "the request body: the JSON nests arrays or objects too deep to read",
        ),
        id="article-nested-json",
    ),
    pytest.param(
        _post(
            "/articles",
            '{"text": NaN}',
            "application/json",
            "the request body: NaN is not a JSON value",
        ),
        id="article-nan",
    ),
    pytest.param(
        _post(
            "/articles",
            '{"text": "Blinken met Abbas.", "published": -Infinity}',
            "application/json",
            "the request body: -Infinity is not a JSON value",
        ),
        id="article-infinity",
    ),
    pytest.param(
        _get("/sparql?query=ASK%20%7B%7D%20%23%FF", f"query string {NOT_UTF8}"),
        id="get-query-not-utf8",
    ),
    pytest.param(_get("/actors/%FF", f"path {NOT_UTF8}"), id="path-not-utf8"),
    pytest.param(
        _post(
            "/sparql",
            "query=ASK%20%7B%7D%20%23%FF",
            "application/x-www-form-urlencoded",
            f"form body {NOT_UTF8}",
        ),
        id="form-query-not-utf8",
    ),
    pytest.param(
        _post(
            "/update",
            f'INSERT DATA {{ GRAPH <{GRAPH}> {{ {S_P} "\\u0001" }} }}',
            "application/sparql-update",
            "holds the character U+0001",
        ),
        id="update-control-character",
    ),
    pytest.param(
        _put(f'{S_P} "page\\u000Cbreak" .', "text/turtle", "holds the character U+000C"),
        id="turtle-control-character",
    ),
    pytest.param(
        _get(
            "/sparql",
            "the character U+0007",
            406,
            query=f"SELECT ?o WHERE {{ GRAPH <{BELL_GRAPH}> {{ ?s ?p ?o }} }}",
        ),
        id="xml-results-control-character",
    ),
    pytest.param(
        _get(f"/graphs?graph={BELL_GRAPH}&format=rdfxml", "the character U+0007", 406),
        id="rdfxml-graph-control-character",
    ),
]


@pytest.fixture
def server(tmp_path: Path) -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    """uvicorn with writes enabled over the fixture graph and one literal holding a bell (U+0007,
    as a store built by other means may hold)."""
    path = tmp_path / "kg"
    with mini_store(Store.open(str(path))) as store:
        bell = (URIRef("http://e.example/s"), URIRef("http://e.example/p"), Literal("ring \x07"))
        store.put_graph(BELL_GRAPH, [bell])
    with serving(os.environ | {"NEWSKG_STORE": str(path), "NEWSKG_TOKEN": TOKEN}) as running:
        yield running


@pytest.mark.parametrize("attack", ATTACKS)
def test_attack_refused_with_its_reason_and_the_server_still_answers(
    server: tuple[str, subprocess.Popen[bytes]], attack: Attack
) -> None:
    url, process = server
    headers = {"Authorization": f"Bearer {TOKEN}", "Accept": "application/sparql-results+xml"}
    if attack.content_type:
        headers["Content-Type"] = attack.content_type
    response = httpx.request(
        attack.method,
        f"{url}{attack.path}",
        params=attack.params or None,
        content=attack.content,
        headers=headers,
        timeout=120,
    )
    assert (response.status_code, response.headers["content-type"]) == (
        attack.status,
        "application/json",
    ), response.text[:300]
    assert attack.says in response.text
    _still_answers(url, process)


def test_one_megabyte_url_414_as_json_and_the_server_still_answers(
    server: tuple[str, subprocess.Popen[bytes]],
) -> None:
    url, process = server
    target = "/sparql?query=%23" + "a" * 1_000_000  # longer than httpx sends: a raw request
    with socket.create_connection(("127.0.0.1", int(url.rsplit(":", 1)[1])), timeout=60) as sock:
        sock.sendall(f"GET {target} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".encode())
        answer = b"".join(iter(lambda: sock.recv(65536), b""))
    head, _, body = answer.partition(b"\r\n\r\n")
    assert head.startswith(b"HTTP/1.1 414 ")
    assert b"content-type: application/json" in head.lower()
    assert json.loads(body) == {
        "detail": f"The URL is {len(target)} bytes, over the limit of {DEFAULT_MAX_URL} "
        "(NEWSKG_MAX_URL). Send a long query by POST (application/sparql-query or a form body) "
        "instead."
    }
    _still_answers(url, process)


def _still_answers(url: str, process: subprocess.Popen[bytes]) -> None:
    assert process.poll() is None
    after = httpx.get(f"{url}/sparql", params={"query": WHO_MET, "format": "json"}, timeout=60)
    assert [row["a"]["value"] for row in after.json()["results"]["bindings"]] == [
        "Antony Blinken",
        "Mahmoud Abbas",
    ]


def test_large_turtle_put_is_stored_while_other_requests_answer(
    server: tuple[str, subprocess.Popen[bytes]],
) -> None:
    url, process = server
    lines = (
        f'<http://e.example/s{i}> <http://e.example/p> [ <http://e.example/q> "{i}" ] .'
        for i in range(12_000)
    )
    body = "\n".join(lines).encode()
    assert 800_000 < len(body) < 1024 * 1024  # under NEWSKG_MAX_BODY: parsed, not refused

    async def race() -> tuple[int, list[int]]:
        async with httpx.AsyncClient(base_url=url, timeout=120) as http:
            put = asyncio.create_task(
                http.put(
                    "/graphs",
                    params={"graph": GRAPH},
                    content=body,
                    headers={"Authorization": f"Bearer {TOKEN}", "Content-Type": "text/turtle"},
                )
            )
            others = []
            while not put.done():  # the checks and the parse run in threads, off the event loop
                others.append((await http.get("/static/explorer.css")).status_code)
            return (await put).status_code, others

    status, others = asyncio.run(race())
    assert status == 201
    assert others and set(others) == {200}
    _still_answers(url, process)
