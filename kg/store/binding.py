"""Bound variables for SPARQL servers: a VALUES block at the head of the query's WHERE group.

pyoxigraph takes bindings as `substitutions`; the SPARQL 1.1 Protocol has no such parameter. So
for a server the values are written into the query as a `VALUES` block opening the outermost
group graph pattern, each term in N-Triples syntax written by pyoxigraph (never by formatting
the user's value): `SELECT ?x WHERE { VALUES (?actor) { (<https://...>) } ... }`. A VALUES block
joined at the head of the group binds the variable for every pattern and FILTER of that group,
as rdflib's `initBindings` does; unlike substitution it does not reach into sub-SELECTs, which
the queries newskg ships do not use for bound variables.
"""

from __future__ import annotations

import re

from kg.errors import QueryError
from kg.store.terms import Bindings, to_ox_term

# What the scanner skips over: comments, strings (long ones first) and IRIs; and what it stops at.
_TOKEN = re.compile(
    r"""(?P<skip>\#[^\n]*
        |'''(?:[^'\\]|\\.|'(?!''))*'''
        |\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"
        |'(?:[^'\\\n]|\\.)*'
        |"(?:[^"\\\n]|\\.)*"
        |<[^<>"{}|^`\\\x00-\x20]*>)
      |(?P<open>\{)|(?P<close>\})
      |(?P<word>[A-Za-z]+)""",
    re.VERBOSE,
)
_VARIABLE = re.compile(r"^[?$]?([A-Za-z0-9_\u00b7\u00c0-\ufffd]+)$")


def values_block(bindings: Bindings) -> str:
    """`VALUES (?a ?b) { (t1 t2) }` for the bindings, each term serialised by pyoxigraph."""
    names, terms = [], []
    for name, value in bindings.items():
        match = _VARIABLE.match(name)
        if match is None:
            raise QueryError(f"Cannot bind {name!r}: not a SPARQL variable name.")
        try:
            term = to_ox_term(value)
        except (TypeError, ValueError) as exc:
            raise QueryError(f"Cannot bind ?{match.group(1)} to {value!r}: {exc}") from exc
        names.append(f"?{match.group(1)}")
        terms.append(str(term))
    return f"VALUES ({' '.join(names)}) {{ ({' '.join(terms)}) }}"


def bind_values(sparql: str, bindings: Bindings | None) -> str:
    """The query with `bindings` joined at the head of its WHERE group (unchanged if none)."""
    if not bindings:
        return sparql
    block = values_block(bindings)
    form = None
    depth = 0
    template_done = False
    for match in _TOKEN.finditer(sparql):
        kind = match.lastgroup
        if kind == "skip":
            continue
        if kind == "word":
            word = match.group().upper()
            if depth == 0 and form is None and word in ("SELECT", "CONSTRUCT", "DESCRIBE", "ASK"):
                form = word
            elif form == "CONSTRUCT" and depth == 0 and not template_done and word == "WHERE":
                return _construct_where(sparql, match.start(), match.end(), block)
            continue
        if kind == "close":
            depth -= 1
            continue
        # an opening brace
        if form is None:
            break
        if depth == 0 and (form != "CONSTRUCT" or template_done):
            at = match.end()
            return f"{sparql[:at]} {block}\n{sparql[at:]}"
        if depth == 0:
            template_done = True  # CONSTRUCT { template } WHERE { ... }: skip the template
            depth = 1
            continue
        depth += 1
    raise QueryError(
        "Cannot bind values into this query: no WHERE group found after SELECT, CONSTRUCT, "
        "DESCRIBE or ASK. Send a query with a WHERE { ... } clause."
    )


def _construct_where(sparql: str, where_at: int, after_where: int, block: str) -> str:
    """`CONSTRUCT WHERE { T }` is `CONSTRUCT { T } WHERE { T }`: write it so, then bind."""
    start = sparql.index("{", after_where)
    depth = 0
    for match in _TOKEN.finditer(sparql, start):
        if match.lastgroup == "open":
            depth += 1
        elif match.lastgroup == "close":
            depth -= 1
            if depth == 0:
                body = sparql[start + 1 : match.start()]
                head = sparql[:where_at]
                rest = sparql[match.end() :]
                return f"{head}{{{body}}} WHERE {{ {block}\n{body}}}{rest}"
    raise QueryError("Cannot bind values into this query: its CONSTRUCT WHERE group is not closed.")
