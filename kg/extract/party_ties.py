"""Leading and membership ties the rules leave undecided, decided by a trained classifier.

The rules (posts, party mentions, affiliation phrases, verbs) state most ties news writes
("Labour leader X", "X, a Tory MP", "X joined the Greens"). For every other pair of a person and
a party or organisation named in one sentence, a logistic regression per predicate (`leads`,
`member_of`) decides whether the sentence ties them. It reads general features, never a word of
one article: the dependency path's labels, the distance and order of the two names, the lexical
classes (`word_classes`: leadership and membership nouns, titles, joining and leading verbs,
speech and meeting words, past modifiers) on the path and between the names, and which ties the
rules found for the pair. It is trained on the work split of the development gold by
`python -m kg.evaluation.train_party_ties`, its regularisation, threshold and use chosen there by
article-level cross-validation, and shipped as `models/party_ties.json` (weights as JSON, no
pickle); the file's `sources` says whether extraction uses it.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

from spacy.tokens import Doc, Span, Token

from kg.extract.affiliations import LinearModel, mentions
from kg.extract.entities import EntityIndex, Resolved
from kg.extract.factuality import status_of
from kg.extract.pairs import Mention, dependency_path
from kg.extract.posts import Post
from kg.extract.relations import Found
from kg.extract.rules import Rules, read_rule_file
from kg.types import Status

MODEL_PATH = Path(__file__).parent / "models" / "party_ties.json"
PREDICATES = ("leads", "member_of")
MAX_BETWEEN = 12
"""Words between the two names read one by one; further apart, only the path is read."""


@cache
def _verb_classes() -> dict[str, list[str]]:
    classes: dict[str, list[str]] = read_rule_file("verb_relations")["classes"]
    return classes


_CLASSES: dict[int, tuple[Rules, dict[str, frozenset[str]]]] = {}


def word_classes(rules: Rules) -> dict[str, frozenset[str]]:
    """Each lowercase word of the rules' lexical classes -> the classes it belongs to."""
    cached = _CLASSES.get(id(rules))
    if cached is not None and cached[0] is rules:
        return cached[1]
    posts, verbs = rules.posts, _verb_classes()
    met = rules.triggers["met"]
    members: dict[str, list[str]] = {
        "leader": [*posts["leader_heads"], *posts["party_leader_heads"]],
        "member": [*posts["member_heads"], *posts["party_member_nouns"]],
        "title": [*posts["heads"], *posts["abbreviations"]],
        "past": posts["past_modifiers"],
        "lead_verb": [*verbs["leading_verbs"], *verbs["running_verbs"]],
        "join_verb": [*verbs["joining_verbs"], *verbs["defecting_verbs"]],
        "speech": list(rules.quotes["verbs"]),
        "meeting": [*met["verbs"], *met["with_verbs"], *met["nouns"]],
        "party_word": [w.lower() for w in rules.party_mentions["words"]],
    }
    found: dict[str, set[str]] = {}
    for name, words in members.items():
        for word in words:
            found.setdefault(word.lower(), set()).add(name)
    classes = {word: frozenset(names) for word, names in found.items()}
    _CLASSES[id(rules)] = (rules, classes)
    return classes


def _classes_of(token: Token, classes: dict[str, frozenset[str]]) -> frozenset[str]:
    return classes.get(token.lower_) or classes.get(token.lemma_.lower()) or frozenset()


def _bucket(n: int) -> str:
    for limit in (0, 1, 2, 4, 8):
        if n <= limit:
            return str(limit)
    return "9+"


def tie_features(
    person: Mention,
    org: Mention,
    others: list[Mention],
    org_type: str,
    classes: dict[str, frozenset[str]],
) -> dict[str, float]:
    """Binary features of a person and an organisation (`org_type` 'party' or 'organization')
    named in one sentence."""
    doc = person.span.doc
    features: dict[str, float] = {}

    def add(name: str) -> None:
        features[name] = 1.0

    first, second = sorted((person, org), key=lambda m: m.span.start)
    order = "po" if first is person else "op"
    between = doc[first.span.end : second.span.start]
    add(f"org={org_type}")
    add(f"order={order}")
    add(f"dist={_bucket(len(between))}")
    add(f"order_dist={order}:{_bucket(len(between))}")
    persons = sum(1 for m in others if m.type == "person")
    add(f"other_persons={min(persons, 3)}")
    inside = [m for m in others if first.span.end <= m.span.start < second.span.start]
    add(f"names_between={min(len(inside), 2)}")
    if len(between) <= MAX_BETWEEN:
        for token in between:
            for name in _classes_of(token, classes):
                add(f"between={name}")
            if token.lower_ in (",", "(", "'s", "’s"):
                add(f"between_mark={order}:{token.lower_}")
    else:
        add("between=far")
    before = doc[first.span.start - 1] if first.span.start > 0 else None
    if before is not None:
        for name in _classes_of(before, classes):
            add(f"before={name}")
    for mention, side in ((person, "person"), (org, "org")):
        add(f"{side}_dep={mention.span.root.dep_}")
        after = doc[mention.span.end] if mention.span.end < len(doc) else None
        if after is not None:
            for name in _classes_of(after, classes):
                add(f"{side}_next={name}")
    rising, falling, common = dependency_path(person.span.root, org.span.root)
    if common is None:
        add("path=none")
        return features
    labels = [f"^{t.dep_}" for t in rising] + [f"v{t.dep_}" for t in reversed(falling)]
    add(f"path={' '.join(labels)}" if len(labels) <= 4 else "path=long")
    add(f"path_len={_bucket(len(labels))}")
    add(f"lca_pos={common.pos_}")
    for name in _classes_of(common, classes):
        add(f"lca={name}")
    for token in (*rising[1:], *falling[1:]):
        for name in _classes_of(token, classes):
            add(f"path_word={name}")
    return features


def stated_ties(found: list[Found], posts: list[Post]) -> set[tuple[int, int, int]]:
    """The (sentence start, person, organisation) ids the rules tie in any way: a tie found, a
    post in the organisation, a party its title names."""
    ties = {
        (f.sentence.start, id(f.subject), id(f.object))
        for f in found
        if f.predicate in (*PREDICATES, "works_for", "holds_position")
    }
    for post in posts:
        for org in (post.org, post.party):
            if org is not None:
                ties.add((post.sentence.start, id(post.person), id(org)))
    return ties


def candidates(
    sentence: Span, index: EntityIndex
) -> Iterator[tuple[Mention, Mention, list[Mention], Resolved, Resolved]]:
    """Each person and party or organisation named in the sentence, with the other mentions."""
    found = mentions(sentence, index)
    for person, person_entity in found:
        if person.type != "person":
            continue
        for org, org_entity in found:
            if org.type != "organization" or org_entity is person_entity:
                continue
            others = [m for m, _ in found if m is not person and m is not org]
            yield person, org, others, person_entity, org_entity


@cache
def load_ties_model(path: Path = MODEL_PATH) -> tuple[dict[str, LinearModel], frozenset[str]]:
    """The shipped models by predicate, and the predicates extraction uses them for."""
    data: dict[str, Any] = json.loads(Path(path).read_text(encoding="utf-8"))
    models = {
        p: LinearModel(m["weights"], float(m["bias"]), float(m["threshold"]))
        for p, m in data["predicates"].items()
    }
    return models, frozenset(p for p, sources in data["sources"].items() if "model" in sources)


def _status(person: Mention, org: Mention, rules: Rules, doc: Doc) -> Status:
    first, second = sorted((person, org), key=lambda m: m.span.start)
    start = max(first.span.start - 2, first.span.sent.start)
    words = {t.lower_ for t in doc[start : second.span.start]}
    if words & set(rules.posts["past_modifiers"]):
        return "past"
    _, _, common = dependency_path(person.span.root, org.span.root)
    return status_of(common, rules) if common is not None else "asserted"


def party_ties(
    body: list[Span],
    index: EntityIndex,
    found: list[Found],
    posts: list[Post],
    rules: Rules,
    model: tuple[dict[str, LinearModel], frozenset[str]] | None = None,
) -> Iterator[Found]:
    """Ties the classifier finds that the rules did not, in the sentences of `body`."""
    models, used = model if model is not None else load_ties_model()
    if not used:
        return
    classes = word_classes(rules)
    stated = stated_ties(found, posts)
    for sentence in body:
        for person, org, others, p_entity, o_entity in candidates(sentence, index):
            if (sentence.start, id(p_entity), id(o_entity)) in stated:
                continue  # the rules decided this pair
            features = tie_features(person, org, others, o_entity.type, classes)
            for predicate in sorted(used):
                linear = models[predicate]
                p = linear.probability(features)
                if p >= linear.threshold:
                    status = _status(person, org, rules, sentence.doc)
                    yield Found(predicate, p_entity, o_entity, sentence, round(p, 3), status)
