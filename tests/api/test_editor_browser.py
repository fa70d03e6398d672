"""The SPARQL editor (YASGUI at GET /sparql) and the API documentation (Swagger UI at /docs) in a
real headless Chromium, offline: every request the pages make is recorded, and none may leave
127.0.0.1 (the ones that try are aborted and fail the test). Both libraries are vendored under
api/static/vendor/; nothing is fetched from a CDN, prefix.cc or Linked Open Vocabularies. The
chart test leaves a screenshot at docs/sparql-editor.png for the README."""

from __future__ import annotations

import csv
import os
from collections.abc import Iterator
from contextlib import suppress
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import pytest

from kg.query.prefixes import PREDECLARED
from kg.store import Store
from tests.conftest import keep_screenshot, mini_store
from tests.servers import serving

# Without Playwright the `browser` fixture (conftest.py) fails, saying how to install it.
with suppress(ImportError):
    from playwright.sync_api import BrowserContext, ConsoleMessage, Error, Page, Route, expect

LOCAL_SCHEMES = frozenset({"data", "blob", "about"})
PEOPLE = """SELECT ?person ?name WHERE { ?person a schema:Person ; rdfs:label ?name }
ORDER BY ?name"""
STATEMENTS = """SELECT ?thing ?name (COUNT(*) AS ?statements) (COUNT(DISTINCT ?p) AS ?properties)
WHERE { ?thing rdfs:label ?name ; ?p ?o }
GROUP BY ?thing ?name ORDER BY DESC(?statements) ?name"""
SCREENSHOT = "sparql-editor.png"


@dataclass
class Tab:
    """A page, every URL the browser requested for it, and its console errors."""

    page: Page
    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def outside(self) -> list[str]:
        """The requests that would have left this machine."""
        return [url for url in self.requests if not _local(url)]


def _local(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in LOCAL_SCHEMES or parts.hostname == "127.0.0.1"


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """uvicorn, read-only, over tests/fixtures/mini.trig (Blinken met Abbas; Ben-Gvir...)."""
    path = tmp_path_factory.mktemp("editor") / "kg"
    mini_store(Store.open(str(path))).close()
    with serving(os.environ | {"NEWSKG_STORE": str(path), "NEWSKG_TOKEN": ""}) as (url, _):
        yield url


@pytest.fixture
def watched(browser: BrowserContext) -> Iterator[Tab]:
    """A new tab whose requests (its popups' too) are recorded; any leaving 127.0.0.1 is aborted.
    The test fails if one was tried, or if a page logged an error or threw."""
    tab = Tab(browser.new_page())

    def route(route: Route) -> None:
        tab.requests.append(route.request.url)
        if _local(route.request.url):
            route.continue_()
        else:
            route.abort()

    def on_console(message: ConsoleMessage) -> None:
        if message.type == "error":
            tab.errors.append(f"console: {message.text} ({message.location})")

    def on_page_error(error: Error) -> None:
        tab.errors.append(f"uncaught: {error}")

    def watch(page: Page) -> None:
        page.on("console", on_console)
        page.on("pageerror", on_page_error)

    browser.route("**/*", route)
    browser.on("page", watch)
    watch(tab.page)
    try:
        yield tab
        assert tab.outside() == [], "requests left 127.0.0.1"
        assert tab.errors == []
    finally:
        browser.remove_listener("page", watch)
        browser.unroute("**/*", route)
        for page in browser.pages:
            page.close()


def _open_editor(tab: Tab, url: str) -> Page:
    """The editor at `url` with no tabs kept from an earlier test (YASGUI keeps them in
    localStorage), its first query shown."""
    page = tab.page
    page.goto(url)
    page.evaluate("localStorage.clear()")
    page.reload()
    expect(page.locator(".yasqe .CodeMirror")).to_be_visible()
    page.wait_for_function("window.yasgui !== undefined")
    return page


def _run(page: Page, query: str) -> None:
    """Put `query` (after the page's PREFIX lines) in the editor and press its Run button."""
    page.evaluate(
        """(query) => {
            const yasqe = yasgui.getTab().getYasqe();
            const prefixes = yasqe.getValue().split("\\n").filter((l) => l.startsWith("PREFIX"));
            yasqe.setValue(prefixes.join("\\n") + "\\n" + query);
        }""",
        query,
    )
    page.get_by_role("button", name="Run query").click()


def test_editor_starts_with_the_graph_prefixes_and_runs_a_query(watched: Tab, server: str) -> None:
    page = _open_editor(watched, f"{server}/sparql")
    expect(page).to_have_title("newskg SPARQL")
    text = page.evaluate("yasgui.getTab().getYasqe().getValue()")
    for name in ("kg", "schema", "org", "rdfs", "prov", "skos", "xsd", "rdf", "owl"):
        assert f"PREFIX {name}: <{PREDECLARED[name]}>" in text
    page.get_by_role("button", name="Run query").click()  # the first query: who met whom
    table = page.locator(".yasr table.dataTable")
    expect(table.get_by_role("cell", name="Antony Blinken")).to_be_visible()
    expect(table.get_by_role("cell", name="Mahmoud Abbas")).to_be_visible()
    expect(page.locator(".yasr")).to_contain_text("1 result")
    assert any(url == f"{server}/sparql" for url in watched.requests)  # the query went here


def test_editor_iri_opens_this_servers_id_page(watched: Tab, server: str) -> None:
    page = _open_editor(watched, f"{server}/sparql")
    _run(page, PEOPLE)
    link = page.get_by_role("link", name="https://w3id.org/newskg/id/person/antony-blinken")
    expect(link).to_have_attribute("href", "/id/person/antony-blinken")
    with page.context.expect_page() as opened:
        link.click()
    resource = opened.value
    resource.wait_for_load_state()
    assert resource.url == f"{server}/id/person/antony-blinken"
    expect(resource.get_by_role("heading", level=1)).to_have_text("Antony Blinken")


def test_editor_completes_prefixes_offline(watched: Tab, server: str) -> None:
    page = _open_editor(watched, f"{server}/sparql")
    page.evaluate("yasgui.getTab().getYasqe().setValue('')")
    page.locator(".yasqe .CodeMirror").click()
    page.keyboard.type("PREFIX k")
    hints = page.locator(".CodeMirror-hints")
    expect(hints).to_contain_text("kg: <https://w3id.org/newskg/ontology#>")
    page.keyboard.press("Enter")
    # the editor applies the chosen hint after the key event: wait for it before reading
    page.wait_for_function("yasgui.getTab().getYasqe().getValue() !== 'PREFIX k'")
    text = page.evaluate("yasgui.getTab().getYasqe().getValue()")
    assert text.startswith("PREFIX kg: <https://w3id.org/newskg/ontology#>")


def test_editor_completes_properties_the_graph_uses(watched: Tab, server: str) -> None:
    page = _open_editor(watched, f"{server}/sparql")
    page.evaluate(
        "yasgui.getTab().getYasqe().setValue("
        "'PREFIX kg: <https://w3id.org/newskg/ontology#>\\nSELECT * WHERE { ?s kg:')"
    )
    page.locator(".yasqe .CodeMirror").click()
    page.keyboard.press("Control+End")
    page.keyboard.press("Control+Space")
    hints = page.locator(".CodeMirror-hints")
    expect(hints).to_contain_text("kg:met")
    expect(hints).to_contain_text("kg:participant")


def test_editor_draws_a_chart_of_a_numeric_column(watched: Tab, server: str) -> None:
    page = _open_editor(watched, f"{server}/sparql")
    _run(page, STATEMENTS)
    expect(page.locator(".yasr table.dataTable")).to_contain_text("Itamar Ben-Gvir")
    page.get_by_role("button", name="Shows Chart view").click()
    chart = page.get_by_role("img", name="?statements by ?name")  # the literal column, not ?thing
    expect(chart.locator("rect.bar")).to_have_count(7)
    expect(chart.locator("text")).to_contain_text(["Itamar Ben-Gvir", "5", "Otzma Yehudit", "3"])
    page.get_by_label("Value").select_option("properties")
    chart = page.get_by_role("img", name="?properties by ?name")
    expect(chart.locator("text")).to_contain_text(["Otzma Yehudit", "2", "Israel", "2"])
    page.get_by_label("Value").select_option("statements")
    # Without the query's duration, which changes from run to run, so the picture does not.
    keep_screenshot(page, SCREENSHOT, style=".yasr_response_chip { visibility: hidden; }")


def test_editor_downloads_results_as_csv(watched: Tab, server: str) -> None:
    page = _open_editor(watched, f"{server}/sparql")
    _run(page, PEOPLE)
    expect(page.locator(".yasr table.dataTable")).to_contain_text("Itamar Ben-Gvir")
    with page.expect_download() as download:
        page.locator(".yasr_downloadIcon").click()
    assert download.value.suggested_filename.endswith(".csv")
    rows = list(csv.reader(download.value.path().read_text().splitlines()))
    assert rows[0] == ["person", "name"]
    assert ["https://w3id.org/newskg/id/person/antony-blinken", "Antony Blinken"] in rows


def test_editor_permalink_reopens_the_query_on_this_server(watched: Tab, server: str) -> None:
    page = _open_editor(watched, f"{server}/sparql")
    _run(page, PEOPLE)
    expect(page.locator(".yasr table.dataTable")).to_contain_text("Mahmoud Abbas")
    page.get_by_role("button", name="Share query").click()
    permalink = page.locator(".yasqe_sharePopup input").input_value()
    assert permalink.startswith(f"{server}/sparql#query=")
    # Named in the link or not, another endpoint is never asked: the query runs here.
    elsewhere = permalink.replace("endpoint=", "endpoint=https%3A%2F%2Fexample.org%2Fsparql&x=")
    opened = page.context.new_page()
    before = len(watched.requests)
    opened.goto(elsewhere)
    expect(opened.locator(".yasr table.dataTable")).to_contain_text("Mahmoud Abbas")
    assert PEOPLE in opened.evaluate("yasgui.getTab().getYasqe().getValue()")
    assert f"{server}/sparql" in watched.requests[before:]


def test_docs_lists_the_operations_and_tries_one_offline(watched: Tab, server: str) -> None:
    page = watched.page
    page.goto(f"{server}/docs")
    expect(page.get_by_role("heading", name="newskg")).to_be_visible()
    paths = page.locator(".opblock-summary-path")
    expect(paths.filter(has_text="/sparql").first).to_be_visible()
    assert {"/health", "/sparql", "/sparql/editor.json"} <= set(paths.all_inner_texts())
    page.locator("#operations-health-health_health_get").click()
    page.get_by_role("button", name="Try it out").click()
    page.get_by_role("button", name="Execute").click()
    answer = page.locator(".live-responses-table tr.response")
    expect(answer.locator(".response-col_status")).to_have_text("200")
    expect(answer.locator(".response-col_description")).to_contain_text('"status": "ok"')
    assert f"{server}/static/vendor/swagger-ui-bundle.js" in watched.requests


def test_watched_tab_sees_a_request_leaving_the_machine(browser: BrowserContext) -> None:
    # The check above would fail: a page without our policy asking another host is recorded.
    recorded: list[str] = []

    def route(route: Route) -> None:
        recorded.append(route.request.url)
        route.abort()

    page = browser.new_page()
    page.route("**/*", route)
    page.set_content('<img src="http://example.org/pixel.png" alt="">')
    page.wait_for_timeout(300)
    page.close()
    assert Tab(page, recorded).outside() == ["http://example.org/pixel.png"]
