"""Relation patterns over the dependency parse: met, visited, leads (by verb), member of.

Each pattern finds a trigger (a verb or noun from `rules/triggers.json`), its participants among
the resolved entities, and the date and place the same clause gives.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta

from spacy.tokens import Span, Token

from kg.extract.dates import day_offset, resolve_date
from kg.extract.entities import EntityIndex, Resolved
from kg.extract.factuality import status_of
from kg.extract.rules import Rules
from kg.types import Status

NOUN_LINKS = {"conj", "appos", "compound", "flat", "nmod"}
SUBJECTS = {"nsubj", "nsubjpass"}


@dataclass(frozen=True)
class Found:
    """A relation found in one sentence, before it becomes a Fact."""

    predicate: str
    subject: Resolved
    object: Resolved
    sentence: Span
    confidence: float
    status: Status = "asserted"
    date: date | None = None
    place: Resolved | None = None
    via_title: bool = False


def entities_of(
    token: Token, index: EntityIndex, types: tuple[str, ...]
) -> list[tuple[Resolved, Token]]:
    """Entities a noun phrase names: the head's own, and those of its conjuncts and appositions."""
    found: list[tuple[Resolved, Token]] = []
    stack = [token]
    seen: set[int] = set()
    while stack:
        current = stack.pop()
        if current.i in seen:
            continue
        seen.add(current.i)
        entity = index.at(current)
        if entity is not None and entity.type in types and all(entity is not e for e, _ in found):
            found.append((entity, current))
        stack.extend(c for c in current.children if c.dep_ in NOUN_LINKS or c.dep_ == "cc")
    return found


def persons_of(token: Token, index: EntityIndex) -> list[tuple[Resolved, Token]]:
    """Persons a noun phrase names."""
    return entities_of(token, index, ("person",))


def _subjects(trigger: Token, index: EntityIndex) -> list[tuple[Resolved, Token]]:
    """Persons doing the trigger: its subject, or the subject of the clause it hangs from."""
    token: Token | None = trigger
    while token is not None:
        subjects = [c for c in token.children if c.dep_ in SUBJECTS]
        if subjects:
            return [p for s in subjects for p in persons_of(s, index)]
        possessors = [c for c in token.children if c.dep_ == "poss"]
        if possessors and token.pos_ == "NOUN":
            return [p for s in possessors for p in persons_of(s, index)]
        if token.dep_ in ("ROOT", "relcl", "ccomp") or token.head is token:
            return []
        token = token.head
    return []


def _objects_with(
    token: Token, index: EntityIndex, preps: tuple[str, ...]
) -> list[tuple[Resolved, Token]]:
    return [
        p
        for prep in token.children
        if prep.dep_ in ("prep", "agent") and prep.lower_ in preps
        for pobj in prep.children
        if pobj.dep_ == "pobj"
        for p in persons_of(pobj, index)
    ]


def _date(token: Token, published: date | None, status: Status, rules: Rules) -> date | None:
    """The day the clause of `token` gives: 'on Tuesday', or 'a day after seeing' (relative)."""
    future = status == "planned"
    candidates = [c for c in token.children if c.dep_ in ("npadvmod", "tmod")]
    candidates += [
        pobj
        for prep in token.children
        if prep.dep_ == "prep" and prep.lower_ in rules.triggers["date_prepositions"]
        for pobj in prep.children
        if pobj.dep_ == "pobj"
    ]
    for candidate in candidates:
        if candidate.ent_type_ == "DATE" and (
            found := resolve_date(_ent_text(candidate), published, future=future)
        ):
            return found
    # "a day after seeing X": the day of the clause "after" hangs from, shifted.
    marker = token.head
    if token.dep_ != "pcomp" or marker.lower_ not in ("after", "before"):
        return None
    anchor, offset = marker.head, None
    for child in marker.children:  # "[a day] after seeing": the offset hangs from "after"
        if child.dep_ == "npadvmod":
            offset = day_offset(" ".join(t.text for t in child.subtree))
    if offset is None and marker.dep_ == "prep":  # "a [day] after seeing": "after" hangs from it
        offset = day_offset(" ".join(t.text for t in marker.head.subtree if t.i < marker.i))
        anchor = marker.head.head
    base = _date(anchor, published, status, rules) if anchor is not token else None
    if offset is not None and base is not None:
        return base + timedelta(days=-offset if marker.lower_ == "after" else offset)
    return None


def _ent_text(token: Token) -> str:
    ent = next((e for e in token.doc.ents if e.start <= token.i < e.end), None)
    return ent.text if ent is not None else token.text


def _place(token: Token, index: EntityIndex, rules: Rules) -> Resolved | None:
    """The place the clause of `token` gives: 'in Ramallah', or 'before leaving Jerusalem'."""
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in rules.triggers["place_prepositions"]:
            places = [e for pobj in child.children for e, _ in entities_of(pobj, index, ("place",))]
            if places:
                return places[0]
        # "Before leaving Jerusalem, X met Y": X was in Jerusalem when meeting Y.
        departures = [child] if child.dep_ == "advcl" else []
        if child.dep_ == "prep" and child.lower_ == "before":
            departures = [c for c in child.children if c.dep_ == "pcomp"]
        for verb in departures:
            if verb.lemma_ in rules.triggers["departure_verbs"]:
                for obj in verb.children:
                    if obj.dep_ == "dobj" and (places := entities_of(obj, index, ("place",))):
                        return places[0][0]
    return None


def _pairs(
    subjects: list[tuple[Resolved, Token]], objects: list[tuple[Resolved, Token]]
) -> Iterator[tuple[Resolved, Resolved]]:
    """Who met whom: each subject with each object, or subjects among themselves."""
    if not objects:  # "Blinken and Gallant met"
        objects = subjects
    seen: set[tuple[int, int]] = set()
    for a, _ in subjects:
        for b, _ in objects:
            key = tuple(sorted((id(a), id(b))))
            if a is not b and key not in seen:
                seen.add(key)  # type: ignore[arg-type]
                yield a, b


def meetings(
    sentence: Span, index: EntityIndex, published: date | None, rules: Rules
) -> Iterator[Found]:
    """'met (with)', 'held talks with', 'a meeting with/between', 'sat down with', 'hosted'."""
    spec = rules.triggers["met"]
    for token in sentence:
        lemma = token.lemma_.lower()
        objects: list[tuple[Resolved, Token]] = []
        subjects: list[tuple[Resolved, Token]] = []
        confidence = 0.0
        if token.pos_ in ("VERB", "AUX") and lemma in spec["verbs"]:
            confidence = spec["verbs"][lemma]
            objects = [p for c in token.children if c.dep_ == "dobj" for p in persons_of(c, index)]
            objects += _objects_with(token, index, ("with",))
            if any(c.dep_ == "nsubjpass" for c in token.children):
                objects += _objects_with(token, index, ("by",))
            subjects = _subjects(token, index)
            if not objects and len(subjects) < 2:
                continue
        elif token.pos_ == "VERB" and lemma in spec["with_verbs"]:
            confidence = spec["with_verbs"][lemma]
            objects = _objects_with(token, index, ("with",))
            subjects = _subjects(token, index)
        elif token.pos_ == "VERB" and lemma in spec["light_verbs"]:
            nouns = [
                c
                for c in token.children
                if c.dep_ == "dobj" and c.lower_ in spec["light_verbs"][lemma]
            ]
            if not nouns:
                continue
            confidence = spec["light_confidence"]
            objects = _objects_with(token, index, ("with",)) + _objects_with(
                nouns[0], index, ("with",)
            )
            subjects = _subjects(token, index)
        elif token.pos_ in ("NOUN", "PROPN") and token.lower_ in spec["nouns"]:
            if (
                token.head.pos_ == "VERB"
                and token.head.lemma_.lower() in spec["light_verbs"]
                and token.dep_ == "dobj"
            ):
                continue  # handled with its light verb
            confidence = spec["nouns"][token.lower_]
            between = _objects_with(token, index, ("between",))
            objects = _objects_with(token, index, ("with",))
            subjects = between if between and not objects else _subjects(token, index)
            if between and not objects:
                objects, subjects = [], between
        else:
            continue
        if not subjects and not objects:
            continue
        status = status_of(token, rules)
        when = _date(token, published, status, rules)
        where = _place(token, index, rules)
        for a, b in _pairs(subjects, objects):
            if a.type == "person" and b.type == "person":
                tokens = [t for _, t in subjects + objects]
                titled = any(t.i in index.via_title for t in tokens)
                yield Found(
                    "met",
                    a,
                    b,
                    sentence,
                    confidence * (0.85 if titled else 1.0),
                    status,
                    when,
                    where,
                    titled,
                )


def visits(
    sentence: Span, index: EntityIndex, published: date | None, rules: Rules
) -> Iterator[Found]:
    """'visited X', 'a visit to X', 'flew to X', 'before leaving X for Y'."""
    spec = rules.triggers["visited"]
    for token in sentence:
        lemma = token.lemma_.lower()
        if token.pos_ == "VERB" and lemma in spec["verbs"]:
            links = spec["verbs"][lemma]
        elif token.pos_ == "NOUN" and token.lower_ in spec["nouns"]:
            links = spec["nouns"][token.lower_]
        else:
            continue
        places: list[Resolved] = []
        for child in token.children:
            if child.dep_ == "dobj" and "dobj" in links:
                places += [e for e, _ in entities_of(child, index, ("place",))]
            if child.dep_ == "prep" and child.lower_ in links:
                for pobj in child.children:
                    places += [e for e, _ in entities_of(pobj, index, ("place",))]
        if not places:
            continue
        status = status_of(token, rules)
        when = _date(token, published, status, rules)
        for person, _ in _subjects(token, index):
            for place in dict.fromkeys(places):
                yield Found("visited", person, place, sentence, spec["confidence"], status, when)


def led_by_verb(sentence: Span, index: EntityIndex, rules: Rules) -> Iterator[Found]:
    """'X leads / heads / chairs the Y party'."""
    verbs = rules.triggers["leads"]["verbs"]
    for token in sentence:
        if token.pos_ != "VERB" or token.lemma_.lower() not in verbs:
            continue
        orgs = [
            e
            for c in token.children
            if c.dep_ == "dobj"
            for e, _ in entities_of(c, index, ("party", "organization"))
        ]
        for person, _ in _subjects(token, index):
            for org in orgs:
                yield Found(
                    "leads",
                    person,
                    org,
                    sentence,
                    verbs[token.lemma_.lower()],
                    status_of(token, rules),
                )
