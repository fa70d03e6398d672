"""newskg's store, views and HTTP paths against baselines measured in the same run.

    .venv/bin/python -m bench [--triples 1000000] [--seconds 15] [--workdir DIR]

Needs `pip install -e '.[bench]'` (the `oxigraph` server and rdflib-endpoint). Prints Markdown:
bulk writing of article graphs, the four query shapes (newskg's store vs pyoxigraph directly vs
rdflib's in-memory SPARQL, rdflib capped), the meeting network and centrality, and /sparql under
load (newskg's API vs `oxigraph serve-read-only` on the same directory vs rdflib-endpoint).
Takes about 10 minutes on 2 cores. Not part of `make test`.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pyoxigraph as ox
import rdflib

from bench import queries
from bench.load import free_port, run_load, stop, wait_for_port
from bench.synth import Shape, articles, nquads, popular_person
from bench.timing import capped_time, geometric_mean, median_time, ms, table
from kg.store import Store, merge
from kg.store.query_result import rows_of
from kg.store.terms import graph_update, rdflib_term

RDFLIB_CAP = 60.0
BETWEENNESS_CAP = 30.0


def say(text: str = "") -> None:
    """Print a line of the report now."""
    print(text, flush=True)


def machine() -> str:
    """nproc, memory and Python, as the report states them."""
    free = subprocess.run(["free", "-g"], capture_output=True, text=True).stdout.split("\n")[1]
    return (
        f"{os.cpu_count()} CPUs (nproc), {free.split()[1]} GiB RAM (free -g), "
        f"Python {platform.python_version()}, pyoxigraph {ox.__version__}, "
        f"rdflib {rdflib.__version__}"
    )


def generate(workdir: Path, triples: int) -> tuple[Path, Shape]:
    shape = Shape.for_triples(triples)
    path = workdir / "news.nq"
    start = time.perf_counter()
    with path.open("w", encoding="utf-8") as out:
        out.writelines(nquads(shape))
    lines = sum(1 for _ in path.open(encoding="utf-8"))
    say(
        f"Synthetic graph: {lines:,} quads, {shape.articles:,} article graphs, "
        f"{shape.persons:,} persons ({time.perf_counter() - start:.1f} s to generate)."
    )
    return path, shape


def load_embedded(path: Path, directory: Path) -> None:
    start = time.perf_counter()
    store = ox.Store(str(directory))
    store.bulk_load(path=str(path), format=ox.RdfFormat.N_QUADS)
    merge.fill_once(store)  # the default graph: the merge of the article graphs, as kg.store keeps
    store.flush()
    store.optimize()
    del store
    say(f"Bulk-loaded into {directory.name}/ in {time.perf_counter() - start:.1f} s.")


def bench_writes(workdir: Path) -> None:
    """Batches of article graphs (rdflib Graphs, as kg.build makes them) into a directory store."""
    shape = Shape.for_triples(150_000)
    graphs = []
    for iri, lines in articles(shape, seed=7):
        graph = rdflib.Graph()
        for t in ox.parse("\n".join(lines) + "\n", format=ox.RdfFormat.N_TRIPLES):
            graph.add((rdflib_term(t.subject), rdflib_term(t.predicate), rdflib_term(t.object)))
        graphs.append((iri, graph))
    triples = sum(len(g) for _, g in graphs)
    rows = []
    for batch in (32, 256):
        timings = {}
        for path in ("update", "load", "bulk"):
            directory = Path(tempfile.mkdtemp(prefix=f"write-{path}-", dir=workdir))
            store = Store.open(str(directory))
            start = time.perf_counter()
            if path == "update":  # the previous path: one SPARQL Update text per batch
                for i in range(0, len(graphs), batch):
                    store._store.update(graph_update(graphs[i : i + batch]))
            else:
                store.put_graphs(graphs, batch_size=batch, bulk=path == "bulk")
            store.close()
            timings[path] = time.perf_counter() - start
            shutil.rmtree(directory, ignore_errors=True)
        base = timings["update"]
        rows.append(
            [str(batch)]
            + [f"{triples / timings[p]:,.0f}/s ({base / timings[p]:.2f}×)" for p in timings]
        )
    say(f"\n### Writing article graphs ({len(graphs):,} articles, {triples:,} triples)\n")
    say(
        table(
            [
                "articles per batch",
                "SPARQL Update text (before)",
                "put_graphs: load (transactional)",
                "put_graphs(bulk=True)",
            ],
            rows,
        )
    )


def bench_queries(store: Store, dataset: rdflib.Dataset, shape: Shape) -> None:
    person_iri, person_name = popular_person(shape)
    cases = [
        ("who met whom (one person)", queries.WHO_MET_WHOM, {"person": rdflib.URIRef(person_iri)}),
        ("affiliations by name", queries.AFFILIATIONS, {"name": rdflib.Literal(person_name)}),
        ("pairs who met per month", queries.PAIRS_PER_MONTH, {}),
        ("COUNT over everything", queries.COUNT_ALL, {}),
    ]
    raw = store._store
    rows, vs_rdflib, vs_ox, capped_any = [], [], [], False
    for name, sparql, bindings in cases:
        subs = {
            ox.Variable(k): ox.NamedNode(v) if isinstance(v, rdflib.URIRef) else ox.Literal(v)
            for k, v in bindings.items()
        }

        def direct(sparql: str = sparql, subs: dict = subs) -> list:
            result = raw.query(sparql, substitutions=subs or None)
            return [[t.value if t is not None else None for t in row] for row in result]

        def ours(sparql: str = sparql, bindings: dict = bindings) -> list:
            return rows_of(store.query(sparql, bindings or None))

        def by_rdflib(sparql: str = sparql, bindings: dict = bindings) -> int:
            return len(list(dataset.query(sparql, initBindings=bindings or None)))

        count = len(ours())
        t_ours = median_time(ours)
        t_direct = median_time(direct)
        t_rdflib, rdflib_rows, capped = capped_time(by_rdflib, RDFLIB_CAP)
        capped_any |= capped
        vs_rdflib.append(t_rdflib / t_ours)
        vs_ox.append(t_ours / t_direct)
        rows.append(
            [
                name,
                f"{count:,}",
                ms(t_ours),
                ms(t_direct),
                f"{t_ours / t_direct:.2f}×",
                (
                    f">{RDFLIB_CAP:g} s (capped)"
                    if capped
                    else f"{ms(t_rdflib)} ({rdflib_rows:,} rows)"
                ),
                f"{'≥' if capped else ''}{t_rdflib / t_ours:,.0f}×",
            ]
        )
    say(f"\n### Queries (bound person: {person_name})\n")
    say(
        table(
            [
                "query",
                "rows",
                "newskg Store.query",
                "pyoxigraph direct",
                "newskg / pyoxigraph",
                "rdflib in-memory",
                "rdflib / newskg",
            ],
            rows,
        )
    )
    cap_note = " (a lower bound: rdflib was capped)" if capped_any else ""
    say(
        f"\nGeometric mean: newskg is {geometric_mean(vs_rdflib):,.0f}× faster than rdflib"
        f"{cap_note}; newskg / pyoxigraph {geometric_mean(vs_ox):.2f}×, worst "
        f"{max(vs_ox):.2f}×."
    )


VIEW_MEMORY = 6 * 2**30
"""Address space each views measurement may use (its forked child is stopped past it)."""


def bench_views(directory: Path) -> None:
    """meetings.rq and the meeting network built from it, centrality through the API, each in a
    child process with a time cap and a memory cap; then centrality on the `kg:met` network."""
    import networkx as nx

    from kg.query.named_queries import query
    from kg.views import centrality, meeting_network
    from kg.views.network import pair_network

    def with_store(run):  # noqa: ANN001, ANN202
        def opened():  # noqa: ANN202
            with Store.open(str(directory)) as store:
                return run(store)

        return opened

    def api_centrality(metric: str):  # noqa: ANN202
        def run(store: Store) -> str:
            from fastapi.testclient import TestClient

            from api.main import create_app
            from kg.settings import Settings, default_model

            settings = Settings(model=default_model(), store=str(directory), query_workers=1)
            with TestClient(create_app(settings, store)) as client:
                times = []
                for _ in range(2):  # the first call reads the store, the next is cached
                    start = time.perf_counter()
                    response = client.get(f"/graph/centrality?metric={metric}&limit=20")
                    assert response.status_code == 200, response.text
                    times.append(time.perf_counter() - start)
                return f"{ms(times[0])} first call, {ms(times[1])} next (cached)"

        return run

    def cell(measured: tuple[float, object, bool], cap: float) -> str:
        seconds, result, capped = measured
        if capped:
            return f"stopped: {result} (cap {cap:g} s, {VIEW_MEMORY // 2**30} GiB)"
        return result if isinstance(result, str) else ms(seconds)

    cap = 120.0
    steps = [
        (
            "meetings.rq (the one SELECT of meeting_network)",
            lambda s: len(rows_of(s.query(query("meetings")))),
        ),
        (
            "meeting_network (that SELECT + networkx)",
            lambda s: meeting_network(s).number_of_edges(),
        ),
        (
            "pair_network (meeting_pairs.rq + networkx: what ranking reads)",
            lambda s: pair_network(s).number_of_edges(),
        ),
        ("GET /graph/centrality?metric=degree", api_centrality("degree")),
        ("GET /graph/centrality?metric=pagerank", api_centrality("pagerank")),
        ("GET /graph/centrality?metric=betweenness", api_centrality("betweenness")),
    ]
    rows = [
        [name, cell(capped_time(with_store(run), cap, VIEW_MEMORY), cap)] for name, run in steps
    ]
    # The same network from the symmetric kg:met edges (DISTINCT: one row per pair).
    with Store.open(str(directory)) as store:
        met = (
            "PREFIX kg: <https://w3id.org/newskg/ontology#> "
            "SELECT DISTINCT ?a ?b WHERE { ?a kg:met ?b FILTER(STR(?a) < STR(?b)) }"
        )
        start = time.perf_counter()
        pairs = rows_of(store.query(met))
        graph = nx.Graph((row["a"], row["b"]) for row in pairs)
        built = time.perf_counter() - start
    rows.append(["kg:met network from one SELECT DISTINCT + networkx", ms(built)])
    for metric in ("degree", "pagerank"):
        start = time.perf_counter()
        centrality(graph, metric)  # type: ignore[arg-type]
        rows.append([f"{metric} on the kg:met network", ms(time.perf_counter() - start)])
    measured = capped_time(lambda: len(centrality(graph, "betweenness")), BETWEENNESS_CAP)
    rows.append(
        ["betweenness (k=500 sampled) on the kg:met network", cell(measured, BETWEENNESS_CAP)]
    )
    say(
        f"\n### Views (kg:met network: {graph.number_of_nodes():,} persons, "
        f"{graph.number_of_edges():,} edges)\n"
    )
    say(table(["step", "time"], rows))


def bench_http(directory: Path, dataset: rdflib.Dataset, shape: Shape, seconds: float) -> None:
    person_iri, _ = popular_person(shape)
    sparql = queries.who_met_whom_inline(person_iri)
    results = {}
    env = dict(os.environ, NEWSKG_STORE=str(directory))
    env.pop("NEWSKG_TOKEN", None)
    servers = {
        "newskg API /sparql (uvicorn, 2 query workers)": (
            [
                sys.executable,
                "-m",
                "uvicorn",
                "api.main:create_app",
                "--factory",
                "--host",
                "127.0.0.1",
                "--port",
                "{port}",
                "--log-level",
                "warning",
            ],
            "/sparql",
        ),
        "oxigraph serve-read-only (same directory)": (
            [
                str(Path(sys.executable).with_name("oxigraph")),
                "serve-read-only",
                "--location",
                str(directory),
                "--bind",
                "127.0.0.1:{port}",
            ],
            "/query",
        ),
    }
    for name, (command, path) in servers.items():
        port = free_port()
        process = subprocess.Popen(
            [part.replace("{port}", str(port)) for part in command],
            env=env,
            stdout=subprocess.DEVNULL,
        )
        try:
            wait_for_port(port, process)
            run_load(port, path, {"query": sparql}, seconds=2)  # warm up
            results[name] = run_load(port, path, {"query": sparql}, seconds=seconds)
        finally:
            stop(process)
    results["rdflib-endpoint (rdflib in memory)"] = _rdflib_endpoint(dataset, sparql, seconds)
    base = results["newskg API /sparql (uvicorn, 2 query workers)"]
    rows = [
        [
            name,
            f"{load.per_second:,.0f}",
            ms(load.p50),
            ms(load.p99),
            str(load.errors),
            f"{base.per_second / load.per_second:.2f}×" if load.requests else "n/a",
        ]
        for name, load in results.items()
    ]
    say(f"\n### HTTP: who met whom for one person, 8 clients, {seconds:g} s each\n")
    say(table(["server", "requests/s", "p50", "p99", "errors", "newskg / server"], rows))
    say(f"\nResponse size {base.rows_bytes:,} bytes (SPARQL JSON).")


def _rdflib_endpoint(dataset: rdflib.Dataset, sparql: str, seconds: float):  # noqa: ANN202
    """rdflib-endpoint over the already loaded dataset, in a forked child (no second load)."""
    import uvicorn
    from rdflib_endpoint import SparqlEndpoint

    port = free_port()

    def serve() -> None:
        app = SparqlEndpoint(graph=dataset, path="/sparql", cors_enabled=False)
        uvicorn.run(app, host="127.0.0.1", port=port, log_level="warning")

    process = multiprocessing.get_context("fork").Process(target=serve, daemon=True)
    process.start()
    try:
        deadline = time.monotonic() + 60
        import socket

        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
                break
            except OSError:
                time.sleep(0.2)
        run_load(port, "/sparql", {"query": sparql}, clients=2, seconds=2)
        return run_load(port, "/sparql", {"query": sparql}, seconds=seconds)
    finally:
        process.kill()
        process.join()


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.split("\n")[0])
    parser.add_argument("--triples", type=int, default=1_000_000)
    parser.add_argument("--seconds", type=float, default=15.0, help="HTTP load per server")
    parser.add_argument("--workdir", help="where to write data (default: a temporary directory)")
    args = parser.parse_args()
    workdir = Path(args.workdir or tempfile.mkdtemp(prefix="newskg-bench-"))
    workdir.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    say(f"## newskg benchmarks\n\nMachine: {machine()}.\n")
    try:
        path, shape = generate(workdir, args.triples)
        directory = workdir / "kg"
        load_embedded(path, directory)
        bench_writes(workdir)
        start = time.perf_counter()
        from bench.rdflib_data import load_dataset

        dataset = load_dataset(str(path))
        say(f"\nrdflib Dataset loaded in {time.perf_counter() - start:.0f} s.")
        store = Store.open(str(directory))
        try:
            bench_queries(store, dataset, shape)
        finally:
            store.close()
        bench_views(directory)
        bench_http(directory, dataset, shape, args.seconds)
    finally:
        if not args.workdir:
            shutil.rmtree(workdir, ignore_errors=True)
    say(f"\nTotal benchmark time {time.perf_counter() - started:.0f} s.")


if __name__ == "__main__":
    main()
