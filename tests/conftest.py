"""Shared fixtures: the trained spaCy pipeline (loaded once) and the seed graph built from it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from spacy.language import Language

from kg.build import build
from kg.extract import load_pipeline
from kg.settings import DEFAULT_BASE_IRI, default_model
from kg.sources import read_articles
from kg.store import Store

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"
SEED = SEEDS / "000_1e6e512ebb72dbb0.txt"


@pytest.fixture(scope="session")
def nlp() -> Language:
    """The trained pipeline newskg uses by default, with its party ruler."""
    return load_pipeline(default_model())


@pytest.fixture(scope="session")
def seed_store(nlp: Language) -> Iterator[Store]:
    """An in-memory store holding the graph built from `seeds/`."""
    store = Store.open("memory:")
    build(read_articles([SEEDS]), store, nlp, DEFAULT_BASE_IRI)
    yield store
    store.close()
