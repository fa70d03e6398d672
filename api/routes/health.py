"""GET /health: the service is up and how much the store holds."""

from __future__ import annotations

from fastapi import APIRouter

from api.deps import StoreDep
from api.schemas import Health

router = APIRouter(tags=["health"])


@router.get("/health", summary="Service status and store size")
def health(store: StoreDep) -> Health:
    """Whether the service is up, with the number of article graphs and stored triples."""
    return Health(status="ok", graphs=len(store.graphs()), triples=store.count())
