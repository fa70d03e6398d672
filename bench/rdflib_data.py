"""The synthetic N-Quads in rdflib's in-memory Dataset, its default graph the union of all."""

from __future__ import annotations

import pyoxigraph as ox
from rdflib import Dataset, URIRef

from kg.store.terms import rdflib_term


def load_dataset(path: str) -> Dataset:
    """An rdflib Dataset holding the file's quads (parsed by pyoxigraph, to save a minute)."""
    dataset = Dataset(default_union=True)
    graphs: dict[str, object] = {}
    for quad in ox.parse(path=path, format=ox.RdfFormat.N_QUADS):
        name = quad.graph_name.value
        graph = graphs.get(name)
        if graph is None:
            graph = graphs[name] = dataset.graph(URIRef(name))
        graph.add(  # type: ignore[attr-defined]
            (rdflib_term(quad.subject), rdflib_term(quad.predicate), rdflib_term(quad.object))
        )
    return dataset
