"""GET and POST /sparql: the SPARQL 1.1 Protocol, read-only, over the union of all graphs."""

from __future__ import annotations

from typing import Annotated
from urllib.parse import parse_qs

from fastapi import APIRouter, HTTPException, Query, Request, Response
from starlette.concurrency import run_in_threadpool

from api.deps import StoreDep
from api.schemas import ErrorBody
from kg.sparql import run_query

router = APIRouter(tags=["sparql"])

FORM = "application/x-www-form-urlencoded"
SPARQL_QUERY = "application/sparql-query"
SPARQL_UPDATE = "application/sparql-update"

_RESPONSES: dict[int | str, dict[str, object]] = {
    200: {
        "description": "SPARQL JSON results (SELECT, ASK) or Turtle (CONSTRUCT, DESCRIBE).",
        "content": {"application/sparql-results+json": {}, "text/turtle": {}},
    },
    400: {"model": ErrorBody, "description": "No query, or a malformed one (parser message)."},
    403: {"model": ErrorBody, "description": "A SPARQL Update: the endpoint is read-only."},
}


@router.get("/sparql", summary="Run a SPARQL query (GET)", responses=_RESPONSES)
def sparql_get(
    store: StoreDep,
    query: Annotated[str | None, Query(description="The SPARQL query.")] = None,
) -> Response:
    """Run a SELECT, ASK, CONSTRUCT or DESCRIBE query given as the `query` parameter."""
    body, media_type = run_query(store, query)
    return Response(content=body, media_type=media_type)


@router.post(
    "/sparql",
    summary="Run a SPARQL query (POST)",
    responses={**_RESPONSES, 415: {"model": ErrorBody, "description": "Unknown body type."}},
    openapi_extra={
        "requestBody": {
            "content": {
                FORM: {
                    "schema": {
                        "type": "object",
                        "properties": {"query": {"type": "string"}},
                        "required": ["query"],
                    }
                },
                SPARQL_QUERY: {"schema": {"type": "string"}},
            }
        }
    },
)
async def sparql_post(request: Request, store: StoreDep) -> Response:
    """Run a query sent as the form field `query` or as an application/sparql-query body."""
    query, update = _read_body(request.headers.get("content-type", ""), await request.body())
    body, media_type = await run_in_threadpool(run_query, store, query, update)
    return Response(content=body, media_type=media_type)


def _read_body(content_type: str, raw: bytes) -> tuple[str | None, str | None]:
    media_type = content_type.split(";", 1)[0].strip().lower()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise HTTPException(
            status_code=400,
            detail=f"The request body is not valid UTF-8 (byte at offset {error.start}); "
            "send the query as UTF-8.",
        ) from None
    if media_type == FORM:
        fields = parse_qs(text, keep_blank_values=True)
        return _first(fields.get("query")), _first(fields.get("update"))
    if media_type == SPARQL_QUERY:
        return text, None
    if media_type == SPARQL_UPDATE:
        return None, text
    raise HTTPException(
        status_code=415,
        detail=f"Content-Type '{content_type or 'none'}' is not accepted; send the query as "
        f"{FORM} (field 'query') or as {SPARQL_QUERY}.",
    )


def _first(values: list[str] | None) -> str | None:
    return values[0] if values else None
