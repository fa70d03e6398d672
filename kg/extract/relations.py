"""Relation patterns over the dependency parse: met, visited, and leads stated by a verb.

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
RELATIVES = {"who", "that", "which"}


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
    indirect: bool = False


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
        if token.dep_ == "relcl" and any(s.lower_ in RELATIVES for s in subjects):
            subjects = [token.head]  # "Ferguson, who failed to return after a trip to ..."
        if subjects:
            return [p for s in subjects for p in persons_of(s, index)]
        possessors = [c for c in token.children if c.dep_ == "poss"]
        if possessors and token.pos_ == "NOUN":
            return [p for s in possessors for p in persons_of(s, index)]
        if token.dep_ in ("ROOT", "relcl", "ccomp") or token.head is token:
            return []
        token = token.head
    return []


def _pair_reference(trigger: Token, index: EntityIndex, words: list[str]) -> Participants:
    """'The pair met', 'the two men held talks': the two persons the sentence before names, if it
    names exactly two (and this sentence names none before the reference)."""
    subject = next((c for c in trigger.children if c.dep_ in SUBJECTS), None)
    two = subject is not None and any(c.lower_ in ("two", "both") for c in subject.children)
    if subject is None or (subject.lemma_.lower() not in words and not two):
        return []
    sentence = trigger.sent
    here = [t for t in sentence if t.i < subject.i and (e := index.at(t)) and e.type == "person"]
    if here or sentence.start == 0:
        return []
    before: list[tuple[Resolved, Token]] = []
    for token in trigger.doc[sentence.start - 1].sent:
        person = index.at(token)
        if (
            person is not None
            and person.type == "person"
            and all(person is not p for p, _ in before)
        ):
            before.append((person, token))
    return before if len(before) == 2 else []


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
    candidates = [c for c in token.children if c.dep_ in ("npadvmod", "tmod", "poss")]
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


Participants = list[tuple[Resolved, Token]]


@dataclass(frozen=True)
class Trigger:
    """A meeting trigger's participants; `together` means everyone named was at one event."""

    subjects: Participants
    objects: Participants
    confidence: float
    together: bool = False
    event: Token | None = None
    """The gathering noun of 'attended Monday's meeting', which may carry the date and place."""

    def pairs(self) -> Iterator[tuple[Resolved, Resolved]]:
        """Who met whom: each subject with each object, or everyone with everyone."""
        if self.together or not self.objects:  # "joined by A, B and C", "A and B met"
            everyone = self.subjects + self.objects
            pairs = [(a, b) for k, (a, _) in enumerate(everyone) for b, _ in everyone[k + 1 :]]
        else:
            pairs = [(a, b) for a, _ in self.subjects for b, _ in self.objects]
        seen: set[frozenset[int]] = set()
        for a, b in pairs:
            key = frozenset((id(a), id(b)))
            if a is not b and key not in seen:
                seen.add(key)
                yield a, b


def _meeting_trigger(token: Token, index: EntityIndex, spec: dict) -> Trigger | None:
    """The participants if `token` states a meeting: a verb, a verb + 'with', or a noun."""
    lemma = token.lemma_.lower()
    if token.pos_ in ("VERB", "AUX") and lemma in spec["verbs"]:
        objects = [p for c in token.children if c.dep_ == "dobj" for p in persons_of(c, index)]
        if lemma in spec["place_verbs"]:  # "visited Glasgow": a lone name may be a place
            objects = [(p, t) for p, t in objects if len(p.name.split()) > 1]
        objects += _objects_with(token, index, ("with",))
        passive = any(c.dep_ == "nsubjpass" for c in token.children)
        agents = _objects_with(token, index, ("by",)) if passive else []
        subjects = _subjects(token, index) or _pair_reference(token, index, spec["pair_words"])
        if not objects and not agents and len(subjects) < 2:
            return None
        return Trigger(subjects, objects + agents, spec["verbs"][lemma], together=bool(agents))
    if token.pos_ == "VERB" and lemma in spec["gathering_verbs"]:
        events = [c for c in token.children if c.dep_ == "dobj" and c.lemma_ in spec["gatherings"]]
        subjects = _subjects(token, index)
        if events and len(subjects) > 1:  # "X and Y attended Monday's meeting of ..."
            confidence = spec["gathering_verbs"][lemma]
            return Trigger(subjects, [], confidence, together=True, event=events[0])
    if token.pos_ == "VERB" and lemma in spec["with_verbs"]:
        objects = _objects_with(token, index, tuple(spec["with_prepositions"]))
        return Trigger(_subjects(token, index), objects, spec["with_verbs"][lemma])
    if token.pos_ == "VERB" and lemma in spec["light_verbs"]:
        nouns = [
            c for c in token.children if c.dep_ == "dobj" and c.lower_ in spec["light_verbs"][lemma]
        ]
        if not nouns:
            return None
        objects = _objects_with(token, index, ("with",)) + _objects_with(nouns[0], index, ("with",))
        subjects = _subjects(token, index) or _pair_reference(token, index, spec["pair_words"])
        return Trigger(subjects, objects, spec["light_confidence"])
    if token.pos_ in ("NOUN", "PROPN") and token.lower_ in spec["nouns"]:
        head = token.head
        if (
            token.dep_ == "dobj"
            and head.pos_ == "VERB"
            and head.lemma_.lower() in spec["light_verbs"]
        ):
            return None  # handled with its light verb
        confidence = spec["nouns"][token.lower_]
        between = _objects_with(token, index, ("between",))
        if between:  # "a meeting between A, B and C"
            return Trigger(between, [], confidence, together=True)
        objects = _objects_with(token, index, ("with",))
        return Trigger(_subjects(token, index), objects, confidence) if objects else None
    return None


def meetings(
    sentence: Span, index: EntityIndex, published: date | None, rules: Rules
) -> Iterator[Found]:
    """'met (with)', 'held talks with', 'a meeting with/between', 'sat down with', 'hosted',
    'was joined by'."""
    spec = rules.triggers["met"]
    for token in sentence:
        trigger = _meeting_trigger(token, index, spec)
        if trigger is None:
            continue
        status = status_of(token, rules)
        when = _date(token, published, status, rules)
        where = _place(token, index, rules)
        if trigger.event is not None:
            when = when or _date(trigger.event, published, status, rules)
            where = where or _place(trigger.event, index, rules)
        titled = any(t.i in index.indirect for _, t in trigger.subjects + trigger.objects)
        confidence = trigger.confidence * (0.85 if titled else 1.0)
        for a, b in trigger.pairs():
            if a.type == "person" and b.type == "person":
                yield Found("met", a, b, sentence, confidence, status, when, where, titled)


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
