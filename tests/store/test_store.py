"""The graph store: replacing graphs, the union default graph, bindings, errors, persistence."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from rdflib import BNode, Dataset, Graph, Literal, Namespace, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import RDFS

import kg.store
from kg.errors import QueryError, ReadOnlyError, StoreError
from kg.rdf.mapping import to_graph
from kg.store import Store
from kg.store.results import serialise
from tests.samples import blinken_abbas

EX = Namespace("http://example.org/")
G1 = "http://example.org/graph/1"
G2 = "http://example.org/graph/2"
LABELS = "SELECT ?s ?label WHERE { ?s <http://www.w3.org/2000/01/rdf-schema#label> ?label }"


def _graph(*labels: str) -> Graph:
    graph = Graph()
    for label in labels:
        graph.add((EX[label.lower()], RDFS.label, Literal(label)))
    return graph


@pytest.fixture
def store():
    with Store.open("memory:") as store:
        store.put_graph(G1, _graph("Blinken", "Abbas"))
        store.put_graph(G2, _graph("Gallant"))
        yield store


def test_put_graph_replaces_without_duplicates(store):
    store.put_graph(G1, _graph("Blinken", "Netanyahu"))
    store.put_graph(G1, _graph("Blinken", "Netanyahu"))
    rows = store.query(
        "SELECT ?g ?label WHERE { GRAPH ?g { ?s ?p ?label } } ORDER BY ?label", {"g": URIRef(G1)}
    ).rows()
    assert [row["label"] for row in rows] == ["Blinken", "Netanyahu"]


def test_put_graph_leaves_other_graphs_untouched(store):
    store.put_graph(G1, _graph("Netanyahu"))
    rows = store.query("SELECT * WHERE { GRAPH ?g { ?s ?p ?label } }", {"g": URIRef(G2)}).rows()
    assert [row["label"] for row in rows] == ["Gallant"]
    assert store.count() == 2


def test_put_graph_keeps_blank_nodes_distinct_per_graph():
    graph = Graph()
    node = BNode("same")
    graph.add((node, RDFS.label, Literal("evidence")))
    with Store.open("memory:") as store:
        assert store.put_graphs([(G1, graph), (G2, graph)], batch_size=1) == 2
        rows = store.query("SELECT DISTINCT ?s WHERE { ?s ?p ?o }").rows()
    assert len(rows) == 2


def test_put_graph_refuses_an_iri_that_would_break_out(store):
    with pytest.raises(StoreError, match="not a valid IRI"):
        store.put_graph("http://x> } } ; DROP ALL ; INSERT DATA { GRAPH <http://y", Graph())
    assert store.count() == 3


def test_put_graphs_streams_in_batches():
    items = ((f"http://example.org/graph/{i}", _graph(f"Person{i}")) for i in range(10))
    with Store.open("memory:") as store:
        assert store.put_graphs(items, batch_size=3) == 10
        assert len(store.graphs()) == 10
        assert store.has_graph("http://example.org/graph/9")
        assert not store.has_graph("http://example.org/graph/10")


def test_query_default_graph_is_union(store):
    rows = store.query(LABELS + " ORDER BY ?label").rows()
    assert [row["label"] for row in rows] == ["Abbas", "Blinken", "Gallant"]


def test_select_converts_values(store):
    rows = store.query(
        "PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>\n"
        'SELECT ?n ?d ?x ?b ?u WHERE { BIND(3 AS ?n) BIND("2023-01-31"^^xsd:date AS ?d) '
        "BIND(0.5 AS ?x) BIND(true AS ?b) OPTIONAL { ?u ?p ?o FILTER(false) } }"
    ).rows()
    assert rows == [{"n": 3, "d": "2023-01-31", "x": 0.5, "b": True, "u": None}]


@pytest.mark.parametrize(
    "value",
    [
        pytest.param("} ; DROP ALL ; {", id="drop-all"),
        pytest.param("x> <y", id="iri-breakout"),
        pytest.param('Blinken" || "1" = "1', id="quote-breakout"),
    ],
)
def test_query_bindings_cannot_inject(store, value):
    rows = store.query(LABELS, {"label": value}).rows()
    assert rows == []
    assert store.count() == 3


def test_query_binding_matches_value(store):
    rows = store.query(LABELS, {"label": "Blinken"}).rows()
    assert rows == [{"s": str(EX.blinken), "label": "Blinken"}]
    rows = store.query(LABELS, {"s": URIRef(EX.gallant)}).rows()
    assert rows == [{"s": str(EX.gallant), "label": "Gallant"}]


def test_query_binding_not_projected_says_what_to_do(store):
    with pytest.raises(QueryError, match=r"must be listed in the SELECT clause"):
        store.query("SELECT ?label WHERE { GRAPH ?g { ?s ?p ?label } }", {"g": URIRef(G1)}).rows()


def test_query_malformed_raises_parser_message(store):
    with pytest.raises(QueryError) as info:
        store.query("SELECT ?s WHERE { ?s ")
    assert str(info.value).startswith(
        "SPARQL syntax error at line 1, column 22, after 'SELECT ?s WHERE { ?s': expected "
    )


@pytest.mark.parametrize(
    "update",
    [
        pytest.param("DROP ALL", id="drop"),
        pytest.param(
            "PREFIX ex: <http://example.org/>\nINSERT DATA { ex:a ex:b ex:c }", id="insert"
        ),
        pytest.param("DELETE WHERE { ?s ?p ?o }", id="delete"),
    ],
)
def test_query_refuses_update(store, update):
    with pytest.raises(ReadOnlyError, match="read-only"):
        store.query(update)
    assert store.count() == 3


def test_serialised_select_is_sparql_json(store):
    written = serialise(store.query(LABELS, {"label": "Abbas"}), "json", "turtle")
    body, media_type = written.body, written.media_type
    assert media_type == "application/sparql-results+json"
    data = json.loads(body)
    assert data["head"]["vars"] == ["s", "label"]
    assert data["results"]["bindings"] == [
        {
            "s": {"type": "uri", "value": str(EX.abbas)},
            "label": {"type": "literal", "value": "Abbas"},
        }
    ]


def test_serialised_construct_is_turtle(store):
    written = serialise(store.query("CONSTRUCT WHERE { ?s ?p ?o }"), "json", "turtle")
    body, media_type = written.body, written.media_type
    assert media_type == "text/turtle"
    assert len(Graph().parse(data=body, format="turtle")) == 3


@pytest.mark.parametrize(
    ("fmt", "rdflib_format", "quads"),
    [
        pytest.param("trig", "trig", True, id="trig"),
        pytest.param("nquads", "nquads", True, id="nquads"),
        pytest.param("turtle", "turtle", False, id="turtle"),
        pytest.param("jsonld", "json-ld", False, id="jsonld"),
    ],
)
def test_export_round_trips(store, fmt, rdflib_format, quads):
    data = store.export(fmt)
    if quads:
        dataset = Dataset()
        dataset.parse(data=data, format=rdflib_format)
        assert {str(g.identifier) for g in dataset.graphs()} >= {G1, G2}
        assert sum(len(dataset.graph(URIRef(g))) for g in (G1, G2)) == 3
    else:
        assert len(Graph().parse(data=data, format=rdflib_format)) == 3


def test_export_unknown_format_says_which_exist(store):
    with pytest.raises(StoreError, match="trig, nquads, turtle, jsonld"):
        store.export("rdfxml")


def test_open_directory_persists(tmp_path):
    location = str(tmp_path / "kg")
    with Store.open(location) as store:
        store.put_graph(G1, _graph("Blinken"))
    with Store.open(location) as store:
        assert store.graphs() == [G1]
        assert store.query(LABELS).rows()[0]["label"] == "Blinken"


def test_open_not_a_directory_raises_store_error(tmp_path):
    path = tmp_path / "file"
    path.write_text("x")
    with pytest.raises(StoreError, match=str(path)):
        Store.open(str(path))


def test_open_locked_directory_raises_store_error(tmp_path):
    location = str(tmp_path / "kg")
    with Store.open(location), pytest.raises(StoreError, match="another process"):
        Store.open(location)


def test_put_graph_round_trips_awkward_literals():
    text = 'He said: "no\\deal"\nthen left.\r\tשלום — 10%'
    graph = Graph()
    graph.add((EX.quote, RDFS.label, Literal(text)))
    graph.add((EX.quote, RDFS.comment, Literal("hi", lang="en")))
    with Store.open("memory:") as store:
        store.put_graph(G1, graph)
        rows = store.query("SELECT * WHERE { ?s ?p ?o }", {"s": URIRef(EX.quote)}).rows()
        body = serialise(store.query("CONSTRUCT WHERE { ?s ?p ?o }"), None, "turtle").body
    assert sorted(row["o"] for row in rows) == sorted([text, "hi"])
    assert isomorphic(Graph().parse(data=body, format="turtle"), graph)


def test_put_graph_mapped_article_answers_who_met_whom():
    graph_iri, graph = to_graph(blinken_abbas())
    with Store.open("memory:") as store:
        store.put_graph(graph_iri, graph)
        store.put_graph(graph_iri, graph)
        rows = store.query(
            """PREFIX kg: <https://w3id.org/newskg/ontology#>
               PREFIX schema: <https://schema.org/>
               PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
               SELECT ?name ?other ?date ?confidence WHERE {
                 ?p rdfs:label ?name ; kg:met ?o . ?o rdfs:label ?other .
                 ?m a kg:Meeting ; kg:participant ?p, ?o ; schema:startDate ?date ;
                    kg:evidence/kg:confidence ?confidence .
               }""",
            {"name": "Antony Blinken"},
        ).rows()
        assert store.count() == len(graph)
    assert rows == [
        {
            "name": "Antony Blinken",
            "other": "Mahmoud Abbas",
            "date": "2023-01-31",
            "confidence": 0.9,
        }
    ]


def test_store_flushes_write_buffers_every_so_many_quads(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(kg.store, "FLUSH_QUADS", 10)
    graphs = []
    for n in range(5):  # 2 triples a graph: 4 quads with the default graph's copies
        graph = Graph()
        graph.add((URIRef(f"https://example.org/s{n}"), RDFS.label, Literal("x")))
        graph.add((URIRef(f"https://example.org/s{n}"), RDFS.comment, Literal("y")))
        graphs.append((f"https://example.org/g{n}", graph))
    with Store.open(str(tmp_path / "kg")) as store:
        flushed_at = []
        flush = store._flush

        def counted() -> None:
            flushed_at.append(len(store.graphs()))
            flush()

        monkeypatch.setattr(store, "_flush", counted)
        store.put_graphs(graphs, batch_size=1)
        assert flushed_at == [3]  # 12 quads written by the third graph; 8 since, not yet 10
        assert len(store.graphs()) == 5
