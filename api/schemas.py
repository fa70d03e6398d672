"""The JSON bodies only the API has: health, errors, the wrappers of lists, and the article a
client posts. What the library answers (kg.query, kg.views, kg.ingest) is returned as it is:
FastAPI writes those dataclasses and their OpenAPI schemas itself."""

from __future__ import annotations

from datetime import date
from typing import Any

from pydantic import BaseModel, Field

from kg.query.actors import Actor
from kg.views.answers import Score

Responses = dict[int | str, dict[str, Any]]
"""A route's documented responses by status code, as FastAPI's `responses=` takes them."""

MAX_ARTICLE_ID = 200
"""The longest article id taken (POST /articles) and looked up (GET /articles/{id})."""


class Health(BaseModel):
    """The service is up; how much the store holds."""

    status: str
    graphs: int
    triples: int


class ActorList(BaseModel):
    """Actors matching a search, best match first."""

    items: list[Actor]


class ErrorBody(BaseModel):
    """What went wrong and what to do."""

    detail: str


class Ranking(BaseModel):
    """The most central actors of the meeting network, most central first."""

    metric: str
    items: list[Score]


class ArticleIn(BaseModel):
    """An article to ingest: its text, and optionally its date (against which "on Monday" is
    resolved), headline, URL and id (default: a hash of the text)."""

    text: str
    published: date | None = None
    title: str | None = None
    url: str | None = None
    id: str | None = Field(default=None, min_length=1, max_length=MAX_ARTICLE_ID)
