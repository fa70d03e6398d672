"""The extraction stages as spaCy components (kg.extract.components): their order, and each run
alone on a Doc prepared that far."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from kg.extract.components import STAGES, extraction_pipeline, prepare
from kg.types import Article

TEXT = (
    "Labour MP Ruth Adair met Finance Minister Omar Haddad in Rabat on Monday.\n\n"
    'Ms Adair said: "The talks went well."'
)


@pytest.fixture
def parsed(nlp: Language) -> Doc:
    article = Article("c1", TEXT, published=date(2024, 3, 6))
    return prepare(nlp(TEXT), article)


def _run(doc: Doc, *stages: str) -> Doc:
    pipeline = extraction_pipeline()
    for stage in stages:
        doc = pipeline.get_pipe(stage)(doc)
    return doc


def test_components_run_in_the_documented_order() -> None:
    assert extraction_pipeline().pipe_names == list(STAGES)
    assert STAGES[0] == "newskg_captions" and STAGES[-1] == "newskg_facts"


def test_components_entities_stage_alone(parsed: Doc) -> None:
    doc = _run(parsed, "newskg_captions", "newskg_entities")
    persons = {e.name for e in doc._.newskg_index.persons().values()}
    assert persons == {"Ruth Adair", "Omar Haddad"}
    assert doc._.newskg_found is None  # later stages have not run


def test_components_posts_stage_alone(parsed: Doc) -> None:
    doc = _run(parsed, "newskg_captions", "newskg_entities", "newskg_posts")
    posts = {(p.person.name, p.label) for p in doc._.newskg_posts}
    assert posts == {("Ruth Adair", "Labour MP"), ("Omar Haddad", "Finance Minister")}


def test_components_relations_stage_finds_the_meeting(parsed: Doc) -> None:
    doc = _run(parsed, *STAGES[:-1])
    met = [(f.subject.name, f.object.name) for f in doc._.newskg_found if f.predicate == "met"]
    assert met == [("Ruth Adair", "Omar Haddad")]
    assert [q.speaker.name for q in doc._.newskg_quotes] == ["Ruth Adair"]


def test_components_whole_pipeline_gives_the_extraction(parsed: Doc) -> None:
    doc = extraction_pipeline()(parsed)
    facts = {(f.predicate, f.subject, f.object) for f in doc._.newskg_extraction.facts}
    assert ("met", "Omar Haddad", "Ruth Adair") in facts
    assert ("member_of", "Ruth Adair", "Labour") in facts
