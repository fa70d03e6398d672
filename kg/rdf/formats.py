"""The RDF serialisations newskg serves, by media type."""

from __future__ import annotations

from rdflib import Graph

from kg.formats import GRAPHS
from kg.rdf.namespace import PREFIXES

RDF_FORMATS: dict[str, str] = {f.media_types[0]: f.rdflib for f in GRAPHS.values() if f.rdflib}
"""Media type -> rdflib serialiser name; the first is the default."""


def serialize(graph: Graph, media_type: str) -> bytes:
    """`graph` in the format of `media_type` (one of `RDF_FORMATS`), UTF-8."""
    try:
        name = RDF_FORMATS[media_type]
    except KeyError:
        raise ValueError(
            f"Cannot serialise RDF as {media_type!r}; use one of {', '.join(RDF_FORMATS)}."
        ) from None
    if name == "json-ld":  # compact IRIs with the project's prefixes ("kg:met")
        return graph.serialize(format=name, encoding="utf-8", context=PREFIXES)
    return graph.serialize(format=name, encoding="utf-8")
