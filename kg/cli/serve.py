"""`kg serve`: the SPARQL endpoint and the actor API over HTTP."""

from __future__ import annotations

import argparse

from kg.cli import options
from kg.settings import check_origin

HELP = "Serve the SPARQL endpoint and the actor API over HTTP."


def add_arguments(sub: argparse.ArgumentParser) -> None:
    """`kg serve`'s arguments."""
    sub.add_argument(
        "--host", default="127.0.0.1", help="interface to listen on (default: 127.0.0.1)"
    )
    sub.add_argument("--port", type=int, default=8000, help="port (default: 8000)")
    sub.add_argument(
        "--cors-origin",
        action="append",
        type=_origin,
        metavar="ORIGIN",
        help="let browser pages from ORIGIN (https://host[:port], or *) call the API; "
        "repeatable (default: $NEWSKG_CORS_ORIGINS, comma separated, else none: CORS off)",
    )
    options.add_store(sub)


def run(args: argparse.Namespace) -> int:
    """Serve the API (SPARQL endpoint, actor lookups) over HTTP."""
    import uvicorn

    from api.main import create_app
    from kg.store.sharing import connect_host

    origins = tuple(args.cors_origin) if args.cors_origin else None
    settings = options.settings(args, cors_origins=origins)
    # uvicorn buffers this much of a request's head; past it, it answers a plain-text 400 itself.
    url = f"http://{connect_host(args.host)}:{args.port}"
    uvicorn.run(
        create_app(settings, announce=url),
        host=args.host,
        port=args.port,
        h11_max_incomplete_event_size=settings.max_request_head,
    )
    return 0


def _origin(text: str) -> str:
    try:
        return check_origin(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None
