"""`kg query` beside a running `kg serve` on the same store, against the same query sent to /sparql.

    .venv/bin/python -m bench.cli_beside_server STORE_DIR [REPEAT]

Starts `kg serve` over STORE_DIR on a free local port, then for each query times, REPEAT times,
(1) the whole `kg query --store STORE_DIR --format csv` command as a user runs it (a new Python
process: start-up, finding the server, the query through it, printing) and (2) one POST of the
query to the server's /sparql asking for CSV, from this process. Prints the medians, the difference
(the target: `kg query` within 1 s of /sparql), their ratio, and the CPU time of the `kg query`
process (less sensitive than wall time to other work on the machine). With the server stopped,
it times `kg query` opening the store itself, for comparison.
"""

from __future__ import annotations

import os
import resource
import socket
import statistics
import subprocess
import sys
import time

import httpx

QUERIES = {
    "ask": "ASK { ?s ?p ?o }",
    "who-met-whom": (
        "SELECT ?a ?b WHERE { ?x kg:met ?y . ?x rdfs:label ?a . ?y rdfs:label ?b } ORDER BY ?a ?b"
    ),
    "posts": (
        "SELECT ?person ?post WHERE { ?p org:holds ?x . ?p rdfs:label ?person . "
        "?x rdfs:label ?post } ORDER BY ?person"
    ),
    "all-triples": "SELECT * WHERE { ?s ?p ?o }",
}
KG = [sys.executable, "-m", "kg.cli"]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wait(url: str, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"kg serve exited with {process.returncode}")
        try:
            if httpx.get(f"{url}/health", timeout=2).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.2)
    raise SystemExit("kg serve did not start in 120 s")


def _cli(store: str, query: str) -> tuple[float, float, bytes]:
    """The wall time of `kg query`, the CPU time (user + system) of its process, its output."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(
        [*KG, "query", "--store", store, "--format", "csv", query], capture_output=True, check=True
    )
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
    return wall, cpu, done.stdout


def _http(client: httpx.Client, url: str, query: str) -> tuple[float, bytes]:
    start = time.perf_counter()
    response = client.post(f"{url}/sparql", data={"query": query}, headers={"Accept": "text/csv"})
    response.raise_for_status()
    return time.perf_counter() - start, response.content


def _timed(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True)
    return time.perf_counter() - start


def _ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000


def main(store: str, repeat: int) -> None:
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(
        [*KG, "serve", "--store", store, "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=os.environ,
    )
    direct: dict[str, list[float]] = {}
    try:
        _wait(url, server)
        print(
            f"{'query':13} {'rows':>6} {'/sparql':>10} {'kg query':>10} {'difference':>11} "
            f"{'ratio':>6} {'kg query CPU':>12}"
        )
        with httpx.Client(timeout=120) as client:
            for name, query in QUERIES.items():
                _http(client, url, query)  # warm up: the pool's workers open their snapshot
                cli, cpu, http = [], [], []
                for _ in range(repeat):
                    seconds, body = _http(client, url, query)
                    http.append(seconds)
                    seconds, used, printed = _cli(store, query)
                    cli.append(seconds)
                    cpu.append(used)
                rows = max(len(printed.splitlines()) - 1, 0)
                difference = _ms(cli) - _ms(http)
                print(
                    f"{name:13} {rows:6} {_ms(http):7.1f} ms {_ms(cli):7.1f} ms "
                    f"{difference:+8.1f} ms {_ms(cli) / _ms(http):5.1f}x {_ms(cpu):9.1f} ms"
                )
    finally:
        server.terminate()
        server.wait(timeout=60)
    for name, query in QUERIES.items():
        direct[name] = [_cli(store, query)[0] for _ in range(repeat)]
    direct["python -c pass"] = [_timed([sys.executable, "-c", "pass"]) for _ in range(repeat)]
    print("kg query with the server stopped (opens the store itself):")
    for name, samples in direct.items():
        print(f"  {name:13} {_ms(samples):7.1f} ms")


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 5)
