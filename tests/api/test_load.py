"""The API under a short mixed load (issue 7): SPARQL, actor lookups and POST /articles at once.

The same driver in its full form (50 clients for 60 s, with figures) is
`python -m bench.load`; see bench/README.md. Here: 10 clients for a few seconds, no timings.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

import httpx
import pyoxigraph as ox
import pytest
from rdflib import Graph, Namespace, URIRef
from rdflib.namespace import RDFS

from bench.load import check_articles, run_mixed
from kg.store import Store
from tests.servers import serving

TOKEN = "load-test-token"
KG = Namespace("https://w3id.org/newskg/ontology#")


@pytest.fixture(scope="module")
def server(seed_store: Store, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A writable server (token set) over an on-disk copy of the seed graph."""
    location = tmp_path_factory.mktemp("load") / "kg"
    store = ox.Store(str(location))
    store.load(seed_store.export("nquads"), format=ox.RdfFormat.N_QUADS)
    store.flush()
    del store
    with serving(dict(os.environ, NEWSKG_STORE=str(location), NEWSKG_TOKEN=TOKEN)) as (url, _):
        yield url


def _met_pairs(turtle: str) -> set[tuple[str, str]]:
    graph = Graph().parse(data=turtle, format="turtle")
    return {
        tuple(sorted((str(graph.value(a, RDFS.label)), str(graph.value(b, RDFS.label)))))
        for a, b in graph.subject_objects(KG.met)
        if isinstance(a, URIRef) and isinstance(b, URIRef)
    }


def test_load_mixed_clients_get_no_5xx_and_lose_no_article(server: str) -> None:
    before = httpx.get(f"{server}/articles", params={"limit": 1000}).json()
    load = run_mixed(server, TOKEN, clients=10, seconds=4)

    assert load.server_errors == 0, load.problems
    assert load.other_errors == 0, load.problems
    assert all(kind.requests > 0 for kind in load.kinds), load.kinds
    assert load.accepted and load.missing == ()
    assert any(load.accepted.values())  # the articles' meetings were extracted and checked
    # Checked again without the driver: the server lists exactly the seed and the accepted
    # articles, once each, and each accepted article's graph holds the meetings it answered.
    after = httpx.get(f"{server}/articles", params={"limit": 1000}).json()
    ids = [item["id"] for item in after["items"]]
    assert sorted(ids) == sorted([item["id"] for item in before["items"]] + list(load.accepted))
    with httpx.Client(base_url=server, headers={"Accept": "text/turtle"}) as http:
        for article, accepted in load.accepted.items():
            response = http.get(f"/articles/{article}")
            assert response.status_code == 200, article
            assert _met_pairs(response.text) == accepted.meetings, article


def test_load_check_reports_an_accepted_article_that_is_gone(server: str) -> None:
    """The driver's own check can fail: an accepted article whose graph is then dropped."""
    load = run_mixed(server, TOKEN, clients=2, seconds=1)
    article, accepted = next(iter(load.accepted.items()))
    dropped = httpx.delete(
        f"{server}/graphs",
        params={"graph": accepted.graph},
        headers={"Authorization": f"Bearer {TOKEN}"},
    )
    assert dropped.status_code == 204, dropped.text
    assert check_articles(server, load.accepted) == [article]
