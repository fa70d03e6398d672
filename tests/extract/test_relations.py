"""Relations extracted from small hand-written articles by the trained pipeline."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from kg.extract import extract
from kg.types import Article, Extraction, Fact

PUBLISHED = date(2023, 1, 31)  # a Tuesday

Row = tuple[str, str, str, str, str | None, str | None]
"""(predicate, subject, object, status, date, place) as a user sees a fact."""


@pytest.fixture(scope="session")
def _nlp(nlp: Language) -> Language:
    """The session pipeline from conftest.py, so the model loads once per test run."""
    return nlp


def _extract(nlp: Language, text: str) -> Extraction:
    (extraction,) = extract([Article("test", text, PUBLISHED)], nlp)
    return extraction


def _row(fact: Fact) -> Row:
    return (fact.predicate, fact.subject, fact.object, fact.status, fact.date, fact.place)


def _met(extraction: Extraction) -> set[Row]:
    return {_row(f) for f in extraction.facts if f.predicate == "met"}


def _pairs(extraction: Extraction, predicate: str) -> set[tuple[str, str, str | None]]:
    return {
        (f.subject, f.object, f.post_in)
        for f in extraction.facts
        if f.predicate == predicate and f.status == "asserted"
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Antony Blinken met Mahmoud Abbas in Ramallah on Tuesday.",
            ("met", "Antony Blinken", "Mahmoud Abbas", "asserted", "2023-01-31", "Ramallah"),
            id="met-date-place",
        ),
        pytest.param(
            "Antony Blinken met with Yoav Gallant.",
            ("met", "Antony Blinken", "Yoav Gallant", "asserted", None, None),
            id="met-with",
        ),
        pytest.param(
            "Antony Blinken held talks with Mahmoud Abbas.",
            ("met", "Antony Blinken", "Mahmoud Abbas", "asserted", None, None),
            id="held-talks-with",
        ),
        pytest.param(
            "Antony Blinken held talks with Yair Lapid.",
            ("met", "Antony Blinken", "Yair Lapid", "asserted", None, None),
            id="held-talks-with-lapid-tagged-an-organisation",
        ),
        pytest.param(
            "Following a meeting with Mahmoud Abbas on Monday, Antony Blinken spoke.",
            ("met", "Antony Blinken", "Mahmoud Abbas", "asserted", "2023-01-30", None),
            id="following-a-meeting-with",
        ),
        pytest.param(
            "Following a meeting with Antony Blinken on Monday, Benjamin Netanyahu spoke.",
            ("met", "Antony Blinken", "Benjamin Netanyahu", "asserted", "2023-01-30", None),
            id="following-a-meeting-with-blinken-tagged-a-place",
        ),
        pytest.param(
            "Antony Blinken met Yoav Gallant on Tuesday, a day after seeing Mahmoud Abbas.",
            ("met", "Antony Blinken", "Mahmoud Abbas", "asserted", "2023-01-30", None),
            id="a-day-after-seeing",
        ),
        pytest.param(
            "Antony Blinken met Yoav Gallant on Tuesday, two days after meeting Mahmoud Abbas.",
            ("met", "Antony Blinken", "Mahmoud Abbas", "asserted", "2023-01-29", None),
            id="two-days-after-meeting",
        ),
        pytest.param(
            "Antony Blinken met Yoav Gallant on Tuesday, a day after meeting Mahmoud Abbas.",
            ("met", "Antony Blinken", "Mahmoud Abbas", "asserted", "2023-01-30", None),
            id="a-day-after-meeting",
        ),
        pytest.param(
            "On Tuesday, a day after seeing Mahmoud Abbas, Antony Blinken met Yoav Gallant.",
            ("met", "Antony Blinken", "Mahmoud Abbas", "asserted", "2023-01-30", None),
            id="fronted-a-day-after-seeing",
        ),
        pytest.param(
            "Yoav Gallant visited Mr Blinken at the embassy on Monday.",
            ("met", "Blinken", "Yoav Gallant", "asserted", "2023-01-30", None),
            id="visited-mr-x",
        ),
    ],
)
def test_extract_met(_nlp: Language, text: str, expected: Row) -> None:
    assert expected in _met(_extract(_nlp, text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Tom Reyes met Kenji Mori in Lima on Monday, as did Helen Carter.",
            {("met", "Helen Carter", "Kenji Mori"), ("met", "Kenji Mori", "Tom Reyes")},
            id="as-did",
        ),
        pytest.param(
            "Tom Reyes attended the summit in Lima, and so did Helen Carter.",
            {("met", "Helen Carter", "Tom Reyes"), ("visited", "Helen Carter", "Lima")},
            id="and-so-did",
        ),
        pytest.param(
            "Tom Reyes visited Kyiv on Monday, as did Helen Carter.",
            {("visited", "Helen Carter", "Kyiv"), ("visited", "Tom Reyes", "Kyiv")},
            id="visited-as-did",
        ),
    ],
)
def test_extract_a_subject_the_verb_is_left_out_for_does_it_too(
    _nlp: Language, text: str, expected: set[tuple[str, str, str]]
) -> None:
    """'..., as did Y' and '..., and so did Y': Y does what the verb says too."""
    found = {(f.predicate, f.subject, f.object) for f in _extract(_nlp, text).facts}
    assert expected <= found


def test_extract_a_list_who_met_each_other(_nlp: Language) -> None:
    """'A and B, who met at university': the parser hangs the clause on B; both met."""
    text = "Tom Reyes and Helen Carter, who met at university, are close friends."
    assert ("met", "Helen Carter", "Tom Reyes", "asserted", None, None) in _met(
        _extract(_nlp, text)
    )


def test_extract_met_both_meetings_of_one_sentence_are_dated(_nlp: Language) -> None:
    text = "Antony Blinken met Yoav Gallant on Tuesday, a day after seeing Mahmoud Abbas."
    assert _met(_extract(_nlp, text)) == {
        ("met", "Antony Blinken", "Yoav Gallant", "asserted", "2023-01-31", None),
        ("met", "Antony Blinken", "Mahmoud Abbas", "asserted", "2023-01-30", None),
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Antony Blinken will meet Mahmoud Abbas on Friday.",
            ("met", "Antony Blinken", "Mahmoud Abbas", "planned", "2023-02-03", None),
            id="will-meet",
        ),
        pytest.param(
            "Antony Blinken is expected to meet Mahmoud Abbas on Friday.",
            ("met", "Antony Blinken", "Mahmoud Abbas", "planned", "2023-02-03", None),
            id="expected-to-meet",
        ),
        pytest.param(
            "Antony Blinken is to meet Mahmoud Abbas on Friday.",
            ("met", "Antony Blinken", "Mahmoud Abbas", "planned", "2023-02-03", None),
            id="is-to-meet",
        ),
        pytest.param(
            "Antony Blinken to meet Mahmoud Abbas on Friday.",
            ("met", "Antony Blinken", "Mahmoud Abbas", "planned", "2023-02-03", None),
            id="headline-to-meet",
        ),
        pytest.param(
            "Helen Carter to hold talks with David Moore.",
            ("met", "David Moore", "Helen Carter", "planned", None, None),
            id="headline-to-hold-talks-on-the-name",
        ),
        pytest.param(
            "Helen Carter is to hold a summit with David Moore.",
            ("met", "David Moore", "Helen Carter", "planned", None, None),
            id="is-to-hold-a-summit",
        ),
        pytest.param(
            "Helen Carter is likely to meet David Moore on Friday.",
            ("met", "David Moore", "Helen Carter", "planned", "2023-02-03", None),
            id="likely-to-meet",
        ),
        pytest.param(
            "Antony Blinken did not meet Itamar Ben-Gvir.",
            ("met", "Antony Blinken", "Itamar Ben-Gvir", "negated", None, None),
            id="did-not-meet",
        ),
        pytest.param(
            "Antony Blinken refused to meet Itamar Ben-Gvir.",
            ("met", "Antony Blinken", "Itamar Ben-Gvir", "negated", None, None),
            id="refused-to-meet",
        ),
        pytest.param(
            "Antony Blinken has yet to meet Itamar Ben-Gvir.",
            ("met", "Antony Blinken", "Itamar Ben-Gvir", "negated", None, None),
            id="has-yet-to-meet",
        ),
        pytest.param(
            "Helen Carter ruled out meeting David Moore.",
            ("met", "David Moore", "Helen Carter", "negated", None, None),
            id="ruled-out-a-phrasal-governor",
        ),
        pytest.param(
            "Helen Carter is said to have met David Moore in secret.",
            ("met", "David Moore", "Helen Carter", "reported", None, None),
            id="is-said-to-have-met",
        ),
        pytest.param(
            "Helen Carter should meet David Moore in Lisbon.",
            ("met", "David Moore", "Helen Carter", "planned", None, "Lisbon"),
            id="should-meet",
        ),
        pytest.param(
            "Helen Carter must have met David Moore in Lisbon.",
            ("met", "David Moore", "Helen Carter", "reported", None, "Lisbon"),
            id="must-have-met",
        ),
        pytest.param(
            "Helen Carter has requested a meeting with David Moore in Lisbon.",
            ("met", "David Moore", "Helen Carter", "planned", None, "Lisbon"),
            id="requested-a-meeting",
        ),
        pytest.param(
            "Helen Carter will be the first foreign leader to meet David Moore.",
            ("met", "David Moore", "Helen Carter", "planned", None, None),
            id="will-be-the-first-to-meet",
        ),
        pytest.param(
            "Helen Carter will be there for a meeting with David Moore.",
            ("met", "David Moore", "Helen Carter", "planned", None, None),
            id="will-be-somewhere-for-a-meeting",
        ),
        pytest.param(
            "If Helen Carter meets David Moore in Lisbon, the deal will be signed.",
            ("met", "David Moore", "Helen Carter", "planned", None, "Lisbon"),
            id="if-a-condition",
        ),
        pytest.param(
            "Helen Carter could meet David Moore in Lisbon.",
            ("met", "David Moore", "Helen Carter", "planned", None, "Lisbon"),
            id="could-meet",
        ),
        pytest.param(
            "Helen Carter may have met David Moore in Lisbon.",
            ("met", "David Moore", "Helen Carter", "reported", None, "Lisbon"),
            id="may-have-met",
        ),
        pytest.param(
            "No meeting between Helen Carter and David Moore is planned.",
            ("met", "David Moore", "Helen Carter", "negated", None, None),
            id="no-meeting-is-planned",
        ),
    ],
)
def test_extract_met_not_asserted(_nlp: Language, text: str, expected: Row) -> None:
    met = _met(_extract(_nlp, text))
    assert expected in met
    assert not any(status == "asserted" for _, _, _, status, _, _ in met)


def test_extract_a_speaker_asserts_what_he_says_happened(_nlp: Language) -> None:
    met = _met(_extract(_nlp, "Helen Carter said she met David Moore in Lisbon."))
    assert {status for _, _, _, status, _, _ in met} == {"asserted"}


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Orit Strock accused Antony Blinken of meddling.", id="accused"),
        pytest.param("Tony Blair spoke to Gordon Brown by phone.", id="phone-call"),
        pytest.param("Tory leader Michael Howard has written to Tony Blair.", id="letter"),
    ],
)
def test_extract_not_a_meeting(_nlp: Language, text: str) -> None:
    assert _met(_extract(_nlp, text)) == set()


@pytest.mark.parametrize(
    ("text", "predicate", "expected"),
    [
        pytest.param(
            "Israeli Defense Minister Yoav Gallant said the army would respond.",
            "holds_position",
            ("Yoav Gallant", "Defense Minister", "Israel"),
            id="national-post",
        ),
        pytest.param(
            "Tory leader Michael Howard said the plan was flawed.",
            "holds_position",
            ("Michael Howard", "Tory leader", "Conservatives"),
            id="party-leader-post",
        ),
        pytest.param(
            "Tory leader Michael Howard said the plan was flawed.",
            "leads",
            ("Michael Howard", "Conservatives", None),
            id="party-leader-leads",
        ),
        pytest.param(
            "Labour MP Paul Flynn said the plan was flawed.",
            "member_of",
            ("Paul Flynn", "Labour", None),
            id="party-mp-member",
        ),
        pytest.param(
            "National Security Minister Itamar Ben-Gvir, leader of the far-right Otzma Yehudit "
            "party, vowed to respond.",
            "leads",
            ("Itamar Ben-Gvir", "Otzma Yehudit", None),
            id="appositive-leader",
        ),
        pytest.param(
            "National Missions Minister Orit Strock of the far-right Religious Zionism party "
            "objected.",
            "member_of",
            ("Orit Strock", "Religious Zionism", None),
            id="of-party-member",
        ),
    ],
)
def test_extract_posts_and_affiliations(
    _nlp: Language, text: str, predicate: str, expected: tuple[str, str, str | None]
) -> None:
    assert expected in _pairs(_extract(_nlp, text), predicate)


def test_extract_surname_resolves_to_full_name(_nlp: Language) -> None:
    extraction = _extract(_nlp, "Antony Blinken arrived. Blinken met Mahmoud Abbas.")
    assert _met(extraction) == {
        ("met", "Antony Blinken", "Mahmoud Abbas", "asserted", None, None),
    }
    assert ("Blinken", "place") not in {(e.name, e.type) for e in extraction.entities}
    blinken = next(e for e in extraction.entities if e.name == "Antony Blinken")
    assert blinken.type == "person"
    assert "Blinken" in blinken.aliases


def test_extract_title_reference_resolves_to_holder(_nlp: Language) -> None:
    text = (
        "Israeli Prime Minister Benjamin Netanyahu spoke. "
        "Antony Blinken met the prime minister on Monday."
    )
    extraction = _extract(_nlp, text)
    assert ("met", "Antony Blinken", "Benjamin Netanyahu", "asserted", "2023-01-30", None) in _met(
        extraction
    )
    assert ("Benjamin Netanyahu", "Prime Minister", "Israel") in _pairs(
        extraction, "holds_position"
    )


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Antony Blinken met Mahmoud Abbas in Ramallah on Tuesday.", id="one-sentence"),
        pytest.param("Antony Blinken arrived. Blinken met Mahmoud Abbas.", id="second-sentence"),
        pytest.param(
            "Israeli Prime Minister Benjamin Netanyahu spoke.\n\n"
            "Antony Blinken met the prime minister on Monday.",
            id="second-paragraph",
        ),
        pytest.param(
            "Tory leader Michael Howard said the plan was flawed. "
            "Labour MP Paul Flynn said the plan was fine.",
            id="posts",
        ),
    ],
)
def test_extract_evidence_points_into_article(_nlp: Language, text: str) -> None:
    extraction = _extract(_nlp, text)
    assert extraction.facts
    for fact in extraction.facts:
        evidence = fact.evidence[0]
        assert evidence.sentence
        assert evidence.sentence in extraction.article.text[evidence.start : evidence.end]
