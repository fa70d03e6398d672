"""Shared fixtures: the trained spaCy pipeline (loaded once), the seed graph built from it, and
`run` for the `kg` command in-process; `keep_screenshot` for the README's pictures; `mini_store`,
the small hand-written graph; `party_store`, the invented Harbour Party articles."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from rdflib import Dataset
from spacy.language import Language

try:
    from playwright.sync_api import BrowserContext, Page, sync_playwright
except ImportError:  # the browser tests must fail, not skip, when the browser stack is missing
    sync_playwright = None

import kg.cli
import kg.cli.options
from kg.build import build
from kg.extract import load_pipeline
from kg.rdf.mapping import to_triples
from kg.settings import DEFAULT_BASE_IRI, default_model
from kg.sources import read_articles
from kg.store import Store
from tests.samples import harbour_party

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"
SEED = SEEDS / "000_1e6e512ebb72dbb0.txt"
FIXTURES = REPO / "tests" / "fixtures"
MINI = FIXTURES / "mini.trig"
DOCS = REPO / "docs"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def keep_screenshot(page: Page, name: str, **options: object) -> None:
    """Save the page as docs/`name` for the README, when NEWSKG_SCREENSHOTS is set (as
    docs/regenerate.sh does); a plain test run leaves docs/ as committed."""
    if os.environ.get("NEWSKG_SCREENSHOTS"):
        page.screenshot(path=DOCS / name, **options)  # type: ignore[arg-type]


def mini_store(store: Store) -> Store:
    """`store` with the non-empty named graphs of tests/fixtures/mini.trig written into it."""
    dataset = Dataset()
    dataset.parse(MINI, format="trig")
    for graph in dataset.graphs():
        if len(graph):
            store.put_graph(str(graph.identifier), graph)
    return store


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


def party_store(store: Store) -> Store:
    """`store` with the two invented Harbour Party articles of tests/samples.py written into it."""
    for extraction in harbour_party():
        store.put_graph(*to_triples(extraction))
    return store


@pytest.fixture(scope="session")
def harbour_store() -> Iterator[Store]:
    """An in-memory store of the Harbour Party articles (`party_store`)."""
    store = party_store(Store.open("memory:"))
    yield store
    store.close()


@pytest.fixture
def run(
    nlp: Language, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> Callable[..., tuple[int, str, str]]:
    """Run `kg ARGS...` in-process with the session's pipeline; return (status, stdout, stderr)."""
    monkeypatch.setattr(kg.cli.options, "nlp", lambda settings: nlp)
    monkeypatch.delenv("NEWSKG_STORE", raising=False)

    def _run(*args: str) -> tuple[int, str, str]:
        status = kg.cli.main(list(args))
        out, err = capsys.readouterr()
        return status, out, err

    return _run


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[BrowserContext]:
    """Debian's chromium, headless, with a fresh profile; never a downloaded browser."""
    if sync_playwright is None:
        pytest.fail(
            "Playwright is not installed: run `make test`, which installs the test extra.",
            pytrace=False,
        )
    if not CHROMIUM.exists():
        pytest.fail(
            f"Chromium is not installed ({CHROMIUM} is missing): run `make test`, which installs "
            "it (apt-get install -y chromium).",
            pytrace=False,
        )
    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(tmp_path_factory.mktemp("chromium-profile")),
            executable_path=str(CHROMIUM),
            headless=True,
            args=CHROMIUM_ARGS,
            viewport={"width": 1280, "height": 860},
        )
        try:
            yield context
        finally:
            context.close()
