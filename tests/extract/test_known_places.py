"""Places the tagger missed: hand-parsed sentences, so the test does not hang on the tagger."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from kg.extract.entities import honorific_surnames
from kg.extract.known_places import is_known_place, person_names, says_a_place, untagged_places
from kg.extract.rules import load_rules

VOCAB = spacy.blank("en").vocab
RULES = load_rules()
LEMMAS = {
    "flew": "fly",
    "wrote": "write",
    "spoke": "speak",
    "visited": "visit",
    "praised": "praise",
}


def _doc(parse: list[tuple[str, int, str, str]], ents: list[str] | None = None) -> Doc:
    """A doc from (word, head index, dependency, part of speech) rows and BIO entity tags."""
    words, heads, deps, pos = (list(column) for column in zip(*parse, strict=True))
    lemmas = [LEMMAS.get(w, w.lower()) for w in words]
    return Doc(VOCAB, words=words, heads=heads, deps=deps, pos=pos, lemmas=lemmas, ents=ents)


# "Jane Roe flew to Sedgefield", "Jane Roe wrote to Sedgefield", ... with the name last.
FLEW_TO = [("Roe", 1, "nsubj", "PROPN"), ("flew", 1, "ROOT", "VERB"), ("to", 1, "prep", "ADP")]
WROTE_TO = [("Roe", 1, "nsubj", "PROPN"), ("wrote", 1, "ROOT", "VERB"), ("to", 1, "prep", "ADP")]
SPOKE_IN = [("Roe", 1, "nsubj", "PROPN"), ("spoke", 1, "ROOT", "VERB"), ("in", 1, "prep", "ADP")]
VISITED = [("Roe", 1, "nsubj", "PROPN"), ("visited", 1, "ROOT", "VERB")]
PRAISED = [("Roe", 1, "nsubj", "PROPN"), ("praised", 1, "ROOT", "VERB")]


@pytest.mark.parametrize(
    ("parse", "place"),
    [
        pytest.param([*FLEW_TO, ("Sedgefield", 2, "pobj", "PROPN")], True, id="flew-to"),
        pytest.param([*SPOKE_IN, ("Sedgefield", 2, "pobj", "PROPN")], True, id="spoke-in"),
        pytest.param([*VISITED, ("Sedgefield", 1, "dobj", "PROPN")], True, id="visited"),
        pytest.param([*WROTE_TO, ("Sedgefield", 2, "pobj", "PROPN")], False, id="wrote-to"),
        pytest.param([*PRAISED, ("Sedgefield", 1, "dobj", "PROPN")], False, id="praised"),
        pytest.param(
            [
                *VISITED,
                ("Evesham", 1, "dobj", "PROPN"),
                ("and", 2, "cc", "CCONJ"),
                ("Kidderminster", 2, "conj", "PROPN"),
            ],
            True,
            id="visited-the-second-of-two",
        ),
    ],
)
def test_known_places_says_a_place(parse: list, place: bool) -> None:
    doc = _doc(parse)
    assert says_a_place(doc[-1], RULES) is place


def test_known_places_a_town_tagged_a_person_is_a_place() -> None:
    doc = _doc([*VISITED, ("Sedgefield", 1, "dobj", "PROPN")], ["B-PERSON", "O", "B-PERSON"])
    assert is_known_place(doc[2:3], RULES, person_names(doc))


def test_known_places_a_name_the_text_gives_a_person_stays_a_person() -> None:
    # "Mr Howard visited Howard": the honorific makes the name a person's here.
    parse = [("Mr", 1, "compound", "PROPN"), ("Howard", 2, "nsubj", "PROPN")]
    parse += [("visited", 2, "ROOT", "VERB"), ("Howard", 2, "dobj", "PROPN")]
    doc = _doc(parse, ["O", "B-PERSON", "O", "B-PERSON"])
    persons = person_names(doc) | honorific_surnames(doc, RULES)
    assert "Howard" in persons
    assert not is_known_place(doc[3:4], RULES, persons)


def test_known_places_a_name_the_gazetteer_does_not_know_is_not_a_place() -> None:
    doc = _doc([*VISITED, ("Zqxville", 1, "dobj", "PROPN")])
    assert not is_known_place(doc[2:3], RULES, set())


@pytest.mark.parametrize(
    ("parse", "ents", "places"),
    [
        pytest.param(
            [*SPOKE_IN, ("Milton", 4, "compound", "PROPN"), ("Keynes", 2, "pobj", "PROPN")],
            None,
            ["Milton Keynes"],
            id="untagged-two-words",
        ),
        pytest.param(
            [*SPOKE_IN, ("Cardiff", 2, "pobj", "PROPN")],
            ["B-PERSON", "O", "O", "B-GPE"],
            [],
            id="tagged-already",
        ),
        pytest.param([*SPOKE_IN, ("reading", 2, "pobj", "NOUN")], None, [], id="a-common-word"),
    ],
)
def test_known_places_untagged_places(parse: list, ents: list[str] | None, places: list) -> None:
    doc = _doc(parse, ents)
    assert [span.text for span in untagged_places(doc, RULES, set())] == places


@pytest.mark.parametrize(
    ("words", "place"),
    [
        pytest.param(["JERUSALEM", "(", "Reuters", ")", "-", "Talks", "began"], True, id="agency"),
        pytest.param(["LONDON", ",", "March", "3", "-", "Talks", "began"], True, id="date"),
        pytest.param(["Jerusalem", "(", "Reuters", ")", "-", "Talks", "began"], False, id="lower"),
        pytest.param(["JERUSALEM", "talks", "began"], False, id="no-dateline"),
    ],
)
def test_known_places_a_dateline_is_a_place(words: list[str], place: bool) -> None:
    doc = Doc(VOCAB, words=words, ents=["B-ORG"] + ["O"] * (len(words) - 1))
    assert is_known_place(doc[0:1], RULES, set()) is place
