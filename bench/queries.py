"""The four query shapes the benchmark runs, each with the binding it takes.

They read the default graph: in newskg's store the stored merge of the article graphs
(kg.store.merge), in rdflib's Dataset the union (a set as well). DISTINCT because one person can
meet another at several meetings."""

from __future__ import annotations

PREFIXES = """PREFIX kg: <https://w3id.org/newskg/ontology#>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX schema: <https://schema.org/>
"""

WHO_MET_WHOM = (
    PREFIXES
    + """SELECT DISTINCT ?person ?other ?label ?date ?place WHERE {
  ?m a kg:Meeting ; kg:status "asserted" ; kg:participant ?person, ?other .
  FILTER(?other != ?person)
  ?other rdfs:label ?label .
  OPTIONAL { ?m schema:startDate ?date }
  OPTIONAL { ?m schema:location/rdfs:label ?place }
}"""
)
"""Whom one person (?person, bound) met, when and where."""

AFFILIATIONS = (
    PREFIXES
    + """SELECT DISTINCT ?name ?org ?orgLabel WHERE {
  ?p rdfs:label ?name ;
     org:memberOf|org:headOf ?org .
  ?org rdfs:label ?orgLabel .
}"""
)
"""What a person, found by name (?name, bound), belongs to or leads. A property path: the same
question as `{ ?p org:memberOf ?org BIND(...) } UNION { ?p org:headOf ?org BIND(...) }`, which
Oxigraph 0.5 planned 40 times slower over the union of article graphs (2.2 s against 61 ms)."""

PAIRS_PER_MONTH = (
    PREFIXES
    + """SELECT ?month (COUNT(DISTINCT ?pair) AS ?pairs) WHERE {
  ?m a kg:Meeting ; kg:status "asserted" ; schema:startDate ?date ;
     kg:participant ?a, ?b .
  FILTER(STR(?a) < STR(?b))
  BIND(SUBSTR(STR(?date), 1, 7) AS ?month)
  BIND(CONCAT(STR(?a), " ", STR(?b)) AS ?pair)
}
GROUP BY ?month ORDER BY ?month"""
)
"""How many pairs met in each month."""

COUNT_ALL = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
"""Every triple of the default graph."""


def who_met_whom_inline(person_iri: str) -> str:
    """WHO_MET_WHOM with the person written in (for servers and load generators)."""
    return WHO_MET_WHOM.replace("SELECT DISTINCT ?person ?other", "SELECT DISTINCT ?other").replace(
        "?person", f"<{person_iri}>"
    )
