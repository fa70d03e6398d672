"""Affiliations: each rule pattern on sentences it must and must not match, and the classifier."""

from __future__ import annotations

from dataclasses import replace

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from kg.extract import extract
from kg.extract.affiliations import (
    AffiliationRules,
    affiliations_in,
    compile_pattern,
    load_affiliation_rules,
    load_model,
)
from kg.extract.captions import find_captions
from kg.extract.entities import resolve_entities
from kg.extract.pairs import MAX_MENTIONS_BETWEEN, Mention, candidates
from kg.extract.rules import load_rules
from kg.types import Article

BLANK = spacy.blank("en")


def _doc(text: str, entities: dict[str, str]) -> Doc:
    """A parse-free doc with the given mentions tagged (text -> spaCy label)."""
    doc = BLANK(text)
    spans = []
    for mention, label in entities.items():
        start = text.index(mention)
        span = doc.char_span(start, start + len(mention), label=label)
        assert span is not None, mention
        spans.append(span)
    doc.ents = spans
    return doc


def _only(sources: tuple[str, ...]) -> AffiliationRules:
    rules = load_affiliation_rules()
    return replace(rules, sources=dict.fromkeys(rules.sources, sources))


def _facts(doc: Doc, sources: tuple[str, ...] = ("rules",)) -> set[tuple[str, str, str]]:
    rules = load_rules()
    index = resolve_entities(doc, find_captions(doc.text, rules), rules)
    found = affiliations_in(doc[:], index, rules, _only(sources), model={})
    return {(f.predicate, f.subject.name, f.object.name) for f in found}


ROE = {"Jane Roe": "PERSON"}
ACME = {"Acme Institute": "ORG"}
BOSTON = {"Boston": "GPE"}


@pytest.mark.parametrize(
    "text,entities,fact",
    [
        pytest.param(
            "Jane Roe, a senior analyst at the Acme Institute, said prices would rise.",
            ROE | ACME,
            ("works_for", "Jane Roe", "Acme Institute"),
            id="works-for-apposition",
        ),
        pytest.param(
            "Jane Roe, who works for the Acme Institute, declined to comment.",
            ROE | ACME,
            ("works_for", "Jane Roe", "Acme Institute"),
            id="works-for-who-works-for",
        ),
        pytest.param(
            "The report was written by Jane Roe of the Acme Institute last year.",
            ROE | ACME,
            ("works_for", "Jane Roe", "Acme Institute"),
            id="works-for-of-the",
        ),
        pytest.param(
            "The Boston-based Acme Institute published the survey.",
            ACME | BOSTON,
            ("based_in", "Acme Institute", "Boston"),
            id="based-in-hyphen-based",
        ),
        pytest.param(
            "The Acme Institute, based in Boston, published the survey.",
            ACME | BOSTON,
            ("based_in", "Acme Institute", "Boston"),
            id="based-in-comma-based-in",
        ),
        pytest.param(
            "Jane Roe was born in Boston in 1950.",
            ROE | BOSTON,
            ("lives_in", "Jane Roe", "Boston"),
            id="lives-in-born-in",
        ),
        pytest.param(
            "Jane Roe, 41, of Boston was injured.",
            ROE | BOSTON,
            ("lives_in", "Jane Roe", "Boston"),
            id="lives-in-age-of",
        ),
        pytest.param(
            "Longtime Boston resident Jane Roe opened the shop.",
            ROE | BOSTON,
            ("lives_in", "Jane Roe", "Boston"),
            id="lives-in-resident",
        ),
        pytest.param(
            "The flood reached Tulsa, Oklahoma, on Sunday.",
            {"Tulsa": "GPE", "Oklahoma": "GPE"},
            ("located_in", "Tulsa", "Oklahoma"),
            id="located-in-city-comma-state",
        ),
        pytest.param(
            "Tulsa, a city in northeastern Oklahoma, flooded.",
            {"Tulsa": "GPE", "Oklahoma": "GPE"},
            ("located_in", "Tulsa", "Oklahoma"),
            id="located-in-a-city-in",
        ),
    ],
)
def test_affiliation_rules_match(text: str, entities: dict[str, str], fact: tuple) -> None:
    assert fact in _facts(_doc(text, entities))


@pytest.mark.parametrize(
    "text,entities",
    [
        pytest.param(
            "Jane Roe criticised the Acme Institute on Monday.", ROE | ACME, id="criticised"
        ),
        pytest.param(
            "Jane Roe met a spokesman and the Acme Institute said nothing.",
            ROE | ACME,
            id="met-a-spokesman",
        ),
        pytest.param("The Acme Institute sold land to Boston.", ACME | BOSTON, id="sold-to"),
        pytest.param("Jane Roe flew to Boston on Friday.", ROE | BOSTON, id="flew-to"),
        pytest.param(
            "Storms hit Tulsa, Dallas and Austin.",
            {"Tulsa": "GPE", "Dallas": "GPE", "Austin": "GPE"},
            id="a-list-of-cities",
        ),
    ],
)
def test_affiliation_rules_do_not_match(text: str, entities: dict[str, str]) -> None:
    assert _facts(_doc(text, entities)) == set()


@pytest.mark.parametrize(
    "text,entities,facts",
    [
        pytest.param(
            "Jane Roe, who lives in Springfield, Illinois, opened the shop.",
            ROE,
            {("lives_in", "Jane Roe", "Springfield"), ("lives_in", "Jane Roe", "Illinois")},
            id="lives-in-a-town-and-its-state",
        ),
        pytest.param(
            "The Acme Institute in Springfield, Illinois, published the survey.",
            ACME,
            {
                ("based_in", "Acme Institute", "Springfield"),
                ("based_in", "Acme Institute", "Illinois"),
            },
            id="based-in-a-town-and-its-state",
        ),
    ],
)
def test_affiliations_through_places_reach_the_places_a_town_is_in(
    text: str, entities: dict[str, str], facts: set
) -> None:
    places = {"Springfield": "GPE", "Illinois": "GPE"}
    found = _facts(_doc(text, places | entities))
    assert ("located_in", "Springfield", "Illinois") in found
    assert facts <= found


def test_affiliations_through_places_need_the_town_to_be_in_the_place() -> None:
    text = "Jane Roe, who lives in Springfield, visited Illinois and Ohio."
    found = _facts(_doc(text, ROE | {"Springfield": "GPE", "Illinois": "GPE", "Ohio": "GPE"}))
    assert ("lives_in", "Jane Roe", "Springfield") in found
    assert not any(p == "lives_in" and o in ("Illinois", "Ohio") for p, _, o in found)


def test_affiliation_rules_works_for_skips_parties() -> None:
    doc = _doc("Jane Roe, a spokeswoman for the Green Party, spoke.", ROE | {"Green Party": "ORG"})
    assert _facts(doc) == set()


def test_compile_pattern_names_an_unknown_word_list() -> None:
    with pytest.raises(ValueError, match=r"uses the word list '\{jobs\}'"):
        compile_pattern("X , a {jobs} of Y", {"job": ["spokesman"]})


def test_compile_pattern_needs_x_and_y() -> None:
    with pytest.raises(ValueError, match="must name the subject X and the object Y"):
        compile_pattern("X , a spokesman", {})


def test_affiliation_model_loads_one_model_per_predicate() -> None:
    model = load_model()
    assert set(model) == {"works_for", "based_in", "lives_in", "located_in"}
    assert all(m.weights and 0.0 < m.threshold < 1.0 for m in model.values())


def test_affiliation_model_predicts_works_for(nlp: Language) -> None:
    doc = nlp("Jane Roe, a spokeswoman for the Acme Corporation, said the plant would close.")
    rules = load_rules()
    index = resolve_entities(doc, find_captions(doc.text, rules), rules)
    found = affiliations_in(doc[:], index, rules, _only(("model",)))
    assert {(f.predicate, f.subject.name, f.object.name) for f in found} == {
        ("works_for", "Jane Roe", "Acme Corporation")
    }


def test_extract_affiliations_end_to_end(nlp: Language) -> None:
    article = Article(
        "a1", "The Boston-based Acme Corporation said on Monday it would hire 40 people."
    )
    (extraction,) = extract([article], nlp)
    facts = {(f.predicate, f.subject, f.object) for f in extraction.facts}
    assert ("based_in", "Acme Corporation", "Boston") in facts


def test_affiliations_in_uses_the_shipped_rules_by_default(nlp: Language) -> None:
    doc = nlp("Jane Roe met the minister.")
    rules = load_rules()
    index = resolve_entities(doc, find_captions(doc.text, rules), rules)
    assert list(affiliations_in(doc[:], index, rules)) == []


def test_candidates_pair_only_mentions_at_most_max_between_apart(nlp: Language) -> None:
    doc = nlp.make_doc(" ".join(f"w{i}" for i in range(60)))
    kinds = ("person", "organization")
    mentions = [Mention(doc[i : i + 1], kinds[i % 2], f"e{i}") for i in range(60)]
    found = list(candidates(mentions))
    apart = {b.span.start - a.span.start for _, a, b, _ in found}
    assert max(abs(d) for d in apart) == MAX_MENTIONS_BETWEEN + 1
    for _, a, b, between in found:  # the mentions between are handed over with the pair
        low, high = sorted((a.span.start, b.span.start))
        assert [m.span.start for m in between] == list(range(low + 1, high))
    everything = list(candidates(mentions, max_between=None))
    assert max(abs(b.span.start - a.span.start) for _, a, b, _ in everything) == 59


def _works_for(nlp: Language, text: str) -> set[tuple[str, str]]:
    """Who works for what in `text`, parsed by the trained pipeline, with the shipped rules."""
    doc = nlp(text)
    rules = load_rules()
    index = resolve_entities(doc, find_captions(doc.text, rules), rules)
    found = affiliations_in(doc[:], index, rules)
    return {(f.subject.name, f.object.name) for f in found if f.predicate == "works_for"}


@pytest.mark.parametrize(
    "text",
    [
        "Jane Roe signed a supply deal with Chevron on Monday.",
        "Jane Roe held talks with the Acme Corporation about the plant.",
    ],
)
def test_affiliations_the_other_side_of_a_deal_is_no_employer(nlp: Language, text: str) -> None:
    assert _works_for(nlp, text) == set()


@pytest.mark.parametrize(
    ("text", "works_for"),
    [
        ("Jane Roe told Acme Radio's morning programme that the plant would close.", set()),
        ("Jane Roe told BBC Radio 4's Today programme she would stand again.", set()),
        (
            "Jane Roe, a spokeswoman for the Acme Corporation, told reporters the plant would "
            "close.",
            {("Jane Roe", "Acme Corporation")},
        ),
        (
            "Jane Roe, of the Acme Corporation, told reporters the plant would close.",
            {("Jane Roe", "Acme Corporation")},
        ),
    ],
)
def test_affiliations_speaking_to_an_organisation_is_not_working_for_it(
    nlp: Language, text: str, works_for: set[tuple[str, str]]
) -> None:
    assert _works_for(nlp, text) == works_for


@pytest.mark.parametrize(
    ("text", "works_for"),
    [
        ("Jane Roe welcomed the trade minister Bob Smith at the Acme Institute.", set()),
        ("Jane Roe spoke at the Acme Institute on Tuesday.", set()),
        ("Jane Roe met union leaders at the Acme Institute's London headquarters.", set()),
        ("The governor, Jane Roe, met union leaders at the Acme Institute.", set()),
        ("At the Acme Institute on Monday, Jane Roe praised the plan.", set()),
        ("Jane Roe worked at the Acme Institute for ten years.", {("Jane Roe", "Acme Institute")}),
        ("Jane Roe taught at the Acme Institute before the war.", {("Jane Roe", "Acme Institute")}),
        (
            "Jane Roe, a lawyer at the Acme Institute, met Bob Smith at the Grand Hotel.",
            {("Jane Roe", "Acme Institute")},
        ),
    ],
)
def test_affiliations_where_a_clause_happens_is_not_an_employer(
    nlp: Language, text: str, works_for: set[tuple[str, str]]
) -> None:
    assert _works_for(nlp, text) == works_for


def test_affiliation_dateline_names_no_base_in_news() -> None:
    text = "BOSTON, May 3 (Acme Institute) - The survey was published."
    entities = {"BOSTON": "GPE", "Acme Institute": "ORG"}
    assert _facts(_doc(text, entities)) == set()  # the bureau, not the base (CoNLL04's
    # convention, the base, is its adapter's: tests/evaluation/test_conll04.py)


@pytest.mark.parametrize(
    ("country", "kept"),
    [
        pytest.param("Tanzania", True, id="the-country-the-gazetteer-knows"),
        pytest.param("Peru", False, id="a-country-the-gazetteer-knows-it-is-not-in"),
    ],
)
def test_affiliations_a_city_is_not_located_in_a_country_the_gazetteer_says_it_is_not_in(
    country: str, kept: bool
) -> None:
    text = f"Arusha, a city in northern {country}, flooded."
    found = _facts(_doc(text, {"Arusha": "GPE", country: "GPE"}))
    assert (("located_in", "Arusha", country) in found) is kept


def test_affiliations_a_place_is_not_located_in_a_place_the_gazetteer_puts_inside_it(
    nlp: Language,
) -> None:
    text = "The minister ended a week-long tour of Asia in Hanoi on Friday."
    extraction = next(extract([Article(id="t", text=text)], nlp))
    located = {(f.subject, f.object) for f in extraction.facts if f.predicate == "located_in"}
    assert ("Asia", "Hanoi") not in located


@pytest.mark.parametrize(
    ("text", "employer"),
    [
        pytest.param(
            "Lamb also met Ghana's finance minister, Kwame Mensah, the Sentinel understands.",
            None,
            id="a-paper-that-understands",
        ),
        pytest.param(
            "Ann Pike, a Barclays economist, will retire next year, Reuters reported.",
            "Barclays",
            id="an-agency-that-reported",
        ),
    ],
)
def test_affiliations_the_source_a_sentence_cites_employs_no_one(
    nlp: Language, text: str, employer: str | None
) -> None:
    extraction = next(extract([Article(id="t", text=text)], nlp))
    employers = {f.object for f in extraction.facts if f.predicate == "works_for"}
    assert employers == ({employer} if employer else set())


def test_affiliations_in_a_names_apposition_take_no_status_from_its_verb(nlp: Language) -> None:
    extraction = next(
        extract([Article(id="t", text="Tom Dube, the PFP leader, rejected the deal.")], nlp)
    )
    facts = {(f.predicate, f.object, f.status) for f in extraction.facts if f.subject == "Tom Dube"}
    assert ("works_for", "PFP", "asserted") in facts
    assert not any(status == "negated" for _, _, status in facts)


@pytest.mark.parametrize(
    ("text", "located"),
    [
        pytest.param(
            "The talks were held in Bristol in western England.",
            {("Bristol", "England")},
            id="written-x-in-y",
        ),
        pytest.param(
            "The plant is in Tulsa, a city in northeastern Oklahoma.",
            {("Tulsa", "Oklahoma")},
            id="a-city-in",
        ),
        pytest.param(
            "Tony Blair made a surprise appearance at the G8 summit in Gleneagles.",
            set(),
            id="the-summits-place",
        ),
        pytest.param(
            "Gordon Brown returned to London after a week in Asia.", set(), id="another-phrase"
        ),
        pytest.param(
            "The leaders of Harbovia, Chile and Peru met in Lima on Tuesday.",
            set(),
            id="places-in-a-list",
        ),
    ],
)
def test_affiliations_a_place_is_where_the_text_puts_it(
    nlp: Language, text: str, located: set[tuple[str, str]]
) -> None:
    extraction = next(extract([Article(id="t", text=text)], nlp))
    assert {(f.subject, f.object) for f in extraction.facts if f.predicate == "located_in"} == (
        located
    )
