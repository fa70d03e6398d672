"""Crossing between rdflib terms, pyoxigraph terms, SPARQL Update text and plain Python values."""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Mapping

import pyoxigraph as ox
import rdflib
from rdflib.namespace import XSD
from rdflib.term import BNode, Literal, Node, URIRef

from kg.errors import QueryError, StoreError
from kg.store.merge import forget

Binding = str | int | float | bool | Node | ox.NamedNode | ox.Literal
"""A value bound to a query variable: a plain str is an xsd:string literal."""

Bindings = Mapping[str, Binding]
"""Values for a query's variables, by variable name."""

Triple = tuple[Node, Node, Node]
Triples = rdflib.Graph | Collection[Triple]
"""A graph to write: an rdflib Graph, or its triples without one (`kg.rdf.mapping.to_triples`)."""

_INTEGER_TYPES = frozenset(
    str(XSD[name])
    for name in (
        "integer",
        "int",
        "long",
        "short",
        "byte",
        "nonNegativeInteger",
        "positiveInteger",
        "nonPositiveInteger",
        "negativeInteger",
        "unsignedInt",
        "unsignedLong",
        "unsignedShort",
        "unsignedByte",
    )
)
_FLOAT_TYPES = frozenset(str(XSD[name]) for name in ("decimal", "double", "float"))
_BOOLEAN = str(XSD.boolean)
_NOT_IN_IRI = re.compile(r'[\x00-\x20<>"{}|^`\\]')
XSD_STRING = XSD.string  # read per literal written: a namespace look-up is slow


def to_ox_term(value: Binding) -> ox.NamedNode | ox.Literal:
    """A pyoxigraph term for a binding value; raises TypeError or ValueError if it cannot be one."""
    if isinstance(value, ox.NamedNode | ox.Literal):
        return value
    if isinstance(value, URIRef):
        return ox.NamedNode(str(value))
    if isinstance(value, Literal):
        if value.language:
            return ox.Literal(str(value), language=value.language)
        datatype = ox.NamedNode(str(value.datatype or XSD.string))
        return ox.Literal(str(value), datatype=datatype)
    if isinstance(value, str | bool | int | float):
        return ox.Literal(value)
    raise TypeError(
        f"expected a str, int, float, bool, URIRef or Literal, not {type(value).__name__}"
    )


def rdflib_term(term: ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple) -> Node:
    """The rdflib term for a pyoxigraph one; simple literals stay plain (no xsd:string).
    StoreError for a quoted triple (RDF-star), which rdflib cannot hold."""
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        datatype = term.datatype.value
        return Literal(term.value, datatype=None if datatype == str(XSD.string) else datatype)
    raise StoreError(f"Cannot read the RDF term {term!r} ({type(term).__name__}).")


def written(body: bytes | None) -> bytes:
    """What a pyoxigraph `serialize` call without an `output` returns: bytes (its stub says
    `bytes | None`, None being what it returns when it writes to a file instead)."""
    assert body is not None, "serialize() was given an output"
    return body


def python_value(term: object) -> str | int | float | bool | None:
    """A plain Python value for a result term: IRIs and strings as str, numbers as numbers."""
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return term.value
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    if isinstance(term, ox.Literal):
        datatype = term.datatype.value
        try:
            if datatype in _INTEGER_TYPES:
                return int(term.value)
            if datatype in _FLOAT_TYPES:
                return float(term.value)
        except ValueError:
            return term.value  # an ill-typed literal keeps its lexical form
        if datatype == _BOOLEAN:
            return term.value in ("true", "1")
        return term.value
    return str(term)


def parse_graph(data: bytes, format: ox.RdfFormat, base_iri: str) -> rdflib.Graph:
    """The triples of an RDF document as an rdflib Graph; QueryError if it does not parse."""
    graph = rdflib.Graph()
    try:
        for parsed in ox.parse(data, format=format, base_iri=base_iri):
            triple = parsed if isinstance(parsed, ox.Triple) else parsed.triple
            graph.add(
                (
                    rdflib_term(triple.subject),
                    rdflib_term(triple.predicate),
                    rdflib_term(triple.object),
                )
            )
    except (SyntaxError, StoreError) as exc:
        raise QueryError(f"The {format.name} body does not parse: {exc}") from exc
    return graph


def graph_update(items: Iterable[tuple[str, Triples]]) -> str:
    """One SPARQL Update request replacing each named graph with its triples, and keeping the
    default graph (the merge of the named graphs, kg.store.merge) in step in the same request."""
    items = list(items)
    return " ;\n".join([*(forget(_iri(graph_iri)) for graph_iri, _ in items), insert_update(items)])


def insert_update(items: Iterable[tuple[str, Triples]]) -> str:
    """One SPARQL Update request adding each graph's triples to its named graph (created if
    missing) and to the default graph, in one INSERT DATA so blank nodes are the same nodes."""
    items = list(items)
    operations = [f"CREATE SILENT GRAPH {_iri(graph_iri)}" for graph_iri, _ in items]
    if any(len(graph) for _, graph in items):
        operations.append(f"INSERT DATA {{\n{_data_block(items)}\n}}")
    return " ;\n".join(operations)


def _data_block(items: list[tuple[str, Triples]]) -> str:
    # Labels are unique per graph, and INSERT DATA mints fresh blank nodes anyway; within one
    # INSERT DATA a label is one node, so the default-graph copy shares the graph's nodes.
    blocks = []
    for index, (graph_iri, graph) in enumerate(items):
        if not len(graph):
            continue
        bnodes: dict[BNode, str] = {}
        prefix = f"_:g{index}n"
        lines = "\n".join(
            " ".join(_term(term, bnodes, prefix) for term in triple) + " ." for triple in graph
        )
        blocks.append(f"GRAPH {_iri(graph_iri)} {{\n{lines}\n}}\n{lines}")
    return "\n".join(blocks)


def nquads(items: Iterable[tuple[str, Triples]]) -> str:
    """N-Quads of each graph's triples, in its named graph and in the default graph (the merge,
    kg.store.merge) with the same blank nodes; blank nodes are kept apart per graph."""
    lines = []
    written: dict[Node, str] = {}  # IRIs recur: each is written once (`_written`)
    for index, (graph_iri, graph) in enumerate(items):
        name = _iri(graph_iri)
        bnodes: dict[BNode, str] = {}
        prefix = f"_:g{index}n"
        for triple in graph:
            text = " ".join(
                written.get(term) or _written(term, bnodes, prefix, written) for term in triple
            )
            lines.append(f"{text} {name} .\n{text} .")
    return "\n".join(lines) + "\n" if lines else ""


def ntriples(graph: Triples) -> str:
    """N-Triples of a graph, written as `nquads` writes its triples."""
    bnodes: dict[BNode, str] = {}
    return "".join(
        f"{_term(s, bnodes, '_:n')} {_term(p, bnodes, '_:n')} {_term(o, bnodes, '_:n')} .\n"
        for s, p, o in graph
    )


def _written(term: Node, bnodes: dict[BNode, str], prefix: str, written: dict[Node, str]) -> str:
    """`_term`, kept in `written` if an IRI: IRIs are the terms that recur (a blank node's label
    is per graph; a literal is mostly written once)."""
    text = _term(term, bnodes, prefix)
    if isinstance(term, URIRef):
        written[term] = text
    return text


def _term(term: Node, bnodes: dict[BNode, str], prefix: str) -> str:
    if isinstance(term, URIRef):
        return _iri(str(term))
    if isinstance(term, BNode):
        return bnodes.setdefault(term, f"{prefix}{len(bnodes)}")
    if isinstance(term, Literal):
        text = (
            str(term)
            .replace("\\", "\\\\")
            .replace('"', '\\"')
            .replace("\n", "\\n")
            .replace("\r", "\\r")
        )
        if term.language:
            return f'"{text}"@{term.language}'
        if term.datatype is not None and term.datatype != XSD_STRING:
            return f'"{text}"^^{_iri(str(term.datatype))}'
        return f'"{text}"'
    raise StoreError(f"Cannot store the RDF term {term!r} ({type(term).__name__}).")


def _iri(iri: str) -> str:
    if not iri or _NOT_IN_IRI.search(iri):
        raise StoreError(
            f"'{iri}' is not a valid IRI (empty, or contains spaces or one of <>\"{{}}|^`\\). "
            "Mint IRIs with kg.rdf.iris."
        )
    return f"<{iri}>"
