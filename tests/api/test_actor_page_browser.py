"""An actor's page in the explorer, in a real headless Chromium: a party lists its leader, members,
post holders and employees; a person their planned and denied meetings, visits and words; a
place the meetings held there. Issue 17: a party's page said "The graph states no post,
affiliation or meeting" although the graph named its leader and members.

uvicorn serves the two invented Harbour Party articles (tests/samples.py) on 127.0.0.1; Playwright
drives Debian's chromium. The first test leaves docs/party-page.png for the README."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import suppress

import pytest

from kg.store import Store
from tests.conftest import keep_screenshot, party_store
from tests.samples import HARBOUR_LATER_TEXT
from tests.servers import serving

# Without Playwright the `browser` fixture (conftest.py) fails, saying how to install it.
with suppress(ImportError):
    from playwright.sync_api import BrowserContext, Page, expect

SCREENSHOT = "party-page.png"
LEADER_SENTENCE = "Harbour Party leader Ada Quill met Ben Rook of the Harbour Party in Port Ellen"


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The base URL of uvicorn serving a read-only store of the Harbour Party articles."""
    path = tmp_path_factory.mktemp("actor-pages") / "kg"
    party_store(Store.open(str(path))).close()
    with serving(os.environ | {"NEWSKG_STORE": str(path), "NEWSKG_TOKEN": ""}) as (url, _):
        yield url


@pytest.fixture
def page(browser: BrowserContext, server: str) -> Iterator[Page]:
    """A new tab; the test fails if the page logged an error or threw."""
    page = browser.new_page()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(f"{server}/")
    expect(page.get_by_role("status")).to_have_text(
        "Search an actor, or click a node of the network to open it."
    )
    yield page
    page.close()
    assert errors == []


def _open(page: Page, name: str) -> None:
    page.get_by_label("Find an actor").fill(name)
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=2, name=name)).to_be_visible()


def test_party_page_lists_leader_and_members_with_evidence(page: Page) -> None:
    _open(page, "Harbour Party")
    expect(page.get_by_role("status")).to_have_text(
        "Showing Harbour Party: 1 leader, 3 members, 0 meetings in the graph."
    )
    leaders = page.get_by_role("list", name="Leaders")
    expect(leaders.locator(":scope > li > p")).to_have_text(["Ada Quill"])
    expect(leaders).to_contain_text(LEADER_SENTENCE)
    expect(leaders).to_contain_text(HARBOUR_LATER_TEXT)
    members = page.get_by_role("list", name="Members")
    expect(members.locator(":scope > li > p")).to_have_text(["Ben Rook", "Cara Vell", "Hal Penn"])
    expect(members).to_contain_text("Cara Vell, a Harbour Party member, joined them.")
    expect(members.get_by_role("link", name="article").first).to_have_attribute(
        "href", "/id/article/harbour-1"
    )
    expect(page.get_by_role("list", name="Post holders")).to_contain_text("Dan Moss (Treasurer)")
    expect(page.get_by_role("list", name="Employees")).to_contain_text("Eve Stone")
    expect(page.locator("#actor-facts")).not_to_contain_text("The graph states no")
    keep_screenshot(page, SCREENSHOT)


def test_person_page_marks_planned_and_denied_meetings_visits_and_words(page: Page) -> None:
    _open(page, "Harbour Party")
    page.get_by_role("list", name="Leaders").get_by_role("button", name="Ada Quill").click()
    expect(page.get_by_role("heading", level=2, name="Ada Quill")).to_be_visible()
    assert page.url.endswith("#actor=ada-quill")
    expect(page.get_by_role("status")).to_have_text("Showing Ada Quill: 1 meeting in the graph.")
    facts = {
        "Leads": "Harbour Party",
        "Meetings": "Met Ben Rook on 2024-03-04 in Port Ellen",
        "Planned meetings": "Will meet Finn Hale (date not stated)",
        "Meetings that did not happen": "Did not meet Gus Orr (date not stated)",
        "Visits": "Visited Port Ellen on 2024-03-04",
    }
    for title, line in facts.items():
        lines = page.get_by_role("list", name=title, exact=True).locator(":scope > li > p")
        expect(lines).to_have_text([line])
    expect(page.get_by_role("list", name="Planned meetings")).to_contain_text(
        "Quill will meet Finn Hale next week."
    )
    _open(page, "Dan Moss")
    said = page.get_by_role("list", name="Said")
    expect(said.locator(":scope > li > p")).to_have_text(["We are ready (article of 2024-03-06)"])
    expect(said).to_contain_text("“We are ready,” said Dan Moss, the party's treasurer.")


def test_place_page_lists_meetings_held_there_and_visitors(page: Page) -> None:
    _open(page, "Ada Quill")
    page.get_by_role("list", name="Visits").get_by_role("button", name="Port Ellen").click()
    expect(page.get_by_role("heading", level=2, name="Port Ellen")).to_be_visible()
    assert page.url.endswith("#actor=port-ellen")
    expect(page.get_by_role("status")).to_have_text(
        "Showing Port Ellen: 1 meeting held there in the graph."
    )
    held = page.get_by_role("list", name="Meetings held here").locator(":scope > li > p")
    expect(held).to_have_text(["Ada Quill and Ben Rook met on 2024-03-04"])
    visits = page.get_by_role("list", name="Visits").locator(":scope > li > p")
    expect(visits).to_have_text(["Ada Quill visited on 2024-03-04"])
