"""Visits (kg.extract.relations.visits) and the names they go to; sentences written for these
tests."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from kg.types import Fact
from tests.samples import extracted_facts


def _facts(nlp: Language, text: str) -> list[Fact]:
    return extracted_facts(nlp, text, published=date(2024, 5, 6))


def _visited(facts: list[Fact]) -> set[tuple[str, str]]:
    return {(f.subject, f.object) for f in facts if f.predicate == "visited"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Helen Carter hosted David Moore in Lisbon on Thursday.",
            {("David Moore", "Lisbon")},
            id="a-hosts-guest-visited",
        ),
        pytest.param(
            "Helen Carter attended the summit in Jakarta on Monday.",
            {("Helen Carter", "Jakarta")},
            id="attended-an-event-where-it-is",
        ),
        pytest.param(
            "Helen Carter welcomed David Moore to Berlin on Monday.",
            {("David Moore", "Berlin")},
            id="welcomed-to-a-place",
        ),
        pytest.param(
            "Carla Hess was in Lima on Monday for talks on trade.",
            {("Carla Hess", "Lima")},
            id="was-in-a-place",
        ),
        pytest.param(
            "Nadia Lund visited the Royal Palace in Madrid on Friday.",
            {("Nadia Lund", "Madrid")},
            id="organisation-visited-where-it-is",
        ),
        pytest.param(
            "Nadia Lund toured the Blue Mosque in Istanbul on Friday.",
            {("Nadia Lund", "Istanbul")},
            id="toured-where-it-is",
        ),
        pytest.param(
            "Helen Carter made a surprise visit to Kyiv on Tuesday.",
            {("Helen Carter", "Kyiv")},
            id="place-the-tagger-missed-after-a-visit-to",
        ),
        pytest.param(
            "Nadia Lund touched down in Doha on Monday.",
            {("Nadia Lund", "Doha")},
            id="touched-down-in",
        ),
        pytest.param(
            "Nadia Lund's arrival in Doha was delayed by fog.",
            {("Nadia Lund", "Doha")},
            id="arrival-in",
        ),
        pytest.param(
            "Nadia Lund departed Doha on Tuesday.",
            {("Nadia Lund", "Doha")},
            id="departed",
        ),
        pytest.param(
            "During a stopover in Doha, Nadia Lund met David Moore.",
            {("Nadia Lund", "Doha")},
            id="a-stopover-in",
        ),
        pytest.param(
            "Tom Reyes made a tour of the Gulf, with stops in Doha and Muscat.",
            {("Tom Reyes", "Doha"), ("Tom Reyes", "Muscat")},
            id="stops-in-the-plural",
        ),
        pytest.param(
            "Tom Reyes led a trade mission to Kabul in March.",
            {("Tom Reyes", "Kabul")},
            id="led-a-mission-to",
        ),
        pytest.param(
            "Tom Reyes has made three visits to Kabul since 2002.",
            {("Tom Reyes", "Kabul")},
            id="visits-in-the-plural",
        ),
        pytest.param(
            "Russian nationalist leader Tom Reyes left Baghdad on Wednesday.",
            {("Tom Reyes", "Baghdad")},
            id="left-a-place-abroad",
        ),
        pytest.param(
            "Beijing was angered by a visit to Oslo by Tom Reyes last week.",
            {("Tom Reyes", "Oslo")},
            id="a-visit-by-someone",
        ),
        pytest.param(
            "A trip by Tom Reyes to Doha was cut short by the storm.",
            {("Tom Reyes", "Doha")},
            id="a-trip-by-someone-before-its-place",
        ),
    ],
)
def test_visits_found(nlp: Language, text: str, expected: set[tuple[str, str]]) -> None:
    assert expected <= _visited(_facts(nlp, text))


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Carla Hess was in favour of the plan on Monday.", id="in-favour"),
        pytest.param("Carla Hess was in Parliament on Monday.", id="in-an-organisation"),
        pytest.param(
            "Carla Hess is from Yatsushiro in Kumamoto Prefecture in southern Japan.",
            id="from-a-place-in-another-is-no-visit",
        ),
        pytest.param("Carla Hess's report is due in Tokyo on Friday.", id="a-thing-due"),
        pytest.param(
            "In Tokyo, Carla Hess was expected to discuss the budget.",
            id="expected-to-do-something-there",
        ),
    ],
)
def test_visits_being_in_something_else_is_no_visit(nlp: Language, text: str) -> None:
    assert not _visited(_facts(nlp, text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Lena Moss toured the Harbour View Hospital on Tuesday.",
            {("Lena Moss", "Harbour View Hospital")},
            id="a-hospital-toured",
        ),
        pytest.param(
            "Lena Moss visited the Royal Palace in Lima on Tuesday.",
            {("Lena Moss", "Royal Palace"), ("Lena Moss", "Lima")},
            id="a-palace-and-its-town",
        ),
    ],
)
def test_visits_a_named_building_visited_is_a_place(
    nlp: Language, text: str, expected: set[tuple[str, str]]
) -> None:
    """A name the tagger took for an organisation that ends in a word for a building is the
    place visited, where a verb of travel takes it."""
    assert expected <= _visited(_facts(nlp, text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Lena Moss toured a factory at Longbridge on Monday.",
            {("Lena Moss", "Longbridge")},
            id="a-thing-at-a-place",
        ),
        pytest.param(
            "Lena Moss attended the party conference at Blackpool.",
            {("Lena Moss", "Blackpool")},
            id="a-gathering-at-a-place",
        ),
        pytest.param(
            "Lena Moss will inspect naval facilities in Surabaya on Friday.",
            {("Lena Moss", "Surabaya")},
            id="things-inspected-at-a-place",
        ),
        pytest.param(
            "Lena Moss spent the weekend campaigning in Wales.",
            {("Lena Moss", "Wales")},
            id="a-stay-spent-doing-something-in-a-place",
        ),
        pytest.param(
            "Lena Moss campaigned in Ohio on Saturday.",
            {("Lena Moss", "Ohio")},
            id="campaigned-in-a-place",
        ),
        pytest.param(
            "Lena Moss made a stop in Dublin on her way to Boston.",
            {("Lena Moss", "Dublin")},
            id="a-stop-made-where-the-clause-says",
        ),
        pytest.param(
            "Lena Moss began her Asian tour in Hanoi on Monday.",
            {("Lena Moss", "Hanoi")},
            id="a-tour-begun-where-the-clause-says",
        ),
        pytest.param(
            "Lena Moss ended her visit in Quito on Friday.",
            {("Lena Moss", "Quito")},
            id="a-visit-ended-where-it-was",
        ),
        pytest.param(
            "During her stay in Accra, Lena Moss opened a school.",
            {("Lena Moss", "Accra")},
            id="a-stay-in-a-place",
        ),
    ],
)
def test_visits_where_the_thing_or_stop_is(
    nlp: Language, text: str, expected: set[tuple[str, str]]
) -> None:
    assert expected <= _visited(_facts(nlp, text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Lena Moss later visited the township of Ndola.",
            {("Lena Moss", "Ndola")},
            id="the-township-of",
        ),
        pytest.param(
            "Lena Moss flew to the city of Lima on Monday.",
            {("Lena Moss", "Lima")},
            id="flew-to-the-city-of",
        ),
        pytest.param(
            "Lena Moss spent two days in the port of Mombasa.",
            {("Lena Moss", "Mombasa")},
            id="stayed-in-the-port-of",
        ),
        pytest.param(
            "Lena Moss toured flood-hit areas of Pakistan on Monday.",
            {("Lena Moss", "Pakistan")},
            id="toured-areas-of",
        ),
    ],
)
def test_visits_a_kind_of_place_named_by_its_of(
    nlp: Language, text: str, expected: set[tuple[str, str]]
) -> None:
    """'The city of Lima' is Lima: a noun for a kind of place mentions the place its 'of'
    names."""
    assert _visited(_facts(nlp, text)) == expected


def test_visits_the_people_of_a_place_are_not_the_place(nlp: Language) -> None:
    facts = _facts(nlp, "Lena Moss thanked the people of Lima on Monday.")
    assert not _visited(facts)


def test_visits_a_building_worked_in_is_not_visited(nlp: Language) -> None:
    facts = _facts(nlp, "Lena Moss, a nurse at the Harbour View Hospital, said wards were full.")
    assert not _visited(facts)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Chinese Premier Tom Reyes left Beijing on Sunday for a visit to Canberra.",
            {("Tom Reyes", "Canberra")},
            id="left-his-own-capital",
        ),
        pytest.param(
            "Australian Foreign Minister Helen Carter returned to Canberra after a trip to "
            "Jakarta.",
            {("Helen Carter", "Jakarta")},
            id="came-back-home",
        ),
    ],
)
def test_visits_leaving_or_coming_back_home_is_no_visit(
    nlp: Language, text: str, expected: set[tuple[str, str]]
) -> None:
    assert _visited(_facts(nlp, text)) == expected


@pytest.mark.parametrize("verb", ["criticised", "welcomed", "praised", "discussed"])
def test_visits_spoken_of_are_not_the_speakers(nlp: Language, verb: str) -> None:
    assert not _visited(_facts(nlp, f"Helen Carter {verb} the visit to Kabul on Monday."))


@pytest.mark.parametrize("verb", ["began", "cut short", "opened", "made", "led", "joined"])
def test_visits_undertaken_are_the_subjects(nlp: Language, verb: str) -> None:
    facts = _facts(nlp, f"Helen Carter {verb} a visit to Kabul on Monday.")
    assert _visited(facts) == {("Helen Carter", "Kabul")}


def test_visits_by_people_named_by_no_name_are_not_the_speakers(nlp: Language) -> None:
    assert not _visited(_facts(nlp, "Helen Carter criticised visits to Kabul by ministers."))


def test_visits_the_visitor_is_who_made_the_visit_not_who_spoke_of_it(nlp: Language) -> None:
    facts = _facts(nlp, "Helen Carter condemned a visit to Taipei by Tom Reyes last week.")
    assert _visited(facts) == {("Tom Reyes", "Taipei")}


@pytest.mark.parametrize(
    ("text", "status"),
    [
        pytest.param("Tom Reyes to visit Madrid next week.", "planned", id="headline-to-visit"),
        pytest.param(
            "Tom Reyes vowed to go on even if he has to travel to Madrid.",
            "planned",
            id="a-condition-to-travel",
        ),
        pytest.param(
            "Tom Reyes, the first leader to visit Madrid, met Helen Carter.",
            "asserted",
            id="the-first-to-visit-in-apposition",
        ),
    ],
)
def test_visits_by_an_infinitive(nlp: Language, text: str, status: str) -> None:
    facts = [f for f in _facts(nlp, text) if f.predicate == "visited"]
    assert [(f.subject, f.object, f.status) for f in facts] == [("Tom Reyes", "Madrid", status)]


def test_visits_visiting_an_organisation_is_not_working_for_it(nlp: Language) -> None:
    facts = _facts(nlp, "Nadia Lund visited the Royal Palace in Madrid on Friday.")
    assert not [f for f in facts if f.predicate == "works_for"]


def test_visits_place_inside_a_name_is_visited_too(nlp: Language) -> None:
    """'visited the X in Y': Y is visited too, and no place is named 'X in Y' (the tagger's
    run-on names are split: tests/extract/test_name_repair.py)."""
    facts = _facts(nlp, "Omar Haddad visited the Golden Gate Bridge in San Francisco on Monday.")
    visited = _visited(facts)
    assert ("Omar Haddad", "San Francisco") in visited
    assert not any(" in " in place for _, place in visited)


def test_visits_visiting_leader_is_in_the_dateline_place(nlp: Language) -> None:
    facts = _facts(
        nlp,
        "BANGKOK (Reuters) - Visiting Japanese Prime Minister Kenji Mori met Thai Prime "
        "Minister Anan Sorn on Tuesday.",
    )
    assert _visited(facts) == {("Kenji Mori", "Bangkok")}


def test_visits_no_dateline_no_place_for_a_visitor(nlp: Language) -> None:
    facts = _facts(nlp, "Visiting Japanese Prime Minister Kenji Mori met Anan Sorn on Tuesday.")
    assert not _visited(facts)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Kenji Mori invited Luc Gagnon to visit Tokyo next year.", id="invited"),
        pytest.param("Kenji Mori called on Luc Gagnon to visit Tokyo soon.", id="called-on"),
    ],
)
def test_visits_of_the_one_asked_to_go_are_planned(nlp: Language, text: str) -> None:
    facts = _facts(nlp, text)
    assert {(f.subject, f.object, f.status) for f in facts if f.predicate == "visited"} == {
        ("Luc Gagnon", "Tokyo", "planned")
    }


@pytest.mark.parametrize(
    ("text", "status"),
    [
        pytest.param(
            "Kenji Mori will meet Luc Gagnon before flying to Ottawa.", "planned", id="will"
        ),
        pytest.param("Kenji Mori met Luc Gagnon before flying to Ottawa.", "asserted", id="did"),
        pytest.param(
            "Kenji Mori hopes to meet Luc Gagnon during his trip to Ottawa.",
            "planned",
            id="during-a-trip-under-a-hope",
        ),
        pytest.param(
            "Kenji Mori promised new roads during his trip to Ottawa.",
            "asserted",
            id="during-a-trip-a-promise-was-made-on",
        ),
        pytest.param(
            "Kenji Mori will promise new roads during his trip to Ottawa.",
            "planned",
            id="during-a-trip-a-promise-will-be-made-on",
        ),
    ],
)
def test_visits_a_gerund_after_before_is_as_planned_as_its_clause(
    nlp: Language, text: str, status: str
) -> None:
    facts = _facts(nlp, text)
    assert {(f.subject, f.object, f.status) for f in facts if f.predicate == "visited"} == {
        ("Kenji Mori", "Ottawa", status)
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Japanese Foreign Minister Helen Carter met Turkish President David Moore in Ankara "
            "on Monday.",
            {("Helen Carter", "Ankara")},
            id="the-foreign-guest-of-a-meeting-abroad",
        ),
        pytest.param(
            "In Warsaw, German Chancellor Helen Carter met Polish President David Moore.",
            {("Helen Carter", "Warsaw")},
            id="a-meeting-place-opening-the-sentence",
        ),
        pytest.param(
            "British Prime Minister Helen Carter met David Moore in London on Monday.",
            set(),
            id="a-meeting-at-home",
        ),
        pytest.param(
            "Helen Carter met David Moore in Ankara on Monday.", set(), id="no-country-given"
        ),
    ],
)
def test_visits_a_meeting_abroad_implies(
    nlp: Language, text: str, expected: set[tuple[str, str]]
) -> None:
    assert _visited(_facts(nlp, text)) == expected


def test_visits_a_planned_meeting_abroad_is_a_planned_visit(nlp: Language) -> None:
    text = "Japanese Foreign Minister Helen Carter will meet David Moore in Ankara next week."
    visits = {
        (f.subject, f.object, f.status) for f in _facts(nlp, text) if f.predicate == "visited"
    }
    assert visits == {("Helen Carter", "Ankara", "planned")}


@pytest.mark.parametrize(
    "text",
    [
        "Lena Moss is slated to visit Tokyo in March.",
        "Lena Moss accepted an invitation from Tom Reyes to visit Tokyo.",
        "Tom Reyes invited Lena Moss to Tokyo for the spring.",
        "Lena Moss is due in Tokyo on Thursday for talks.",
        "Lena Moss is expected in Tokyo later this week.",
    ],
)
def test_visits_slated_or_invited_is_planned(nlp: Language, text: str) -> None:
    facts = _facts(nlp, text)
    assert {(f.subject, f.object, f.status) for f in facts if f.predicate == "visited"} == {
        ("Lena Moss", "Tokyo", "planned")
    }


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Lena Moss made a visit to storm-hit Harbridge on Monday.", id="a-visit-to"),
        pytest.param("Lena Moss flew to Harbridge on Monday.", id="flew-to"),
    ],
)
def test_visits_a_town_the_gazetteer_lacks_where_a_journey_goes(nlp: Language, text: str) -> None:
    visits = {(f.subject, f.object) for f in _facts(nlp, text) if f.predicate == "visited"}
    assert visits == {("Lena Moss", "Harbridge")}


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Lena Moss paid a visit to NATO on Monday.", id="letters-of-a-body"),
        pytest.param("Lena Moss sang a song about going to the Lordy.", id="with-its-article"),
        pytest.param(
            "Lena Moss left school to go to Harbridge University.", id="an-organisations-name"
        ),
    ],
)
def test_visits_not_every_name_a_journey_goes_to(nlp: Language, text: str) -> None:
    assert not [f for f in _facts(nlp, text) if f.predicate == "visited"]
