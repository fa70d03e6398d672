"""Photo captions, credit lines and contributor lines, found in the raw text."""

from __future__ import annotations

import pytest

from kg.extract.captions import Captions, find_captions
from kg.extract.rules import load_rules

BODY = "Antony Blinken met Mahmoud Abbas in Ramallah on Tuesday."
CAPTION = "Open gallery view Blinken and Abbas in Ramallah on Tuesday. Credit: Majdi Mohammed /AP"


def _find(text: str) -> Captions:
    return find_captions(text, load_rules())


def _credits(text: str) -> list[tuple[str, str | None]]:
    return [(credit.name, credit.agency) for credit in _find(text).credits]


def test_find_captions_gallery_paragraph_is_a_caption() -> None:
    text = f"{BODY}\n{CAPTION}\nThe talks ended."
    captions = _find(text)
    start = text.index(CAPTION)
    assert captions.spans == ((start, start + len(CAPTION)),)
    ((d_start, d_end),) = captions.descriptions
    assert text[d_start:d_end].strip() == "Blinken and Abbas in Ramallah on Tuesday."
    (credit,) = captions.credits
    assert (credit.name, credit.agency) == ("Majdi Mohammed", "AP")
    assert credit.text == CAPTION
    assert text[credit.start : credit.end] == CAPTION


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(CAPTION, [("Majdi Mohammed", "AP")], id="gallery-credit"),
        pytest.param(
            "Protesters in Caracas. Credit: RONALDO SCHEMIDT / AFP",
            [("Ronaldo Schemidt", "AFP")],
            id="all-caps-name-title-cased",
        ),
        pytest.param(
            "Photo: Netanyahu at the cabinet meeting. Credit: Emil Salman",
            [("Emil Salman", None)],
            id="credit-without-agency",
        ),
        pytest.param("Photo by Jane Doe", [("Jane Doe", None)], id="photo-by"),
        pytest.param(
            "Ben Samuels contributed to this report.",
            [("Ben Samuels", None)],
            id="contributor",
        ),
        pytest.param(
            "Jonathan Lis and Ben Samuels contributed to this report.",
            [("Jonathan Lis", None), ("Ben Samuels", None)],
            id="two-contributors",
        ),
        pytest.param(
            "Additional reporting by Jo Bloggs and Sam Smith.",
            [("Jo Bloggs", None), ("Sam Smith", None)],
            id="additional-reporting",
        ),
        pytest.param("Photo: Something happened", [], id="caption-without-credit"),
    ],
)
def test_find_captions_credits(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert _credits(text) == expected
    assert _find(text).spans == ((0, len(text)),)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(BODY, id="news-sentence"),
        pytest.param("The credit: was given to the minister.", id="lowercase-credit-word"),
        pytest.param("Blinken said the photo was taken by an aide.", id="photo-mentioned"),
        pytest.param("He contributed to this report's findings, aides said.", id="contributed-mid"),
    ],
)
def test_find_captions_ordinary_paragraph_is_not_a_caption(text: str) -> None:
    captions = _find(text)
    assert captions.spans == ()
    assert captions.credits == ()


def test_find_captions_offsets_skip_paragraph_indentation() -> None:
    text = f"{BODY}\n   Ben Samuels contributed to this report.  \n"
    ((start, end),) = _find(text).spans
    assert text[start:end] == "Ben Samuels contributed to this report."


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        pytest.param(0, len(BODY), False, id="body-before"),
        pytest.param(0, len(BODY) + 1, False, id="body-with-newline"),
        pytest.param(len(BODY) + 1, len(BODY) + 10, True, id="inside-caption"),
        pytest.param(len(BODY) - 5, len(BODY) + 5, True, id="overlaps-caption-start"),
        pytest.param(
            len(BODY) + 1 + len(CAPTION), len(BODY) + 30 + len(CAPTION), False, id="after-caption"
        ),
    ],
)
def test_captions_covers(start: int, end: int, expected: bool) -> None:
    captions = _find(f"{BODY}\n{CAPTION}\nThe talks ended.")
    assert captions.covers(start, end) is expected
