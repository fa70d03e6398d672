"""The vocabularies newskg writes, as closed namespaces: a misspelt term fails loudly."""

from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import ORG, PROV, RDF, RDFS, SDO, SKOS, XSD, DefinedNamespace

KG_IRI = "https://w3id.org/newskg/ontology#"


class KG(DefinedNamespace):
    """The newskg ontology (ontology/newskg.ttl); tests keep the two in step."""

    _NS = Namespace(KG_IRI)
    _fail = True

    # classes
    Meeting: URIRef
    Visit: URIRef
    PoliticalParty: URIRef
    Evidence: URIRef
    Statement: URIRef
    # properties
    met: URIRef
    visited: URIRef
    participant: URIRef
    status: URIRef
    evidence: URIRef
    sentence: URIRef
    charStart: URIRef
    charEnd: URIRef
    confidence: URIRef
    speaker: URIRef
    quote: URIRef


SCHEMA = SDO

PREFIXES: dict[str, str] = {
    "kg": KG_IRI,
    "schema": str(SDO),
    "org": str(ORG),
    "prov": str(PROV),
    "skos": str(SKOS),
    "rdfs": str(RDFS),
    "rdf": str(RDF),
    "xsd": str(XSD),
}
"""Prefixes used when serialising and in the ontology files."""

__all__ = ["KG", "KG_IRI", "ORG", "PREFIXES", "PROV", "RDF", "RDFS", "SCHEMA", "SDO", "SKOS", "XSD"]
