"""CoNLL04 scoring: reading SpERT JSON, strict span matching, and `kg eval --conll04`."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
import spacy
from spacy.language import Language

from kg.errors import EvalError, ModelNotFoundError
from kg.evaluation import crossval_affiliations, train_names
from kg.evaluation.birthplaces import COMPONENT as BIRTHPLACES
from kg.evaluation.birthplaces import join_birthplaces
from kg.evaluation.conll04 import (
    Prediction,
    Sentence,
    conll04_relation,
    detokenise,
    predictions,
    read_conll04,
    score_sentence,
)
from kg.evaluation.conventions import conll04_affiliation_rules, conll04_pipeline, conll04_rules
from kg.evaluation.names import load_weights, save_weights, use_names
from kg.evaluation.scores import Score
from kg.evaluation.train_names import _char_span
from kg.extract.affiliations import affiliations_in, load_affiliation_rules
from kg.extract.captions import find_captions
from kg.extract.entities import resolve_entities
from kg.extract.pair_context import classifier_features
from kg.extract.pairs import SIGNATURES, Mention
from kg.extract.rules import load_rules
from kg.settings import default_model
from kg.types import Article, Entity, Evidence, Extraction, Fact
from tests.conftest import FIXTURES

MINI = FIXTURES / "conll04-mini.json"


def _sentence() -> Sentence:
    return read_conll04(MINI)[0]  # "Jane Roe , a spokeswoman for the Acme Corporation , ..."


def _scores(*predictions: Prediction) -> dict[str, Score]:
    scores = {r: Score() for r in ("Work_For", "OrgBased_In", "Live_In", "Located_In")}
    score_sentence(_sentence(), list(predictions), scores)
    return scores


def test_detokenise_reads_like_text_and_keeps_offsets() -> None:
    tokens = ["Jane", "Roe", "'s", "firm", ",", "(", "Acme", ")", "said", "``", "no", "''", "."]
    text, offsets = detokenise(tokens)
    assert text == "Jane Roe's firm, (Acme) said ``no''."
    assert [text[s:e] for s, e in offsets] == tokens


def test_read_conll04_maps_types_and_relations() -> None:
    sentence = _sentence()
    assert sentence.text.startswith("Jane Roe, a spokeswoman for the Acme Corporation,")
    assert [(kind, sentence.quote(span)) for kind, span in sentence.entities] == [
        ("person", "Jane Roe"),
        ("organization", "Acme Corporation"),
    ]
    assert sentence.gold() == {("Work_For", (0, 2), (7, 9))}


def test_read_conll04_rejects_a_dangling_relation(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    record = {"tokens": ["Jane"], "entities": [], "relations": [{"type": "Kill", "head": 0}]}
    bad.write_text(json.dumps([record]))
    with pytest.raises(EvalError, match="bad.json', sentence 0: not in the SpERT format"):
        read_conll04(bad)


def test_sentence_tokens_counts_a_glued_final_period_as_the_token() -> None:
    sentence = Sentence("s", "Acme Corp.", ((0, 4), (5, 10)), (), ())
    assert sentence.tokens((5, 9)) == (1, 2)  # "Corp" falls on the token "Corp."


def test_score_sentence_exact_spans_are_a_true_positive() -> None:
    scores = _scores(Prediction("Work_For", "Jane Roe", "Acme Corporation", ((0, 2),), ((7, 9),)))
    assert (scores["Work_For"].tp, scores["Work_For"].fp, scores["Work_For"].fn) == (1, 0, 0)


def test_predictions_need_both_arguments_written_in_the_sentence() -> None:
    sentence = _sentence()
    evidence = (Evidence(sentence.text, 0, len(sentence.text)),)
    written = Fact(
        "works_for", "Jane Roe", "person", "Acme Corporation", "organization", evidence, 0.9
    )
    unwritten = replace(written, predicate="member_of", object="Green Party", object_type="party")
    entities = (Entity("Jane Roe", "person"), Entity("Acme Corporation", "organization"))
    extraction = Extraction(Article("s", sentence.text), entities, (written, unwritten))
    assert [(p.subject, p.object) for p in predictions(extraction, sentence)] == [
        ("Jane Roe", "Acme Corporation")
    ]


@pytest.mark.parametrize(
    "subjects,objects,relation",
    [
        pytest.param(((0, 2),), ((8, 9),), "Work_For", id="object-too-short"),
        pytest.param(((1, 2),), ((7, 9),), "Work_For", id="subject-too-short"),
        pytest.param(((0, 2),), ((6, 9),), "Work_For", id="object-with-the"),
    ],
)
def test_score_sentence_boundary_mismatch_is_fp_and_fn(
    subjects: tuple, objects: tuple, relation: str
) -> None:
    scores = _scores(Prediction(relation, "Jane Roe", "Acme", subjects, objects))
    assert (scores["Work_For"].tp, scores["Work_For"].fp, scores["Work_For"].fn) == (0, 1, 1)


def test_score_sentence_wrong_relation_type_is_fp_and_fn() -> None:
    scores = _scores(Prediction("Live_In", "Jane Roe", "Acme", ((0, 2),), ((7, 9),)))
    assert scores["Live_In"].fp == 1 and scores["Work_For"].fn == 1


def _fact(predicate: str, object_type: str, **extra: str) -> Fact:
    evidence = (Evidence("s", 0, 1),)
    return Fact(predicate, "Jane Roe", "person", "Acme", object_type, evidence, 0.9, **extra)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "fact,relation",
    [
        pytest.param(_fact("works_for", "organization"), "Work_For", id="works-for"),
        pytest.param(_fact("member_of", "party"), "Work_For", id="member-of-party"),
        pytest.param(_fact("leads", "organization"), "Work_For", id="leads"),
        pytest.param(
            _fact("holds_position", "post", post_in="Acme", post_in_type="organization"),
            "Work_For",
            id="post-in-organization",
        ),
        pytest.param(
            _fact("holds_position", "post", post_in="France", post_in_type="place"),
            None,
            id="post-in-country",
        ),
        pytest.param(_fact("lives_in", "place"), "Live_In", id="lives-in"),
        pytest.param(_fact("works_for", "organization", status="negated"), None, id="negated"),
        pytest.param(_fact("met", "person"), None, id="met"),
    ],
)
def test_conll04_relation_maps_facts(fact: Fact, relation: str | None) -> None:
    assert conll04_relation(fact) == relation


def test_cli_eval_conll04_prints_the_table(run) -> None:
    status, out, err = run("eval", "--conll04", str(MINI), "--errors")
    assert status == 0, err
    lines = out.splitlines()
    assert lines[0].startswith("3 CoNLL04 sentences")
    assert [line.split()[0] for line in lines[2:7]] == [
        "Work_For",
        "OrgBased_In",
        "Live_In",
        "Located_In",
        "micro",
    ]
    assert "excluded: Kill (1 gold relations)" in out


def test_cli_eval_conll04_json_has_micro_and_excluded(run) -> None:
    status, out, _ = run("eval", "--conll04", str(MINI), "--format", "json")
    assert status == 0
    result = json.loads(out)
    assert set(result) == {"Work_For", "OrgBased_In", "Live_In", "Located_In", "micro", "excluded"}
    assert result["excluded"] == {"Kill": 1}
    assert result["micro"]["fn"] + result["micro"]["tp"] == 2


def test_cli_eval_without_gold_or_conll04_says_what_to_give(run) -> None:
    status, _, err = run("eval")
    assert status == 2
    assert "GOLD_DIR and ARTICLES_DIR" in err and "--conll04 FILE" in err


def test_train_names_drops_the_period_conll04_glues_to_the_last_word() -> None:
    text, offsets = detokenise(["Jane", "Roe", "joined", "Acme", "Studies."])
    sentence = Sentence("s", text, tuple(offsets), (("organization", (3, 5)),), ())
    start, end = _char_span(sentence, 3, 5)
    assert text[start:end] == "Acme Studies"


def test_train_names_example_keeps_the_pipelines_own_dates(nlp: Language) -> None:
    tokens = ["Jane", "Roe", "visited", "Boston", "on", "Monday", "."]
    text, offsets = detokenise(tokens)
    entities = (("person", (0, 2)), ("place", (3, 4)))
    example = train_names.example(Sentence("s", text, tuple(offsets), entities, ()), nlp)
    labels = {(e.text, e.label_) for e in example.reference.ents}
    assert {("Jane Roe", "PERSON"), ("Boston", "GPE"), ("Monday", "DATE")} <= labels


def test_train_names_example_teaches_other_names_as_no_entity(nlp: Language) -> None:
    tokens = ["Jane", "Roe", "drove", "a", "Chevrolet", "Impala", "to", "Boston", "."]
    text, offsets = detokenise(tokens)
    entities = (("person", (0, 2)), ("other", (4, 6)), ("place", (7, 8)))
    example = train_names.example(Sentence("s", text, tuple(offsets), entities, ()), nlp)
    car = example.reference[4:6]
    assert [t.ent_iob_ for t in car] == ["O", "O"]  # taught: not a name (not left unknown)
    assert ("Boston", "GPE") in {(e.text, e.label_) for e in example.reference.ents}


def test_conll04_pipeline_adds_its_recogniser_and_birthplaces_to_the_news_one(
    nlp: Language,
) -> None:
    named = conll04_pipeline(default_model())
    assert named.pipe_names == [*nlp.pipe_names, BIRTHPLACES]
    assert BIRTHPLACES not in nlp.pipe_names  # news extraction never joins birthplaces
    fine_tuned = named.get_pipe("ner").model.to_bytes()
    assert fine_tuned != nlp.get_pipe("ner").model.to_bytes()


def _with_places(nlp: Language, text: str, *places: str) -> list[tuple[str, str]]:
    """Parse `text`, tag `places` (and nothing else) as GPE, join birthplaces; the entities."""
    doc = nlp(text)
    doc.ents = [doc.char_span(text.index(p), text.index(p) + len(p), label="GPE") for p in places]
    return [(e.text, e.label_) for e in join_birthplaces(doc).ents]


@pytest.mark.parametrize(
    "text,places,joined",
    [
        pytest.param(
            "Jane Roe was born in Springfield, Ill.",
            ("Springfield", "Ill."),
            [("Springfield, Ill", "GPE")],
            id="born-in-without-the-full-stop",
        ),
        pytest.param(
            "Jane Roe was born July 4, 1950, in Springfield, Ill.",
            ("Springfield", "Ill."),
            [("Springfield, Ill", "GPE")],
            id="born-on-a-date-in",
        ),
        pytest.param(
            "Jane Roe, a native of Springfield, Illinois, died on Monday.",
            ("Springfield", "Illinois"),
            [("Springfield, Illinois", "GPE")],
            id="a-native-of",
        ),
        pytest.param(
            "The Acme Institute, based in Springfield, Illinois, said so.",
            ("Springfield", "Illinois"),
            [("Springfield", "GPE"), ("Illinois", "GPE")],
            id="based-in-stays-two-places",
        ),
        pytest.param(
            "Jane Roe was born in Springfield and moved to Illinois.",
            ("Springfield", "Illinois"),
            [("Springfield", "GPE"), ("Illinois", "GPE")],
            id="no-comma-stays-two-places",
        ),
    ],
)
def test_names_birthplace_city_and_state_is_one_place(
    nlp: Language, text: str, places: tuple[str, ...], joined: list[tuple[str, str]]
) -> None:
    assert _with_places(nlp, text, *places) == joined


def test_names_birthplace_leaves_the_full_stop_a_token_of_its_own(nlp: Language) -> None:
    doc = nlp("Jane Roe was born in Springfield, Ill.")
    doc.ents = [doc.char_span(21, 32, label="GPE"), doc.char_span(34, 38, label="GPE")]
    doc = join_birthplaces(doc)
    assert [t.text for t in doc[-2:]] == ["Ill", "."]
    assert doc.text == "Jane Roe was born in Springfield, Ill."


def test_crossval_variants_change_one_predicate_at_a_time() -> None:
    shipped = {"works_for": ("rules", "model"), "located_in": ("model",)}
    variants = crossval_affiliations.variants(shipped)
    assert variants["as shipped"] == shipped
    assert variants["located_in: rules"] == {
        "works_for": ("rules", "model"),
        "located_in": ("rules",),
    }
    assert len(variants) == 1 + 2 * len(shipped)  # each predicate: the two other choices


def _blank_with_ner() -> Language:
    blank = spacy.blank("en")
    blank.add_pipe("ner").add_label("PERSON")  # type: ignore[attr-defined]
    blank.initialize()
    return blank


def test_use_names_without_weights_says_how_to_rebuild(tmp_path: Path) -> None:
    with pytest.raises(ModelNotFoundError, match="python -m kg.evaluation.train_names"):
        use_names(_blank_with_ner(), tmp_path)


def test_conll04_rules_set_their_conventions_and_news_rules_do_not() -> None:
    news, conll04 = load_rules(), conll04_rules()
    assert news.join_acronyms and news.affiliations is None
    assert not conll04.join_acronyms  # CoNLL04 annotates "NASA" and its full name apart
    assert conll04.affiliations == conll04_affiliation_rules()
    assert conll04.affiliations.sources["lives_in"] == ("rules", "model")
    assert load_affiliation_rules().sources["lives_in"] == ("rules",)


def test_conll04_affiliation_rules_add_the_dateline_to_the_news_patterns() -> None:
    news, conll04 = load_affiliation_rules(), conll04_affiliation_rules()
    added = {p.source for p in conll04.patterns} - {p.source for p in news.patterns}
    assert added == {"Y (,)? _? _? _? ( X"}
    assert set(news.patterns) < set(conll04.patterns)


def test_conll04_dateline_names_where_the_organisation_is_based() -> None:
    text = "BOSTON, May 3 (Acme Institute) - The survey was published."
    doc = spacy.blank("en")(text)
    doc.ents = [doc.char_span(0, 6, label="GPE"), doc.char_span(15, 29, label="ORG")]
    rules = conll04_rules()
    index = resolve_entities(doc, find_captions(text, rules), rules)
    only_rules = replace(rules.affiliations, sources=dict.fromkeys(SIGNATURES, ("rules",)))
    found = affiliations_in(doc[:], index, rules, only_rules, model={})
    assert ("based_in", "Acme Institute", "Boston") in {
        (f.predicate, f.subject.name, f.object.name) for f in found
    }


def test_classifier_features_read_home_words_and_place_names(nlp: Language) -> None:
    doc = nlp("Jane Roe, a native of Boston, died.")
    person, place = Mention(doc[0:2], "person"), Mention(doc[6:7], "place")
    features = classifier_features(person, place, [])
    assert {"home=native", "b_place=boston", "b_prev=of", "a_next=,"} <= set(features)


def test_names_weights_round_trip_to_the_same_file(tmp_path: Path) -> None:
    fresh = spacy.load(default_model())
    ner = fresh.get_pipe("ner")
    first = save_weights(ner, tmp_path / "a").read_bytes()  # type: ignore[arg-type]
    load_weights(ner, tmp_path / "a")  # type: ignore[arg-type]
    assert save_weights(ner, tmp_path / "b").read_bytes() == first  # type: ignore[arg-type]
    doc = fresh("Jane Roe joined Acme Corporation in Boston on Monday.")
    assert ("Boston", "GPE") in {(e.text, e.label_) for e in doc.ents}


def test_names_weights_of_another_network_say_what_to_do(tmp_path: Path) -> None:
    save_weights(spacy.load(default_model()).get_pipe("ner"), tmp_path)  # type: ignore[arg-type]
    ner = _blank_with_ner().get_pipe("ner")
    with pytest.raises(ModelNotFoundError, match="trained on another pipeline's NER"):
        load_weights(ner, tmp_path)  # type: ignore[arg-type]
