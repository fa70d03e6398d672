"""The explorer over a corpus, in a real headless Chromium: the force-directed network with its
legend and filters, expanding a node, search as you type, and the article page.

Two graphs: the 72 BBC politics development articles (../shared/data/bbc-news-politics/politics,
built once per session; the tests on it are skipped where that folder is missing), and the seed
article given a headline and a source URL (always). The corpus test leaves a screenshot at
docs/explorer-corpus.png and the article test one at docs/article-page.png for the README.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import suppress
from dataclasses import dataclass, field, replace
from pathlib import Path

import httpx
import pytest
from spacy.language import Language

from kg.build import build
from kg.settings import DEFAULT_BASE_IRI
from kg.sources import read_articles
from kg.store import Store
from tests.conftest import REPO, SEEDS, keep_screenshot
from tests.servers import serving

# Without Playwright the `browser` fixture (conftest.py) fails, saying how to install it.
with suppress(ImportError):
    from playwright.sync_api import BrowserContext, ConsoleMessage, Error, Page, expect

CORPUS = REPO.parent / "shared" / "data" / "bbc-news-politics" / "politics"
HEADLINE = "Blinken wraps up Mideast trip with appeals for calm"
SOURCE = "https://news.example.org/2023/01/31/blinken"
LEGIBLE_PX = 11
"""The smallest label, in screen pixels at the default zoom, that we call legible."""


@dataclass
class Tab:
    """A page and every console error and uncaught exception it has had."""

    page: Page
    errors: list[str] = field(default_factory=list)


def _serve(path: Path) -> Iterator[str]:
    with serving(os.environ | {"NEWSKG_STORE": str(path), "NEWSKG_TOKEN": ""}) as (url, _):
        yield url


@pytest.fixture(scope="session")
def corpus_store(nlp: Language, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store directory holding the 72 development articles."""
    if not CORPUS.is_dir():
        pytest.skip(f"The development articles are not here ({CORPUS} is missing).")
    path = tmp_path_factory.mktemp("corpus") / "kg"
    with Store.open(str(path)) as store:
        build(read_articles([CORPUS]), store, nlp, DEFAULT_BASE_IRI)
    return path


@pytest.fixture(scope="module")
def corpus(corpus_store: Path) -> Iterator[str]:
    """The base URL of the API serving the corpus."""
    yield from _serve(corpus_store)


@pytest.fixture(scope="module")
def seed(nlp: Language, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The base URL of the API serving the seed article, with a headline and a source URL."""
    path = tmp_path_factory.mktemp("seed-page") / "kg"
    articles = [replace(a, title=HEADLINE, url=SOURCE) for a in read_articles([SEEDS])]
    with Store.open(str(path)) as store:
        build(articles, store, nlp, DEFAULT_BASE_IRI)
    yield from _serve(path)


def _open(browser: BrowserContext, url: str) -> Iterator[Tab]:
    page = browser.new_page()
    tab = Tab(page)

    def on_console(message: ConsoleMessage) -> None:
        if message.type == "error":
            tab.errors.append(f"console: {message.text} ({message.location})")

    def on_page_error(error: Error) -> None:
        tab.errors.append(f"uncaught: {error}")

    page.on("console", on_console)
    page.on("pageerror", on_page_error)
    page.goto(url)
    expect(page.get_by_role("status")).to_have_text(
        "Search an actor, or click a node of the network to open it."
    )
    yield tab
    page.close()


@pytest.fixture
def tab(browser: BrowserContext, corpus: str) -> Iterator[Tab]:
    """The explorer over the corpus, its network drawn."""
    yield from _open(browser, f"{corpus}/")


@pytest.fixture
def seed_tab(browser: BrowserContext, seed: str) -> Iterator[Tab]:
    """The explorer over the seed article, its network drawn."""
    yield from _open(browser, f"{seed}/")


def _count(page: Page, what: str) -> int:
    return page.evaluate(f"explorer.cy().{what}().length")


def _click_node(page: Page, actor_id: str) -> None:
    """Click where Cytoscape drew the node of `actor_id`, as a user would."""
    point = page.evaluate(f"explorer.cy().nodes('[actor_id = \"{actor_id}\"]').renderedPosition()")
    box = page.locator("#graph").bounding_box()
    assert box is not None
    page.mouse.click(box["x"] + point["x"], box["y"] + point["y"])


def test_corpus_network_has_a_legend_and_every_label_legible(tab: Tab) -> None:
    page = tab.page
    legend = page.get_by_role("group", name="Legend and filters")
    for words in ("person", "party", "organisation", "place", "met", "leads", "planned"):
        expect(legend).to_contain_text(words)
    labels = page.evaluate("explorer.cy().nodes().map((node) => node.data('label'))")
    assert len(labels) >= 20 and all(label.strip() for label in labels)
    # Each label's size on screen: its font size times the zoom the graph is drawn at.
    smallest = page.evaluate(
        "Math.min(...explorer.cy().nodes().map("
        "(node) => parseFloat(node.style('font-size')) * explorer.cy().zoom()))"
    )
    assert smallest >= LEGIBLE_PX, f"a label is {smallest:.1f} px on screen"
    # Every node is inside the box, so that its label is in view.
    outside = page.evaluate(
        "(() => { const cy = explorer.cy(), w = cy.width(), h = cy.height();"
        " return cy.nodes().filter((n) => { const p = n.renderedPosition();"
        " return p.x < 0 || p.y < 0 || p.x > w || p.y > h; }).map((n) => n.data('label')); })()"
    )
    assert outside == []
    keep_screenshot(page, "explorer-corpus.png", full_page=True)
    assert tab.errors == []


def test_corpus_filters_change_the_drawn_edges(tab: Tab) -> None:
    page = tab.page
    relations = page.get_by_role("group", name="Relations")
    first = _count(page, "edges")
    relations.get_by_label("met").uncheck()
    expect(page.locator("#network-count")).not_to_contain_text(f"{first} ties")
    without_met = _count(page, "edges")
    assert 0 < without_met < first
    drawn = page.evaluate("[...new Set(explorer.cy().edges().map((e) => e.data('relation')))]")
    assert drawn == ["visited"]
    relations.get_by_label("leads").check()
    assert _count(page, "edges") > without_met
    page.get_by_role("group", name="Nodes").get_by_label("place").uncheck()
    kinds = page.evaluate("[...new Set(explorer.cy().nodes().map((n) => n.data('kind')))]")
    assert "place" not in kinds
    assert tab.errors == []


def test_corpus_click_expands_a_node_into_its_neighbours(tab: Tab) -> None:
    page = tab.page
    before = set(page.evaluate("explorer.cy().nodes().map((node) => node.data('label'))"))
    assert "Labour" not in before  # leads and member_of are not drawn at first
    _click_node(page, "tony-blair")
    expect(page.get_by_role("heading", level=2, name="Tony Blair")).to_be_visible()
    after = set(page.evaluate("explorer.cy().nodes().map((node) => node.data('label'))"))
    assert before < after
    assert "Labour" in after
    assert page.evaluate("explorer.cy().nodes('.current').data('label')") == "Tony Blair"
    assert tab.errors == []


def test_corpus_search_lists_matches_as_you_type(tab: Tab) -> None:
    page = tab.page
    page.get_by_label("Find an actor").press_sequentially("Howar", delay=40)
    matches = page.get_by_role("list", name="Matching actors")
    expect(matches).to_contain_text("Michael Howard (person)")
    expect(page.get_by_role("status")).to_contain_text("match “Howar”")
    ringed = page.evaluate("explorer.cy().nodes('.match').map((node) => node.data('label'))")
    assert "Michael Howard" in ringed
    assert page.url.endswith("/")  # nothing chosen until Enter or a click
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=2, name="Michael Howard")).to_be_visible()
    assert tab.errors == []


def test_corpus_tie_leads_to_its_article_page(tab: Tab, corpus: str) -> None:
    page = tab.page
    edge = (
        "explorer.cy().edges('[relation = \"met\"]').filter((e) =>"
        " e.connectedNodes('[actor_id = \"tony-blair\"]').length"
        " && e.connectedNodes('[actor_id = \"gordon-brown\"]').length)"
    )
    point = page.evaluate(f"{edge}.renderedMidpoint()")
    box = page.locator("#graph").bounding_box()
    assert box is not None
    page.mouse.click(box["x"] + point["x"], box["y"] + point["y"])
    tie = page.get_by_role("region", name="The tie clicked")
    expect(tie).to_contain_text("Gordon Brown")
    expect(tie).to_contain_text("met")
    sentence = tie.get_by_role("list", name="Sentences").locator("q").first.inner_text()
    tie.get_by_role("link", name="article").first.click()
    titles = {
        a["iri"]: a["title"] for a in httpx.get(f"{corpus}/articles?limit=100").json()["items"]
    }
    article = page.url.replace(f"{corpus}/id/article/", f"{DEFAULT_BASE_IRI}article/")
    expect(page.get_by_role("heading", level=1)).to_have_text(titles[article])
    expect(page.locator(".meta").first).to_contain_text("Publication date not recorded")
    facts = page.get_by_role("list", name="Facts")
    expect(facts.locator("li").filter(has_text="Gordon Brown").first).to_be_visible()
    expect(facts.locator("blockquote", has_text=sentence).first).to_be_visible()
    assert tab.errors == []


def test_seed_date_filter_keeps_the_ties_dated_in_range(seed_tab: Tab) -> None:
    page = seed_tab.page
    dates = page.get_by_role("group", name="Dates")
    expect(dates).to_contain_text("Facts are dated from 2023-01-30 to 2023-01-31.")
    assert _count(page, "edges") == 8  # four meetings and four visits
    page.locator("#date-to").fill("2023-01-30")
    expect(page.locator("#network-count")).to_have_text("The network: 2 nodes, 1 tie.")
    labels = sorted(page.evaluate("explorer.cy().nodes().map((node) => node.data('label'))"))
    assert labels == ["Antony Blinken", "Benjamin Netanyahu"]
    page.get_by_role("button", name="Reset").click()
    expect(page.locator("#network-count")).to_have_text("The network: 9 nodes, 8 ties.")
    assert seed_tab.errors == []


def test_seed_legend_counts_and_disables_absent_statuses(seed_tab: Tab) -> None:
    statuses = seed_tab.page.get_by_role("group", name="Status")
    expect(statuses.get_by_label("asserted")).to_be_enabled()
    expect(statuses).to_contain_text("asserted (18)")
    expect(statuses.get_by_label("negated")).to_be_disabled()
    assert seed_tab.errors == []


def test_seed_article_page_shows_headline_date_source_and_facts(
    browser: BrowserContext, seed: str
) -> None:
    page = browser.new_page()
    page.goto(f"{seed}/id/article/28cd3d1d7a67278e")
    expect(page.get_by_role("heading", level=1)).to_have_text(HEADLINE)
    expect(page.locator("time")).to_have_text("2023-01-31")
    expect(page.get_by_role("link", name=f"Source: {SOURCE}")).to_have_attribute("href", SOURCE)
    abbas = page.get_by_role("list", name="Facts").locator("li", has_text="met Mahmoud Abbas")
    expect(abbas).to_contain_text("on 2023-01-31 in Ramallah")
    expect(abbas.locator("blockquote").first).to_contain_text("Blinken met Palestinian leader")
    expect(page.get_by_role("list", name="Quotes")).to_be_visible()
    keep_screenshot(page, "article-page.png")
    abbas.get_by_role("link", name="Mahmoud Abbas").click()
    expect(page.get_by_role("heading", level=2, name="Mahmoud Abbas")).to_be_visible()
    page.close()
