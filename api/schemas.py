"""The JSON bodies the API returns, as the OpenAPI docs show them."""

from __future__ import annotations

from pydantic import BaseModel

from kg.actors import ActorType


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
