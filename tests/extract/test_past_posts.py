"""Posts and affiliations no longer held are kept as past, never as current (sentences written
for these tests)."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from kg.rdf.mapping import to_graph
from kg.rdf.namespace import PREFIXES
from kg.types import Article, Extraction, Fact
from tests.samples import extracted_facts

HEADER = "".join(f"PREFIX {prefix}: <{iri}>\n" for prefix, iri in PREFIXES.items())


def _facts(nlp: Language, text: str) -> set[tuple[str, str, str, str]]:
    facts: list[Fact] = extracted_facts(nlp, text, published=date(2024, 6, 1))
    return {(f.predicate, f.subject, f.object, f.status) for f in facts if f.predicate != "said"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Former Labour leader Martin Hale opened the library.",
            {
                ("holds_position", "Martin Hale", "Former Labour leader", "past"),
                ("leads", "Martin Hale", "Labour", "past"),
            },
            id="former-leader",
        ),
        pytest.param(
            "Lena Moss held talks with then Foreign Minister Oren Dalqvist in 2019.",
            {
                ("met", "Lena Moss", "Oren Dalqvist", "asserted"),
                ("holds_position", "Oren Dalqvist", "Foreign Minister", "past"),
            },
            id="then-before-a-title",
        ),
        pytest.param(
            "Ex-minister Gwen Tallis backed the campaign.",
            {("holds_position", "Gwen Tallis", "Ex-minister", "past")},
            id="ex-prefix",
        ),
        pytest.param(
            "Robert Finch, who served as chancellor until 2010, wrote a memoir.",
            {("holds_position", "Robert Finch", "chancellor", "past")},
            id="served-until",
        ),
        pytest.param(
            "Robert Finch, who was chancellor from 2004 to 2010, wrote a memoir.",
            {("holds_position", "Robert Finch", "chancellor", "past")},
            id="from-a-year-to-a-year",
        ),
        pytest.param(
            "Tom Reyes, who served as prime minister from 2010 to 2015, wrote a memoir.",
            {("holds_position", "Tom Reyes", "prime minister", "past")},
            id="from-a-year-to-an-untagged-year",
        ),
        pytest.param(
            "Robert Finch, who has been chancellor since 2010, wrote a memoir.",
            {("holds_position", "Robert Finch", "chancellor", "asserted")},
            id="since-a-year-is-current",
        ),
        pytest.param(
            "Labour MP Sara Quinn spoke first.",
            {
                ("holds_position", "Sara Quinn", "Labour MP", "asserted"),
                ("member_of", "Sara Quinn", "Labour", "asserted"),
            },
            id="current-post-stays-asserted",
        ),
        pytest.param(
            "Alan Moss, who became chancellor in 2019, spoke.",
            {("holds_position", "Alan Moss", "chancellor", "asserted")},
            id="became-since-is-current",
        ),
    ],
)
def test_past_posts_status(nlp: Language, text: str, expected: set) -> None:
    assert _facts(nlp, text) == expected


def test_past_posts_are_no_edge_in_the_graph(nlp: Language) -> None:
    text = "Former Labour leader Martin Hale met Labour leader Jo Park."
    facts = tuple(extracted_facts(nlp, text, published=date(2024, 6, 1)))
    _, graph = to_graph(Extraction(Article("a1", text), (), facts))
    leaders = {
        str(row[0])
        for row in graph.query(HEADER + "SELECT ?n WHERE { ?p org:headOf ?o ; rdfs:label ?n }")
    }
    assert leaders == {"Jo Park"}
    past = graph.query(
        HEADER
        + """SELECT ?n WHERE { [] a rdf:Statement ; rdf:subject ?p ; rdf:predicate org:headOf ;
                                  kg:status "past" . ?p rdfs:label ?n }"""
    )
    assert [str(row[0]) for row in past] == ["Martin Hale"]


@pytest.mark.parametrize(
    ("text", "status"),
    [
        pytest.param(
            "Carla Hess resigned as chairman of the Green Party on Friday.",
            "past",
            id="resigned-as",
        ),
        pytest.param(
            "Carla Hess stepped down as leader of the Green Party last year.",
            "past",
            id="stepped-down-as",
        ),
        pytest.param(
            "Carla Hess will step down as leader of the Green Party next year.",
            "asserted",
            id="will-step-down-holds-it-still",
        ),
        pytest.param(
            "Carla Hess was sworn in as leader of the Green Party on Monday.",
            "asserted",
            id="sworn-in-as",
        ),
    ],
)
def test_past_posts_left_by_a_verb(nlp: Language, text: str, status: str) -> None:
    facts = extracted_facts(nlp, text)
    assert {
        (f.predicate, f.subject, f.object, f.status) for f in facts if f.predicate == "leads"
    } == {("leads", "Carla Hess", "Green Party", status)}


@pytest.mark.parametrize(
    ("text", "status"),
    [
        pytest.param("Tom Reyes was sacked as home secretary in 2004.", "past", id="was-sacked-as"),
        pytest.param(
            "Helen Carter dismissed Tom Reyes as home secretary.", "past", id="dismissed-x-as"
        ),
        pytest.param(
            "Tom Reyes will be removed as home secretary.", "asserted", id="will-be-removed-as"
        ),
    ],
)
def test_past_posts_removed_by_someone(nlp: Language, text: str, status: str) -> None:
    posts = {
        (f.subject, f.object, f.status)
        for f in extracted_facts(nlp, text)
        if f.predicate == "holds_position"
    }
    assert posts == {("Tom Reyes", "home secretary", status)}


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "Tom Reyes, her predecessor as home secretary, returned to the backbenches.",
            id="name-then-predecessor",
        ),
        pytest.param(
            "Her predecessor as home secretary, Tom Reyes, returned to the backbenches.",
            id="predecessor-then-name",
        ),
        pytest.param("Tom Reyes was her predecessor as home secretary.", id="copula"),
    ],
)
def test_past_posts_of_a_predecessor(nlp: Language, text: str) -> None:
    """A predecessor in a post held it before: past."""
    posts = {
        (f.subject, f.object, f.status)
        for f in extracted_facts(nlp, text)
        if f.predicate == "holds_position"
    }
    assert posts == {("Tom Reyes", "home secretary", "past")}


@pytest.mark.parametrize(
    ("text", "status"),
    [
        pytest.param("Tom Reyes led the Harbour Party from 1990 to 1997.", "past", id="from-to"),
        pytest.param("Tom Reyes led the Harbour Party until 2001.", "past", id="until"),
        pytest.param("Tom Reyes has led the Harbour Party since 2001.", "asserted", id="since"),
    ],
)
def test_past_posts_a_verb_that_says_when_the_lead_ended(
    nlp: Language, text: str, status: str
) -> None:
    assert ("leads", "Tom Reyes", "Harbour Party", status) in _facts(nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        "Kenji Mori, a former Harbour Party member, backed the bill.",
        "Kenji Mori, an ex-Harbour Party councillor, backed the bill.",
    ],
)
def test_past_posts_a_former_member_of_a_party_named_before_the_noun(
    nlp: Language, text: str
) -> None:
    assert ("member_of", "Kenji Mori", "Harbour Party", "past") in _facts(nlp, text)
    assert ("member_of", "Kenji Mori", "Harbour Party", "asserted") not in _facts(nlp, text)


def test_past_posts_former_is_no_part_of_the_body_a_title_names(nlp: Language) -> None:
    facts = _facts(nlp, "Kenji Mori met Tom Reyes. Mori, a former trade union official, said no.")
    assert ("holds_position", "Kenji Mori", "former trade union official", "past") in facts
    assert not [f for f in facts if f[0] in ("works_for", "member_of", "leads")]
