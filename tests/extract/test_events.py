"""Meetings told through events (kg/extract/events.py) and what an event noun's predicate says of
it, with sentences written for these tests (published Wed 2005-03-09)."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.samples import extracted_facts, met_pairs

BROWN_BLAIR = frozenset(("Gordon Brown", "Tony Blair"))


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "Gordon Brown handed Tony Blair the letter during a dinner at Chequers.",
            id="handed-during-a-dinner",
        ),
        pytest.param(
            "Over lunch in Paris, Gordon Brown told Tony Blair that he would not stand.",
            id="told-over-lunch",
        ),
        pytest.param(
            "Gordon Brown apologised to Tony Blair at a meeting in Downing Street.",
            id="apologised-to-at-a-meeting",
        ),
        pytest.param(
            "In 1994 Gordon Brown stood aside, agreeing to give Tony Blair the leadership during "
            "a dinner in Edinburgh.",
            id="agreed-during-a-dinner-the-dinner-happened",
        ),
        pytest.param(
            "Gordon Brown and Tony Blair discussed the budget over dinner.",
            id="plural-subject-discussed-over-dinner",
        ),
        pytest.param(
            "During a two-hour meeting at Chequers, Gordon Brown pressed Tony Blair on a date.",
            id="pressed-during-a-meeting",
        ),
    ],
)
def test_events_exchange_at_a_gathering_is_a_meeting(nlp: Language, text: str) -> None:
    assert met_pairs(extracted_facts(nlp, text)) == {BROWN_BLAIR}


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Gordon Brown attacked Tony Blair during a rally in Sunderland.", id="attack"),
        pytest.param("Gordon Brown praised Tony Blair at a dinner for party donors.", id="praise"),
        pytest.param("Gordon Brown wrote to Tony Blair during the summit.", id="letter"),
        pytest.param("Gordon Brown spoke to Tony Blair by phone during the summit.", id="phone"),
        pytest.param("Gordon Brown thanked Tony Blair for his support.", id="no-gathering"),
        pytest.param(
            "Gordon Brown and Tony Blair discussed the budget on television.",
            id="plural-subject-not-at-a-gathering",
        ),
    ],
)
def test_events_no_meeting_without_address_at_a_gathering(nlp: Language, text: str) -> None:
    assert not met_pairs(extracted_facts(nlp, text))


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "Tom Reyes and Helen Carter signed a joint statement after talks in Lima.",
            id="after-talks",
        ),
        pytest.param(
            "Following a summit in Lima, Tom Reyes and Helen Carter issued a declaration.",
            id="following-a-summit",
        ),
    ],
)
def test_events_what_two_did_after_a_gathering_they_were_at(nlp: Language, text: str) -> None:
    assert met_pairs(extracted_facts(nlp, text)) == {frozenset(("Tom Reyes", "Helen Carter"))}


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Tom Reyes and Helen Carter were criticised after the summit.", id="passive"),
        pytest.param("Tom Reyes told Helen Carter after the summit that he would go.", id="one"),
        pytest.param("Tom Reyes and Helen Carter resigned before the summit.", id="before"),
    ],
)
def test_events_after_a_gathering_without_two_doers(nlp: Language, text: str) -> None:
    assert not met_pairs(extracted_facts(nlp, text))


@pytest.mark.parametrize(
    ("text", "status"),
    [
        pytest.param(
            "Gordon Brown will tell Tony Blair at Friday's summit that he wants the job.",
            "planned",
            id="will-tell-at-the-summit",
        ),
        pytest.param(
            "Gordon Brown is expected to hand Tony Blair the report at a dinner next week.",
            "planned",
            id="expected-to-hand-at-a-dinner",
        ),
        pytest.param(
            "Gordon Brown did not tell Tony Blair at the meeting that he would resign.",
            "asserted",
            id="what-was-not-said-at-a-meeting-still-met",
        ),
    ],
)
def test_events_gathering_status(nlp: Language, text: str, status: str) -> None:
    facts = extracted_facts(nlp, text)
    assert met_pairs(facts, status) == {BROWN_BLAIR}
    assert {f.status for f in facts if f.predicate == "met"} == {status}


def test_events_gathering_gives_date_and_place(nlp: Language) -> None:
    facts = extracted_facts(nlp, "Gordon Brown told Tony Blair at a meeting in London on Monday.")
    met = [(f.date, f.place) for f in facts if f.predicate == "met"]
    assert met == [("2005-03-07", "London")]


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "There was a handshake between Tony Blair and Gordon Brown at the launch.",
            id="handshake-is-physical",
        ),
        pytest.param(
            "The film included footage of a row between Tony Blair and Gordon Brown.",
            id="footage-of-a-row",
        ),
        pytest.param(
            "A face-to-face clash between Tony Blair and Gordon Brown dominated the day.",
            id="face-to-face-clash",
        ),
        pytest.param(
            "A row between Tony Blair and Gordon Brown was filmed by the BBC.",
            id="row-was-filmed",
        ),
    ],
)
def test_events_witnessed_encounter_is_a_meeting(nlp: Language, text: str) -> None:
    assert met_pairs(extracted_facts(nlp, text)) == {BROWN_BLAIR}


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "A row between Tony Blair and Gordon Brown over the euro rumbled on.",
            id="row-through-the-press",
        ),
        pytest.param(
            "Newspapers reported a clash between Tony Blair and Gordon Brown over pensions.",
            id="reported-clash",
        ),
    ],
)
def test_events_unwitnessed_row_is_not_a_meeting(nlp: Language, text: str) -> None:
    assert not met_pairs(extracted_facts(nlp, text))


@pytest.mark.parametrize(
    ("text", "status"),
    [
        pytest.param(
            "A handshake between Tony Blair and Gordon Brown is planned for Friday.",
            "planned",
            id="planned-for-friday",
        ),
        pytest.param(
            "The meeting between Gordon Brown and Tony Blair is due to take place next week.",
            "planned",
            id="due-to-take-place",
        ),
        pytest.param(
            "The meeting between Gordon Brown and Tony Blair was cancelled.",
            "negated",
            id="cancelled",
        ),
        pytest.param(
            "The meeting between Gordon Brown and Tony Blair did not take place.",
            "negated",
            id="did-not-take-place",
        ),
        pytest.param(
            "Ahead of a meeting with David Moore, Helen Carter said progress was possible.",
            "planned",
            id="ahead-of-a-meeting",
        ),
        pytest.param(
            "Helen Carter cancelled a planned meeting with David Moore.",
            "negated",
            id="object-of-cancelled",
        ),
        pytest.param(
            "Helen Carter postponed the talks with David Moore.",
            "negated",
            id="object-of-postponed",
        ),
        pytest.param(
            "There was no handshake between Tony Blair and Gordon Brown.",
            "negated",
            id="no-handshake",
        ),
        pytest.param(
            "The meeting between Gordon Brown and Tony Blair did not produce a deal.",
            "asserted",
            id="held-but-fruitless",
        ),
    ],
)
def test_events_predicate_of_an_event_noun_sets_status(
    nlp: Language, text: str, status: str
) -> None:
    facts = extracted_facts(nlp, text)
    assert {f.status for f in facts if f.predicate == "met"} == {status}


@pytest.mark.parametrize(
    ("text", "pairs"),
    [
        pytest.param(
            "Tony Blair arrived in Washington on Monday. His meeting with George Bush lasted "
            "two hours.",
            {frozenset(("Tony Blair", "George Bush"))},
            id="his-meeting-with",
        ),
        pytest.param(
            "Tony Blair said his meeting with George Bush had gone well.",
            {frozenset(("Tony Blair", "George Bush"))},
            id="his-meeting-same-sentence",
        ),
        pytest.param(
            "Tony Blair and Gordon Brown arrived in Washington. His meeting with George Bush "
            "lasted two hours.",
            set(),
            id="his-with-two-candidates",
        ),
        pytest.param(
            "Mrs Kelly arrived in Washington. His meeting with George Bush lasted two hours.",
            set(),
            id="his-against-a-known-woman",
        ),
    ],
)
def test_events_possessive_pronoun_owns_the_event(
    nlp: Language, text: str, pairs: set[frozenset[str]]
) -> None:
    assert met_pairs(extracted_facts(nlp, text)) == pairs


def test_events_possessive_pronoun_owns_a_visit(nlp: Language) -> None:
    facts = extracted_facts(
        nlp, "Ruth Kelly flew to Brussels on Sunday. Her visit to Paris was brief."
    )
    visited = {(f.subject, f.object) for f in facts if f.predicate == "visited"}
    assert ("Ruth Kelly", "Paris") in visited


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Tony Blair held talks with George Bush by video link.", id="video-link"),
        pytest.param("Tony Blair held telephone talks with George Bush.", id="telephone-talks"),
        pytest.param("Tony Blair talked with George Bush on the phone.", id="on-the-phone"),
    ],
)
def test_events_remote_talks_are_not_meetings(nlp: Language, text: str) -> None:
    assert not met_pairs(extracted_facts(nlp, text))


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "Tony Blair was introduced by Gordon Brown at the rally in Gateshead.",
            id="was-introduced-by",
        ),
        pytest.param(
            "Gordon Brown introduced Tony Blair to the conference in Brighton.", id="introduced"
        ),
        pytest.param(
            "Tony Blair finished his speech to loud applause. The speech, which ran for an hour, "
            "had been introduced by Gordon Brown.",
            id="the-speech-is-the-one-named-before",
        ),
        pytest.param(
            "Tony Blair's address to the party was introduced by Gordon Brown.",
            id="possessed-address",
        ),
    ],
)
def test_events_introducing_a_speaker_is_a_meeting(nlp: Language, text: str) -> None:
    assert met_pairs(extracted_facts(nlp, text)) == {BROWN_BLAIR}


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "Gordon Brown introduced the bill in the Commons on Tuesday.", id="a-bill-not-a-person"
        ),
        pytest.param(
            "Tony Blair gave a speech in Leeds.\n\nThe speech was introduced by Gordon Brown.",
            id="speech-of-another-paragraph",
        ),
        pytest.param(
            "The speech was introduced by Gordon Brown, while Tony Blair watched on television.",
            id="speech-with-no-speaker",
        ),
    ],
)
def test_events_no_meeting_when_introduced_thing_has_no_speaker(nlp: Language, text: str) -> None:
    assert BROWN_BLAIR not in met_pairs(extracted_facts(nlp, text))


def test_events_also_joined_adds_to_the_earlier_company(nlp: Language) -> None:
    text = (
        "Tony Blair was introduced by Gordon Brown at the rally. "
        "Mr Blair was also joined on stage by his wife Cherie and John Prescott."
    )
    pairs = met_pairs(extracted_facts(nlp, text))
    assert {
        frozenset(("Gordon Brown", "Cherie")),
        frozenset(("Gordon Brown", "John Prescott")),
    } < pairs
    assert {BROWN_BLAIR, frozenset(("Tony Blair", "John Prescott"))} < pairs


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "Tony Blair met Gordon Brown in Leeds. Mr Blair was joined by John Prescott.",
            id="no-also",
        ),
        pytest.param(
            "Tony Blair met Gordon Brown in Leeds.\n\nMr Blair was also joined by John Prescott.",
            id="next-paragraph",
        ),
        pytest.param(
            "Tony Blair did not meet Gordon Brown in Leeds. Mr Blair was also joined by John "
            "Prescott.",
            id="earlier-meeting-negated",
        ),
    ],
)
def test_events_joined_without_also_keeps_the_company_apart(nlp: Language, text: str) -> None:
    assert frozenset(("Gordon Brown", "John Prescott")) not in met_pairs(extracted_facts(nlp, text))
