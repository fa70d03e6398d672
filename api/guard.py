"""Checks on the request line that every route shares, before any route runs: a URL over the
limit is a JSON 414, and a path or query string whose percent-escapes are not UTF-8 a JSON 400
(Starlette would replace the bytes with U+FFFD and run the request on the mangled text).

uvicorn (h11) reads the whole request head before the app sees it; past its own limit it answers a
plain-text 400 and closes. `kg serve` raises that limit to NEWSKG_MAX_REQUEST_HEAD so that URLs up
to it reach this check; a bare `uvicorn` needs `--h11-max-incomplete-event-size` for the same.
"""

from __future__ import annotations

from urllib.parse import parse_qs, unquote_to_bytes

from fastapi import HTTPException
from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Receive, Scope, Send


class RequestLineGuard:
    """ASGI middleware: 414 past `max_url` bytes of path and query, 400 for non-UTF-8 escapes."""

    def __init__(self, app: ASGIApp, max_url: int) -> None:
        self.app = app
        self.max_url = max_url

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            problem = self.problem(scope)
            if problem is not None:
                status, detail = problem
                await JSONResponse({"detail": detail}, status_code=status)(scope, receive, send)
                return
        await self.app(scope, receive, send)

    def problem(self, scope: Scope) -> tuple[int, str] | None:
        """(status, message) for a request line this server refuses, else None."""
        path: bytes = scope.get("raw_path") or scope["path"].encode("utf-8")
        query: bytes = scope.get("query_string", b"")
        length = len(path) + len(query) + (1 if query else 0)
        if length > self.max_url:
            return 414, (
                f"The URL is {length} bytes, over the limit of {self.max_url} (NEWSKG_MAX_URL). "
                "Send a long query by POST (application/sparql-query or a form body) instead."
            )
        for part, raw in (("path", path), ("query string", query)):
            where = not_utf8(unquote_to_bytes(raw))
            if where is not None:
                return 400, f"The URL's {part} {where}; percent-encode text as UTF-8."
        return None


def not_utf8(data: bytes) -> str | None:
    """None if `data` is UTF-8, else what is wrong with it, for a message."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as error:
        return (
            f"is not UTF-8 once percent-decoded (byte 0x{data[error.start]:02X} at offset "
            f"{error.start})"
        )
    return None


def form_fields(text: str) -> dict[str, list[str]]:
    """The fields of an application/x-www-form-urlencoded body; 400 if an escape is not UTF-8."""
    for raw in text.split("&"):
        where = not_utf8(unquote_to_bytes(raw))
        if where is not None:
            raise HTTPException(
                status_code=400,
                detail=f"The form body {where}; percent-encode text as UTF-8.",
            )
    return parse_qs(text, keep_blank_values=True)
