"""Dependencies shared by the routes, as `Annotated` aliases."""

from __future__ import annotations

import secrets
from typing import Annotated

from fastapi import Depends, HTTPException, Request

from kg.ingest import Ingester
from kg.settings import Settings
from kg.store import GraphStore
from kg.store.pool import QueryPool

WRITES_DISABLED = (
    "Writes are disabled: set NEWSKG_TOKEN on the server and send it as "
    "'Authorization: Bearer <token>'."
)
BAD_TOKEN = (
    "Missing or wrong bearer token: send the token the server was started with "
    "(NEWSKG_TOKEN) as 'Authorization: Bearer <token>'."
)


def get_store(request: Request) -> GraphStore:
    """The store the lifespan opened."""
    return request.app.state.store


def get_settings(request: Request) -> Settings:
    """The settings the app was created with."""
    return request.app.state.settings


def get_query_pool(request: Request) -> QueryPool:
    """The pool that runs user SPARQL queries under the time limit."""
    return request.app.state.query_pool


async def read_body(request: Request) -> bytes:
    """The request body, at most `max_body` bytes; 413 if it is longer."""
    limit = get_settings(request).max_body
    too_large = HTTPException(
        status_code=413,
        detail=f"The request body is over the limit of {limit} bytes (NEWSKG_MAX_BODY); "
        "send less at once.",
    )
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise too_large
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise too_large
        chunks.append(chunk)
    return b"".join(chunks)


def require_write_access(request: Request) -> None:
    """Let the request write only if it carries the operator's bearer token."""
    token = get_settings(request).token
    if token is None:
        raise HTTPException(status_code=403, detail=WRITES_DISABLED)
    scheme, _, sent = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not secrets.compare_digest(
        sent.strip().encode("utf-8"), token.encode("utf-8")
    ):
        raise HTTPException(
            status_code=401, detail=BAD_TOKEN, headers={"WWW-Authenticate": "Bearer"}
        )


StoreDep = Annotated[GraphStore, Depends(get_store)]
SettingsDep = Annotated[Settings, Depends(get_settings)]
QueryPoolDep = Annotated[QueryPool, Depends(get_query_pool)]
Body = Annotated[bytes, Depends(read_body)]
"""The request body, read up to the server's limit (413 past it)."""
WriteAccess = Annotated[None, Depends(require_write_access)]
"""Add `_: WriteAccess` to a route that changes the store: 403 if writes are off, 401 if the token
is missing or wrong."""


def get_ingester(request: Request) -> Ingester:
    """The ingester the lifespan loaded (only when writes are enabled)."""
    ingester = request.app.state.ingester
    if ingester is None:  # WriteAccess lets no request this far without a token configured
        raise HTTPException(status_code=403, detail=WRITES_DISABLED)
    return ingester


IngesterDep = Annotated[Ingester, Depends(get_ingester)]
