"""Run user queries under a time limit, in worker processes that can be killed.

pyoxigraph evaluates a query in Rust and gives Python no way to interrupt it, so a query that
must be stopped has to run in a process that can be killed. `ProcessQueryPool` keeps `workers`
processes (started with `spawn`, so no lock or thread state of the server is copied into them).
Each takes one job at a time: it opens the store read-only, runs the query, serialises the result
(kg.store.results) and sends the bytes back over a pipe. The server waits for the answer in a
thread, without blocking its event loop; past the deadline it kills the worker, answers 503
(QueryTimeoutError), and starts a replacement in the background. Other requests go to the other
workers meanwhile, and a request that finds every worker busy waits for one within the same
deadline.

Workers never open the live store. RocksDB (under pyoxigraph) does not allow a read-only opener
while another process writes: a read-only open of the live directory fails or reads files that
compaction has deleted. So the pool reads from a snapshot (`Store.snapshot`: a RocksDB checkpoint,
hard links, about 2 ms), taken at start-up and again by the first query that finds the store's
`version` changed (by any write through the store, so a write route need not ask for one). A
worker switches to the newest snapshot before its next job (opening one read-only takes about
10 ms); a snapshot is deleted once no worker has it open. A snapshot is taken outside the lock
queries need, so queries other than the first after a write never wait for one. The snapshots
live in a temporary directory next to the store, removed on close(); one left by a killed server
is removed by the next start.

An in-memory store cannot be shared with another process: `ThreadQueryPool` runs its queries in
threads and stops waiting at the deadline with the same 503, but the query keeps its thread (and a
CPU) until it ends by itself. It is for tests and throw-away servers.

A remote store (a SPARQL server) is queried from threads too (`ThreadQueryPool`, at least
REMOTE_WORKERS of them, since they only wait on the network): each request carries the time limit
as its HTTP timeout, so the thread is freed at the deadline; stopping the query on the server is
the server's own timeout (`oxigraph serve --timeout-s`).
"""

from __future__ import annotations

import asyncio
import fcntl
import multiprocessing
import shutil
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from pathlib import Path
from typing import IO, Protocol

from kg import errors
from kg.errors import QueryTimeoutError, StoreError
from kg.store import GraphStore, Store
from kg.store.interface import QueryOptions
from kg.store.results import Results, check_xml_output, serialise


@dataclass(frozen=True)
class QueryJob:
    """One query to run: the text, how it runs, and the row limit."""

    sparql: str
    options: QueryOptions = QueryOptions(formats=("json", "turtle"))
    """Its dataset, base IRI and the formats the client takes (the pool sets the time limit)."""
    max_rows: int = 10_000


REMOTE_WORKERS = 16
"""Threads waiting on a remote store at once (at least; more if `workers` says so)."""

SNAPSHOTS_PREFIX = ".newskg-snapshots-"
OWNER_LOCK = "owner.lock"
STALE_SECONDS = 60
"""A snapshot folder without a lock file this old is left over from an older version."""


def run_job(store: GraphStore, job: QueryJob, timeout: float | None = None) -> Results:
    """Run `job` on `store` and serialise its result (a time limit only for remote stores);
    NotAcceptableError if XML was asked for and the result holds what XML cannot carry."""
    result = store.query(job.sparql, None, replace(job.options, timeout=timeout))
    results = serialise(result, *(job.options.formats or (None, None)), job.max_rows)
    check_xml_output(results.body, results.media_type)
    return results


def timeout_message(seconds: float) -> str:
    """What a client is told when its query ran out of time."""
    return f"The query took longer than {seconds:g} s and was stopped; add LIMIT or narrow it."


class QueryPool(Protocol):
    """Runs query jobs with a time limit."""

    timeout: float

    async def run(self, job: QueryJob) -> Results:
        """The serialised results; QueryTimeoutError past the time limit."""
        ...

    def refresh(self) -> None:
        """Make the queries that start from now on see every write made so far (each query
        does this by itself when the store's version changed)."""
        ...

    def close(self) -> None:
        """Stop the workers and remove what they used."""
        ...


@dataclass(frozen=True)
class Reserve:
    """Workers kept for queries that find all others busy, under a shorter time limit."""

    workers: int = 0
    timeout: float | None = None
    """Seconds; None: the pool's own limit."""


NO_RESERVE = Reserve()


def open_pool(
    store: GraphStore, timeout: float, workers: int, reserve: Reserve = NO_RESERVE
) -> QueryPool:
    """A process pool over an on-disk store (with its reserve), a thread pool over an in-memory
    or remote one (threads cannot be stopped, so no reserve would stay free)."""
    if store.kind == "memory":
        return ThreadQueryPool(store, timeout, workers)
    if store.kind == "remote":
        return ThreadQueryPool(store, timeout, max(workers, REMOTE_WORKERS))
    return ProcessQueryPool(store, timeout, workers, reserve)


class ThreadQueryPool:
    """Queries in threads: the client gets 503 at the deadline, the thread runs on to the end."""

    def __init__(self, store: GraphStore, timeout: float, workers: int) -> None:
        self.timeout = timeout
        self._store = store
        self._executor = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="query")

    async def run(self, job: QueryJob) -> Results:
        """The serialised results; QueryTimeoutError past the time limit."""
        # A remote store stops waiting by itself at the deadline (its HTTP timeout).
        limit = self.timeout if self._store.kind == "remote" else None
        future = self._executor.submit(run_job, self._store, job, limit)
        try:
            return await asyncio.wait_for(asyncio.wrap_future(future), self.timeout)
        except TimeoutError:
            raise QueryTimeoutError(timeout_message(self.timeout)) from None

    def refresh(self) -> None:
        """Nothing to do: the threads read the live store."""

    def close(self) -> None:
        """Let running queries finish in the background; accept no new ones."""
        self._executor.shutdown(wait=False, cancel_futures=True)


class ProcessQueryPool:
    """Queries in killable worker processes that read snapshots of an on-disk store, taken
    anew when a query finds the store's version changed since the last one.

    `workers` take queries under the full time limit. A query that finds them all busy goes to
    one of the `reserve` workers instead, if one is idle, under its time limit: so as many
    never-ending queries as there are workers leave a cheap query a worker to answer at once,
    and a slow query sent to the reserve is stopped soon, leaving it free again."""

    def __init__(
        self, store: GraphStore, timeout: float, workers: int, reserve: Reserve = NO_RESERVE
    ) -> None:
        self.timeout = timeout
        self.reserve_timeout = min(reserve.timeout or timeout, timeout)
        self._store = store
        self._lock = threading.Lock()
        self._snapshotting = threading.Lock()
        self._root, self._owner = _snapshot_root(store.location)
        self._generation = 0
        self._version = store.version  # the store's version the current snapshot holds
        self._current = _published(self._take_snapshot())
        self._context = multiprocessing.get_context("spawn")
        self._workers = [_Worker(self._context) for _ in range(workers + reserve.workers)]
        for worker in self._workers:  # started together, waited for in turn
            worker.wait_ready()
        self._reserve = frozenset(self._workers[workers:])
        self._idle: asyncio.Queue[_Worker] | None = None
        self._spare: asyncio.Queue[_Worker] | None = None
        self._restarts: set[asyncio.Task[None]] = set()

    async def run(self, job: QueryJob) -> Results:
        """The serialised results; QueryTimeoutError past the time limit."""
        deadline = time.monotonic() + self.timeout
        if self._store.version != self._version:  # written since the snapshot was taken
            await asyncio.to_thread(self.refresh)
        idle, spare = self._queues()
        worker = await self._next_worker(idle, spare)
        limit = self.reserve_timeout if worker in self._reserve else self.timeout
        with self._lock:
            snapshot = self._current
            worker.snapshot = snapshot
        self._collect()
        remaining = max(min(deadline - time.monotonic(), limit), 0.001)
        try:
            outcome = await asyncio.to_thread(worker.call, snapshot, job, remaining)
        except TimeoutError:
            self._replace(worker)
            raise QueryTimeoutError(self._late(worker)) from None
        except BaseException:
            self._replace(worker)
            raise
        self._release(worker)
        return _unwrap(outcome)

    async def _next_worker(
        self, idle: asyncio.Queue[_Worker], spare: asyncio.Queue[_Worker]
    ) -> _Worker:
        """An idle worker, else an idle reserve worker, else whichever of them is free first."""
        for queue in (idle, spare):
            if not queue.empty():
                return queue.get_nowait()
        waits = [asyncio.ensure_future(queue.get()) for queue in (idle, spare)]
        interrupted = True
        try:
            await asyncio.wait(waits, timeout=self.timeout, return_when=asyncio.FIRST_COMPLETED)
            interrupted = False
        finally:
            for wait in waits:
                wait.cancel()  # a get cancelled before it ran leaves its worker in the queue
            got = [wait.result() for wait in waits if wait.done() and not wait.cancelled()]
            for extra in got if interrupted else got[1:]:  # both came free at once: keep one
                self._release(extra)
        if not got:
            raise QueryTimeoutError(
                f"{timeout_message(self.timeout)} (Every query worker stayed busy; try again.)"
            )
        return got[0]

    def _late(self, worker: _Worker) -> str:
        if worker not in self._reserve:
            return timeout_message(self.timeout)
        return (
            f"{timeout_message(self.reserve_timeout)} (Every query worker was busy with other "
            f"queries, so this one ran in the reserve, limited to {self.reserve_timeout:g} s; "
            "try again later for the full time limit.)"
        )

    def _replace(self, worker: _Worker) -> None:
        task = asyncio.create_task(self._restart(worker))
        self._restarts.add(task)
        task.add_done_callback(self._restarts.discard)

    def _release(self, worker: _Worker) -> None:
        idle, spare = self._queues()
        (spare if worker in self._reserve else idle).put_nowait(worker)

    def refresh(self) -> None:
        """Snapshot the store now if it was written since the last snapshot; jobs that start
        from now on read the new one (`run` calls this itself when the version changed).

        The snapshot (80-200 ms under load) is taken outside the lock that queries starting
        meanwhile need, under a name `_collect` leaves alone, and swapped in when done."""
        with self._snapshotting:
            version = self._store.version  # read first: the snapshot holds at least this
            if version == self._version:  # taken meanwhile by another query, or no write
                return
            pending = self._take_snapshot()
            with self._lock:  # named for _collect and made current at once
                self._current = _published(pending)
            self._version = version
        self._collect()

    def close(self) -> None:
        """Stop the workers and delete the snapshots."""
        for worker in self._workers:
            worker.stop()
        shutil.rmtree(self._root, ignore_errors=True)
        self._owner.close()

    def _queues(self) -> tuple[asyncio.Queue[_Worker], asyncio.Queue[_Worker]]:
        """The idle workers and the idle reserve workers."""
        # Made on first use, inside the server's event loop, which the queues belong to.
        if self._idle is None or self._spare is None:
            self._idle, self._spare = asyncio.Queue(), asyncio.Queue()
            for worker in self._workers:
                self._release(worker)
        return self._idle, self._spare

    async def _restart(self, worker: _Worker) -> None:
        await asyncio.to_thread(worker.restart)
        with self._lock:
            worker.snapshot = None
        self._collect()
        self._release(worker)

    def _take_snapshot(self) -> Path:
        # The caller holds self._snapshotting (or is __init__): one snapshot at a time.
        self._generation += 1
        path = self._root / f"pending-{self._generation}"
        self._store.snapshot(str(path))
        return path

    def _collect(self) -> None:
        """Delete every snapshot that is neither current nor open in a worker."""
        with self._lock:
            keep = {self._current} | {w.snapshot for w in self._workers if w.snapshot}
            for path in self._root.glob("snapshot-*"):
                if path not in keep:
                    shutil.rmtree(path, ignore_errors=True)


class _Worker:
    """One worker process and the pipe to it; used by one request at a time."""

    def __init__(self, context: multiprocessing.context.SpawnContext) -> None:
        self._context = context
        self.snapshot: Path | None = None
        self._start()

    def _start(self) -> None:
        self._conn, child = self._context.Pipe()
        self._process: BaseProcess = self._context.Process(
            target=_serve, args=(child,), name="newskg-query", daemon=True
        )
        self._process.start()
        child.close()

    def call(self, snapshot: Path, job: QueryJob, timeout: float) -> _Outcome:
        """Send the job and wait up to `timeout` s; TimeoutError (worker left running) if late."""
        try:
            self._conn.send((str(snapshot), job))
            answered = self._conn.poll(timeout)
            outcome = self._conn.recv() if answered else None
        except (EOFError, OSError) as exc:
            raise StoreError(
                f"The query worker stopped unexpectedly ({exc!r}); try again."
            ) from exc
        if outcome is None:
            raise TimeoutError
        return outcome

    def wait_ready(self) -> None:
        """Wait until the process has imported what it runs (a second or more on a busy
        machine), so that a query's time limit counts the query alone."""
        try:
            if self._conn.poll(WORKER_START_SECONDS) and self._conn.recv() == _READY:
                return
        except (EOFError, OSError):
            pass
        raise StoreError(
            f"A query worker did not start within {WORKER_START_SECONDS} s; "
            "check that the machine has free memory, then start the server again."
        )

    def restart(self) -> None:
        """Kill the process (whatever it is doing) and start a fresh one, ready for a query."""
        self.stop()
        self._start()
        self.wait_ready()

    def stop(self) -> None:
        """Kill the process and wait for it to go."""
        self._process.kill()
        self._process.join()
        self._conn.close()


_Outcome = tuple[str, object]
"""("ok", Results) or (error class name, message), as a worker sends it back."""

_READY = ("ready", None)
"""What a worker sends once, when it has started."""

WORKER_START_SECONDS = 60


def _serve(conn: Connection) -> None:
    """A worker process: answer jobs from `conn` until the pipe closes."""
    opened: tuple[str, Store] | None = None
    conn.send(_READY)
    while True:
        try:
            snapshot, job = conn.recv()
        except (EOFError, OSError, KeyboardInterrupt):
            return
        try:
            if opened is None or opened[0] != snapshot:
                opened = None  # release the old snapshot before opening the new one
                opened = (snapshot, Store.open_read_only(snapshot))
            outcome: _Outcome = ("ok", run_job(opened[1], job))
        except errors.NewsKGError as exc:
            outcome = (type(exc).__name__, str(exc))
        except Exception as exc:  # anything else is reported, never lost with the worker
            outcome = ("StoreError", f"The query failed in the worker: {exc!r}")
        conn.send(outcome)


def _unwrap(outcome: _Outcome) -> Results:
    kind, value = outcome
    if kind == "ok" and isinstance(value, Results):
        return value
    error = getattr(errors, kind, StoreError)
    if not (isinstance(error, type) and issubclass(error, errors.NewsKGError)):
        error = StoreError
    raise error(str(value))


def _published(pending: Path) -> Path:
    """The snapshot folder renamed from pending-N to snapshot-N, the name _collect manages."""
    return pending.rename(pending.with_name(pending.name.replace("pending-", "snapshot-")))


def _snapshot_root(location: str) -> tuple[Path, IO[bytes]]:
    """A new folder for this server's snapshots, next to the store (so that the checkpoints'
    hard links stay on one file system), and the open lock file that marks it as in use.

    A server killed with SIGKILL cannot remove its folder: the next one to start removes every
    sibling folder whose lock no process holds any more."""
    parent = Path(location).resolve().parent
    try:
        root = Path(tempfile.mkdtemp(prefix=SNAPSHOTS_PREFIX, dir=parent))
    except OSError:
        parent = Path(tempfile.gettempdir())
        root = Path(tempfile.mkdtemp(prefix=SNAPSHOTS_PREFIX, dir=parent))
    owner = (root / OWNER_LOCK).open("wb")
    fcntl.flock(owner, fcntl.LOCK_EX | fcntl.LOCK_NB)
    for folder in parent.glob(f"{SNAPSHOTS_PREFIX}*"):
        if folder != root and _abandoned(folder):
            shutil.rmtree(folder, ignore_errors=True)
    return root, owner


def _abandoned(folder: Path) -> bool:
    """Whether no living process holds the snapshot folder's lock."""
    try:
        with (folder / OWNER_LOCK).open("rb") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    except OSError:  # no lock file: a folder from before the locks, or one being made now
        return folder.is_dir() and time.time() - folder.stat().st_mtime > STALE_SECONDS
    return True
