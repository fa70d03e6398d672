"""What every graph store does, embedded (`kg.store.Store`) or a SPARQL server
(`kg.store.remote.RemoteStore`): the one interface the library, the API and the CLI rely on."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from types import TracebackType
from typing import Protocol, Self

import pyoxigraph as ox

from kg.store.query_result import QueryResult
from kg.store.terms import Bindings, Triples

ResultFormats = tuple[str | None, str | None]
"""The formats a client takes, by name: one for solutions and booleans
(kg.store.results.SOLUTION_FORMATS), one for graphs (GRAPH_FORMATS); None where it takes none."""


@dataclass(frozen=True)
class QueryOptions:
    """How a query or an update runs beyond its text and bindings."""

    default_graphs: Sequence[str] = ()
    named_graphs: Sequence[str] = ()
    """The dataset (the SPARQL Protocol's default-graph-uri and named-graph-uri, or for an update
    using-graph-uri and using-named-graph-uri). Without either the default graph is the merge of
    all graphs; with either, the dataset is exactly those graphs, and one the store does not
    hold is empty."""
    base_iri: str | None = None
    """What relative IRIs in the text are resolved against."""
    timeout: float | None = None
    """Seconds a server may take to answer (an embedded query runs to its end)."""
    formats: ResultFormats | None = None
    """What the client takes, so that a server's answer in one of them can be handed on unchanged
    (kg.store.results.serialise)."""

    @property
    def dataset(self) -> bool:
        """Whether the query names its dataset."""
        return bool(self.default_graphs or self.named_graphs)


PLAIN = QueryOptions()
"""Over the merge of all graphs, no base IRI, no time limit, any format."""


class GraphStore(Protocol):
    """A dataset of named graphs, one per article, whose default graph is their merge."""

    location: str
    """Where the store is: 'memory:', a directory, or a SPARQL server's URL."""

    @property
    def kind(self) -> str:
        """ "memory", "embedded" (a directory) or "remote" (a SPARQL server)."""
        ...

    @property
    def version(self) -> int | None:
        """A number that changes with every write, so that what was read stays current while
        it does not; None if others may write at any time (nothing read stays current)."""
        ...

    def query(
        self, sparql: str, bindings: Bindings | None = None, options: QueryOptions = PLAIN
    ) -> QueryResult:
        """Run a read-only query: solutions, a boolean or triples (kg.store.query_result), with
        the dataset, base IRI, time limit and formats of `options`."""
        ...

    def update(self, sparql: str, options: QueryOptions = PLAIN) -> None:
        """Run a SPARQL 1.1 Update, its DELETE / INSERT reading the dataset of `options`."""
        ...

    def has_graph(self, graph_iri: str) -> bool:
        """Whether the named graph exists (with a triple in it, for a server)."""
        ...

    def graphs(self) -> list[str]:
        """The IRIs of the named graphs, sorted."""
        ...

    def count(self) -> int:
        """The number of quads in the named graphs."""
        ...

    def get_graph(self, graph_iri: str | None, format: ox.RdfFormat) -> bytes | None:
        """A named graph (None: the default graph) serialised; None if it is absent."""
        ...

    def export(self, format: str) -> bytes:
        """The whole dataset: trig/nquads graph by graph, turtle/jsonld as their merge."""
        ...

    def put_graph(self, graph_iri: str, graph: Triples) -> None:
        """Replace the named graph `graph_iri` with `graph`, atomically."""
        ...

    def put_graphs(
        self, items: Iterable[tuple[str, Triples]], batch_size: int = 64, bulk: bool = False
    ) -> int:
        """Replace many named graphs, each atomically; return how many were written."""
        ...

    def add_to_graph(
        self, graph_iri: str | None, data: bytes, format: ox.RdfFormat, replace: bool = False
    ) -> bool:
        """Parse `data` into a named graph, emptying it first if `replace`; whether it is new."""
        ...

    def delete_graph(self, graph_iri: str | None) -> bool:
        """Remove a named graph; False if there was none."""
        ...

    def snapshot(self, path: str) -> None:
        """Write a consistent copy of the store to the new directory `path` (StoreError where
        the store cannot)."""
        ...

    def close(self) -> None:
        """Release the store."""
        ...

    def __enter__(self) -> Self: ...

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None: ...
