"""The read-only SPARQL endpoint: run a user's query, refuse updates, say how to ask."""

from __future__ import annotations

from pyparsing import ParseBaseException
from rdflib.plugins.sparql.parser import parseUpdate

from kg.errors import QueryError, ReadOnlyError
from kg.store import Store

READ_ONLY = (
    "The SPARQL endpoint is read-only; send a SELECT, ASK, CONSTRUCT or DESCRIBE query. "
    "Graphs are written with `kg build`."
)
MISSING_QUERY = (
    "No SPARQL query given. Send it as GET /sparql?query=..., as the form field 'query' "
    "of a POST with Content-Type application/x-www-form-urlencoded, or as the body of a POST "
    "with Content-Type application/sparql-query."
)


def run_query(store: Store, query: str | None, update: str | None = None) -> tuple[bytes, str]:
    """Serialised results and media type of a read-only query; updates raise ReadOnlyError."""
    if update is not None:
        raise ReadOnlyError(READ_ONLY)
    if query is None or not query.strip():
        raise QueryError(MISSING_QUERY)
    try:
        return store.query_results(query)
    except QueryError as error:
        # Only a text that fails as a query is worth parsing again as an update.
        if is_update(query):
            raise ReadOnlyError(READ_ONLY) from error
        raise


def is_update(text: str) -> bool:
    """Whether `text` parses as a SPARQL 1.1 Update with at least one operation."""
    try:
        return "request" in parseUpdate(text)
    except ParseBaseException:
        return False
