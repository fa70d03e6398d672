"""Finding a stage's words in a parsed Doc (kg.extract.text, participants.lemma_positions).

The stages read only the tokens these look-ups return, so a token they miss is a fact lost:
each is checked here against a pass over every token."""

from __future__ import annotations

import pytest
from spacy.attrs import LEMMA, LOWER, ORTH
from spacy.language import Language
from spacy.tokens import Doc

from kg.extract.participants import forms, lemma, lemma_positions
from kg.extract.text import cached, positions_of, release_tokens, tokens_at, within

TEXT = (
    "Mr Varga met the Minister on Monday. The minister says the ministers staged a walkout. "
    "MR VARGA said Labour was meeting in Leeds, and Labour's leader Ana Ruiz visits Oslo."
)


@pytest.fixture
def doc(nlp: Language) -> Doc:
    return nlp(TEXT)


def test_text_positions_as_written_lower_case_and_by_lemma(doc: Doc) -> None:
    as_written = [doc[i].text for i in positions_of(doc, {"Mr", "Labour"}, ORTH)]
    assert as_written == ["Mr", "Labour", "Labour"]  # not "MR": written otherwise
    lowered = [doc[i].text for i in positions_of(doc, ["mr", "minister"], LOWER)]
    assert lowered == ["Mr", "Minister", "minister", "MR"]
    by_lemma = {doc[i].text for i in positions_of(doc, ["minister", "say"], LEMMA)}
    assert {"Minister", "minister", "ministers", "says", "said"} <= by_lemma


@pytest.mark.parametrize("attr", [ORTH, LOWER, LEMMA])
def test_text_positions_agree_with_a_pass_over_every_token(doc: Doc, attr: int) -> None:
    words = {"the", "The", "minister", "meet", "Labour", "visit", "ruiz", "nobody"}

    def value(i: int) -> str:
        token = doc[i]
        return {ORTH: token.text, LOWER: token.lower_, LEMMA: token.lemma_.lower()}[attr]

    expected = [i for i in range(len(doc)) if value(i) in words]
    assert positions_of(doc, words, attr) == expected


def test_text_lemma_positions_cover_what_lemma_restores(doc: Doc) -> None:
    # 'staged' is lemmatised 'stag' by the small model; lemma() restores 'stage' from the word
    known = ["stage", "meet", "visit", "say"]
    found = lemma_positions(doc, known)
    every_match = [t.i for t in doc if lemma(t, known) in known]
    assert every_match and set(every_match) <= set(found)
    assert {"staged", "meeting", "visits", "said", "met"} <= {doc[i].text for i in found}
    assert {"stages", "staging", "staged", "stage"} <= forms(["stage"])


def test_text_tokens_within_a_sentence(doc: Doc) -> None:
    first, second, _ = list(doc.sents)
    positions = positions_of(doc, ["minister"], LOWER)
    assert [t.text for t in tokens_at(first, positions)] == ["Minister"]
    assert [t.text for t in tokens_at(second, positions)] == ["minister"]
    assert within(positions, second) == [positions[1]]
    assert [t.text for t in tokens_at(doc, positions)] == ["Minister", "minister"]


def test_text_cached_once_per_doc_until_released(doc: Doc) -> None:
    calls: list[int] = []

    def make() -> int:
        calls.append(1)
        return len(calls)

    assert cached(doc, "answer", make) == 1
    assert cached(doc, "answer", make) == 1
    release_tokens(doc)
    assert cached(doc, "answer", make) == 2
