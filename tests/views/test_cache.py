"""The graph endpoints' views are read from the store once per store version."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date

import pytest
from spacy.language import Language

from kg.build import build
from kg.settings import DEFAULT_BASE_IRI
from kg.store import Store
from kg.types import Article
from kg.views import answers, cache, network


@pytest.fixture
def store(nlp: Language) -> Iterator[Store]:
    cache.clear()
    with Store.open("memory:") as store:
        first = "Tony Blair met Gordon Brown in London on Monday."
        build([Article("a1", first, date(2024, 3, 4))], store, nlp, DEFAULT_BASE_IRI)
        yield store
    cache.clear()


def _reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the store reads the views make from now on."""
    calls: list[str] = []
    for name in ("meeting_network", "pair_network"):
        original = getattr(answers, name)

        def counted(*args: object, _name: str = name, _original: Callable = original) -> object:
            calls.append(_name)
            return _original(*args)

        monkeypatch.setattr(answers, name, counted)
    return calls


def _ranked(store: Store) -> list[str]:
    return [score.actor.label for score in answers.ranking(store, "degree")]


def test_ranking_reads_the_store_once_per_version(
    store: Store, nlp: Language, monkeypatch: pytest.MonkeyPatch
) -> None:
    reads = _reads(monkeypatch)
    assert sorted(_ranked(store)) == ["Gordon Brown", "Tony Blair"]
    assert sorted(_ranked(store)) == ["Gordon Brown", "Tony Blair"]
    answers.meeting_graph(store)
    answers.meeting_graph(store)
    assert reads == ["pair_network", "meeting_network"]  # ranking reads only the pairs

    later = "Tony Blair met Jacques Chirac in Paris on Tuesday."
    build([Article("a2", later, date(2024, 3, 5))], store, nlp, DEFAULT_BASE_IRI)
    assert _ranked(store)[0] == "Tony Blair"  # the write is seen: he now met two people
    assert "Jacques Chirac" in _ranked(store)
    assert reads == ["pair_network", "meeting_network", "pair_network"]


def test_ego_of_an_actor_who_met_no_one_leaves_the_shared_network_alone(
    store: Store, nlp: Language
) -> None:
    text = "Gordon Brown met Tony Blair. Jacques Chirac spoke in Paris."
    build([Article("a3", text, date(2024, 3, 6))], store, nlp, DEFAULT_BASE_IRI)
    before = answers.meeting_graph(store)
    alone = answers.ego_graph(store, "jacques-chirac")
    assert [node["label"] for node in alone["nodes"]] == ["Jacques Chirac"]
    assert answers.meeting_graph(store) == before


@pytest.mark.parametrize(
    ("since", "until", "edges"),
    [
        pytest.param(None, None, 3, id="all"),
        pytest.param(date(2024, 3, 5), None, 2, id="since"),
        pytest.param(None, date(2024, 3, 4), 1, id="until"),
    ],
)
def test_pair_network_is_the_meeting_network_without_evidence(
    store: Store, nlp: Language, since: date | None, until: date | None, edges: int
) -> None:
    texts = [
        ("a2", "Tony Blair met Jacques Chirac in Paris on Tuesday.", date(2024, 3, 5)),
        ("a3", "Tony Blair met Gordon Brown and John Prescott.", date(2024, 3, 6)),
    ]
    build([Article(i, text, day) for i, text, day in texts], store, nlp, DEFAULT_BASE_IRI)
    full = network.meeting_network(store, since, until)
    pairs = network.pair_network(store, since, until)
    assert dict(pairs.nodes(data=True)) == dict(full.nodes(data=True))
    weights = {frozenset((a, b)): w for a, b, w in full.edges(data="weight")}
    assert {frozenset((a, b)): w for a, b, w in pairs.edges(data="weight")} == weights
    assert len(weights) == edges
