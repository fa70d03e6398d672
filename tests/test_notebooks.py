"""The notebooks run from a clean kernel without an error and produce what they show."""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest

from notebooks.execute import execute
from tests.conftest import REPO

NOTEBOOKS = sorted((REPO / "notebooks").glob("*.ipynb"))


def _outputs(notebook: nbformat.NotebookNode) -> str:
    """All text and HTML the notebook's cells put out."""
    parts = []
    for cell in notebook.cells:
        for output in cell.get("outputs", []):
            parts.append(output.get("text", ""))
            data = output.get("data", {})
            parts.append(data.get("text/plain", ""))
            parts.append(data.get("text/html", ""))
    return "\n".join(parts)


def test_notebooks_are_all_found() -> None:
    assert [path.name for path in NOTEBOOKS] == [
        "affiliations.ipynb",
        "corpus.ipynb",
        "who_met_whom.ipynb",
    ]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda path: path.stem)
def test_notebook_runs_from_a_clean_kernel(path: Path) -> None:
    notebook = execute(path)  # raises CellExecutionError on any failing cell
    text = _outputs(notebook)
    assert "Traceback" not in text
    if path.stem == "who_met_whom":
        assert "Mahmoud Abbas" in text and "Ramallah" in text
        page = (REPO / "notebooks" / "who_met_whom.html").read_text(encoding="utf-8")
        # The interactive network fetches nothing: vis-network is inline, no CDN is linked.
        assert "new vis.Network" in page
        assert not re.search(r"""(src|href)\s*=\s*["']https?:""", page)
        assert (REPO / "docs" / "seed-network.png").read_bytes().startswith(b"\x89PNG")
    elif path.stem == "affiliations":
        assert "Otzma Yehudit" in text and "server stopped" in text
    else:
        assert "meetings have a date" in text
