"""The SPARQL 1.1 Service Description of the endpoint, as Turtle."""

from __future__ import annotations

from kg.formats import GRAPHS, SOLUTIONS

_COMMENT = (
    '"News as a knowledge graph: one named graph per article. Queries that name no graph see '
    "the merge of all graphs (each triple once). SERVICE, LOAD and FROM of graphs not in the "
    'store are refused."'
)


def service_description(endpoint: str, writable: bool) -> str:
    """sd:Service for `endpoint`: languages, result formats, the union default graph."""
    languages = "sd:SPARQL11Query" + (", sd:SPARQL11Update" if writable else "")
    formats = ",\n        ".join(
        f"ff:{f.w3c_name}" for f in (*SOLUTIONS.values(), *GRAPHS.values())
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
