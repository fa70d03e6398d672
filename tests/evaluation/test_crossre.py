"""The held-out party-tie check on CrossRE: reading sentences, matching names, scoring ties."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kg.errors import EvalError
from kg.evaluation.crossre import Result, Sentence, as_text, read_crossre, score_sentence
from kg.types import Article, Entity, Evidence, Extraction, Fact, Predicate, Status
from tests.conftest import FIXTURES

MINI = FIXTURES / "crossre" / "mini.json"
# mini-1: Anna Berg leads the Harbour Party; Tomas Holm of the Forest Workers' Party (FWP)
# mini-2: Harbour Party deputy Maria Lund, against the Forest Workers' Party (opposite, no tie)
# mini-3: Carl Sand, critic of the Harbour Party (opposite), founded the River Alliance (a tie)


def _sentences() -> dict[str, Sentence]:
    return {s.id: s for s in read_crossre(MINI)}


def _fact(predicate: Predicate, person: str, party: str, status: Status = "asserted") -> Fact:
    evidence = (Evidence("s", 0, 1),)
    return Fact(predicate, person, "person", party, "party", evidence, 0.9, status=status)


def _score(sentence: Sentence, *facts: Fact, entities: tuple[Entity, ...] = ()) -> Result:
    result = Result()
    article = Article(sentence.id, sentence.text, source="crossre")
    score_sentence(Extraction(article, entities, facts), sentence, result)
    return result


def _counts(result: Result) -> tuple[int, int, int, int]:
    return result.score.tp, result.score.fp, result.score.fn, result.unannotated


def test_read_crossre_rebuilds_the_text_and_joins_named_mentions() -> None:
    first = _sentences()["mini-1"]
    assert first.text == (
        "Anna Berg, leader of the Harbour Party, met Tomas Holm of the Forest Workers' Party (FWP)."
    )
    assert [first.quote(p) for p in first.parties] == ["Harbour Party", "Forest Workers' Party"]
    assert first.parties[1] == ((14, 18), (19, 20))  # the party and its initials, one entity
    assert sorted(first.ties) == [(0, 0), (1, 1)]  # the tie to FWP is a tie to the party


def test_read_crossre_ties_a_person_either_way_and_not_by_opposition() -> None:
    sentences = _sentences()
    assert sentences["mini-2"].ties == {(0, 0)}  # Lund opposes the Forest Workers' Party
    assert sentences["mini-3"].ties == {(0, 1)}  # the River Alliance -> Sand, written "origin"
    assert [sentences["mini-3"].quote(p) for p in sentences["mini-3"].parties] == [
        "Harbour Party",
        "River Alliance",
    ]


def test_score_sentence_counts_a_pair_once_whether_member_or_leader_and_past() -> None:
    first = _sentences()["mini-1"]
    result = _score(
        first,
        _fact("leads", "Anna Berg", "Harbour Party", status="past"),
        _fact("member_of", "Anna Berg", "Harbour Party"),
        _fact("member_of", "Tomas Holm", "FWP"),
    )
    assert _counts(result) == (2, 0, 0, 0)


def test_score_sentence_opposition_is_a_false_positive_and_a_missed_tie_a_false_negative() -> None:
    second = _sentences()["mini-2"]
    result = _score(second, _fact("member_of", "Maria Lund", "Forest Workers' Party"))
    assert _counts(result) == (0, 1, 1, 0)
    text = "Harbour Party deputy Maria Lund campaigned against the Forest Workers' Party."
    assert as_text(result, errors=True).splitlines()[-2:] == [
        f"FP mini-2: Maria Lund — Forest Workers' Party | {text}",
        f"FN mini-2: Maria Lund — Harbour Party | {text}",
    ]


def test_score_sentence_matches_a_party_by_the_alias_the_text_writes() -> None:
    second = _sentences()["mini-2"]
    party = Entity("Harbour Workers Party", "party", aliases=("Harbour Party",))
    fact = _fact("member_of", "Maria Lund", "Harbour Workers Party")
    assert _counts(_score(second, fact, entities=(party,))) == (1, 0, 0, 0)


@pytest.mark.parametrize(
    "fact",
    [
        pytest.param(_fact("member_of", "Anna Berg", "Labour"), id="party-not-in-the-text"),
        pytest.param(_fact("member_of", "Olof Lind", "Harbour Party"), id="person-not-annotated"),
    ],
)
def test_score_sentence_leaves_unannotated_names_out_of_the_score(fact: Fact) -> None:
    assert _counts(_score(_sentences()["mini-1"], fact)) == (0, 0, 2, 1)


@pytest.mark.parametrize(
    "fact",
    [
        pytest.param(_fact("member_of", "Anna Berg", "Harbour Party", "planned"), id="planned"),
        pytest.param(_fact("member_of", "Anna Berg", "Harbour Party", "negated"), id="negated"),
        pytest.param(_fact("works_for", "Anna Berg", "Harbour Party"), id="works-for"),
    ],
)
def test_score_sentence_counts_only_held_party_ties(fact: Fact) -> None:
    assert _counts(_score(_sentences()["mini-1"], fact)) == (0, 0, 2, 0)


@pytest.mark.parametrize(
    "content,message",
    [
        pytest.param("{not json\n", "line 1: not JSON", id="not-json"),
        pytest.param('{"sentence": ["A"]}\n', "line 1: not in the CrossRE format", id="no-ner"),
        pytest.param(
            '{"sentence": ["A"], "ner": [[0, 3, "person"]], "relations": []}\n',
            "line 1: not in the CrossRE format",
            id="span-out-of-range",
        ),
        pytest.param("\n", "holds no sentences", id="empty"),
    ],
)
def test_read_crossre_rejects_a_bad_file(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(EvalError, match=message):
        read_crossre(path)


def test_cli_eval_crossre_prints_scores_and_errors(run) -> None:
    status, out, err = run("eval", "--crossre", str(MINI), "--errors")
    assert status == 0, err
    lines = out.splitlines()
    assert lines[0] == f"3 CrossRE sentences in {MINI}; 4 gold ties of a person to a party"
    assert lines[2].split() == ["party", "tie", "1.00", "0.75", "0.86", "3", "0", "1"]
    assert lines[3] == "ties to a name the annotation does not mark (not scored): 0"
    assert lines[4].split(" | ")[0] == "FN mini-3: Carl Sand — River Alliance"


def test_cli_eval_crossre_json(run) -> None:
    status, out, _ = run("eval", "--crossre", str(MINI), "--format", "json")
    assert status == 0
    result = json.loads(out)
    assert (result["party_tie"]["tp"], result["party_tie"]["fn"], result["gold_ties"]) == (3, 1, 4)


def test_cli_eval_crossre_refuses_splits(run) -> None:
    status, _, err = run("eval", "--crossre", str(MINI), "--split", "work")
    assert status == 2
    assert "kg eval --crossre reads no splits file" in err
