"""Questions about a network: how two actors connect, who is central, who is near, which groups
hold together."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import islice
from typing import Literal, get_args

import networkx as nx

from kg.query.actors import Actor
from kg.query.evidence import Citation
from kg.views.network import actor_of

Metric = Literal["degree", "betweenness", "pagerank"]
METRICS: tuple[str, ...] = get_args(Metric)

EXACT_BETWEENNESS_NODES = 2000
"""Above this many nodes betweenness is estimated from a fixed sample of 500 sources (seed 0):
exact betweenness grows with nodes × edges (86 s on a 40k-node meeting graph)."""


@dataclass(frozen=True)
class Hop:
    """Two actors next to each other on a path and the meetings between them."""

    source: Actor
    target: Actor
    meetings: tuple[str, ...]
    dates: tuple[str, ...]
    places: tuple[str, ...]
    evidence: tuple[Citation, ...]


@dataclass(frozen=True)
class Connection:
    """One shortest path: its actors in order and the meetings along it."""

    actors: tuple[Actor, ...]
    hops: tuple[Hop, ...]


def shortest_connection(graph: nx.Graph, a: str, b: str, limit: int = 10) -> list[Connection]:
    """Up to `limit` shortest paths (fewest meetings apart) from node `a` to node `b`, with the
    meetings along each; [] when they are not connected or either is not in the graph."""
    if a not in graph or b not in graph:
        return []
    try:
        paths = list(islice(nx.all_shortest_paths(graph, a, b), limit))
    except nx.NetworkXNoPath:
        return []
    return [_connection(graph, path) for path in sorted(paths)]


def centrality(graph: nx.Graph, metric: Metric) -> dict[str, float]:
    """Each node's `degree` centrality, `betweenness` (unweighted) or `pagerank` (weighted by
    the number of meetings)."""
    if metric == "degree":
        return nx.degree_centrality(graph)
    if metric == "betweenness":
        k = 500 if len(graph) > EXACT_BETWEENNESS_NODES else None
        return nx.betweenness_centrality(graph, k=k, seed=0)
    if metric == "pagerank":
        return nx.pagerank(graph, weight="weight") if len(graph) else {}
    raise ValueError(f"Unknown centrality metric {metric!r}; use one of {', '.join(METRICS)}.")


def components(graph: nx.Graph) -> list[set[str]]:
    """The connected components (groups of actors linked by any chain of edges), largest first,
    then by their least node."""
    return sorted(nx.connected_components(graph), key=lambda nodes: (-len(nodes), min(nodes)))


def communities(graph: nx.Graph, seed: int = 0, resolution: float = 1.0) -> list[set[str]]:
    """Louvain communities (weighted by `weight` where edges have it), largest first, then by
    their least node; the same graph and seed always give the same communities."""
    if not len(graph):
        return []
    found = nx.community.louvain_communities(
        graph, weight="weight", resolution=resolution, seed=seed
    )
    return sorted(found, key=lambda nodes: (-len(nodes), min(nodes)))


def ego(graph: nx.Graph, node: str, radius: int = 1) -> nx.Graph:
    """The actors within `radius` meetings of `node` and the edges among them."""
    if node not in graph:
        raise KeyError(f"{node} is not in the graph")
    return nx.ego_graph(graph, node, radius=radius)


def _connection(graph: nx.Graph, path: list[str]) -> Connection:
    hops = []
    for source, target in zip(path, path[1:], strict=False):
        edge = graph.edges[source, target]
        hops.append(
            Hop(
                source=actor_of(graph, source),
                target=actor_of(graph, target),
                meetings=tuple(edge["meetings"]),
                dates=tuple(edge["dates"]),
                places=tuple(edge["places"]),
                evidence=tuple(Citation(e["sentence"], e["article"]) for e in edge["evidence"]),
            )
        )
    return Connection(actors=tuple(actor_of(graph, node) for node in path), hops=tuple(hops))
