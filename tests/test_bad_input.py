"""Bad articles: each gets a clear error or is extracted sensibly, and an error leaves the store
as it was. Hypothesis-made text goes through the whole pipeline (source -> extraction -> RDF ->
store -> SPARQL) and may raise only newskg's own errors."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from rdflib import Graph, URIRef
from spacy.language import Language

from api.main import create_app
from kg.build import build
from kg.errors import NewsKGError, SourceError
from kg.ingest import Ingester
from kg.rdf.iris import article_iri
from kg.settings import DEFAULT_BASE_IRI, Settings, default_model
from kg.sources import article_from_text, read_articles
from kg.store import Store
from kg.types import Extraction

BASE = DEFAULT_BASE_IRI
TOKEN = "bad-input-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
MAX_BODY = 64 * 1024
MET = "Antony Blinken met Mahmoud Abbas in Ramallah on Tuesday."
RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"


def _state(store: Store) -> tuple[list[str], set[str]]:
    """What the store holds, to compare before and after a request."""
    return store.graphs(), set(store.export("nquads").decode("utf-8").splitlines())


def _met(facts: list[dict]) -> list[tuple[str, str, str | None]]:
    return [(f["subject"], f["object"], f["place"]) for f in facts if f["predicate"] == "met"]


@pytest.fixture(scope="module")
def store() -> Iterator[Store]:
    with Store.open("memory:") as store:
        yield store


@pytest.fixture(scope="module")
def client(store: Store, nlp: Language) -> Iterator[TestClient]:
    settings = Settings(model=default_model(), store="memory:", token=TOKEN, max_body=MAX_BODY)
    with TestClient(create_app(settings, store, Ingester(nlp, BASE))) as client:
        yield client


# --- files and records: kg build reports each bad one on a line and goes on ---


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        pytest.param("a.txt", b"", "a.txt: the article text is empty", id="empty"),
        pytest.param("a.txt", b" \n\t \n", "a.txt: the article text is empty", id="whitespace"),
        pytest.param(
            "a.txt",
            bytes(range(256)),
            "a.txt is not valid UTF-8 (byte 0x80 at offset 128); re-save it as UTF-8",
            id="binary",
        ),
        pytest.param(
            "a.txt",
            "Blinken met Abbas.".encode("utf-16-le"),
            "a.txt holds NUL bytes (the first at offset 1): it is binary or UTF-16",
            id="utf16-without-bom",
        ),
        pytest.param(
            "a.txt",
            b"\xff\xfeB\x00",
            "a.txt is not valid UTF-8 (byte 0xff at offset 0)",
            id="utf16-with-bom",
        ),
        pytest.param(
            "a.txt",
            b"<html><body><script>var x = 1;</script></body></html>",
            "a.txt: the article text is empty",
            id="html-without-text",
        ),
        pytest.param(
            "a.txt",
            b"date 2023-13-45\nBlinken met Abbas.",
            "a.txt: first line 'date' has value '2023-13-45', not a date",
            id="txt-date-not-a-date",
        ),
        pytest.param(
            "a.jsonl",
            b'{"text": 5}',
            "a.jsonl:1: field 'text' is a int; give the article text as a string",
            id="text-a-number",
        ),
        pytest.param(
            "a.jsonl", b'{"title": "T"}', "a.jsonl:1: field 'text' is missing", id="text-missing"
        ),
        pytest.param(
            "a.jsonl",
            b'["Blinken met Abbas."]',
            "a.jsonl:1: expected a JSON object with a 'text' field, got list",
            id="record-a-list",
        ),
        pytest.param(
            "a.jsonl",
            b'{"text": "T.", "title": ["a", "b"]}',
            "a.jsonl:1: field 'title' has value ['a', 'b'], a list; give a string",
            id="title-a-list",
        ),
        pytest.param(
            "a.jsonl",
            b'{"text": "T.", "published": 20230131}',
            "a.jsonl:1: field 'published' has value 20230131, a int; give an ISO date",
            id="published-a-number",
        ),
        pytest.param(
            "a.jsonl",
            b'{"text": "T.", "published": "2023-02-30"}',
            "a.jsonl:1: field 'published' has value '2023-02-30', not a date",
            id="published-not-a-day",
        ),
        pytest.param(
            "a.jsonl",
            b'{"text": "T.", "published": "next Tuesday"}',
            "a.jsonl:1: field 'published' has value 'next Tuesday', not a date",
            id="published-words",
        ),
        pytest.param(
            "a.jsonl",
            b'{"text": "Blinken met Abbas \\ud800."}',
            "a.jsonl:1: field 'text' holds an unpaired surrogate \\ud800 at character 18",
            id="lone-surrogate",
        ),
        pytest.param(
            "a.jsonl",
            b'{"text": "Blinken\\u0000 met Abbas."}',
            "a.jsonl:1: field 'text' holds a NUL character at character 7",
            id="nul-escape",
        ),
        pytest.param(
            "a.jsonl",
            b'{"text": "T.", "url": "javascript:alert(1)"}',
            "a.jsonl:1: field 'url' has value 'javascript:alert(1)', not a web address",
            id="url-not-http",
        ),
        pytest.param(
            "a.jsonl",
            b'{"text": "T.", "url": "https://example.org/a\\u0093b"}',
            "a.jsonl:1: field 'url' has value 'https://example.org/a\\x93b', not a web address",
            id="url-control-character",
        ),
        pytest.param(
            "a.jsonl",
            b'{"text": "T.", "url": "https://example.org/a#b#c"}',
            "a.jsonl:1: field 'url' has value 'https://example.org/a#b#c', not a web address",
            id="url-two-fragments",
        ),
        pytest.param(
            "a.jsonl",
            b'{"text": "<p><!-- only markup --></p>"}',
            "a.jsonl:1: field 'text' holds only HTML markup",
            id="json-html-without-text",
        ),
    ],
)
def test_read_articles_bad_input_reported_and_the_next_read(
    tmp_path: Path, name: str, content: bytes, message: str
) -> None:
    bad = tmp_path / name
    bad.write_bytes(content)
    good = tmp_path / "z.txt"
    good.write_text(MET, encoding="utf-8")
    errors: list[SourceError] = []
    articles = list(read_articles([bad, good], on_error=errors.append))
    assert [article.text for article in articles] == [MET]
    (error,) = errors
    assert str(error).startswith(f"{bad}{message.removeprefix(name)}")


def test_read_articles_html_markup_becomes_its_text(tmp_path: Path) -> None:
    path = tmp_path / "page.txt"
    path.write_text(
        "<html><head><title>Blinken in Ramallah</title><style>p { color: red }</style></head>"
        "<body><h1>Talks</h1><p>Antony Blinken met <b>Mahmoud Abbas</b> in Ramallah.</p>"
        "<script>alert('x')</script><p>Profits rose &lt;5% &amp; more.</p></body></html>",
        encoding="utf-8",
    )
    (article,) = read_articles([path])
    assert article.text == (
        "Antony Blinken met Mahmoud Abbas in Ramallah.\n\nProfits rose <5% & more."
    )
    assert article.title == "Talks"


def test_article_from_text_text_with_angle_brackets_is_not_markup() -> None:
    text = "Turnout was < 40% in the north and > 60% in the south."
    assert article_from_text(text).text == text


# --- over HTTP: POST /articles ---


@pytest.mark.parametrize(
    ("send", "status", "message"),
    [
        pytest.param({"json": {"text": ""}}, 400, "field 'text' is empty", id="empty"),
        pytest.param({"json": {"text": " \n\t"}}, 400, "field 'text' is empty", id="whitespace"),
        pytest.param(
            {"content": bytes(range(256)), "headers": {"Content-Type": "text/plain"}},
            400,
            "the request body is not valid UTF-8 (byte 0x80 at offset 128); re-save it as UTF-8",
            id="binary-text",
        ),
        pytest.param(
            {"content": b'{"text": "caf\xe9"}', "headers": {"Content-Type": "application/json"}},
            400,
            "the request body is not valid UTF-8 (byte 0xe9 at offset 13); re-save it as UTF-8",
            id="json-invalid-utf8",
        ),
        pytest.param(
            {"content": "Blinken\x00met Abbas.", "headers": {"Content-Type": "text/plain"}},
            400,
            "the request body holds NUL bytes (the first at offset 7): it is binary or UTF-16",
            id="nul-in-text",
        ),
        pytest.param({"json": {"text": 5}}, 400, "field 'text' is a int", id="text-int"),
        pytest.param({"json": {"text": None}}, 400, "field 'text' is missing", id="null"),
        pytest.param({"json": {"title": "T"}}, 400, "field 'text' is missing", id="text-missing"),
        pytest.param(
            {"json": [MET]},
            400,
            "the request body, record 1: expected a JSON object with a 'text' field, got str",
            id="list-of-strings",
        ),
        pytest.param(
            {"json": {"text": MET, "id": "a" * 201}},
            422,
            "field 'id' is 201 characters, over the limit of 200; give a shorter id",
            id="id-longer-than-get-takes",
        ),
        pytest.param(
            {"json": {"text": MET, "title": {"a": 1}}},
            400,
            "field 'title' has value {'a': 1}, a dict; give a string",
            id="title-object",
        ),
        pytest.param(
            {"json": {"text": MET, "published": "2023-02-30"}},
            400,
            "field 'published' has value '2023-02-30', not a date",
            id="published-not-a-day",
        ),
        pytest.param(
            {"json": {"text": MET, "published": "yesterday"}},
            400,
            "field 'published' has value 'yesterday', not a date",
            id="published-words",
        ),
        pytest.param(
            {
                "content": MET,
                "params": {"published": "31/01/2023"},
                "headers": {"Content-Type": "text/plain"},
            },
            422,
            "valid date",
            id="published-query-not-iso",
        ),
        pytest.param(
            {"json": {"text": MET, "url": "ftp://example.org/a"}},
            400,
            "field 'url' has value 'ftp://example.org/a', not a web address",
            id="url-not-http",
        ),
        pytest.param(
            {"content": "x" * (MAX_BODY + 1), "headers": {"Content-Type": "text/plain"}},
            413,
            f"over the limit of {MAX_BODY} bytes",
            id="over-the-body-limit",
        ),
        pytest.param(
            {"json": {"text": "<div><script>alert(1)</script></div>"}},
            400,
            "field 'text' holds only HTML markup",
            id="html-only",
        ),
    ],
)
def test_post_article_bad_input_clear_error_store_unchanged(
    client: TestClient, store: Store, send: dict, status: int, message: str
) -> None:
    before = _state(store)
    response = client.post("/articles", headers={**AUTH, **send.pop("headers", {})}, **send)
    assert response.status_code == status
    assert message in json.dumps(response.json(), ensure_ascii=False)
    assert _state(store) == before


def test_post_article_ten_megabytes_over_the_pipeline_limit_413(
    store: Store, nlp: Language
) -> None:
    settings = Settings(
        model=default_model(), store="memory:", token=TOKEN, max_body=16 * 1024 * 1024
    )
    text = ("Antony Blinken met Mahmoud Abbas in Ramallah. " * 230_000)[: 10 * 1024 * 1024]
    before = _state(store)
    with TestClient(create_app(settings, store, Ingester(nlp, BASE))) as client:
        response = client.post(
            "/articles", content=text, headers={**AUTH, "Content-Type": "text/plain"}
        )
    assert response.status_code == 413
    assert response.json()["detail"] == (
        f"the request body: the article text is {len(text)} characters, over the language "
        f"pipeline's limit of {nlp.max_length}; send it in parts of at most {nlp.max_length} "
        "characters."
    )
    assert _state(store) == before


def _graph(client: TestClient, article_id: str) -> Graph:
    response = client.get(f"/articles/{article_id}", headers={"Accept": "text/turtle"})
    assert response.status_code == 200
    return Graph().parse(data=response.text, format="turtle")


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            f"🇺🇸🤝🇵🇸\n\n{MET} التقى الوزير بالرئيس في رام الله. השר נפגש עם ראש הממשלה. 👍",
            id="rtl-and-emoji-around",
        ),
        pytest.param(f"Ρεπορτάζ: {MET} Репортаж: 北京 — 東京.", id="mixed-scripts"),
        pytest.param(f"<article><p>{MET}</p><script>track()</script></article>", id="html"),
        pytest.param(f"\u202e{MET}\u200f\u2066 (RTL marks)\u2069", id="bidi-controls"),
    ],
)
def test_post_article_mixed_input_still_finds_the_meeting(client: TestClient, text: str) -> None:
    response = client.post("/articles", json={"text": text}, headers=AUTH)
    assert response.status_code == 201
    body = response.json()
    assert _met(body["facts"]) == [("Antony Blinken", "Mahmoud Abbas", "Ramallah")]
    (met,) = [fact for fact in body["facts"] if fact["predicate"] == "met"]
    assert MET in met["evidence"]["sentence"]
    assert not set(met["evidence"]["sentence"]) & set("<>\u202e\u200f")
    labels = {str(o) for o in _graph(client, body["id"]).objects(None, URIRef(RDFS_LABEL))}
    assert {"Antony Blinken", "Mahmoud Abbas", "Ramallah"} <= labels


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("😀 🎉 👍🏽 " * 40, id="emoji-only"),
        pytest.param("بنيامين نتنياهو التقى يائير لابيد في القدس يوم الاثنين.", id="arabic-only"),
        pytest.param("בנימין נתניהו נפגש עם יאיר לפיד בירושלים.", id="hebrew-only"),
        pytest.param(
            "Antony Blinken met " + " and ".join(["Mahmoud Abbas"] * 2500) + ".",
            id="5000-word-sentence",
        ),
        pytest.param("\u0007\u001b[31m" + MET + "\u001b[0m", id="terminal-escapes"),
    ],
)
def test_post_article_odd_text_is_written_and_readable(client: TestClient, text: str) -> None:
    response = client.post("/articles", json={"text": text}, headers=AUTH)
    assert response.status_code == 201
    body = response.json()
    graph = _graph(client, body["id"])
    assert (URIRef(body["graph"]), None, None) in graph
    for fact in body["facts"]:
        assert fact["evidence"]["sentence"] in text


# --- any text through the whole pipeline ---

NAMES = [
    "Antony Blinken",
    "Mahmoud Abbas",
    "Mr Netanyahu",
    "the prime minister",
    "Labour leader Keir Starmer",
    "Defense Minister Yoav Gallant",
    "بنيامين نتنياهو",
    "יאיר לפיד",
    "Владимир Путин",
    "習近平",
    "Ana 🤝 Bo",
    "he",
]
VERBS = ["met", "held talks with", "will meet", "did not meet", "visited", "is the leader of"]
TAILS = ["", " in Ramallah", " on Monday", " in Jerusalem on Tuesday", ', saying "we agreed"']
NOISE = st.one_of(
    st.sampled_from(["\n\n", "<b>", "</p>", "&amp;", '"', ",", "🇺🇸", "\u202e", "Mr.", "U.S."]),
    st.text(max_size=12),
)
CLAUSE = st.builds(
    "{} {} {}{}.".format,
    st.sampled_from(NAMES),
    st.sampled_from(VERBS),
    st.sampled_from(NAMES + ["Ramallah", "Otzma Yehudit"]),
    st.sampled_from(TAILS),
)
ANY_TEXT = st.one_of(
    st.lists(st.one_of(CLAUSE, NOISE), max_size=12).map(" ".join), st.text(max_size=300)
)

LABELLED = f"SELECT * WHERE {{ GRAPH ?g {{ ?x <{RDFS_LABEL}> ?name }} }}"


@settings(
    max_examples=200,
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(text=ANY_TEXT, published=st.one_of(st.none(), st.dates().map(str), st.text(max_size=12)))
def test_pipeline_any_text_raises_only_newskg_errors(
    nlp: Language, text: str, published: str | None
) -> None:
    with Store.open("memory:") as store:
        try:
            article = article_from_text(text, published=published)
        except NewsKGError:  # a bad article is refused before anything is written
            assert store.graphs() == []
            return
        extractions: list[Extraction] = []
        summary = build([article], store, nlp, BASE, on_article=extractions.append)
        assert summary.failures == []  # build turns any exception in extraction into a failure
        graph = URIRef(article_iri(article.id, BASE))
        assert store.graphs() == [str(graph)]
        (extraction,) = extractions
        event(f"{min(len(extraction.facts), 3)}+ facts" if extraction.facts else "no facts")
        for fact in extraction.facts:  # each fact's subject can be found by name with SPARQL
            found = store.query(LABELLED, {"g": graph, "name": fact.subject}).rows()
            assert found, f"no resource labelled {fact.subject!r} for {fact}"
        assert store.export("trig")
