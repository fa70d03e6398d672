"""The explorer at GET / in a real headless Chromium: what a reader of the seed graph sees.

uvicorn serves a store built from seeds/ on 127.0.0.1; Playwright drives Debian's chromium
(`make test` installs it). No browser is ever downloaded: Playwright only launches
/usr/bin/chromium. The last test leaves a screenshot at docs/explorer.png for the README.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import suppress
from dataclasses import dataclass, field

import pytest
from spacy.language import Language

from kg.build import build
from kg.settings import DEFAULT_BASE_IRI
from kg.sources import read_articles
from kg.store import Store
from tests.conftest import SEEDS, keep_screenshot
from tests.servers import serving

# Without Playwright the `browser` fixture (conftest.py) fails, saying how to install it.
with suppress(ImportError):
    from playwright.sync_api import BrowserContext, ConsoleMessage, Error, Page, expect

SCREENSHOT = "explorer.png"
BLINKEN_MET = ["Benjamin Netanyahu", "Mahmoud Abbas", "Yoav Gallant", "Yair Lapid"]


@dataclass
class Tab:
    """A page of the explorer and every console error and uncaught exception it has had."""

    page: Page
    errors: list[str] = field(default_factory=list)


@pytest.fixture(scope="module")
def server(nlp: Language, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The base URL of uvicorn serving a read-only store built from seeds/."""
    path = tmp_path_factory.mktemp("explorer") / "kg"
    store = Store.open(str(path))
    build(read_articles([SEEDS]), store, nlp, DEFAULT_BASE_IRI)
    store.close()
    with serving(os.environ | {"NEWSKG_STORE": str(path), "NEWSKG_TOKEN": ""}) as (url, _):
        yield url


@pytest.fixture
def tab(browser: BrowserContext, server: str) -> Iterator[Tab]:
    """The explorer opened at `/`, its graph drawn."""
    page = browser.new_page()
    tab = Tab(page)

    def on_console(message: ConsoleMessage) -> None:
        if message.type == "error":
            tab.errors.append(f"console: {message.text} ({message.location})")

    def on_page_error(error: Error) -> None:
        tab.errors.append(f"uncaught: {error}")

    page.on("console", on_console)
    page.on("pageerror", on_page_error)
    page.goto(f"{server}/")
    expect(page.get_by_role("list", name="Actors in the graph")).to_contain_text("Antony Blinken")
    yield tab
    page.close()


def test_explorer_loads_without_console_errors(tab: Tab) -> None:
    page = tab.page
    expect(page).to_have_title("newskg explorer")
    expect(page.get_by_role("status")).to_have_text(
        "Search an actor, or click a node of the network to open it."
    )
    expect(page.get_by_role("link", name="SPARQL query page")).to_have_attribute("href", "/sparql")
    persons = "explorer.cy().nodes('[kind = \"person\"]').map((node) => node.data('label')).sort()"
    assert page.evaluate(persons) == sorted(["Antony Blinken", *BLINKEN_MET])
    assert tab.errors == []


def test_explorer_search_ben_gvir_shows_otzma_yehudit(tab: Tab) -> None:
    page = tab.page
    page.get_by_label("Find an actor").fill("Ben-Gvir")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=2, name="Itamar Ben-Gvir")).to_be_visible()
    leads = page.get_by_role("list", name="Leads")
    expect(leads).to_contain_text("Otzma Yehudit")
    expect(leads).to_contain_text("leader of the far-right Otzma Yehudit party")
    assert tab.errors == []


def test_explorer_click_blinken_node_lists_whom_he_met(tab: Tab) -> None:
    page = tab.page
    # Where Cytoscape drew the node, from the top left of the graph's box, in CSS pixels.
    point = page.evaluate(
        "explorer.cy().nodes('[actor_id = \"antony-blinken\"]').renderedPosition()"
    )
    box = page.locator("#graph").bounding_box()
    assert box is not None
    page.mouse.click(box["x"] + point["x"], box["y"] + point["y"])
    expect(page.get_by_role("heading", level=2, name="Antony Blinken")).to_be_visible()
    status = page.get_by_role("status")
    expect(status).to_have_text("Showing Antony Blinken: 4 meetings in the graph.")
    met = page.get_by_role("list", name="Meetings").locator(":scope > li > p button")
    expect(met).to_have_count(4)
    assert sorted(met.all_inner_texts()) == sorted(BLINKEN_MET)
    assert page.url.endswith("#actor=antony-blinken")
    keep_screenshot(page, SCREENSHOT, full_page=True)
    assert tab.errors == []
