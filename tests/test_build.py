"""Corpus builds: resuming after an interruption, idempotent rebuilds, spaCy processes, Dask."""

from __future__ import annotations

import json
import os
import pickle
import signal
import subprocess
import sys
import time
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest
from rdflib import Dataset, Graph
from rdflib.compare import isomorphic
from spacy.language import Language

from kg.build import build
from kg.errors import StoreError
from kg.extractors import local
from kg.settings import DEFAULT_BASE_IRI
from kg.sources import count_articles, read_articles
from kg.store import MEMORY, Store
from kg.types import Article, Extraction, Failure

TEXTS = [
    (
        "2005-03-01",
        "Tony Blair met Gordon Brown at Chequers on Monday. The Tories called the talks a stunt.",
    ),
    ("2005-03-02", "Jacques Chirac met Gerhard Schroeder in Paris to discuss the EU budget."),
    ("2005-03-03", "Prime Minister Tony Blair visited Glasgow on Tuesday."),
    (
        "2005-03-04",
        "Mr Blair met Gordon Brown again to discuss the election. Michael Howard, leader of "
        "the Conservative party, criticised the talks.",
    ),
    ("2005-03-05", "Charles Kennedy, the Liberal Democrat leader, met Mr Chirac in Paris."),
]
"""Five short articles; the fourth and fifth name people by surname only, and the fourth reports
the meeting of the first again, so builds resolve across articles and batches."""

# rdflib's own N-Quads parser uses its deprecated Dataset.default_context.
pytestmark = pytest.mark.filterwarnings("ignore:Dataset.default_context:DeprecationWarning")


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """A folder of five small articles, one .txt file each."""
    folder = tmp_path / "articles"
    folder.mkdir()
    for n, (day, text) in enumerate(TEXTS):
        (folder / f"{n}.txt").write_text(f"date {day}\n{text}\n", encoding="utf-8")
    return folder


def _one_shot(nlp: Language, paths: list[Path]) -> Store:
    store = Store.open(MEMORY)
    build(read_articles(paths), store, nlp, DEFAULT_BASE_IRI, batch_size=2)
    return store


def _graphs(store: Store) -> dict[str, Graph]:
    """Each named graph of the store, read back from its N-Quads export."""
    dataset = Dataset()
    dataset.parse(data=store.export("nquads"), format="nquads")
    return {str(g.identifier): g for g in dataset.graphs() if len(g)}


def _assert_same_graphs(store: Store, expected: Store) -> None:
    got, want = _graphs(store), _graphs(expected)
    assert sorted(got) == sorted(want)
    for iri, graph in got.items():
        assert isomorphic(graph, want[iri]), iri
    assert store.count() == expected.count()


def test_build_interrupted_after_a_batch_keeps_it_and_rerun_finishes(
    nlp: Language, corpus: Path, tmp_path: Path
) -> None:
    seen: list[Extraction] = []

    def interrupt_in_second_batch(extraction: Extraction) -> None:
        seen.append(extraction)
        if len(seen) == 3:
            raise KeyboardInterrupt

    location = str(tmp_path / "kg")
    with Store.open(location) as store, pytest.raises(KeyboardInterrupt):
        build(
            read_articles([corpus]),
            store,
            nlp,
            DEFAULT_BASE_IRI,
            batch_size=2,
            on_article=interrupt_in_second_batch,
            skip_existing=True,
        )
    expected = _one_shot(nlp, [corpus])
    want = _graphs(expected)
    with Store.open(location) as store:  # as a new process would find it
        committed = _graphs(store)
        assert len(committed) == 2
        for iri, graph in committed.items():
            assert isomorphic(graph, want[iri]), iri

        summary = build(
            read_articles([corpus]), store, nlp, DEFAULT_BASE_IRI, batch_size=2, skip_existing=True
        )
        assert (summary.articles, summary.skipped) == (3, 2)
        _assert_same_graphs(store, expected)


def test_build_rerun_skips_what_is_built_and_completes_the_rest(
    nlp: Language, corpus: Path
) -> None:
    store = Store.open(MEMORY)
    first = sorted(corpus.iterdir())[:2]
    build(read_articles(first), store, nlp, DEFAULT_BASE_IRI, batch_size=2)
    summary = build(
        read_articles([corpus]), store, nlp, DEFAULT_BASE_IRI, batch_size=2, skip_existing=True
    )
    assert (summary.articles, summary.skipped) == (3, 2)
    _assert_same_graphs(store, _one_shot(nlp, [corpus]))


def test_build_force_replaces_every_graph_without_duplicates(nlp: Language, corpus: Path) -> None:
    store = _one_shot(nlp, [corpus])
    summary = build(read_articles([corpus]), store, nlp, DEFAULT_BASE_IRI, batch_size=2)
    assert (summary.articles, summary.skipped) == (5, 0)
    _assert_same_graphs(store, _one_shot(nlp, [corpus]))


def test_build_failed_extraction_is_reported_and_the_rest_written(
    nlp: Language, corpus: Path
) -> None:
    def failing_second(articles: Iterable[Article]) -> Iterator[Extraction | Failure]:
        for n, item in enumerate(local(nlp)(articles)):
            yield Failure(item.article.id, "x.txt", "ValueError: boom") if n == 1 else item  # type: ignore[union-attr]

    store = Store.open(MEMORY)
    summary = build(
        read_articles([corpus]), store, None, DEFAULT_BASE_IRI, extractor=failing_second
    )
    assert summary.articles == 4
    assert summary.failures[0].reason == "ValueError: boom"
    assert len(store.graphs()) == 4


def test_extractions_pickle_for_workers(nlp: Language, corpus: Path) -> None:
    extractions = list(local(nlp)(read_articles([corpus])))
    assert any(isinstance(e, Extraction) and e.facts for e in extractions)
    assert pickle.loads(pickle.dumps(extractions)) == extractions


def test_count_articles_counts_files_and_json_lines(corpus: Path, tmp_path: Path) -> None:
    lines = tmp_path / "more.jsonl"
    lines.write_text('{"text": "a"}\n\n{"text": "b"}\n', encoding="utf-8")
    assert count_articles([corpus, lines]) == 7
    (tmp_path / "one.json").write_text('{"text": "c"}', encoding="utf-8")
    assert count_articles([corpus, tmp_path / "one.json"]) is None


# The command


def test_cli_build_skips_built_articles_unless_force(run, corpus: Path, tmp_path: Path) -> None:
    store = str(tmp_path / "kg")
    status, _, err = run("build", str(corpus), "--store", store, "--batch-size", "2")
    assert status == 0, err
    assert "built 5 articles" in err and "skipped" not in err
    status, _, err = run("build", str(corpus), "--store", store)
    assert status == 0
    assert "built 0 articles" in err
    assert "5 articles already in the store skipped (--force rebuilds them)" in err
    status, _, err = run("build", str(corpus), "--store", store, "--force")
    assert "built 5 articles" in err and "(5 graphs in store)" in err


def test_cli_build_processes_gives_the_same_graph(
    run, nlp: Language, corpus: Path, tmp_path: Path
) -> None:
    store = str(tmp_path / "kg")
    status, _, err = run("build", str(corpus), "--store", store, "--processes", "2")
    assert status == 0, err
    with Store.open(store) as built:
        _assert_same_graphs(built, _one_shot(nlp, [corpus]))


def test_cli_build_bad_option_values_are_one_line_errors(run, corpus: Path) -> None:
    with pytest.raises(SystemExit):
        run("build", str(corpus), "--processes", "0")
    with pytest.raises(SystemExit):
        run("build", str(corpus), "--processes", "2", "--dask-local", "1")


def test_cli_build_dask_without_dask_says_what_to_install(
    run, corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)  # import fails as if not installed
    status, _, err = run("build", str(corpus), "--store", str(tmp_path / "kg"), "--dask-local", "1")
    assert status == 2
    assert "pip install 'newskg[distributed]'" in err and len(err.strip().splitlines()) == 1


def test_cli_build_on_a_dask_cluster_gives_the_same_graph(
    run, nlp: Language, corpus: Path, tmp_path: Path
) -> None:
    distributed = pytest.importorskip("distributed")
    store = str(tmp_path / "kg")
    with (
        distributed.LocalCluster(
            n_workers=1, threads_per_worker=1, processes=False, dashboard_address=None
        ) as cluster,
    ):
        status, _, err = run(
            "build",
            str(corpus),
            "--store",
            store,
            "--batch-size",
            "2",
            "--scheduler",
            cluster.scheduler_address,
        )
    assert status == 0, err
    assert "built 5 articles" in err
    with Store.open(store) as built:
        _assert_same_graphs(built, _one_shot(nlp, [corpus]))


@pytest.mark.parametrize(
    "more",
    [
        pytest.param(0, id="waiting-for-input"),
        pytest.param(3, id="while-building-the-next-batch"),
    ],
)
def test_cli_build_killed_after_a_batch_keeps_it_and_rerun_finishes(
    nlp: Language, tmp_path: Path, more: int
) -> None:
    """A real `kg build` reads a pipe: once its first batch is in the store it waits for more
    input, or is given `more` articles, and is killed there (SIGKILL, no clean-up) while it
    extracts and writes them; the store holds whole batches only, each graph as a one-shot
    build makes it, and a rerun over the file builds the rest."""
    feed = tmp_path / "articles.jsonl"
    os.mkfifo(feed)
    records = [json.dumps({"text": text, "published": day}) + "\n" for day, text in TEXTS]
    location = str(tmp_path / "kg")
    process = subprocess.Popen(
        [sys.executable, "-m", "kg.cli", "build", str(feed), "--store", location]
        + ["--batch-size", "2"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    writer = None
    try:
        deadline = time.monotonic() + 90
        while writer is None:  # the reader opens the pipe once spaCy is loaded
            assert process.poll() is None and time.monotonic() < deadline
            try:
                writer = os.open(feed, os.O_WRONLY | os.O_NONBLOCK)
            except OSError:
                time.sleep(0.1)
        os.write(writer, "".join(records[:2]).encode("utf-8"))
        while True:
            assert process.poll() is None and time.monotonic() < deadline
            try:
                if len(Store.open_read_only(location).graphs()) == 2:
                    break
            except StoreError:
                pass
            time.sleep(0.1)
        if more:
            os.write(writer, "".join(records[2 : 2 + more]).encode("utf-8"))
            time.sleep(0.1)  # into extracting and writing them (any moment will do)
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
        if writer is not None:
            os.close(writer)
    feed.unlink()
    feed.write_text("".join(records), encoding="utf-8")

    expected = _one_shot(nlp, [feed])
    want = _graphs(expected)
    with Store.open(location) as store:
        committed = _graphs(store)
        assert len(committed) in ((2, 4) if more else (2,))  # whole batches of two
        for iri, graph in committed.items():
            assert isomorphic(graph, want[iri]), iri
        summary = build(
            read_articles([feed]), store, nlp, DEFAULT_BASE_IRI, batch_size=2, skip_existing=True
        )
        assert (summary.articles, summary.skipped) == (5 - len(committed), len(committed))
        _assert_same_graphs(store, expected)
