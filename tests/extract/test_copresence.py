"""People the text puts at one gathering met there (kg.extract.copresence); sentences written
for these tests."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from tests.samples import extracted_facts, met_pairs


def _met(nlp: Language, text: str, status: str = "asserted") -> set[frozenset[str]]:
    return met_pairs(extracted_facts(nlp, text, published=date(2024, 9, 20)), status)


def _pairs(*pairs: tuple[str, str]) -> set[frozenset[str]]:
    return {frozenset(p) for p in pairs}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Helen Marsh and David Okoro were at the launch of the report in Leeds.",
            _pairs(("Helen Marsh", "David Okoro")),
            id="be-at-a-gathering",
        ),
        pytest.param(
            "Maria Santos, Ivan Petrov and Lena Berg took part in the talks on Tuesday.",
            _pairs(
                ("Maria Santos", "Ivan Petrov"),
                ("Maria Santos", "Lena Berg"),
                ("Ivan Petrov", "Lena Berg"),
            ),
            id="take-part-in",
        ),
        pytest.param(
            "Senators Paul Grant and Amy Liu sat in the hearing on Thursday.",
            _pairs(("Paul Grant", "Amy Liu")),
            id="sat-in-a-hearing",
        ),
        pytest.param(
            "Prime Minister Rosa Dunn met President Karl Weiss in Vienna on Monday. "
            "The two sides agreed to meet again. Finance Minister Tom Hale also took part "
            "in the talks.",
            _pairs(
                ("Rosa Dunn", "Karl Weiss"),
                ("Tom Hale", "Rosa Dunn"),
                ("Tom Hale", "Karl Weiss"),
            ),
            id="newcomer-joins-the-last-meeting",
        ),
        pytest.param(
            "Ahmed Noor attended the summit. Julia Stein was also at the summit.",
            _pairs(("Ahmed Noor", "Julia Stein")),
            id="two-attendances-of-one-gathering",
        ),
        pytest.param(
            "Helen Marsh chaired a meeting attended by David Okoro and Lena Berg.",
            _pairs(
                ("Helen Marsh", "David Okoro"),
                ("Helen Marsh", "Lena Berg"),
                ("David Okoro", "Lena Berg"),
            ),
            id="chair-and-attendees-of-one-meeting",
        ),
        pytest.param(
            "Helen Marsh presided over a meeting of the council attended by David Okoro.",
            _pairs(("Helen Marsh", "David Okoro")),
            id="presided-over-a-meeting-of-a-body-attended-by",
        ),
        pytest.param(
            "Maria Santos and Ivan Petrov jointly chaired the conference in Riga.",
            _pairs(("Maria Santos", "Ivan Petrov")),
            id="joint-chairs",
        ),
        pytest.param(
            "The summit, hosted by Helen Marsh, was attended by David Okoro and Lena Berg.",
            _pairs(
                ("Helen Marsh", "David Okoro"),
                ("Helen Marsh", "Lena Berg"),
                ("David Okoro", "Lena Berg"),
            ),
            id="host-and-attendees-of-one-summit",
        ),
        pytest.param(
            "Helen Marsh hosted a dinner for David Okoro and Lena Berg in Riga.",
            _pairs(
                ("Helen Marsh", "David Okoro"),
                ("Helen Marsh", "Lena Berg"),
                ("David Okoro", "Lena Berg"),
            ),
            id="the-guests-of-one-dinner",
        ),
        pytest.param(
            "Helen Marsh attended the ceremony in Riga along with Home Minister David Okoro.",
            _pairs(("Helen Marsh", "David Okoro")),
            id="attended-along-with",
        ),
        pytest.param(
            "Helen Marsh attended the opening session alongside Vice President David Okoro.",
            _pairs(("Helen Marsh", "David Okoro")),
            id="attended-alongside",
        ),
        pytest.param(
            "The meeting was chaired by Helen Marsh and attended by David Okoro.",
            _pairs(("Helen Marsh", "David Okoro")),
            id="chaired-and-attended-by",
        ),
        pytest.param(
            "Helen Marsh chaired the meeting, which David Okoro attended.",
            _pairs(("Helen Marsh", "David Okoro")),
            id="a-gathering-a-relative-clause-attends",
        ),
        pytest.param(
            "Helen Marsh and David Okoro were among the ministers who met in Riga on Monday.",
            _pairs(("Helen Marsh", "David Okoro")),
            id="among-those-who-met",
        ),
        pytest.param(
            "Helen Marsh and David Okoro were among those who attended the summit in Riga.",
            _pairs(("Helen Marsh", "David Okoro")),
            id="among-those-who-attended",
        ),
    ],
)
def test_copresence_makes_meetings(nlp: Language, text: str, expected: set) -> None:
    assert _met(nlp, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "Ahmed Noor did not attend the summit, but Julia Stein was at the summit.",
            id="one-absent",
        ),
        pytest.param("Ahmed Noor and Julia Stein were at home on Sunday.", id="no-gathering"),
        pytest.param(
            "Ahmed Noor and Julia Stein spoke at the party conference in Leeds.",
            id="two-speakers-at-a-conference",
        ),
        pytest.param(
            "Ahmed Noor attended the summit. Weeks later, Julia Stein, Ben Cole and Ana Diaz "
            "discussed the budget. Then Julia Stein wrote a book. Ben Cole sold his house. "
            "Ana Diaz was at the summit.",
            id="gathering-too-far-back",
        ),
        pytest.param(
            "Julia Stein attended a memorial for Ahmed Noor in Riga.", id="a-memorial-for-someone"
        ),
        pytest.param(
            "Ahmed Noor and Julia Stein both attended the summit but did not meet.",
            id="at-one-gathering-but-did-not-meet",
        ),
        pytest.param(
            "Ahmed Noor and Julia Stein were among the ministers who criticised the summit.",
            id="among-those-who-did-something-else",
        ),
    ],
)
def test_copresence_without_a_shared_gathering_is_no_meeting(nlp: Language, text: str) -> None:
    assert not any("Ahmed Noor" in pair for pair in _met(nlp, text))
    assert frozenset(("Ahmed Noor", "Julia Stein")) not in _met(nlp, text)


def test_copresence_planned_attendance_is_planned(nlp: Language) -> None:
    text = "Omar Haddad and Sofia Lind will attend the summit in Oslo next week."
    assert _met(nlp, text, "planned") == _pairs(("Omar Haddad", "Sofia Lind"))
    assert _met(nlp, text) == set()


def test_copresence_people_given_as_examples_of_a_group(nlp: Language) -> None:
    text = "Delegates including Maria Santos and Ivan Petrov attended the summit in Geneva."
    assert _met(nlp, text) == _pairs(("Maria Santos", "Ivan Petrov"))


def test_copresence_a_meeting_with_a_group_and_an_example(nlp: Language) -> None:
    text = "Helen Marsh met union leaders, including Tom Reyes, on Friday."
    assert _met(nlp, text) == _pairs(("Helen Marsh", "Tom Reyes"))


@pytest.mark.parametrize(("session", "met"), [("the opening session", False), ("the talks", True)])
def test_copresence_one_session_of_a_series_is_not_the_last_meeting(
    nlp: Language, session: str, met: bool
) -> None:
    text = f"Ahmed Noor held talks with Ben Cole on Monday. Julia Stein also attended {session}."
    assert (frozenset(("Ahmed Noor", "Julia Stein")) in _met(nlp, text)) is met
