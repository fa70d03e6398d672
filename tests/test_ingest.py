"""One article at a time into the store (POST /articles): names resolve against what the store
knows, read once and kept while nothing else writes."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from spacy.language import Language

from kg.ingest import Ingester
from kg.rdf.iris import article_iri
from kg.settings import DEFAULT_BASE_IRI
from kg.store import Store
from kg.types import Article

BASE = DEFAULT_BASE_IRI


def _article(id: str, text: str) -> Article:
    return Article(id=id, text=text, published=date(2024, 3, 4))


def _met(facts: tuple[dict[str, Any], ...]) -> set[frozenset[str]]:
    return {
        frozenset((fact["subject"], fact["object"]))
        for fact in facts
        if fact["predicate"] == "met" and fact["status"] == "asserted"
    }


@pytest.fixture
def ingester(nlp: Language) -> Ingester:
    return Ingester(nlp, BASE)


def test_ingester_resolves_surnames_against_earlier_articles(ingester: Ingester) -> None:
    with Store.open("memory:") as store:
        ingester.ingest(store, _article("a1", "Tony Blair met Gordon Brown in London on Monday."))
        later = ingester.ingest(store, _article("a2", "Mr Blair met Jacques Chirac in Paris."))
        assert {"Tony Blair", "Jacques Chirac"} in _met(later.facts)


def test_ingester_forgets_names_when_the_store_changes_behind_it(ingester: Ingester) -> None:
    with Store.open("memory:") as store:
        ingester.ingest(store, _article("a1", "Tony Blair met Gordon Brown in London on Monday."))
        assert store.delete_graph(str(article_iri("a1", BASE)))  # as DELETE /articles/a1 does
        later = ingester.ingest(store, _article("a2", "Mr Blair met Jacques Chirac in Paris."))
        assert {"Tony Blair", "Jacques Chirac"} not in _met(later.facts)
        assert {"Blair", "Jacques Chirac"} in _met(later.facts)
