"""An article's page (GET /articles/{id} and /id/article/{id} for a browser) and its facts as
JSON (GET /articles/{id}/facts), over the seed article given a headline and a source URL."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

import pytest
from fastapi.testclient import TestClient
from spacy.language import Language

from api.main import create_app
from kg.build import build
from kg.settings import DEFAULT_BASE_IRI, Settings, default_model
from kg.sources import read_articles
from kg.store import Store
from tests.conftest import SEEDS

SEED_ID = "28cd3d1d7a67278e"
HEADLINE = "Blinken wraps up Mideast trip with appeals for calm"
SOURCE = "https://news.example.org/2023/01/31/blinken?ref=a&b=c"
BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
ABBAS_SENTENCE = (
    "Blinken met Palestinian leader Mahmoud Abbas in Ramallah on Tuesday, a day after seeing "
    "Israeli Prime Minister Benjamin Netanyahu."
)


@pytest.fixture(scope="module")
def client(nlp: Language) -> Iterator[TestClient]:
    """The API over the seed article, with a headline and a URL it does not have on disk."""
    articles = [replace(a, title=HEADLINE, url=SOURCE) for a in read_articles([SEEDS])]
    with Store.open("memory:") as store:
        build(articles, store, nlp, DEFAULT_BASE_IRI)
        settings = Settings(model=default_model(), store="memory:")
        with TestClient(create_app(settings, store)) as client:
            yield client


def test_article_facts_json_lists_facts_in_text_order_with_sentences(client: TestClient) -> None:
    body = client.get(f"/articles/{SEED_ID}/facts").json()
    assert (body["title"], body["published"], body["url"]) == (HEADLINE, "2023-01-31", SOURCE)
    met = [
        (f["object"]["label"], f["date"], f["place"] and f["place"]["label"])
        for f in body["facts"]
        if f["relation"] == "met" and f["subject"]["label"] == "Antony Blinken"
    ]
    assert met == [
        ("Benjamin Netanyahu", "2023-01-30", None),
        ("Mahmoud Abbas", "2023-01-31", "Ramallah"),
        ("Yair Lapid", None, None),
        ("Yoav Gallant", "2023-01-31", "Jerusalem"),
    ]
    abbas = next(f for f in body["facts"] if f["object"]["label"] == "Mahmoud Abbas")
    assert ABBAS_SENTENCE in abbas["sentences"]
    assert {f["relation"] for f in body["facts"]} >= {"met", "visited", "holds_position", "said"}


@pytest.mark.parametrize("path", [f"/articles/{SEED_ID}", f"/id/article/{SEED_ID}"])
def test_article_page_for_a_browser_shows_headline_date_source_and_facts(
    client: TestClient, path: str
) -> None:
    response = client.get(path, headers={"Accept": BROWSER})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    page = response.text
    assert f"<h1>{HEADLINE}</h1>" in page
    assert '<time datetime="2023-01-31">2023-01-31</time>' in page
    escaped = "https://news.example.org/2023/01/31/blinken?ref=a&amp;b=c"  # & escaped
    assert f'<a href="{escaped}" rel="noopener">Source: {escaped}</a>' in page
    assert (
        '<a href="/#actor=antony-blinken">Antony Blinken</a> met '
        '<a href="/#actor=mahmoud-abbas">Mahmoud Abbas</a> on 2023-01-31 in '
        '<a href="/id/place/ramallah">Ramallah</a>'
    ) in page
    assert f"<blockquote>{ABBAS_SENTENCE}</blockquote>" in page
    assert '<ol aria-label="Quotes">' in page


def test_article_page_marks_a_post_no_longer_held(client: TestClient) -> None:
    page = client.get(f"/articles/{SEED_ID}", headers={"Accept": "text/html"}).text
    assert (
        '<a href="/#actor=yair-lapid">Yair Lapid</a> holds the post former Prime Minister'
        '<span class="status">past: no longer so</span>'
    ) in page


def test_article_graph_stays_turtle_for_api_clients(client: TestClient) -> None:
    for accept in (None, "*/*", "text/turtle"):
        response = client.get(f"/articles/{SEED_ID}", headers={"Accept": accept} if accept else {})
        assert response.headers["content-type"].startswith("text/turtle"), accept


@pytest.mark.parametrize(
    ("path", "headers"),
    [
        pytest.param("/articles/no-such-article/facts", {}, id="facts"),
        pytest.param("/articles/no-such-article", {"Accept": BROWSER}, id="page"),
        pytest.param("/id/article/no-such-article", {"Accept": BROWSER}, id="linked-page"),
    ],
)
def test_article_page_unknown_404_json(
    client: TestClient, path: str, headers: dict[str, str]
) -> None:
    response = client.get(path, headers=headers)
    assert response.status_code == 404
    assert "no-such-article" in response.json()["detail"]
