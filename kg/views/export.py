"""Networks as JSON: node-link (networkx, d3) and Cytoscape.js elements."""

from __future__ import annotations

from typing import Any, Literal, get_args

import networkx as nx

GraphFormat = Literal["node-link", "cytoscape"]
FORMATS: tuple[str, ...] = get_args(GraphFormat)


def node_link(graph: nx.Graph) -> dict[str, Any]:
    """`{"directed", "multigraph", "graph", "nodes": [{"id", ...}], "links": [{"source", "target",
    ...}]}`, as `networkx.node_link_graph` reads it back."""
    return nx.node_link_data(graph, edges="links")


def cytoscape(graph: nx.Graph) -> dict[str, Any]:
    """`{"elements": {"nodes": [{"data": {"id", ...}}], "edges": [{"data": {"id", "source",
    "target", ...}}]}}`, ready for `cytoscape({elements})`."""
    nodes = [{"data": {"id": node, **data}} for node, data in graph.nodes(data=True)]
    edges = [
        {"data": {"id": f"{a} {b}", "source": a, "target": b, **data}}
        for a, b, data in graph.edges(data=True)
    ]
    return {"elements": {"nodes": nodes, "edges": edges}}


def export(graph: nx.Graph, format: GraphFormat) -> dict[str, Any]:
    """`graph` as node-link or Cytoscape.js JSON."""
    if format == "node-link":
        return node_link(graph)
    if format == "cytoscape":
        return cytoscape(graph)
    raise ValueError(f"Unknown graph format {format!r}; use one of {', '.join(FORMATS)}.")
