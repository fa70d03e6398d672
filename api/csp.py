"""The Content-Security-Policy every HTML response carries: scripts only from files the server
serves, never inline, so that markup someone managed to put in a page cannot run, and nothing
loaded from or sent to another host, so that every page works offline and a query cannot be sent
elsewhere. Swagger UI (/docs) and YASGUI (/sparql) are vendored under api/static/vendor/ and run
under this one policy: neither needs eval or inline script; both set inline styles, which it
allows (a style cannot run code)."""

from __future__ import annotations

from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

PAGE_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; "
    "form-action 'self'"
)


class ContentSecurityPolicy:
    """ASGI middleware: sets Content-Security-Policy on every text/html response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_policy(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                if headers.get("content-type", "").startswith("text/html"):
                    headers["Content-Security-Policy"] = PAGE_POLICY
            await send(message)

        await self.app(scope, receive, send_with_policy)
