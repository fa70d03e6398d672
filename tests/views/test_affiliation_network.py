"""The affiliation network on small hand-built ties and on the seed graph."""

from __future__ import annotations

from datetime import date

import networkx as nx
import pytest

from kg.query.actors import Actor, Citation
from kg.query.ties import Body, Tie, ties
from kg.store import Store
from kg.views import affiliation_groups, affiliation_network, network_from_ties

BASE = "https://w3id.org/newskg/id/"


def _person(name: str) -> Actor:
    slug = name.lower()
    return Actor(id=slug, iri=f"{BASE}person/{slug}", label=name, type="person")


def _body(name: str, kind: str) -> Body:
    slug = name.lower()
    folder = "place" if kind == "place" else "org"
    return Body(id=slug, iri=f"{BASE}{folder}/{slug}", label=name, kind=kind)  # type: ignore[arg-type]


ANA, BEN, CY = _person("Ana"), _person("Ben"), _person("Cy")
RED = _body("Red", "party")
BANK = _body("Bank", "organization")
LAND = _body("Land", "place")


def _tie(person: Actor, relation: str, body: Body, post: str | None = None) -> Tie:
    sentence = f"{person.label} {relation} {body.label}."
    return Tie(person, relation, body, post, (Citation(sentence, f"{BASE}article/a1"),))  # type: ignore[arg-type]


@pytest.fixture
def network() -> nx.Graph:
    """Ana leads Red and holds its chair; Ben belongs to Red and is minister of Land; Cy works
    at the Bank and is ambassador of Land."""
    return network_from_ties(
        [
            _tie(ANA, "post_in", RED, "Chair"),
            _tie(ANA, "leads", RED),
            _tie(BEN, "member_of", RED),
            _tie(BEN, "post_in", LAND, "Minister"),
            _tie(CY, "member_of", BANK),
            _tie(CY, "post_in", LAND, "Ambassador"),
        ]
    )


def test_affiliation_network_is_bipartite_with_kinds(network: nx.Graph) -> None:
    assert nx.is_bipartite(network)
    kinds = {data["label"]: data["kind"] for _, data in network.nodes(data=True)}
    assert kinds == {
        "Ana": "person",
        "Ben": "person",
        "Cy": "person",
        "Red": "party",
        "Bank": "organization",
        "Land": "place",
    }
    persons = {n for n, side in network.nodes(data="bipartite") if side == 0}
    assert persons == {ANA.iri, BEN.iri, CY.iri}


def test_affiliation_network_edge_keeps_strongest_relation_and_all(network: nx.Graph) -> None:
    edge = network.edges[ANA.iri, RED.iri]
    assert edge["relation"] == "leads"
    assert edge["relations"] == ["leads", "post_in"]
    assert edge["posts"] == ["Chair"]
    assert edge["evidence"] == [
        {"sentence": "Ana post_in Red.", "article": f"{BASE}article/a1"},
        {"sentence": "Ana leads Red.", "article": f"{BASE}article/a1"},
    ]
    assert network.edges[BEN.iri, LAND.iri]["relation"] == "post_in"
    assert network.number_of_edges() == 5


def test_affiliation_groups_party_before_organisation_before_place(network: nx.Graph) -> None:
    assert affiliation_groups(network) == {ANA.iri: "Red", BEN.iri: "Red", CY.iri: "Bank"}


def test_affiliation_groups_place_when_nothing_else() -> None:
    graph = network_from_ties([_tie(ANA, "post_in", LAND, "Minister")])
    assert affiliation_groups(graph) == {ANA.iri: "Land"}


def test_affiliation_network_from_seed_links_ben_gvir_to_otzma_yehudit(seed_store: Store) -> None:
    graph = affiliation_network(seed_store)
    ben_gvir, otzma = f"{BASE}person/itamar-ben-gvir", f"{BASE}org/otzma-yehudit"
    assert graph.nodes[otzma] == {
        "actor_id": "otzma-yehudit",
        "label": "Otzma Yehudit",
        "kind": "party",
        "bipartite": 1,
    }
    edge = graph.edges[ben_gvir, otzma]
    assert edge["relation"] == "leads"
    assert "leader of the far-right Otzma Yehudit" in edge["evidence"][0]["sentence"]
    gallant = f"{BASE}person/yoav-gallant"
    assert graph.edges[gallant, f"{BASE}place/israel"]["posts"] == ["Defense Minister"]
    assert nx.is_bipartite(graph)


def test_ties_from_seed_carry_posts_and_evidence(seed_store: Store) -> None:
    found = {(t.person.label, t.relation, t.body.label, t.post) for t in ties(seed_store)}
    assert ("Orit Strock", "member_of", "Religious Zionism", None) in found
    assert ("Antony Blinken", "post_in", "United States", "Secretary of State") in found


@pytest.mark.parametrize(
    ("since", "until", "expected"),
    [
        pytest.param(date(2023, 1, 31), date(2023, 1, 31), 8, id="published-that-day"),
        pytest.param(date(2023, 2, 1), None, 0, id="after"),
        pytest.param(None, date(2023, 1, 30), 0, id="before"),
    ],
)
def test_affiliation_network_by_publication_date(
    seed_store: Store, since: date | None, until: date | None, expected: int
) -> None:
    # The seed article was published on 2023-01-31.
    assert len(ties(seed_store, since, until)) == expected
