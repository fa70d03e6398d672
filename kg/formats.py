"""The one table of formats newskg reads and writes: names, media types, pyoxigraph formats.

A format's `name` is what the `format` parameter and the command line take; its media types are
the ones it is sent and read as, the first being the one it is served as; `also_accepted` are
the looser types an Accept header may name it by (`application/json` for JSON-LD) that a request
body never is. The server's preference between formats a client accepts equally is the order of
the table.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import pyoxigraph as ox

Kind = Literal["solutions", "graph", "dataset"]


@dataclass(frozen=True)
class Format:
    """One serialisation: SELECT/ASK results, a graph (triples) or a dataset (quads)."""

    name: str
    kind: Kind
    oxigraph: ox.QueryResultsFormat | ox.RdfFormat
    media_types: tuple[str, ...]
    also_accepted: tuple[str, ...] = ()
    rdflib: str | None = None  # rdflib's serialiser, for graphs built in Python

    @property
    def media_type(self) -> str:
        """The Content-Type it is served with (pyoxigraph's, with a charset where it has one)."""
        return self.oxigraph.media_type

    @property
    def rdf_format(self) -> ox.RdfFormat:
        """pyoxigraph's format of a graph or dataset; TypeError for a format of SPARQL results."""
        if not isinstance(self.oxigraph, ox.RdfFormat):
            raise TypeError(f"'{self.name}' is a format of SPARQL results, not of RDF.")
        return self.oxigraph

    @property
    def results_format(self) -> ox.QueryResultsFormat:
        """pyoxigraph's format of SELECT/ASK results; TypeError for a format of RDF."""
        if not isinstance(self.oxigraph, ox.QueryResultsFormat):
            raise TypeError(f"'{self.name}' is a format of RDF, not of SPARQL results.")
        return self.oxigraph

    @property
    def accepted(self) -> tuple[str, ...]:
        """Every media type an Accept header may name it by, the served one first."""
        return self.media_types + self.also_accepted

    @property
    def w3c_name(self) -> str:
        """Its name under http://www.w3.org/ns/formats/ (as in a SPARQL service description)."""
        return self.oxigraph.iri.rsplit("/", 1)[1]


FORMATS: tuple[Format, ...] = (
    Format(
        "json",
        "solutions",
        ox.QueryResultsFormat.JSON,
        ("application/sparql-results+json",),
        ("application/json",),
    ),
    Format(
        "xml",
        "solutions",
        ox.QueryResultsFormat.XML,
        ("application/sparql-results+xml",),
        ("application/xml", "text/xml"),
    ),
    Format("csv", "solutions", ox.QueryResultsFormat.CSV, ("text/csv",)),
    Format("tsv", "solutions", ox.QueryResultsFormat.TSV, ("text/tab-separated-values",)),
    Format(
        "turtle",
        "graph",
        ox.RdfFormat.TURTLE,
        ("text/turtle", "application/x-turtle"),
        rdflib="turtle",
    ),
    Format(
        "ntriples",
        "graph",
        ox.RdfFormat.N_TRIPLES,
        ("application/n-triples",),
        ("text/plain",),
        rdflib="nt",
    ),
    Format(
        "jsonld",
        "graph",
        ox.RdfFormat.JSON_LD,
        ("application/ld+json",),
        ("application/json",),
        rdflib="json-ld",
    ),
    Format(
        "rdfxml",
        "graph",
        ox.RdfFormat.RDF_XML,
        ("application/rdf+xml",),
        ("application/xml", "text/xml"),
    ),
    Format("trig", "dataset", ox.RdfFormat.TRIG, ("application/trig",)),
    Format("nquads", "dataset", ox.RdfFormat.N_QUADS, ("application/n-quads",)),
)

BY_NAME: dict[str, Format] = {f.name: f for f in FORMATS}
SOLUTIONS: dict[str, Format] = {f.name: f for f in FORMATS if f.kind == "solutions"}
"""Formats of SELECT and ASK results, by name."""
GRAPHS: dict[str, Format] = {f.name: f for f in FORMATS if f.kind == "graph"}
"""Formats of CONSTRUCT and DESCRIBE results and of graphs, by name."""


def formats(*names: str) -> dict[str, Format]:
    """The formats called `names`, in that order (a route's offer)."""
    return {name: BY_NAME[name] for name in names}


def by_media_type(*names: str) -> dict[str, Format]:
    """Each media type the formats `names` are read as (not the Accept-only ones) -> format."""
    return {media: f for f in formats(*names).values() for media in f.media_types}
