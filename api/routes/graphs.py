"""/graphs: the SPARQL 1.1 Graph Store Protocol (read for all; PUT, POST, DELETE with the token)."""

from __future__ import annotations

from typing import Annotated

import pyoxigraph as ox
from fastapi import APIRouter, HTTPException, Query, Request, Response
from starlette.concurrency import run_in_threadpool

from api.deps import Body, StoreDep, WriteAccess, get_settings
from api.negotiation import body_format, choose
from api.schemas import ErrorBody, Responses
from kg.bodies import check_body
from kg.formats import GRAPHS, by_media_type
from kg.store.results import check_xml_output

router = APIRouter(prefix="/graphs", tags=["graphs"])

BODY_FORMATS = by_media_type("turtle", "ntriples", "rdfxml", "jsonld")
GRAPH_BODIES = f"the graph as {', '.join(BODY_FORMATS)}"
"""The formats a graph may be sent in, by Content-Type."""

GraphIri = Annotated[
    str | None,
    Query(
        description="The IRI of the graph (an article's graph is the article's IRI).",
        examples=["https://w3id.org/newskg/id/article/28cd3d1d7a67278e"],
    ),
]
DefaultFlag = Annotated[
    str | None,
    Query(
        description="Present (`?default`) to address the store's default graph instead: the "
        "merge of all named graphs, read-only (writes are 403)."
    ),
]

_GRAPH_TYPES: dict[str, dict[str, object]] = {fmt.media_type: {} for fmt in GRAPHS.values()}
_ERRORS: Responses = {
    400: {
        "model": ErrorBody,
        "description": "No graph named, not an IRI, or a body that fails to parse.",
    },
    401: {"model": ErrorBody, "description": "Missing or wrong bearer token."},
    403: {
        "model": ErrorBody,
        "description": "Writes are disabled on this server, or `?default` was written: the "
        "default graph is the merge of the named graphs, kept by the store.",
    },
    413: {"model": ErrorBody, "description": "The request body is over the limit."},
    415: {
        "model": ErrorBody,
        "description": "A body type other than Turtle, N-Triples, RDF/XML or JSON-LD.",
    },
}
_BODY = {
    "requestBody": {
        "required": True,
        "content": {media: {"schema": {"type": "string"}} for media in BODY_FORMATS},
    }
}


@router.get(
    "",
    summary="Get one graph (Turtle, N-Triples, JSON-LD or RDF/XML by Accept or format)",
    responses={
        200: {"description": "The graph.", "content": _GRAPH_TYPES},
        400: _ERRORS[400],
        404: {"model": ErrorBody, "description": "No graph with that IRI."},
        406: {"model": ErrorBody, "description": "No acceptable RDF type."},
    },
)
async def get_graph(
    request: Request,
    store: StoreDep,
    graph: GraphIri = None,
    default: DefaultFlag = None,
    format: Annotated[str | None, Query(description="turtle, ntriples, jsonld or rdfxml.")] = None,
) -> Response:
    """The triples of the named graph `graph`, or of the default graph with `?default`."""
    iri = _target(graph, default)
    name = choose(request.headers.get("accept"), format).graphs
    if name is None:
        offered = ", ".join(fmt.media_type for fmt in GRAPHS.values())
        raise HTTPException(status_code=406, detail=f"A graph comes as one of: {offered}.")
    fmt = GRAPHS[name].rdf_format
    body = await run_in_threadpool(store.get_graph, iri, fmt)
    if body is None:
        raise _not_found(iri)
    check_xml_output(body, fmt.media_type)
    return Response(body, media_type=fmt.media_type, headers={"Vary": "Accept"})


_WRITE_RESPONSES: Responses = {201: {"description": "The graph was created."}, **_ERRORS}


@router.post(
    "",
    name="post_graph",
    summary="Add triples to a graph (needs the bearer token)",
    description="Add the body's triples to the graph; 201 if the graph is new, else 204.",
    status_code=204,
    responses=_WRITE_RESPONSES,
    openapi_extra=_BODY,
)
@router.put(
    "",
    name="put_graph",
    summary="Replace a graph (needs the bearer token)",
    description="Replace the graph's triples with the body's; 201 if the graph is new, else 204.",
    status_code=204,
    responses=_WRITE_RESPONSES,
    openapi_extra=_BODY,
)
async def write_graph(
    _: WriteAccess,
    request: Request,
    body: Body,
    store: StoreDep,
    graph: GraphIri = None,
    default: DefaultFlag = None,
) -> Response:
    """PUT replaces the graph's triples with the body's, POST adds them; 201 if the graph is
    new, else 204."""
    iri = _target(graph, default)
    sent = body_format(request.headers.get("content-type"), BODY_FORMATS, GRAPH_BODIES)
    fmt = sent.rdf_format
    await run_in_threadpool(check_body, body, fmt, get_settings(request).max_depth)
    replace = request.method == "PUT"
    created = await run_in_threadpool(store.add_to_graph, iri, body, fmt, replace)
    return Response(status_code=201 if created else 204)


@router.delete(
    "",
    summary="Delete a graph (needs the bearer token)",
    status_code=204,
    responses={**_ERRORS, 404: {"model": ErrorBody, "description": "No graph with that IRI."}},
)
async def delete_graph(
    _: WriteAccess,
    store: StoreDep,
    graph: GraphIri = None,
    default: DefaultFlag = None,
) -> Response:
    """Remove the named graph (or empty the default graph with `?default`)."""
    iri = _target(graph, default)
    if not await run_in_threadpool(store.delete_graph, iri):
        raise _not_found(iri)
    return Response(status_code=204)


def _target(graph: str | None, default: str | None) -> str | None:
    """The graph IRI, or None for the default graph; 400 unless exactly one is named."""
    if (graph is None) == (default is None):
        raise HTTPException(
            status_code=400,
            detail="Name exactly one graph: ?graph=IRI for a named graph, or ?default for the "
            "default graph.",
        )
    if graph is not None and not _is_iri(graph):
        raise HTTPException(
            status_code=400, detail=f"graph '{graph}' is not an absolute IRI; pass the full IRI."
        )
    return graph


def _is_iri(value: str) -> bool:
    try:
        ox.NamedNode(value)
    except ValueError:
        return False
    return ":" in value


def _not_found(iri: str | None) -> HTTPException:
    return HTTPException(
        status_code=404,
        detail=f"No graph <{iri}> in the store. List the graphs with "
        "SELECT DISTINCT ?g WHERE { GRAPH ?g { } } at /sparql.",
    )
