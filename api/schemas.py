"""The JSON bodies the API returns, as the OpenAPI docs show them."""

from __future__ import annotations

from datetime import date
from typing import Any

from pydantic import BaseModel, Field

from kg.query.actors import ActorType

MAX_ARTICLE_ID = 200
"""The longest article id taken (POST /articles) and looked up (GET /articles/{id})."""


class Health(BaseModel):
    """The service is up; how much the store holds."""

    status: str
    graphs: int
    triples: int


class Actor(BaseModel):
    """A person, organisation or party."""

    id: str
    iri: str
    label: str
    type: ActorType


class ActorList(BaseModel):
    """Actors matching a search, best match first."""

    items: list[Actor]


class Citation(BaseModel):
    """A sentence stating the fact and the IRI of its article."""

    sentence: str
    article: str | None


class Affiliation(BaseModel):
    """An organisation the actor leads or belongs to."""

    label: str
    iri: str
    evidence: list[Citation]


class Position(Affiliation):
    """A post the actor holds, and the country or organisation it is in."""

    post_in: str | None
    post_in_iri: str | None


class Affiliations(BaseModel):
    """What an actor leads, belongs to and holds, each with its evidence."""

    actor: Actor
    leads: list[Affiliation]
    member_of: list[Affiliation]
    positions: list[Position]


class ErrorBody(BaseModel):
    """What went wrong and what to do."""

    detail: str


class ArticleRef(BaseModel):
    """An article: id, IRI (also the name of its graph), headline and publication date."""

    id: str
    iri: str
    title: str | None
    published: str | None


class ActorDetail(BaseModel):
    """Everything the graph says an actor is called, does and appears in."""

    actor: Actor
    labels: list[str]
    aliases: list[str]
    leads: list[Affiliation]
    member_of: list[Affiliation]
    positions: list[Position]
    meetings: int
    articles: list[ArticleRef]


class ActorMeeting(BaseModel):
    """One meeting: whom the actor met, when (schema:startDate), where, with its evidence."""

    iri: str
    met: list[Actor]
    date: str | None
    place: str | None
    place_iri: str | None
    status: str
    evidence: list[Citation]


class ActorMeetings(BaseModel):
    """An actor's asserted meetings, dated ones first in date order."""

    actor: Actor
    meetings: list[ActorMeeting]


class Hop(BaseModel):
    """Two actors next to each other on a path and the meetings between them."""

    source: Actor
    target: Actor
    meetings: list[str]
    dates: list[str]
    places: list[str]
    evidence: list[Citation]


class Connection(BaseModel):
    """One shortest path: its actors in order and the meetings along it."""

    actors: list[Actor]
    hops: list[Hop]


class Connections(BaseModel):
    """The shortest paths of meetings from one actor to another; empty if unconnected."""

    source: Actor
    target: Actor
    paths: list[Connection]


class Score(BaseModel):
    """An actor's centrality in the meeting network."""

    actor: Actor
    score: float


class Ranking(BaseModel):
    """The most central actors of the meeting network, most central first."""

    metric: str
    items: list[Score]


class ArticleSummary(ArticleRef):
    """An article and the number of facts its graph holds."""

    facts: int


class ArticlePage(BaseModel):
    """One page of articles, newest first, and how many there are."""

    total: int
    limit: int
    offset: int
    items: list[ArticleSummary]


class ArticleIn(BaseModel):
    """An article to ingest: its text, and optionally its date (against which "on Monday" is
    resolved), headline, URL and id (default: a hash of the text)."""

    text: str
    published: date | None = None
    title: str | None = None
    url: str | None = None
    id: str | None = Field(default=None, min_length=1, max_length=MAX_ARTICLE_ID)


class Ingested(BaseModel):
    """An ingested article: its id, its graph's IRI, and its facts as JSON Lines records."""

    id: str
    graph: str
    facts: list[dict[str, Any]]
