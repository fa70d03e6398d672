"""Linked data: what the store says about one resource IRI, as RDF or a small HTML page."""

from __future__ import annotations

from html import escape

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Node

from kg.errors import NotFoundError
from kg.query.named_queries import query
from kg.rdf.iris import RESOURCE_KINDS, resource_iri
from kg.rdf.namespace import PREFIXES, RDFS
from kg.settings import DEFAULT_BASE_IRI
from kg.store import GraphStore
from kg.store.query_result import graph_of

LOCAL_PATH = "/id/"
"""Where the API serves `{base_iri}{kind}/{id}`: HTML pages link there."""
LINKED_SCHEMES = ("http://", "https://")
"""Only IRIs with these schemes become links; any other (javascript:, data:, ...) is shown as text,
since a browser would run or open it on a click."""


def describe(store: GraphStore, kind: str, id: str, base_iri: str = DEFAULT_BASE_IRI) -> Graph:
    """The description of `{base_iri}{kind}/{id}` (`describe.rq`); NotFoundError if empty."""
    if kind not in RESOURCE_KINDS:
        raise NotFoundError(
            f"No resources of kind '{kind}'; IRIs are minted for {', '.join(RESOURCE_KINDS)}."
        )
    iri = resource_iri(kind, id, base_iri)
    graph = graph_of(store.query(query("describe"), {"resource": iri}))
    if not len(graph):
        raise NotFoundError(
            f"The graph says nothing about <{iri}>. Search with GET /actors?q=NAME."
        )
    return graph


def html_page(graph: Graph, iri: str, base_iri: str = DEFAULT_BASE_IRI) -> str:
    """A small HTML page listing what `graph` says about `iri` and what points at it."""
    subject = URIRef(iri)
    label = graph.value(subject, RDFS.label)
    title = escape(str(label) if label is not None else iri)
    link = _Linker(graph, base_iri)
    outgoing = sorted((link.term(p), link.term(o)) for p, o in graph.predicate_objects(subject))
    incoming = sorted(
        (link.term(s), link.term(p))
        for s, p in graph.subject_predicates(subject)
        if not isinstance(s, BNode)
    )
    rows = "\n".join(f"<tr><th>{p}</th><td>{o}</td></tr>" for p, o in outgoing)
    back = "\n".join(f"<tr><td>{s}</td><th>{p}</th></tr>" for s, p in incoming)
    return f"""<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>{title}</title>
<style>body{{font-family:sans-serif;max-width:60rem;margin:2rem auto}}th{{text-align:left;
padding-right:1rem;vertical-align:top;font-weight:normal;color:#555}}td{{padding:.2rem 0}}</style>
</head>
<body>
<h1>{title}</h1>
<p><code>{escape(iri)}</code> · also as
<a href="?format=turtle">Turtle</a> and <a href="?format=jsonld">JSON-LD</a></p>
<table>
{rows}
</table>
<h2>Pointing here</h2>
<table>
{back}
</table>
</body>
</html>
"""


class _Linker:
    def __init__(self, graph: Graph, base_iri: str) -> None:
        self.graph = graph
        self.base = base_iri
        self.prefixes = sorted(PREFIXES.items(), key=lambda item: -len(item[1]))

    def term(self, node: Node) -> str:
        if isinstance(node, Literal):
            return escape(str(node))
        if isinstance(node, BNode):
            # Evidence and statements: show their sentence (or status) rather than a node id.
            parts = [
                f"{self.term(p)}: {self.term(o)}"
                for p, o in sorted(self.graph.predicate_objects(node))
                if isinstance(o, Literal)
            ]
            return "<br>".join(parts) or "[]"
        iri = str(node)
        label = self.graph.value(node, RDFS.label)
        text = escape(str(label)) if label is not None else self._curie(iri)
        if iri.startswith(self.base):
            href = LOCAL_PATH + iri.removeprefix(self.base)
        elif iri.lower().startswith(LINKED_SCHEMES):
            href = iri
        else:
            return text
        return f'<a href="{escape(href)}">{text}</a>'

    def _curie(self, iri: str) -> str:
        for prefix, namespace in self.prefixes:
            if iri.startswith(namespace):
                return escape(f"{prefix}:{iri.removeprefix(namespace)}")
        return escape(iri)
