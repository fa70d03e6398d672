"""Parses the small model gets wrong in a known way (kg.extract.misparses), on sentences written
for these tests."""

from __future__ import annotations

import pytest
from spacy.language import Language

from kg.extract.misparses import COMPONENT
from tests.samples import extracted_facts


def test_the_parse_is_mended_right_after_the_parser(nlp: Language) -> None:
    names = nlp.pipe_names
    assert names.index(COMPONENT) == names.index("parser") + 1


def test_a_visiting_leader_is_the_subject_not_the_object_of_a_clause(nlp: Language) -> None:
    doc = nlp("Visiting Finnish Prime Minister Anna Berg met Chancellor Jonas Weber in Berlin.")
    berg, visiting = doc[5], doc[0]
    assert (berg.dep_, berg.head.text) == ("nsubj", "met")
    assert (visiting.dep_, visiting.head.text) == ("amod", "Berg")
    assert [s.text for s in doc.sents] == [doc.text]


@pytest.mark.parametrize(
    ("text", "facts"),
    [
        pytest.param(
            "Visiting Finnish Prime Minister Anna Berg met Chancellor Jonas Weber in Berlin.",
            {("met", "Anna Berg", "Jonas Weber"), ("visited", "Anna Berg", "Berlin")},
            id="visiting-leader-met-and-visited",
        ),
        pytest.param(
            "Visiting Chancellor Jonas Weber held talks with President Anna Berg in Helsinki.",
            {("met", "Jonas Weber", "Anna Berg"), ("visited", "Jonas Weber", "Helsinki")},
            id="visiting-leader-held-talks",
        ),
    ],
)
def test_visiting_leaders_meet_and_visit(nlp: Language, text: str, facts: set) -> None:
    found = {(f.predicate, f.subject, f.object) for f in extracted_facts(nlp, text)}
    assert facts <= found | {(p, b, a) for p, a, b in found}


def test_a_visit_set_off_by_a_comma_stays_a_clause(nlp: Language) -> None:
    text = "Visiting Berlin, Chancellor Jonas Weber said the talks went well."
    assert nlp(text)[0].dep_ != "amod"  # "Visiting Berlin" is Weber's visit, not a title
    found = {(f.predicate, f.subject, f.object) for f in extracted_facts(nlp, text)}
    assert ("visited", "Jonas Weber", "Berlin") in found
