"""Scoring one split of a gold folder (`kg eval --split`, `--compare-splits`) and its refusals."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from kg.errors import EvalError
from kg.evaluation.gold import RELATIONS, find_gold
from kg.evaluation.scores import Score
from kg.evaluation.splits import (
    compare_markdown,
    default_splits_path,
    in_split,
    read_splits,
    refuse_errors_on_check,
    select,
)
from tests.conftest import FIXTURES

SPLITS = FIXTURES / "splits"
GOLD, ARTICLES, SPLITS_FILE = SPLITS / "gold", SPLITS / "articles", SPLITS / "splits.json"


def _stems(golds: list) -> list[str]:
    return [g.path.stem for g in golds]


def test_splits_file_is_next_to_the_gold_folder_by_default() -> None:
    assert default_splits_path(GOLD) == SPLITS_FILE


def test_read_splits_keeps_the_lists_and_skips_the_note() -> None:
    assert read_splits(SPLITS_FILE) == {"work": {"w1", "w2"}, "check": {"c1"}}


def test_select_gives_each_split_its_gold_files() -> None:
    chosen = select(find_gold(GOLD, ARTICLES), SPLITS_FILE, ["work", "check"])
    assert {name: _stems(golds) for name, golds in chosen.items()} == {
        "work": ["w1", "w2"],
        "check": ["c1"],
    }


def test_in_split_unknown_name_lists_the_names() -> None:
    golds = find_gold(GOLD, ARTICLES)
    with pytest.raises(EvalError, match=r"No split 'dev' in .*; it has: check, work\."):
        in_split(golds, read_splits(SPLITS_FILE), "dev", SPLITS_FILE)


def test_in_split_stem_without_gold_file_is_named(tmp_path: Path) -> None:
    path = tmp_path / "splits.json"
    path.write_text(json.dumps({"work": ["w1", "w9"]}), encoding="utf-8")
    with pytest.raises(EvalError, match="lists w9, with no gold file"):
        select(find_gold(GOLD, ARTICLES), path, ["work"])


@pytest.mark.parametrize(
    ("content", "message"),
    [
        pytest.param(None, "No splits file at", id="missing"),
        pytest.param("{not json", "is not readable JSON", id="not-json"),
        pytest.param('{"note": "no lists"}', "names no split", id="no-split"),
    ],
)
def test_read_splits_bad_file_says_what_to_do(
    tmp_path: Path, content: str | None, message: str
) -> None:
    path = tmp_path / "splits.json"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(EvalError, match=message):
        read_splits(path)


def test_errors_are_refused_on_the_check_split() -> None:
    refuse_errors_on_check(["work"])
    with pytest.raises(EvalError, match="work split only"):
        refuse_errors_on_check(["work", "check"])


def test_compare_markdown_puts_two_splits_side_by_side_with_the_gap() -> None:
    work = {r: Score(tp=1) for r in RELATIONS}
    check = {r: Score(tp=1) for r in RELATIONS} | {"met": Score(tp=1, fn=1)}
    table = compare_markdown({"work": work, "check": check}, {"work": 2, "check": 1})
    lines = table.splitlines()
    assert lines[0] == (
        "| relation | work (2) P / R / F1 | check (1) P / R / F1 | gap (work F1 − check F1) |"
    )
    assert lines[2] == "| met | 1.00 / 1.00 / 1.00 | 1.00 / 0.50 / 0.67 | +0.33 |"
    assert len(lines) == 2 + len(RELATIONS)


# kg eval


def test_cli_eval_split_scores_only_its_gold_files(run) -> None:
    status, out, _ = run("eval", str(GOLD), str(ARTICLES), "--split", "check", "--format", "json")
    scores = json.loads(out)
    assert status == 0
    assert scores["met"]["tp"] == 1  # c1 only; w1 and w2 have a meeting each
    assert (scores["holds_position"]["tp"], scores["holds_position"]["fn"]) == (1, 1)


def test_cli_eval_split_table_names_the_split(run) -> None:
    status, out, _ = run("eval", str(GOLD), str(ARTICLES), "--split", "work")
    assert status == 0
    assert out.startswith(f"2 gold articles in {GOLD} (split 'work' of {SPLITS_FILE})")


def test_cli_eval_split_markdown(run) -> None:
    status, out, _ = run(
        "eval", str(GOLD), str(ARTICLES), "--split", "work", "--format", "markdown"
    )
    assert status == 0
    assert out.splitlines()[0] == "| relation | P | R | F1 | TP | FP | FN |"
    assert "| met | 1.00 | 1.00 | 1.00 | 2 | 0 | 0 |" in out


def test_cli_eval_splits_file_elsewhere(run, tmp_path: Path) -> None:
    path = tmp_path / "mine.json"
    path.write_text(json.dumps({"one": ["w2"]}), encoding="utf-8")
    args = ("eval", str(GOLD), str(ARTICLES), "--split", "one", "--splits", str(path))
    status, out, _ = run(*args, "--format", "json")
    assert status == 0
    assert json.loads(out)["leads"]["tp"] == 1 and json.loads(out)["met"]["tp"] == 1


def test_cli_eval_work_split_lists_its_errors(run, tmp_path: Path) -> None:
    shutil.copytree(SPLITS, tmp_path / "data")
    gold = tmp_path / "data" / "gold"
    (tmp_path / "data" / "splits.json").write_text('{"work": ["c1"]}', encoding="utf-8")
    status, out, _ = run(
        "eval", str(gold), str(tmp_path / "data" / "articles"), "--split", "work", "--errors"
    )
    assert status == 0
    assert "FN holds_position c1.txt: John Prescott — Deputy Prime Minister" in out


def test_cli_eval_compare_splits_prints_one_table(run) -> None:
    status, out, _ = run("eval", str(GOLD), str(ARTICLES), "--compare-splits", "work,check")
    assert status == 0
    assert out.splitlines()[0].startswith("| relation | work (2) P / R / F1 | check (1) P / R / F1")
    assert "| holds_position | 1.00 / 1.00 / 1.00 | 1.00 / 0.50 / 0.67 | +0.33 |" in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        pytest.param(
            ("--split", "dev"), "No split 'dev' in .*; it has: check, work", id="unknown-split"
        ),
        pytest.param(("--split", "check", "--errors"), "work split only", id="errors-on-check"),
        pytest.param(
            ("--compare-splits", "work,check", "--errors"), "work split only", id="errors-compare"
        ),
        pytest.param(
            ("--split", "work", "--compare-splits", "work,check"),
            "not both",
            id="split-and-compare",
        ),
        pytest.param(("--splits", "x.json"), "give one of them", id="splits-alone"),
    ],
)
def test_cli_eval_split_refusals_say_what_to_do(run, args: tuple[str, ...], message: str) -> None:
    status, out, err = run("eval", str(GOLD), str(ARTICLES), *args)
    assert status == 2 and out == ""
    assert err.startswith("kg: error:")
    assert re.search(message, err)


def test_cli_eval_split_is_refused_with_a_benchmark(run) -> None:
    status, _, err = run("eval", "--conll04", "x.json", "--split", "work")
    assert status == 2
    assert "reads no splits file" in err


def test_cli_eval_compare_splits_takes_two_names(run, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        run("eval", str(GOLD), str(ARTICLES), "--compare-splits", "work")
    assert "'work' is not two split names; write them like work,check." in capsys.readouterr().err
