"""Every HTML view in a real headless Chromium, over a graph holding a `javascript:` IRI: only
http(s) IRIs are links, clicking the other one runs nothing, and the Content-Security-Policy
keeps inline script from running at all."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import suppress

import httpx
import pyoxigraph as ox
import pytest

from kg.settings import DEFAULT_BASE_IRI
from kg.store import Store
from tests.servers import serving

# Without Playwright the `browser` fixture (conftest.py) fails, saying how to install it.
with suppress(ImportError):
    from playwright.sync_api import BrowserContext, Dialog, Page, expect

MALLORY = f"{DEFAULT_BASE_IRI}person/mallory"
SCRIPT_IRI = "javascript:alert(document.domain)"
WEB_IRI = "https://example.org/mallory"
GRAPH = f"""
<{MALLORY}> <http://www.w3.org/2000/01/rdf-schema#label> "Mallory" ;
    <https://schema.org/sameAs> <{SCRIPT_IRI}>, <{WEB_IRI}> .
""".encode()
PAGES = ["/", "/sparql", "/id/person/mallory?format=html", "/docs"]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """uvicorn, read-only, over an on-disk store holding Mallory's graph."""
    path = tmp_path_factory.mktemp("html") / "kg"
    with Store.open(str(path)) as store:
        store.add_to_graph(f"{DEFAULT_BASE_IRI}article/mallory", GRAPH, ox.RdfFormat.TURTLE)
    with serving(os.environ | {"NEWSKG_STORE": str(path), "NEWSKG_TOKEN": ""}) as (url, _):
        yield url


@pytest.fixture
def page(browser: BrowserContext) -> Iterator[Page]:
    """A tab that fails the test if any script opens a dialog (the `javascript:` IRI would)."""
    page = browser.new_page()
    dialogs: list[str] = []

    def on_dialog(dialog: Dialog) -> None:
        dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    yield page
    page.close()
    assert dialogs == [], "a script ran"


def _click_text(page: Page, text: str) -> None:
    """Click the element showing `text`; a link to a `javascript:` IRI would open a dialog."""
    page.get_by_text(text, exact=True).first.click()
    page.wait_for_timeout(300)


def test_linked_data_page_javascript_iri_is_text_web_iri_a_link(page: Page, server: str) -> None:
    page.goto(f"{server}/id/person/mallory?format=html")
    expect(page.get_by_role("heading", level=1)).to_have_text("Mallory")
    expect(page.get_by_role("link", name=WEB_IRI)).to_have_attribute("href", WEB_IRI)
    expect(page.get_by_role("link", name=SCRIPT_IRI)).to_have_count(0)
    expect(page.locator("a[href^='javascript:' i]")).to_have_count(0)
    _click_text(page, SCRIPT_IRI)
    assert page.url == f"{server}/id/person/mallory?format=html"


def test_sparql_page_javascript_iri_is_text_web_iri_a_link(page: Page, server: str) -> None:
    page.goto(f"{server}/sparql", wait_until="load")
    page.wait_for_function("window.yasgui !== undefined")  # the page's scripts ran
    page.evaluate(
        "(query) => yasgui.getTab().getYasqe().setValue(query)",
        f"SELECT ?same WHERE {{ <{MALLORY}> <https://schema.org/sameAs> ?same }} ORDER BY ?same",
    )
    page.get_by_role("button", name="Run query").click()
    results = page.locator(".yasr")
    expect(results).to_contain_text("2 results")
    expect(page.get_by_role("link", name=WEB_IRI)).to_have_attribute("href", WEB_IRI)
    expect(results.get_by_role("cell", name=SCRIPT_IRI)).to_have_count(1)
    expect(results.locator("a[href^='javascript:' i]")).to_have_count(0)
    _click_text(page, SCRIPT_IRI)
    assert page.url == f"{server}/sparql"


@pytest.mark.parametrize("path", PAGES)
def test_html_page_content_security_policy_stops_inline_script(
    page: Page, server: str, path: str
) -> None:
    policy = httpx.get(f"{server}{path}", headers={"Accept": "text/html"}).headers.get(
        "content-security-policy", ""
    )
    assert "script-src 'self'" in policy
    assert "'unsafe-inline'" not in policy.split("script-src", 1)[1].split(";", 1)[0]
    page.goto(f"{server}{path}", wait_until="domcontentloaded")
    ran = page.evaluate(
        """() => {
            const script = document.createElement("script");
            script.textContent = "window.injected = true";
            document.body.append(script);
            const link = document.createElement("a");
            link.setAttribute("onclick", "window.injected = true");
            document.body.append(link);
            link.click();
            return window.injected === true;
        }"""
    )
    assert ran is False
