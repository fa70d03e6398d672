"""Do slow queries starve cheap ones? The time a cheap query takes while never-ending queries
hold the workers, for several ways of sharing the workers, against the same run's baseline.

    .venv/bin/python -m bench.query_lanes [--samples 5]

Each setting starts uvicorn over a store of the seed-sized fixture graph (tests/fixtures/mini.trig)
with a 10 s time limit, sends SLOW never-ending queries (a six-fold cross product), waits for them
to reach the workers, then times cheap queries (an ASK) one after another. Prints the time of the
first cheap query (the one that finds the workers busy), the median of the others, and the
resident memory of one query worker.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx
import pyoxigraph as ox

from bench.load import free_port, stop, wait_for_port

FIXTURE = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "mini.trig"
SLOW = (
    "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n2 ?o . "
    "?p ?q ?r }"
)
CHEAP = "ASK { ?s ?p ?o }"
SETTINGS = [  # (label, workers, reserve workers, slow queries)
    ("2 workers, no reserve (before)", 2, 0, 2),
    ("4 workers, no reserve", 4, 0, 2),
    ("4 workers, no reserve", 4, 0, 4),
    ("2 workers + 1 reserve (chosen)", 2, 1, 2),
    ("2 workers + 1 reserve (chosen)", 2, 1, 3),
]


async def cheap_query_times(url: str, slow: int, samples: int) -> list[float]:
    """Seconds each cheap query took while `slow` never-ending queries were running."""
    async with httpx.AsyncClient(base_url=url, timeout=60) as http:
        attacks = [
            asyncio.create_task(http.get("/sparql", params={"query": SLOW})) for _ in range(slow)
        ]
        await asyncio.sleep(1.0)  # let them reach the workers
        times = []
        for _ in range(samples):
            start = time.perf_counter()
            await http.get("/sparql", params={"query": CHEAP})
            times.append(time.perf_counter() - start)
        for attack in attacks:
            attack.cancel()
        await asyncio.gather(*attacks, return_exceptions=True)
    return times


def worker_rss_mib(server: subprocess.Popen[bytes]) -> float:
    """Resident memory of one query worker (a child of the server), in MiB."""
    children = Path(f"/proc/{server.pid}/task/{server.pid}/children").read_text().split()
    for child in children:
        if b"spawn_main" in Path(f"/proc/{child}/cmdline").read_bytes():
            for line in Path(f"/proc/{child}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    return float("nan")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--samples", type=int, default=5)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as workdir:
        store = Path(workdir) / "kg"
        disk = ox.Store(str(store))
        disk.load(path=str(FIXTURE), format=ox.RdfFormat.TRIG)
        disk.flush()
        del disk
        print(f"{'setting':34} {'slow':>4} {'first':>9} {'median':>9} {'worker RSS':>11}")
        for label, workers, reserve, slow in SETTINGS:
            port = free_port()
            env = os.environ | {
                "NEWSKG_STORE": str(store),
                "NEWSKG_TOKEN": "",
                "NEWSKG_QUERY_TIMEOUT": "10",
                "NEWSKG_QUERY_WORKERS": str(workers),
                "NEWSKG_RESERVE_WORKERS": str(reserve),
            }
            server = subprocess.Popen(
                [sys.executable, "-m", "uvicorn", "api.main:create_app", "--factory"]
                + ["--port", str(port), "--log-level", "warning"],
                env=env,
            )
            try:
                wait_for_port(port, server)
                url = f"http://127.0.0.1:{port}"
                httpx.get(f"{url}/sparql", params={"query": CHEAP}, timeout=60)
                times = asyncio.run(cheap_query_times(url, slow, args.samples))
                rss = worker_rss_mib(server)
            finally:
                stop(server)
            print(
                f"{label:34} {slow:>4} {times[0] * 1000:>7.0f}ms "
                f"{statistics.median(times[1:]) * 1000:>7.0f}ms {rss:>8.0f}MiB"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
