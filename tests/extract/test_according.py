"""'According to X' after a clause with no verb (a regression: the search for the clause's verb
never ended when the sentence's root was a noun)."""

from __future__ import annotations

from spacy.language import Language

from kg.extract import extract
from kg.types import Article


def test_according_to_after_a_verbless_clause_is_said(nlp: Language) -> None:
    text = "The talks about the budget, according to Alastair Campbell."
    (extraction,) = extract([Article("according", text)], nlp)
    said = {(f.subject, f.object) for f in extraction.facts if f.predicate == "said"}
    assert said == {("Alastair Campbell", "The talks about the budget")}
