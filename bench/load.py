"""Bounded HTTP loads on 127.0.0.1.

`run_load`: N threads, each with one kept-alive connection, sending one GET in a loop for a fixed
time (requests/s, latency percentiles), as `python -m bench` uses it against other servers.

`mixed_load`: N asyncio clients (httpx) mixing SPARQL queries, actor lookups and article
ingestion (POST /articles with the bearer token) for a fixed time; then checks that every article
the server accepted is in the graph with the meetings its answer listed. Run it on its own:

    .venv/bin/python -m bench.load [--clients 50] [--seconds 60] [--url URL --token TOKEN]

Without --url it builds seeds/ into a temporary store and serves it (uvicorn, a random token).
It prints requests by kind, 5xx, p50/p99 per kind, and articles accepted vs found afterwards.
"""

from __future__ import annotations

import argparse
import asyncio
import http.client
import itertools
import os
import random
import secrets
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from datetime import date, timedelta
from math import nan
from pathlib import Path
from urllib.parse import urlencode

import httpx

from bench.timing import ms, table


@dataclass(frozen=True)
class Load:
    """What a load run measured."""

    requests: int
    errors: int
    seconds: float
    p50: float
    p99: float
    rows_bytes: int

    @property
    def per_second(self) -> float:
        return self.requests / self.seconds


def run_load(
    port: int,
    path: str,
    params: dict[str, str],
    clients: int = 8,
    seconds: float = 15.0,
    accept: str = "application/sparql-results+json",
) -> Load:
    """GET `path?params` on 127.0.0.1:`port` from `clients` threads for `seconds`."""
    target = f"{path}?{urlencode(params)}"
    latencies: list[list[float]] = [[] for _ in range(clients)]
    errors = [0] * clients
    sizes = [0] * clients
    stop = time.perf_counter() + seconds

    def client(index: int) -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        while time.perf_counter() < stop:
            start = time.perf_counter()
            try:
                conn.request("GET", target, headers={"Accept": accept})
                response = conn.getresponse()
                body = response.read()
            except (OSError, http.client.HTTPException):
                errors[index] += 1
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
                continue
            if response.status != 200:
                errors[index] += 1
                continue
            latencies[index].append(time.perf_counter() - start)
            sizes[index] = len(body)

    started = time.perf_counter()
    threads = [threading.Thread(target=client, args=(i,)) for i in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    every = sorted(t for per_client in latencies for t in per_client)
    if not every:
        return Load(0, sum(errors), elapsed, float("nan"), float("nan"), 0)
    p99 = every[min(len(every) - 1, int(len(every) * 0.99))]
    return Load(len(every), sum(errors), elapsed, statistics.median(every), p99, max(sizes))


def free_port() -> int:
    """A TCP port free on 127.0.0.1 now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_port(port: int, process: subprocess.Popen, timeout: float = 300.0) -> None:
    """Return once something listens on `port`; RuntimeError if `process` dies first."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"The server exited with status {process.returncode}.")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"Nothing listened on port {port} within {timeout:g} s.")


def stop(process: subprocess.Popen) -> None:
    """Terminate a server started by the benchmark and wait for it."""
    process.terminate()
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


# The mixed load: queries, actor lookups and ingestion at once, then a check of what was written.

KINDS = ("sparql", "actors", "ingest")
WEIGHTS = (0.4, 0.4, 0.2)
"""How often each client picks each kind of request."""

FIRST_NAMES = ("Anna", "Peter", "Maria", "John", "Laura", "David", "Sofia", "Michael", "Elena")
SURNAMES = ("Kowalski", "Novak", "Schmidt", "Rossi", "Dubois", "Jensen", "Garcia", "Fischer")
TITLES = ("Foreign Minister", "Prime Minister", "Defence Minister", "President", "Trade Minister")
CITIES = ("Warsaw", "Vienna", "Lisbon", "Prague", "Dublin", "Oslo", "Helsinki", "Madrid")
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday")

SEED_ACTORS = ("antony-blinken", "mahmoud-abbas", "yoav-gallant", "benjamin-netanyahu")
SEARCHES = ("blinken", "ben-gvir", "abbas", "lapid", *(s.lower() for s in SURNAMES))

_PREFIXES = (
    "PREFIX kg: <https://w3id.org/newskg/ontology#>\n"
    "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
    "PREFIX schema: <https://schema.org/>\n"
)
QUERIES = (
    _PREFIXES + "SELECT DISTINCT ?met WHERE { ?a rdfs:label 'Antony Blinken' ; kg:met ?b . "
    "?b rdfs:label ?met } ORDER BY ?met",
    _PREFIXES + "SELECT (COUNT(DISTINCT ?m) AS ?meetings) WHERE { ?m a kg:Meeting }",
    _PREFIXES + "SELECT DISTINCT ?a ?b ?date WHERE { ?m a kg:Meeting ; kg:participant ?x, ?y ; "
    "schema:startDate ?date . ?x rdfs:label ?a . ?y rdfs:label ?b FILTER(?a < ?b) } "
    "ORDER BY DESC(?date) ?a ?b LIMIT 20",
)
"""Who Blinken met (the seed), how many meetings, the latest meetings (the ingested ones)."""

VERIFY_CHUNK = 100
"""Accepted articles checked per SPARQL query afterwards."""

Pair = tuple[str, str]


@dataclass(frozen=True)
class KindLoad:
    """One kind of request under the mixed load: answers, 5xx, other failures (4xx, transport
    errors) and latency percentiles in seconds."""

    kind: str
    requests: int
    server_errors: int
    other_errors: int
    p50: float
    p99: float


@dataclass(frozen=True)
class Accepted:
    """An article the server accepted (201/200): its graph and the meetings its answer listed."""

    graph: str
    meetings: frozenset[Pair]


@dataclass(frozen=True)
class MixedLoad:
    """What a mixed load measured, and the accepted articles not found whole afterwards."""

    kinds: tuple[KindLoad, ...]
    seconds: float
    accepted: dict[str, Accepted]
    """Each accepted article by id."""
    missing: tuple[str, ...]
    problems: tuple[str, ...]
    """The first unexpected answers (status and body) or transport errors, for the report."""

    @property
    def server_errors(self) -> int:
        return sum(k.server_errors for k in self.kinds)

    @property
    def other_errors(self) -> int:
        return sum(k.other_errors for k in self.kinds)

    @property
    def found(self) -> int:
        return len(self.accepted) - len(self.missing)


def synthetic_article(n: int, tag: str) -> dict[str, str]:
    """Article `n` of a run (ids start with `tag`): two invented officials met in a city on a
    weekday, as a JSON body for POST /articles."""
    rng = random.Random(n)
    names = [f"{f} {s}" for f in FIRST_NAMES for s in SURNAMES]
    a, b = rng.sample(names, 2)
    published = date(2022, 1, 3) + timedelta(days=n % 360)
    text = (
        f"{rng.choice(TITLES)} {a} met {rng.choice(TITLES)} {b} in {rng.choice(CITIES)} "
        f"on {rng.choice(DAYS)}. The two discussed trade and energy."
    )
    return {"id": f"{tag}-{n}", "published": published.isoformat(), "text": text}


def met_pairs(facts: list[dict]) -> set[Pair]:
    """The asserted person-person meetings among an ingested article's facts (as kg:met)."""
    return {
        (min(f["subject"], f["object"]), max(f["subject"], f["object"]))
        for f in facts
        if f["predicate"] == "met"
        and f["status"] == "asserted"
        and f["subject_type"] == f["object_type"] == "person"
    }


class _Tally:
    """Answers of one kind, as the clients record them."""

    def __init__(self) -> None:
        self.latencies: list[float] = []
        self.server_errors = 0
        self.other_errors = 0

    def summary(self, kind: str) -> KindLoad:
        every = sorted(self.latencies)
        if not every:
            return KindLoad(kind, 0, self.server_errors, self.other_errors, nan, nan)
        p99 = every[min(len(every) - 1, int(len(every) * 0.99))]
        return KindLoad(
            kind,
            len(every),
            self.server_errors,
            self.other_errors,
            statistics.median(every),
            p99,
        )


async def mixed_load(
    url: str, token: str, clients: int = 50, seconds: float = 60.0, seed: int = 0
) -> MixedLoad:
    """`clients` clients mixing SPARQL, actor lookups and POST /articles on `url` for `seconds`;
    then every accepted article is looked for through /sparql."""
    tag = f"load-{secrets.token_hex(3)}"
    tallies = {kind: _Tally() for kind in KINDS}
    accepted: dict[str, Accepted] = {}
    problems: list[str] = []
    numbers = itertools.count()
    auth = {"Authorization": f"Bearer {token}"}

    def note(problem: str) -> None:
        if len(problems) < 20:
            problems.append(problem)

    async def request(http: httpx.AsyncClient, kind: str, rng: random.Random) -> httpx.Response:
        if kind == "sparql":
            return await http.post(
                "/sparql",
                data={"query": rng.choice(QUERIES)},
                headers={"Accept": "application/sparql-results+json"},
            )
        if kind == "actors":
            if rng.random() < 0.5:
                return await http.get("/actors", params={"q": rng.choice(SEARCHES)})
            return await http.get(f"/actors/{rng.choice(SEED_ACTORS)}")
        body = synthetic_article(next(numbers), tag)
        response = await http.post("/articles", json=body, headers=auth)
        if response.status_code in (200, 201):
            answer = response.json()
            accepted[body["id"]] = Accepted(answer["graph"], met_pairs(answer["facts"]))
        return response

    async def client(http: httpx.AsyncClient, index: int, stop: float) -> None:
        rng = random.Random(seed * 1000 + index)
        while time.perf_counter() < stop:
            kind = rng.choices(KINDS, WEIGHTS)[0]
            tally = tallies[kind]
            start = time.perf_counter()
            try:
                response = await request(http, kind, rng)
            except httpx.HTTPError as exc:
                tally.other_errors += 1
                note(f"{kind}: {exc!r}")
                continue
            tally.latencies.append(time.perf_counter() - start)
            if response.status_code >= 500:
                tally.server_errors += 1
            elif response.status_code not in (200, 201):
                tally.other_errors += 1
            else:
                continue
            note(f"{kind}: {response.status_code} {response.text[:200]}")

    # Idle connections are dropped before uvicorn's 5 s keep-alive timeout closes them, so that
    # no request is sent on a connection the server is closing (a ReadError, not the server's).
    limits = httpx.Limits(
        max_connections=clients, max_keepalive_connections=clients, keepalive_expiry=2.0
    )
    async with httpx.AsyncClient(base_url=url, timeout=120.0, limits=limits) as http:
        started = time.perf_counter()
        stop = started + seconds
        await asyncio.gather(*(client(http, i, stop) for i in range(clients)))
        elapsed = time.perf_counter() - started
        missing = await not_found(http, accepted)
    return MixedLoad(
        kinds=tuple(tallies[kind].summary(kind) for kind in KINDS),
        seconds=elapsed,
        accepted=accepted,
        missing=tuple(sorted(missing)),
        problems=tuple(problems),
    )


async def not_found(http: httpx.AsyncClient, accepted: dict[str, Accepted]) -> list[str]:
    """The accepted articles whose graph is absent or lacks a meeting the answer listed."""
    missing = []
    items = sorted(accepted.items())
    for i in range(0, len(items), VERIFY_CHUNK):
        chunk = dict(items[i : i + VERIFY_CHUNK])
        values = " ".join(f"<{a.graph}>" for a in chunk.values())
        present = await _select(
            http, f"SELECT DISTINCT ?g WHERE {{ VALUES ?g {{ {values} }} GRAPH ?g {{ ?s ?p ?o }} }}"
        )
        found_pairs = await _select(
            http,
            _PREFIXES + f"SELECT DISTINCT ?g ?a ?b WHERE {{ VALUES ?g {{ {values} }} "
            "GRAPH ?g { ?x kg:met ?y . ?x rdfs:label ?a . ?y rdfs:label ?b } }",
        )
        graphs = {row["g"] for row in present}
        pairs = {(row["g"], row["a"], row["b"]) for row in found_pairs}
        for article, a in chunk.items():
            if a.graph not in graphs or any((a.graph, x, y) not in pairs for x, y in a.meetings):
                missing.append(article)
    return missing


async def _select(http: httpx.AsyncClient, sparql: str) -> list[dict[str, str]]:
    response = await http.post(
        "/sparql", data={"query": sparql}, headers={"Accept": "application/sparql-results+json"}
    )
    if response.status_code != 200:
        raise RuntimeError(
            f"Checking the accepted articles failed: /sparql answered {response.status_code} "
            f"({response.text[:200]}); is the server still up?"
        )
    rows = response.json()["results"]["bindings"]
    return [{name: cell["value"] for name, cell in row.items()} for row in rows]


def check_articles(url: str, accepted: dict[str, Accepted]) -> list[str]:
    """`not_found` from synchronous code: the accepted articles not found whole at `url`."""

    async def check() -> list[str]:
        async with httpx.AsyncClient(base_url=url, timeout=120.0) as http:
            return await not_found(http, accepted)

    return asyncio.run(check())


def run_mixed(url: str, token: str, clients: int = 50, seconds: float = 60.0) -> MixedLoad:
    """`mixed_load` from synchronous code (a test, the command line)."""
    return asyncio.run(mixed_load(url, token, clients, seconds))


def mixed_report(load: MixedLoad, clients: int) -> str:
    """The figures of a mixed load as Markdown: a table by kind, then the article check."""
    rows = [
        [
            k.kind,
            f"{k.requests:,}",
            f"{k.requests / load.seconds:,.1f}",
            str(k.server_errors),
            str(k.other_errors),
            ms(k.p50),
            ms(k.p99),
        ]
        for k in load.kinds
    ]
    lines = [
        f"{clients} clients, {load.seconds:.0f} s\n",
        table(["kind", "requests", "per second", "5xx", "other errors", "p50", "p99"], rows),
        "",
        f"5xx: {load.server_errors}; other errors: {load.other_errors}. "
        f"Articles accepted: {len(load.accepted)}, found afterwards: {load.found}"
        + (f" (missing: {', '.join(load.missing[:10])})" if load.missing else "")
        + ".",
    ]
    lines += [f"  {problem}" for problem in load.problems]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Run the mixed load against --url, or against a server over seeds/ started here."""
    parser = argparse.ArgumentParser(
        prog="python -m bench.load",
        description="Clients mixing SPARQL, actor lookups and POST /articles for a fixed time; "
        "then every accepted article is looked for in the graph.",
    )
    parser.add_argument("--clients", type=int, default=50, help="concurrent clients (50)")
    parser.add_argument("--seconds", type=float, default=60.0, help="how long (60)")
    parser.add_argument("--url", help="a running newskg API (default: start one over seeds/)")
    parser.add_argument("--token", help="its NEWSKG_TOKEN (with --url)")
    args = parser.parse_args(argv)
    if args.url:
        if not args.token:
            parser.error("--url needs --token, the server's NEWSKG_TOKEN, to POST articles")
        load = run_mixed(args.url, args.token, args.clients, args.seconds)
    else:
        with tempfile.TemporaryDirectory(prefix="newskg-load-") as workdir:
            load = _against_seed_server(Path(workdir), args.clients, args.seconds)
    print(mixed_report(load, args.clients), flush=True)
    return 1 if load.server_errors or load.other_errors or load.missing else 0


def _against_seed_server(workdir: Path, clients: int, seconds: float) -> MixedLoad:
    repo = Path(__file__).resolve().parent.parent
    location = str(workdir / "kg")
    subprocess.run(
        [sys.executable, "-m", "kg.cli", "build", str(repo / "seeds"), "--store", location],
        check=True,
        cwd=repo,
    )
    token = secrets.token_urlsafe(16)
    port = free_port()
    env = dict(os.environ, NEWSKG_STORE=location, NEWSKG_TOKEN=token)
    server = subprocess.Popen(
        [sys.executable, "-m", "uvicorn", "api.main:create_app", "--factory"]
        + ["--host", "127.0.0.1", "--port", str(port), "--log-level", "warning"],
        cwd=repo,
        env=env,
    )
    try:
        wait_for_port(port, server)
        return run_mixed(f"http://127.0.0.1:{port}", token, clients, seconds)
    finally:
        stop(server)


if __name__ == "__main__":
    sys.exit(main())
