"""Titles and groups that name people the article has named (kg.extract.references,
kg.extract.participants.pair_reference); sentences written for these tests."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from kg.extract.entities import EntityIndex, Resolved
from kg.extract.references import _subject_person
from kg.extract.rules import load_rules
from tests.samples import extracted_facts, met_pairs


def _met(nlp: Language, text: str) -> set[frozenset[str]]:
    return met_pairs(extracted_facts(nlp, text, published=date(2024, 10, 2)))


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        pytest.param(
            "Sen. Carol Baines toured the plant on Monday. On Tuesday the senator met "
            "union leader Frank Ruiz.",
            ("Carol Baines", "Frank Ruiz"),
            id="abbreviated-title-then-the-senator",
        ),
        pytest.param(
            "Gov. Lyle Mercer signed the bill. The governor later met Mayor Ines Duarte.",
            ("Lyle Mercer", "Ines Duarte"),
            id="abbreviated-governor",
        ),
        pytest.param(
            "President Marta Ruiz of Chile arrived in Lima on Monday. The Chilean president "
            "later met Mayor Ines Duarte.",
            ("Marta Ruiz", "Ines Duarte"),
            id="country-after-the-name-then-the-national-title",
        ),
    ],
)
def test_references_title_names_its_holder(nlp: Language, text: str, pair: tuple) -> None:
    assert frozenset(pair) in _met(nlp, text)


def test_references_both_looks_past_a_sentence_naming_no_one(nlp: Language) -> None:
    text = (
        "Karin Holm and Luis Ortega met in Madrid. The two leaders discussed fishing quotas. "
        "Both then met Pia Lund."
    )
    assert _met(nlp, text) == {
        frozenset(("Karin Holm", "Luis Ortega")),
        frozenset(("Karin Holm", "Pia Lund")),
        frozenset(("Luis Ortega", "Pia Lund")),
    }


@pytest.mark.parametrize(
    ("text", "pairs"),
    [
        pytest.param(
            "Kenji Mori met Luc Gagnon in Ottawa. They also met Ana Ruiz, the Green Party leader.",
            {("Kenji Mori", "Luc Gagnon"), ("Kenji Mori", "Ana Ruiz"), ("Luc Gagnon", "Ana Ruiz")},
            id="they-the-two-of-the-sentence-before",
        ),
        pytest.param(
            "Kenji Mori and Luc Gagnon signed a trade deal when they met in Ottawa on Friday.",
            {("Kenji Mori", "Luc Gagnon")},
            id="they-the-two-named-before-in-its-sentence",
        ),
    ],
)
def test_references_they_names_a_pair(nlp: Language, text: str, pairs: set) -> None:
    assert _met(nlp, text) == {frozenset(pair) for pair in pairs}


def test_references_they_needs_exactly_two(nlp: Language) -> None:
    text = "Kenji Mori thanked Luc Gagnon and Carla Hess when they met Omar Haddad in Ottawa."
    assert not any("Omar Haddad" in pair for pair in _met(nlp, text))


def test_references_they_meet_when_the_main_clause_is_planned(nlp: Language) -> None:
    facts = extracted_facts(
        nlp,
        "Kenji Mori and Luc Gagnon are expected to sign a trade deal when they meet on Friday.",
        published=date(2024, 10, 2),
    )
    assert {f.status for f in facts if f.predicate == "met"} == {"planned"}


@pytest.mark.parametrize("group", ["both men", "the two candidates", "the pair"])
def test_references_a_pair_as_the_object_names_the_two_before(nlp: Language, group: str) -> None:
    text = f"Kenji Mori and Luc Gagnon clashed on Saturday. Helen Carter met {group} on Monday."
    assert _met(nlp, text) == {
        frozenset(("Helen Carter", "Kenji Mori")),
        frozenset(("Helen Carter", "Luc Gagnon")),
    }


def test_references_a_pair_as_the_object_looks_no_further_than_a_sentence_naming_its_doer(
    nlp: Language,
) -> None:
    text = (
        "Kenji Mori has the support of Luc Gagnon. Tom Reyes said he would stay neutral. "
        "He met both candidates separately last week."
    )
    assert not any("Tom Reyes" in pair for pair in _met(nlp, text))


def test_references_an_indefinite_number_as_the_object_names_no_one(nlp: Language) -> None:
    text = "Kenji Mori and Luc Gagnon clashed. Helen Carter met two ministers on Monday."
    assert not any("Helen Carter" in pair for pair in _met(nlp, text))


def test_references_both_needs_exactly_two(nlp: Language) -> None:
    text = (
        "Karin Holm, Luis Ortega and Ana Weber met in Madrid. The talks ran late. "
        "Both then met Pia Lund."
    )
    assert not any("Pia Lund" in pair for pair in _met(nlp, text))


@pytest.mark.parametrize(
    ("counted", "met"),
    [
        pytest.param("three", True, id="three-named-three-counted"),
        pytest.param("two", False, id="three-named-two-counted"),
    ],
)
def test_references_a_counted_group_needs_that_many(nlp: Language, counted: str, met: bool) -> None:
    text = (
        "Karin Holm, Luis Ortega and Ana Weber arrived in Madrid on Monday. "
        f"The {counted} leaders held talks at the palace."
    )
    pairs = _met(nlp, text)
    assert (frozenset({"Karin Holm", "Ana Weber"}) in pairs) is met


def test_references_group_named_by_posts_is_its_members(nlp: Language) -> None:
    text = (
        "Chilean President Ana Rojas and Peruvian President Luis Vega arrived in Quito. "
        "On Sunday Ecuadorian President Marco Paz met the leaders of Chile and Peru."
    )
    assert _met(nlp, text) == {
        frozenset(("Marco Paz", "Ana Rojas")),
        frozenset(("Marco Paz", "Luis Vega")),
    }


def test_references_group_with_a_country_no_one_holds_is_left(nlp: Language) -> None:
    text = (
        "Chilean President Ana Rojas arrived in Quito. "
        "On Sunday Ecuadorian President Marco Paz met the leaders of Chile and Peru."
    )
    assert _met(nlp, text) == set()


def test_references_a_national_title_after_two_people_names_neither(nlp: Language) -> None:
    text = "Ruth Adair met Olena Marchuk in Kyiv. The Ukrainian president thanked her."
    facts = extracted_facts(nlp, text, published=date(2024, 10, 2))
    assert not any(f.predicate == "holds_position" for f in facts)


def test_references_a_description_names_no_post(nlp: Language) -> None:
    text = (
        "Foreign Secretary Ruth Adair arrived in Lima on Monday, the most senior British "
        "official to visit Peru in a decade.\n\nShe met Carlos Vega, who chairs the senate."
    )
    facts = extracted_facts(nlp, text, published=date(2024, 10, 2))
    posts = {(f.subject, f.object) for f in facts if f.predicate == "holds_position"}
    assert not any("official" in post.lower() for _, post in posts)


def test_references_sentence_subject_is_the_speaker_of_a_closing_said(nlp: Language) -> None:
    """'..., Helen Ashby said.' with 'said' parsed as an adverbial clause of the main verb: the
    speaker is still whom a title opening the next sentence names."""
    words = ["Tolls", "were", "options", ",", "Helen", "Ashby", "said", "."]
    doc = Doc(
        nlp.vocab,
        words=words,
        heads=[1, 1, 1, 1, 5, 6, 1, 1],
        deps=["nsubj", "ROOT", "attr", "punct", "compound", "nsubj", "advcl", "punct"],
        lemmas=["toll", "be", "option", ",", "Helen", "Ashby", "say", "."],
        sent_starts=[True] + [False] * 7,
    )
    index = EntityIndex()
    index.entities["person:Helen Ashby"] = Resolved("Helen Ashby", "person", {"Helen Ashby"})
    index.add_mention("person:Helen Ashby", 4, 6)
    person = _subject_person(doc[:], index, load_rules())
    assert person is not None and person.name == "Helen Ashby"


def test_references_a_description_closing_a_quotation_is_the_speaker_before(
    nlp: Language,
) -> None:
    """'X said Y. "...," the Harbour Party senator said.': the one person who spoke before, even
    with a post of another name, where no one holds the title the description gives."""
    text = (
        "Opposition spokeswoman Lena Moss said the plan was late. "
        '"The government has failed," the Harbour Party senator said.'
    )
    facts = extracted_facts(nlp, text)
    assert ("Lena Moss", "Harbour Party") in {
        (f.subject, f.object) for f in facts if f.predicate == "member_of"
    }
    assert ("Lena Moss", "The government has failed") in {
        (f.subject, f.object) for f in facts if f.predicate == "said"
    }


def test_references_a_description_after_a_sentence_naming_two_stays_unresolved(
    nlp: Language,
) -> None:
    text = (
        "Opposition spokeswoman Lena Moss met Tom Reyes on Monday. "
        '"The government has failed," the Harbour Party senator said.'
    )
    facts = extracted_facts(nlp, text)
    assert not [f for f in facts if f.predicate == "member_of"]
