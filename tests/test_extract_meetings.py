"""Meeting and visit patterns, with sentences written for these tests (published Wed 2005-03-09)."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from kg.extract import extract
from kg.types import Article, Fact

PUBLISHED = date(2005, 3, 9)


def _facts(nlp: Language, text: str) -> list[Fact]:
    return list(next(extract([Article(id="t", text=text, published=PUBLISHED)], nlp)).facts)


def _met(facts: list[Fact], status: str = "asserted") -> set[frozenset[str]]:
    return {
        frozenset((f.subject, f.object))
        for f in facts
        if f.predicate == "met" and f.status == status
    }


@pytest.mark.parametrize(
    ("text", "pairs"),
    [
        pytest.param(
            "Tony Blair sailed across the lake while on a visit with Education Secretary "
            "Ruth Kelly.",
            [("Tony Blair", "Ruth Kelly")],
            id="joint-visit",
        ),
        pytest.param(
            "Jack Straw, speaking at a joint news conference with Chinese Foreign Minister "
            "Li Zhaoxing, said the ban would go.",
            [("Jack Straw", "Li Zhaoxing")],
            id="joint-news-conference",
        ),
        pytest.param(
            "Michael Howard was joined on stage by his wife Sandra and his son Nick.",
            [("Michael Howard", "Sandra"), ("Michael Howard", "Nick"), ("Sandra", "Nick")],
            id="joined-by-everyone-together",
        ),
        pytest.param(
            "Gordon Brown and Tony Blair attended Monday's meeting of the cabinet.",
            [("Gordon Brown", "Tony Blair")],
            id="co-present-at-a-named-meeting",
        ),
        pytest.param(
            "Michael Ferguson had been out to see his fiancee Annabella Holmes.",
            [("Michael Ferguson", "Annabella Holmes")],
            id="past-perfect-to-see-is-asserted",
        ),
        pytest.param(
            "Sandra Howard has been campaigning with Michael Howard in the marginals.",
            [("Sandra Howard", "Michael Howard")],
            id="campaigning-with",
        ),
        pytest.param(
            "Gordon Brown appeared alongside Tony Blair at the poster launch.",
            [("Gordon Brown", "Tony Blair")],
            id="appeared-alongside",
        ),
        pytest.param(
            "Gordon Brown visited Tony Blair at Downing Street.",
            [("Gordon Brown", "Tony Blair")],
            id="visited-a-person",
        ),
        pytest.param(
            "Tony Blair and Gordon Brown clashed over the budget. The pair met on Monday.",
            [("Tony Blair", "Gordon Brown")],
            id="the-pair-met",
        ),
        pytest.param(
            "Tony Blair and Gordon Brown clashed. The two men held talks on Monday.",
            [("Tony Blair", "Gordon Brown")],
            id="the-two-men-held-talks",
        ),
        pytest.param(
            "There was a meeting between Charles Kennedy, Michael Howard and Tony Blair.",
            [
                ("Charles Kennedy", "Michael Howard"),
                ("Charles Kennedy", "Tony Blair"),
                ("Michael Howard", "Tony Blair"),
            ],
            id="meeting-between-three",
        ),
    ],
)
def test_meetings_found(nlp: Language, text: str, pairs: list[tuple[str, str]]) -> None:
    assert {frozenset(p) for p in pairs} <= _met(_facts(nlp, text))


def test_meetings_date_of_a_named_meeting(nlp: Language) -> None:
    facts = _facts(nlp, "Gordon Brown and Tony Blair attended Monday's meeting of the cabinet.")
    assert {f.date for f in facts if f.predicate == "met"} == {"2005-03-07"}


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Gordon Brown phoned Tony Blair on Monday.", id="phone-call"),
        pytest.param("Gordon Brown wrote to Tony Blair about the budget.", id="letter"),
        pytest.param("Gordon Brown criticised Tony Blair over the war.", id="criticism"),
        pytest.param(
            "Gordon Brown attended the summit while Tony Blair stayed in London.",
            id="only-one-attends",
        ),
        pytest.param("Gordon Brown and Tony Blair attended the game.", id="not-a-gathering"),
        pytest.param(
            "Prime Minister Tony Blair visited Glasgow on Tuesday.",
            id="visiting-a-place-the-tagger-calls-a-person",
        ),
        pytest.param(
            "Tony Blair criticised Gordon Brown and Charles Kennedy. The pair met on Monday.",
            id="the-pair-of-three-is-unclear",
        ),
        pytest.param(
            "Gordon Brown travelled to Leeds with Tony Blair's letter.", id="with-a-thing"
        ),
    ],
)
def test_meetings_not_found(nlp: Language, text: str) -> None:
    assert not _met(_facts(nlp, text))


def test_meetings_planned_attendance_is_planned(nlp: Language) -> None:
    facts = _facts(nlp, "Tony Blair and Gordon Brown will attend the summit in Paris.")
    assert _met(facts, "planned") == {frozenset(("Tony Blair", "Gordon Brown"))}
    assert not _met(facts)


def test_visits_relative_clause_subject_and_failure_to_return(nlp: Language) -> None:
    facts = _facts(
        nlp,
        "Police are searching for Michael Ferguson, who failed to return after a trip to "
        "East Kilbride on Monday.",
    )
    visits = {(f.subject, f.object, f.status) for f in facts if f.predicate == "visited"}
    assert visits == {("Michael Ferguson", "East Kilbride", "asserted")}


def test_pronoun_subject_resolves_when_unambiguous(nlp: Language) -> None:
    facts = _facts(nlp, "Michael Howard arrived in Leeds on Monday. He met Tony Blair there.")
    assert _met(facts) == {frozenset(("Michael Howard", "Tony Blair"))}


def test_pronoun_with_two_candidates_stays_unresolved(nlp: Language) -> None:
    facts = _facts(nlp, "Michael Howard and Charles Kennedy arrived. He met Tony Blair there.")
    assert not _met(facts)


def test_pronoun_looks_past_a_quoted_sentence(nlp: Language) -> None:
    text = (
        'Michael Howard told reporters the law was rushed. "I hope we can agree." '
        "He said after meeting Tony Blair he was disappointed."
    )
    assert _met(_facts(nlp, text)) == {frozenset(("Michael Howard", "Tony Blair"))}


def test_pronoun_does_not_look_past_a_sentence_naming_nobody(nlp: Language) -> None:
    text = (
        "Michael Howard told reporters the law was rushed. The debate went on for hours. "
        "He said after meeting Tony Blair he was disappointed."
    )
    assert not _met(_facts(nlp, text))


def test_meeting_place_is_not_a_home(nlp: Language) -> None:
    facts = _facts(nlp, "Antony Blinken met Israeli President Isaac Herzog in Jerusalem.")
    assert {(f.predicate, f.place) for f in facts if f.predicate == "met"} == {("met", "Jerusalem")}
    assert not [f for f in facts if f.predicate == "lives_in"]
