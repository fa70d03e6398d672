"""Mapping an Extraction to its article graph: the shape SPARQL users and the API rely on."""

from __future__ import annotations

from datetime import date

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic

from kg.rdf import iris
from kg.rdf.mapping import date_literal, to_graph
from kg.rdf.namespace import PREFIXES, XSD
from kg.types import Extraction
from tests.samples import HOLDS, LEADS, MET, QUOTE, blinken_abbas, statements, visits_and_credit

ID = "https://w3id.org/newskg/id/"
ARTICLE = ID + "article/ap-2023-01-31-blinken"
BLINKEN = URIRef(ID + "person/antony-blinken")
ABBAS = URIRef(ID + "person/mahmoud-abbas")
NETANYAHU = URIRef(ID + "person/benjamin-netanyahu")
HEADER = "".join(f"PREFIX {prefix}: <{iri}>\n" for prefix, iri in PREFIXES.items())


@pytest.fixture(scope="module")
def mapped() -> tuple[str, Graph]:
    return to_graph(blinken_abbas())


def _rows(graph: Graph, query: str, **bindings) -> list[tuple]:
    return [tuple(row) for row in graph.query(HEADER + query, initBindings=bindings)]


def test_to_graph_names_the_article_graph(mapped):
    graph_iri, graph = mapped
    assert graph_iri == ARTICLE
    rows = _rows(
        graph,
        "SELECT ?id ?d WHERE { ?a a schema:NewsArticle ; schema:identifier ?id ; "
        "schema:datePublished ?d }",
    )
    assert rows == [(Literal("ap-2023-01-31-blinken"), Literal("2023-01-31", datatype=XSD.date))]


def test_to_graph_met_is_stored_both_ways(mapped):
    _, graph = mapped
    assert graph.query(
        HEADER + "ASK { ?a kg:met ?b . ?b kg:met ?a }", initBindings={"a": BLINKEN, "b": ABBAS}
    ).askAnswer


def test_to_graph_meeting_has_date_place_and_evidence(mapped):
    _, graph = mapped
    rows = _rows(
        graph,
        """SELECT ?date ?placeName ?status ?sentence ?start ?end ?article WHERE {
             ?m a kg:Meeting ; kg:participant ?a, ?b ; schema:startDate ?date ;
                schema:location ?place ; kg:status ?status ; prov:wasDerivedFrom ?article ;
                kg:evidence [ a kg:Evidence ; kg:sentence ?sentence ; kg:charStart ?start ;
                              kg:charEnd ?end ; kg:confidence ?confidence ] .
             ?place a schema:Place ; rdfs:label ?placeName .
           }""",
        a=BLINKEN,
        b=ABBAS,
    )
    assert [tuple(value.toPython() for value in row) for row in rows] == [
        (
            date(2023, 1, 31),
            "Ramallah",
            "asserted",
            MET.sentence,
            MET.start,
            MET.end,
            ARTICLE,
        )
    ]


def test_to_graph_planned_meeting_is_only_an_event(mapped):
    _, graph = mapped
    assert (BLINKEN, None, NETANYAHU) not in graph
    assert (NETANYAHU, None, BLINKEN) not in graph
    rows = _rows(
        graph,
        "SELECT ?status WHERE { ?m a kg:Meeting ; kg:participant ?a, ?b ; kg:status ?status }",
        a=BLINKEN,
        b=NETANYAHU,
    )
    assert rows == [(Literal("planned"),)]


def test_to_graph_party_leader_with_statement_evidence(mapped):
    _, graph = mapped
    rows = _rows(
        graph,
        """SELECT ?name ?party ?sentence ?start WHERE {
             ?p rdfs:label ?name ; org:headOf ?o .
             ?o a schema:Organization, kg:PoliticalParty ; rdfs:label ?party .
             [] a rdf:Statement ; rdf:subject ?p ; rdf:predicate org:headOf ; rdf:object ?o ;
                kg:status "asserted" ; kg:evidence [ kg:sentence ?sentence ; kg:charStart ?start ] .
           }""",
    )
    assert rows == [
        (
            Literal("Itamar Ben-Gvir"),
            Literal("Otzma Yehudit"),
            Literal(LEADS.sentence),
            Literal(LEADS.start),
        )
    ]


def test_to_graph_post_with_post_in(mapped):
    _, graph = mapped
    rows = _rows(
        graph,
        """SELECT ?name ?post ?where WHERE {
             ?p rdfs:label ?name ; org:holds ?x .
             ?x a org:Post ; rdfs:label ?post ; org:postIn [ a schema:Place ; rdfs:label ?where ] .
           }""",
    )
    assert rows == [(Literal("Yoav Gallant"), Literal("Defense Minister"), Literal("Israel"))]


def test_to_graph_aliases_are_alt_labels(mapped):
    _, graph = mapped
    rows = _rows(graph, "SELECT ?alias WHERE { ?p skos:altLabel ?alias }", p=BLINKEN)
    assert rows == [(Literal("Blinken"),)]


def test_to_graph_is_deterministic():
    _, first = to_graph(blinken_abbas())
    _, second = to_graph(blinken_abbas())
    assert isomorphic(first, second)


def test_to_graph_base_iri_is_configurable():
    graph_iri, graph = to_graph(blinken_abbas(), base_iri="http://kg.test/")
    assert graph_iri == "http://kg.test/article/ap-2023-01-31-blinken"
    assert (URIRef("http://kg.test/person/antony-blinken"), None, None) in graph


def test_to_graph_unknown_objects_are_typed_and_labelled():
    extraction = blinken_abbas()
    extraction = Extraction(article=extraction.article, facts=extraction.facts)
    _, graph = to_graph(extraction)
    rows = _rows(
        graph, "SELECT ?name WHERE { ?p a schema:Person ; rdfs:label ?name } ORDER BY ?name"
    )
    assert [str(row[0]) for row in rows] == [
        "Antony Blinken",
        "Benjamin Netanyahu",
        "Itamar Ben-Gvir",
        "Mahmoud Abbas",
        "Yoav Gallant",
    ]


def test_to_graph_visit_and_credit():
    graph_iri, graph = to_graph(visits_and_credit())
    rows = _rows(
        graph,
        """SELECT ?place ?status ?visited WHERE {
             ?v a kg:Visit ; kg:participant ?p ; schema:location [ rdfs:label ?place ] ;
                kg:status ?status .
             BIND(EXISTS { ?p kg:visited [ rdfs:label ?place ] } AS ?visited)
           } ORDER BY ?place""",
        p=BLINKEN,
    )
    assert [tuple(value.toPython() for value in row) for row in rows] == [
        ("Cairo", "asserted", True),
        ("Gaza", "negated", False),
    ]
    contributor = graph.value(URIRef(graph_iri), URIRef("https://schema.org/contributor"))
    assert str(contributor) == ID + "person/jane-doe"


@pytest.mark.parametrize(
    ("value", "datatype"),
    [
        pytest.param("2023-01-31", XSD.date, id="date"),
        pytest.param("2023-01", XSD.gYearMonth, id="year-month"),
        pytest.param("2023", XSD.gYear, id="year"),
    ],
)
def test_date_literal_types(value, datatype):
    assert date_literal(value) == Literal(value, datatype=datatype)


def test_date_literal_refuses_free_text():
    with pytest.raises(ValueError, match="'next Tuesday'"):
        date_literal("next Tuesday")


def test_to_graph_matches_expected_turtle():
    extraction = blinken_abbas()
    extraction = Extraction(article=extraction.article, facts=extraction.facts[2:3])
    _, graph = to_graph(extraction)
    expected = Graph().parse(
        format="turtle",
        data=HEADER.replace("PREFIX ", "@prefix ").replace(">\n", "> .\n")
        + f"""
        <{ARTICLE}> a schema:NewsArticle ; schema:identifier "ap-2023-01-31-blinken" ;
            schema:headline "Blinken meets Abbas in Ramallah" ;
            schema:datePublished "2023-01-31"^^xsd:date ;
            schema:url <https://example.org/news/blinken-abbas> .
        <{ID}person/yoav-gallant> a schema:Person ; rdfs:label "Yoav Gallant" ;
            org:holds <{ID}post/defense-minister-israel> .
        <{ID}post/defense-minister-israel> a org:Post ; rdfs:label "Defense Minister" ;
            org:postIn <{ID}place/israel> .
        <{ID}place/israel> a schema:Place ; rdfs:label "Israel" .
        [] a rdf:Statement ; rdf:subject <{ID}person/yoav-gallant> ; rdf:predicate org:holds ;
            rdf:object <{ID}post/defense-minister-israel> ; kg:status "asserted" ;
            prov:wasDerivedFrom <{ARTICLE}> ;
            kg:evidence [ a kg:Evidence ; kg:sentence "{HOLDS.sentence}" ;
                kg:charStart {HOLDS.start} ; kg:charEnd {HOLDS.end} ; kg:confidence 0.85 ] .
        """,
    )
    assert isomorphic(graph, expected)


def test_to_graph_said_is_a_statement_with_speaker_quote_and_evidence():
    graph_iri, graph = to_graph(statements())
    rows = _rows(
        graph,
        """SELECT ?statement ?name ?quote ?status ?article ?sentence ?start WHERE {
             ?statement a kg:Statement ; kg:speaker ?speaker ; kg:quote ?quote ;
                kg:status ?status ; prov:wasDerivedFrom ?article ;
                kg:evidence [ a kg:Evidence ; kg:sentence ?sentence ; kg:charStart ?start ] .
             ?speaker a schema:Person ; rdfs:label ?name .
           }""",
    )
    statement = iris.statement_iri(
        "a3", "Yoav Gallant", "Your visit comes at a critical time", "asserted"
    )
    assert [tuple(value.toPython() for value in row) for row in rows] == [
        (
            str(statement),
            "Yoav Gallant",
            "Your visit comes at a critical time",
            "asserted",
            graph_iri,
            QUOTE.sentence,
            QUOTE.start,
        )
    ]


def test_to_graph_organisation_statements_keep_their_status():
    _, graph = to_graph(statements())
    rows = _rows(
        graph,
        """SELECT ?quote ?status WHERE {
             ?s a kg:Statement ;
                kg:speaker [ a schema:Organization ; rdfs:label "Foreign Office" ] ;
                kg:quote ?quote ; kg:status ?status .
           } ORDER BY ?quote""",
    )
    assert [tuple(str(v) for v in row) for row in rows] == [
        ("the embassy would close", "negated"),
        ("the embassy would reopen", "asserted"),
    ]
