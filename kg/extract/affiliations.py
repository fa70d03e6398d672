"""Affiliations: works for, based in, lives in, located in.

Two sources, chosen per predicate in `rules/affiliations.json` ("sources"):

- rules: token patterns a reader writes from news grammar ("X , a {job} for the Y",
  "Y - based X", "X was born in Y"), matched over the words from one mention to the other, with
  the subject written X, the object Y and any other entity as its type (PERSON, ORG, PLACE);
- model: a logistic regression over candidate pairs (`kg.extract.pairs`), trained on CoNLL04 by
  `python -m kg.evaluation.train_affiliations` and shipped as `models/affiliations.json`.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from functools import cache
from itertools import takewhile
from pathlib import Path
from typing import Any

from spacy.tokens import Span

from kg.extract.entities import EntityIndex, Resolved
from kg.extract.factuality import status_of
from kg.extract.gazetteer import load_gazetteer
from kg.extract.pair_context import classifier_features, home_features
from kg.extract.pairs import SIGNATURES, Mention, candidates, dependency_path
from kg.extract.relations import Found
from kg.extract.rules import RULES_DIR, Rules, read_rule_file

MODEL_PATH = Path(__file__).parent / "models" / "affiliations.json"
PLACEHOLDERS = {"person": "PERSON", "organization": "ORG", "party": "ORG", "place": "PLACE"}
_QUANTIFIERS = ("?", "+", "*")


@dataclass(frozen=True)
class Pattern:
    """One rule: a predicate, its token pattern compiled to a regex, a confidence."""

    predicate: str
    source: str
    regex: re.Pattern[str]
    confidence: float
    unless_next: frozenset[str] = frozenset()


@dataclass(frozen=True)
class AffiliationRules:
    """The rules file: which sources each predicate uses, and the patterns."""

    sources: dict[str, tuple[str, ...]]
    patterns: tuple[Pattern, ...]
    venue_prepositions: frozenset[str] = frozenset()
    """'at', 'in': a clause's organisation after one of these is where it happens (`_at_venue`)."""
    work_verbs: frozenset[str] = frozenset()
    """Verbs whose venue is where someone works: 'worked at the Home Office'."""
    words: dict[str, list[str]] = field(default_factory=dict)
    """The word lists patterns name as `{list}` (lowercased)."""


def _item(item: str, words: dict[str, list[str]], source: str) -> str:
    quantifier = item[-1] if len(item) > 1 and item[-1] in _QUANTIFIERS else ""
    body = item[:-1] if quantifier else item
    if body in ("X", "Y", *PLACEHOLDERS.values()):
        regex = body
    elif body == "_":
        regex = r"\S+"
    elif body.startswith("{") and body.endswith("}"):
        name = body[1:-1]
        if name not in words:
            raise ValueError(
                f"Affiliation pattern '{source}' uses the word list '{{{name}}}', which "
                f"'words' does not define (it has: {', '.join(sorted(words))})."
            )
        regex = "|".join(re.escape(w) for w in sorted(words[name], key=len, reverse=True))
    elif body.startswith("(") and body.endswith(")"):
        regex = "|".join(re.escape(w) for w in body[1:-1].split("|"))
    else:
        regex = re.escape(body)
    return f"(?:(?:{regex}) ){quantifier}"


def compile_pattern(pattern: str, words: dict[str, list[str]]) -> re.Pattern[str]:
    """A token pattern ("X , (a|an)? {job} for the? Y") as a regex over 'token token ' text."""
    items = pattern.split()
    if items.count("X") != 1 or items.count("Y") != 1:
        raise ValueError(
            f"Affiliation pattern '{pattern}' must name the subject X and the object Y once each."
        )
    return re.compile("".join(_item(item, words, pattern) for item in items))


def parse_pattern(spec: dict[str, Any], words: dict[str, list[str]]) -> Pattern:
    """One pattern of a rules file: {"predicate", "pattern", "confidence", "unless_next"}."""
    if spec["predicate"] not in SIGNATURES:
        raise ValueError(
            f"Affiliation pattern '{spec['pattern']}' has predicate '{spec['predicate']}'; "
            f"use one of {', '.join(SIGNATURES)}."
        )
    return Pattern(
        spec["predicate"],
        spec["pattern"],
        compile_pattern(spec["pattern"], words),
        float(spec.get("confidence", 0.7)),
        frozenset(spec.get("unless_next", ())),
    )


@cache
def load_affiliation_rules(rules_dir: Path = RULES_DIR) -> AffiliationRules:
    """Read `affiliations.json` from `rules_dir` and compile its patterns."""
    data = read_rule_file("affiliations", rules_dir)
    words = {name: [w.lower() for w in ws] for name, ws in data["words"].items()}
    patterns = tuple(parse_pattern(spec, words) for spec in data["patterns"])
    sources = {p: tuple(s) for p, s in data["sources"].items()}
    venues = data.get("venues", {})
    return AffiliationRules(
        sources,
        patterns,
        frozenset(venues.get("prepositions", ())),
        frozenset(venues.get("verbs", ())),
        words,
    )


@dataclass(frozen=True)
class LinearModel:
    """One predicate's logistic regression: weights by feature name, bias, decision threshold."""

    weights: dict[str, float]
    bias: float
    threshold: float

    def probability(self, features: dict[str, float]) -> float:
        """P(relation holds | features)."""
        z = self.bias + sum(self.weights.get(name, 0.0) * v for name, v in features.items())
        return 1.0 / (1.0 + math.exp(-z))


@cache
def load_model(path: Path = MODEL_PATH) -> dict[str, LinearModel]:
    """The shipped classifier, one linear model per predicate."""
    data: dict[str, Any] = json.loads(Path(path).read_text(encoding="utf-8"))
    return {
        predicate: LinearModel(m["weights"], float(m["bias"]), float(m["threshold"]))
        for predicate, m in data["predicates"].items()
    }


def mentions(sentence: Span, index: EntityIndex) -> list[tuple[Mention, Resolved]]:
    """The sentence's entity mentions (title references aside), with their entities."""
    doc = sentence.doc
    found: dict[tuple[int, int], tuple[Mention, Resolved]] = {}
    for token in index.mention_tokens(sentence):
        entity = index.at(token)
        if entity is None or token.i in index.indirect or entity.type not in PLACEHOLDERS:
            continue
        start, end = index.spans[token.i]
        if (start, end) not in found:
            key = index.by_token[token.i]
            kind = "organization" if entity.type == "party" else entity.type
            found[(start, end)] = (Mention(doc[start:end], kind, key), entity)
    return list(found.values())


def _segment(a: Mention, b: Mention, others: list[Mention]) -> tuple[str, int]:
    """The words from one mention to the other as 'token token ', mentions as placeholders."""
    doc = a.span.doc
    start, end = min(a.span.start, b.span.start), max(a.span.end, b.span.end)
    words: list[str] = []
    i = start
    while i < end:
        mention = next((m for m in (a, b, *others) if m.span.start <= i < m.span.end), None)
        if mention is None:
            words.append(doc[i].lower_)
            i += 1
            continue
        if mention is a:
            words.append("X")
        elif mention is b:
            words.append("Y")
        else:
            words.append(PLACEHOLDERS[mention.type])
        i = mention.span.end
    return "".join(w + " " for w in words), end


def rule_matches(
    predicate: str, a: Mention, b: Mention, others: list[Mention], rules: AffiliationRules
) -> float:
    """The confidence of the best rule of `predicate` that matches the pair (0.0: none)."""
    text, end = _segment(a, b, others)
    doc = a.span.doc
    following = doc[end].lower_ if end < len(doc) else ""
    return max(
        (
            p.confidence
            for p in rules.patterns
            if p.predicate == predicate
            and p.regex.fullmatch(text)
            and following not in p.unless_next
        ),
        default=0.0,
    )


def affiliations_in(
    sentence: Span,
    index: EntityIndex,
    rules: Rules,
    affiliation_rules: AffiliationRules | None = None,
    model: dict[str, LinearModel] | None = None,
) -> Iterator[Found]:
    """Works-for, based-in, lives-in and located-in relations stated in one sentence (with the
    affiliation rules given, else those of `rules`, else `rules/affiliations.json`)."""
    affiliation_rules = affiliation_rules or rules.affiliations or load_affiliation_rules()
    model = model if model is not None else load_model()
    found = mentions(sentence, index)
    entity_of = {id(m): e for m, e in found}
    plain = [m for m, _ in found]
    best: dict[tuple[str, int, int], tuple[float, Mention, Mention]] = {}
    chosen = affiliation_rules.sources
    home: dict[str, float] | None = None  # read for the first pair the classifier weighs
    for predicate, a, b, others in candidates(plain):
        subject, obj = entity_of[id(a)], entity_of[id(b)]
        if predicate == "works_for" and obj.type == "party":
            continue  # a party's people lead it or are members (`leads`, `member_of` say so)
        sources = chosen.get(predicate, ())
        confidence = 0.0
        if "rules" in sources:
            confidence = rule_matches(predicate, a, b, others, affiliation_rules)
        if "model" in sources and predicate in model:
            linear = model[predicate]
            home = home_features(sentence) if home is None else home
            p = linear.probability(classifier_features(a, b, others, home))
            if p >= linear.threshold:
                confidence = max(confidence, p)
        if confidence <= 0.0:
            continue
        if predicate == "works_for" and (
            _addresses(a, b, rules)
            or _at_venue(a, b, affiliation_rules)
            or _visits(a, b, rules)
            or _dealt_with(a, b, affiliation_rules)
            or _cited(a, b, affiliation_rules)
        ):
            continue  # speaking to an organisation, meeting at one or visiting one is not
            # working for it
        if predicate == "located_in" and not _said_where(a, b, affiliation_rules):
            continue
        key = (predicate, id(subject), id(obj))
        if key not in best or best[key][0] < confidence:
            best[key] = (confidence, a, b)
    stated: list[Found] = []
    for (predicate, _, _), (confidence, a, b) in best.items():
        if predicate == "located_in" and (
            (reverse := best.get((predicate, id(entity_of[id(b)]), id(entity_of[id(a)]))))
            and reverse[0] > confidence
        ):
            continue  # "Paris, France" is one way only
        if predicate == "located_in" and _elsewhere(a.span.text, b.span.text):
            continue  # "in Brussels ... the war in Ukraine": Brussels is in no Ukraine
        if predicate == "located_in" and _inverted(a.span.text, b.span.text):
            continue  # "a tour of Africa in Nairobi": Nairobi lies in Africa, not the reverse
        _, _, common = dependency_path(a.span.root, b.span.root)
        # a verb joining the two says how far it holds; a name's own phrase is no clause:
        # "X, the EFF leader, rejected the deal" is not a rejected post
        clause = common if common is not None and common.pos_ in ("VERB", "AUX") else None
        status = status_of(clause, rules) if clause is not None else "asserted"
        stated.append(
            Found(
                predicate,
                entity_of[id(a)],
                entity_of[id(b)],
                sentence,
                round(confidence, 3),
                status,
            )
        )
    yield from stated
    yield from through_places(stated)


def _elsewhere(place: str, country: str) -> bool:
    """Whether the gazetteer knows `country` for a country and no place called `place` in it."""
    gazetteer = load_gazetteer()
    known = gazetteer.find(country)
    return (
        known is not None
        and known.kind == "country"
        and gazetteer.relation(place, country) == "apart"
    )


def _inverted(place: str, container: str) -> bool:
    """Whether the gazetteer knows `container` to lie inside `place`: then `place` is not in it."""
    return load_gazetteer().relation(place, container) == "contains"


LOCATING_VERBS = ("be", "lie")
"""The verbs that say where something is: 'Tulsa is in Oklahoma'."""


def _said_where(thing: Mention, place: Mention, rules: AffiliationRules) -> bool:
    """Whether the text puts a place right after a thing ('Oxford in England') or the parse joins
    them through nothing but prepositions, punctuation, other names, a word for a place ('Tulsa,
    a city in Oklahoma') or a verb that locates ('is in'): not 'the G7 summit in Hiroshima' (the
    summit's place), 'returned to London after a week in Asia' nor items of a list ('Harbovia,
    Chile and Peru')."""
    doc, end = thing.span.doc, thing.span.end
    if _listed(thing, place):
        return False  # "Harbovia, Chile and Peru": a list, not "Buffalo, N.Y."
    if end < len(doc) and doc[end].lower_ in ("in", "of") and place.span.root.head.i == end:
        return True  # "held in Oxford in central England": written "X in Y", parsed apart
    rising, falling, common = dependency_path(thing.span.root, place.span.root)
    inside = set(range(thing.span.start, thing.span.end)) | set(
        range(place.span.start, place.span.end)
    )
    nouns = {*rules.words.get("place_noun", ()), *rules.words.get("region", ())}
    between = [t for t in (*rising, *falling, *([common] if common else [])) if t.i not in inside]
    return all(
        t.pos_ in ("ADP", "PUNCT", "DET", "PROPN", "ADJ", "NUM")
        or (t.pos_ in ("VERB", "AUX") and t.lemma_ in LOCATING_VERBS)
        or t.lower_ in nouns
        for t in between
    )


def _listed(thing: Mention, place: Mention) -> bool:
    """Whether a country is an item of a list joined by a conjunction with the thing ('Harbovia,
    Chile and Peru'), unless the gazetteer puts the thing in it ('Lima, Peru, and Quito'); a
    town's state may be parsed so ('Fernald, Ohio, and the Mound Plant')."""
    a, b = thing.span.root, place.span.root
    if b not in a.conjuncts or not any(
        c.dep_ == "cc" for t in (a, *a.conjuncts) for c in t.children
    ):
        return False
    gazetteer = load_gazetteer()
    country = (known := gazetteer.find(place.span.text)) is not None and known.kind == "country"
    return country and gazetteer.relation(thing.span.text, place.span.text) not in (
        "in",
        "maybe in",
    )


def _addresses(person: Mention, organisation: Mention, rules: Rules) -> bool:
    """Whether the person speaks to the organisation: the subject of a speech verb
    (`rules/quotes.json`) whose object or addressee holds the organisation. 'Lord Falconer told
    BBC Radio 4's Today programme' says nothing of whom he works for."""
    root = person.span.root
    _, falling, common = dependency_path(root, organisation.span.root)
    return (
        common is not None
        and bool(falling)
        and root.head == common
        and root.dep_ == "nsubj"
        and common.lemma_ in rules.quotes["verbs"]
        and (falling[-1].dep_ in ("dobj", "dative") or falling[-1].lower_ == "to")
    )


def _dealt_with(person: Mention, organisation: Mention, rules: AffiliationRules) -> bool:
    """Whether the organisation is the other side of what the person does 'with' it, outside
    work: 'signed a deal with Chevron', 'held talks with the union' (not 'worked with Oxfam')."""
    rising, falling, verb = dependency_path(person.span.root, organisation.span.root)
    if verb is None or not rising or rising[-1].dep_ not in ("nsubj", "nsubjpass"):
        return False
    if verb.lemma_.lower() in rules.work_verbs:
        return False
    steps = [t for t in falling if t.dep_ == "prep"]
    done = {verb.i, *(c.i for c in verb.children if c.dep_ == "dobj")}  # "signed a deal"
    return bool(steps) and steps[-1].lower_ == "with" and steps[-1].head.i in done


def _cited(person: Mention, organisation: Mention, rules: AffiliationRules) -> bool:
    """Whether the organisation is only the source the sentence cites after what it reports,
    set off by a comma: '... met Y, the Guardian understands', '... next week, Reuters
    reported' (its verbs: the `source_verb` words)."""
    doc, span = organisation.span.doc, organisation.span
    if span.start < person.span.end or span.end >= len(doc) or doc[span.end].is_sent_start:
        return False
    if doc[span.end].lower_ not in rules.words.get("source_verb", ()):
        return False
    first = span.start - 1 if span.start > 0 and doc[span.start - 1].lower_ == "the" else span.start
    rest = takewhile(lambda t: not t.is_sent_start, doc[span.end + 1 :])
    return (
        first > 0
        and doc[first - 1].text == ","
        and not any(t.pos_ in ("VERB", "AUX") for t in rest)
    )


def _visits(person: Mention, organisation: Mention, rules: Rules) -> bool:
    """Whether the person is the subject of a verb of travel (`rules/triggers.json`, 'visited')
    that has the organisation for its destination: 'toured the Ford plant', 'flew to NASA'."""
    verbs = rules.triggers["visited"]["verbs"]
    rising, falling, verb = dependency_path(person.span.root, organisation.span.root)
    if verb is None or not rising or not falling or rising[-1].dep_ not in ("nsubj", "nsubjpass"):
        return False
    links = verbs.get(verb.lemma_.lower(), ())
    top = falling[-1]
    return (top.dep_ == "dobj" and "dobj" in links) or (top.dep_ == "prep" and top.lower_ in links)


def _at_venue(person: Mention, organisation: Mention, rules: AffiliationRules) -> bool:
    """Whether the organisation is only where the person's clause happens: 'X met Y at the
    Treasury', 'The chancellor, X, spoke at the CBI', 'at the CBI's headquarters'. The person is
    an argument of the verb (or in apposition to one), the organisation the object of its 'at' or
    'in' (or the owner of that object), and the verb is not one of work ('worked at the Home
    Office')."""
    rising, falling, verb = dependency_path(person.span.root, organisation.span.root)
    if verb is None or verb.pos_ not in ("VERB", "AUX") or len(falling) < 2 or not rising:
        return False
    *place, preposition = falling
    if preposition.dep_ != "prep" or preposition.lower_ not in rules.venue_prepositions:
        return False
    if place[-1].dep_ != "pobj" or any(t.dep_ not in ("poss", "compound") for t in place[:-1]):
        return False
    if any(t.dep_ not in ("appos", "compound", "conj") for t in rising[:-1]):
        return False
    return rising[-1].dep_ in ("nsubj", "nsubjpass", "dobj", "dative") and (
        verb.lemma_.lower() not in rules.work_verbs
    )


def through_places(
    found: list[Found], predicates: tuple[str, ...] = ("lives_in", "based_in")
) -> list[Found]:
    """Who lives in a town, or what is based there, is also in the places the town is in: in
    "Jane Roe, of Springfield, Illinois" she lives in Springfield and in Illinois. (With
    `predicates` ('visited',): who visits a building visits the town it is in.)"""
    inside: dict[int, list[Found]] = {}
    for f in found:
        if f.predicate == "located_in" and f.status == "asserted":
            inside.setdefault(id(f.subject), []).append(f)
    known = {(f.predicate, id(f.subject), id(f.object)) for f in found}
    added: list[Found] = []
    for f in found:
        if f.predicate not in predicates:
            continue
        todo = [(f.object, f.confidence)]
        while todo:
            place, confidence = todo.pop()
            for container in inside.get(id(place), ()):
                key = (f.predicate, id(f.subject), id(container.object))
                if key in known:
                    continue
                known.add(key)
                weaker = min(confidence, container.confidence)
                added.append(replace(f, object=container.object, confidence=weaker))
                todo.append((container.object, weaker))
    return added
