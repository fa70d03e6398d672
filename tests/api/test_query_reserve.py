"""Slow queries cannot starve others (issue 15): while never-ending queries hold every query
worker, a cheap query goes to the reserve worker and answers; a slow query sent to the reserve is
stopped at the reserve's shorter limit. A live server over an on-disk store (killable workers)."""

from __future__ import annotations

import asyncio
import os
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pyoxigraph as ox
import pytest

from tests.conftest import FIXTURES
from tests.servers import serving

FIXTURE = FIXTURES / "mini.trig"
WORKERS = 2
TIMEOUT_S = 20
RESERVE_TIMEOUT_S = 1
NEVER_ENDING = (  # the fixture graph six times over: hours of counting
    "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n2 ?o . "
    "?p ?q ?r }"
)
CHEAP = "ASK { ?s ?p ?o }"
GENEROUS_S = 5.0
"""A cheap query takes milliseconds; without the reserve it waited for the query time limit."""


@pytest.fixture
def server(tmp_path: Path) -> Iterator[str]:
    """uvicorn over the fixture graph: 2 workers with a 20 s limit, 1 reserve worker with 1 s.

    Stopping it waits for the never-ending queries to reach the 20 s limit (uvicorn lets running
    requests finish): a longer limit would only make the tests slower."""
    path = tmp_path / "kg"
    disk = ox.Store(str(path))
    disk.load(path=str(FIXTURE), format=ox.RdfFormat.TRIG)
    disk.flush()
    del disk
    env = os.environ | {
        "NEWSKG_STORE": str(path),
        "NEWSKG_TOKEN": "",
        "NEWSKG_QUERY_TIMEOUT": str(TIMEOUT_S),
        "NEWSKG_QUERY_WORKERS": str(WORKERS),
        "NEWSKG_RESERVE_WORKERS": "1",
        "NEWSKG_RESERVE_TIMEOUT": str(RESERVE_TIMEOUT_S),
    }
    with serving(env, stop_within=TIMEOUT_S + 30) as (url, _):
        assert httpx.get(f"{url}/sparql", params={"query": CHEAP}, timeout=60).status_code == 200
        yield url


async def _while_workers_are_busy(url: str, then: list[str]) -> list[tuple[httpx.Response, float]]:
    """Send WORKERS never-ending queries, then each query of `then` in turn, timing each; check
    the never-ending ones are still running at the end."""
    async with httpx.AsyncClient(base_url=url, timeout=TIMEOUT_S + 30) as http:
        slow = [
            asyncio.create_task(http.get("/sparql", params={"query": NEVER_ENDING}))
            for _ in range(WORKERS)
        ]
        await asyncio.sleep(2)  # for them to reach the workers
        answers = []
        for query in then:
            start = time.monotonic()
            response = await http.get("/sparql", params={"query": query})
            answers.append((response, time.monotonic() - start))
        assert not any(task.done() for task in slow), "the slow queries should still be running"
        for task in slow:
            task.cancel()
        await asyncio.gather(*slow, return_exceptions=True)
    return answers


def test_reserve_cheap_queries_answer_while_every_worker_runs_a_never_ending_one(
    server: str,
) -> None:
    answers = asyncio.run(_while_workers_are_busy(server, [CHEAP] * 3))
    for response, seconds in answers:
        assert response.status_code == 200
        assert response.json()["boolean"] is True
        assert seconds < GENEROUS_S


def test_reserve_stops_a_slow_query_at_its_own_limit_then_answers_a_cheap_one(
    server: str,
) -> None:
    (slow, _), (cheap, seconds) = asyncio.run(
        _while_workers_are_busy(server, [NEVER_ENDING, CHEAP])
    )
    assert slow.status_code == 503
    assert slow.json() == {
        "detail": f"The query took longer than {RESERVE_TIMEOUT_S} s and was stopped; add LIMIT "
        "or narrow it. (Every query worker was busy with other queries, so this one ran in the "
        f"reserve, limited to {RESERVE_TIMEOUT_S} s; try again later for the full time limit.)"
    }
    assert cheap.status_code == 200
    assert seconds < GENEROUS_S + 30  # the reserve worker is restarted after the kill
