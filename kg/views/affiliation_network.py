"""The affiliation network: persons on one side, the organisations, parties and places they lead,
belong to or hold posts in on the other (a bipartite graph)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

import networkx as nx

from kg.query.ties import RELATIONS, Tie, ties
from kg.store import GraphStore
from kg.views.network import add_once

PERSONS, BODIES = 0, 1
"""The values of the `bipartite` node attribute (networkx's convention for the two sides)."""


def affiliation_network(
    store: GraphStore, since: date | None = None, until: date | None = None
) -> nx.Graph:
    """The affiliation network of the whole store, or of what articles published in a date range
    state (see `kg.query.ties.ties`)."""
    return network_from_ties(ties(store, since, until))


def network_from_ties(found: Iterable[Tie]) -> nx.Graph:
    """A bipartite graph keyed by IRI: nodes with `actor_id`, `label`, `kind` ("person",
    "organization", "party" or "place") and `bipartite` (0 for persons, 1 for the rest); an edge
    per person and body with `relation` (the strongest tie: "leads", then "member_of", then
    "post_in"), `relations` (all of them), `posts` (post names) and `evidence`
    (`{"sentence", "article"}` objects)."""
    graph = nx.Graph()
    for tie in found:
        person, body = tie.person, tie.body
        if person.iri not in graph:
            graph.add_node(
                person.iri, actor_id=person.id, label=person.label, kind="person", bipartite=PERSONS
            )
        if body.iri not in graph:
            graph.add_node(
                body.iri, actor_id=body.id, label=body.label, kind=body.kind, bipartite=BODIES
            )
        if not graph.has_edge(person.iri, body.iri):
            graph.add_edge(
                person.iri, body.iri, relation=tie.relation, relations=[], posts=[], evidence=[]
            )
        edge = graph.edges[person.iri, body.iri]
        add_once(edge["relations"], tie.relation)
        add_once(edge["posts"], tie.post)
        for citation in tie.evidence:
            add_once(edge["evidence"], {"sentence": citation.sentence, "article": citation.article})
    for _, _, edge in graph.edges(data=True):
        edge["relations"].sort(key=RELATIONS.index)
        edge["relation"] = edge["relations"][0]
        edge["posts"].sort()
    return graph


def affiliation_groups(graph: nx.Graph) -> dict[str, str]:
    """Each person's group for colouring a figure: the party they lead or belong to, else the
    organisation, else the place of a post they hold (the least label when several tie); persons
    with none are left out."""
    rank = {"party": 0, "organization": 1, "place": 2}
    groups = {}
    for node, data in graph.nodes(data=True):
        if data["kind"] != "person":
            continue
        bodies = [
            (rank[graph.nodes[body]["kind"]], graph.nodes[body]["label"])
            for body in graph.neighbors(node)
        ]
        if bodies:
            groups[node] = min(bodies)[1]
    return groups
