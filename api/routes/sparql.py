"""/sparql and /update: the SPARQL 1.1 Protocol (queries for all, updates with the token)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import pyoxigraph as ox
from fastapi import APIRouter, HTTPException, Query, Request, Response
from fastapi.responses import FileResponse
from starlette.concurrency import run_in_threadpool

from api.deps import (
    Body,
    QueryPoolDep,
    SettingsDep,
    StoreDep,
    get_settings,
    require_write_access,
)
from api.guard import form_fields
from api.negotiation import choose, media_type, prefers_html
from api.schemas import ErrorBody, Responses
from api.service import service_description
from kg.formats import GRAPHS, SOLUTIONS
from kg.query.prefixes import declare
from kg.query.sparql_checks import check_query, check_update, dataset_iris
from kg.store.interface import QueryOptions
from kg.store.pool import QueryJob
from kg.store.results import TRUNCATED_HEADER

router = APIRouter(tags=["sparql"])

FORM = "application/x-www-form-urlencoded"
SPARQL_QUERY = "application/sparql-query"
SPARQL_UPDATE = "application/sparql-update"
QUERY_PAGE = Path(__file__).resolve().parent.parent / "static" / "sparql.html"
TRUNCATED = TRUNCATED_HEADER
UPDATE_BY_GET = (
    "A SPARQL Update cannot be sent by GET. POST it to /sparql or /update as "
    "application/sparql-update, or as the form field 'update', with the bearer token."
)
QUERY_AND_UPDATE = "Send either the field 'query' or the field 'update', not both."

_RESULT_TYPES: dict[str, dict[str, object]] = {
    f.media_types[0]: {} for f in (*SOLUTIONS.values(), *GRAPHS.values())
}
_RESPONSES: Responses = {
    200: {
        "description": "Results: SELECT/ASK as SPARQL JSON, XML, CSV or TSV; CONSTRUCT/DESCRIBE as "
        "Turtle, N-Triples, JSON-LD or RDF/XML, by Accept or `format`. Past the row limit the "
        f"results are cut and the response has the header `{TRUNCATED}: true`.",
        "content": _RESULT_TYPES,
    },
    400: {
        "model": ErrorBody,
        "description": "No query, a malformed one, SERVICE, or FROM of a graph not in the store.",
    },
    403: {"model": ErrorBody, "description": "An update sent as a query."},
    406: {"model": ErrorBody, "description": "No acceptable result type; lists the supported."},
    413: {"model": ErrorBody, "description": "The request body is over the limit."},
    503: {"model": ErrorBody, "description": "The query ran past the time limit and was stopped."},
}
_UPDATE_RESPONSES: Responses = {
    204: {"description": "The update was applied."},
    400: {"model": ErrorBody, "description": "A malformed update, LOAD or SERVICE."},
    401: {"model": ErrorBody, "description": "Missing or wrong bearer token."},
    403: {"model": ErrorBody, "description": "Writes are disabled on this server."},
    413: {"model": ErrorBody, "description": "The request body is over the limit."},
    415: {"model": ErrorBody, "description": "Unknown body type."},
}
_BODY_SCHEMA: dict[str, Any] = {
    "requestBody": {
        "content": {
            FORM: {
                "schema": {
                    "type": "object",
                    "properties": {
                        "query": {"type": "string"},
                        "update": {"type": "string"},
                        "default-graph-uri": {"type": "array", "items": {"type": "string"}},
                        "named-graph-uri": {"type": "array", "items": {"type": "string"}},
                    },
                },
                "example": {"query": "ASK { ?s ?p ?o }"},
            },
            SPARQL_QUERY: {
                "schema": {"type": "string"},
                "example": "SELECT ?s ?p ?o WHERE { ?s ?p ?o } LIMIT 10",
            },
            SPARQL_UPDATE: {
                "schema": {"type": "string"},
                "example": "INSERT DATA { GRAPH <https://example.org/g> "
                '{ <https://example.org/s> <https://example.org/p> "o" } }',
            },
        }
    }
}

GraphUris = Annotated[list[str], Query(description="A graph for the dataset; repeatable.")]
Format = Annotated[
    str | None,
    Query(
        description="json, xml, csv, tsv (SELECT, ASK) or turtle, ntriples, jsonld, rdfxml "
        "(CONSTRUCT, DESCRIBE); overrides Accept."
    ),
]


@router.get(
    "/sparql",
    name="sparql_get",
    summary="Run a SPARQL query (GET); without one, the query page or the service description",
    responses=_RESPONSES,
)
async def sparql_get(
    request: Request,
    store: StoreDep,
    pool: QueryPoolDep,
    settings: SettingsDep,
    query: Annotated[str | None, Query(description="The SPARQL query.")] = None,
    default_graph_uri: Annotated[list[str], Query(alias="default-graph-uri")] = [],  # noqa: B006
    named_graph_uri: Annotated[list[str], Query(alias="named-graph-uri")] = [],  # noqa: B006
    format: Format = None,
) -> Response:
    """Run a SELECT, ASK, CONSTRUCT or DESCRIBE query given as the `query` parameter."""
    fields = _url_fields(request)
    if "update" in fields:
        raise HTTPException(status_code=400, detail=UPDATE_BY_GET)
    accept = request.headers.get("accept")
    if query is None:
        if prefers_html(accept):
            return FileResponse(QUERY_PAGE, media_type="text/html")
        return _describe(request, settings.token is not None, accept, format)
    return await _answer(request, store, pool, settings, fields)


@router.post(
    "/sparql",
    summary="Run a SPARQL query or, with the token, an update (POST)",
    responses={**_RESPONSES, **_UPDATE_RESPONSES, 200: _RESPONSES[200]},
    openapi_extra=_BODY_SCHEMA,
)
async def sparql_post(
    request: Request,
    body: Body,
    store: StoreDep,
    pool: QueryPoolDep,
    settings: SettingsDep,
) -> Response:
    """A query as the form field `query` or an application/sparql-query body; an update as the
    form field `update` or an application/sparql-update body (needs the bearer token)."""
    fields = _read_body(request, body)
    if "update" in fields:
        if "query" in fields:
            raise HTTPException(status_code=400, detail=QUERY_AND_UPDATE)
        return await _update(request, store, fields)
    return await _answer(request, store, pool, settings, fields)


@router.post(
    "/update",
    summary="Run a SPARQL Update (needs the bearer token)",
    status_code=204,
    responses=_UPDATE_RESPONSES,
    openapi_extra={
        "requestBody": {
            "content": {
                FORM: {
                    "schema": _BODY_SCHEMA["requestBody"]["content"][FORM]["schema"],
                    "example": {"update": "CLEAR GRAPH <https://example.org/g>"},
                },
                SPARQL_UPDATE: _BODY_SCHEMA["requestBody"]["content"][SPARQL_UPDATE],
            }
        }
    },
)
async def update(request: Request, body: Body, store: StoreDep) -> Response:
    """Apply an update sent as an application/sparql-update body or the form field `update`."""
    fields = _read_body(request, body)
    return await _update(request, store, fields)


async def _answer(
    request: Request,
    store: StoreDep,
    pool: QueryPoolDep,
    settings: SettingsDep,
    fields: dict[str, list[str]],
) -> Response:
    base = _endpoint(request)
    text = _single(fields, "query")
    query = await run_in_threadpool(
        check_query, text and declare(text), store.has_graph, base, settings.max_depth
    )
    choice = choose(request.headers.get("accept"), _single(fields, "format"))
    options = QueryOptions(
        dataset_iris("default-graph-uri", fields.get("default-graph-uri", [])),
        dataset_iris("named-graph-uri", fields.get("named-graph-uri", [])),
        base,
        formats=(choice.solutions, choice.graphs),
    )
    results = await pool.run(QueryJob(query, options, settings.max_rows))
    headers = {"Vary": "Accept"} | ({TRUNCATED: "true"} if results.truncated else {})
    return Response(results.body, media_type=results.media_type, headers=headers)


async def _update(request: Request, store: StoreDep, fields: dict[str, list[str]]) -> Response:
    require_write_access(request)
    using = (
        dataset_iris("using-graph-uri", fields.get("using-graph-uri", [])),
        dataset_iris("using-named-graph-uri", fields.get("using-named-graph-uri", [])),
    )
    text = await run_in_threadpool(
        check_update, _single(fields, "update"), *using, get_settings(request).max_depth
    )
    await run_in_threadpool(store.update, text, QueryOptions(*using, _endpoint(request)))
    return Response(status_code=204)


def _describe(request: Request, writable: bool, accept: str | None, format: str | None) -> Response:
    turtle = service_description(str(request.url_for("sparql_get")), writable)
    name = choose(accept, format).graphs
    if name is None or name == "turtle":
        turtle_type = f"{GRAPHS['turtle'].media_type}; charset=utf-8"
        return Response(turtle, media_type=turtle_type, headers={"Vary": "Accept"})
    fmt = GRAPHS[name].rdf_format
    body = ox.serialize(ox.parse(turtle, format=ox.RdfFormat.TURTLE), format=fmt)
    return Response(body, media_type=fmt.media_type, headers={"Vary": "Accept"})


def _read_body(request: Request, raw: bytes) -> dict[str, list[str]]:
    """The protocol's fields: from the form body, or the body as query/update plus URL params."""
    content_type = request.headers.get("content-type", "")
    body_type = media_type(content_type)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise HTTPException(
            status_code=400,
            detail=f"The request body is not valid UTF-8 (byte at offset {error.start}); "
            "send the query as UTF-8.",
        ) from None
    fields = _url_fields(request)
    if body_type == FORM:
        for name, values in form_fields(text).items():
            fields.setdefault(name, []).extend(values)
    elif body_type == SPARQL_QUERY:
        fields.setdefault("query", []).append(text)
    elif body_type == SPARQL_UPDATE:
        fields.setdefault("update", []).append(text)
    else:
        raise HTTPException(
            status_code=415,
            detail=f"Content-Type '{content_type or 'none'}' is not accepted; send a query as "
            f"{FORM} (field 'query') or {SPARQL_QUERY}, an update as {FORM} (field 'update') "
            f"or {SPARQL_UPDATE}.",
        )
    return fields


def _url_fields(request: Request) -> dict[str, list[str]]:
    fields: dict[str, list[str]] = {}
    for name, value in request.query_params.multi_items():
        fields.setdefault(name, []).append(value)
    return fields


def _single(fields: dict[str, list[str]], name: str) -> str | None:
    """The one value of a protocol parameter that may be given once (query, update, format)."""
    values = fields.get(name, [])
    if len(values) > 1:
        raise HTTPException(
            status_code=400,
            detail=f"Got {len(values)} '{name}' parameters (in the URL, the form or the body); "
            f"the SPARQL Protocol takes exactly one. Send one {name}.",
        )
    return values[0] if values else None


def _endpoint(request: Request) -> str:
    """The URL the request was sent to: the base IRI of relative IRIs in its query or update."""
    return str(request.url.replace(query="", fragment=""))
