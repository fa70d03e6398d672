"""Run every notebook here from a clean kernel and save it with its outputs (`make notebooks`).

    .venv/bin/python notebooks/execute.py [NOTEBOOK.ipynb ...]

The saved outputs come from each notebook's default parameters (its `parameters` cell): the
variables that point a notebook at other data (NEWSKG_STORE, ...) are left out of the kernel's
environment, so that what is saved is the same on every machine. To run a notebook on your data,
set them and open it in Jupyter. tests/test_notebooks.py runs them the same way, without saving.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from pathlib import Path

import nbformat
from nbclient import NotebookClient

HERE = Path(__file__).resolve().parent
TIMEOUT = 600
"""Seconds one cell may take: building the BBC corpus takes about 10 s on 2 cores."""
PARAMETERS = ("NEWSKG_STORE", "NEWSKG_ARTICLES", "NEWSKG_SERVER", "NEWSKG_ACTOR")
"""The environment variables the notebooks' parameter cells read."""


def execute(path: Path, parameters: Mapping[str, str] | None = None) -> nbformat.NotebookNode:
    """Run every cell of the notebook at `path` in a new kernel, in the notebook's folder, with
    its default parameters or those `parameters` set (NEWSKG_STORE=...); raise nbclient's
    CellExecutionError (with the cell and its traceback) on the first error."""
    notebook = nbformat.read(path, as_version=4)
    client = NotebookClient(
        notebook,
        timeout=TIMEOUT,
        kernel_name="python3",
        record_timing=False,
        resources={"metadata": {"path": str(path.parent)}},
    )
    env = {name: value for name, value in os.environ.items() if name not in PARAMETERS}
    env.update(parameters or {})
    client.execute(env=env)
    return notebook


def main(paths: list[str]) -> None:
    for path in [Path(p).resolve() for p in paths] or sorted(HERE.glob("*.ipynb")):
        notebook = execute(path)
        nbformat.write(notebook, path)
        print(f"executed and saved {path.name}")


if __name__ == "__main__":
    main(sys.argv[1:])
