"""Shared fixtures: the trained spaCy pipeline (loaded once), the seed graph built from it, and
`run` for the `kg` command in-process."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from spacy.language import Language

import kg.cli
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


@pytest.fixture
def run(
    nlp: Language, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> Callable[..., tuple[int, str, str]]:
    """Run `kg ARGS...` in-process with the session's pipeline; return (status, stdout, stderr)."""
    monkeypatch.setattr(kg.cli, "_nlp", lambda settings: nlp)
    monkeypatch.delenv("NEWSKG_STORE", raising=False)

    def _run(*args: str) -> tuple[int, str, str]:
        status = kg.cli.main(list(args))
        out, err = capsys.readouterr()
        return status, out, err

    return _run
