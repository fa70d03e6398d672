"""The party-ties classifier (kg.extract.party_ties) and how its use is chosen
(kg.evaluation.train_party_ties): sentences written for these tests."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from kg.evaluation.scores import Score
from kg.evaluation.train_party_ties import Choice, choose
from kg.extract.affiliations import LinearModel
from kg.extract.components import extraction_pipeline, prepare
from kg.extract.party_ties import (
    candidates,
    load_ties_model,
    party_ties,
    tie_features,
    word_classes,
)
from kg.extract.rules import load_rules
from kg.types import Article


def _before_ties(nlp: Language, text: str) -> Doc:
    doc = prepare(nlp(text), Article("t1", text))
    for name, stage in extraction_pipeline().pipeline:
        if name == "newskg_party_ties":
            return doc
        doc = stage(doc)
    raise AssertionError("no newskg_party_ties component")


def _ties(doc: Doc, model: tuple[dict[str, LinearModel], frozenset[str]]) -> set[tuple]:
    found = party_ties(
        doc._.newskg_body,
        doc._.newskg_index,
        doc._.newskg_found,
        doc._.newskg_posts,
        doc._.newskg_rules,
        model,
    )
    return {(f.predicate, f.subject.name, f.object.name, f.status) for f in found}


PARTY_MODEL = LinearModel({"org=party": 4.0}, -2.0, 0.5)
"""A model that ties every person to every party named with them."""


def test_party_ties_word_classes_come_from_the_rules() -> None:
    classes = word_classes(load_rules())
    assert "leader" in classes["leader"]
    assert "member" in classes["backbencher"]
    assert "past" in classes["former"]


def test_party_ties_features_read_classes_and_path_not_words(nlp: Language) -> None:
    doc = _before_ties(nlp, "Maria Lund, who chairs the Green Party, spoke in Leeds on Friday.")
    (person, org, others, _, org_entity), *_ = candidates(doc._.newskg_body[0], doc._.newskg_index)
    features = tie_features(person, org, others, org_entity.type, word_classes(load_rules()))
    assert person.span.text == "Maria Lund" and org.span.text.endswith("Green Party")
    assert {"org=party", "order=po"} <= features.keys()
    assert any(name.startswith("path=") for name in features)
    assert not any("chairs" in name or "leeds" in name for name in features)


def test_party_ties_adds_what_the_model_decides_where_rules_are_silent(nlp: Language) -> None:
    doc = _before_ties(nlp, "Maria Lund spoke to the Green Party about housing on Friday.")
    model = ({"member_of": PARTY_MODEL}, frozenset({"member_of"}))
    assert _ties(doc, model) == {("member_of", "Maria Lund", "Green Party", "asserted")}


def test_party_ties_leaves_pairs_the_rules_decided(nlp: Language) -> None:
    doc = _before_ties(nlp, "Green Party leader Maria Lund spoke in Leeds on Friday.")
    assert any(p.org is not None and p.org.name == "Green Party" for p in doc._.newskg_posts)
    model = ({"member_of": PARTY_MODEL}, frozenset({"member_of"}))
    assert _ties(doc, model) == set()


def test_party_ties_past_modifier_makes_a_past_tie(nlp: Language) -> None:
    doc = _before_ties(nlp, "Maria Lund, formerly with the Green Party, spoke on Friday.")
    model = ({"member_of": PARTY_MODEL}, frozenset({"member_of"}))
    assert _ties(doc, model) == {("member_of", "Maria Lund", "Green Party", "past")}


def test_party_ties_model_not_chosen_adds_nothing(nlp: Language) -> None:
    doc = _before_ties(nlp, "Maria Lund spoke to the Green Party about housing on Friday.")
    assert _ties(doc, ({"member_of": PARTY_MODEL}, frozenset())) == set()


def test_party_ties_shipped_model_has_both_predicates() -> None:
    models, used = load_ties_model()
    assert set(models) == {"leads", "member_of"}
    assert used <= {"leads", "member_of"}
    assert all(0.0 < m.threshold < 1.0 and m.weights for m in models.values())


def _choice(threshold: float, rules: tuple[int, int], added: tuple[int, int]) -> Choice:
    kept = Score(tp=rules[0], fp=rules[1], fn=10)
    together = Score(tp=rules[0] + added[0], fp=rules[1] + added[1], fn=10 - added[0])
    return Choice(1.0, threshold, together, together, kept)


def test_party_ties_choice_needs_precise_additions() -> None:
    sloppy = _choice(0.3, (20, 2), (4, 3))
    precise = _choice(0.7, (20, 2), (2, 0))
    assert choose([sloppy, precise]) is precise
    assert choose([sloppy]) is None
    assert choose([_choice(0.9, (20, 2), (0, 0))]) is None
