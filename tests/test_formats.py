"""The one table of formats, and reading a Content-Type header."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from api.negotiation import best_media_type, media_type
from kg.errors import NotAcceptableError
from kg.formats import BY_NAME, FORMATS, GRAPHS, SOLUTIONS, by_media_type


def test_formats_names_unique_and_served_as_their_first_media_type() -> None:
    assert len(BY_NAME) == len(FORMATS)
    for fmt in FORMATS:
        assert fmt.media_type.split(";")[0] == fmt.media_types[0]


def test_formats_kinds_match_pyoxigraph() -> None:
    assert all(isinstance(f.oxigraph, ox.QueryResultsFormat) for f in SOLUTIONS.values())
    assert all(isinstance(f.oxigraph, ox.RdfFormat) for f in GRAPHS.values())
    assert list(SOLUTIONS) == ["json", "xml", "csv", "tsv"]
    assert list(GRAPHS) == ["turtle", "ntriples", "jsonld", "rdfxml"]


def test_formats_body_types_leave_out_accept_only_ones() -> None:
    bodies = by_media_type("turtle", "ntriples", "jsonld")
    assert list(bodies) == [
        "text/turtle",
        "application/x-turtle",
        "application/n-triples",
        "application/ld+json",
    ]
    assert "application/json" in GRAPHS["jsonld"].accepted


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        pytest.param("Text/Turtle; charset=utf-8", "text/turtle", id="parameters-and-case"),
        pytest.param("  application/json ", "application/json", id="spaces"),
        pytest.param("", "", id="empty"),
        pytest.param(None, "", id="none"),
    ],
)
def test_media_type_of_content_type(header: str | None, expected: str) -> None:
    assert media_type(header) == expected


def test_best_media_type_first_offered_on_a_tie_and_refusal_names_the_offer() -> None:
    offered = ("text/turtle", "application/ld+json")
    assert best_media_type("application/*, text/*", offered) == "text/turtle"
    assert best_media_type("application/ld+json, text/turtle;q=0.5", offered) == offered[1]
    with pytest.raises(NotAcceptableError) as raised:
        best_media_type("image/png", offered)
    assert str(raised.value) == (
        "Cannot answer with any type in 'Accept: image/png'; "
        "this resource comes as text/turtle, application/ld+json."
    )
