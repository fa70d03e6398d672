"""The embedded store's default graph: the merge (set union) of its named graphs, stored.

Oxigraph's own union default graph (`use_default_graph_as_union`) is a multiset: a triple that 300
article graphs state (a person's label) matches 300 times, so every join through labels or types
multiplies rows by the number of articles. newskg instead stores the merge as real default-graph
triples, written in the same transaction as each article graph (kg.store.terms writes every triple
twice, in its graph and in the default graph, with the same blank node labels), and queries read
the stored default graph. The SPARQL Update texts here keep it in step when graphs are replaced or
removed and resynchronise it after a raw update; `fill_once` fills it in stores built before it.

Within one SPARQL Update request Oxigraph applies the operations in order, each seeing the writes
of the ones before, and commits them together; so `forget` followed by DROP and an INSERT DATA is
one atomic replacement, and forgetting two graphs in a row removes a triple only they stated.
"""

from __future__ import annotations

import pyoxigraph as ox

RESYNC = """DELETE { ?s ?p ?o } WHERE { ?s ?p ?o MINUS { GRAPH ?g { ?s ?p ?o } } } ;
INSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } MINUS { ?s ?p ?o } }"""
"""Make the default graph the merge again: drop what no named graph states, add what is missing.
MINUS (a hash anti-join in Oxigraph) takes a third of the time of FILTER NOT EXISTS (a lookup
per triple) here: 7.5 s against 23 s of CPU on a million quads."""


def forget(name: str) -> str:
    """SPARQL Update operations removing the named graph `name` (an escaped `<IRI>`) and the
    default-graph triples that no other named graph states."""
    return (
        f"DELETE {{ ?s ?p ?o }} WHERE {{ GRAPH {name} {{ ?s ?p ?o }} "
        f"FILTER NOT EXISTS {{ GRAPH ?other {{ ?s ?p ?o }} FILTER(?other != {name}) }} }} ;\n"
        f"DROP SILENT GRAPH {name}"
    )


def fill_once(store: ox.Store) -> None:
    """Fill the default graph of a store written before it was the merge; a no-op (one index
    lookup) once it is."""
    first = _first_named_triple(store)
    if first is None or _in_default_graph(store, first):
        return
    # The bulk loader takes half the CPU of INSERT ... WHERE (21 s against 42 s on a million
    # quads) but is not transactional: the triple the check above looks for goes in last, in a
    # transaction of its own, so a fill that was interrupted is done again on the next open.
    store.bulk_extend(
        ox.Quad(quad.subject, quad.predicate, quad.object)
        for quad in store.quads_for_pattern(None, None, None, None)
        if not isinstance(quad.graph_name, ox.DefaultGraph) and quad.triple != first
    )
    store.add(ox.Quad(first.subject, first.predicate, first.object))


def _first_named_triple(store: ox.Store) -> ox.Triple | None:
    for graph in store.named_graphs():
        for quad in store.quads_for_pattern(None, None, None, graph):
            return quad.triple
    return None


def _in_default_graph(store: ox.Store, triple: ox.Triple) -> bool:
    found = store.quads_for_pattern(
        triple.subject, triple.predicate, triple.object, ox.DefaultGraph()
    )
    return next(iter(found), None) is not None


def update_and_resync(store: ox.Store, sparql: str, base_iri: str | None = None) -> None:
    """Run a user's SPARQL Update (relative IRIs resolved against `base_iri`) and RESYNC after
    it, in one request (one transaction)."""
    # "\n;" ends the user's last operation (and any comment); if the text already ends with
    # ";", another would be a syntax error, so the second try leaves it out.
    for glue in ("\n;\n", "\n"):
        try:
            store.update(sparql + glue + RESYNC, base_iri=base_iri)
            return
        except SyntaxError:
            continue
    # This raises the update's own syntax error, having written nothing.
    store.update(sparql, base_iri=base_iri)
    store.update(RESYNC)
