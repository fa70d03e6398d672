"""The graph endpoints' answers, one call each: the meeting network read from the store, then
exported, searched or ranked (ranking reads only the pairs, `pair_network`). The networks and
the centrality are kept per store version (`kg.views.cache`), so only the first call after a write
pays for reading the store."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

import networkx as nx

from kg.errors import QueryError
from kg.query.actors import Actor, require_actor
from kg.settings import DEFAULT_BASE_IRI
from kg.store import GraphStore
from kg.views.analysis import Connection, Metric, centrality, ego, shortest_connection
from kg.views.cache import cached
from kg.views.export import GraphFormat, export
from kg.views.fact_network import fact_network
from kg.views.network import actor_of, add_actor, meeting_network, pair_network

MAX_RADIUS = 3
"""The widest ego network served: beyond three meetings apart it is most of the graph."""


@dataclass(frozen=True)
class Connections:
    """The shortest paths of meetings from one actor to another; empty if unconnected."""

    source: Actor
    target: Actor
    paths: tuple[Connection, ...]


@dataclass(frozen=True)
class Score:
    """An actor's centrality in the meeting network."""

    actor: Actor
    score: float


def meeting_graph(
    store: GraphStore,
    since: date | None = None,
    until: date | None = None,
    format: GraphFormat = "node-link",
) -> dict[str, Any]:
    """The meeting network of a date range as node-link or Cytoscape.js JSON."""
    return export(_network(store, since, until), format)


def fact_graph(
    store: GraphStore,
    since: date | None = None,
    until: date | None = None,
    format: GraphFormat = "node-link",
) -> dict[str, Any]:
    """The corpus network (every relation and status) of a date range as node-link or
    Cytoscape.js JSON."""
    key = ("facts", since, until)
    return export(cached(store, key, lambda: fact_network(store, since, until)), format)


def connections(
    store: GraphStore, source_id: str, target_id: str, base_iri: str = DEFAULT_BASE_IRI
) -> Connections:
    """The shortest paths of meetings between two actors; NotFoundError if either is unknown."""
    source = require_actor(store, source_id, base_iri)
    target = require_actor(store, target_id, base_iri)
    paths = shortest_connection(_network(store), source.iri, target.iri)
    return Connections(source, target, tuple(paths))


def ranking(
    store: GraphStore,
    metric: Metric,
    limit: int = 20,
    since: date | None = None,
    until: date | None = None,
) -> list[Score]:
    """The `limit` most central actors of the meeting network, most central first."""
    pairs = ("pairs", since, until)
    graph = cached(store, pairs, lambda: pair_network(store, since, until))
    scores = cached(store, ("centrality", metric, since, until), lambda: centrality(graph, metric))
    best = sorted(scores.items(), key=lambda item: (-item[1], graph.nodes[item[0]]["label"]))
    return [Score(actor_of(graph, node), round(score, 6)) for node, score in best[:limit]]


def ego_graph(
    store: GraphStore,
    actor_id: str,
    radius: int = 1,
    format: GraphFormat = "node-link",
    base_iri: str = DEFAULT_BASE_IRI,
) -> dict[str, Any]:
    """The actors within `radius` meetings of one actor, as node-link or Cytoscape.js JSON."""
    if not 1 <= radius <= MAX_RADIUS:
        raise QueryError(f"radius must be between 1 and {MAX_RADIUS}, got {radius}.")
    actor = require_actor(store, actor_id, base_iri)
    graph = _network(store)
    if actor.iri not in graph:  # an actor who met no one is an ego network of one
        graph = nx.Graph()
        add_actor(graph, actor)
    return export(ego(graph, actor.iri, radius), format)


def _network(store: GraphStore, since: date | None = None, until: date | None = None) -> nx.Graph:
    """The meeting network, shared between calls at one store version (never changed here)."""
    return cached(store, ("meetings", since, until), lambda: meeting_network(store, since, until))
