"""The SPARQL 1.1 Service Description of the endpoint, as Turtle."""

from __future__ import annotations

from kg.store.results import GRAPH_FORMATS, SOLUTION_FORMATS

# W3C format IRIs (https://www.w3.org/ns/formats/) of the result formats the endpoint writes.
_FORMAT_IRIS = {
    "json": "SPARQL_Results_JSON",
    "xml": "SPARQL_Results_XML",
    "csv": "SPARQL_Results_CSV",
    "tsv": "SPARQL_Results_TSV",
    "turtle": "Turtle",
    "ntriples": "N-Triples",
    "jsonld": "JSON-LD",
    "rdfxml": "RDF_XML",
}


_COMMENT = (
    '"News as a knowledge graph: one named graph per article. Queries that name no graph see '
    "the merge of all graphs (each triple once). SERVICE, LOAD and FROM of graphs not in the "
    'store are refused."'
)


def service_description(endpoint: str, writable: bool) -> str:
    """sd:Service for `endpoint`: languages, result formats, the union default graph."""
    languages = "sd:SPARQL11Query" + (", sd:SPARQL11Update" if writable else "")
    formats = ",\n        ".join(
        f"ff:{_FORMAT_IRIS[name]}" for name in (*SOLUTION_FORMATS, *GRAPH_FORMATS)
    )
    return f"""\
@prefix sd: <http://www.w3.org/ns/sparql-service-description#> .
@prefix ff: <http://www.w3.org/ns/formats/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .

<{endpoint}> a sd:Service ;
    rdfs:label "newskg SPARQL endpoint" ;
    rdfs:comment {_COMMENT} ;
    sd:endpoint <{endpoint}> ;
    sd:supportedLanguage {languages} ;
    sd:feature sd:UnionDefaultGraph ;
    sd:resultFormat {formats} ;
    sd:defaultDataset [
        a sd:Dataset ;
        sd:defaultGraph [ a sd:Graph ; rdfs:comment "The merge (set union) of all article graphs." ]
    ] .
"""
