"""Affiliations a verb states: 'X leads the Y party', 'X joined the Tories', 'X defected to UKIP'.

The patterns are spaCy DependencyMatcher patterns kept as data (`rules/verb_relations.json`),
written over lexical classes ("$joining_verbs" stands for the words of that class). Each pattern
names the verb 'verb' and the organisation's token 'object'; the persons are those of a node
named 'person' ('the party, led by X'), else the verb's subjects (`participants.subjects_of`:
'X and Y', 'X, who ...'); the fact's status is the verb's, and a rule with "ended" states a tie
that the verb ends ('X quit the Tories': a past membership, once the verb tells it happened).
`load_verb_relations` checks the file when it is read, so a renamed key, an unknown class or a
pattern spaCy refuses stops loading with a RulesError, never a KeyError mid-extraction.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from spacy.attrs import DEP, HEAD, LEMMA, ORTH, POS, SPACY, TAG
from spacy.parts_of_speech import VERB
from spacy.errors import MatchPatternError
from spacy.matcher import DependencyMatcher
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from kg.errors import RulesError
from kg.extract.entities import EntityIndex
from kg.extract.factuality import status_of
from kg.extract.participants import entities_of, persons_of, subjects_of
from kg.extract.relations import Found
from kg.extract.rules import RULES_DIR, Rules, read_rule_file
from kg.types import Status

PREDICATES = ("leads", "member_of", "works_for", "based_in", "lives_in", "located_in")
"""What a verb relation may state: an affiliation of its subjects with an organisation."""
ANCHORS = ("verb", "object")
"""The node names every pattern must give: the verb, and the organisation's token."""


@dataclass(frozen=True)
class VerbRule:
    """One pattern: the predicate it states, the entity types its object may have, its weight."""

    predicate: str
    object_types: tuple[str, ...]
    confidence: float
    pattern: tuple[dict[str, Any], ...]
    ended: bool = False
    """The verb ends the tie ('quit', 'left'): the fact is past where the verb is asserted."""


def _expand(value: Any, classes: dict[str, list[str]], where: str) -> Any:
    """Replace every "$class" in the pattern's IN / NOT_IN lists by the words of that class."""
    if isinstance(value, dict):
        return {k: _expand(v, classes, where) for k, v in value.items()}
    if isinstance(value, list):
        words: list[Any] = []
        for item in value:
            if isinstance(item, str) and item.startswith("$"):
                if item[1:] not in classes:
                    raise RulesError(
                        f"rules/verb_relations.json: {where} uses the class '{item}', which "
                        f"'classes' does not define (it has: {', '.join(sorted(classes))})."
                    )
                words.extend(classes[item[1:]])
            else:
                words.append(_expand(item, classes, where))
        return words
    return value


@cache
def load_verb_relations(rules_dir: Path = RULES_DIR) -> tuple[VerbRule, ...]:
    """The rules of `verb_relations.json`, their classes expanded and their anchors checked."""
    data = read_rule_file("verb_relations", rules_dir)
    rules = []
    for k, spec in enumerate(data["rules"]):
        where = f"rules[{k}]"
        missing = [key for key in ("predicate", "object_types", "pattern") if key not in spec]
        if missing:
            raise RulesError(f"rules/verb_relations.json: {where} has no {', '.join(missing)}.")
        if spec["predicate"] not in PREDICATES:
            raise RulesError(
                f"rules/verb_relations.json: {where} states '{spec['predicate']}'; a verb "
                f"relation states one of {', '.join(PREDICATES)}."
            )
        pattern = tuple(_expand(node, data["classes"], where) for node in spec["pattern"])
        named = {node.get("RIGHT_ID") for node in pattern}
        if not set(ANCHORS) <= named:
            raise RulesError(
                f"rules/verb_relations.json: {where} must name the nodes 'verb' and 'object' "
                f"(it names {', '.join(sorted(map(str, named)))})."
            )
        rules.append(
            VerbRule(
                spec["predicate"],
                tuple(spec["object_types"]),
                float(spec.get("confidence", 0.8)),
                pattern,
                bool(spec.get("ended", False)),
            )
        )
    return tuple(rules)


_matchers: dict[tuple[int, int], tuple[DependencyMatcher, frozenset[int]]] = {}


def verb_matcher(
    vocab: Vocab, rules: tuple[VerbRule, ...]
) -> tuple[DependencyMatcher, frozenset[int]]:
    """The DependencyMatcher of `rules` (match ids are the rules' positions) and the ids of the
    lemmas their verb nodes accept, built once per vocabulary."""
    cached = _matchers.get((id(vocab), id(rules)))
    if cached is not None and cached[0].vocab is vocab:  # an id may be reused after a vocab dies
        return cached
    matcher = DependencyMatcher(vocab, validate=True)
    for k, rule in enumerate(rules):
        try:
            matcher.add(str(k), [list(rule.pattern)])
        except (MatchPatternError, ValueError) as exc:
            raise RulesError(
                f"rules/verb_relations.json: rules[{k}] is not a DependencyMatcher pattern: {exc}"
            ) from exc
    lemmas = frozenset(
        vocab.strings.add(word)
        for rule in rules
        for node in rule.pattern
        if node["RIGHT_ID"] == "verb"
        for word in node["RIGHT_ATTRS"].get("LEMMA", {}).get("IN", [])
    )
    _matchers[(id(vocab), id(rules))] = (matcher, lemmas)
    return matcher, lemmas


def verb_relations(body: list[Span], index: EntityIndex, rules: Rules) -> Iterator[Found]:
    """The affiliations the verbs of the body's sentences state between their subjects and an
    organisation they reach."""
    if not body:
        return
    verb_rules = load_verb_relations()
    doc = body[0].doc
    matcher, lemmas = verb_matcher(doc.vocab, verb_rules)
    # The DependencyMatcher maps every token it is given before it matches: give it only the
    # sentences where one of the verbs is a verb (most have none), each as a Doc of its own.
    array = doc.to_array(SENTENCE_ATTRS)
    verbs = [i for i, row in enumerate(array.tolist()) if row[3] == VERB and row[2] in lemmas]
    for sentence in body:
        if not any(sentence.start <= i < sentence.end for i in verbs):
            continue
        for match_id, positions in matcher(_sentence_doc(doc, array, sentence)):
            rule = verb_rules[int(doc.vocab.strings[match_id])]
            ids = (node["RIGHT_ID"] for node in rule.pattern)
            nodes = {name: sentence.start + i for name, i in zip(ids, positions, strict=True)}
            yield from _stated(rule, nodes, sentence, index, rules)


SENTENCE_ATTRS = [ORTH, SPACY, LEMMA, POS, TAG, DEP, HEAD]
"""What the patterns read of a sentence copied to a Doc of its own (words, spaces, then the
annotation `Doc.from_array` sets)."""


def _sentence_doc(doc: Doc, array: Any, sentence: Span) -> Doc:
    """The sentence as a Doc with only the annotation the patterns read: `Span.as_doc` copies
    all of it (entities, vectors, the whole Doc's array), eight times the time."""
    rows = array[sentence.start : sentence.end]
    strings = doc.vocab.strings
    words = [strings[orth] for orth in rows[:, 0].tolist()]
    copy = Doc(doc.vocab, words=words, spaces=[bool(space) for space in rows[:, 1].tolist()])
    return copy.from_array(SENTENCE_ATTRS[2:], rows[:, 2:])


def _stated(
    rule: VerbRule, nodes: dict[str, int], sentence: Span, index: EntityIndex, rules: Rules
) -> Iterator[Found]:
    """The facts one match states: its persons and the organisations of its object."""
    doc = sentence.doc
    verb, obj = doc[nodes["verb"]], doc[nodes["object"]]
    orgs = [e for e, _ in entities_of(obj, index, rule.object_types)]
    status = status_of(verb, rules)
    if rule.ended:  # "quit the party": a member until then; "will quit": a member still
        ended: dict[Status, Status] = {
            "asserted": "past",
            "planned": "asserted",
            "negated": "asserted",
        }
        status = ended.get(status, status)
    named = nodes.get("person")  # "the party, led by X": the agent, not a subject
    persons = persons_of(doc[named], index) if named is not None else subjects_of(verb, index)
    for person, _ in persons:
        for org in orgs:
            yield Found(rule.predicate, person, org, sentence, rule.confidence, status)
