"""Who said what: quotations, reported speech and 'according to', from hand-written articles."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from kg.extract import extract
from kg.extract.quotes import quoted
from kg.extract.rules import load_rules
from kg.types import Article, Extraction, Fact

Said = tuple[str, str]
"""(speaker, words) as a user sees a `said` fact."""


def _extract(nlp: Language, text: str) -> Extraction:
    (extraction,) = extract([Article("test", text, date(2005, 3, 1))], nlp)
    return extraction


def _said(extraction: Extraction) -> list[Fact]:
    return [f for f in extraction.facts if f.predicate == "said"]


def _pairs(extraction: Extraction) -> set[Said]:
    return {(f.subject, f.object) for f in _said(extraction)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "“We will not back down,” Tony Blair said.",
            ("Tony Blair", "We will not back down"),
            id="quote-then-speaker-said",
        ),
        pytest.param(
            '"The vote was fair," said Margaret Beckett.',
            ("Margaret Beckett", "The vote was fair"),
            id="quote-then-said-speaker-straight-marks",
        ),
        pytest.param(
            "Michael Howard said: “Taxes will fall under a Conservative government.”",
            ("Michael Howard", "Taxes will fall under a Conservative government."),
            id="speaker-said-colon-quote",
        ),
        pytest.param(
            "‘We’re ready,’ Tony Blair said.",
            ("Tony Blair", "We’re ready"),
            id="single-marks-keep-apostrophe",
        ),
        pytest.param(
            "Gordon Brown told reporters that the budget was balanced.",
            ("Gordon Brown", "the budget was balanced"),
            id="told-reporters-that",
        ),
        pytest.param(
            "Charles Kennedy told the BBC his party would oppose the bill.",
            ("Charles Kennedy", "his party would oppose the bill"),
            id="told-the-bbc",
        ),
        pytest.param(
            "Gordon Brown added that the deficit would shrink.",
            ("Gordon Brown", "the deficit would shrink"),
            id="added-that",
        ),
        pytest.param(
            "Tony Blair warned that interest rates could rise.",
            ("Tony Blair", "interest rates could rise"),
            id="warned-that",
        ),
        pytest.param(
            "Michael Howard insisted the plan was fully costed.",
            ("Michael Howard", "the plan was fully costed"),
            id="insisted-without-that",
        ),
        pytest.param(
            "Charles Kennedy claimed that the figures were wrong.",
            ("Charles Kennedy", "the figures were wrong"),
            id="claimed-that",
        ),
        pytest.param(
            "Tony Blair warned that “the threat is real”.",
            ("Tony Blair", "the threat is real"),
            id="reported-clause-all-quoted",
        ),
        pytest.param(
            "Unemployment fell in March, according to Gordon Brown.",
            ("Gordon Brown", "Unemployment fell in March"),
            id="according-to-after",
        ),
        pytest.param(
            "The plan, according to Gordon Brown, is dead.",
            ("Gordon Brown", "The plan is dead"),
            id="according-to-inside",
        ),
        pytest.param(
            "The Foreign Office said the embassy in Kabul would reopen.",
            ("Foreign Office", "the embassy in Kabul would reopen"),
            id="organisation-speaker",
        ),
        pytest.param(
            "Margaret Beckett opened the conference in Leeds. “Our farmers need certainty,” she "
            "said.",
            ("Margaret Beckett", "Our farmers need certainty"),
            id="she-is-previous-subject",
        ),
        pytest.param(
            "“Tony Blair said the war was legal,” Charles Kennedy said.",
            ("Charles Kennedy", "Tony Blair said the war was legal"),
            id="speech-verb-inside-quote-is-not-an-attribution",
        ),
    ],
)
def test_quotes_attribution_shapes(nlp: Language, text: str, expected: Said) -> None:
    assert _pairs(_extract(nlp, text)) == {expected}


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Tony Blair watched “Love Actually” on Sunday.", id="film-title"),
        pytest.param("Michael Howard called the plan a “stealth tax”.", id="scare-quote"),
        pytest.param("Gordon Brown said nothing.", id="said-nothing"),
        pytest.param(
            "Tony Blair flew to Washington. “The talks were useful,” his office said.",
            id="his-office-is-nobody",
        ),
        pytest.param(
            "Tony Blair and Gordon Brown arrived in Leeds. “We are united,” he said.",
            id="pronoun-with-two-candidates",
        ),
        pytest.param(
            "Mr Howard arrived in Leeds. “Taxes will fall,” she said.",
            id="pronoun-contradicts-honorific",
        ),
        pytest.param("France said the talks had failed.", id="place-is-not-a-speaker"),
        pytest.param("Tony Blair asked Gordon Brown to stay.", id="speech-verb-without-content"),
    ],
)
def test_quotes_nothing_said(nlp: Language, text: str) -> None:
    assert _pairs(_extract(nlp, text)) == set()


def test_quotes_continued_quotation_keeps_both_sentences(nlp: Language) -> None:
    text = "“The vote was fair,” said Margaret Beckett. “Nobody was turned away.”"
    said = {f.object: f for f in _said(_extract(nlp, text))}
    assert set(said) == {"The vote was fair", "Nobody was turned away."}
    continued = said["Nobody was turned away."]
    assert continued.subject == "Margaret Beckett"
    assert [e.sentence for e in continued.evidence] == [
        "“The vote was fair,” said Margaret Beckett.",
        "“Nobody was turned away.”",
    ]
    assert continued.confidence < said["The vote was fair"].confidence


def test_quotes_pronoun_chain_follows_resolved_pronouns(nlp: Language) -> None:
    text = "Mr Howard toured a factory. He said the plan was fully costed. “It adds up,” he added."
    assert _pairs(_extract(nlp, text)) == {
        ("Howard", "the plan was fully costed"),
        ("Howard", "It adds up"),
    }


def test_quotes_pronoun_speaker_is_less_certain(nlp: Language) -> None:
    named = _said(_extract(nlp, "“Our farmers need certainty,” Margaret Beckett said."))
    via_she = _said(
        _extract(
            nlp, "Margaret Beckett opened the conference. “Our farmers need certainty,” she said."
        )
    )
    assert named[0].confidence > via_she[0].confidence > 0


@pytest.mark.parametrize(
    ("text", "status"),
    [
        pytest.param("Tony Blair said that taxes would rise.", "asserted", id="asserted"),
        pytest.param("Tony Blair did not say that taxes would rise.", "negated", id="negated"),
    ],
)
def test_quotes_status(nlp: Language, text: str, status: str) -> None:
    (fact,) = _said(_extract(nlp, text))
    assert (fact.subject, fact.object, fact.status) == ("Tony Blair", "taxes would rise", status)


def test_quotes_fact_carries_quote_object_and_evidence_offsets(nlp: Language) -> None:
    text = "Voters went to the polls. “We will not back down,” Tony Blair said."
    (fact,) = _said(_extract(nlp, text))
    assert (fact.subject_type, fact.object_type) == ("person", "quote")
    (evidence,) = fact.evidence
    assert text[evidence.start : evidence.end].strip() == evidence.sentence
    assert evidence.sentence == "“We will not back down,” Tony Blair said."


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("“A,” she said.", [("A,", True)], id="quotation"),
        pytest.param("He said: “A.” Then he left.", [("A.", True)], id="after-colon"),
        pytest.param("It remains ‘ironclad’ now.", [("ironclad", False)], id="scare-quote"),
        pytest.param("We’re here and it’s fine.", [], id="apostrophes-only"),
        pytest.param("“A ‘b’ c,” she said.", [("A ‘b’ c,", True)], id="nested-marks"),
        pytest.param("She said: “Unclosed to the end", [("Unclosed to the end", True)], id="open"),
    ],
)
def test_quoted_finds_quotations_and_partial_quotes(text: str, expected: list) -> None:
    found = quoted(text, 0, len(text), load_rules())
    assert [(text[m.start : m.end], m.direct) for m in found] == expected


def test_quotes_person_speaks_not_the_organisation_in_apposition(nlp: Language) -> None:
    text = "Roger Bennett, head of gaming industry body ELSPA, said a ban would be wrong."
    assert _pairs(_extract(nlp, text)) == {("Roger Bennett", "a ban would be wrong")}
