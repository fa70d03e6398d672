"""The embedded store's default graph: the merge (a set) of the article graphs, kept in step."""

from __future__ import annotations

import re
import threading
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import RDF, RDFS, SKOS

from kg.errors import QueryError, ReadOnlyError, StoreError
from kg.store import Store
from kg.store.interface import QueryOptions
from kg.store.terms import nquads

EX = Namespace("http://example.org/")
KG = Namespace("https://w3id.org/newskg/ontology#")
SCHEMA = Namespace("https://schema.org/")
ARTICLES = [f"http://example.org/article/{n}" for n in range(3)]
WHO_MET = (
    "PREFIX kg: <https://w3id.org/newskg/ontology#> "
    "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
    "SELECT ?a ?b WHERE { ?a kg:met ?b . ?a rdfs:label ?n } ORDER BY ?a"
)
IS_THE_MERGE = """ASK {
  FILTER NOT EXISTS { ?s ?p ?o FILTER NOT EXISTS { GRAPH ?g { ?s ?p ?o } } }
  FILTER NOT EXISTS { GRAPH ?g { ?s ?p ?o } FILTER NOT EXISTS { ?s ?p ?o } }
}"""
"""True when the stored default graph holds exactly the triples some named graph states."""


def _person(graph: Graph, name: str) -> URIRef:
    person = EX[name.replace(" ", "-").lower()]
    graph.add((person, RDF.type, SCHEMA.Person))
    graph.add((person, RDFS.label, Literal(name)))
    graph.add((person, SKOS.altLabel, Literal(name.split()[-1])))
    return person


def _article(*names: str, met: bool = True) -> Graph:
    """An article graph naming the people, each with label, type and alias; the first two met."""
    graph = Graph()
    people = [_person(graph, name) for name in names]
    if met and len(people) >= 2:
        graph.add((people[0], KG.met, people[1]))
        graph.add((people[1], KG.met, people[0]))
    evidence = BNode()
    graph.add((people[0], KG.evidence, evidence))
    graph.add((evidence, KG.sentence, Literal(f"{' and '.join(names)} met.")))
    return graph


def _default_graph(store: Store) -> Graph:
    body = store.get_graph(None, ox.RdfFormat.N_TRIPLES)
    assert body is not None
    return Graph().parse(data=body, format="nt")


def _merge(*graphs: Graph) -> Graph:
    merged = Graph()
    for graph in graphs:
        merged += graph
    return merged


def _labels(store: Store) -> list[str]:
    rows = store.query(
        "SELECT ?n WHERE { ?s <http://www.w3.org/2000/01/rdf-schema#label> ?n } ORDER BY ?n"
    ).rows()
    return [row["n"] for row in rows]


def _is_merge(store: Store) -> bool:
    return bool(store.query(IS_THE_MERGE))


@pytest.fixture
def store():
    with Store.open("memory:") as store:
        yield store


@pytest.mark.parametrize("bulk", [pytest.param(False, id="load"), pytest.param(True, id="bulk")])
def test_merge_three_articles_join_through_labels_gives_the_set_rows(tmp_path: Path, bulk: bool):
    graphs = [(iri, _article("Tony Blair", "Gordon Brown")) for iri in ARTICLES]
    with Store.open(str(tmp_path / "kg")) as store:
        store.put_graphs(graphs, bulk=bulk)
        rows = store.query(WHO_MET).rows()
        # The three graphs named as the dataset are joined as a multiset, as Oxigraph's own
        # union default graph was: 3 kg:met x 3 labels per direction.
        union = list(store.query(WHO_MET, None, QueryOptions(default_graphs=ARTICLES)))
        assert _is_merge(store)
        assert store.count() == 3 * len(graphs[0][1])
    assert rows == [
        {"a": str(EX["gordon-brown"]), "b": str(EX["tony-blair"])},
        {"a": str(EX["tony-blair"]), "b": str(EX["gordon-brown"])},
    ]
    assert len(union) == 18


def test_merge_blank_nodes_are_the_same_nodes_in_the_default_graph(store):
    graph = _article("Tony Blair", "Gordon Brown")
    store.put_graph(ARTICLES[0], graph)
    rows = store.query(
        "SELECT ?g WHERE { ?p <https://w3id.org/newskg/ontology#evidence> ?e . "
        "GRAPH ?g { ?e ?sentence ?text } }"
    ).rows()
    assert [row["g"] for row in rows] == [ARTICLES[0]]
    assert isomorphic(_default_graph(store), graph)


def test_merge_replacing_an_article_removes_only_what_no_other_article_states(store):
    store.put_graphs([(ARTICLES[0], _article("Tony Blair", "Gordon Brown"))])
    store.put_graphs([(ARTICLES[1], _article("Tony Blair", "John Prescott", met=False))])
    replacement = _article("Tony Blair", "Charles Kennedy", met=False)
    store.put_graph(ARTICLES[0], replacement)
    assert _labels(store) == ["Charles Kennedy", "John Prescott", "Tony Blair"]
    assert store.query(WHO_MET).rows() == []
    assert _is_merge(store)
    assert isomorphic(
        _default_graph(store),
        _merge(replacement, _article("Tony Blair", "John Prescott", met=False)),
    )


def test_merge_replacing_two_articles_that_share_a_triple_in_one_batch(store):
    store.put_graphs([(iri, _article("Tony Blair", "Gordon Brown")) for iri in ARTICLES[:2]])
    store.put_graphs(
        [(ARTICLES[0], _article("Tony Blair")), (ARTICLES[1], _article("Gordon Brown"))]
    )
    assert _labels(store) == ["Gordon Brown", "Tony Blair"]
    assert store.query(WHO_MET).rows() == []
    assert _is_merge(store)


def test_merge_deleting_an_article_graph_removes_its_only_here_triples(store):
    store.put_graphs(
        [
            (ARTICLES[0], _article("Tony Blair", "Gordon Brown")),
            (ARTICLES[1], _article("Tony Blair", "John Prescott", met=False)),
        ]
    )
    assert store.delete_graph(ARTICLES[0])
    assert not store.delete_graph(ARTICLES[0])
    assert _labels(store) == ["John Prescott", "Tony Blair"]
    assert store.query(WHO_MET).rows() == []
    assert _is_merge(store)


def test_merge_graph_store_writes_keep_the_default_graph_in_step(store):
    store.put_graph(ARTICLES[0], _article("Tony Blair"))
    turtle = b'<http://example.org/tony-blair> <http://www.w3.org/2000/01/rdf-schema#label> "TB" .'
    assert store.add_to_graph(ARTICLES[1], turtle, ox.RdfFormat.TURTLE)
    assert _labels(store) == ["TB", "Tony Blair"]
    other = b'<http://example.org/x> <http://www.w3.org/2000/01/rdf-schema#label> "X" .'
    assert not store.add_to_graph(ARTICLES[1], other, ox.RdfFormat.TURTLE, replace=True)
    assert _labels(store) == ["Tony Blair", "X"]
    assert _is_merge(store)


@pytest.mark.parametrize(
    "write",
    [
        pytest.param(
            lambda s: s.add_to_graph(None, b"<a:s> <a:p> <a:o> .", ox.RdfFormat.TURTLE), id="put"
        ),
        pytest.param(lambda s: s.delete_graph(None), id="delete"),
    ],
)
def test_merge_default_graph_writes_are_refused_with_what_to_do(store, write):
    store.put_graph(ARTICLES[0], _article("Tony Blair"))
    with pytest.raises(ReadOnlyError, match=r"merge of the named graphs.*Write to a named graph"):
        write(store)
    assert _labels(store) == ["Tony Blair"]


@pytest.mark.parametrize(
    "update",
    [
        pytest.param(
            "INSERT DATA { GRAPH <http://example.org/article/9> { <http://example.org/x> "
            '<http://www.w3.org/2000/01/rdf-schema#label> "X" } }',
            id="insert",
        ),
        pytest.param(
            "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
            "INSERT DATA { GRAPH <http://example.org/article/9> { <http://example.org/x> "
            'rdfs:label "X" } } ; # ends with a semicolon and a comment',
            id="trailing-semicolon",
        ),
    ],
)
def test_merge_update_then_resyncs_the_default_graph(store, update):
    store.put_graph(ARTICLES[0], _article("Tony Blair", "Gordon Brown"))
    store.update(update)
    assert _labels(store) == ["Gordon Brown", "Tony Blair", "X"]
    store.update(
        "PREFIX kg: <https://w3id.org/newskg/ontology#> DELETE WHERE { GRAPH ?g { ?a kg:met ?b } }"
    )
    assert store.query(WHO_MET).rows() == []
    assert _is_merge(store)


def test_merge_update_into_the_default_graph_does_not_last(store):
    store.put_graph(ARTICLES[0], _article("Tony Blair"))
    store.update('INSERT DATA { <http://example.org/x> <http://example.org/p> "only here" }')
    assert _labels(store) == ["Tony Blair"]
    assert store.query('SELECT ?s WHERE { ?s ?p "only here" }').rows() == []


def test_merge_malformed_update_says_where_and_writes_nothing(store):
    store.put_graph(ARTICLES[0], _article("Tony Blair"))
    where = "SPARQL syntax error at line 1, column 22, after 'DELETE WHERE { ?s ?p': expected "
    with pytest.raises(QueryError, match="^" + re.escape(where)):
        store.update("DELETE WHERE { ?s ?p ")
    assert _labels(store) == ["Tony Blair"]


def _old_store(location: Path, default_copies: bool = False) -> None:
    """A directory store as newskg wrote it before the merge: named graphs, no default graph
    (or, with `default_copies`, as a fill interrupted before its last triple left it)."""
    old = ox.Store(str(location))
    for iri in ARTICLES:
        old.load(nquads([(iri, _article("Tony Blair", "Gordon Brown"))]), ox.RdfFormat.N_QUADS)
    first = next(old.quads_for_pattern(None, None, None, next(old.named_graphs()))).triple
    for quad in list(old.quads_for_pattern(None, None, None, ox.DefaultGraph())):
        if not default_copies or quad.triple == first:
            old.remove(quad)
    old.flush()
    del old


@pytest.mark.parametrize(
    "interrupted",
    [pytest.param(False, id="empty-default-graph"), pytest.param(True, id="interrupted-fill")],
)
def test_merge_store_built_before_the_merge_is_filled_on_open(tmp_path: Path, interrupted: bool):
    location = tmp_path / "kg"
    _old_store(location, default_copies=interrupted)
    with Store.open(str(location)) as store:
        rows = store.query(WHO_MET).rows()
        assert _is_merge(store)
        count = store.count()
    assert len(rows) == 2
    assert count == 3 * len(_article("Tony Blair", "Gordon Brown"))


def test_merge_count_follows_writes(store):
    store.put_graph(ARTICLES[0], _article("Tony Blair"))
    assert store.count() == len(_article("Tony Blair"))
    store.put_graph(ARTICLES[1], _article("Tony Blair"))
    assert store.count() == 2 * len(_article("Tony Blair"))
    store.delete_graph(ARTICLES[0])
    store.update(f"DROP GRAPH <{ARTICLES[1]}>")
    assert store.count() == 0


def _bad_article() -> Graph:
    graph = _article("Gordon Brown")
    graph.add((EX["gordon-brown"], URIRef("no-scheme"), Literal("x")))  # Oxigraph refuses it
    return graph


@pytest.mark.parametrize(
    "existing",
    [pytest.param(False, id="new-graphs"), pytest.param(True, id="replaced-graphs")],
)
def test_merge_failed_batch_leaves_default_and_named_graphs_as_they_were(store, existing):
    if existing:
        store.put_graphs([(iri, _article("Tony Blair", "John Prescott")) for iri in ARTICLES[:2]])
    before = (store.export("nquads"), store.export("turtle"))
    batch = [(ARTICLES[0], _article("Charles Kennedy")), (ARTICLES[1], _bad_article())]
    with pytest.raises(StoreError, match="article/0, http://example.org/article/1"):
        store.put_graphs(batch)
    assert (store.export("nquads"), store.export("turtle")) == before
    assert _is_merge(store)


def test_merge_export_keeps_named_graphs_and_serialises_the_merge(store):
    store.put_graphs([(iri, _article("Tony Blair", "Gordon Brown")) for iri in ARTICLES[:2]])
    quads = store.export("nquads").decode().splitlines()
    merged = Graph().parse(data=store.export("turtle"), format="turtle")
    assert len(quads) == store.count() == 2 * len(_article("Tony Blair", "Gordon Brown"))
    assert all(line.rstrip(" .").endswith(tuple(f"<{iri}>" for iri in ARTICLES)) for line in quads)
    # Labels, types, aliases and kg:met once; each article's evidence node apart.
    assert len(merged) == len(_article("Tony Blair", "Gordon Brown")) + 2


def test_merge_concurrent_writers_keep_the_default_graph_the_merge(tmp_path: Path):
    # Without the store's write lock, two transactions each forgetting a graph that shares a
    # triple with the other's both keep it (write skew), and the default graph drifts.
    iris = [f"http://example.org/article/{n}" for n in range(4)]
    versions = [_article("Tony Blair", "Gordon Brown"), _article("John Prescott")]
    failures: list[BaseException] = []
    with Store.open(str(tmp_path / "kg")) as store:
        store.put_graphs([(iri, versions[0]) for iri in iris])
        barrier = threading.Barrier(len(iris), timeout=60)

        def write(iri: str) -> None:
            try:
                for step in range(1, 41):
                    barrier.wait()
                    store.put_graph(iri, versions[step % 2])
            except BaseException as exc:  # reported below, not lost with the thread
                failures.append(exc)
                barrier.abort()

        threads = [threading.Thread(target=write, args=(iri,)) for iri in iris]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert failures == []
        assert _labels(store) == ["Gordon Brown", "Tony Blair"]
        assert _is_merge(store)
