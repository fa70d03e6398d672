"""The prefixes a user's query may use without declaring them, as `kg query` and /sparql read it.

PREDECLARED is the one list (the SPARQL page's editor offers the same). `declare` puts the
declarations a query lacks on one line of their own before it, ending in MARK, so that a parser
error on the query's own lines is reported one line down; `kg.query.syntax_errors` takes that line
off again before it reports a position. A query that declares a prefix itself keeps its own IRI.
"""

from __future__ import annotations

from collections.abc import Iterator

from rdflib.namespace import OWL

from kg.query.sparql_checks import placed_tokens
from kg.rdf.namespace import PREFIXES

PREDECLARED: dict[str, str] = {**PREFIXES, "owl": str(OWL)}
"""Prefix name to namespace IRI: newskg's vocabularies (kg, schema, org, prov, skos, rdfs, rdf,
xsd) and owl."""

MARK = "# newskg: predeclared prefixes"
"""Ends the line `declare` adds, so that it can be told from the user's own text."""


def declare(query: str) -> str:
    """`query` with a first line declaring each predeclared prefix it uses but does not declare
    itself; unchanged if it needs none."""
    names = list(_prefixed_names(query))  # the query read once
    used = {name for name, _, declaration in names if not declaration}
    own = {name for name, _, declaration in names if declaration}
    missing = [name for name in used - own if name in PREDECLARED]
    if not missing:
        return query
    line = " ".join(f"PREFIX {name}: <{PREDECLARED[name]}>" for name in sorted(missing))
    return f"{line} {MARK}\n{query}"


def own_text(query: str) -> tuple[str, int]:
    """The user's own text of a query `declare` may have added a line to, and how many lines
    were added before it (0 or 1)."""
    first, newline, rest = query.partition("\n")
    if newline and first.endswith(MARK):
        return rest, 1
    return query, 0


def declared(query: str) -> set[str]:
    """The prefix names the query declares (PREFIX name: <IRI>)."""
    return {name for name, _, declaration in _prefixed_names(query) if declaration}


def uses(query: str) -> list[tuple[str, int]]:
    """Each prefixed name's prefix and the offset it starts at, in order; declarations left out."""
    return [(name, at) for name, at, declaration in _prefixed_names(query) if not declaration]


def _prefixed_names(query: str) -> Iterator[tuple[str, int, bool]]:
    """Each prefixed name's prefix, its offset, and whether it is declared there (PREFIX name:)."""
    previous, end = "", 0
    for kind, text, start in placed_tokens(query):
        # An IRI with a space in it is no IRI token: `<http://a b>` reads as '<' then 'http:'.
        if kind == "pname" and not (previous == "<" and start == end):
            yield text.split(":", 1)[0], start, previous == "PREFIX"
        previous, end = (text.upper() if kind in ("word", "other") else ""), start + len(text)
