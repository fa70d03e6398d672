"""POST /articles (token-protected ingestion), GET /articles, GET /articles/{id} and the
linked-data IRIs under /id/, over a fresh store built from seeds/."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from rdflib import Graph, URIRef
from rdflib.compare import isomorphic
from spacy.language import Language

from api.main import create_app
from kg.build import build
from kg.ingest import Ingester
from kg.rdf.namespace import KG, RDFS
from kg.settings import DEFAULT_BASE_IRI, Settings, default_model
from kg.sources import read_articles
from kg.store import Store
from tests.conftest import SEEDS

BASE = DEFAULT_BASE_IRI
TOKEN = "s3cret-token"
SEED_ID = "28cd3d1d7a67278e"
AMMAN = "Secretary of State Antony Blinken met Jordan's King Abdullah in Amman on Thursday."
AUTH = {"Authorization": f"Bearer {TOKEN}"}


@pytest.fixture(scope="module")
def store(nlp: Language) -> Iterator[Store]:
    with Store.open("memory:") as store:
        build(read_articles([SEEDS]), store, nlp, BASE)
        yield store


@pytest.fixture(scope="module")
def client(store: Store, nlp: Language) -> Iterator[TestClient]:
    settings = Settings(model=default_model(), store="memory:", token=TOKEN)
    with TestClient(create_app(settings, store, Ingester(nlp, BASE))) as client:
        yield client


def _seed_graph(store: Store) -> Graph:
    return store.query(
        "CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }",
        {"g": URIRef(f"{BASE}article/{SEED_ID}")},
    ).graph()


@pytest.mark.parametrize(
    ("headers", "status"),
    [
        pytest.param({}, 401, id="no-token"),
        pytest.param({"Authorization": "Bearer wrong"}, 401, id="wrong-token"),
    ],
)
def test_post_article_needs_the_token(
    client: TestClient, store: Store, headers: dict[str, str], status: int
) -> None:
    before = (store.graphs(), store.count())
    response = client.post("/articles", json={"text": AMMAN}, headers=headers)
    assert response.status_code == status
    assert "Bearer" in response.json()["detail"]
    assert (store.graphs(), store.count()) == before


def test_post_article_writes_disabled_403(store: Store) -> None:
    settings = Settings(model=default_model(), store="memory:")
    with TestClient(create_app(settings, store)) as client:
        response = client.post("/articles", json={"text": AMMAN}, headers=AUTH)
    assert response.status_code == 403
    assert response.json()["detail"].startswith("Writes are disabled: set NEWSKG_TOKEN")


def test_post_article_json_201_facts_then_visible_through_actors(client: TestClient) -> None:
    before = client.get("/actors/antony-blinken").json()["meetings"]
    response = client.post(
        "/articles",
        json={"text": AMMAN, "published": "2023-02-02", "title": "Blinken in Amman"},
        headers=AUTH,
    )
    assert response.status_code == 201
    body = response.json()
    assert body["graph"] == f"{BASE}article/{body['id']}"
    met = next(fact for fact in body["facts"] if fact["predicate"] == "met")
    assert (met["subject"], met["object"], met["date"], met["place"]) == (
        "Antony Blinken",
        "King Abdullah",
        "2023-02-02",
        "Amman",
    )
    assert met["evidence"] == {"sentence": AMMAN, "start": 0, "end": len(AMMAN)}

    day = {"from": "2023-02-02", "to": "2023-02-02"}
    meetings = client.get("/actors/antony-blinken/meetings", params=day)
    (meeting,) = meetings.json()["meetings"]
    assert [actor["label"] for actor in meeting["met"]] == ["King Abdullah"]
    assert meeting["evidence"] == [{"sentence": AMMAN, "article": body["graph"]}]
    assert client.get("/actors/antony-blinken").json()["meetings"] == before + 1


def test_post_article_plain_text_resolves_surname_against_the_store(client: TestClient) -> None:
    text = "Blinken met King Abdullah in Amman on Friday."
    response = client.post(
        "/articles",
        params={"published": "2023-02-03", "id": "amman-friday"},
        content=text,
        headers={**AUTH, "Content-Type": "text/plain; charset=utf-8"},
    )
    assert response.status_code == 201
    assert response.json()["id"] == "amman-friday"
    met = [fact for fact in response.json()["facts"] if fact["predicate"] == "met"]
    # "Blinken" alone is the Antony Blinken the store knows (kg.resolve).
    assert [(fact["subject"], fact["date"]) for fact in met] == [("Antony Blinken", "2023-02-03")]
    listed = client.get("/articles", params={"limit": 1}).json()
    assert [item["id"] for item in listed["items"]] == ["amman-friday"]


@pytest.mark.parametrize(
    ("send", "status", "message"),
    [
        pytest.param({"json": {"text": "   "}}, 400, "field 'text' is empty", id="empty-text"),
        pytest.param(
            {"json": {"title": "no text"}},
            400,
            "the request body: field 'text' is missing; give the article text as a string",
            id="no-text",
        ),
        pytest.param(
            {"json": {"text": "x", "published": "soon"}},
            400,
            "the request body: field 'published' has value 'soon', not a date",
            id="bad-published",
        ),
        pytest.param(
            {"content": "{", "headers": {"Content-Type": "application/json"}},
            400,
            "the request body: invalid JSON at line 1, column 2",
            id="bad-json",
        ),
        pytest.param(
            {"json": [{"text": AMMAN}, {"text": AMMAN, "published": 2023}]},
            400,
            "the request body, record 2: field 'published' has value 2023, a int",
            id="bad-record-in-list",
        ),
        pytest.param(
            {
                "content": json.dumps({"text": AMMAN}) + "\n\n{text: 1}\n",
                "headers": {"Content-Type": "application/x-ndjson"},
            },
            400,
            "the request body, line 3: invalid JSON at column 2",
            id="bad-jsonl-line",
        ),
        pytest.param(
            {
                "content": "date 2023-13-45\nBlinken met Abbas.",
                "headers": {"Content-Type": "text/plain"},
            },
            400,
            "the request body: first line 'date' has value '2023-13-45', not a date",
            id="bad-date-line",
        ),
        pytest.param(
            {"json": [], "headers": {}},
            400,
            "The json body holds no article; send at least one.",
            id="empty-list",
        ),
        pytest.param(
            {"json": {"text": AMMAN, "id": "x" * 201}},
            422,
            "the request body: field 'id' is 201 characters, over the limit of 200",
            id="id-too-long",
        ),
        pytest.param(
            {"content": "x", "headers": {"Content-Type": "text/csv"}},
            415,
            "application/x-ndjson (JSON Lines)",
            id="unknown-type",
        ),
        pytest.param(
            {"json": {"text": "x"}, "params": {"published": "2023-01-31"}},
            422,
            "for text/plain bodies",
            id="query-with-json",
        ),
        pytest.param(
            {
                "content": "x",
                "params": {"published": "31/01/2023"},
                "headers": {"Content-Type": "text/plain"},
            },
            422,
            "valid date",
            id="bad-published-query",
        ),
    ],
)
def test_post_article_bad_input(
    client: TestClient, store: Store, send: dict, status: int, message: str
) -> None:
    before = (store.graphs(), store.count())
    headers = {**AUTH, **send.pop("headers", {})}
    response = client.post("/articles", headers=headers, **send)
    assert response.status_code == status
    assert message in json.dumps(response.json())
    assert (store.graphs(), store.count()) == before


def test_list_articles_pages(client: TestClient, nlp: Language) -> None:
    from kg.extract import extract

    seed_facts = len(next(extract(read_articles([SEEDS]), nlp)).facts)
    body = client.get("/articles", params={"limit": 100}).json()
    seed = next(item for item in body["items"] if item["id"] == SEED_ID)
    assert seed == {
        "id": SEED_ID,
        "iri": f"{BASE}article/{SEED_ID}",
        "title": None,
        "published": "2023-01-31",
        "facts": seed_facts,
    }
    second = client.get("/articles", params={"limit": 1, "offset": 1}).json()
    assert second["items"] == body["items"][1:2]
    assert second["total"] == body["total"]


@pytest.mark.parametrize(
    ("accept", "media_type", "rdf_format"),
    [
        pytest.param(None, "text/turtle", "turtle", id="default"),
        pytest.param("text/turtle", "text/turtle", "turtle", id="turtle"),
        pytest.param("application/n-triples", "application/n-triples", "nt", id="ntriples"),
        pytest.param("application/ld+json", "application/ld+json", "json-ld", id="jsonld"),
        pytest.param(
            "application/ld+json;q=0.5, text/turtle;q=0.9", "text/turtle", "turtle", id="q"
        ),
    ],
)
def test_get_article_graph_negotiated(
    client: TestClient, store: Store, accept: str | None, media_type: str, rdf_format: str
) -> None:
    response = client.get(f"/articles/{SEED_ID}", headers={"Accept": accept} if accept else {})
    assert response.status_code == 200
    assert response.headers["content-type"].split(";")[0] == media_type
    graph = Graph().parse(data=response.text, format=rdf_format)
    assert isomorphic(graph, _seed_graph(store))


def test_get_article_unknown_404_and_unacceptable_406(client: TestClient) -> None:
    response = client.get("/articles/no-such-article")
    assert response.status_code == 404
    assert "No article with id 'no-such-article'" in response.json()["detail"]
    assert client.get(f"/articles/{SEED_ID}", headers={"Accept": "image/png"}).status_code == 406


@pytest.mark.parametrize(
    ("accept", "media_type"),
    [
        pytest.param(None, "text/turtle", id="default"),
        pytest.param("text/turtle", "text/turtle", id="turtle"),
        pytest.param("application/ld+json", "application/ld+json", id="jsonld"),
        pytest.param(
            "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
            "text/html",
            id="browser",
        ),
    ],
)
def test_linked_data_dereference_by_accept(
    client: TestClient, accept: str | None, media_type: str
) -> None:
    response = client.get("/id/person/antony-blinken", headers={"Accept": accept} if accept else {})
    assert response.status_code == 200
    assert response.headers["content-type"].split(";")[0] == media_type
    if media_type == "text/html":
        assert "<h1>Antony Blinken</h1>" in response.text
        assert 'href="/id/person/mahmoud-abbas">Mahmoud Abbas</a>' in response.text
        return
    graph = Graph().parse(
        data=response.text, format="json-ld" if "json" in media_type else "turtle"
    )
    blinken = URIRef(f"{BASE}person/antony-blinken")
    assert (blinken, KG.met, URIRef(f"{BASE}person/mahmoud-abbas")) in graph
    assert str(graph.value(blinken, RDFS.label)) == "Antony Blinken"
    # what points at it: the articles mentioning it
    assert (None, None, blinken) in graph


def test_linked_data_meeting_carries_its_evidence(client: TestClient) -> None:
    meetings = client.get("/actors/mahmoud-abbas/meetings").json()["meetings"]
    meeting_id = meetings[0]["iri"].rsplit("/", 1)[-1]
    response = client.get(f"/id/meeting/{meeting_id}", params={"format": "turtle"})
    graph = Graph().parse(data=response.text, format="turtle")
    sentences = {str(s) for s in graph.objects(None, KG.sentence)}
    assert {e["sentence"] for e in meetings[0]["evidence"]} == sentences


@pytest.mark.parametrize(
    ("path", "status"),
    [
        pytest.param("/id/person/nobody-at-all", 404, id="unknown-person"),
        pytest.param("/id/planet/earth", 422, id="unknown-kind"),
        pytest.param('/id/article/"} ; DROP ALL ; {"', 404, id="injection"),
        pytest.param("/id/person/x> <y", 404, id="iri-breakout"),
    ],
)
def test_linked_data_nothing_known(
    client: TestClient, store: Store, path: str, status: int
) -> None:
    before = (store.graphs(), store.count())
    response = client.get(path)
    assert response.status_code == status
    assert (store.graphs(), store.count()) == before


def test_post_article_extraction_failure_is_422_and_writes_nothing() -> None:
    import spacy

    @spacy.Language.component("newskg_test_fails")
    def fails(doc):  # noqa: ANN001, ANN202
        raise ValueError("the parser gave up")

    broken = spacy.blank("en")
    broken.add_pipe("newskg_test_fails")
    settings = Settings(model=default_model(), store="memory:", token=TOKEN)
    with (
        Store.open("memory:") as store,
        TestClient(create_app(settings, store, Ingester(broken, BASE))) as client,
    ):
        response = client.post("/articles", json={"text": AMMAN}, headers=AUTH)
        assert response.status_code == 422
        assert "could not be extracted" in response.json()["detail"]
        assert "the parser gave up" in response.json()["detail"]
        assert store.graphs() == []


def test_post_article_plain_text_date_line_and_headline_as_kg_build_reads_them(
    client: TestClient,
) -> None:
    # Issue 17: over HTTP the date line was ignored, so the meeting came out undated.
    text = (
        "date 2023-03-14\n\nBlinken tours Amman\n\n"
        "Antony Blinken met Ayman Safadi in Amman on Monday. They spoke for an hour."
    )
    response = client.post(
        "/articles", content=text, headers={**AUTH, "Content-Type": "text/plain"}
    )
    assert response.status_code == 201
    body = response.json()
    (met,) = [fact for fact in body["facts"] if fact["predicate"] == "met"]
    assert (met["object"], met["date"], met["place"]) == ("Ayman Safadi", "2023-03-13", "Amman")
    assert (body["title"], body["published"]) == ("Blinken tours Amman", "2023-03-14")
    assert "date 2023" not in met["evidence"]["sentence"]
    listed = client.get("/articles", params={"limit": 100}).json()["items"]
    (item,) = [item for item in listed if item["id"] == body["id"]]
    assert (item["title"], item["published"]) == ("Blinken tours Amman", "2023-03-14")
    day = {"from": "2023-03-13", "to": "2023-03-13"}
    (meeting,) = client.get("/actors/antony-blinken/meetings", params=day).json()["meetings"]
    assert [actor["label"] for actor in meeting["met"]] == ["Ayman Safadi"]
    assert meeting["date"] == "2023-03-13"


def test_post_article_query_parameters_win_over_the_date_line(client: TestClient) -> None:
    response = client.post(
        "/articles",
        params={"published": "2023-04-07", "title": "Given title"},
        content="date 2023-01-01\nAntony Blinken met Ayman Safadi in Aqaba on Thursday.",
        headers={**AUTH, "Content-Type": "text/plain"},
    )
    assert response.status_code == 201
    (met,) = [fact for fact in response.json()["facts"] if fact["predicate"] == "met"]
    assert met["date"] == "2023-04-06"


HAIFA = "Prime Minister Yair Lapid met Foreign Minister Ayman Safadi in Haifa."
JERICHO = "President Mahmoud Abbas met Foreign Minister Ayman Safadi in Jericho."
SEVERAL = [
    {"id": "list-1", "text": HAIFA, "published": "2023-05-02"},
    {"id": "list-2", "text": JERICHO},
]


@pytest.mark.parametrize(
    ("content", "content_type"),
    [
        pytest.param(json.dumps(SEVERAL), "application/json", id="json-list"),
        pytest.param(
            "\n\n".join(json.dumps(record) for record in SEVERAL) + "\n",
            "application/x-ndjson",
            id="json-lines",
        ),
    ],
)
def test_post_article_several_articles_answer_lists_each(
    client: TestClient, content: str, content_type: str
) -> None:
    response = client.post(
        "/articles", content=content, headers={**AUTH, "Content-Type": content_type}
    )
    assert response.status_code == 201
    answer = response.json()
    assert [item["id"] for item in answer] == ["list-1", "list-2"]
    assert [item["graph"] for item in answer] == [f"{BASE}article/list-{n}" for n in (1, 2)]
    met = [
        ({fact["subject"], fact["object"]}, fact["place"])
        for item in answer
        for fact in item["facts"]
        if fact["predicate"] == "met"
    ]
    assert met == [
        ({"Yair Lapid", "Ayman Safadi"}, "Haifa"),
        ({"Mahmoud Abbas", "Ayman Safadi"}, "Jericho"),
    ]
    assert client.get("/articles/list-2").status_code == 200


def test_post_article_list_failing_midway_names_what_was_written() -> None:
    import spacy

    @spacy.Language.component("newskg_test_fails_on_marker")
    def fails_on_marker(doc):  # noqa: ANN001, ANN202
        if "UNREADABLE" in doc.text:
            raise ValueError("the parser gave up")
        return doc

    picky = spacy.blank("en")
    picky.add_pipe("sentencizer")
    picky.add_pipe("newskg_test_fails_on_marker")
    settings = Settings(model=default_model(), store="memory:", token=TOKEN)
    records = [
        {"id": "first", "text": AMMAN},
        {"id": "second", "text": "UNREADABLE text."},
        {"id": "third", "text": AMMAN},
    ]
    with (
        Store.open("memory:") as store,
        TestClient(create_app(settings, store, Ingester(picky, BASE))) as client,
    ):
        response = client.post("/articles", json=records, headers=AUTH)
        assert response.status_code == 422
        detail = response.json()["detail"]
        assert "Article 'second' could not be extracted" in detail
        assert "The 1 article(s) before it were written: 'first'" in detail
        assert store.graphs() == [f"{BASE}article/first"]
