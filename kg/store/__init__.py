"""The graph store: one named graph per article in an embedded Oxigraph (pyoxigraph) store, in
memory, in a directory, or (`kg.store.remote`) behind any SPARQL 1.1 server addressed by URL.

The embedded store's default graph is the merge (set union) of the named graphs, stored and kept
in step by every write in the same transaction (kg.store.merge); queries that name no graph read
it, so a triple many articles state matches once.

Writes of article graphs go through the store's native N-Quads parser, never rdflib's: `put_graphs`
loads the graphs new to the store in one transaction (`Store.load`) and replaces those already there
with one SPARQL Update (forget + DROP + INSERT DATA), so each article's graph is replaced
atomically. With `bulk=True` new graphs go through pyoxigraph's bulk loader instead, 2.0 (batches
of 32 articles) to 3.4 (256) times faster than SPARQL Update text on a directory store, but without
a transaction: a process killed during a batch can leave that batch's graphs partly written
(docs/stores.md, bench/README.md)."""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from itertools import chain, islice
from pathlib import Path
from types import TracebackType
from typing import Any

import pyoxigraph as ox

from kg.errors import QueryError, ReadOnlyError, StoreError
from kg.query.sparql_checks import with_using
from kg.query.syntax_errors import explain
from kg.rdf.namespace import PREFIXES
from kg.store import merge, sharing
from kg.store.interface import PLAIN, GraphStore, QueryOptions
from kg.store.query_result import QueryResult, typed
from kg.store.terms import (
    Bindings,
    Triples,
    graph_update,
    insert_update,
    nquads,
    parse_graph,
    to_ox_term,
    written,
)

MEMORY = "memory:"
FLUSH_QUADS = 200_000
"""Quads written to an on-disk store between flushes of its write buffers to disk. Unflushed,
RocksDB's buffers grew by about 0.2 MiB per article, 2.6 GiB over a 10,000-article build;
flushed every 200,000 quads (about 500 articles) memory stays flat (bench/README.md)."""
REMOTE_SCHEMES = ("http://", "https://")

_UPDATE_KEYWORD = re.compile(
    r"^\s*(?:(?:#[^\n]*\n\s*)|(?:PREFIX\s+[^:\s]*:\s*<[^>]*>\s*)|(?:BASE\s*<[^>]*>\s*))*"
    r"(INSERT|DELETE|DROP|CLEAR|LOAD|CREATE|ADD|MOVE|COPY|WITH)\b",
    re.IGNORECASE,
)


def refuse_update(sparql: str) -> None:
    """ReadOnlyError if `sparql` is an update, which query() does not run."""
    update = _UPDATE_KEYWORD.match(sparql)
    if update:
        raise ReadOnlyError(
            "The store is read-only through query(): SPARQL Update "
            f"({update.group(1).upper()}) is not accepted. "
            "Send a SELECT, ASK, CONSTRUCT or DESCRIBE query."
        )


_EXPORT_FORMATS = {
    "trig": ox.RdfFormat.TRIG,
    "nquads": ox.RdfFormat.N_QUADS,
    "turtle": ox.RdfFormat.TURTLE,
    "jsonld": ox.RdfFormat.JSON_LD,
}

_NAMED_QUADS = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"

DERIVED_DEFAULT_GRAPH = (
    "The default graph is the merge of the named graphs, kept by the store: it cannot be written "
    "directly. Write to a named graph instead (?graph=IRI, or GRAPH <IRI> in an update)."
)


class Store:
    """An Oxigraph dataset, in memory or in a directory; SPARQL sees the merge of all graphs
    (a GraphStore)."""

    def __init__(self, store: ox.Store, location: str) -> None:
        self._store = store
        self.location = location
        self._writing = threading.Lock()  # one write (and its default-graph upkeep) at a time
        self._writes = 0  # writes begun through this Store, so that count() knows if it is stale
        self._count: tuple[int, int] | None = None  # (self._writes, count()) when last counted
        self._unflushed = 0  # quads written since the last flush to disk

    kind = "embedded"
    """"memory", "embedded" (a directory) or "remote" (a SPARQL server)."""

    @property
    def version(self) -> int | None:
        """How many writes have begun through this Store: what was read from it is current while
        this is unchanged (the store's directory lock keeps other processes from writing)."""
        return self._writes

    @classmethod
    def open(cls, location: str, *, reading: bool = False, token: str | None = None) -> GraphStore:
        """Open `memory:` (in-memory), the URL of a SPARQL 1.1 server (`kg.store.remote`, sending
        `token` as the bearer of writes), or a directory for the on-disk store: created if
        missing, unless `reading`. To read (`reading`), a path that is not a store is an error,
        and a store a running `kg serve` holds is read through that server (kg.store.sharing)."""
        if location == MEMORY:
            store = cls(ox.Store(), location)
            store.kind = "memory"
            return store
        if location.startswith(REMOTE_SCHEMES):
            from kg.store.remote import RemoteStore

            return RemoteStore.connect(location, token=token)
        path = Path(location)
        try:
            if reading:
                sharing.check_store(location)
            else:
                path.mkdir(parents=True, exist_ok=True)
            store = cls(ox.Store(str(path)), location)
        except OSError as exc:
            if not sharing.locked(exc):
                raise StoreError(
                    f"Cannot open the graph store at '{location}': {exc}. Pass a directory "
                    "path, or 'memory:' for an in-memory store."
                ) from exc
            url = sharing.server_url(location) if reading else None
            if url is None:
                raise sharing.locked_error(location, exc) from exc
            from kg.store.remote import RemoteStore

            return RemoteStore.connect(f"{url}/sparql")  # newskg's own layout: no probing
        try:
            merge.fill_once(store._store)  # a store built before the default graph was the merge
        except OSError as exc:
            store.close()
            raise StoreError(
                f"Filling the default graph of the store at '{location}' with the merge of "
                f"its named graphs failed: {exc}. Check free disk space, then open it again."
            ) from exc
        return store

    def put_graph(self, graph_iri: str, graph: Triples) -> None:
        """Replace the named graph `graph_iri` with `graph` in one transaction."""
        self._write_batch([(graph_iri, graph)], bulk=False)

    def put_graphs(
        self, items: Iterable[tuple[str, Triples]], batch_size: int = 64, bulk: bool = False
    ) -> int:
        """Replace many named graphs, `batch_size` at a time; return how many were written.

        Each article's graph is replaced atomically: graphs new to the store are loaded in one
        transaction, those already there replaced in another. With `bulk`, new graphs go through
        the bulk loader (faster, no transaction: for a first build of a large corpus). A batch is
        written by a writer thread while `items` makes the next one (Oxigraph writes without
        holding the GIL), one batch at a time and in order; an error of a write is raised here,
        and a batch being written when `items` fails is finished first."""
        if batch_size < 1:
            raise StoreError(f"batch_size must be at least 1, got {batch_size}.")
        written = 0
        iterator = iter(items)
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="store-writer") as writer:
            pending: Future[None] | None = None
            while batch := list(islice(iterator, batch_size)):
                if pending is not None:
                    pending.result()
                pending = writer.submit(self._write_batch, batch, bulk)
                written += len(batch)
            if pending is not None:
                pending.result()
        return written

    def _write_batch(self, batch: list[tuple[str, Triples]], bulk: bool) -> None:
        latest = dict(batch)  # the same graph twice in a batch: the last version wins
        with self._writing:
            self._writes += 1
            new: list[tuple[str, Triples]] = []
            old: list[tuple[str, Triples]] = []
            for iri, graph in latest.items():
                (old if self.has_graph(iri) else new).append((iri, graph))
            if new:
                # Each triple in its graph and in the default graph, with the same blank nodes.
                text = nquads(new)
                try:
                    if bulk:
                        self._store.bulk_load(text, format=ox.RdfFormat.N_QUADS)
                    else:
                        self._store.load(text, format=ox.RdfFormat.N_QUADS)
                    for iri, graph in new:
                        if not len(graph):  # loading no quads names no graph
                            self._store.add_graph(ox.NamedNode(iri))
                except (SyntaxError, OSError, ValueError) as exc:
                    raise _write_error(self.location, [iri for iri, _ in new], exc) from exc
            if old:
                self._update(graph_update(old), [iri for iri, _ in old])
            self._unflushed += 2 * sum(len(graph) for graph in latest.values())
            if self._unflushed >= FLUSH_QUADS and self.location != MEMORY:
                self._flush()

    def has_graph(self, graph_iri: str) -> bool:
        """Whether the named graph exists in the store."""
        try:
            return self._store.contains_named_graph(ox.NamedNode(graph_iri))
        except ValueError:  # not an IRI, so not the name of any graph
            return False

    def graphs(self) -> list[str]:
        """The IRIs of all named graphs, sorted."""
        return sorted(g.value for g in self._store.named_graphs() if isinstance(g, ox.NamedNode))

    @classmethod
    def open_read_only(cls, path: str) -> Store:
        """Open an on-disk store no process writes to (a snapshot) for reading only."""
        try:
            return cls(ox.Store.read_only(path), path)
        except OSError as exc:
            raise StoreError(f"Cannot open the graph store at '{path}' to read: {exc}") from exc

    def query(
        self, sparql: str, bindings: Bindings | None = None, options: QueryOptions = PLAIN
    ) -> QueryResult:
        """Run a read-only SPARQL query: solutions, a boolean or triples, over the dataset of
        `options` (the merge of all graphs if it names none, in which every named graph can be
        named in GRAPH). An embedded query runs to its end: the time limit and formats of
        `options` change nothing here."""
        substitutions = _substitutions(bindings)
        dataset: dict[str, Any] = {}
        if options.dataset:
            dataset = {
                "default_graph": [_graph_name(iri) for iri in options.default_graphs or ()],
                "named_graphs": [_graph_name(iri) for iri in options.named_graphs or ()],
            }
        try:
            return typed(
                self._store.query(
                    sparql, substitutions=substitutions, base_iri=options.base_iri, **dataset
                )
            )
        except SyntaxError as exc:
            refuse_update(sparql)
            raise QueryError(explain(sparql, str(exc))) from exc
        except RuntimeError as exc:
            # SEP-0007 substitution: a bound variable must be in the SELECT projection.
            raise QueryError(
                f"{exc}. Bound variables ({', '.join(sorted(bindings or {}))}) must be listed "
                "in the SELECT clause (or use SELECT *)."
            ) from exc
        except OSError as exc:
            raise StoreError(f"Reading the graph store at '{self.location}' failed: {exc}") from exc

    def update(self, sparql: str, options: QueryOptions = PLAIN) -> None:
        """Run a SPARQL 1.1 Update (relative IRIs resolved against the base IRI of `options`;
        its DELETE / INSERT operations reading the dataset of `options`, if it names one), then
        make the default graph the merge of the named graphs again (one transaction; a scan of
        the store); QueryError if it is malformed."""
        sparql = with_using(sparql, options.default_graphs, options.named_graphs)
        try:
            with self._writing:
                self._writes += 1
                merge.update_and_resync(self._store, sparql, options.base_iri)
        except SyntaxError as exc:
            raise QueryError(explain(sparql, str(exc))) from exc
        except (OSError, RuntimeError) as exc:
            raise StoreError(f"Updating the store at '{self.location}' failed: {exc}") from exc

    def get_graph(self, graph_iri: str | None, format: ox.RdfFormat) -> bytes | None:
        """A named graph (None: the store's default graph) serialised, or None if it is absent."""
        graph = self._graph_term(graph_iri)
        if isinstance(graph, ox.NamedNode) and not self._store.contains_named_graph(graph):
            return None
        triples = (quad.triple for quad in self._store.quads_for_pattern(None, None, None, graph))
        return ox.serialize(triples, format=format, prefixes=PREFIXES)

    def delete_graph(self, graph_iri: str | None) -> bool:
        """Remove a named graph and what only it stated from the default graph; False if there
        was none. ReadOnlyError for None: the default graph is derived."""
        if graph_iri is None:
            raise ReadOnlyError(DERIVED_DEFAULT_GRAPH)
        graph = _graph_name(graph_iri)
        with self._writing:
            self._writes += 1
            if not self._store.contains_named_graph(graph):
                return False
            self._update(merge.forget(str(graph)), [graph_iri])
        return True

    def add_to_graph(
        self, graph_iri: str | None, data: bytes, format: ox.RdfFormat, replace: bool = False
    ) -> bool:
        """Parse `data` into a named graph, first emptying it if `replace`, keeping the default
        graph in step (one transaction); return whether the graph is new. QueryError if `data`
        does not parse; ReadOnlyError for None: the default graph is derived."""
        if graph_iri is None:
            raise ReadOnlyError(DERIVED_DEFAULT_GRAPH)
        graph = _graph_name(graph_iri)
        items = [(graph_iri, parse_graph(data, format, graph.value))]
        with self._writing:
            self._writes += 1
            created = not self._store.contains_named_graph(graph)
            update = graph_update(items) if replace and not created else insert_update(items)
            self._update(update, [graph_iri])
        return created

    def snapshot(self, path: str) -> None:
        """Write a consistent copy of the on-disk store to the new directory `path` (hard links
        where the file system allows, so it takes milliseconds), after any write under way: so
        a snapshot taken once `version` is read holds every write that version counts."""
        try:
            with self._writing:
                self._store.flush()
                self._store.backup(path)
        except OSError as exc:
            raise StoreError(f"Snapshotting the store at '{self.location}' failed: {exc}") from exc

    def _graph_term(self, graph_iri: str | None) -> ox.NamedNode | ox.DefaultGraph:
        return ox.DefaultGraph() if graph_iri is None else _graph_name(graph_iri)

    def export(self, format: str) -> bytes:
        """trig/nquads: the named graphs (the default graph is derived from them); turtle/jsonld:
        the default graph, their merge."""
        rdf_format = _EXPORT_FORMATS.get(format)
        if rdf_format is None:
            raise StoreError(
                f"Unknown export format '{format}'. Use one of: {', '.join(_EXPORT_FORMATS)}."
            )
        if format in ("trig", "nquads"):
            quads = chain.from_iterable(
                self._store.quads_for_pattern(None, None, None, graph)
                for graph in self._store.named_graphs()
            )
            return written(ox.serialize(quads, format=rdf_format, prefixes=PREFIXES))
        merged = (
            q.triple for q in self._store.quads_for_pattern(None, None, None, ox.DefaultGraph())
        )
        return written(ox.serialize(merged, format=rdf_format, prefixes=PREFIXES))

    def count(self) -> int:
        """The number of quads in the named graphs (the default graph repeats them)."""
        # A scan (2 s on a million quads), so kept until the next write through this Store.
        with self._writing:  # no write under way: the query below sees them all
            writes, cached = self._writes, self._count
        if cached is not None and cached[0] == writes:
            return cached[1]
        result = self._store.query(_NAMED_QUADS)
        assert isinstance(result, ox.QuerySolutions)
        (solution,) = result
        count = int(solution["n"].value)
        self._count = (writes, count)
        return count

    def _flush(self) -> None:
        try:
            self._store.flush()
        except OSError as exc:
            raise StoreError(f"Flushing the store at '{self.location}' failed: {exc}") from exc
        self._unflushed = 0

    def close(self) -> None:
        """Flush to disk and release the store (and its directory lock)."""
        if self.location != MEMORY:
            self._store.flush()
        del self._store

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def _update(self, update: str, graph_iris: list[str]) -> None:
        try:
            self._store.update(update)
        except (SyntaxError, OSError, RuntimeError) as exc:
            raise _write_error(self.location, graph_iris, exc) from exc


def _write_error(location: str, graph_iris: list[str], exc: Exception) -> StoreError:
    shown = ", ".join(graph_iris[:3]) + (" ..." if len(graph_iris) > 3 else "")
    return StoreError(f"Writing graph(s) {shown} to the store at '{location}' failed: {exc}")


def _substitutions(
    bindings: Bindings | None,
) -> dict[ox.Variable, ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple] | None:
    if not bindings:
        return None
    substitutions: dict[ox.Variable, ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple] = {}
    for name, value in bindings.items():
        try:
            substitutions[ox.Variable(name.lstrip("?$"))] = to_ox_term(value)
        except (TypeError, ValueError) as exc:
            raise QueryError(f"Cannot bind ?{name} to {value!r}: {exc}") from exc
    return substitutions


def _graph_name(iri: str) -> ox.NamedNode:
    try:
        return ox.NamedNode(iri)
    except ValueError as exc:
        raise QueryError(f"'{iri}' is not an IRI ({exc}); name graphs by absolute IRI.") from exc


__all__ = ["MEMORY", "GraphStore", "QueryResult", "Store"]
