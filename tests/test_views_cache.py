"""The graph endpoints' views are read from the store once per store version."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from spacy.language import Language

from kg.build import build
from kg.settings import DEFAULT_BASE_IRI
from kg.store import Store
from kg.types import Article
from kg.views import answers, cache


@pytest.fixture
def store(nlp: Language) -> Iterator[Store]:
    cache.clear()
    with Store.open("memory:") as store:
        first = "Tony Blair met Gordon Brown in London on Monday."
        build([Article("a1", first, date(2024, 3, 4))], store, nlp, DEFAULT_BASE_IRI)
        yield store
    cache.clear()


def _reads(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    calls: list[object] = []
    original = answers.meeting_network

    def counted(*args: object) -> object:
        calls.append(args)
        return original(*args)

    monkeypatch.setattr(answers, "meeting_network", counted)
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
    assert len(reads) == 1

    later = "Tony Blair met Jacques Chirac in Paris on Tuesday."
    build([Article("a2", later, date(2024, 3, 5))], store, nlp, DEFAULT_BASE_IRI)
    assert _ranked(store)[0] == "Tony Blair"  # the write is seen: he now met two people
    assert "Jacques Chirac" in _ranked(store)
    assert len(reads) == 2


def test_ego_of_an_actor_who_met_no_one_leaves_the_shared_network_alone(
    store: Store, nlp: Language
) -> None:
    text = "Gordon Brown met Tony Blair. Jacques Chirac spoke in Paris."
    build([Article("a3", text, date(2024, 3, 6))], store, nlp, DEFAULT_BASE_IRI)
    before = answers.meeting_graph(store)
    alone = answers.ego_graph(store, "jacques-chirac")
    assert [node["label"] for node in alone["nodes"]] == ["Jacques Chirac"]
    assert answers.meeting_graph(store) == before
