"""The affiliation classifier's features: those of `kg.extract.pairs`, and the context around
each mention.

`pairs.pair_features` describes the words and the dependency path between two mentions; this
adds what sits at each mention's edges ("of Y", "Y -based"), the named-entity label of each
(a country is GPE, a mountain LOC), a place's own name (the classifier learns that "Mass." and
"Calif." are where people live), and the sentence's words that state a home ("born",
"native"), and what the gazetteer (`kg.extract.gazetteer`) knows of each place: its kind
(country, state, city) and whether one place lies inside the other ("Kyoto" in "Japan").
Training (`train_affiliations`) and extraction (`affiliations`) both call `classifier_features`.
"""

from __future__ import annotations

from spacy.attrs import LEMMA, LOWER
from spacy.tokens import Span

from kg.extract.gazetteer import load_gazetteer
from kg.extract.pairs import Mention, pair_features
from kg.extract.text import positions_of, tokens_at

HOME_WORDS = frozenset({"born", "native", "resident", "residents", "home", "hometown", "live"})


def _side(mention: Mention, name: str) -> dict[str, float]:
    doc = mention.span.doc
    span = mention.span
    before = doc[span.start - 1].lower_ if span.start > 0 else "<s>"
    after = doc[span.end].lower_ if span.end < len(doc) else "</s>"
    label = span.root.ent_type_ or "none"
    found = {
        f"{name}_prev={before}": 1.0,
        f"{name}_next={after}": 1.0,
        f"{name}_label={label}": 1.0,
        f"{name}_dep={span.root.dep_}": 1.0,
    }
    if mention.type == "place":
        found[f"{name}_place={span.text.lower()}"] = 1.0
    return found


def place_features(a: Mention, b: Mention) -> dict[str, float]:
    """The kind of each place of a pair, and for two places whether one lies inside the other
    (`Gazetteer.relation`: 'in', 'maybe in', 'contains', 'apart'), as the gazetteer knows them
    ('unknown' where it does not)."""
    gazetteer = load_gazetteer()
    found: dict[str, float] = {}
    for mention, name in ((a, "a"), (b, "b")):
        if mention.type == "place":
            place = gazetteer.find(mention.span.text)
            found[f"{name}_kind={place.kind if place else 'unknown'}"] = 1.0
    if a.type == b.type == "place":
        relation = gazetteer.relation(a.span.text, b.span.text)
        found[f"gazetteer={relation or 'unknown'}"] = 1.0
    return found


def home_features(sentence: Span) -> dict[str, float]:
    """The words of a sentence that speak of where someone lives ('born', 'resident', 'live')."""
    doc = sentence.doc
    words = sorted({*positions_of(doc, HOME_WORDS, LOWER), *positions_of(doc, ["live"], LEMMA)})
    return {
        f"home={token.lemma_.lower()}": 1.0
        for token in tokens_at(sentence, words)
        if token.lower_ in HOME_WORDS or token.lemma_ == "live"
    }


def classifier_features(
    a: Mention, b: Mention, others: list[Mention], home: dict[str, float] | None = None
) -> dict[str, float]:
    """Binary features of a candidate pair, the subject `a` and the object `b`; `home` is
    `home_features` of their sentence, when the caller has it already."""
    found = pair_features(a, b, others)
    found.update(_side(a, "a"))
    found.update(_side(b, "b"))
    found.update(place_features(a, b))
    found.update(home_features(a.span.sent) if home is None else home)
    return found
