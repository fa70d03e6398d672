"""The corpus network on hand-built links: parallel edges per relation and status."""

from __future__ import annotations

from kg.query.actors import Citation
from kg.query.links import Link, LinkEnd
from kg.views import cytoscape
from kg.views.fact_network import network_from_links

BASE = "https://w3id.org/newskg/id/"
ANA = LinkEnd(f"{BASE}person/ana", "Ana", "person")
BEN = LinkEnd(f"{BASE}person/ben", "Ben", "person")
LAND = LinkEnd(f"{BASE}place/land", "Land", "place")


def _link(relation: str, status: str, source: LinkEnd, target: LinkEnd) -> Link:
    sentence = f"{source.label} {relation} {target.label}."
    return Link(
        relation=relation,  # type: ignore[arg-type]
        status=status,  # type: ignore[arg-type]
        source=source,
        target=target,
        posts=(),
        dates=("2023-01-31",),
        articles=(f"{BASE}article/a1", f"{BASE}article/a2"),
        evidence=(Citation(sentence, f"{BASE}article/a1"),),
    )


def test_network_from_links_keeps_a_planned_and_an_asserted_meeting_apart() -> None:
    graph = network_from_links(
        [_link("met", "asserted", ANA, BEN), _link("met", "planned", ANA, BEN)]
    )
    assert sorted(graph[ANA.iri][BEN.iri]) == ["met asserted", "met planned"]
    edges = cytoscape(graph)["elements"]["edges"]
    assert sorted(edge["data"]["id"] for edge in edges) == [
        f"{ANA.iri} {BEN.iri} met asserted",
        f"{ANA.iri} {BEN.iri} met planned",
    ]
    assert {edge["data"]["weight"] for edge in edges} == {2}


def test_network_from_links_gives_actor_ids_but_not_to_places() -> None:
    graph = network_from_links([_link("visited", "asserted", ANA, LAND)])
    assert graph.nodes[ANA.iri] == {"label": "Ana", "kind": "person", "actor_id": "ana"}
    assert graph.nodes[LAND.iri] == {"label": "Land", "kind": "place"}
    ((_, _, edge),) = graph.edges(data=True)
    citation = {"sentence": "Ana visited Land.", "article": f"{BASE}article/a1"}
    assert edge["evidence"] == [citation]
