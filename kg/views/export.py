"""Networks as JSON (node-link for networkx and d3, Cytoscape.js elements) and as files for
graph tools (GraphML, GEXF: Gephi, yEd, Cytoscape desktop)."""

from __future__ import annotations

import io
import json
from typing import Any, Literal, get_args

import networkx as nx

GraphFormat = Literal["node-link", "cytoscape"]
FORMATS: tuple[str, ...] = get_args(GraphFormat)

FileFormat = Literal["graphml", "gexf", "json", "cytoscape"]
"""What `write` writes: GraphML, GEXF 1.2, node-link JSON, Cytoscape.js JSON."""
FILE_FORMATS: tuple[str, ...] = get_args(FileFormat)


def node_link(graph: nx.Graph) -> dict[str, Any]:
    """`{"directed", "multigraph", "graph", "nodes": [{"id", ...}], "links": [{"source", "target",
    ...}]}`, as `networkx.node_link_graph` reads it back."""
    return nx.node_link_data(graph, edges="links")


def cytoscape(graph: nx.Graph) -> dict[str, Any]:
    """`{"elements": {"nodes": [{"data": {"id", ...}}], "edges": [{"data": {"id", "source",
    "target", ...}}]}}`, ready for `cytoscape({elements})`; an edge's id is "{source} {target}",
    followed by its key in a multigraph."""
    nodes = [{"data": {"id": node, **data}} for node, data in graph.nodes(data=True)]
    if graph.is_multigraph():  # parallel edges told apart by their keys
        keyed = graph.edges(keys=True, data=True)
        ends = [(a, b, f"{a} {b} {key}", data) for a, b, key, data in keyed]
    else:
        ends = [(a, b, f"{a} {b}", data) for a, b, data in graph.edges(data=True)]
    edges = [{"data": {"id": id, "source": a, "target": b, **data}} for a, b, id, data in ends]
    return {"elements": {"nodes": nodes, "edges": edges}}


def export(graph: nx.Graph, format: GraphFormat) -> dict[str, Any]:
    """`graph` as node-link or Cytoscape.js JSON."""
    if format == "node-link":
        return node_link(graph)
    if format == "cytoscape":
        return cytoscape(graph)
    raise ValueError(f"Unknown graph format {format!r}; use one of {', '.join(FORMATS)}.")


def flat(graph: nx.Graph) -> nx.Graph:
    """A copy whose attribute values GraphML and GEXF can hold: strings, numbers and booleans
    stay, lists and dicts become JSON text, None values are left out."""
    copy = graph.__class__()
    copy.graph.update(_flat_attributes(graph.graph))
    copy.add_nodes_from((node, _flat_attributes(data)) for node, data in graph.nodes(data=True))
    copy.add_edges_from((a, b, _flat_attributes(data)) for a, b, data in graph.edges(data=True))
    return copy


def graphml(graph: nx.Graph) -> bytes:
    """`graph` as GraphML (UTF-8), its list and dict attributes as JSON text."""
    out = io.BytesIO()
    nx.write_graphml(flat(graph), out, encoding="utf-8")
    return out.getvalue()


def gexf(graph: nx.Graph) -> bytes:
    """`graph` as GEXF 1.2 (UTF-8), its list and dict attributes as JSON text; a node's `label`
    is its GEXF label, an edge's `weight` its GEXF weight."""
    out = io.BytesIO()
    nx.write_gexf(flat(graph), out, encoding="utf-8")
    return out.getvalue()


def write(graph: nx.Graph, format: FileFormat) -> bytes:
    """`graph` as the bytes of a GraphML, GEXF, node-link JSON or Cytoscape.js JSON file."""
    if format == "graphml":
        return graphml(graph)
    if format == "gexf":
        return gexf(graph)
    if format in ("json", "cytoscape"):
        data = node_link(graph) if format == "json" else cytoscape(graph)
        return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    raise ValueError(f"Unknown file format {format!r}; use one of {', '.join(FILE_FORMATS)}.")


def _flat_attributes(data: dict[str, Any]) -> dict[str, str | int | float | bool]:
    flat_data: dict[str, str | int | float | bool] = {}
    for key, value in data.items():
        if value is None:
            continue
        if isinstance(value, str | int | float | bool):
            flat_data[key] = value
        else:
            flat_data[key] = json.dumps(value, ensure_ascii=False, sort_keys=True)
    return flat_data
