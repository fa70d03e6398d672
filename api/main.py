"""The FastAPI app factory: `uvicorn api.main:create_app --factory`."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse

from api.routes import actors, health, sparql
from kg.errors import ModelNotFoundError, NewsKGError, ReadOnlyError, StoreError
from kg.settings import Settings
from kg.store import Store

# Errors the server cannot fix by itself are 503; every other NewsKGError is the request's fault.
_STATUS: dict[type[NewsKGError], int] = {
    ReadOnlyError: 403,
    StoreError: 503,
    ModelNotFoundError: 503,
}


def create_app(settings: Settings | None = None, store: Store | None = None) -> FastAPI:
    """The API over `store`, or over the store at `settings.store`, opened once at start-up."""
    settings = settings or Settings.from_env()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        if store is not None:
            app.state.store = store
            yield
            return
        opened = Store.open(settings.store)
        app.state.store = opened
        try:
            yield
        finally:
            opened.close()

    app = FastAPI(
        title="newskg",
        summary="Who met whom, who leads what, who holds which post: news as a knowledge graph.",
        version="0.1.0",
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.add_exception_handler(NewsKGError, _newskg_error)
    for router in (health.router, sparql.router, actors.router):
        app.include_router(router)
    return app


async def _newskg_error(request: Request, exc: Exception) -> JSONResponse:
    status = next((_STATUS[cls] for cls in type(exc).__mro__ if cls in _STATUS), 400)
    return JSONResponse(status_code=status, content={"detail": str(exc)})
