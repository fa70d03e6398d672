"""The CoNLL04 name recogniser: loading it, what it finds, and how it is taught."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from kg.evaluation.birthplaces import COMPONENT as BIRTHPLACES
from kg.evaluation.conll04 import Sentence, detokenise
from kg.evaluation.conventions import conll04_pipeline
from kg.evaluation.names import save_weights, use_names
from kg.evaluation.train_names import example
from kg.settings import default_model


def _blank_with_ner() -> Language:
    blank = spacy.blank("en")
    blank.add_pipe("ner").add_label("PERSON")  # type: ignore[attr-defined]
    blank.initialize()
    return blank


def _saved(nlp: Language, folder: Path) -> bytes:
    return save_weights(nlp.get_pipe("ner"), folder).read_bytes()  # type: ignore[arg-type]


def test_use_names_loads_the_weights_into_the_pipelines_ner(tmp_path: Path) -> None:
    shipped = _saved(_blank_with_ner(), tmp_path)
    blank = _blank_with_ner()
    assert _saved(blank, tmp_path / "own") != shipped  # two initialisations differ
    named = use_names(blank, tmp_path)
    assert _saved(named, tmp_path / "read") == shipped
    assert named.pipe_names == ["ner", BIRTHPLACES]


@pytest.fixture(scope="module")
def named() -> Language:
    return conll04_pipeline(default_model())


def test_names_shipped_recogniser_finds_people_organisations_and_places(named: Language) -> None:
    doc = named("Jane Roe, a spokeswoman for the Acme Corporation in Boston, spoke on Monday.")
    ents = {(e.text, e.label_) for e in doc.ents}
    assert {("Jane Roe", "PERSON"), ("Acme Corporation", "ORG"), ("Boston", "GPE")} <= ents
    assert ("Monday", "DATE") in ents  # the labels CoNLL04 does not annotate stay


def test_names_shipped_recogniser_keeps_the_party_rulers_names(named: Language) -> None:
    doc = named("Jane Roe, a Labour MP, spoke in Leeds.")
    labour = [e for e in doc.ents if e.text == "Labour"]
    assert labour and labour[0].label_ == "ORG" and labour[0].ent_id_


def _example(nlp: Language, tokens: list[str], *entities: tuple[str, tuple[int, int]]) -> Doc:
    text, offsets = detokenise(tokens)
    return example(Sentence("s", text, tuple(offsets), entities, ()), nlp).reference


def test_train_names_example_teaches_city_and_state_as_two_places(nlp: Language) -> None:
    tokens = ["Jane", "Roe", "lives", "in", "Albany", ",", "N.Y."]
    taught = _example(nlp, tokens, ("person", (0, 2)), ("place", (4, 7)))
    assert [(e.text, e.label_) for e in taught.ents] == [
        ("Jane Roe", "PERSON"),
        ("Albany", "GPE"),
        ("N.Y.", "GPE"),  # its full stop is the tokenizer's word: taught, not left unknown
    ]
    assert all(t.ent_iob_ for t in taught)


def test_train_names_example_leaves_out_a_full_stop_the_tokenizer_splits(nlp: Language) -> None:
    tokens = ["Jane", "Roe", "met", "Desiree", "Ball.", "Later", "she", "left", "."]
    taught = _example(nlp, tokens, ("person", (0, 2)), ("person", (3, 5)))
    assert ("Desiree Ball", "PERSON") in {(e.text, e.label_) for e in taught.ents}
