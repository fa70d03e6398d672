"""Faults and concurrent writers: `kg serve` killed (SIGKILL) during ingestion, two HTTP clients
posting overlapping articles at once, two `kg build` processes on one on-disk store.

Each article below names persons in full and dates its meeting, so its graph does not depend on
the order articles are written in: whatever the interleaving, the store must end up equal (graph
by graph, isomorphic) to a clean build. (A `kg build` killed mid-build: tests/test_build.py.)
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator, Sequence
from datetime import date
from pathlib import Path

import httpx
import pytest
from rdflib import Dataset, Graph
from rdflib.compare import isomorphic
from spacy.language import Language

from kg.build import build
from kg.rdf.iris import article_iri
from kg.settings import DEFAULT_BASE_IRI
from kg.sources import article_from_text
from kg.store import MEMORY, Store
from kg.types import Article
from tests.conftest import REPO
from tests.servers import free_port, start_api, wait_until_up

TOKEN = "faults-test-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}

ARTICLES = [
    {
        "id": "merkel-macron",
        "published": "2021-05-04",
        "text": "German Chancellor Angela Merkel met French President Emmanuel Macron in Berlin "
        "on Monday. They discussed the EU budget.",
    },
    {
        "id": "draghi-sanchez",
        "published": "2021-05-05",
        "text": "Italian Prime Minister Mario Draghi met Spanish Prime Minister Pedro Sanchez in "
        "Rome on Tuesday.",
    },
    {
        "id": "macron-merkel-again",
        "published": "2021-05-04",
        "text": "Emmanuel Macron met Angela Merkel in Berlin on Monday, officials said. "
        "Olaf Scholz, the finance minister, joined the talks.",
    },
    {
        "id": "rutte-michel",
        "published": "2021-05-06",
        "text": "Dutch Prime Minister Mark Rutte visited Brussels on Wednesday. Charles Michel, "
        "president of the European Council, met Mark Rutte there on Wednesday.",
    },
    {
        "id": "kurz-babis",
        "published": "2021-05-07",
        "text": "Austrian Chancellor Sebastian Kurz met Czech Prime Minister Andrej Babis in "
        "Vienna on Thursday.",
    },
    {
        "id": "sanchez-draghi-again",
        "published": "2021-05-05",
        "text": "Pedro Sanchez met Mario Draghi in Rome on Tuesday to discuss migration.",
    },
    {
        "id": "marin-mitsotakis",
        "published": "2021-05-11",
        "text": "Finnish Prime Minister Sanna Marin met Greek Prime Minister Kyriakos Mitsotakis "
        "in Athens on Tuesday.",
    },
    {
        "id": "costa-sanchez",
        "published": "2021-05-10",
        "text": "Portuguese Prime Minister Antonio Costa met Pedro Sanchez in Lisbon on Monday.",
    },
]
"""Eight short articles; two pairs of them report the same meeting (Merkel and Macron in
Berlin, Draghi and Sanchez in Rome), which must stay one kg:Meeting each."""

IDS = [record["id"] for record in ARTICLES]
SHARED_MEETINGS = [("Angela Merkel", "Emmanuel Macron"), ("Mario Draghi", "Pedro Sanchez")]

# rdflib's own N-Quads parser uses its deprecated Dataset.default_context.
pytestmark = pytest.mark.filterwarnings("ignore:Dataset.default_context:DeprecationWarning")


def _articles(records: Sequence[dict[str, str]]) -> list[Article]:
    return [
        article_from_text(r["text"], id=r["id"], published=date.fromisoformat(r["published"]))
        for r in records
    ]


@pytest.fixture(scope="module")
def clean(nlp: Language) -> dict[str, Graph]:
    """Each article's graph from a clean one-process build of all eight."""
    store = Store.open(MEMORY)
    build(_articles(ARTICLES), store, nlp, DEFAULT_BASE_IRI)
    return _graphs(store)


def _graphs(store: Store) -> dict[str, Graph]:
    """Each named graph of the store, read back from its N-Quads export."""
    dataset = Dataset()
    dataset.parse(data=store.export("nquads"), format="nquads")
    return {str(g.identifier): g for g in dataset.graphs() if len(g)}


def _iri(article: str) -> str:
    return str(article_iri(article, DEFAULT_BASE_IRI))


def _assert_each_graph_whole(store: Store, clean: dict[str, Graph]) -> dict[str, Graph]:
    """Every graph the store holds is its article's graph from the clean build, whole, and the
    graph that queries naming no graph see is exactly their merge."""
    got = _graphs(store)
    assert set(got) <= set(clean)
    merged = Graph()
    for iri, graph in got.items():
        assert isomorphic(graph, clean[iri]), f"{iri} is not its clean-build graph"
        merged += graph
    default = Graph().parse(data=store.export("turtle"), format="turtle")
    assert isomorphic(default, merged), "the default graph is not the merge of the article graphs"
    return got


def _env(location: Path) -> dict[str, str]:
    return dict(os.environ, NEWSKG_STORE=str(location), NEWSKG_TOKEN=TOKEN)


def _kg(*args: str) -> list[str]:
    return [sys.executable, "-m", "kg.cli", *args]


def _serve(location: Path) -> tuple[str, subprocess.Popen[bytes]]:
    """`kg serve` on a free port over `location`, writes enabled, started and up."""
    port = free_port()
    process = subprocess.Popen(
        _kg("serve", "--store", str(location), "--port", str(port)),
        cwd=REPO,
        env=_env(location),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(url, process)
    except BaseException:
        process.kill()
        raise
    return url, process


def _stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@pytest.fixture
def stopped() -> Iterator[list[subprocess.Popen[bytes]]]:
    """Processes a test starts; any still running at the end are stopped."""
    processes: list[subprocess.Popen[bytes]] = []
    yield processes
    for process in processes:
        _stop(process)


POSTED = 5
"""The articles posted before the kill; the other three are left for the build after it."""


def test_serve_killed_during_ingestion_keeps_acknowledged_articles_whole(
    nlp: Language, clean: dict[str, Graph], tmp_path: Path, stopped: list
) -> None:
    """Three clients post the first five articles over and over (a re-post replaces the graph)
    until `kg serve` is killed with SIGKILL while their requests are in flight. After a restart
    every article acknowledged with 201 is there, every graph in the store is whole, and a
    build over all eight skips those and writes the rest."""
    location = tmp_path / "kg"
    url, server = _serve(location)
    stopped.append(server)
    acknowledged: set[str] = set()
    answers: list[int] = []
    enough = threading.Event()
    lock = threading.Lock()

    def post_until_killed(start: int) -> None:
        with httpx.Client(base_url=url, headers=AUTH, timeout=60) as http:
            for n in range(start, 10_000, 3):
                record = ARTICLES[n % POSTED]
                try:
                    response = http.post("/articles", json=record)
                except httpx.TransportError:
                    return  # the server is gone
                with lock:
                    answers.append(response.status_code)
                    if response.status_code == 201:
                        acknowledged.add(record["id"])
                    if len(answers) >= 8:  # some posted twice: their graphs replaced
                        enough.set()

    clients = [threading.Thread(target=post_until_killed, args=(i,)) for i in range(3)]
    for client in clients:
        client.start()
    assert enough.wait(timeout=120)
    server.send_signal(signal.SIGKILL)  # the other clients' requests are in flight
    server.wait(timeout=30)
    for client in clients:
        client.join(timeout=60)
    assert set(answers) == {201}
    (left_over,) = tmp_path.glob(".newskg-snapshots-*")  # the killed server's query snapshots

    url, server = _serve(location)  # its lock and snapshots left behind do not stop a restart
    stopped.append(server)
    assert not left_over.exists()  # the new server removed them; it keeps only its own
    assert len(list(tmp_path.glob(".newskg-snapshots-*"))) == 1
    listed = httpx.get(f"{url}/articles", params={"limit": 100}).json()
    assert acknowledged <= {item["id"] for item in listed["items"]}
    _stop(server)

    with Store.open(str(location)) as store:
        got = _assert_each_graph_whole(store, clean)
        assert {_iri(a) for a in acknowledged} <= set(got)
        summary = build(_articles(ARTICLES), store, nlp, DEFAULT_BASE_IRI, skip_existing=True)
        assert (summary.skipped, summary.articles) == (len(got), len(ARTICLES) - len(got))
        assert _assert_each_graph_whole(store, clean).keys() == clean.keys()


def _post_all(url: str, records: Sequence[dict[str, str]], start: threading.Barrier) -> list[int]:
    with httpx.Client(base_url=url, headers=AUTH, timeout=60) as http:
        start.wait()
        return [http.post("/articles", json=record).status_code for record in records]


def test_serve_two_clients_posting_overlapping_articles_store_each_once(
    clean: dict[str, Graph], tmp_path: Path, stopped: list
) -> None:
    """Two clients post overlapping sets (the shared ones in opposite orders) at the same time:
    each article is one graph, equal to its clean build, and a meeting two articles report is
    one kg:Meeting. A `kg build` on the served store meanwhile is refused with a clear error."""
    location = tmp_path / "kg"
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    server = start_api(port, _env(location))
    stopped.append(server)
    wait_until_up(url, server)
    first, second = ARTICLES[:6], ARTICLES[2:][::-1]
    start = threading.Barrier(2)
    answers: dict[str, list[int]] = {}
    threads = [
        threading.Thread(target=lambda: answers.update(a=_post_all(url, first, start))),
        threading.Thread(target=lambda: answers.update(b=_post_all(url, second, start))),
    ]
    for thread in threads:
        thread.start()
    feed = tmp_path / "more.jsonl"
    feed.write_text(json.dumps(ARTICLES[0]) + "\n", encoding="utf-8")
    refused = subprocess.run(
        _kg("build", str(feed), "--store", str(location)), capture_output=True, text=True
    )
    for thread in threads:
        thread.join(timeout=120)
    assert answers == {"a": [201] * len(first), "b": [201] * len(second)}
    assert refused.returncode == 2
    assert f"The graph store at '{location}' is open in another process" in refused.stderr
    assert "Wait for that process to end or stop it" in refused.stderr

    listed = httpx.get(f"{url}/articles", params={"limit": 100}).json()
    assert sorted(item["id"] for item in listed["items"]) == sorted(IDS)
    for a, b in SHARED_MEETINGS:
        rows = _meetings_of(url, a, b)
        assert len(rows) == 1, rows  # one meeting node ...
        assert rows[0]["graphs"] == "2"  # ... in the graphs of both articles reporting it
    _stop(server)

    with Store.open(str(location)) as store:
        assert _assert_each_graph_whole(store, clean).keys() == clean.keys()
        reference = Store.open(MEMORY)
        for iri, graph in clean.items():
            reference.put_graph(iri, graph)
        assert store.count() == reference.count()  # no fact written twice


def _meetings_of(url: str, a: str, b: str) -> list[dict[str, str]]:
    """Each kg:Meeting of persons labelled `a` and `b`, and in how many graphs it is."""
    sparql = f"""
    PREFIX kg: <https://w3id.org/newskg/ontology#>
    PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
    SELECT ?m (COUNT(DISTINCT ?g) AS ?graphs) WHERE {{
      GRAPH ?g {{ ?m a kg:Meeting ; kg:participant ?x, ?y .
                  ?x rdfs:label {json.dumps(a)} . ?y rdfs:label {json.dumps(b)} }}
    }} GROUP BY ?m"""
    response = httpx.post(
        f"{url}/sparql",
        data={"query": sparql},
        headers={"Accept": "application/sparql-results+json"},
    )
    assert response.status_code == 200, response.text
    rows = response.json()["results"]["bindings"]
    return [{k: cell["value"] for k, cell in row.items()} for row in rows]


def _open_writer(fifo: Path, reader: subprocess.Popen[bytes]) -> int:
    """The write end of `fifo`, once `reader` has opened it (within 90 s)."""
    deadline = time.monotonic() + 90
    while True:
        assert reader.poll() is None, "the build exited before reading its input"
        assert time.monotonic() < deadline, "the build did not open its input in 90 s"
        try:
            return os.open(fifo, os.O_WRONLY | os.O_NONBLOCK)
        except OSError:  # no reader yet
            time.sleep(0.1)


def test_build_two_processes_on_one_store_second_refused_then_rerun_completes(
    clean: dict[str, Graph], tmp_path: Path, stopped: list
) -> None:
    """While one `kg build` holds the store (reading a pipe), a second over an overlapping set
    exits 2 with a one-line error naming the store and writes nothing; once the first is done,
    rerunning the second builds only its new articles, and the store is the clean build."""
    location = str(tmp_path / "kg")
    feed = tmp_path / "first.jsonl"
    os.mkfifo(feed)
    first = subprocess.Popen(
        _kg("build", str(feed), "--store", location, "--batch-size", "2"),
        cwd=REPO,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    stopped.append(first)
    writer = _open_writer(feed, first)  # once the build, the store open, reads the pipe
    try:
        os.write(writer, "".join(json.dumps(r) + "\n" for r in ARTICLES[:4]).encode())
        second_file = tmp_path / "second.jsonl"
        second_file.write_text("".join(json.dumps(r) + "\n" for r in ARTICLES[2:]))
        second = subprocess.run(
            _kg("build", str(second_file), "--store", location),
            cwd=REPO,
            capture_output=True,
            text=True,
        )
    finally:
        os.close(writer)
    _, err = first.communicate(timeout=120)
    assert first.returncode == 0, err

    assert second.returncode == 2
    lines = second.stderr.strip().splitlines()
    assert len(lines) == 1, second.stderr
    assert lines[0].startswith(
        f"kg: error: The graph store at '{location}' is open in another process (a `kg build` "
        "or `kg serve`?)"
    )
    with Store.open(location) as store:  # the first build's four, nothing of the second
        assert _assert_each_graph_whole(store, clean).keys() == {_iri(a) for a in IDS[:4]}

    rerun = subprocess.run(
        _kg("build", str(second_file), "--store", location),
        cwd=REPO,
        capture_output=True,
        text=True,
    )
    assert rerun.returncode == 0, rerun.stderr
    assert "built 4 articles" in rerun.stderr
    assert "2 articles already in the store skipped" in rerun.stderr
    with Store.open(location) as store:
        assert _assert_each_graph_whole(store, clean).keys() == clean.keys()
