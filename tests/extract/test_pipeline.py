"""The parsing pipeline (kg.extract.pipeline): where its sentences start, on text written here."""

from __future__ import annotations

from spacy.language import Language

from tests.samples import extracted_facts


def test_a_line_break_ends_a_sentence(nlp: Language) -> None:
    doc = nlp("Minister Ann Lowe resigns\nThe minister said she would leave on Friday.")
    assert [s.text.strip() for s in doc.sents] == [
        "Minister Ann Lowe resigns",
        "The minister said she would leave on Friday.",
    ]


def test_a_plural_title_written_short_is_one_word_inside_its_sentence(nlp: Language) -> None:
    doc = nlp("Govs. Ann Lowe of Iowa and Tim Berg of Utah signed the letter.")
    assert doc[0].text == "Govs."
    assert len(list(doc.sents)) == 1


def test_a_plural_title_written_short_gives_each_name_the_post(nlp: Language) -> None:
    text = "Democratic Sens. Ann Lowe of Iowa and Tim Berg of Utah voted against the bill."
    found = {(f.predicate, f.subject, f.object) for f in extracted_facts(nlp, text)}
    assert {
        ("holds_position", "Ann Lowe", "Senator"),
        ("holds_position", "Tim Berg", "Senator"),
        ("member_of", "Ann Lowe", "Democratic Party"),
        ("member_of", "Tim Berg", "Democratic Party"),
    } <= found
