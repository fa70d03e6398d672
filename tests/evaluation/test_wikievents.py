"""The held-out meeting check on WikiEvents: reading documents, matching names, scoring met."""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

import pytest

from kg.errors import EvalError
from kg.evaluation.wikievents import (
    Document,
    EntityMatcher,
    Result,
    error_lines,
    gold_pairs,
    read_wikievents,
    score_document,
)
from kg.types import Evidence, Extraction, Fact, Status
from tests.conftest import FIXTURES

MINI = FIXTURES / "wikievents" / "mini.jsonl"
WIRE = "wire_EN_NW_2021.03.08.1"  # Berg met Holm; Holm met Peter Sand; Berg interviewed Lund
TALKS = "talks_2"  # Berg and Holm's joint news conference; Berg will meet Lund
BROADCAST = "Contact.Contact.Broadcast"


def _documents(path: Path = MINI) -> dict[str, Document]:
    documents, _ = read_wikievents(path)
    return {d.id: d for d in documents}


def _met(a: str, b: str, sentence: str = "s", status: Status = "asserted") -> Fact:
    evidence = (Evidence(sentence, 0, len(sentence)),)
    return Fact("met", a, "person", b, "person", evidence, 0.9, status=status)


def _score(doc: Document, *facts: Fact) -> Result:
    result = Result()
    score_document(Extraction(doc.article(), facts=facts), doc, result)
    return result


def _named_pairs(doc: Document) -> set[tuple[str, ...]]:
    return {tuple(sorted(doc.name(e) for e in pair)) for pair in gold_pairs(doc)}


def test_read_wikievents_rebuilds_the_text_with_its_headline_as_title() -> None:
    wire = _documents()[WIRE]
    assert wire.title == "Nordic ministers meet in Geneva"
    assert wire.text.startswith("Foreign Minister Anna Berg met Prime Minister Tomas Holm in")
    assert "on Monday. Holm also met the banker Peter Sand. Berg later" in wire.text


def test_read_wikievents_takes_the_published_date_from_the_doc_id() -> None:
    documents = _documents()
    assert documents[WIRE].published == date(2021, 3, 8)
    assert documents[TALKS].published is None


def test_gold_pairs_join_mentions_by_coreference() -> None:
    # "Berg" in the last sentence is Anna Berg's mention by the coreference clusters.
    assert _named_pairs(_documents()[WIRE]) == {
        ("Anna Berg", "Tomas Holm"),
        ("Anna Berg", "Maria Lund"),
    }


def test_gold_pairs_leave_out_non_meeting_contact_events() -> None:
    assert _named_pairs(_documents()[TALKS]) == set()


def test_read_wikievents_without_coref_file_keeps_mentions_apart(tmp_path: Path) -> None:
    shutil.copy(MINI, tmp_path / "mini.jsonl")
    documents, coref = read_wikievents(tmp_path / "mini.jsonl")
    wire = {d.id: d for d in documents}[WIRE]
    assert coref is None
    assert _named_pairs(wire) == {("Anna Berg", "Tomas Holm"), ("Berg", "Maria Lund")}


@pytest.mark.parametrize(
    "name,expected",
    [
        pytest.param("Anna Berg", {"Anna Berg"}, id="full-name"),
        pytest.param("Berg", {"Anna Berg"}, id="a-mention"),
        pytest.param("Ms Lund", {"Maria Lund"}, id="honorific-and-surname"),
        pytest.param("Carl Lund", {"Maria Lund"}, id="surname-unique-in-document"),
        pytest.param("Peter Sand", set(), id="not-annotated"),
        pytest.param("Geneva", {"Geneva"}, id="annotated-non-person"),
    ],
)
def test_entity_matcher_maps_our_names(name: str, expected: set[str]) -> None:
    wire = _documents()[WIRE]
    assert {wire.name(e) for e in EntityMatcher(wire).match(name)} == expected


def test_entity_matcher_leaves_a_shared_surname_unmatched() -> None:
    doc = Document(
        "d",
        None,
        "Anna Berg and Olof Berg spoke.",
        None,
        ("Anna Berg and Olof Berg spoke.",),
        {"T1": ("Anna Berg", "PER"), "T2": ("Olof Berg", "PER")},
        {"T1": "T1", "T2": "T2"},
        (),
    )
    assert EntityMatcher(doc).match("Mr Berg") == frozenset()


def test_score_document_meeting_pair_is_a_true_positive_once() -> None:
    wire = _documents()[WIRE]
    result = _score(wire, _met("Anna Berg", "Tomas Holm"), _met("Berg", "Holm"))
    assert (result.score.tp, result.score.fp, result.score.fn) == (1, 0, 1)
    assert error_lines(result) == [
        f"FN met {WIRE}: Anna Berg — Maria Lund | Berg later interviewed Maria Lund for the report."
    ]


def test_score_document_annotated_pair_no_meeting_joins_is_a_false_positive() -> None:
    wire = _documents()[WIRE]
    result = _score(wire, _met("Maria Lund", "Tomas Holm", "Lund and Holm met."))
    assert result.score.fp == 1 and result.known == 0
    assert error_lines(result)[0] == f"FP met {WIRE}: Maria Lund — Tomas Holm | Lund and Holm met."


def test_score_document_flags_a_false_positive_a_broadcast_explains() -> None:
    talks = _documents()[TALKS]
    sentence = "Anna Berg held a joint news conference with Tomas Holm in Oslo."
    result = _score(talks, _met("Anna Berg", "Tomas Holm", sentence))
    assert (result.score.fp, result.known) == (1, 1)
    assert error_lines(result) == [
        f"FP met {TALKS}: Anna Berg — Tomas Holm (a {BROADCAST} event, not a meeting) | {sentence}"
    ]


def test_score_document_leaves_unannotated_names_out_of_the_score() -> None:
    wire = _documents()[WIRE]
    result = _score(wire, _met("Peter Sand", "Tomas Holm", "Holm also met the banker Peter Sand."))
    assert (result.score.fp, result.unannotated) == (0, 1)
    assert error_lines(result)[-1] == (
        f"unannotated met {WIRE}: Peter Sand — Tomas Holm (not scored: Peter Sand not annotated)"
        " | Holm also met the banker Peter Sand."
    )


def test_score_document_planned_meeting_is_not_met() -> None:
    wire = _documents()[WIRE]
    result = _score(wire, _met("Anna Berg", "Tomas Holm", status="planned"))
    assert (result.score.tp, result.score.fn, result.other_status) == (0, 2, 1)


@pytest.mark.parametrize(
    "content,message",
    [
        pytest.param("{not json", "line 1: not JSON", id="not-json"),
        pytest.param('{"doc_id": "d"}', "line 1: not in the WikiEvents format", id="no-text"),
        pytest.param("[1, 2]\n", "line 1: not a JSON object", id="array"),
        pytest.param("\n", "holds no documents", id="empty"),
    ],
)
def test_read_wikievents_rejects_a_bad_file(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(EvalError, match=message):
        read_wikievents(path)


def test_read_wikievents_rejects_an_argument_naming_no_mention(tmp_path: Path) -> None:
    record = json.loads(MINI.read_text(encoding="utf-8").splitlines()[1])
    record["event_mentions"][0]["arguments"][0]["entity_id"] = "talks_2-T99"
    (tmp_path / "bad.jsonl").write_text(json.dumps(record), encoding="utf-8")
    with pytest.raises(EvalError, match="talks_2-T99"):
        read_wikievents(tmp_path / "bad.jsonl")


def test_cli_eval_wikievents_prints_scores_and_errors(run) -> None:
    status, out, err = run("eval", "--wikievents", str(MINI), "--errors")
    assert status == 0, err
    lines = out.splitlines()
    assert lines[0].startswith(f"2 WikiEvents documents in {MINI} (coreference from ")
    assert lines[0].endswith("2 meeting events, 2 gold pairs of persons")
    assert lines[2].split() == ["met", "0.50", "0.50", "0.50", "1", "1", "1"]
    assert lines[3:6] == [
        "met facts between names the annotation does not mark (not scored): 1",
        "false positives a non-meeting Contact event pairs: 1",
        "planned, negated or reported met facts (left out of met): 1",
    ]
    assert [line.split(" | ")[0] for line in lines[6:]] == [
        f"FP met {TALKS}: Anna Berg — Tomas Holm (a {BROADCAST} event, not a meeting)",
        f"FN met {WIRE}: Anna Berg — Maria Lund",
        f"unannotated met {WIRE}: Peter Sand — Tomas Holm (not scored: Peter Sand not annotated)",
    ]


def test_cli_eval_wikievents_json(run) -> None:
    status, out, _ = run("eval", "--wikievents", str(MINI), "--format", "json")
    assert status == 0
    result = json.loads(out)
    assert (result["met"]["tp"], result["met"]["fp"], result["met"]["fn"]) == (1, 1, 1)
    assert result["gold_pairs"] == 2
    assert (result["unannotated"], result["known_false_positives"]) == (1, 1)


def test_cli_eval_wikievents_bad_file_is_one_line_and_exit_2(run, tmp_path: Path) -> None:
    bad = tmp_path / "dev.jsonl"
    bad.write_text("{not json\n", encoding="utf-8")
    status, out, err = run("eval", "--wikievents", str(bad))
    assert status == 2 and out == ""
    assert err.splitlines() == [
        f"kg: error: WikiEvents file '{bad}', line 1: not JSON "
        "(Expecting property name enclosed in double quotes: line 1 column 2 (char 1))."
    ]


def test_cli_eval_wikievents_refuses_gold_folders_too(run) -> None:
    status, _, err = run("eval", "gold", "articles", "--wikievents", str(MINI))
    assert status == 2
    assert "takes no GOLD_DIR or ARTICLES_DIR" in err


def test_cli_eval_wikievents_markdown_says_what_was_scored(run) -> None:
    status, out, _ = run("eval", "--wikievents", str(MINI), "--format", "markdown")
    assert status == 0
    assert "| met | 0.50 | 0.50 | 0.50 | 1 | 1 | 1 |" in out.splitlines()
    assert "- 2 meeting events, 2 gold pairs of persons" in out.splitlines()


def test_cli_eval_wikievents_and_conll04_together_is_refused(run) -> None:
    status, _, err = run("eval", "--wikievents", str(MINI), "--conll04", "x.json")
    assert status == 2
    assert "takes one of --conll04, --wikievents; run it once for each" in err
