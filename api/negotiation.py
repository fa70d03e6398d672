"""Content negotiation: the format a request wants (from `format` or `Accept`, with q-values),
and the media type a request body is in (from `Content-Type`). The formats are kg.formats'."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TypeVar

from fastapi import HTTPException

from kg.errors import NotAcceptableError
from kg.formats import GRAPHS, SOLUTIONS

# Media types each format answers to, the first being the one it is served as.
SOLUTION_TYPES: dict[str, tuple[str, ...]] = {f.name: f.accepted for f in SOLUTIONS.values()}
GRAPH_TYPES: dict[str, tuple[str, ...]] = {f.name: f.accepted for f in GRAPHS.values()}
HTML = "text/html"
T = TypeVar("T")


@dataclass(frozen=True)
class Choice:
    """The format for SELECT/ASK results and the one for graph results (None: not acceptable)."""

    solutions: str | None
    graphs: str | None


FORMAT_NAMES: dict[str, Choice] = {
    "json": Choice(solutions="json", graphs="jsonld"),
    "xml": Choice(solutions="xml", graphs="rdfxml"),
    "csv": Choice(solutions="csv", graphs=None),
    "tsv": Choice(solutions="tsv", graphs=None),
    "turtle": Choice(solutions=None, graphs="turtle"),
    "ntriples": Choice(solutions=None, graphs="ntriples"),
    "jsonld": Choice(solutions=None, graphs="jsonld"),
    "rdfxml": Choice(solutions=None, graphs="rdfxml"),
}
"""What each `format` value asks for. `json` and `xml` mean JSON-LD and RDF/XML for graph results:
SPARQLWrapper sends format=xml with every CONSTRUCT by default."""


def parse_accept(header: str | None) -> list[tuple[str, float]]:
    """The media ranges of an Accept header with their q-values; none given means `*/*`."""
    if not header or not header.strip():
        return [("*/*", 1.0)]
    ranges = []
    for part in header.split(","):
        media, *params = (piece.strip() for piece in part.split(";"))
        if not media:
            continue
        q = 1.0
        for param in params:
            name, _, value = param.partition("=")
            if name.strip().lower() == "q":
                try:
                    q = min(max(float(value), 0.0), 1.0)
                except ValueError:
                    q = 0.0
        ranges.append((media.lower(), q))
    return ranges


def quality(media: str, ranges: list[tuple[str, float]]) -> float:
    """The q-value the most specific matching range gives `media` (0 if none matches)."""
    return _match(media, ranges)[0]


def _match(media: str, ranges: list[tuple[str, float]]) -> tuple[float, int]:
    # (q, specificity) of the most specific range matching `media`: 2 exact, 1 type/*, 0 */*.
    best: tuple[int, float] = (-1, 0.0)
    kind = media.split("/", 1)[0]
    for pattern, q in ranges:
        specificity = {media: 2, f"{kind}/*": 1, "*/*": 0}.get(pattern)
        if specificity is not None and specificity > best[0]:
            best = (specificity, q)
    return best[1], best[0]


def choose(accept: str | None, format: str | None) -> Choice:
    """The formats to answer with: `format` if given, else the best Accept match for each kind."""
    if format is not None and "/" in format:
        accept = format  # some clients send a media type as `format`
    elif format is not None:
        choice = FORMAT_NAMES.get(format.strip().lower())
        if choice is None:
            raise NotAcceptableError(
                f"Unknown format '{format}'. Use one of: {', '.join(SOLUTIONS)} (SELECT, "
                f"ASK) or {', '.join(GRAPHS)} (CONSTRUCT, DESCRIBE)."
            )
        return choice
    ranges = parse_accept(accept)
    choice = Choice(_best(SOLUTION_TYPES, ranges), _best(GRAPH_TYPES, ranges))
    if choice.solutions is None and choice.graphs is None:
        raise NotAcceptableError(
            f"Cannot answer with any type in 'Accept: {accept}'. SELECT and ASK results come as "
            f"{_listing(SOLUTION_TYPES)}; CONSTRUCT and DESCRIBE results as "
            f"{_listing(GRAPH_TYPES)}. Or pass "
            "format=json|xml|csv|tsv|turtle|ntriples|jsonld|rdfxml."
        )
    return choice


def prefers_html(accept: str | None) -> bool:
    """Whether the client (a browser) would rather have HTML than Turtle."""
    ranges = parse_accept(accept)
    html = quality(HTML, ranges)
    return (
        html > 0
        and html >= quality(GRAPHS["turtle"].media_type, ranges)
        and any(pattern == HTML for pattern, _ in ranges)
    )


def best_media_type(accept: str | None, offered: tuple[str, ...]) -> str:
    """The offered media type the client accepts most (the first on a tie);
    NotAcceptableError if it accepts none."""
    ranges = parse_accept(accept)
    best = max(offered, key=lambda media: (quality(media, ranges), -offered.index(media)))
    if quality(best, ranges) <= 0:
        raise NotAcceptableError(
            f"Cannot answer with any type in 'Accept: {accept}'; "
            f"this resource comes as {', '.join(offered)}."
        )
    return best


def media_type(content_type: str | None) -> str:
    """The media type of a Content-Type header, lower case, without parameters ('' if none)."""
    return (content_type or "").split(";", 1)[0].strip().lower()


def body_format(content_type: str | None, formats: Mapping[str, T], send: str) -> T:
    """What `formats` maps the request body's media type to; 415 saying to `send` if nothing."""
    found = formats.get(media_type(content_type))
    if found is None:
        raise HTTPException(
            status_code=415,
            detail=f"Content-Type '{content_type or 'none'}' is not accepted; send {send}.",
        )
    return found


def _best(table: Mapping[str, tuple[str, ...]], ranges: list[tuple[str, float]]) -> str | None:
    # Highest q first; between equals, the one the client named rather than matched by wildcard;
    # then the server's order.
    scored = [
        (*max(_match(media, ranges) for media in types), -order, name)
        for order, (name, types) in enumerate(table.items())
    ]
    q, _, _, name = max(scored)
    return name if q > 0 else None


def _listing(table: Mapping[str, tuple[str, ...]]) -> str:
    return ", ".join(types[0] for types in table.values())
