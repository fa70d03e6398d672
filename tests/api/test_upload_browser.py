"""The upload page at GET /upload in a real headless Chromium: a user with the token adds
articles (a pasted text, a JSON Lines file) and sees their facts; without it, the server's
message. uvicorn serves an empty store with writes on; Playwright drives Debian's chromium.
The first test leaves a screenshot at docs/upload.png for the README."""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator
from contextlib import suppress

import pytest

from kg.store import Store
from tests.conftest import keep_screenshot
from tests.servers import serving

with suppress(ImportError):
    from playwright.sync_api import BrowserContext, ConsoleMessage, Page, expect

SCREENSHOT = "upload.png"
TOKEN = "upload-test-token"
PASTED = (
    "date 2023-03-14\n\nBlinken tours Amman\n\n"
    "Antony Blinken met Foreign Minister Ayman Safadi in Amman on Monday."
)
FEED = [
    {
        "id": "feed-1",
        "text": "Prime Minister Yair Lapid met Foreign Minister Ayman Safadi in Haifa.",
    },
    {"id": "feed-2", "text": "Carla Hess leads the Harbour Party."},
]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The base URL of uvicorn serving an empty on-disk store, writes enabled with TOKEN."""
    path = tmp_path_factory.mktemp("upload") / "kg"
    Store.open(str(path)).close()
    with serving(os.environ | {"NEWSKG_STORE": str(path), "NEWSKG_TOKEN": TOKEN}) as (url, _):
        yield url


@pytest.fixture
def page(browser: BrowserContext, server: str) -> Iterator[Page]:
    """The upload page, opened; fails the test on any console error (a CSP violation, say)."""
    page = browser.new_page()
    errors: list[str] = []

    def on_console(message: ConsoleMessage) -> None:
        # The browser logs the refused request itself; the page shows the server's message.
        if message.type == "error" and "Failed to load resource" not in message.text:
            errors.append(message.text)

    page.on("console", on_console)
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(f"{server}/upload")
    expect(page).to_have_title("newskg: add articles")
    yield page
    assert errors == []
    page.close()


def test_upload_pasted_text_and_jsonl_file_show_their_facts(page: Page) -> None:
    page.get_by_label("Write token").fill(TOKEN)
    page.get_by_label("Or paste an article").fill(PASTED)
    feed = "\n".join(json.dumps(record) for record in FEED).encode()
    page.get_by_label("Article files").set_input_files(
        [{"name": "feed.jsonl", "mimeType": "application/x-ndjson", "buffer": feed}]
    )
    page.get_by_role("button", name="Add to the graph").click()
    status = page.get_by_role("status")
    expect(status).to_have_text(re.compile(r"^Added 3 articles with \d+ facts\.$"))
    ingested = page.get_by_role("region", name="Ingested articles")
    # The date line dates the meeting: "on Monday" before Tuesday 14 March is the 13th.
    expect(ingested).to_contain_text("Antony Blinken met Ayman Safadi (2023-03-13, Amman)")
    expect(ingested).to_contain_text(re.compile(r"From feed\.jsonl: \d+ facts?\."))
    pasted = page.get_by_role("article").filter(has_text="From the pasted text")
    expect(pasted.get_by_role("heading")).to_have_text("Blinken tours Amman")
    expect(pasted).to_contain_text(
        re.compile(r"From the pasted text, published 2023-03-14: \d+ facts?\.")
    )
    expect(page.get_by_role("list", name="Facts of article feed-2")).to_contain_text(
        "Carla Hess leads Harbour Party"
    )
    expect(page.get_by_role("link", name="Article feed-1")).to_have_attribute(
        "href", "/id/article/feed-1"
    )
    keep_screenshot(page, SCREENSHOT, full_page=True)


@pytest.mark.parametrize(
    ("token", "message"),
    [
        pytest.param("", "401: Missing or wrong bearer token", id="no-token"),
        pytest.param("wrong", "401: Missing or wrong bearer token", id="wrong-token"),
    ],
)
def test_upload_without_the_token_shows_the_servers_message(
    page: Page, token: str, message: str
) -> None:
    page.get_by_label("Write token").fill(token)
    page.get_by_label("Or paste an article").fill(PASTED)
    page.get_by_role("button", name="Add to the graph").click()
    status = page.get_by_role("status")
    expect(status).to_contain_text(f"the pasted text: {message}")
    expect(status).to_contain_text("(NEWSKG_TOKEN)")
    expect(page.get_by_role("region", name="Ingested articles").locator("article")).to_have_count(0)


def test_upload_bad_line_names_it(page: Page) -> None:
    page.get_by_label("Write token").fill(TOKEN)
    page.get_by_label("Or paste an article").fill('{"text": "One."}\n{"title": "no text"}')
    page.get_by_label("Pasted as").select_option(label="JSON Lines")
    page.get_by_role("button", name="Add to the graph").click()
    expect(page.get_by_role("status")).to_have_text(
        "the pasted text: 400: the request body, line 2: field 'text' is missing; "
        "give the article text as a string"
    )


def test_explorer_header_links_to_the_upload_page(page: Page, server: str) -> None:
    page.goto(f"{server}/")
    link = page.get_by_role("navigation", name="Other pages").get_by_role(
        "link", name="Add articles"
    )
    expect(link).to_have_attribute("href", "/upload")
