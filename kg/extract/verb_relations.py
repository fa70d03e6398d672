"""Affiliations a verb states: 'X leads the Y party', 'X joined the Tories', 'X defected to UKIP'.

The patterns are spaCy DependencyMatcher patterns kept as data (`rules/verb_relations.json`),
written over lexical classes ("$joining_verbs" stands for the words of that class). Each pattern
names the verb 'verb' and the organisation's token 'object' ('the party' there is the party
named last, `posts.referred_body`); the persons are those of a node named 'person' ('the party,
led by X'), else the verb's subjects (`participants.subjects_of`: 'X and Y', 'X, who ...'); the
fact's status is the verb's, and a rule with "ended" states a tie that the verb ends ('X quit
the Tories': a past membership, once the verb tells it happened).
`load_verb_relations` checks the file when it is read, so a renamed key, an unknown class or a
pattern spaCy refuses stops loading with a RulesError, never a KeyError mid-extraction.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import numpy
from spacy.attrs import DEP, HEAD, LEMMA, ORTH, POS, SPACY, TAG
from spacy.errors import MatchPatternError
from spacy.matcher import DependencyMatcher
from spacy.parts_of_speech import VERB  # type: ignore[import-not-found]  # a Cython module
from spacy.tokens import Doc, Span, Token
from spacy.vocab import Vocab

from kg.errors import RulesError
from kg.extract.entities import EntityIndex
from kg.extract.factuality import status_of
from kg.extract.participants import entities_of, persons_of, subjects_of
from kg.extract.posts import common_body, referred_body
from kg.extract.relations import Found
from kg.extract.role_verbs import closed
from kg.extract.rules import RULES_DIR, Rules, read_rule_file
from kg.types import Status

PATTERN_ATTRS = frozenset({"ORTH", "TEXT", "LOWER", "LEMMA", "POS", "TAG", "DEP"})
"""The token attributes a pattern may test: those a sentence copy holds (`SENTENCE_ATTRS`,
and LOWER, which the vocabulary gives)."""

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
def verb_classes(rules_dir: Path = RULES_DIR) -> dict[str, frozenset[str]]:
    """The lexical classes of `verb_relations.json`, for a stage that reads the same words
    outside a pattern ('under the leadership of X': `leadership_nouns`)."""
    classes = read_rule_file("verb_relations", rules_dir)["classes"]
    return {name: frozenset(words) for name, words in classes.items()}


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
        unread = {a for node in pattern for a in node.get("RIGHT_ATTRS", {})} - PATTERN_ATTRS
        if unread:
            raise RulesError(
                f"rules/verb_relations.json: {where} tests {', '.join(sorted(unread))}, which the "
                f"sentences matched do not hold (they hold {', '.join(sorted(PATTERN_ATTRS))})."
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


VerbMatcher = tuple[frozenset[int], DependencyMatcher]
"""The ids of the verb lemmas some rules accept, and the DependencyMatcher of those rules (its
match ids are the rules' positions)."""

_matchers: dict[tuple[int, int], tuple[Vocab, tuple[VerbMatcher, ...]]] = {}


def verb_matchers(vocab: Vocab, rules: tuple[VerbRule, ...]) -> tuple[VerbMatcher, ...]:
    """One DependencyMatcher per class of verbs the rules start from (rules that start from the
    same words share one), built once per vocabulary: a sentence goes only to the matchers of
    the verbs it has, and the matcher maps each token for every node of its patterns."""
    cached = _matchers.get((id(vocab), id(rules)))
    if cached is not None and cached[0] is vocab:  # an id may be reused after a vocab dies
        return cached[1]
    by_verbs: dict[tuple[str, ...], list[int]] = {}
    for k, rule in enumerate(rules):
        verb = next(node for node in rule.pattern if node["RIGHT_ID"] == "verb")
        words = tuple(verb["RIGHT_ATTRS"].get("LEMMA", {}).get("IN", []))
        by_verbs.setdefault(words, []).append(k)
    matchers = []
    for words, positions in by_verbs.items():
        matcher = DependencyMatcher(vocab, validate=True)
        for k in positions:
            try:
                matcher.add(str(k), [list(rules[k].pattern)])
            except (MatchPatternError, ValueError) as exc:
                raise RulesError(
                    f"rules/verb_relations.json: rules[{k}] is not a DependencyMatcher pattern: "
                    f"{exc}"
                ) from exc
        matchers.append((frozenset(vocab.strings.add(word) for word in words), matcher))
    _matchers[(id(vocab), id(rules))] = (vocab, tuple(matchers))
    return tuple(matchers)


def verb_relations(body: list[Span], index: EntityIndex, rules: Rules) -> Iterator[Found]:
    """The affiliations the verbs of the body's sentences state between their subjects and an
    organisation they reach."""
    if not body:
        return
    verb_rules = load_verb_relations()
    doc = body[0].doc
    matchers = verb_matchers(doc.vocab, verb_rules)
    # Only sentences where one of the verbs is tagged a verb (most have none) go to the
    # matchers of those verbs, each sentence as a Doc of its own.
    array = doc.to_array(SENTENCE_ATTRS)
    verb_lemmas = numpy.where(array[:, POS_COLUMN] == VERB, array[:, LEMMA_COLUMN], 0).tolist()
    for sentence in body:
        lemmas = set(verb_lemmas[sentence.start : sentence.end])
        wanted = [matcher for words, matcher in matchers if not words.isdisjoint(lemmas)]
        if not wanted:
            continue
        copy = _sentence_doc(doc, array, sentence)
        found = [
            (int(doc.vocab.strings[match_id]), positions)
            for matcher in wanted
            for match_id, positions in matcher(copy)
        ]
        for k, positions in sorted(found, key=lambda match: match[0]):  # in the rules' order
            rule = verb_rules[k]
            ids = (node["RIGHT_ID"] for node in rule.pattern)
            nodes = {name: sentence.start + i for name, i in zip(ids, positions, strict=True)}
            yield from _stated(rule, nodes, sentence, index, rules)


SENTENCE_ATTRS = [ORTH, SPACY, LEMMA, POS, TAG, DEP, HEAD]
"""What the patterns read of a sentence copied to a Doc of its own (words, spaces, then the
annotation `Doc.from_array` sets): the token attributes of `PATTERN_ATTRS`."""
LEMMA_COLUMN, POS_COLUMN = SENTENCE_ATTRS.index(LEMMA), SENTENCE_ATTRS.index(POS)


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
    if not orgs and (referred := referred_body(obj, index)) and referred.type in rule.object_types:
        orgs = [referred]  # "X, who leads the party": the party named last
    if not orgs and "organization" in rule.object_types:  # "chairs the X committee"
        body = common_body(obj, index, rules)
        orgs = [body] if body is not None else []
    status = status_of(verb, rules)
    if rule.ended:  # "quit the party": a member until then; "will quit": a member still
        ended: dict[Status, Status] = {
            "asserted": "past",
            "planned": "asserted",
            "negated": "asserted",
        }
        status = ended.get(status, status)
    elif status == "asserted" and closed(verb, rules):
        status = "past"  # "led the party from 1990 to 1997"
    predicate = rule.predicate
    if predicate == "leads" and _members_of_a_party(obj, rules):
        # "Senate Republicans, led by X", "Labour MEPs, led by X": X leads a group of the
        # party's members, one of them
        predicate, orgs = "member_of", [org for org in orgs if org.type == "party"]
    named = nodes.get("person")  # "the party, led by X": the agent, not a subject
    persons = persons_of(doc[named], index) if named is not None else subjects_of(verb, index)
    for person, _ in persons:
        for org in orgs:
            yield Found(predicate, person, org, sentence, rule.confidence, status)


def _members_of_a_party(noun: Token, rules: Rules) -> bool:
    """Whether a plural noun names some of a party's members: a title or member noun ('Labour
    MEPs', 'Tory rebels') or a party's word after a chamber ('Senate Republicans')."""
    if not noun.lower_.endswith("s"):
        return False
    if noun.lower_[:-1] in rules.words("posts", "member_heads", "party_member_nouns"):
        return True
    return any(c.dep_ == "compound" and c.text in rules.posts["chambers"] for c in noun.children)
