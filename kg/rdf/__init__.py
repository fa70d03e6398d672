"""RDF: the ontology's namespaces, IRI minting, and the mapping from extractions to graphs."""

from kg.rdf.mapping import to_graph

__all__ = ["to_graph"]
