"""The evaluation package stands apart: extraction never imports it, its scripts run as modules."""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

import pytest

from tests.conftest import REPO

KG = REPO / "kg"
SCRIPTS = ("train_names", "train_affiliations", "crossval_affiliations", "build_gazetteer")


def _imports(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
    return found


@pytest.mark.parametrize(
    "path", [pytest.param(p, id=p.name) for p in sorted((KG / "extract").rglob("*.py"))]
)
def test_extract_never_imports_the_evaluation_package(path: Path) -> None:
    assert not {m for m in _imports(path) if m.startswith("kg.evaluation")}


@pytest.mark.parametrize("name", SCRIPTS)
def test_evaluation_script_runs_as_a_module(name: str, capsys: pytest.CaptureFixture[str]) -> None:
    module = importlib.import_module(f"kg.evaluation.{name}")
    with pytest.raises(SystemExit) as exit_:
        module.main(["--help"])
    assert exit_.value.code == 0
    assert capsys.readouterr().out.startswith(f"usage: python -m kg.evaluation.{name}")
