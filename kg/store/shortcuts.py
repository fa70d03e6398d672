"""Deprecated: the ways to run a query before `GraphStore.query` returned typed results.

Each is one line over `query()`, so it behaves alike on every store; new code calls `query()`
and reads the result by its kind (kg.store.query_result), or serialises it
(kg.store.results.serialise)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import rdflib

from kg.errors import QueryError
from kg.store.interface import GraphStore
from kg.store.query_result import Constructed, Solutions, Value
from kg.store.results import Results, serialise
from kg.store.terms import Binding


class QueryShortcuts:
    """select(), construct(), results() and query_results(), on top of the store's query()."""

    def select(
        self: GraphStore, sparql: str, bindings: Mapping[str, Binding] | None = None
    ) -> list[dict[str, Value]]:
        """Deprecated: SELECT rows as plain Python values (`query(...).rows()`)."""
        result = self.query(sparql, bindings)
        if not isinstance(result, Solutions):
            del result  # dropped here, in the thread that made it, not with the traceback
            raise QueryError(f"select() needs a SELECT query, got: {head(sparql)}")
        return result.rows()

    def construct(
        self: GraphStore, sparql: str, bindings: Mapping[str, Binding] | None = None
    ) -> rdflib.Graph:
        """Deprecated: CONSTRUCT or DESCRIBE triples as an rdflib Graph (`query(...).graph()`)."""
        result = self.query(sparql, bindings)
        if not isinstance(result, Constructed):
            del result  # dropped here, in the thread that made it, not with the traceback
            raise QueryError(
                f"construct() needs a CONSTRUCT or DESCRIBE query, got: {head(sparql)}"
            )
        return result.graph()

    def results(
        self: GraphStore,
        sparql: str,
        solution_format: str | None = "json",
        graph_format: str | None = "turtle",
        default_graphs: Sequence[str] | None = None,
        named_graphs: Sequence[str] | None = None,
        max_rows: int = 10_000,
        timeout: float | None = None,
        base_iri: str | None = None,
    ) -> Results:
        """Deprecated: `serialise(query(...), ...)`, cut at `max_rows`."""
        formats = (solution_format, graph_format)
        result = self.query(
            sparql, None, default_graphs, named_graphs, base_iri, timeout=timeout, formats=formats
        )
        return serialise(result, solution_format, graph_format, max_rows)

    def query_results(
        self: GraphStore,
        sparql: str,
        bindings: Mapping[str, Binding] | None = None,
        default_graphs: Sequence[str] | None = None,
        named_graphs: Sequence[str] | None = None,
    ) -> tuple[bytes, str]:
        """Deprecated: serialised results and media type, SPARQL JSON or Turtle, uncut."""
        result = self.query(
            sparql, bindings, default_graphs, named_graphs, formats=("json", "turtle")
        )
        written = serialise(result, "json", "turtle")
        return written.body, written.media_type


def head(sparql: str) -> str:
    """The start of a query, on one line, to show in a message."""
    text = " ".join(sparql.split())
    return text if len(text) <= 60 else text[:57] + "..."
