"""GET /upload: a page that adds articles to the graph from the browser (by POST /articles)."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import FileResponse

from api.routes.explorer import STATIC

router = APIRouter(tags=["explorer"])


@router.get("/upload", include_in_schema=False)
def upload() -> FileResponse:
    """Paste the write token, pick article files or paste a text, and see the facts found."""
    return FileResponse(STATIC / "upload.html", media_type="text/html")
