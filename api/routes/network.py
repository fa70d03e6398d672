"""GET /graph/...: the meeting network, the corpus network of every relation, paths between
actors, centrality and ego networks."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Query

from api.deps import SettingsDep, StoreDep
from api.params import Dates
from api.routes.actors import NOT_FOUND
from api.schemas import Ranking
from kg.query.actors import MAX_LIMIT, SLUG_PATTERN
from kg.views import GraphFormat, Metric, answers
from kg.views.answers import MAX_RADIUS, Connections

router = APIRouter(prefix="/graph", tags=["graph"])

Format = Annotated[
    GraphFormat,
    Query(description="node-link (d3) or cytoscape (Cytoscape.js elements)."),
]


@router.get("/meetings", summary="The meeting network as node-link or Cytoscape.js JSON")
def meeting_network(store: StoreDep, dates: Dates, format: Format = "node-link") -> dict[str, Any]:
    """Actors as nodes (keyed by IRI, with `actor_id`, `label`, `type`), an edge for each pair
    that met: `weight` (meetings), `meetings` (IRIs), `dates`, `places`, `evidence`. `from` /
    `to` filter meetings as GET /actors/{id}/meetings does."""
    return answers.meeting_graph(store, dates.since, dates.until, format)


@router.get("/facts", summary="Every relation between actors and places, with its status")
def fact_network(store: StoreDep, dates: Dates, format: Format = "node-link") -> dict[str, Any]:
    """Persons, organisations, parties and places as nodes (keyed by IRI, with `label`, `kind`
    and, but for places, `actor_id`); an edge from source to target for each relation (`met`,
    `visited`, `leads`, `member_of`, `works_for`, `holds_position`) and `status` (`asserted`,
    `planned`, `negated`, `reported`, `past`) the articles state, with `posts`, `dates`,
    `articles`, `weight` (articles) and `evidence`. A fact is dated by its event's date, else by
    its article's; `from` / `to` keep the facts dated in that range."""
    return answers.fact_graph(store, dates.since, dates.until, format)


@router.get("/paths", summary="How two actors are connected through meetings", responses=NOT_FOUND)
def paths(
    store: StoreDep,
    settings: SettingsDep,
    source: Annotated[str, Query(alias="from", pattern=SLUG_PATTERN, max_length=200)],
    target: Annotated[str, Query(alias="to", pattern=SLUG_PATTERN, max_length=200)],
) -> Connections:
    """The shortest chains of meetings from actor `from` to actor `to` (ids as GET /actors
    gives them), with the meetings along each; `paths` is empty when they are not connected."""
    return answers.connections(store, source, target, settings.base_iri)


@router.get("/centrality", summary="The most central actors of the meeting network")
def centrality(
    store: StoreDep,
    dates: Dates,
    metric: Annotated[Metric, Query(description="degree, betweenness or pagerank.")] = "degree",
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 20,
) -> Ranking:
    """Degree centrality (share of others met), betweenness (on how many shortest paths) or
    PageRank (weighted by the number of meetings), most central first."""
    items = answers.ranking(store, metric, limit, dates.since, dates.until)
    return Ranking(metric=metric, items=items)


@router.get(
    "/ego/{actor_id}",
    summary="The actors within a few meetings of one actor",
    responses=NOT_FOUND,
)
def ego(
    store: StoreDep,
    settings: SettingsDep,
    actor_id: Annotated[str, Path(pattern=SLUG_PATTERN, max_length=200)],
    radius: Annotated[int, Query(ge=1, le=MAX_RADIUS)] = 1,
    format: Format = "node-link",
) -> dict[str, Any]:
    """The actor, everyone within `radius` meetings of it, and the meetings among them."""
    return answers.ego_graph(store, actor_id, radius, format, settings.base_iri)
