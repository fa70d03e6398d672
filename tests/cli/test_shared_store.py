"""The `kg` commands beside a running `kg serve` on the same store directory, and against the
server's URL; a mistyped store path; queries without PREFIX lines (issue 17, item 1)."""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterator
from functools import partial
from pathlib import Path

import httpx
import pytest
from rdflib import Dataset

from kg.cli.query import CUT
from kg.store import Store
from kg.store.sharing import SERVER_FILE
from tests.conftest import mini_store
from tests.servers import serving, start_kg_serve

Run = Callable[..., tuple[int, str, str]]
TOKEN = "shared-store-token"
MET = "SELECT ?a ?b WHERE { ?a kg:met ?b } ORDER BY ?a"
"""A query without PREFIX lines: kg: is predeclared."""
ALL = "SELECT * WHERE { ?s ?p ?o }"


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store directory holding tests/fixtures/mini.trig (Blinken met Abbas)."""
    directory = tmp_path_factory.mktemp("shared") / "kg"
    with Store.open(str(directory)) as store:
        mini_store(store)
    return directory


@pytest.fixture(scope="module")
def server(store_dir: Path) -> Iterator[str]:
    """The URL of a `kg serve` holding `store_dir`, taking writes with TOKEN."""
    env = {**os.environ, "NEWSKG_TOKEN": TOKEN}
    with serving(env, start=partial(start_kg_serve, store_dir)) as (url, _):
        yield url


def sparql_json(server: str, query: str) -> dict:
    response = httpx.post(
        f"{server}/sparql", data={"query": query}, headers={"Accept": "application/json"}
    )
    assert response.status_code == 200, response.text
    return response.json()


def test_kg_serve_names_its_url_in_the_store_directory(server: str, store_dir: Path) -> None:
    assert json.loads((store_dir / SERVER_FILE).read_text())["url"] == server


def test_query_beside_server_answers_as_its_sparql_endpoint(
    run: Run, server: str, store_dir: Path
) -> None:
    status, out, err = run("query", "--store", str(store_dir), "--format", "json", MET)
    assert (status, err) == (0, "")
    bindings = json.loads(out)["results"]["bindings"]
    assert bindings == sparql_json(server, MET)["results"]["bindings"]
    assert {row["a"]["value"].rsplit("/", 1)[1] for row in bindings} == {
        "antony-blinken",
        "mahmoud-abbas",
    }


def test_query_table_beside_server(run: Run, server: str, store_dir: Path) -> None:
    status, out, _ = run("query", "--store", str(store_dir), "SELECT ?a WHERE { ?a kg:met ?b }")
    assert status == 0
    assert "https://w3id.org/newskg/id/person/antony-blinken" in out
    assert out.rstrip().endswith("(2 rows)")


def test_export_beside_server_holds_every_quad(run: Run, server: str, store_dir: Path) -> None:
    status, out, _ = run("export", "--store", str(store_dir), "--format", "nquads")
    assert status == 0
    dataset = Dataset()
    dataset.parse(data=out, format="nquads")
    assert len(dataset) == httpx.get(f"{server}/health").json()["triples"]


def test_build_beside_server_says_which_server_and_what_to_do(
    run: Run, server: str, store_dir: Path, tmp_path: Path
) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Talks\n\nAntony Blinken met Mahmoud Abbas in Ramallah.\n")
    status, out, err = run("build", str(article), "--store", str(store_dir))
    assert status == 2
    assert err.count("\n") == 1
    assert f"is held by the newskg server at {server}. Stop the server first" in err
    assert f"kg build ARTICLES --store {server}" in err


@pytest.mark.parametrize("path", ["", "/", "/sparql"], ids=["base", "slash", "endpoint"])
def test_store_url_of_newskg_server_finds_its_endpoints(run: Run, server: str, path: str) -> None:
    # Before: --store http://host:port asked for /query (oxigraph's layout) and got 404.
    status, out, err = run("query", "--store", server + path, "ASK { ?a kg:met ?b }")
    assert (status, out, err) == (0, "true\n", "")


def test_build_through_server_url_with_token(
    run: Run, server: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    article = tmp_path / "summit.txt"
    article.write_text(
        "date: 2023-02-01\nSummit in Paris\n\nEmmanuel Macron met Olaf Scholz in Paris on Monday.\n"
    )
    monkeypatch.setenv("NEWSKG_TOKEN", TOKEN)
    status, out, err = run("build", str(article), "--store", server)
    assert status == 0, err
    query = "SELECT ?b WHERE { ?a kg:met ?b ; rdfs:label ?name FILTER(CONTAINS(?name, 'Macron')) }"
    rows = sparql_json(server, query)["results"]["bindings"]
    assert [row["b"]["value"] for row in rows] == ["https://w3id.org/newskg/id/person/olaf-scholz"]


def test_build_through_server_url_without_token_is_refused(
    run: Run, server: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    article = tmp_path / "b.txt"
    article.write_text("Talks\n\nAntony Blinken met Mahmoud Abbas in Ramallah.\n")
    monkeypatch.delenv("NEWSKG_TOKEN", raising=False)
    status, _, err = run("build", str(article), "--store", server)
    assert status == 2
    assert "answered 401" in err


def test_syntax_error_beside_server_is_one_short_line(
    run: Run, server: str, store_dir: Path
) -> None:
    query = "SELECT ?a WHERE {\n  ?a kg:met ?b .\n  ?a ?p }"
    status, out, err = run("query", "--store", str(store_dir), query)
    assert status == 2 and out == ""
    assert err.count("\n") == 1 and len(err) < 400
    assert "SPARQL syntax error at line 3, column 10, after '?a ?p }': expected" in err
    assert "..=" not in err and "\\u{" not in err


def test_server_file_is_removed_when_the_server_stops(run: Run, tmp_path: Path) -> None:
    directory = tmp_path / "kg"
    with Store.open(str(directory)) as store:
        mini_store(store)
    with serving(dict(os.environ), start=partial(start_kg_serve, directory)):
        assert (directory / SERVER_FILE).is_file()
    assert not (directory / SERVER_FILE).exists()
    status, out, _ = run("query", "--store", str(directory), "ASK { ?a kg:met ?b }")
    assert (status, out) == (0, "true\n")  # opened directly again


@pytest.mark.parametrize("command", [("query", "ASK {}"), ("export",)], ids=["query", "export"])
def test_mistyped_store_path_is_an_error_and_creates_nothing(
    run: Run, tmp_path: Path, command: tuple[str, ...]
) -> None:
    # Before: `kg query --store kgg ...` printed (0 rows), exited 0 and created an empty store.
    missing = tmp_path / "kgg"
    status, out, err = run(*command, "--store", str(missing))
    assert (status, out) == (2, "")
    assert err == (
        f"kg: error: No graph store at '{missing}': the directory does not exist. Check the "
        f"path (--store or NEWSKG_STORE), or build one with `kg build ARTICLES --store "
        f"{missing}`.\n"
    )
    assert not missing.exists()


def test_directory_that_is_no_store_is_an_error_and_stays_empty(run: Run, tmp_path: Path) -> None:
    status, _, err = run("query", "--store", str(tmp_path), "ASK {}")
    assert status == 2
    assert f"'{tmp_path}' is a directory but not a graph store" in err
    assert list(tmp_path.iterdir()) == []


def test_query_without_prefix_lines_on_embedded_store(run: Run, tmp_path: Path) -> None:
    # Before: kg:met without PREFIX failed with a wall of parser character ranges.
    with Store.open(str(tmp_path / "kg")) as store:
        mini_store(store)
    query = (
        "SELECT ?name WHERE { ?m a kg:Meeting ; schema:location ?p . ?p rdfs:label ?name . "
        "FILTER(datatype(?name) = xsd:string) }"
    )
    status, out, err = run("query", "--store", str(tmp_path / "kg"), "--format", "csv", query)
    assert (status, err) == (0, "")
    assert out.splitlines() == ["name", "Ramallah"]


def test_rows_the_server_cut_are_shown_with_a_warning(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    directory = tmp_path / "kg"
    with Store.open(str(directory)) as store:
        mini_store(store)
    env = {**os.environ, "NEWSKG_MAX_ROWS": "1"}
    with serving(env, start=partial(start_kg_serve, directory)) as (url, _):
        status, out, err = run("query", "--store", str(directory), "--format", "csv", ALL)
        assert status == 0
        assert len(out.splitlines()) == 1 + 1
        assert err == f"kg: warning: {CUT.format(server=url + '/sparql')}\n"
        # A view built from cut rows would be wrong: refused.
        status, out, err = run("export", "--store", str(directory), "--view", "meetings")
        assert (status, out) == (2, "")
        assert "cut the results at its row limit" in err
