"""What the query time limit costs: a query run in-process vs through the worker pools.

    .venv/bin/python bench/sparql_pool.py STORE_DIR [REPEAT]

Prints the median time per query for each path and its ratio to running the same job in-process
(kg.store.pool.run_job: query plus serialisation, no time limit).
"""

from __future__ import annotations

import asyncio
import statistics
import sys
import time

from kg.store import Store
from kg.store.pool import ProcessQueryPool, QueryJob, ThreadQueryPool, run_job

QUERIES = {
    "ask": "ASK { ?s ?p ?o }",
    "who-met-whom": (
        "PREFIX kg: <https://w3id.org/newskg/ontology#> "
        "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
        "SELECT ?a ?b WHERE { ?x kg:met ?y . ?x rdfs:label ?a . ?y rdfs:label ?b }"
    ),
    "all-triples": "SELECT * WHERE { ?s ?p ?o }",
}


def _median_ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000


async def main(location: str, repeat: int) -> None:
    store = Store.open(location)
    processes = ProcessQueryPool(store, timeout=30, workers=2)
    threads = ThreadQueryPool(store, timeout=30, workers=2)
    try:
        print(f"{'query':14} {'in-process':>11} {'threads':>15} {'processes':>15}")
        for name, sparql in QUERIES.items():
            job = QueryJob(sparql)
            await processes.run(job)  # warm up: workers started, snapshot opened
            timings: dict[str, list[float]] = {"direct": [], "threads": [], "processes": []}
            for _ in range(repeat):
                start = time.perf_counter()
                run_job(store, job)
                timings["direct"].append(time.perf_counter() - start)
                start = time.perf_counter()
                await threads.run(job)
                timings["threads"].append(time.perf_counter() - start)
                start = time.perf_counter()
                await processes.run(job)
                timings["processes"].append(time.perf_counter() - start)
            base = _median_ms(timings["direct"])
            cells = [
                f"{_median_ms(timings[k]):6.2f} ms x{_median_ms(timings[k]) / base:4.1f}"
                for k in ("threads", "processes")
            ]
            print(f"{name:14} {base:8.2f} ms {cells[0]:>15} {cells[1]:>15}")
        start = time.perf_counter()
        processes.refresh()
        print(f"refresh (snapshot after a write): {(time.perf_counter() - start) * 1000:.1f} ms")
    finally:
        processes.close()
        threads.close()
        store.close()


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 200))
