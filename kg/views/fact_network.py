"""The corpus network: persons, organisations, parties and places as nodes, and an edge for each
relation and status the articles state between two of them (`kg.query.links`), so that a reader
can filter a whole corpus by relation, status, kind of node and date."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

import networkx as nx

from kg.query.links import Link, LinkEnd, links
from kg.store import GraphStore

ACTOR_KINDS = frozenset({"person", "organization", "party"})
"""The kinds of node GET /actors/{id} knows: those nodes carry an `actor_id`."""


def fact_network(
    store: GraphStore, since: date | None = None, until: date | None = None
) -> nx.MultiDiGraph:
    """The corpus network of the facts dated in a range (see `kg.query.links.links`)."""
    return network_from_links(links(store, since, until))


def network_from_links(found: Iterable[Link]) -> nx.MultiDiGraph:
    """A graph keyed by IRI: nodes with `label`, `kind` and (persons, organisations, parties)
    `actor_id`; an edge from source to target per link, keyed "{relation} {status}", with
    `relation`, `status`, `posts`, `dates`, `articles`, `weight` (the number of articles) and
    `evidence` (`{"sentence", "article"}` objects)."""
    graph = nx.MultiDiGraph()
    for link in found:
        _add_node(graph, link.source)
        _add_node(graph, link.target)
        graph.add_edge(
            link.source.iri,
            link.target.iri,
            key=f"{link.relation} {link.status}",
            relation=link.relation,
            status=link.status,
            posts=list(link.posts),
            dates=list(link.dates),
            articles=list(link.articles),
            weight=len(link.articles),
            evidence=[
                {"sentence": citation.sentence, "article": citation.article}
                for citation in link.evidence
            ],
        )
    return graph


def _add_node(graph: nx.MultiDiGraph, end: LinkEnd) -> None:
    if end.iri in graph:
        return
    graph.add_node(end.iri, label=end.label, kind=end.kind)
    if end.kind in ACTOR_KINDS:
        graph.nodes[end.iri]["actor_id"] = end.iri.rsplit("/", 1)[-1]
