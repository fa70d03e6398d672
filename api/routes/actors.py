"""GET /actors, /actors/{id}, /actors/{id}/affiliations and /actors/{id}/meetings: find actors,
what they lead, join and hold, and whom they met."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, HTTPException, Path, Query

from api.deps import SettingsDep, StoreDep
from api.params import Dates
from api.schemas import ActorList, ErrorBody, Responses
from kg.query import actors, meetings
from kg.query.actors import MAX_LIMIT, SLUG_PATTERN, ActorDetail, ActorType, Affiliations
from kg.query.meetings import ActorMeetings

router = APIRouter(prefix="/actors", tags=["actors"])

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


@router.get(
    "/{actor_id}/affiliations",
    summary="What an actor leads, belongs to and holds, with evidence",
    responses=NOT_FOUND,
)
def get_affiliations(
    actor_id: ActorId, store: StoreDep, settings: SettingsDep, dates: Dates
) -> Affiliations:
    """Organisations the actor heads or is a member of and posts it holds, with their sentences.

    `from` / `to` keep what articles published in that range (schema:datePublished) state, with
    only their evidence: affiliation facts carry no date of their own."""
    found = actors.get_affiliations(store, actor_id, settings.base_iri, dates.since, dates.until)
    if found is None:
        raise HTTPException(status_code=404, detail=actors.unknown_actor(actor_id))
    return found


@router.get(
    "/{actor_id}/meetings",
    summary="Whom an actor met, when and where, with evidence",
    responses=NOT_FOUND,
)
def get_meetings(
    actor_id: ActorId, store: StoreDep, settings: SettingsDep, dates: Dates
) -> ActorMeetings:
    """Asserted meetings (kg:Meeting, kg:status "asserted"): the others present, the date
    (schema:startDate), the place, and each sentence with its article. Dated ones come first.

    `from` / `to` filter on the meeting's date; an undated meeting counts as on the day the
    article reporting it was published (schema:datePublished). A month or year date ("2023-01")
    is kept when it overlaps the range."""
    return meetings.actor_meetings(store, actor_id, settings.base_iri, dates.since, dates.until)
