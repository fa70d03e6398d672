"""The vendored force-directed layout (cytoscape-fcose and its two dependencies): each file is the
one api/static/vendor/README.md records, by sha256, and comes with its licence."""

from __future__ import annotations

import hashlib

import pytest

from tests.conftest import REPO

VENDOR = REPO / "api" / "static" / "vendor"
LAYOUT_FILES = ["cytoscape-fcose", "cose-base", "layout-base"]


@pytest.mark.parametrize("name", LAYOUT_FILES)
def test_vendored_layout_file_matches_recorded_sha256(name: str) -> None:
    digest = hashlib.sha256((VENDOR / f"{name}.js").read_bytes()).hexdigest()
    readme = " ".join((VENDOR / "README.md").read_text(encoding="utf-8").split())
    assert f"file sha256 {digest}" in readme, (
        f"{name}.js (sha256 {digest}) is not the file README.md records: re-vendor it with "
        "`npm pack` and record the new sha256."
    )


@pytest.mark.parametrize("name", LAYOUT_FILES)
def test_vendored_layout_file_has_its_mit_licence(name: str) -> None:
    licence = (VENDOR / f"{name}.LICENSE").read_text(encoding="utf-8")
    assert "Permission is hereby granted, free of charge" in licence
    assert "Bilkent" in licence
