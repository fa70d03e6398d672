"""GET /: the browser explorer, a page over the JSON endpoints, and the files it loads."""

from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter
from fastapi.responses import FileResponse
from fastapi.staticfiles import StaticFiles

router = APIRouter(tags=["explorer"])

STATIC = Path(__file__).resolve().parent.parent / "static"
STATIC_PATH = "/static"
"""Where the page's scripts, styles and vendored libraries are served from."""


@router.get("/", include_in_schema=False)
def explorer() -> FileResponse:
    """Search actors, read their posts, affiliations and meetings, and browse the networks."""
    return FileResponse(STATIC / "explorer.html", media_type="text/html")


@router.get("/docs", include_in_schema=False)
def docs() -> FileResponse:
    """The OpenAPI documentation (Swagger UI), started by a script file, not an inline one."""
    return FileResponse(STATIC / "docs.html", media_type="text/html")


def static_files() -> StaticFiles:
    """The files under api/static/, for `app.mount(STATIC_PATH, ...)`."""
    return StaticFiles(directory=STATIC)
