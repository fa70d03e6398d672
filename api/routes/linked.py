"""GET /id/{kind}/{id}: newskg's resource IRIs dereference to Turtle, JSON-LD or HTML."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Path, Query, Request, Response
from fastapi.responses import HTMLResponse

from api.deps import SettingsDep, StoreDep
from api.negotiation import HTML, best_media_type
from api.schemas import ErrorBody
from kg.formats import formats
from kg.query import linked_data as linked
from kg.query.article_page import article_html
from kg.rdf.formats import RDF_FORMATS, serialize
from kg.rdf.iris import resource_iri

router = APIRouter(prefix="/id", tags=["linked data"])

FORMAT_TYPES = {
    name: f.media_types[0] for name, f in formats("turtle", "jsonld", "ntriples").items()
} | {"html": HTML}
"""What each `format` value asks for; the server's preference is this order."""
OFFERED = tuple(FORMAT_TYPES.values())
Kind = Literal["person", "org", "place", "article", "meeting", "visit", "post", "statement"]


@router.get(
    "/{kind}/{resource_id}",
    summary="What the graph says about one resource (Turtle, JSON-LD or HTML)",
    response_class=Response,
    responses={
        200: {"content": {media: {} for media in (*RDF_FORMATS, HTML)}},
        404: {"model": ErrorBody, "description": "The graph says nothing about this IRI."},
        406: {"model": ErrorBody, "description": "None of the accepted types is offered."},
    },
)
def describe(
    kind: Kind,
    resource_id: Annotated[str, Path(max_length=200, examples=["antony-blinken"])],
    request: Request,
    store: StoreDep,
    settings: SettingsDep,
    format: Annotated[
        Literal["turtle", "jsonld", "ntriples", "html"] | None,
        Query(description="Overrides Accept."),
    ] = None,
) -> Response:
    """The resource `{base_iri}{kind}/{id}`: its triples, the evidence and statements they lead
    to, the labels of what they name, and what points at it. A browser gets an HTML page (for
    an article: its headline, date, source link, facts and sentences), other clients Turtle (or
    what their Accept header asks for)."""
    media_type = (
        FORMAT_TYPES[format] if format else best_media_type(request.headers.get("accept"), OFFERED)
    )
    graph = linked.describe(store, kind, resource_id, settings.base_iri)
    if media_type == HTML and kind == "article":
        return HTMLResponse(article_html(store, resource_id, settings.base_iri))
    if media_type == HTML:
        iri = str(resource_iri(kind, resource_id, settings.base_iri))
        return HTMLResponse(linked.html_page(graph, iri, settings.base_iri))
    return Response(serialize(graph, media_type), media_type=media_type)
