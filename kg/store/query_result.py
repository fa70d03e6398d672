"""What a query returns, by kind: SELECT solutions, an ASK boolean, or CONSTRUCT/DESCRIBE triples.

Solutions and triples stream from the store as pyoxigraph reads them. From a SPARQL server they
also keep the bytes it sent (`sent`), so that an answer the client can take as it is is handed
on unchanged (kg.store.results.serialise)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import pyoxigraph as ox
import rdflib

from kg.errors import QueryError, StoreError
from kg.rdf.namespace import PREFIXES
from kg.store.terms import python_value, rdflib_term

Value = str | int | float | bool | None
"""A term as a plain Python value: IRIs and untyped literals as str, None where unbound."""

Sent = tuple[bytes, str]
"""A SPARQL server's answer as it sent it: the body and its media type (no parameters)."""


@dataclass(frozen=True)
class Solutions:
    """The solutions of a SELECT query, read once, in order; `truncated` if a server cut them
    at its row limit (newskg's own server says so)."""

    solutions: ox.QuerySolutions
    sent: Sent | None = None
    truncated: bool = False

    @property
    def variables(self) -> list[str]:
        """The names of the projected variables, in order."""
        return [variable.value for variable in self.solutions.variables]

    def __iter__(self) -> Iterator[ox.QuerySolution]:
        return iter(self.solutions)

    def rows(self) -> list[dict[str, Value]]:
        """Every solution as plain Python values by variable name; unbound variables are None."""
        names = self.variables
        return [{name: python_value(solution[name]) for name in names} for solution in self]


@dataclass(frozen=True)
class Boolean:
    """The answer of an ASK query."""

    value: bool

    def __bool__(self) -> bool:
        return self.value


@dataclass(frozen=True)
class Constructed:
    """The triples of a CONSTRUCT or DESCRIBE query, read once."""

    triples: ox.QueryTriples
    sent: Sent | None = None

    def __iter__(self) -> Iterator[ox.Triple]:
        return iter(self.triples)

    def graph(self) -> rdflib.Graph:
        """The triples as an rdflib Graph with newskg's prefixes (for small results)."""
        graph = rdflib.Graph()
        for prefix, namespace in PREFIXES.items():
            graph.bind(prefix, namespace)
        for triple in self:
            graph.add(
                (
                    rdflib_term(triple.subject),
                    rdflib_term(triple.predicate),
                    rdflib_term(triple.object),
                )
            )
        return graph


QueryResult = Solutions | Boolean | Constructed
"""What `GraphStore.query` returns: one of the three kinds of SPARQL result."""


def typed(result: ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples) -> QueryResult:
    """pyoxigraph's result as the kind it is."""
    if isinstance(result, ox.QuerySolutions):
        return Solutions(result)
    if isinstance(result, ox.QueryTriples):
        return Constructed(result)
    return Boolean(bool(result))


def rows_of(result: QueryResult) -> list[dict[str, Value]]:
    """The rows of SELECT solutions (`Solutions.rows`); QueryError for any other kind."""
    if not isinstance(result, Solutions):
        raise QueryError(f"Expected the solutions of a SELECT query, got {_kind(result)}.")
    if result.truncated:
        raise StoreError(
            "The SPARQL server cut the results at its row limit, so what is built from them "
            "would be incomplete. Raise the server's limit (NEWSKG_MAX_ROWS), or stop the "
            "server and run the command on the store directory."
        )
    return result.rows()


def graph_of(result: QueryResult) -> rdflib.Graph:
    """CONSTRUCT or DESCRIBE triples as an rdflib Graph; QueryError for any other kind."""
    if not isinstance(result, Constructed):
        raise QueryError(f"Expected the triples of a CONSTRUCT query, got {_kind(result)}.")
    return result.graph()


def _kind(result: QueryResult) -> str:
    if isinstance(result, Boolean):
        return f"the ASK answer {str(result.value).lower()}"
    return "SELECT solutions" if isinstance(result, Solutions) else "CONSTRUCT triples"
