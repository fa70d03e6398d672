"""Scoring extractions against hand-written gold files."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from kg.errors import EvalError
from kg.evaluation.gold import RELATIONS, NameMatcher, find_gold, score_article
from kg.evaluation.scores import Score
from kg.types import Article, Entity, Evidence, Extraction, Fact

GOLD: dict[str, Any] = {
    "article": "politics/001.txt",
    "persons": ["Tony Blair", "Michael Howard", "Ed Miliband", "David Miliband", "Hutton"],
    "person_aliases": {"Mr Blair": "Tony Blair", "the prime minister": "Tony Blair"},
    "org_aliases": {"Tories": "Conservatives", "Tory": "Conservatives"},
    "met": [["Tony Blair", "Michael Howard"]],
    "planned_met": [["Tony Blair", "Ed Miliband"]],
    "ignore_met": [["Michael Howard", "Ed Miliband"]],
    "leads": [["Michael Howard", "Conservatives"]],
    "member_of": [],
    "positions": [["Michael Howard", "Tory leader"], ["Tony Blair", "Prime Minister"]],
    "visited": [],
}
SENTENCE = "Blair met Howard on Tuesday."


def _fact(
    predicate: str, subject: str, obj: str, status: str = "asserted", sentence: str = SENTENCE
) -> Fact:
    object_type = "post" if predicate == "holds_position" else "person"
    if predicate in ("leads", "member_of"):
        object_type = "party"
    return Fact(
        predicate,  # type: ignore[arg-type]
        subject,
        "person",
        obj,
        object_type,  # type: ignore[arg-type]
        (Evidence(sentence, 0, len(sentence)),),
        0.9,
        status=status,  # type: ignore[arg-type]
    )


def _score(*facts: Fact, gold: dict[str, Any] = GOLD) -> dict[str, Score]:
    extraction = Extraction(
        Article("001", SENTENCE),
        (Entity("Tony Blair", "person"), Entity("Michael Howard", "person")),
        facts,
    )
    scores = {relation: Score() for relation in RELATIONS}
    score_article(extraction, gold, scores, "001.txt")
    return scores


def _counts(score: Score) -> tuple[int, int, int]:
    return score.tp, score.fp, score.fn


# NameMatcher


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        pytest.param("Tony Blair", "Tony Blair", id="canonical"),
        pytest.param("TONY  BLAIR", "Tony Blair", id="canonical-case-and-space"),
        pytest.param("Mr Blair", "Tony Blair", id="alias"),
        pytest.param("The Prime Minister", "Tony Blair", id="alias-case-insensitive"),
        pytest.param("Howard", "Michael Howard", id="unique-surname"),
        pytest.param("Hutton", "Hutton", id="single-name-person"),
        pytest.param("Miliband", "Miliband", id="ambiguous-surname-not-mapped"),
        pytest.param("Gordon Brown", "Gordon Brown", id="unknown-kept"),
        pytest.param("", "", id="empty"),
        pytest.param(
            "Cherie Blair",
            "Cherie Blair",
            id="other-first-name-not-mapped",
        ),
    ],
)
def test_name_matcher_person(name: str, expected: str) -> None:
    assert NameMatcher(GOLD).person(name) == expected


@pytest.mark.parametrize(
    ("name", "same_as"),
    [
        pytest.param("Tories", "Conservatives", id="alias"),
        pytest.param("Tory party", "Conservatives", id="alias-trailing-party"),
        pytest.param("Conservatives party", "Conservatives", id="canonical-trailing-party"),
        pytest.param("Labour Party", "Labour", id="trailing-party-any-case"),
        pytest.param("labour", "Labour", id="case-insensitive"),
    ],
)
def test_name_matcher_org_same(name: str, same_as: str) -> None:
    matcher = NameMatcher(GOLD)
    assert matcher.org(name) == matcher.org(same_as)


def test_name_matcher_org_different() -> None:
    matcher = NameMatcher(GOLD)
    assert matcher.org("Labour") != matcher.org("Conservatives")


# score_article: met


@pytest.mark.parametrize(
    ("subject", "obj", "expected"),
    [
        pytest.param("Michael Howard", "Tony Blair", (1, 0, 0), id="gold-pair-tp"),
        pytest.param("Tony Blair", "Michael Howard", (1, 0, 0), id="gold-pair-reversed-tp"),
        pytest.param("Howard", "Mr Blair", (1, 0, 0), id="gold-pair-by-alias-and-surname"),
        pytest.param("Ed Miliband", "Michael Howard", (0, 0, 1), id="ignored-pair-neither"),
        pytest.param("Gordon Brown", "Tony Blair", (0, 1, 1), id="other-pair-fp"),
        pytest.param("Tony Blair", "Mr Blair", (0, 0, 1), id="self-pair-dropped"),
    ],
)
def test_score_article_met(subject: str, obj: str, expected: tuple[int, int, int]) -> None:
    scores = _score(_fact("met", subject, obj))
    assert _counts(scores["met"]) == expected


def test_score_article_met_fp_keeps_its_sentence() -> None:
    sentence = "Gordon Brown met Tony Blair for dinner."
    scores = _score(_fact("met", "Gordon Brown", "Tony Blair", sentence=sentence))
    assert scores["met"].false_positives == [("001.txt", ("Gordon Brown", "Tony Blair"), sentence)]


def test_score_article_met_fn_names_the_missed_pair() -> None:
    scores = _score()
    assert _counts(scores["met"]) == (0, 0, 1)
    assert scores["met"].false_negatives == [("001.txt", ("Michael Howard", "Tony Blair"))]


def test_score_article_met_same_pair_twice_counts_once() -> None:
    scores = _score(_fact("met", "Tony Blair", "Michael Howard"), _fact("met", "Blair", "Howard"))
    assert _counts(scores["met"]) == (1, 0, 0)


# score_article: planned and negated meetings


@pytest.mark.parametrize(
    ("fact", "met", "planned_met"),
    [
        pytest.param(
            _fact("met", "Tony Blair", "Ed Miliband", status="planned"),
            (0, 0, 1),
            (1, 0, 0),
            id="planned-in-gold-planned",
        ),
        pytest.param(
            _fact("met", "Tony Blair", "Michael Howard", status="planned"),
            (0, 0, 1),
            (0, 1, 1),
            id="planned-of-a-gold-met-is-not-met",
        ),
        pytest.param(
            _fact("met", "Michael Howard", "Ed Miliband", status="planned"),
            (0, 0, 1),
            (0, 1, 1),
            id="ignore-met-does-not-cover-planned",
        ),
        pytest.param(
            _fact("met", "Tony Blair", "Ed Miliband"),
            (0, 1, 1),
            (0, 0, 1),
            id="asserted-of-a-gold-planned-is-fp",
        ),
        pytest.param(
            _fact("met", "Tony Blair", "Michael Howard", status="negated"),
            (0, 0, 1),
            (0, 0, 1),
            id="negated-counts-nowhere",
        ),
    ],
)
def test_score_article_planned_met(
    fact: Fact, met: tuple[int, int, int], planned_met: tuple[int, int, int]
) -> None:
    scores = _score(fact)
    assert _counts(scores["met"]) == met
    assert _counts(scores["planned_met"]) == planned_met


# score_article: posts and affiliations


@pytest.mark.parametrize(
    ("person", "title", "expected"),
    [
        pytest.param("Tony Blair", "Prime Minister", (1, 0, 1), id="exact"),
        pytest.param("Tony Blair", "British Prime Minister", (1, 0, 1), id="national-adjective"),
        pytest.param("Tony Blair", "former Prime Minister", (1, 0, 1), id="former"),
        pytest.param("Mr Blair", "prime minister", (1, 0, 1), id="alias-and-case"),
        pytest.param("Howard", "leader", (1, 0, 1), id="contained-title"),
        pytest.param("Tony Blair", "Tory leader", (0, 1, 2), id="other-persons-post"),
        pytest.param("Tony Blair", "Chancellor", (0, 1, 2), id="wrong-title"),
    ],
)
def test_score_article_holds_position(
    person: str, title: str, expected: tuple[int, int, int]
) -> None:
    scores = _score(_fact("holds_position", person, title))
    assert _counts(scores["holds_position"]) == expected


@pytest.mark.parametrize(
    ("person", "predicted", "gold_title", "expected"),
    [
        pytest.param(
            "Yoav Gallant",
            "Israeli Defense Minister",
            "Defense Minister",
            (1, 0, 0),
            id="demonym-dropped-from-prediction",
        ),
        pytest.param(
            "Yoav Gallant",
            "Defense Minister",
            "Israeli Defense Minister",
            (1, 0, 0),
            id="demonym-dropped-from-gold",
        ),
        pytest.param(
            "Yoav Gallant",
            "Finance Minister",
            "Defense Minister",
            (0, 1, 1),
            id="different-ministry",
        ),
        pytest.param(
            "Alan Milburn",
            "MP",
            "election campaign chief",
            (0, 1, 1),
            id="title-letters-inside-a-word",
        ),
    ],
)
def test_score_article_holds_position_titles_match(
    person: str, predicted: str, gold_title: str, expected: tuple[int, int, int]
) -> None:
    gold = {**GOLD, "persons": [person], "positions": [[person, gold_title]]}
    scores = _score(_fact("holds_position", person, predicted), gold=gold)
    assert _counts(scores["holds_position"]) == expected


def test_score_article_holds_position_fn_names_the_missed_post() -> None:
    scores = _score(_fact("holds_position", "Tony Blair", "Prime Minister"))
    assert scores["holds_position"].false_negatives == [
        ("001.txt", ("Michael Howard", "Tory leader"))
    ]


@pytest.mark.parametrize(
    ("fact", "expected"),
    [
        pytest.param(_fact("leads", "Michael Howard", "Conservatives"), (1, 0, 0), id="canonical"),
        pytest.param(_fact("leads", "Howard", "Tory party"), (1, 0, 0), id="alias-and-party"),
        pytest.param(_fact("leads", "Michael Howard", "Labour"), (0, 1, 1), id="wrong-org"),
        pytest.param(
            _fact("leads", "Michael Howard", "Conservatives", status="reported"),
            (0, 0, 1),
            id="not-asserted-ignored",
        ),
    ],
)
def test_score_article_leads(fact: Fact, expected: tuple[int, int, int]) -> None:
    assert _counts(_score(fact)["leads"]) == expected


# find_gold


def _write_gold(gold_dir: Path, name: str, gold: Any) -> Path:
    gold_dir.mkdir(parents=True, exist_ok=True)
    path = gold_dir / name
    path.write_text(json.dumps(gold), encoding="utf-8")
    return path


def test_find_gold_pairs_gold_with_article(tmp_path: Path) -> None:
    articles = tmp_path / "politics"
    articles.mkdir()
    (articles / "001.txt").write_text("Blair met Howard.", encoding="utf-8")
    gold_path = _write_gold(tmp_path / "gold", "001.json", GOLD)
    (found,) = find_gold(tmp_path / "gold", articles)
    assert found.path == gold_path
    assert found.article_path == articles / "001.txt"
    assert found.gold["met"] == GOLD["met"]


def test_find_gold_missing_dir(tmp_path: Path) -> None:
    missing = tmp_path / "no-such-gold"
    with pytest.raises(EvalError, match="does not exist") as info:
        find_gold(missing, tmp_path)
    assert str(missing) in str(info.value)


def test_find_gold_missing_article(tmp_path: Path) -> None:
    articles = tmp_path / "politics"
    articles.mkdir()
    gold_path = _write_gold(tmp_path / "gold", "001.json", GOLD)
    with pytest.raises(EvalError) as info:
        find_gold(tmp_path / "gold", articles)
    message = str(info.value)
    assert str(gold_path) in message
    assert "politics/001.txt" in message
    assert str(articles) in message


@pytest.mark.parametrize(
    ("content", "fragment"),
    [
        pytest.param("{not json", "not readable JSON", id="bad-json"),
        pytest.param(json.dumps({"persons": []}), "no 'article' key", id="no-article-key"),
        pytest.param(json.dumps([1, 2]), "no 'article' key", id="not-an-object"),
    ],
)
def test_find_gold_malformed_file(tmp_path: Path, content: str, fragment: str) -> None:
    gold_dir = tmp_path / "gold"
    gold_dir.mkdir()
    path = gold_dir / "001.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(EvalError, match=fragment) as info:
        find_gold(gold_dir, tmp_path)
    assert str(path) in str(info.value)


def test_find_gold_empty_dir(tmp_path: Path) -> None:
    with pytest.raises(EvalError, match="No \\*.json gold files") as info:
        find_gold(tmp_path, tmp_path)
    assert str(tmp_path) in str(info.value)
