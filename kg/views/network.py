"""The meeting network: persons as nodes, an edge for each pair that met, weighted by meetings."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from itertools import combinations
from typing import cast

import networkx as nx

from kg.query.actors import Actor, ActorType
from kg.query.meetings import Meeting, meetings
from kg.query.named_queries import date_bindings, query
from kg.store import GraphStore
from kg.store.query_result import rows_of


def meeting_network(
    store: GraphStore, since: date | None = None, until: date | None = None
) -> nx.Graph:
    """The network of asserted meetings in a date range (dated as kg.query.meetings dates them)."""
    return network_from_meetings(meetings(store, since, until))


def pair_network(
    store: GraphStore, since: date | None = None, until: date | None = None
) -> nx.Graph:
    """The same network's actors and `weight`ed edges only, without dates, places or evidence:
    what ranking needs, read with `meeting_pairs.rq` (about a third of the time)."""
    rows = rows_of(store.query(query("meeting_pairs"), dict(date_bindings(since, until))))
    labels: dict[str, tuple[str, str]] = {}
    pairs: set[tuple[str, str, str]] = set()
    for row in rows:
        for key in ("actor", "other"):
            iri, label = str(row[key]), str(row[f"{key}Label"])
            known = labels.get(iri)
            if known is None or label < known[0]:  # two labels: the least wins, as in meetings
                labels[iri] = (label, str(row[f"{key}Type"]))
        pairs.add((str(row["meeting"]), str(row["actor"]), str(row["other"])))
    graph = nx.Graph()
    for iri, (label, kind) in labels.items():
        add_actor(graph, Actor(iri.rsplit("/", 1)[-1], iri, label, cast(ActorType, kind)))
    for _, a, b in pairs:
        weight = graph.edges[a, b]["weight"] if graph.has_edge(a, b) else 0
        graph.add_edge(a, b, weight=weight + 1)
    return graph


def network_from_meetings(found: Iterable[Meeting]) -> nx.Graph:
    """A graph keyed by actor IRI (attributes `actor_id`, `label`, `type`) with an edge per pair
    that met: `weight` (number of meetings), `meetings` (IRIs), `dates`, `places` and `evidence`
    (`{"sentence", "article"}` objects)."""
    graph = nx.Graph()
    for meeting in found:
        for actor in meeting.participants:
            add_actor(graph, actor)
        for a, b in combinations(meeting.participants, 2):
            if not graph.has_edge(a.iri, b.iri):
                graph.add_edge(
                    a.iri, b.iri, weight=0, meetings=[], dates=[], places=[], evidence=[]
                )
            edge = graph.edges[a.iri, b.iri]
            edge["weight"] += 1
            edge["meetings"].append(meeting.iri)
            add_once(edge["dates"], meeting.date)
            add_once(edge["places"], meeting.place)
            for citation in meeting.evidence:
                add_once(
                    edge["evidence"], {"sentence": citation.sentence, "article": citation.article}
                )
    for _, _, edge in graph.edges(data=True):
        edge["dates"].sort()
        edge["places"].sort()
    return graph


def add_actor(graph: nx.Graph, actor: Actor) -> None:
    """Add `actor` as a node keyed by its IRI (a no-op if it is there)."""
    if actor.iri not in graph:
        graph.add_node(actor.iri, actor_id=actor.id, label=actor.label, type=actor.type)


def actor_of(graph: nx.Graph, node: str) -> Actor:
    """The actor a node stands for."""
    data = graph.nodes[node]
    return Actor(id=data["actor_id"], iri=node, label=data["label"], type=data["type"])


def add_once(values: list, value: object) -> None:
    """Append `value` unless it is None or already there (edge attribute lists stay sets)."""
    if value is not None and value not in values:
        values.append(value)
