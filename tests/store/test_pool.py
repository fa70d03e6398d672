"""The query pool over snapshots of an on-disk store: fresh reads after writes, and the snapshot
folders a killed server leaves behind."""

from __future__ import annotations

import asyncio
import fcntl
import json
from pathlib import Path

import rdflib

from kg.store import Store
from kg.store.pool import OWNER_LOCK, SNAPSHOTS_PREFIX, ProcessQueryPool, QueryJob

COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"


def _graph(n: int) -> rdflib.Graph:
    graph = rdflib.Graph()
    subject = rdflib.URIRef(f"https://example.org/s{n}")
    graph.add((subject, rdflib.RDFS.label, rdflib.Literal(f"s{n}")))
    return graph


def _count(pool: ProcessQueryPool) -> int:
    results = asyncio.run(pool.run(QueryJob(COUNT)))
    return int(json.loads(results.body)["results"]["bindings"][0]["n"]["value"])


def test_pool_refresh_reads_what_was_written_since(tmp_path: Path) -> None:
    with Store.open(str(tmp_path / "kg")) as store:
        store.put_graph("https://example.org/g1", _graph(1))
        pool = ProcessQueryPool(store, timeout=30, workers=1)
        try:
            assert _count(pool) == 1
            store.put_graph("https://example.org/g2", _graph(2))
            assert _count(pool) == 2  # the pool saw the store's version change: a new snapshot
            pool.refresh()  # nothing written since: no new snapshot
            assert _count(pool) == 2
            snapshots = list(tmp_path.glob(f"{SNAPSHOTS_PREFIX}*/*-*"))
            assert [p.name for p in snapshots] == ["snapshot-2"]  # older ones are collected
        finally:
            pool.close()
        assert not list(tmp_path.glob(f"{SNAPSHOTS_PREFIX}*"))


def test_pool_start_removes_folders_of_dead_servers_only(tmp_path: Path) -> None:
    dead = tmp_path / f"{SNAPSHOTS_PREFIX}dead"
    (dead / "snapshot-3").mkdir(parents=True)
    (dead / OWNER_LOCK).touch()  # nobody holds its lock: the server was killed
    alive = tmp_path / f"{SNAPSHOTS_PREFIX}alive"
    alive.mkdir()
    with (alive / OWNER_LOCK).open("wb") as held:
        fcntl.flock(held, fcntl.LOCK_EX | fcntl.LOCK_NB)  # another server, still running
        with Store.open(str(tmp_path / "kg")) as store:
            pool = ProcessQueryPool(store, timeout=30, workers=1)
            try:
                assert not dead.exists()
                assert alive.exists()
                assert len(list(tmp_path.glob(f"{SNAPSHOTS_PREFIX}*"))) == 2
            finally:
                pool.close()
