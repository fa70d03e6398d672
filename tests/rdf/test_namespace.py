"""The closed KG namespace and ontology/newskg.ttl declare exactly the same terms."""

from __future__ import annotations

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import OWL, RDF, RDFS

from kg.rdf.namespace import KG, KG_IRI
from kg.settings import ONTOLOGY_DIR

DECLARATION_TYPES = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, RDF.Property)


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(ONTOLOGY_DIR / "newskg.ttl")


def _declared(ontology: Graph) -> set[str]:
    return {
        str(term)[len(KG_IRI) :]
        for kind in DECLARATION_TYPES
        for term in ontology.subjects(RDF.type, kind)
        if isinstance(term, URIRef) and str(term).startswith(KG_IRI)
    }


def test_namespace_matches_ontology_both_ways(ontology):
    in_namespace = set(KG.__annotations__)
    assert _declared(ontology) == in_namespace


def test_namespace_every_ontology_term_has_label_and_comment(ontology):
    for name in _declared(ontology):
        term = KG[name]
        assert ontology.value(term, RDFS.label) is not None, name
        assert ontology.value(term, RDFS.comment) is not None, name


def test_namespace_misspelt_term_fails_loudly():
    with pytest.raises(AttributeError, match="not in namespace"):
        _ = KG.meet


def test_namespace_ontology_uses_no_undeclared_kg_term(ontology):
    used = {
        str(node)[len(KG_IRI) :]
        for triple in ontology
        for node in triple
        if isinstance(node, URIRef) and str(node).startswith(KG_IRI)
    }
    assert used <= set(KG.__annotations__)
