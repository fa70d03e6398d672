"""Counterparts resolved to the person they are (kg.extract.counterparts), on sentences written
for these tests."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from tests.samples import extracted_facts, met_pairs


def _met(nlp: Language, text: str) -> set[frozenset[str]]:
    return met_pairs(extracted_facts(nlp, text, published=date(2024, 6, 3)))


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "British Foreign Secretary Helen Carter met her Chinese counterpart in Beijing on "
            "Monday. Chinese Foreign Minister Wang Lei said the talks were frank.",
            id="named-after",
        ),
        pytest.param(
            "Chinese Foreign Minister Wang Lei said relations were improving. British Foreign "
            "Secretary Helen Carter met her Chinese counterpart in Beijing on Monday.",
            id="named-before",
        ),
        pytest.param(
            "British Trade Secretary Helen Carter met her Chinese counterpart in Beijing. Chinese "
            "Defence Minister Li Ming and Chinese Trade Minister Wang Lei attended a dinner.",
            id="the-one-with-the-same-portfolio",
        ),
    ],
)
def test_counterpart_is_the_one_holder_of_a_post_there(nlp: Language, text: str) -> None:
    assert frozenset({"Helen Carter", "Wang Lei"}) in _met(nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "British Trade Secretary Helen Carter met her Chinese counterpart in Beijing on "
            "Monday.",
            id="no-one-holds-a-post-there",
        ),
        pytest.param(
            "British Trade Secretary Helen Carter met her Chinese counterpart in Beijing. Chinese "
            "Foreign Minister Wang Lei and Chinese Defence Minister Li Ming attended a dinner.",
            id="several-and-none-with-the-portfolio",
        ),
    ],
)
def test_counterpart_stays_unresolved(nlp: Language, text: str) -> None:
    assert not [pair for pair in _met(nlp, text) if "Helen Carter" in pair]


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "Peruvian Prime Minister Tom Reyes and his Chilean counterpart Lena Moss agreed on "
            "Tuesday to cut tariffs, as the two leaders met in Lima. Chilean Foreign Minister "
            "Kenji Mori also attended.",
            id="named-in-apposition",
        ),
        pytest.param(
            "Peruvian Prime Minister Tom Reyes met his Chilean counterpart, Lena Moss, in Lima. "
            "Chilean Foreign Minister Kenji Mori also attended.",
            id="set-off-by-commas",
        ),
    ],
)
def test_a_counterpart_the_text_names_is_that_person(nlp: Language, text: str) -> None:
    """The counterpart is the person named beside it, who holds the same post in her country,
    never another holder of a post there."""
    facts = extracted_facts(nlp, text, published=date(2024, 6, 3))
    assert frozenset({"Tom Reyes", "Lena Moss"}) in met_pairs(facts)
    assert frozenset({"Tom Reyes", "Kenji Mori"}) not in met_pairs(facts)
    posts = {(f.subject, f.object, f.post_in) for f in facts if f.predicate == "holds_position"}
    assert ("Lena Moss", "Prime Minister", "Chile") in posts


def test_a_counterpart_named_holds_the_post_where_the_others_country_is_not_said(
    nlp: Language,
) -> None:
    text = "Foreign Minister Tom Reyes met his Chilean counterpart, Lena Moss, in Lima."
    facts = extracted_facts(nlp, text, published=date(2024, 6, 3))
    posts = {(f.subject, f.object, f.post_in) for f in facts if f.predicate == "holds_position"}
    assert ("Lena Moss", "Foreign Minister", "Chile") in posts
