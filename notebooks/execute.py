"""Run every notebook here from a clean kernel and save it with its outputs (for a code host).

    .venv/bin/python notebooks/execute.py [NOTEBOOK.ipynb ...]

tests/test_notebooks.py runs them the same way, without saving.
"""

from __future__ import annotations

import sys
from pathlib import Path

import nbformat
from nbclient import NotebookClient

HERE = Path(__file__).resolve().parent
TIMEOUT = 600
"""Seconds one cell may take: building the BBC corpus takes about 10 s on 2 cores."""


def execute(path: Path) -> nbformat.NotebookNode:
    """Run every cell of the notebook at `path` in a new kernel, in the notebook's folder; raise
    nbclient's CellExecutionError (with the cell and its traceback) on the first error."""
    notebook = nbformat.read(path, as_version=4)
    client = NotebookClient(
        notebook,
        timeout=TIMEOUT,
        kernel_name="python3",
        record_timing=False,
        resources={"metadata": {"path": str(path.parent)}},
    )
    client.execute()
    return notebook


def main(paths: list[str]) -> None:
    for path in [Path(p).resolve() for p in paths] or sorted(HERE.glob("*.ipynb")):
        notebook = execute(path)
        nbformat.write(notebook, path)
        print(f"executed and saved {path.name}")


if __name__ == "__main__":
    main(sys.argv[1:])
