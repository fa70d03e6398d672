"""Meeting and visit patterns, with sentences written for these tests (published Wed 2005-03-09)."""

from __future__ import annotations

import pytest
from spacy.language import Language

from kg.types import Fact
from tests.samples import extracted_facts, met_pairs


@pytest.mark.parametrize(
    ("text", "pairs"),
    [
        pytest.param(
            "Helen Carter and David Moore sat down for talks in Leeds.",
            [("Helen Carter", "David Moore")],
            id="plural-subject-sat-down-for-talks",
        ),
        pytest.param(
            "The two ministers, Helen Carter and David Moore, sat down to dinner at the embassy.",
            [("Helen Carter", "David Moore")],
            id="named-pair-sat-down-to-dinner",
        ),
        pytest.param(
            "Helen Carter and David Moore appeared at a joint press conference in Leeds.",
            [("Helen Carter", "David Moore")],
            id="a-joint-event-is-theirs-together",
        ),
        pytest.param(
            "After his talks with Helen Carter, David Moore flew home.",
            [("Helen Carter", "David Moore")],
            id="possessive-in-a-phrase-before-its-subject",
        ),
        pytest.param(
            "Carter hosted Moore in Leeds for talks on fishing quotas.",
            [("Carter", "Moore")],
            id="host-verb-guest-by-one-name",
        ),
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
            "Kenji Mori and Helen Carter sat down for a bilateral at the summit.",
            [("Kenji Mori", "Helen Carter")],
            id="sat-down-for-a-bilateral",
        ),
        pytest.param(
            "Kenji Mori held a bilateral with Helen Carter in Lima.",
            [("Kenji Mori", "Helen Carter")],
            id="held-a-bilateral-with",
        ),
        pytest.param(
            "Kenji Mori and Helen Carter huddled for two hours on Tuesday.",
            [("Kenji Mori", "Helen Carter")],
            id="a-plural-subject-huddled",
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
        pytest.param(
            "Tony Blair shook hands with Gerhard Schroeder at the summit.",
            [("Tony Blair", "Gerhard Schroeder")],
            id="shook-hands-with",
        ),
        pytest.param(
            "Tony Blair and Gerhard Schroeder shook hands in Berlin.",
            [("Tony Blair", "Gerhard Schroeder")],
            id="plural-subject-shook-hands",
        ),
        pytest.param(
            "Tony Blair hosted a dinner for Gerhard Schroeder.",
            [("Tony Blair", "Gerhard Schroeder")],
            id="hosted-a-dinner-for",
        ),
        pytest.param(
            "Tony Blair had a private audience with the Pope, John Paul II.",
            [("Tony Blair", "John Paul II")],
            id="an-audience-with",
        ),
        pytest.param(
            "Tony Blair entertained Gerhard Schroeder at Chequers.",
            [("Tony Blair", "Gerhard Schroeder")],
            id="entertained",
        ),
        pytest.param(
            "Tony Blair spoke with Gerhard Schroeder at the summit in Brussels.",
            [("Tony Blair", "Gerhard Schroeder")],
            id="spoke-with-at-a-gathering",
        ),
        pytest.param(
            "Tony Blair joined Gordon Brown in Paris.",
            [("Tony Blair", "Gordon Brown")],
            id="joined-in-a-place",
        ),
        pytest.param(
            "Tony Blair sat next to Gordon Brown at the dinner.",
            [("Tony Blair", "Gordon Brown")],
            id="sat-next-to",
        ),
        pytest.param(
            "Tony Blair was flanked by Gordon Brown and John Prescott at the launch.",
            [("Tony Blair", "Gordon Brown"), ("Tony Blair", "John Prescott")],
            id="flanked-by",
        ),
        pytest.param(
            "Helen Carter arrived in Geneva on Monday. David Moore flew in from Oslo. "
            "The Carter-Moore talks ended without a deal.",
            [("Helen Carter", "David Moore")],
            id="the-x-y-talks",
        ),
        pytest.param(
            "The meeting of Helen Carter and David Moore lasted an hour.",
            [("Helen Carter", "David Moore")],
            id="the-meeting-of-a-and-b",
        ),
        pytest.param(
            "Helen Carter is the first foreign leader to meet David Moore since his election.",
            [("Helen Carter", "David Moore")],
            id="first-leader-to-meet",
        ),
        pytest.param(
            "Speaking alongside David Moore in Lisbon, Helen Carter said the deal was close.",
            [("Helen Carter", "David Moore")],
            id="speaking-alongside",
        ),
        pytest.param(
            "Helen Carter, standing next to David Moore, said the deal was close.",
            [("Helen Carter", "David Moore")],
            id="standing-next-to",
        ),
        pytest.param(
            "Helen Carter called on President David Moore at the palace.",
            [("Helen Carter", "David Moore")],
            id="called-on",
        ),
        pytest.param(
            "Helen Carter paid a courtesy call on David Moore in Lisbon.",
            [("Helen Carter", "David Moore")],
            id="courtesy-call-on",
        ),
        pytest.param(
            "Senator Helen Carter huddled with Senator David Moore on Capitol Hill.",
            [("Helen Carter", "David Moore")],
            id="huddled-with",
        ),
        pytest.param(
            "Governor Helen Carter rallied with David Moore in Dayton on Saturday.",
            [("Helen Carter", "David Moore")],
            id="rallied-with",
        ),
        pytest.param(
            "Helen Carter escorted David Moore through the palace gardens.",
            [("Helen Carter", "David Moore")],
            id="escorted",
        ),
        pytest.param(
            "Helen Carter exchanged views with David Moore on trade.",
            [("Helen Carter", "David Moore")],
            id="exchanged-views-with",
        ),
        pytest.param(
            "Helen Carter arrived. David Moore arrived. In a two-hour meeting, Carter and Moore "
            "discussed the border.",
            [("Helen Carter", "David Moore")],
            id="in-a-meeting-a-and-b-discussed",
        ),
        pytest.param(
            "Ruth Banks arrived. David Moore arrived. Banks told reporters after the meeting "
            "with Moore that the border would reopen.",
            [("Ruth Banks", "David Moore")],
            id="surname-tagged-as-a-common-noun",
        ),
        pytest.param(
            "Helen Carter had a long discussion with Tom Reyes in Oslo.",
            [("Helen Carter", "Tom Reyes")],
            id="a-discussion-with",
        ),
        pytest.param(
            "Tom Reyes looked on as Helen Carter signed the accord in Lima.",
            [("Helen Carter", "Tom Reyes")],
            id="looked-on-as",
        ),
        pytest.param(
            "Helen Carter and Tom Reyes posed for photographs outside the palace.",
            [("Helen Carter", "Tom Reyes")],
            id="two-posed-for-photographs",
        ),
    ],
)
def test_meetings_found(nlp: Language, text: str, pairs: list[tuple[str, str]]) -> None:
    assert {frozenset(p) for p in pairs} <= met_pairs(extracted_facts(nlp, text))


def test_meetings_date_of_a_named_meeting(nlp: Language) -> None:
    facts = extracted_facts(
        nlp, "Gordon Brown and Tony Blair attended Monday's meeting of the cabinet."
    )
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
            "Tony Blair criticised Gordon Brown. The three met on Monday.",
            id="three-of-two-is-unclear",
        ),
        pytest.param("Helen Carter exchanged letters with David Moore.", id="exchanged-letters"),
        pytest.param(
            "Gordon Brown travelled to Leeds with Tony Blair's letter.", id="with-a-thing"
        ),
        pytest.param("Gordon Brown sees Tony Blair as a rival.", id="see-as-is-an-opinion"),
        pytest.param("Gordon Brown lives next to Tony Blair.", id="lives-next-to"),
        pytest.param(
            "The stage was flanked by posters of Tony Blair and Gordon Brown.",
            id="flanked-by-things",
        ),
        pytest.param("Gordon Brown spoke with Tony Blair on Monday.", id="spoke-with-anywhere"),
        pytest.param(
            "Helen Carter and David Moore appeared at separate press conferences.",
            id="separate-events-are-not-joint",
        ),
        pytest.param(
            "Gordon Brown spoke with Tony Blair by phone during the summit.",
            id="spoke-with-by-phone-at-a-gathering",
        ),
        pytest.param(
            "Gordon Brown held a meeting for Tony Blair's supporters.", id="held-for-not-hosted"
        ),
        pytest.param(
            "Helen Carter called on David Moore and Anna Berg to resign.", id="called-on-to-act"
        ),
        pytest.param(
            "David Moore chaired the meeting of the cabinet, Helen Carter said.",
            id="the-meeting-of-a-body",
        ),
        pytest.param(
            "Helen Carter and David Moore met the delegates separately.",
            id="met-others-separately",
        ),
        pytest.param(
            "Gordon Brown and Tony Blair welcomed the report.", id="plural-subject-not-reciprocal"
        ),
        pytest.param("Gordon Brown and Tony Blair joined Labour in 1983.", id="joined-a-party"),
        pytest.param(
            "Gordon Brown and Tony Blair visited Glasgow on Monday.", id="visited-the-same-city"
        ),
        pytest.param(
            "Gordon Brown joined Tony Blair in condemning the attack.", id="joined-in-an-act"
        ),
        pytest.param(
            "Gordon Brown held talks with Tony Blair aides in Leeds.",
            id="a-name-modifying-a-noun-is-not-there",
        ),
        pytest.param(
            "Gordon Brown met Charles Kennedy campaign staff on Monday.",
            id="a-name-modifying-a-title-is-not-there",
        ),
    ],
)
def test_meetings_not_found(nlp: Language, text: str) -> None:
    assert not met_pairs(extracted_facts(nlp, text))


@pytest.mark.parametrize(
    ("text", "status"),
    [
        pytest.param(
            "The ministry announced that Tony Blair would fly to Bonn for talks with Gerhard "
            "Schroeder next month.",
            "planned",
            id="would-in-reported-speech",
        ),
        pytest.param(
            "Tony Blair said he would meet Gerhard Schroeder if the vote was lost.",
            "planned",
            id="would-under-a-condition",
        ),
        pytest.param(
            "Tony Blair flew to Bonn for talks with Gerhard Schroeder on Monday.",
            "asserted",
            id="talks-as-done-as-the-journey",
        ),
    ],
)
def test_meetings_purpose_takes_the_status_of_its_verb(
    nlp: Language, text: str, status: str
) -> None:
    facts = extracted_facts(nlp, text)
    assert met_pairs(facts, status) == {frozenset(("Tony Blair", "Gerhard Schroeder"))}
    visits = {(f.subject, f.object, f.status) for f in facts if f.predicate == "visited"}
    assert visits <= {("Tony Blair", "Bonn", status)}


def test_meetings_planned_attendance_is_planned(nlp: Language) -> None:
    facts = extracted_facts(nlp, "Tony Blair and Gordon Brown will attend the summit in Paris.")
    assert met_pairs(facts, "planned") == {frozenset(("Tony Blair", "Gordon Brown"))}
    assert not met_pairs(facts)


def test_visits_relative_clause_subject_and_failure_to_return(nlp: Language) -> None:
    facts = extracted_facts(
        nlp,
        "Police are searching for Michael Ferguson, who failed to return after a trip to "
        "East Kilbride on Monday.",
    )
    visits = {(f.subject, f.object, f.status) for f in facts if f.predicate == "visited"}
    assert visits == {("Michael Ferguson", "East Kilbride", "asserted")}


def test_pronoun_subject_resolves_when_unambiguous(nlp: Language) -> None:
    facts = extracted_facts(
        nlp, "Michael Howard arrived in Leeds on Monday. He met Tony Blair there."
    )
    assert met_pairs(facts) == {frozenset(("Michael Howard", "Tony Blair"))}


def test_pronoun_subject_named_in_apposition_to_a_title(nlp: Language) -> None:
    text = (
        "The Irish foreign minister, Sean Doyle, flew to Oslo on Monday. "
        "He met Prime Minister Erna Berg and laid a wreath."
    )
    assert met_pairs(extracted_facts(nlp, text)) == {frozenset(("Sean Doyle", "Erna Berg"))}


@pytest.mark.parametrize(
    "text",
    [
        "Helen Carter's spokesman said she would meet Tom Reyes in Lima on Friday.",
        "A spokesman for Helen Carter said she would meet Tom Reyes in Lima on Friday.",
    ],
)
def test_pronoun_of_the_person_a_spokesman_speaks_for(nlp: Language, text: str) -> None:
    facts = extracted_facts(nlp, text)
    assert met_pairs(facts, "planned") == {frozenset(("Helen Carter", "Tom Reyes"))}


def test_pronoun_of_someone_elses_relative_is_not_theirs(nlp: Language) -> None:
    facts = extracted_facts(nlp, "Tom Reyes's wife said she would meet Helen Carter in Lima.")
    assert not met_pairs(facts, "planned")


def test_pronoun_with_two_candidates_stays_unresolved(nlp: Language) -> None:
    facts = extracted_facts(
        nlp, "Michael Howard and Charles Kennedy arrived. He met Tony Blair there."
    )
    assert not met_pairs(facts)


def test_pronoun_of_a_gender_someone_else_named_has_stays_unresolved(nlp: Language) -> None:
    facts = extracted_facts(
        nlp, "David Moore is expected to hold talks with Mrs Carter when she visits Lisbon."
    )
    assert not any(f.predicate == "visited" and f.subject == "David Moore" for f in facts)


def test_pronoun_looks_past_a_quoted_sentence(nlp: Language) -> None:
    text = (
        'Michael Howard told reporters the law was rushed. "I hope we can agree." '
        "He said after meeting Tony Blair he was disappointed."
    )
    assert met_pairs(extracted_facts(nlp, text)) == {frozenset(("Michael Howard", "Tony Blair"))}


def test_pronoun_looks_past_a_sentence_about_it(nlp: Language) -> None:
    """'It was his first visit' is about no one: 'he' after it is still the traveller."""
    text = (
        "Tom Reyes flew to Lima on Friday. It was his first visit to Peru. "
        "He met Helen Carter at the palace."
    )
    assert met_pairs(extracted_facts(nlp, text)) == {frozenset(("Tom Reyes", "Helen Carter"))}


def test_pronoun_is_the_one_person_a_sentence_without_a_subject_names(nlp: Language) -> None:
    """No person is the subject of 'The tour is Reyes's second abroad', but it names one."""
    text = (
        "Tom Reyes landed in Lima on Friday. The tour is Reyes's second abroad this year. "
        "He held talks with Helen Carter at the palace."
    )
    assert met_pairs(extracted_facts(nlp, text)) == {frozenset(("Tom Reyes", "Helen Carter"))}


def test_pronoun_is_not_one_of_two_persons_a_sentence_names(nlp: Language) -> None:
    text = (
        "Tom Reyes landed in Lima on Friday. The tour follows Reyes's row with Kenji Mori. "
        "He held talks with Helen Carter at the palace."
    )
    assert not met_pairs(extracted_facts(nlp, text))


def test_pronoun_does_not_look_past_a_sentence_naming_nobody(nlp: Language) -> None:
    text = (
        "Michael Howard told reporters the law was rushed. The debate went on for hours. "
        "He said after meeting Tony Blair he was disappointed."
    )
    assert not met_pairs(extracted_facts(nlp, text))


def _any_met(nlp: Language, text: str) -> set[frozenset[str]]:
    facts = extracted_facts(nlp, text)
    return met_pairs(facts) | met_pairs(facts, "planned")


@pytest.mark.parametrize(
    ("text", "pairs"),
    [
        pytest.param(
            "Tom Reyes arrived in Lima on Sunday. Helen Carter will hold talks with him today.",
            {frozenset(("Tom Reyes", "Helen Carter"))},
            id="the-one-person-of-the-sentence-before",
        ),
        pytest.param(
            "Tom Reyes said that Helen Carter had met him twice.",
            {frozenset(("Tom Reyes", "Helen Carter"))},
            id="a-person-outside-its-clause",
        ),
        pytest.param(
            "Tom Reyes arrived in Lima. Helen Carter, who met Luc Gagnon on Friday, greeted him.",
            {frozenset(("Tom Reyes", "Helen Carter")), frozenset(("Helen Carter", "Luc Gagnon"))},
            id="not-a-person-inside-its-clause",
        ),
    ],
)
def test_pronoun_object_resolves_when_unambiguous(
    nlp: Language, text: str, pairs: set[frozenset[str]]
) -> None:
    """'Him' and 'her' as an object refer to the one person named before them outside their own
    clause in the sentence, or else in the sentence before."""
    assert _any_met(nlp, text) == pairs


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "Tom Reyes met Luc Gagnon on Sunday. Helen Carter will hold talks with him today.",
            id="two-in-the-sentence-before",
        ),
        pytest.param(
            "Ms Moss arrived in Lima on Sunday. Helen Carter will hold talks with him today.",
            id="of-the-wrong-gender",
        ),
        pytest.param(
            "Tom Reyes and Luc Gagnon said Helen Carter would meet him on Monday.",
            id="two-outside-its-clause",
        ),
    ],
)
def test_pronoun_object_ambiguous_stays_unresolved(nlp: Language, text: str) -> None:
    assert not any("Helen Carter" in pair for pair in _any_met(nlp, text))


@pytest.mark.parametrize(
    ("text", "place"),
    [
        pytest.param(
            "Peter Hain held talks with Gerry Adams in Belfast.", "Belfast", id="on-the-name"
        ),
        pytest.param(
            "Peter Hain held talks in Belfast with Gerry Adams.", "Belfast", id="on-the-talks"
        ),
        pytest.param(
            "Ruth Kelly held talks with the Welsh First Minister Rhodri Morgan in Cardiff.",
            "Cardiff",
            id="a-city-the-tagger-missed",
        ),
        pytest.param(
            "JERUSALEM (Reuters) - Foreign Minister Eli Cohen hosted Dmytro Kuleba in Jerusalem.",
            "Jerusalem",
            id="a-city-a-dateline-names-in-capitals",
        ),
        pytest.param(
            "Jack Straw and Colin Powell held talks in Lisbon on Friday.",
            "Lisbon",
            id="on-the-talks-of-a-plural-subject",
        ),
        pytest.param(
            "Jack Straw flew to Lisbon, where he met Colin Powell.",
            "Lisbon",
            id="a-clause-opened-by-where",
        ),
        pytest.param(
            "Jack Straw will fly to Lisbon, where he is expected to meet Colin Powell.",
            "Lisbon",
            id="a-planned-meeting-in-a-clause-opened-by-where",
        ),
        pytest.param(
            "Jack Straw met Colin Powell, who was staying in London.", None, id="relative-clause"
        ),
    ],
)
def test_meeting_place_hung_on_a_participant(nlp: Language, text: str, place: str | None) -> None:
    facts = extracted_facts(nlp, text)
    assert [f.place for f in facts if f.predicate == "met"] == [place]


def test_meeting_place_is_not_a_home(nlp: Language) -> None:
    facts = extracted_facts(nlp, "Antony Blinken met Israeli President Isaac Herzog in Jerusalem.")
    assert {(f.predicate, f.place) for f in facts if f.predicate == "met"} == {("met", "Jerusalem")}
    assert not [f for f in facts if f.predicate == "lives_in"]


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "Gordon Brown and Tony Blair appeared together at the poster launch.",
            id="appeared-together",
        ),
        pytest.param(
            "Gordon Brown and Tony Blair campaigned side by side in Sunderland.",
            id="side-by-side",
        ),
        pytest.param(
            "Gordon Brown and Tony Blair staged a show of unity on Thursday.", id="show-of-unity"
        ),
        pytest.param(
            "Gordon Brown and Tony Blair gave a joint press conference on Monday.",
            id="joint-press-conference",
        ),
        pytest.param(
            "Gordon Brown and Tony Blair shared a platform in Sunderland.", id="shared-a-platform"
        ),
        pytest.param(
            "Tony Blair was accompanied by Gordon Brown on the trip.", id="accompanied-by"
        ),
        pytest.param("Tony Blair was received by Gordon Brown at the Treasury.", id="received-by"),
        pytest.param("Tony Blair paid a visit to Gordon Brown in Fife.", id="a-visit-to-a-person"),
        pytest.param(
            "Tony Blair received a visit from Gordon Brown on Monday.", id="a-visit-from-a-person"
        ),
        pytest.param("Tony Blair played host to Gordon Brown in Sedgefield.", id="played-host-to"),
        pytest.param(
            "Helen Carter praised the visit to Tony Blair by Gordon Brown on Monday.",
            id="a-visit-by-a-person-not-the-speaker",
        ),
        pytest.param(
            "Gordon Brown and Tony Blair visited a shipyard together on Friday.",
            id="visited-together-the-adverb-on-the-day",
        ),
        pytest.param(
            "Gordon Brown visited a hospital in Leeds with Tony Blair.", id="visited-with"
        ),
        pytest.param("Gordon Brown signed the accord with Tony Blair in Dublin.", id="signed-with"),
        pytest.param(
            "Gordon Brown and Tony Blair inspected the troops together.", id="inspected-together"
        ),
    ],
)
def test_meetings_joint_appearance(nlp: Language, text: str) -> None:
    assert met_pairs(extracted_facts(nlp, text)) == {frozenset(("Gordon Brown", "Tony Blair"))}


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "Gordon Brown and Tony Blair both appeared on television on Sunday.",
            id="appeared-not-together",
        ),
        pytest.param(
            "Gordon Brown and Tony Blair campaigned in Sunderland on Monday.",
            id="campaigned-not-together",
        ),
        pytest.param("Gordon Brown and Tony Blair gave separate press conferences.", id="separate"),
        pytest.param(
            "Gordon Brown and Tony Blair each gave a press conference on Monday.", id="each"
        ),
        pytest.param("Gordon Brown and Tony Blair staged rival rallies.", id="rival"),
        pytest.param("Gordon Brown saw Tony Blair on television.", id="seen-on-television"),
        pytest.param("Gordon Brown and Tony Blair shared the blame.", id="shared-not-a-platform"),
    ],
)
def test_meetings_same_kind_of_event_apart_is_not_a_meeting(nlp: Language, text: str) -> None:
    assert not met_pairs(extracted_facts(nlp, text))


@pytest.mark.parametrize(
    ("text", "met"),
    [
        pytest.param("Kenji Mori spent the evening with Helen Carter.", True, id="time-with"),
        pytest.param("Kenji Mori spent two hours with Helen Carter in Lima.", True, id="hours"),
        pytest.param("Kenji Mori spent £2m with Helen Carter's firm.", False, id="money"),
    ],
)
def test_meetings_time_spent_with_a_person(nlp: Language, text: str, met: bool) -> None:
    pairs = met_pairs(extracted_facts(nlp, text))
    assert (frozenset(("Kenji Mori", "Helen Carter")) in pairs) is met


def test_meetings_separate_talks_with_a_person_are_still_a_meeting_with_her(
    nlp: Language,
) -> None:
    """'Separate' keeps the subjects apart from each other, not from the one they talk with."""
    pairs = met_pairs(
        extracted_facts(nlp, "Kenji Mori and Luc Gagnon held separate talks with Helen Carter.")
    )
    assert pairs == {
        frozenset(("Kenji Mori", "Helen Carter")),
        frozenset(("Luc Gagnon", "Helen Carter")),
    }


@pytest.mark.parametrize(
    "text",
    [
        "Kenji Mori held talks with Helen Carter and with Luc Gagnon on Friday.",
        "Kenji Mori was greeted at the airport by Helen Carter, and by Luc Gagnon.",
    ],
)
def test_meetings_a_preposition_written_again_for_each_person(nlp: Language, text: str) -> None:
    """'With X and with Y': the second preposition is the first's conjunct, and its person met
    the subject too."""
    assert {
        frozenset(("Kenji Mori", "Helen Carter")),
        frozenset(("Kenji Mori", "Luc Gagnon")),
    } <= met_pairs(extracted_facts(nlp, text))


def test_meetings_planned_joint_appearance_is_planned(nlp: Language) -> None:
    facts = extracted_facts(
        nlp, "Gordon Brown and Tony Blair will appear together in London on Friday."
    )
    assert met_pairs(facts, "planned") == {frozenset(("Gordon Brown", "Tony Blair"))}
    assert not met_pairs(facts)


def _visits(facts: list[Fact]) -> set[tuple[str, str, str]]:
    return {(f.subject, f.object, f.status) for f in facts if f.predicate == "visited"}


@pytest.mark.parametrize(
    ("text", "visits"),
    [
        pytest.param(
            "Tony Blair toured a factory in Sunderland while on a visit with Ruth Kelly.",
            {("Tony Blair", "Sunderland", "asserted"), ("Ruth Kelly", "Sunderland", "asserted")},
            id="on-a-visit-with-in-the-clause-place",
        ),
        pytest.param(
            "Tony Blair flew to Washington with Jack Straw.",
            {("Tony Blair", "Washington", "asserted"), ("Jack Straw", "Washington", "asserted")},
            id="flew-with",
        ),
        pytest.param(
            "Tony Blair, on a visit to Paris, praised Gordon Brown.",
            {("Tony Blair", "Paris", "asserted")},
            id="on-a-visit-to",
        ),
        pytest.param(
            "Michael Ferguson was arrested when travelling to London from Belfast.",
            {("Michael Ferguson", "London", "planned")},
            id="arrested-when-travelling-to",
        ),
        pytest.param(
            "Tony Blair is flying to Moscow on Monday.",
            {("Tony Blair", "Moscow", "planned")},
            id="is-flying-to",
        ),
        pytest.param(
            "After flying to Moscow, Tony Blair met Vladimir Putin.",
            {("Tony Blair", "Moscow", "asserted")},
            id="after-flying-to",
        ),
        pytest.param(
            "Before heading to Moscow, Tony Blair met Jacques Chirac.",
            {("Tony Blair", "Moscow", "asserted")},
            id="before-heading-to",
        ),
        pytest.param(
            "Tony Blair toured a hospital in Leeds on Friday.",
            {("Tony Blair", "Leeds", "asserted")},
            id="toured-a-site-in-a-place",
        ),
        pytest.param(
            "Tony Blair landed in Kabul on Sunday.",
            {("Tony Blair", "Kabul", "asserted")},
            id="landed-in",
        ),
        pytest.param(
            "Tony Blair paid a visit to troops in Basra.",
            {("Tony Blair", "Basra", "asserted")},
            id="paid-a-visit-to-people-in-a-place",
        ),
        pytest.param("In London, Tony Blair announced a visit to troops.", set(), id="announced"),
        pytest.param(
            "Ruth Kelly visited a school in Luton.",
            {("Ruth Kelly", "Luton", "asserted")},
            id="visited-a-site-the-place-on-the-verb",
        ),
        pytest.param(
            "Ruth Kelly visited a school in the morning.", set(), id="visited-a-site-no-place"
        ),
        pytest.param(
            "Mr Blair visited Sedgefield on Friday. Tony Blair was cheered.",
            {("Tony Blair", "Sedgefield", "asserted")},
            id="visited-a-town-the-tagger-takes-for-a-person",
        ),
        pytest.param(
            "Michael Howard toured Evesham and Kidderminster.",
            {
                ("Michael Howard", "Evesham", "asserted"),
                ("Michael Howard", "Kidderminster", "asserted"),
            },
            id="toured-towns-the-tagger-takes-for-persons",
        ),
        pytest.param(
            "Tony Blair decided against flying to Belfast on Thursday.",
            {("Tony Blair", "Belfast", "negated")},
            id="decided-against",
        ),
        pytest.param(
            "Tony Blair is yet to visit Belfast.",
            {("Tony Blair", "Belfast", "negated")},
            id="is-yet-to",
        ),
        pytest.param(
            "Health Secretary Nora Blake visited Ghana's largest hospital on Monday.",
            {("Nora Blake", "Ghana", "asserted")},
            id="a-site-a-country-possesses",
        ),
        pytest.param(
            "Nora Blake visited her sister's flat.", set(), id="a-site-a-person-possesses"
        ),
        pytest.param(
            "Nora Blake flew into Lusaka on Monday.",
            {("Nora Blake", "Lusaka", "asserted")},
            id="flew-into",
        ),
        pytest.param(
            "Nora Blake returned from Lusaka on Friday.",
            {("Nora Blake", "Lusaka", "asserted")},
            id="returned-from",
        ),
        pytest.param(
            "Nora Blake flew to Tunis on Sunday.",
            {("Nora Blake", "Tunis", "asserted")},
            id="a-city-tagged-a-nationality",
        ),
        pytest.param(
            "Nora Blake spent three days in Lusaka last week.",
            {("Nora Blake", "Lusaka", "asserted")},
            id="spent-time-in",
        ),
        pytest.param("Nora Blake spent two million pounds in Lusaka.", set(), id="spent-money-in"),
        pytest.param(
            "The president will send Nora Blake to Lusaka next week.",
            {("Nora Blake", "Lusaka", "planned")},
            id="sent-someone-to",
        ),
        pytest.param("Tom Aske sent a letter to Lusaka.", set(), id="sent-something-to"),
        pytest.param(
            "Lima was visited by Tom Reyes on Monday.",
            {("Tom Reyes", "Lima", "asserted")},
            id="visited-by",
        ),
        pytest.param(
            "The summit in Lima was attended by Tom Reyes.",
            {("Tom Reyes", "Lima", "asserted")},
            id="a-summit-attended-by",
        ),
        pytest.param(
            "The summit, held in Lima, was attended by Tom Reyes.",
            {("Tom Reyes", "Lima", "asserted")},
            id="a-summit-held-in-a-place",
        ),
        pytest.param(
            "Tom Reyes, in Lima for talks with Andean leaders, said the deal was close.",
            {("Tom Reyes", "Lima", "asserted")},
            id="set-off-in-a-place-for-talks",
        ),
        pytest.param(
            "Tom Reyes, in Lima, said the deal was close.",
            set(),
            id="set-off-in-a-place-for-nothing",
        ),
    ],
)
def test_visits_found(nlp: Language, text: str, visits: set[tuple[str, str, str]]) -> None:
    assert _visits(extracted_facts(nlp, text)) == visits


def test_visits_on_a_visit_with_no_place_is_no_visit(nlp: Language) -> None:
    facts = extracted_facts(nlp, "Tony Blair praised the school while on a visit with Ruth Kelly.")
    assert not _visits(facts)
    assert met_pairs(facts) == {frozenset(("Tony Blair", "Ruth Kelly"))}


@pytest.mark.parametrize(
    ("text", "pairs"),
    [
        pytest.param(
            "Sarah Bowes-Lyon chaired the inquiry. On Monday Ms Bowes-Lyon met Gordon Brown "
            "in Leeds.",
            {frozenset(("Sarah Bowes-Lyon", "Gordon Brown"))},
            id="hyphenated-surname-after-honorific",
        ),
        pytest.param(
            "Sarah Bowes-Lyon chaired the inquiry. On Monday Ms Lyon met Gordon Brown in Leeds.",
            {frozenset(("Lyon", "Gordon Brown"))},
            id="half-a-hyphenated-surname-is-someone-else",
        ),
    ],
)
def test_meeting_hyphenated_surname_joins_its_full_name(
    nlp: Language, text: str, pairs: set[frozenset[str]]
) -> None:
    assert met_pairs(extracted_facts(nlp, text)) == pairs


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            '"I met Tony Blair in Downing Street on Monday," Gordon Brown said.',
            id="quote-before-its-speaker",
        ),
        pytest.param(
            'Gordon Brown said: "I sat down with Tony Blair last week and we agreed."',
            id="quote-after-its-speaker",
        ),
        pytest.param(
            '"I had a very good meeting with Tony Blair," said Gordon Brown.',
            id="speaker-after-said",
        ),
    ],
)
def test_meetings_first_person_in_a_quotation_is_its_speaker(nlp: Language, text: str) -> None:
    assert met_pairs(extracted_facts(nlp, text)) == {frozenset(("Gordon Brown", "Tony Blair"))}


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("I met Tony Blair in Downing Street on Monday.", id="no-quotation"),
        pytest.param(
            '"I met Tony Blair on Monday," Gordon Brown and Charles Kennedy said.',
            id="two-speakers",
        ),
        pytest.param(
            'Gordon Brown said the budget was fair. "I met Tony Blair on Monday," a voter added.',
            id="unnamed-speaker",
        ),
    ],
)
def test_meetings_first_person_without_one_named_speaker_is_nobody(
    nlp: Language, text: str
) -> None:
    pairs = met_pairs(extracted_facts(nlp, text))
    assert frozenset(("Gordon Brown", "Tony Blair")) not in pairs
    assert frozenset(("Charles Kennedy", "Tony Blair")) not in pairs


@pytest.mark.parametrize(
    ("text", "status"),
    [
        pytest.param(
            "Premier Lise Aalto will travel to Oslo to meet Jonas Brekke.",
            "planned",
            id="purpose-of-a-planned-journey",
        ),
        pytest.param(
            "Premier Lise Aalto hopes to see Jonas Brekke before the vote.",
            "planned",
            id="hopes-lemmatised-as-hop",
        ),
        pytest.param(
            "Premier Lise Aalto flew to Oslo to meet Jonas Brekke.",
            "asserted",
            id="purpose-of-a-journey-made",
        ),
        pytest.param(
            "Premier Lise Aalto meets Jonas Brekke in Oslo on Friday.",
            "planned",
            id="a-present-with-a-weekday-is-an-arrangement",
        ),
        pytest.param(
            "Premier Lise Aalto flies to Oslo on Friday to meet Jonas Brekke.",
            "planned",
            id="purpose-of-an-arranged-journey",
        ),
        pytest.param(
            "Premier Lise Aalto met Jonas Brekke in Oslo on Friday.",
            "asserted",
            id="a-past-with-a-weekday",
        ),
    ],
)
def test_meetings_status_of_purpose_and_hope(nlp: Language, text: str, status: str) -> None:
    met = {f.status for f in extracted_facts(nlp, text) if f.predicate == "met"}
    assert met == {status}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Premier Lise Aalto is meeting Jonas Brekke on Friday.",
            {("planned", frozenset({"Lise Aalto", "Jonas Brekke"}))},
            id="progressive-with-a-date",
        ),
        pytest.param(
            "Premier Lise Aalto meets Jonas Brekke in Oslo next week.",
            {("planned", frozenset({"Lise Aalto", "Jonas Brekke"}))},
            id="present-with-next-week",
        ),
        pytest.param(
            "Premier Lise Aalto met Jonas Brekke on Friday.",
            {("asserted", frozenset({"Lise Aalto", "Jonas Brekke"}))},
            id="past-with-a-date",
        ),
        pytest.param(
            "Premier Lise Aalto has invited Jonas Brekke to talks in Oslo.",
            {("planned", frozenset({"Lise Aalto", "Jonas Brekke"}))},
            id="invited-to-talks",
        ),
        pytest.param(
            "Lise Aalto, accompanied by Jonas Brekke, laid a wreath.",
            {("asserted", frozenset({"Lise Aalto", "Jonas Brekke"}))},
            id="accompanied-by-participle",
        ),
        pytest.param(
            "The summit, attended by Lise Aalto and Jonas Brekke, ended on Friday.",
            {("asserted", frozenset({"Lise Aalto", "Jonas Brekke"}))},
            id="attended-by-passive",
        ),
        pytest.param(
            "Lise Aalto spoke with Jonas Brekke on the sidelines of the Nordic summit.",
            {("asserted", frozenset({"Lise Aalto", "Jonas Brekke"}))},
            id="on-the-sidelines-of-a-summit",
        ),
        pytest.param(
            "Lise Aalto spoke with Jonas Brekke on the sidelines of the Arctic Council in Oslo.",
            {("asserted", frozenset({"Lise Aalto", "Jonas Brekke"}))},
            id="on-the-sidelines-of-a-named-gathering",
        ),
        pytest.param(
            "Chinese President Li Wen and visiting Harbovian President Oren Dalqvist agreed to "
            "boost trade.",
            {("asserted", frozenset({"Li Wen", "Oren Dalqvist"}))},
            id="a-host-and-a-visiting-leader-as-one-subject",
        ),
        pytest.param(
            "Lise Aalto was knighted by King Jonas Brekke at the palace.",
            {("asserted", frozenset({"Lise Aalto", "King Jonas Brekke"}))},
            id="a-ceremony-one-performs-on-the-other",
        ),
        pytest.param(
            "Lise Aalto gave a dinner for Jonas Brekke at the palace.",
            {("asserted", frozenset({"Lise Aalto", "Jonas Brekke"}))},
            id="gave-a-dinner-for",
        ),
        pytest.param(
            "Lise Aalto and Jonas Brekke held a summit in Bergen.",
            {("asserted", frozenset({"Lise Aalto", "Jonas Brekke"}))},
            id="held-a-summit",
        ),
        pytest.param(
            "Lise Aalto and Jonas Brekke agreed to cut tariffs during talks in Bergen.",
            {("asserted", frozenset({"Lise Aalto", "Jonas Brekke"}))},
            id="a-plural-subject-during-talks",
        ),
        pytest.param(
            "Tom Reyes hosted talks between Lise Aalto and Jonas Brekke.",
            {("asserted", frozenset({"Lise Aalto", "Jonas Brekke"}))},
            id="a-hosts-talks-between-two",
        ),
        pytest.param(
            "Lise Aalto was left on the sidelines of the debate with Jonas Brekke.",
            set(),
            id="sidelines-addressing-no-one",
        ),
        pytest.param(
            "Lise Aalto spoke with Jonas Brekke by phone on Tuesday.",
            set(),
            id="spoke-by-phone",
        ),
        pytest.param(
            "Lise Aalto launched the campaign with Jonas Brekke in Bergen.",
            {("asserted", frozenset({"Lise Aalto", "Jonas Brekke"}))},
            id="launched-with",
        ),
        pytest.param(
            "Lise Aalto and Jonas Brekke were pictured together at the opening.",
            {("asserted", frozenset({"Lise Aalto", "Jonas Brekke"}))},
            id="pictured-together",
        ),
        pytest.param(
            "Lise Aalto launched an attack on Jonas Brekke.", set(), id="launched-an-attack-on"
        ),
    ],
)
def test_meetings_arrangements_invitations_and_passives(
    nlp: Language, text: str, expected: set
) -> None:
    facts = extracted_facts(nlp, text)
    found = {(f.status, frozenset((f.subject, f.object))) for f in facts if f.predicate == "met"}
    assert found == expected


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "Speaking after meeting Luc Gagnon, Kenji Mori said trade would grow.",
            id="after-meeting-participle",
        ),
        pytest.param(
            "Kenji Mori and Luc Gagnon talked on the sidelines of the summit in Tokyo.",
            id="talked-on-the-sidelines",
        ),
        pytest.param(
            "Kenji Mori and Luc Gagnon exchanged views on trade at their meeting in Tokyo.",
            id="their-meeting",
        ),
        pytest.param("Kenji Mori hugged Luc Gagnon at the airport on Monday.", id="hugged"),
        pytest.param(
            "Kenji Mori met a trade delegation led by Luc Gagnon in Osaka.",
            id="a-delegation-led-by",
        ),
        pytest.param(
            "Kenji Mori met a group of lawmakers including Luc Gagnon on Monday.",
            id="a-group-including",
        ),
        pytest.param(
            "Kenji Mori hosted a breakfast for a group of senators that included Luc Gagnon.",
            id="a-group-that-included",
        ),
        pytest.param(
            "Kenji Mori met a group of mayors on Monday. The mayors, among them Luc Gagnon, "
            "asked for more money.",
            id="a-group-the-next-sentence-names",
        ),
        pytest.param(
            "A delegation of ministers headed by Luc Gagnon met Kenji Mori.",
            id="a-delegation-headed-by-as-subject",
        ),
        pytest.param(
            "Paul Dunn sent Luc Gagnon to Osaka to meet Kenji Mori.",
            id="sent-someone-to-meet",
        ),
        pytest.param(
            "Kenji Mori, whom Luc Gagnon met in Osaka last year, praised the deal.",
            id="whom-met",
        ),
        pytest.param(
            "Kenji Mori met with chairman of the Freedom Party Luc Gagnon on Monday.",
            id="met-a-title-of-a-party-before-the-name-no-comma",
        ),
        pytest.param(
            "Kenji Mori signed the agreement in the presence of Luc Gagnon.",
            id="in-the-presence-of",
        ),
        pytest.param(
            "Kenji Mori and Luc Gagnon witnessed the signing of the deal in Osaka.",
            id="witnessed-the-signing",
        ),
        pytest.param(
            "Kenji Mori accepted the credentials of Luc Gagnon, the new ambassador.",
            id="accepted-credentials",
        ),
        pytest.param(
            "Kenji Mori presented the award to Luc Gagnon at a ceremony in Osaka.",
            id="presented-to-at-a-ceremony",
        ),
        pytest.param("Luc Gagnon was sworn in by Kenji Mori on Monday.", id="sworn-in-by"),
        pytest.param(
            "Kenji Mori, together with Luc Gagnon, inaugurated the bridge.",
            id="together-with-on-the-subject",
        ),
        pytest.param(
            "Kenji Mori toured the factory along with Luc Gagnon.", id="along-with-on-the-verb"
        ),
        pytest.param(
            "Kenji Mori posed for photographs with Luc Gagnon.", id="posed-for-photographs-with"
        ),
    ],
)
def test_meetings_as_international_news_writes_them(nlp: Language, text: str) -> None:
    assert met_pairs(extracted_facts(nlp, text)) == {frozenset(("Kenji Mori", "Luc Gagnon"))}


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Kenji Mori embraced the proposal on Monday.", id="embraced-an-idea"),
        pytest.param(
            "Kenji Mori and Luc Gagnon gave speeches at separate rallies on Monday.",
            id="separate-rallies",
        ),
        pytest.param("Gordon Brown and Tony Blair signed the open letter.", id="signed-apart"),
        pytest.param(
            "Kenji Mori met a group of mayors on Monday. Other mayors, including Luc Gagnon, "
            "stayed away.",
            id="other-members-of-the-kind",
        ),
    ],
)
def test_meetings_not_from_a_thing_or_apart(nlp: Language, text: str) -> None:
    assert not met_pairs(extracted_facts(nlp, text))


def test_meetings_co_hosts_of_a_summit_with_others_are_no_pair(nlp: Language) -> None:
    text = "Kenji Mori and Luc Gagnon plan to hold a summit with local officials next month."
    assert not _any_met(nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "Kenji Mori is expected to discuss trade with Luc Gagnon on Friday.",
            id="expected-to-discuss-with",
        ),
        pytest.param(
            "Kenji Mori will raise the issue with Luc Gagnon when the two men meet next week.",
            id="the-two-men-of-the-same-sentence",
        ),
        pytest.param(
            "Kenji Mori is poised to hold talks with Luc Gagnon on Friday.",
            id="poised-to",
        ),
        pytest.param(
            "Kenji Mori accepted an invitation to meet Luc Gagnon in Lima.",
            id="an-invitation-to",
        ),
        pytest.param(
            "Kenji Mori praised Luc Gagnon. The two are due to meet on Saturday.",
            id="the-two-are-due-to-meet",
        ),
        pytest.param(
            "Kenji Mori praised Luc Gagnon. The two men are expected to meet next week.",
            id="the-two-men-are-expected-to-meet",
        ),
    ],
)
def test_meetings_planned_as_news_announces_them(nlp: Language, text: str) -> None:
    facts = extracted_facts(nlp, text)
    assert {(f.subject, f.object, f.status) for f in facts if f.predicate == "met"} == {
        ("Kenji Mori", "Luc Gagnon", "planned")
    }


def test_meetings_discussed_by_phone_is_no_meeting(nlp: Language) -> None:
    text = "Kenji Mori discussed trade with Luc Gagnon by phone on Monday."
    assert not met_pairs(extracted_facts(nlp, text))


def test_meetings_not_from_a_stance_shared_along_with_someone(nlp: Language) -> None:
    facts = extracted_facts(nlp, "Kenji Mori, along with Luc Gagnon, criticised the plan.")
    assert not met_pairs(facts)


@pytest.mark.parametrize("group", ["The three", "The trio", "The three leaders"])
def test_meetings_a_group_counted_by_its_number(nlp: Language, group: str) -> None:
    text = f"Helen Carter, Tom Reyes and Lena Moss flew to Rome. {group} met on Monday."
    assert met_pairs(extracted_facts(nlp, text)) == {
        frozenset(("Helen Carter", "Tom Reyes")),
        frozenset(("Helen Carter", "Lena Moss")),
        frozenset(("Tom Reyes", "Lena Moss")),
    }
