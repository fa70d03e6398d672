"""The named SPARQL queries of `ontology/queries/*.rq`, read once each."""

from __future__ import annotations

from datetime import date
from functools import cache

from kg.errors import QueryError
from kg.settings import QUERIES_DIR


@cache
def query(name: str) -> str:
    """The text of `ontology/queries/{name}.rq`."""
    path = QUERIES_DIR / f"{name}.rq"
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise QueryError(f"No named query '{name}': {path} is missing.") from None


def date_bindings(since: date | None, until: date | None) -> dict[str, str]:
    """`?from` / `?to` bindings ("YYYY-MM-DD") for the queries that take a date range."""
    if since is not None and until is not None and since > until:
        raise QueryError(
            f"The date range is empty: from {since.isoformat()} is after to {until.isoformat()}; "
            "swap them."
        )
    bindings = {}
    if since is not None:
        bindings["from"] = since.isoformat()
    if until is not None:
        bindings["to"] = until.isoformat()
    return bindings
