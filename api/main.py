"""The FastAPI app factory: `uvicorn api.main:create_app --factory`."""

from __future__ import annotations

import json
import logging
import math
from collections.abc import AsyncIterator
from contextlib import AbstractContextManager, asynccontextmanager, nullcontext

from fastapi import FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import JSONResponse

from api.csp import ContentSecurityPolicy
from api.guard import RequestLineGuard
from api.routes import (
    actors,
    articles,
    editor,
    explorer,
    graphs,
    health,
    linked,
    network,
    sparql,
    upload,
)
from api.routes.sparql import TRUNCATED
from kg.errors import (
    ExtractionError,
    ModelNotFoundError,
    NewsKGError,
    NotAcceptableError,
    NotFoundError,
    QueryTimeoutError,
    ReadOnlyError,
    StoreError,
)
from kg.ingest import Ingester
from kg.settings import Settings
from kg.store import GraphStore, Store, sharing
from kg.store.pool import Reserve, open_pool

# Errors the server cannot fix by itself are 503; every other NewsKGError is the request's fault.
_STATUS: dict[type[NewsKGError], int] = {
    ReadOnlyError: 403,
    NotFoundError: 404,
    ExtractionError: 422,
    NotAcceptableError: 406,
    StoreError: 503,
    QueryTimeoutError: 503,
    ModelNotFoundError: 503,
}

INTERNAL_ERROR = (
    "The server failed to answer this request. The error is in the server's log; try again, "
    "and report it if it happens again."
)
STORE_FAILED = (
    "The graph store failed to answer this request. The error is in the server's log; "
    "try again later."
)

log = logging.getLogger("newskg.api")


def create_app(
    settings: Settings | None = None,
    store: GraphStore | None = None,
    ingester: Ingester | None = None,
    announce: str | None = None,
) -> FastAPI:
    """The API over `store`, or over the store at `settings.store`, opened once at start-up.

    With writes enabled (`settings.token`), POST /articles extracts with `ingester`, or with
    `settings.model` loaded once at start-up; a read-only server never loads a spaCy pipeline.
    Given the URL it is served at (`announce`), the app names it in the store directory it
    holds, so that `kg query` and `kg export` read through it (kg.store.sharing)."""
    settings = settings or Settings.from_env()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        # Loaded before the store opens, so that a missing pipeline stops start-up cleanly.
        app.state.ingester = ingester
        if ingester is None and settings.token is not None:
            app.state.ingester = Ingester.load(settings.model, settings.base_iri)
        opened = store if store is not None else Store.open(settings.store)
        reserve = Reserve(settings.reserve_workers, settings.reserve_timeout)
        pool = open_pool(opened, settings.query_timeout, settings.query_workers, reserve)
        app.state.store = opened
        app.state.query_pool = pool
        try:
            with _announced(opened, announce if store is None else None):
                yield
        finally:
            pool.close()
            if store is None:
                opened.close()

    app = FastAPI(
        title="newskg",
        summary="Who met whom, who leads what, who holds which post: news as a knowledge graph.",
        version="0.1.0",
        lifespan=lifespan,
        docs_url=None,  # our own /docs page (api.routes.explorer): vendored, no inline script
        redoc_url=None,  # FastAPI's ReDoc page loads from a CDN: blank offline
    )
    app.state.settings = settings
    app.add_exception_handler(RequestValidationError, _invalid_request)
    app.add_exception_handler(NewsKGError, _newskg_error)
    app.add_exception_handler(Exception, _internal_error)
    if settings.cors_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=list(settings.cors_origins),
            allow_methods=["GET", "POST", "PUT", "DELETE"],
            allow_headers=["Authorization", "Content-Type", "Accept"],
            expose_headers=[TRUNCATED],
        )
    app.add_middleware(ContentSecurityPolicy)
    app.add_middleware(RequestLineGuard, max_url=settings.max_url)
    for router in (
        health.router,
        sparql.router,
        editor.router,
        graphs.router,
        actors.router,
        network.router,
        articles.router,
        linked.router,
        explorer.router,
        upload.router,
    ):
        app.include_router(router)
    app.mount(explorer.STATIC_PATH, explorer.static_files(), name="static")
    return app


async def _newskg_error(request: Request, exc: Exception) -> JSONResponse:
    status = next((_STATUS[cls] for cls in type(exc).__mro__ if cls in _STATUS), 400)
    detail = str(exc)
    if isinstance(exc, StoreError):  # its message names paths on the server: keep it in the log
        log.error("%s %s: %s", request.method, request.url.path, detail)
        detail = STORE_FAILED
    return JSONResponse(status_code=status, content={"detail": detail})


def _announced(store: GraphStore, url: str | None) -> AbstractContextManager[None]:
    """`url` named as the server of the store's directory while the app runs (kg.store.sharing);
    nothing to name for a store in memory or behind another server."""
    if url is None or store.kind != "embedded":
        return nullcontext()
    return sharing.announce(store.location, url)


async def _invalid_request(request: Request, exc: Exception) -> JSONResponse:
    # FastAPI's own handler fails (a 500) on a NaN or Infinity input, which JSON cannot hold.
    errors = exc.errors() if isinstance(exc, RequestValidationError) else []
    return JSONResponse(status_code=422, content={"detail": jsonable_encoder(_finite(errors))})


def _finite(value: object) -> object:
    """`value` with each NaN or infinite float written as the string JSON parsers read it as."""
    if isinstance(value, float) and not math.isfinite(value):
        return json.dumps(value)
    if isinstance(value, dict):
        return {key: _finite(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_finite(item) for item in value]
    return value


async def _internal_error(request: Request, exc: Exception) -> JSONResponse:
    # Starlette logs the traceback after this; the client gets no trace, path or file name.
    return JSONResponse(status_code=500, content={"detail": INTERNAL_ERROR})
