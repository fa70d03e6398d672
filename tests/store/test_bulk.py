"""Writing batches of article graphs through the store's native N-Quads loaders."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import RDFS

from kg.store import Store

EX = "http://example.org/"


def _article(number: int, label: str) -> tuple[str, Graph]:
    graph = Graph()
    evidence = BNode()
    person = URIRef(f"{EX}person/{number}")
    graph.add((person, RDFS.label, Literal(label)))
    graph.add((person, URIRef(f"{EX}evidence"), evidence))
    graph.add((evidence, RDFS.comment, Literal(f'He said "{label}"\nthen left.', lang="en")))
    return f"{EX}article/{number}", graph


@pytest.mark.parametrize("bulk", [pytest.param(False, id="load"), pytest.param(True, id="bulk")])
def test_put_graphs_loads_new_and_replaces_old_graphs(tmp_path: Path, bulk: bool) -> None:
    with Store.open(str(tmp_path / "kg")) as store:
        assert store.put_graphs((_article(n, "old") for n in range(5)), 2, bulk) == 5
        replaced = [_article(1, "new"), _article(7, "new"), _article(7, "newer")]
        store.put_graphs(replaced, batch_size=10, bulk=bulk)
        store.put_graphs([(f"{EX}article/empty", Graph())], bulk=bulk)
        rows = store.query(
            "SELECT ?g ?label WHERE { GRAPH ?g { ?p <http://www.w3.org/2000/01/rdf-schema#label> "
            "?label } } ORDER BY ?g"
        ).rows()
        labels = {row["g"].rsplit("/", 1)[1]: row["label"] for row in rows}
        assert labels == {"0": "old", "1": "new", "2": "old", "3": "old", "4": "old", "7": "newer"}
        assert store.has_graph(f"{EX}article/empty")
        assert store.count() == 6 * 3
        # Blank nodes stay apart per article: each evidence node has one comment.
        counts = store.query(
            "SELECT ?e (COUNT(*) AS ?n) WHERE { ?e <http://www.w3.org/2000/01/rdf-schema#comment> "
            "?c } GROUP BY ?e"
        ).rows()
        assert len(counts) == 6 and {row["n"] for row in counts} == {1}
