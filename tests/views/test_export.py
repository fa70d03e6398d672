"""Networks written as GraphML, GEXF and JSON files, read back by networkx."""

from __future__ import annotations

import io
import json

import networkx as nx
import pytest

from kg.views import flat, gexf, graphml, write

BASE = "https://w3id.org/newskg/id/"
ANA, BEN = f"{BASE}person/ana", f"{BASE}person/ben"


@pytest.fixture
def graph() -> nx.Graph:
    graph = nx.Graph()
    graph.add_node(ANA, actor_id="ana", label="Ana", type="person")
    graph.add_node(BEN, actor_id="ben", label="Bén", type="person", note=None)
    graph.add_edge(
        ANA,
        BEN,
        weight=2,
        dates=["2023-01-30"],
        places=[],
        evidence=[{"sentence": "Ana met Bén.", "article": f"{BASE}article/a1"}],
    )
    return graph


def test_flat_turns_lists_and_dicts_into_json_and_drops_none(graph: nx.Graph) -> None:
    copy = flat(graph)
    assert copy.nodes[BEN] == {"actor_id": "ben", "label": "Bén", "type": "person"}
    edge = copy.edges[ANA, BEN]
    assert edge["weight"] == 2
    assert json.loads(edge["dates"]) == ["2023-01-30"]
    assert json.loads(edge["evidence"])[0]["sentence"] == "Ana met Bén."
    assert graph.edges[ANA, BEN]["dates"] == ["2023-01-30"]  # the graph itself is untouched


def test_graphml_reads_back(graph: nx.Graph) -> None:
    back = nx.read_graphml(io.BytesIO(graphml(graph)))
    assert set(back.nodes) == {ANA, BEN}
    assert back.nodes[BEN]["label"] == "Bén"
    edge = back.edges[ANA, BEN]
    assert edge["weight"] == 2
    assert json.loads(edge["places"]) == []


def test_gexf_reads_back_with_labels_and_weights(graph: nx.Graph) -> None:
    back = nx.read_gexf(io.BytesIO(gexf(graph)))
    assert back.nodes[ANA]["label"] == "Ana"
    assert back.nodes[ANA]["type"] == "person"
    edge = back.edges[ANA, BEN]
    assert edge["weight"] == 2
    assert json.loads(edge["dates"]) == ["2023-01-30"]


@pytest.mark.parametrize(
    ("format", "read"),
    [
        pytest.param("json", lambda data: nx.node_link_graph(json.loads(data), edges="links")),
        pytest.param("graphml", lambda data: nx.read_graphml(io.BytesIO(data))),
        pytest.param("gexf", lambda data: nx.read_gexf(io.BytesIO(data))),
    ],
)
def test_write_round_trips_nodes_and_edges(graph: nx.Graph, format: str, read) -> None:
    back = read(write(graph, format))  # type: ignore[arg-type]
    assert set(back.nodes) == {ANA, BEN}
    assert {frozenset(edge) for edge in back.edges} == {frozenset((ANA, BEN))}


def test_write_cytoscape_json(graph: nx.Graph) -> None:
    elements = json.loads(write(graph, "cytoscape"))["elements"]
    assert [n["data"]["id"] for n in elements["nodes"]] == [ANA, BEN]
    assert elements["edges"][0]["data"]["weight"] == 2


def test_write_unknown_format(graph: nx.Graph) -> None:
    with pytest.raises(ValueError, match="Unknown file format 'dot'"):
        write(graph, "dot")  # type: ignore[arg-type]
