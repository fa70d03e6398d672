"""kg.views on small hand-built meeting networks, and the network read from the seed graph:
paths, centrality, ego networks, components, communities, the timeline."""

from __future__ import annotations

from datetime import date

import networkx as nx
import pytest

from kg.query.actors import Actor, Citation
from kg.query.meetings import Meeting
from kg.store import Store
from kg.views import (
    centrality,
    communities,
    components,
    cytoscape,
    ego,
    meeting_network,
    meeting_timeline,
    network_from_meetings,
    node_link,
    shortest_connection,
    timeline_from_meetings,
)

BASE = "https://w3id.org/newskg/id/"


def _actor(name: str) -> Actor:
    slug = name.lower()
    return Actor(id=slug, iri=f"{BASE}person/{slug}", label=name, type="person")


A, B, C, D, E = (_actor(name) for name in ("Ana", "Ben", "Cy", "Dee", "Eve"))


def _meeting(key: str, a: Actor, b: Actor, when: str | None = None, place: str | None = None):
    return Meeting(
        iri=f"{BASE}meeting/{key}",
        participants=(a, b),
        date=when,
        place=place,
        place_iri=None if place is None else f"{BASE}place/{place.lower()}",
        status="asserted",
        evidence=(Citation(f"{a.label} met {b.label}.", f"{BASE}article/{key}"),),
    )


@pytest.fixture
def star() -> nx.Graph:
    """Ana met Ben twice, Cy and Dee once; Dee met Eve; nobody else met."""
    return network_from_meetings(
        [
            _meeting("m1", A, B, "2023-01-30", "Jerusalem"),
            _meeting("m2", A, B, "2023-01-31", "Ramallah"),
            _meeting("m3", A, C),
            _meeting("m4", A, D, "2023-02-01"),
            _meeting("m5", D, E),
        ]
    )


def test_network_edge_per_pair_weighted_by_meetings(star: nx.Graph) -> None:
    edge = star.edges[A.iri, B.iri]
    assert edge["weight"] == 2
    assert edge["dates"] == ["2023-01-30", "2023-01-31"]
    assert edge["places"] == ["Jerusalem", "Ramallah"]
    assert edge["meetings"] == [f"{BASE}meeting/m1", f"{BASE}meeting/m2"]
    assert edge["evidence"][0] == {"sentence": "Ana met Ben.", "article": f"{BASE}article/m1"}
    assert star.nodes[A.iri] == {"actor_id": "ana", "label": "Ana", "type": "person"}
    assert star.number_of_edges() == 4


def test_shortest_connection_goes_through_the_hub_with_its_facts(star: nx.Graph) -> None:
    (path,) = shortest_connection(star, B.iri, E.iri)
    assert [actor.label for actor in path.actors] == ["Ben", "Ana", "Dee", "Eve"]
    first = path.hops[0]
    assert (first.source, first.target, first.dates) == (B, A, ("2023-01-30", "2023-01-31"))
    assert first.evidence[0] == Citation("Ana met Ben.", f"{BASE}article/m1")


def test_shortest_connection_all_shortest_paths() -> None:
    graph = network_from_meetings(
        [_meeting("1", A, B), _meeting("2", A, C), _meeting("3", B, D), _meeting("4", C, D)]
    )
    paths = shortest_connection(graph, A.iri, D.iri)
    assert [[a.label for a in p.actors] for p in paths] == [
        ["Ana", "Ben", "Dee"],
        ["Ana", "Cy", "Dee"],
    ]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        pytest.param(A.iri, f"{BASE}person/zed", id="not-in-graph"),
        pytest.param(f"{BASE}person/zed", A.iri, id="source-not-in-graph"),
    ],
)
def test_shortest_connection_none_when_not_in_graph(star: nx.Graph, a: str, b: str) -> None:
    assert shortest_connection(star, a, b) == []


def test_shortest_connection_none_when_unconnected(star: nx.Graph) -> None:
    star.add_node(f"{BASE}person/zed", actor_id="zed", label="Zed", type="person")
    assert shortest_connection(star, A.iri, f"{BASE}person/zed") == []


@pytest.mark.parametrize("metric", ["degree", "betweenness", "pagerank"])
def test_centrality_hub_first(star: nx.Graph, metric: str) -> None:
    scores = centrality(star, metric)  # type: ignore[arg-type]
    assert max(scores, key=scores.__getitem__) == A.iri
    assert set(scores) == set(star)


def test_centrality_values(star: nx.Graph) -> None:
    assert centrality(star, "degree")[A.iri] == pytest.approx(3 / 4)
    # Ana lies on the paths between Ben, Cy and Dee/Eve: 5 of the 6 pairs of the others.
    assert centrality(star, "betweenness")[A.iri] == pytest.approx(5 / 6)
    assert centrality(nx.Graph(), "pagerank") == {}


def test_centrality_unknown_metric(star: nx.Graph) -> None:
    with pytest.raises(ValueError, match="Unknown centrality metric 'fame'"):
        centrality(star, "fame")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("radius", "expected"),
    [
        pytest.param(1, {"Ana", "Dee", "Eve"}, id="radius-1"),
        pytest.param(2, {"Ana", "Ben", "Cy", "Dee", "Eve"}, id="radius-2"),
    ],
)
def test_ego_within_radius(star: nx.Graph, radius: int, expected: set[str]) -> None:
    graph = ego(star, D.iri, radius)
    assert {graph.nodes[n]["label"] for n in graph} == expected


def test_ego_unknown_node(star: nx.Graph) -> None:
    with pytest.raises(KeyError):
        ego(star, f"{BASE}person/zed")


def test_node_link_round_trips(star: nx.Graph) -> None:
    data = node_link(star)
    assert {"nodes", "links"} <= set(data)
    back = nx.node_link_graph(data, edges="links")
    assert nx.utils.graphs_equal(back, star)


def test_cytoscape_elements(star: nx.Graph) -> None:
    elements = cytoscape(star)["elements"]
    assert {"id": A.iri, "actor_id": "ana", "label": "Ana", "type": "person"} in [
        node["data"] for node in elements["nodes"]
    ]
    edge = next(
        e["data"]
        for e in elements["edges"]
        if {e["data"]["source"], e["data"]["target"]} == {A.iri, B.iri}
    )
    assert edge["weight"] == 2
    assert len({e["data"]["id"] for e in elements["edges"]}) == star.number_of_edges()


def test_meeting_network_from_seed(seed_store: Store) -> None:
    graph = meeting_network(seed_store)
    blinken = f"{BASE}person/antony-blinken"
    assert {graph.nodes[n]["label"] for n in graph.neighbors(blinken)} == {
        "Mahmoud Abbas",
        "Benjamin Netanyahu",
        "Yair Lapid",
        "Yoav Gallant",
    }
    assert graph.edges[blinken, f"{BASE}person/mahmoud-abbas"]["places"] == ["Ramallah"]


@pytest.mark.parametrize(
    ("since", "until", "expected"),
    [
        pytest.param(date(2023, 1, 30), date(2023, 1, 30), {"Benjamin Netanyahu"}, id="monday"),
        # Lapid's meeting is undated: it counts as on the article's date, 2023-01-31.
        pytest.param(
            date(2023, 1, 31),
            None,
            {"Mahmoud Abbas", "Yair Lapid", "Yoav Gallant"},
            id="tuesday-on",
        ),
        pytest.param(date(2023, 2, 1), None, set(), id="after"),
    ],
)
def test_meeting_network_date_range(
    seed_store: Store, since: date | None, until: date | None, expected: set[str]
) -> None:
    graph = meeting_network(seed_store, since, until)
    labels = {graph.nodes[n]["label"] for n in graph} - {"Antony Blinken"}
    assert labels == expected


@pytest.fixture
def two_cliques() -> nx.Graph:
    """Ana, Ben and Cy all met; Dee and Eve met twice; Fay met Gus; Ben met Dee once."""
    F, G = _actor("Fay"), _actor("Gus")
    return network_from_meetings(
        [
            _meeting("1", A, B),
            _meeting("2", A, C),
            _meeting("3", B, C),
            _meeting("4", D, E),
            _meeting("5", D, E),
            _meeting("6", B, D),
            _meeting("7", F, G),
        ]
    )


def test_components_largest_first(two_cliques: nx.Graph) -> None:
    found = [{two_cliques.nodes[n]["label"] for n in part} for part in components(two_cliques)]
    assert found == [{"Ana", "Ben", "Cy", "Dee", "Eve"}, {"Fay", "Gus"}]


def test_components_of_empty_graph() -> None:
    assert components(nx.Graph()) == []


def test_communities_split_at_the_weak_tie(two_cliques: nx.Graph) -> None:
    found = [{two_cliques.nodes[n]["label"] for n in part} for part in communities(two_cliques)]
    assert found == [{"Ana", "Ben", "Cy"}, {"Dee", "Eve"}, {"Fay", "Gus"}]


def test_communities_same_seed_same_answer(two_cliques: nx.Graph) -> None:
    assert communities(two_cliques, seed=7) == communities(two_cliques, seed=7)
    assert communities(nx.Graph()) == []


def test_timeline_groups_dated_meetings_and_sets_undated_apart() -> None:
    found = [
        _meeting("m2", A, C, "2023-01-31"),
        _meeting("m1", A, B, "2023-01-30"),
        _meeting("m3", B, C, "2023-01-31"),
        _meeting("m4", D, E),
        _meeting("m5", D, A, "2023-02"),
    ]
    timeline = timeline_from_meetings(found)
    assert list(timeline.dates) == ["2023-01-30", "2023-01-31", "2023-02"]
    assert [m.iri for m in timeline.dates["2023-01-31"]] == [
        f"{BASE}meeting/m2",
        f"{BASE}meeting/m3",
    ]
    assert timeline.counts() == {"2023-01-30": 1, "2023-01-31": 2, "2023-02": 1}
    assert [m.iri for m in timeline.undated] == [f"{BASE}meeting/m4"]


def test_timeline_from_seed(seed_store: Store) -> None:
    timeline = meeting_timeline(seed_store)
    assert timeline.counts() == {"2023-01-30": 1, "2023-01-31": 2}
    (undated,) = timeline.undated  # Blinken met Lapid: the article gives no day
    assert {p.label for p in undated.participants} == {"Antony Blinken", "Yair Lapid"}


@pytest.mark.parametrize("metric", ["degree", "betweenness", "pagerank"])
def test_centrality_blinken_most_central_in_seed(seed_store: Store, metric: str) -> None:
    scores = centrality(meeting_network(seed_store), metric)  # type: ignore[arg-type]
    best = max(scores, key=scores.__getitem__)
    assert best == f"{BASE}person/antony-blinken"
    assert all(scores[best] > score for node, score in scores.items() if node != best)


def test_shortest_connection_lapid_to_gallant_through_blinken(seed_store: Store) -> None:
    graph = meeting_network(seed_store)
    (path,) = shortest_connection(graph, f"{BASE}person/yair-lapid", f"{BASE}person/yoav-gallant")
    assert [a.label for a in path.actors] == ["Yair Lapid", "Antony Blinken", "Yoav Gallant"]
    assert path.hops[1].places == ("Jerusalem",)
