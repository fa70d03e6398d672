"""GET /actors and GET /actors/{id}/affiliations: find actors and what they lead, join, hold."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, HTTPException, Path, Query

from api.deps import SettingsDep, StoreDep
from api.schemas import ActorList, Affiliations, ErrorBody
from kg import actors
from kg.actors import MAX_LIMIT, SLUG_PATTERN, ActorType

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
    return ActorList.model_validate(
        {"items": actors.search_actors(store, q, type, limit)}, from_attributes=True
    )


@router.get(
    "/{actor_id}/affiliations",
    summary="What an actor leads, belongs to and holds, with evidence",
    responses={404: {"model": ErrorBody, "description": "No actor with that id."}},
)
def get_affiliations(actor_id: ActorId, store: StoreDep, settings: SettingsDep) -> Affiliations:
    """Organisations the actor heads or is a member of and posts it holds, with their sentences."""
    found = actors.get_affiliations(store, actor_id, settings.base_iri)
    if found is None:
        raise HTTPException(
            status_code=404,
            detail=f"No actor with id '{actor_id}'. Search with GET /actors?q=NAME.",
        )
    return Affiliations.model_validate(found, from_attributes=True)
