"""GET /actors and /actors/{id} with its sub-resources: find actors; what they lead, join, hold
and work for; who is tied to an organisation, party or place; meetings, visits and what they
said."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query

from api.deps import SettingsDep, StoreDep
from api.params import Dates, Statuses
from api.schemas import ActorList, ErrorBody, Responses
from kg.query import actors, meetings, people, statements, visits
from kg.query.actors import (
    MAX_LIMIT,
    SLUG_PATTERN,
    Actor,
    ActorDetail,
    ActorType,
    Affiliations,
)
from kg.query.meetings import ActorMeetings
from kg.query.people import People
from kg.query.statements import ActorStatements
from kg.query.visits import ActorVisits

router = APIRouter(prefix="/actors", tags=["actors"])
Route = Callable[..., Any]

ActorId = Annotated[
    str,
    Path(
        pattern=SLUG_PATTERN,
        max_length=200,
        description="The slug ending the actor's IRI, as GET /actors returns it.",
        examples=["itamar-ben-gvir"],
    ),
]
NOT_FOUND: Responses = {404: {"model": ErrorBody, "description": "No actor with that id."}}


def path_actor(actor_id: ActorId, store: StoreDep, settings: SettingsDep) -> Actor:
    """The actor the path names: 404, saying how to find the id, if the store has none."""
    return actors.require_actor(store, actor_id, settings.base_iri)


PathActor = Annotated[Actor, Depends(path_actor)]


def actor_page(path: str, summary: str) -> Callable[[Route], Route]:
    """The GET route of `/actors/{actor_id}/{path}`, documented with its 404."""
    return router.get(f"/{{actor_id}}/{path}", summary=summary, responses=NOT_FOUND)


@router.get("", summary="Search persons, organisations and parties by name")
def search_actors(
    store: StoreDep,
    q: Annotated[
        str,
        Query(min_length=1, max_length=200, description="Part of a name or alias, any case."),
    ],
    type: Annotated[ActorType | None, Query(description="Only actors of this type.")] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 20,
) -> ActorList:
    """Actors whose canonical name or an alias contains `q`, best match first."""
    return ActorList(items=actors.search_actors(store, q, type, limit))


@router.get(
    "/{actor_id}",
    summary="An actor: names, posts, affiliations, meetings, articles",
    responses=NOT_FOUND,
)
def get_actor(actor_id: ActorId, store: StoreDep, settings: SettingsDep) -> ActorDetail:
    """Labels, type, aliases (skos:altLabel), posts, affiliations, the number of asserted meetings
    and the articles mentioning the actor (schema:mentions)."""
    return actors.actor_detail(store, actor_id, settings.base_iri)


@actor_page("affiliations", "What an actor leads, belongs to, holds and works for, with evidence")
def get_affiliations(actor: PathActor, store: StoreDep, dates: Dates) -> Affiliations:
    """Organisations the actor heads, is a member of or works for, and posts it holds, with their
    sentences.

    `from` / `to` keep what articles published in that range (schema:datePublished) state, with
    only their evidence: affiliation facts carry no date of their own."""
    return actors.affiliations(store, actor, dates.since, dates.until)


@actor_page("people", "Leaders, members, post holders, employees of a party, organisation or place")
def get_people(actor: PathActor, store: StoreDep, dates: Dates) -> People:
    """The leaders (org:headOf), members (org:memberOf), holders of posts in it (org:postIn) and
    employees (schema:worksFor) of an organisation, party or place, each with the sentences
    saying so. Empty lists for a person.

    `from` / `to` keep what articles published in that range state, with only their evidence."""
    return people.people(store, actor, dates.since, dates.until)


@actor_page("meetings", "Whom an actor met, or who met at a place, when and where, with evidence")
def get_meetings(
    actor: PathActor, store: StoreDep, dates: Dates, status: Statuses
) -> ActorMeetings:
    """Meetings (kg:Meeting) of the statuses asked for, asserted ones by default: the others
    present (for a place, everyone who met there), the date (schema:startDate), the place, the
    status, and each sentence with its article. Dated ones come first.

    `from` / `to` filter on the meeting's date; an undated meeting counts as on the day the
    article reporting it was published (schema:datePublished). A month or year date ("2023-01")
    is kept when it overlaps the range."""
    return meetings.actor_meetings(store, actor, dates.since, dates.until, status)


@actor_page("visits", "Where a person went, or who visited a place, with evidence")
def get_visits(actor: PathActor, store: StoreDep, dates: Dates, status: Statuses) -> ActorVisits:
    """Visits (kg:Visit) of the statuses asked for, asserted ones by default: who, where, when
    (schema:startDate), the status, and each sentence with its article. Dated ones come first.

    `from` / `to` filter as for meetings: on the visit's date, else its article's."""
    return visits.actor_visits(store, actor, dates.since, dates.until, status)


@actor_page("statements", "What an actor said, with evidence")
def get_statements(
    actor: PathActor, store: StoreDep, dates: Dates, status: Statuses
) -> ActorStatements:
    """Words articles attribute to the actor (kg:Statement: quotations and reported speech) of the
    statuses asked for, asserted ones by default, each with its sentences and articles, in the
    order the articles were published.

    `from` / `to` keep the statements of articles published in that range."""
    return statements.actor_statements(store, actor, dates.since, dates.until, status)
