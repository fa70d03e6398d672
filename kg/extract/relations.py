"""Relation patterns over the dependency parse: met, visited, and leads stated by a verb.

Each pattern finds a trigger (a verb or noun from `rules/triggers.json`), its participants among
the resolved entities (`participants`), and the date and place the same clause gives. Meetings
told through an event rather than a verb ('during a meal', 'a handshake between') are in `events`.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import product

from spacy.attrs import LOWER
from spacy.tokens import Doc, Span, Token

from kg.extract.dates import day_offset, resolve_date
from kg.extract.entities import EntityIndex, Resolved
from kg.extract.events import event_meetings
from kg.extract.factuality import en_route, status_of
from kg.extract.known_places import opens_a_dateline
from kg.extract.participants import (
    RELATIVES,
    SUBJECTS,
    Participants,
    Trigger,
    entities_of,
    lemma,
    lemma_positions,
    object_pair,
    objects_with,
    pair_reference,
    persons_of,
    phrasal,
    subjects_of,
)
from kg.extract.rules import Rules
from kg.extract.text import cached, ents_of, positions_of, tokens_at, tokens_of
from kg.types import Status


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
    joined: Resolved | None = None
    """For 'X was also joined by A and B': X, whose earlier company A and B met too (`company`)."""
    home_side: bool = False
    """A visit read from leaving or coming back to the place ('left Beijing', 'returned to
    Canberra'): none where the place is the person's home country (`abroad.away_from_home`)."""


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
    base = _date(anchor, published, status, rules) if anchor.i != token.i else None
    if offset is not None and base is not None:
        return base + timedelta(days=-offset if marker.lower_ == "after" else offset)
    return None


def _ent_text(token: Token) -> str:
    ent = next((e for e in ents_of(token.doc) if e.start <= token.i < e.end), None)
    return ent.text if ent is not None else token.text


def _located(token: Token, index: EntityIndex, rules: Rules) -> Resolved | None:
    """The place a word's own phrase of place gives: 'met in Ramallah', 'Adams in Belfast'."""
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in rules.triggers["place_prepositions"]:
            places = [e for pobj in child.children for e, _ in entities_of(pobj, index, ("place",))]
            if places:
                return places[0]
    return None


def _between(
    token: Token, participants: Participants, index: EntityIndex, rules: Rules
) -> Resolved | None:
    """A place the parser hung between the trigger and a participant: 'held talks in Belfast
    with Gerry Adams', 'held talks with Gerry Adams in Belfast' (on 'talks', on 'Adams')."""
    for _, word in participants:
        for step in (word, *word.ancestors):
            if step == token:
                break
            if (place := _located(step, index, rules)) is not None:
                return place
    return None


def _noun_place(verb: Token, index: EntityIndex, rules: Rules) -> Resolved | None:
    """The place the parser hung on a light verb's noun: 'A and B held talks in Rome'."""
    nouns = rules.triggers["met"]["light_verbs"].get(verb.lemma_.lower(), ())
    objects = [c for c in verb.children if c.dep_ == "dobj" and c.lower_ in nouns]
    return next((p for c in objects if (p := _located(c, index, rules)) is not None), None)


def _where(token: Token, index: EntityIndex) -> Resolved | None:
    """The place written right before the ', where' that opens the clause of `token`, whatever
    the parser hung the clause on: 'flew to Kyiv, where he (is expected to) meet X'."""
    clause = [token]
    while clause[-1].dep_ == "xcomp":
        clause.append(clause[-1].head)
    doc = token.doc
    for where in (c for t in clause for c in t.children if c.lower_ == "where"):
        before = where.i - 2 if where.i > 1 and doc[where.i - 1].text == "," else where.i - 1
        if before >= 0 and (named := index.at(doc[before])) is not None and named.type == "place":
            return named
    return None


def _place(token: Token, index: EntityIndex, rules: Rules) -> Resolved | None:
    """The place the clause of `token` gives: 'in Ramallah', 'before leaving Jerusalem', or the
    place a clause opened by 'where' describes ('flew to Kyiv, where he met X')."""
    if (place := _located(token, index, rules) or _where(token, index)) is not None:
        return place
    for child in token.children:
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


def _together(token: Token, spec: dict) -> bool:
    """'Appeared together', 'campaigned jointly', 'stood side by side' (also where the parser
    hung the adverb on the phrase after it: 'visited Tunis together on Sunday')."""
    doc = token.doc
    preps = [c for c in token.children if c.dep_ == "prep"]
    for child in [*token.children, *(a for p in preps for a in p.children if a.i < p.i)]:
        if child.dep_ in ("advmod", "npadvmod"):
            for phrase in spec["together_adverbs"]:
                words = phrase.split()
                if [t.lower_ for t in doc[child.i : child.i + len(words)]] == words:
                    return True
    return False


def _said_with(token: Token, adverbs: list[str]) -> bool:
    """Whether one of `adverbs` modifies `token` ('was also joined')."""
    return any(c.dep_ == "advmod" and c.lower_ in adverbs for c in token.children)


def _joined_in_an_act(token: Token, prepositions: list[str]) -> bool:
    """'Joined her in condemning the tactics': the preposition introduces an act (a gerund)."""
    return any(
        c.dep_ == "prep" and c.lower_ in prepositions and any(g.tag_ == "VBG" for g in c.children)
        for c in token.children
    )


def _apart(noun: Token, spec: dict) -> bool:
    """'Separate press conferences', 'rival rallies', 'X and Y each gave a press conference':
    the same kind of event, not one event."""
    verb = noun.head
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    words = [*noun.children, *verb.children, *(c for s in subjects for c in s.children)]
    return any(w.lower_ in spec["apart_modifiers"] for w in words)


def _remote(token: Token, spec: dict) -> bool:
    """'Talks by video link', 'spoke to him by phone', 'phone talks': not face to face."""
    for word in [token, *(c for c in token.children if c.dep_ == "dobj")]:
        for child in word.children:
            if child.dep_ == "compound" and child.lower_ in spec["remote_means"]:
                return True
            means = child.dep_ == "prep" and child.lower_ in spec["remote_prepositions"]
            if means and any(p.lower_ in spec["remote_means"] for p in child.children):
                return True
    return False


def _verb_meeting(token: Token, index: EntityIndex, spec: dict) -> Trigger | None:
    """'Met Abbas', 'met with Abbas', 'was joined by A and B', 'A and B met'."""
    if (
        token.pos_ not in ("VERB", "AUX")
        or (word := lemma(token, spec["verbs"])) not in spec["verbs"]
    ):
        return None
    opinion = spec["opinion_frames"].get(word, [])
    if any(c.dep_ == "prep" and c.lower_ in opinion for c in token.children):
        return None  # "does not see X as a positive figure"
    if _joined_in_an_act(token, spec["act_frames"].get(word, [])):
        return None  # "joined her in condemning the tactics"
    objects = [  # "after meeting X", X parsed as an adverbial noun: still the one met
        p for c in token.children if c.dep_ in ("dobj", "npadvmod") for p in persons_of(c, index)
    ]
    if word in spec["place_verbs"] and word not in spec["host_verbs"]:  # "visited Glasgow"
        objects = [(p, t) for p, t in objects if len(p.name.split()) > 1 or _titled(p, t, index)]
    objects += objects_with(token, index, ("with",))
    participle = token.dep_ == "acl" and token.tag_ == "VBN"  # "X, accompanied by Y, ..."
    passive = participle or any(c.dep_ == "nsubjpass" for c in token.children)
    agents = objects_with(token, index, ("by",)) if passive else []
    subjects = persons_of(token.head, index) if participle else []
    subjects = subjects or subjects_of(token, index)
    subjects = subjects or pair_reference(token, index, spec)
    if not objects and not agents:  # "X met both men", "X met the two candidates"
        objects = object_pair(token, index, spec, subjects)
    if not objects and not agents and len(subjects) == 1 and word in spec["reciprocal_verbs"]:
        subjects = _coordinated_antecedent(token, index) or subjects
    if not objects and not agents and not _met_each_other(token, subjects, word, spec):
        return None
    company = spec["company"]
    joins = bool(agents) and word in company["verbs"] and _said_with(token, company["additive"])
    confidence = spec["verbs"][word]
    return Trigger(subjects, objects + agents, confidence, together=bool(agents), joins=joins)


def _coordinated_antecedent(verb: Token, index: EntityIndex) -> Participants:
    """'A and B, who met at university': the parser hangs the clause on B, but only both can
    have met each other; the persons of the whole list, where the clause's subject is 'who'."""
    antecedent = verb.head
    if verb.dep_ != "relcl" or antecedent.dep_ != "conj":
        return []
    if not any(c.dep_ in SUBJECTS and c.lower_ in RELATIVES for c in verb.children):
        return []
    while antecedent.dep_ == "conj":
        antecedent = antecedent.head
    return persons_of(antecedent, index)


def _met_each_other(verb: Token, subjects: Participants, word: str, spec: dict) -> bool:
    """'A and B met', and 'A and B met supporters' (both were there): a reciprocal verb with two
    or more subjects; not 'A and B welcomed the report', nor 'A and B met them separately'."""
    apart = any(c.lower_ in spec["apart_modifiers"] for c in verb.children)
    return len(subjects) >= 2 and word in spec["reciprocal_verbs"] and not apart


def _titled(person: Resolved, token: Token, index: EntityIndex) -> bool:
    """Whether a lone name is written after an honorific here ('visited Mr Blair'), which no
    place is: `resolve_entities` keeps such forms as aliases."""
    start = index.spans.get(token.i, (token.i, 0))[0]
    return start > 0 and f"{token.doc[start - 1].text} {person.name}" in person.aliases


def _gathering_meeting(token: Token, index: EntityIndex, spec: dict) -> Trigger | None:
    """'X and Y attended Monday's meeting of ...'."""
    if (
        token.pos_ != "VERB"
        or (word := lemma(token, spec["gathering_verbs"])) not in spec["gathering_verbs"]
    ):
        return None
    events = [c for c in token.children if c.dep_ == "dobj" and c.lemma_ in spec["gatherings"]]
    subjects = subjects_of(token, index)
    if not events or len(subjects) < 2:
        return None
    confidence = spec["gathering_verbs"][word]
    return Trigger(subjects, [], confidence, together=True, event=events[0])


def _with_meeting(token: Token, index: EntityIndex, spec: dict) -> Trigger | None:
    """'Sat down with X', 'appeared alongside X', 'sat next to X', 'A and B talked', 'appeared
    together', 'A and B sat down for talks', 'spent the evening with X'."""
    if token.pos_ != "VERB" or (word := lemma(token, spec["with_verbs"])) not in spec["with_verbs"]:
        return None
    if word in spec["timed_with_verbs"] and not _timed(token):
        return None  # "spent the evening with X"; not "spent £2m with X"
    withs = tuple(spec["with_prepositions"])
    objects = objects_with(token, index, withs)
    for thing in _things_done(token, spec):
        objects += objects_with(thing, index, withs)  # "launched the campaign with X"
    objects += _next_to(token, index, spec)  # "sat next to X"
    objects += companions(token, index, spec)  # "X, together with Y, toured"
    subjects = subjects_of(token, index)
    confidence = spec["with_verbs"][word]
    if objects or word in spec["reciprocal_verbs"]:
        return Trigger(subjects, objects, confidence)
    if _together(token, spec) or _for_a_meeting(token, spec):  # not "appeared on television"
        subjects = subjects or pair_reference(token, index, spec)
        return Trigger(subjects, [], confidence)
    return None


def _things_done(verb: Token, spec: dict) -> list[Token]:
    """What a verb acts on, which a 'with' may hang on: its object ('launched the campaign with
    X') or the object of a purpose preposition ('posed for photographs with X')."""
    purposes = spec["purpose_prepositions"]
    return [c for c in verb.children if c.dep_ == "dobj"] + [
        pobj
        for prep in verb.children
        if prep.dep_ == "prep" and prep.lower_ in purposes
        for pobj in prep.children
        if pobj.dep_ == "pobj"
    ]


def companions(verb: Token, index: EntityIndex, spec: dict) -> Participants:
    """Persons 'along with' or 'together with' put beside the verb's subject, on the verb
    ('toured the plant along with X') or on the subject ('X, together with Y, toured')."""
    adverbs = spec["companion_adverbs"]
    holders = [verb, *(c for c in verb.children if c.dep_ in SUBJECTS)]
    found: Participants = []
    for holder in holders:
        for prep in holder.children:
            if prep.dep_ != "prep":
                continue
            if prep.lower_ in adverbs:  # "along" + "with X"
                found += objects_with(prep, index, ("with",))
            elif (
                prep.lower_ == "with"
                and holder.i != verb.i
                and any(a.lower_ in adverbs for a in prep.children)  # "together with X"
            ):
                found += [p for o in prep.children for p in persons_of(o, index)]
    return found


def _beside_meeting(token: Token, index: EntityIndex, spec: dict) -> Trigger | None:
    """'Speaking alongside X, Y said', 'Y, standing next to X, said': beside them, not 'with'."""
    beside = spec["beside_verbs"]
    if token.pos_ != "VERB" or (word := lemma(token, beside)) not in beside:
        return None
    objects = objects_with(token, index, tuple(p for p in spec["with_prepositions"] if p != "with"))
    objects += _next_to(token, index, spec)  # "standing next to X"
    return Trigger(subjects_of(token, index), objects, beside[word]) if objects else None


def _looking_on(token: Token, index: EntityIndex, spec: dict) -> Trigger | None:
    """'X looked on as Y signed the accord': one of `onlookers` (a verb with its particle) and
    the persons its 'as' clause makes the subject, watched where they were."""
    onlookers = spec["onlookers"]
    if token.pos_ != "VERB" or (word := phrasal(token)) not in onlookers:
        return None
    watched = [
        p
        for clause in token.children
        if clause.dep_ == "advcl" and any(m.lower_ == "as" for m in clause.children)
        for p in subjects_of(clause, index)
    ]
    return Trigger(subjects_of(token, index), watched, onlookers[word]) if watched else None


def _in_presence(token: Token, index: EntityIndex, spec: dict) -> Trigger | None:
    """'Signed the accord in the presence of X': one of `presence_nouns` after 'in', the persons
    its 'of' names beside the clause's subject."""
    nouns, head = spec["presence_nouns"], token.head
    if token.lower_ not in nouns or token.dep_ != "pobj" or head.lower_ != "in":
        return None
    objects = objects_with(token, index, ("of",))
    if not objects:
        return None
    return Trigger(subjects_of(head.head, index), objects, nouns[token.lower_])


def _next_to(token: Token, index: EntityIndex, spec: dict) -> Participants:
    """Persons one of `beside_adverbs` puts beside the verb's subject with 'to': 'next to X'."""
    return [
        p
        for adverb in token.children
        if adverb.dep_ == "advmod" and adverb.lower_ in spec["beside_adverbs"]
        for p in objects_with(adverb, index, ("to",))
    ]


def _call_on(token: Token, index: EntityIndex, spec: dict) -> Trigger | None:
    """'Called on the president' (a visit: not 'called on X to resign', which asks), 'paid a
    courtesy call on X'."""
    calls = spec["calls"]
    if token.pos_ == "VERB" and (prep := calls["verbs"].get(lemma(token, calls["verbs"]))):
        errand = any(t.dep_ == "aux" and t.lower_ == "to" for t in token.subtree)
        objects = [] if errand else objects_with(token, index, (prep,))
    elif token.pos_ == "NOUN" and token.lemma_ in calls["verbs"]:  # "a courtesy call"
        courtesy = any(c.lower_ in calls["noun_modifiers"] for c in token.children)
        objects = objects_with(token, index, ("on",)) if courtesy else []
    else:
        return None
    return Trigger(subjects_of(token, index), objects, calls["confidence"]) if objects else None


def _for_a_meeting(token: Token, spec: dict) -> bool:
    """'A and B sat down for talks', 'to dinner': the verb's purpose is a meeting; 'appeared at
    a joint press conference': the event is theirs together."""
    nouns = spec["event_adjuncts"]["nouns"]
    for prep in (c for c in token.children if c.dep_ == "prep"):
        for event in (p for p in prep.children if p.dep_ == "pobj"):
            if prep.lower_ in spec["purpose_prepositions"] and event.lower_ in nouns:
                return True
            if any(a.lower_ in spec["together_adjectives"] for a in event.children):
                return True
    return False


def _light_verb_meeting(token: Token, index: EntityIndex, spec: dict) -> Trigger | None:
    """'Held talks with X', 'shook hands with X', 'A and B shook hands', 'hosted a dinner for X',
    'played host to X'."""
    if (
        token.pos_ != "VERB"
        or (word := lemma(token, spec["light_verbs"])) not in spec["light_verbs"]
    ):
        return None
    nouns = [
        c for c in token.children if c.dep_ == "dobj" and c.lower_ in spec["light_verbs"][word]
    ]
    if not nouns:
        return None
    guests = ("with", "for") if word in spec["host_verbs"] else ("with",)
    guests = (*guests, *spec["guest_prepositions"].get(word, ()))  # "played host to X"
    objects = objects_with(token, index, guests) + objects_with(nouns[0], index, guests)
    if not objects and _apart(nouns[0], spec):  # "held separate talks with X" is still with X
        return None
    if not objects and any(  # "they plan to hold a summit with officials": hosts, not a pair
        c.dep_ == "prep" and c.lower_ in guests for t in (token, nouns[0]) for c in t.children
    ):
        return None
    subjects = subjects_of(token, index) or pair_reference(token, index, spec)
    return Trigger(subjects, objects, spec["light_confidence"])


def _noun_meeting(token: Token, index: EntityIndex, spec: dict) -> Trigger | None:
    """'A meeting with X', 'talks between A, B and C', 'the meeting of A and B', 'the
    Carter-Moore talks', 'paid a visit to X', 'received a visit from X'."""
    if token.pos_ not in ("NOUN", "PROPN") or token.lower_ not in spec["nouns"]:
        return None
    confidence = spec["nouns"][token.lower_]
    between = objects_with(token, index, ("between",))
    if between:  # "a meeting between A, B and C", also "hosted talks between A and B"
        return Trigger(between, [], confidence, together=True)
    head = token.head
    light = spec["light_verbs"].get(lemma(head, spec["light_verbs"]), [])
    if token.dep_ == "dobj" and head.pos_ == "VERB" and token.lower_ in light:
        return None  # handled with its light verb
    of = objects_with(token, index, ("of",))
    if len({id(p) for p, _ in of}) >= 2:  # "the meeting of A and B", never "of the cabinet"
        return Trigger(of, [], confidence, together=True)
    named = [  # "the Carter-Moore talks": the persons the noun's modifiers name
        (person, t)
        for c in token.children
        if c.dep_ == "compound"
        for t in c.subtree
        if (person := index.at(t)) is not None and person.type == "person"
    ]
    if len({id(p) for p, _ in named}) >= 2:
        return Trigger(named, [], confidence, together=True)
    to = ("with", "to", "from") if token.lower_ in spec["person_destinations"] else ("with",)
    objects = objects_with(token, index, to)  # "a visit to Gordon Brown", "a visit from X"
    if not objects:
        return None
    return Trigger(_doers(token, index, spec), objects, confidence)


def _doers(
    token: Token, index: EntityIndex, spec: dict, controllers: Collection[str] = ()
) -> Participants:
    """Who does what the trigger names: for an event noun with one of `agent_prepositions`, the
    persons that names ('a visit to Oslo by X' is X's, whoever speaks of it; 'visits to Oslo by
    ministers' are no named person's); else the trigger's subjects (`subjects_of`)."""
    agents = spec["agent_prepositions"]
    if token.pos_ in ("NOUN", "PROPN") and any(
        c.dep_ == "prep" and c.lower_ in agents for c in token.children
    ):
        return objects_with(token, index, tuple(agents))
    return subjects_of(token, index, controllers)


def _agents(verb: Token, index: EntityIndex) -> Participants:
    """The persons a passive verb's 'by' names: 'was visited by X'."""
    if verb.pos_ != "VERB":
        return []
    return [
        p
        for agent in verb.children
        if agent.dep_ == "agent"
        for o in agent.children
        if o.dep_ == "pobj"
        for p in persons_of(o, index)
    ]


def _invitation(token: Token, index: EntityIndex, spec: dict) -> Trigger | None:
    """'X invited Y to talks', 'X has invited Y for dinner': a meeting planned, not held."""
    word = lemma(token, spec["invitations"]) if token.pos_ == "VERB" else None
    if word not in spec["invitations"]:
        return None
    guests = [p for c in token.children if c.dep_ == "dobj" for p in persons_of(c, index)]
    gatherings = {*spec["gatherings"], *spec["nouns"]}
    to_meet = any(
        pobj.lower_ in gatherings or pobj.lemma_ in gatherings
        for prep in token.children
        if prep.dep_ == "prep" and prep.lower_ in ("to", "for")
        for pobj in prep.children
    )
    if not guests or not to_meet:
        return None
    hosts = subjects_of(token, index)
    return Trigger(hosts, guests, spec["invitations"][word], status="planned")


TRIGGER_POS = frozenset({"VERB", "AUX", "NOUN", "PROPN"})
"""The parts of speech a meeting pattern starts from."""

MEETING_PATTERNS = (
    _invitation,
    _verb_meeting,
    _gathering_meeting,
    _with_meeting,
    _light_verb_meeting,
    _noun_meeting,
    _beside_meeting,
    _call_on,
    _in_presence,
    _looking_on,
)


_STARTS: dict[int, tuple[dict, frozenset[str]]] = {}


def _starting_words(spec: dict) -> frozenset[str]:
    """Every word a meeting pattern starts from (verbs by lemma, nouns as written), made once
    per rules object: a token that is none of them states no meeting."""
    cached = _STARTS.get(id(spec))
    if cached is not None and cached[0] is spec:
        return cached[1]
    words = frozenset(
        {
            *spec["verbs"],
            *spec["with_verbs"],
            *spec["light_verbs"],
            *spec["gathering_verbs"],
            *spec["invitations"],
            *spec["beside_verbs"],
            *spec["calls"]["verbs"],
            *spec["nouns"],
            *spec["person_destinations"],
            *spec["presence_nouns"],
            *(words.split()[0] for words in spec["onlookers"]),
        }
    )
    _STARTS[id(spec)] = (spec, words)
    return words


def _meeting_trigger(token: Token, index: EntityIndex, spec: dict) -> Trigger | None:
    """The participants if `token` states a meeting: the first pattern that finds one."""
    if token.pos_ not in TRIGGER_POS:
        return None  # most tokens: no need to look up their lemmas
    starts = _starting_words(spec)
    if token.lower_ not in starts and lemma(token, starts) not in starts:
        return None
    for pattern in MEETING_PATTERNS:
        if (trigger := pattern(token, index, spec)) is not None:
            return trigger
    return None


def _meeting_words(doc: Doc, spec: dict) -> list[int]:
    """Where a meeting pattern or a meeting told through an event (`events`) may start: the
    words of `_starting_words`, the event and encounter nouns, the verbs of introduction."""
    events = {*spec["event_adjuncts"]["nouns"], *spec["event_adjuncts"]["margins"]}
    encounters = {*spec["encounters"]["physical"], *spec["encounters"]["verbal"]}
    return sorted(
        {
            *lemma_positions(doc, _starting_words(spec)),
            *positions_of(doc, {*events, *encounters}, LOWER),
            *lemma_positions(doc, spec["introductions"]["verbs"]),
        }
    )


def meetings(
    sentence: Span, index: EntityIndex, published: date | None, rules: Rules
) -> Iterator[Found]:
    """'met (with)', 'held talks with', 'a meeting with/between', 'sat down with', 'hosted',
    'was joined by', 'appeared together', and meetings told through events (`events`)."""
    spec = rules.triggers["met"]
    doc = sentence.doc
    words = cached(doc, "meetings", lambda: _meeting_words(doc, spec))
    for token in tokens_at(sentence, words):
        if token.pos_ not in TRIGGER_POS and token.dep_ != "pobj":
            continue  # no pattern starts from it (an event noun of `events` may be any pobj)
        triggers = [_meeting_trigger(token, index, spec), *event_meetings(token, index, rules)]
        for trigger in triggers:
            if trigger is not None:
                yield from _meeting_facts(token, trigger, sentence, index, published, rules)


def _meeting_facts(
    token: Token,
    trigger: Trigger,
    sentence: Span,
    index: EntityIndex,
    published: date | None,
    rules: Rules,
) -> Iterator[Found]:
    spec = rules.triggers["met"]
    if _remote(token, spec) or (trigger.event is not None and _remote(trigger.event, spec)):
        return
    status = trigger.status or status_of(token, rules)
    when = _date(token, published, status, rules)
    where = _place(token, index, rules)
    if trigger.event is not None:
        when = when or _date(trigger.event, published, status, rules)
        where = where or _place(trigger.event, index, rules)
    where = where or _between(token, trigger.objects, index, rules)
    where = where or _noun_place(token, index, rules)
    titled = any(t.i in index.indirect for _, t in trigger.subjects + trigger.objects)
    confidence = trigger.confidence * (0.85 if titled else 1.0)
    host = trigger.subjects[0][0] if trigger.joins and len(trigger.subjects) == 1 else None
    for a, b in trigger.pairs():
        if a.type == "person" and b.type == "person":
            yield Found("met", a, b, sentence, confidence, status, when, where, titled, host)


WHERE_A_THING_IS = ("in", "at")
"""The prepositions that give where a thing visited is: 'a hospital in Leeds', 'a factory at
Longbridge'."""


def _places_of(noun: Token, index: EntityIndex) -> list[Resolved]:
    """The places a destination names: itself ('Glasgow'), or where the thing or organisation
    visited is ('a hospital in Leeds', 'troops in Basra', 'Ghana's largest hospital', 'the
    Royal Palace in Madrid', 'the summit, held in Geneva')."""
    places = [e for e, _ in entities_of(noun, index, ("place",))]
    named = index.at(noun)
    if places or (named is not None and named.type == "person"):
        return places  # an organisation is visited where it is: 'the Royal Palace in Madrid'
    held = [c for c in noun.children if c.dep_ == "acl" and c.tag_ == "VBN"]  # "held in Geneva"
    ins = [
        prep
        for word in (noun, *held)
        for prep in word.children
        if prep.dep_ == "prep" and prep.lower_ in WHERE_A_THING_IS  # "the summit at Gleneagles"
    ]
    where = [pobj for prep in ins for pobj in prep.children if pobj.dep_ == "pobj"]
    where += [c for c in noun.children if c.dep_ == "poss"]
    return [e for token in where for e, _ in entities_of(token, index, ("place",))]


def _visit_places(token: Token, links: list[str], index: EntityIndex) -> list[Resolved]:
    places: list[Resolved] = []
    things: list[Token] = []  # "visited a school": its place may hang on the verb ("in Luton")
    for child in token.children:
        if child.dep_ == "dobj" and "dobj" in links:
            places += _places_of(child, index)
            named = index.at(child)
            if (child.pos_ == "NOUN" and named is None) or (
                named is not None and named.type == "organization"
            ):
                things.append(child)  # "visited a school", "visited the Royal Palace"
        if child.dep_ in ("prep", "dative") and child.lower_ in links:  # "sent X to Kyiv"
            for pobj in child.children:
                places += _places_of(pobj, index)
    if not places and things:
        places = [
            e
            for prep in token.children
            if prep.dep_ == "prep" and prep.lower_ in WHERE_A_THING_IS and prep.i > things[0].i
            for pobj in prep.children
            for e, _ in entities_of(pobj, index, ("place",))
        ]
    return places


def there_for(
    sentence: Span, index: EntityIndex, published: date | None, rules: Rules
) -> Iterator[Found]:
    """'X, in Cairo for talks on Gaza, said': a person the text sets in a place for a gathering,
    in words set off beside the name, visited the place (not 'X, in London, said': no purpose)."""
    met = rules.triggers["met"]
    gatherings = {*met["gatherings"], *met["nouns"]}
    confidence = rules.triggers["visited"]["confidence"]
    for token in index.mention_tokens(sentence):
        person = index.at(token)
        if person is None or person.type != "person" or index.spans[token.i][1] - 1 != token.i:
            continue
        preps = [c for c in token.children if c.dep_ == "prep" and c.i > token.i]
        purpose = any(
            p.lower_ in met["purpose_prepositions"] and o.lower_ in gatherings
            for p in preps
            for o in p.children
            if o.dep_ == "pobj"
        )
        if not purpose:
            continue
        places = [
            e
            for p in preps
            if p.lower_ == "in"
            for o in p.children
            if o.dep_ == "pobj"
            for e, _ in entities_of(o, index, ("place",))
        ]
        when = _date(token.head, published, "asserted", rules) if places else None
        for place in dict.fromkeys(places):
            yield Found("visited", person, place, sentence, confidence, "asserted", when)


def visitors(
    sentence: Span, index: EntityIndex, published: date | None, rules: Rules
) -> Iterator[Found]:
    """'Received visiting Thai Prime Minister X in Beijing': X is visiting the place of the
    clause, or else that of the article's dateline ('BANGKOK (Reuters) - Visiting ...'); 'X and
    visiting Prime Minister Y agreed ...': Y is with the host the subjects join X to."""
    spec = rules.triggers["visited"]
    doc = sentence.doc
    words = cached(doc, "visitors", lambda: positions_of(doc, spec["visitor_modifiers"], LOWER))
    for token in tokens_at(sentence, words):
        if token.lower_ not in spec["visitor_modifiers"] or token.dep_ not in ("amod", "compound"):
            continue
        named = token.head
        for _ in range(4):  # up the title's words to the name: 'Thai Prime Minister X'
            if (person := index.at(named)) is not None or named.head.i == named.i:
                break
            named = named.head
        if person is None or person.type != "person":
            continue
        verb = next((t for t in named.ancestors if t.pos_ in ("VERB", "AUX")), None)
        place = _place(verb, index, rules) if verb is not None else None
        if verb is not None and place is None:  # "met Y in Oslo", parsed on Y or on X
            others = [
                (p, t)
                for t in verb.subtree
                if (p := index.at(t)) is not None and p.type == "person" and p is not person
            ]
            place = _between(verb, [(person, named), *others], index, rules)
        place = place or _dateline_place(sentence.doc, index)
        when = _date(verb, published, "asserted", rules) if verb is not None else None
        if place is not None:
            yield Found("visited", person, place, sentence, spec["confidence"], "asserted", when)
        subjects = [p for p, _ in subjects_of(verb, index)] if verb is not None else []
        if verb is not None and named.dep_ == "conj" and person in subjects:
            # "President X and visiting Prime Minister Y agreed ...": Y is with the host
            status = status_of(verb, rules)
            for host in dict.fromkeys(
                h for h in subjects if h.type == "person" and h is not person
            ):
                yield Found("met", host, person, sentence, spec["confidence"], status, when, place)


def guests(
    sentence: Span, index: EntityIndex, published: date | None, rules: Rules
) -> Iterator[Found]:
    """'Hosted X in Lisbon', 'welcomed X to Berlin', 'received X in Beijing': the guest visited;
    'invited X to Washington': the guest will visit."""
    spec = rules.triggers["visited"]
    doc = sentence.doc
    words = cached(doc, "guests", lambda: lemma_positions(doc, spec["guest_verbs"]))
    for token in tokens_at(sentence, words):
        if (
            token.pos_ != "VERB"
            or (word := lemma(token, spec["guest_verbs"])) not in spec["guest_verbs"]
        ):
            continue
        links = spec["guest_verbs"][word]
        objects = [c for c in token.children if c.dep_ == "dobj"]
        guests = [g for c in objects for g in persons_of(c, index)]
        places = _visit_places(token, links, index) + [  # "hosted X in Lisbon", parsed on X
            e
            for c in objects
            for prep in c.children
            if prep.dep_ == "prep" and prep.lower_ in links
            for pobj in prep.children
            for e in _places_of(pobj, index)
        ]
        if not guests or not places:
            continue
        status = status_of(token, rules)
        if status == "asserted" and word in rules.triggers["met"]["invitations"]:
            status = "planned"  # "invited X to Washington": a visit to come
        when = _date(token, published, status, rules)
        for (person, _), place in product(guests, dict.fromkeys(places)):
            yield Found("visited", person, place, sentence, spec["confidence"], status, when)


def _spoken_of(noun: Token, spec: dict, agents: list[str]) -> bool:
    """Whether a visit noun is the object of a verb that only speaks of it ('criticised the visit
    to Kabul', 'welcomed the trip'), not one of `undertaking_verbs` ('made a visit', 'began a
    tour', 'cut short his trip'); a possessor or a phrase of `agents` ('by X') still names the
    visitor."""
    if noun.pos_ != "NOUN" or noun.dep_ != "dobj" or noun.head.pos_ != "VERB":
        return False
    if any(c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ in agents) for c in noun.children):
        return False
    return lemma(noun.head, spec["undertaking_verbs"]) not in spec["undertaking_verbs"]


def _dateline_place(doc: Doc, index: EntityIndex) -> Resolved | None:
    """The place a wire dateline opens the article with ('BANGKOK (Reuters) -'), if any."""
    for token in tokens_of(doc)[:12]:
        place = index.at(token)
        if place is not None and place.type == "place":
            span = index.spans[token.i]
            return place if opens_a_dateline(doc[span[0] : span[1]]) else None
    return None


def _stay(verb: Token, stay_verbs: dict[str, list[str]]) -> list[str]:
    """The prepositions that give a stay's place, if `verb` is one of `stay_verbs` with a length
    of time for its object ('spent two days in Kyiv')."""
    links = stay_verbs.get(lemma(verb, stay_verbs), [])
    return links if links and _timed(verb) else []


def _spent_doing(verb: Token) -> list[Token]:
    """What a stay was spent doing, a gerund beside its length of time ('spent the weekend
    campaigning'), however the parser tagged it."""
    return [
        c
        for c in verb.children
        if c.dep_ in ("dobj", "xcomp", "advcl") and c.lower_.endswith("ing") and not c.ent_type_
    ]


def _timed(verb: Token) -> bool:
    """Whether a verb's object is a length of time ('spent two days', not 'spent £2m')."""
    return any(c.dep_ == "dobj" and c.ent_type_ in ("DATE", "TIME") for c in verb.children)


def _visit_words(doc: Doc, spec: dict) -> list[int]:
    """Where a visit may be told: its verbs, the verbs of a stay, its nouns."""
    return sorted(
        {
            *lemma_positions(doc, spec["verbs"]),
            *lemma_positions(doc, spec["stay_verbs"]),
            *positions_of(doc, spec["nouns"], LOWER),
            *positions_of(doc, spec["due_words"], LOWER),
        }
    )


def _due(token: Token, words: list[str]) -> bool:
    """Whether a word says someone is due somewhere: 'is due in Lima' (after 'be'), 'is expected
    in Lima' (a passive with its subject)."""
    if token.lower_ not in words or any(c.dep_ == "xcomp" for c in token.children):
        return False  # not "In Ramallah, X was expected to discuss ...": the talks are planned
    if token.dep_ == "acomp" and token.head.lemma_ == "be":
        return True
    return token.tag_ == "VBN" and any(c.dep_ == "nsubjpass" for c in token.children)


def visits(
    sentence: Span, index: EntityIndex, published: date | None, rules: Rules
) -> Iterator[Found]:
    """'visited X', 'a visit to X', 'flew to X', 'before leaving X for Y', 'in X on a visit'."""
    spec = rules.triggers["visited"]
    doc = sentence.doc
    words = cached(doc, "visits", lambda: _visit_words(doc, spec))
    for token in tokens_at(sentence, words):
        home: list[Resolved] = []  # places left or come back to: maybe home
        agents = _agents(token, index)  # "Kabul was visited by X"
        if token.pos_ in ("VERB", "AUX") and (word := lemma(token, spec["verbs"])) in spec["verbs"]:
            if word == "be" and any(
                c.lower_ in spec["origin_prepositions"] for c in token.children
            ):
                continue  # "is from Leeds in Yorkshire": where someone comes from
            homeward = spec["home_side"].get(word, [])
            links = [link for link in spec["verbs"][word] if link not in homeward]
            places = _visit_places(token, links, index)
            home = _visit_places(token, homeward, index) if homeward else []
            if "dobj" in links and agents:
                # "Kabul was visited by X", "the summit in Geneva was attended by X"
                places += [
                    e for c in token.children if c.dep_ == "nsubjpass" for e in _places_of(c, index)
                ]
        elif _due(token, spec["due_words"]):  # "is due in Lima": a visit to come
            places = _visit_places(token, list(WHERE_A_THING_IS), index)
        elif token.pos_ == "VERB" and (stay := _stay(token, spec["stay_verbs"])):
            places = _visit_places(token, stay, index)  # "spent two days in Kyiv"
            for doing in _spent_doing(token):  # "spent the weekend campaigning in Wales"
                places += _visit_places(doing, stay, index)
        elif token.pos_ == "NOUN" and token.lower_ in spec["nouns"]:
            links = spec["nouns"][token.lower_]
            places = _visit_places(token, links, index)
            on = token.head
            on_a_visit = token.dep_ == "pobj" and on.lower_ in spec["on_prepositions"]
            made = token.dep_ == "dobj" and on.lemma_ in spec["light_verbs"]
            if not places and (on_a_visit or made):
                # "sailed across the lake in Bromsgrove while on a visit", "paid a visit to
                # troops in Basra", "made a stop in Dublin": the place the clause gives
                place = _place(on.head if on_a_visit else on, index, rules)
                places = [place] if place is not None else []
            if not places and made:  # "ended his visit in Rome"
                places = _visit_places(token, list(WHERE_A_THING_IS), index)
        else:
            continue
        if not places and not home:
            continue
        status = "planned" if en_route(token, rules) else status_of(token, rules)
        if status == "asserted" and token.lower_ in spec["due_words"]:
            status = "planned"
        when = _date(token, published, status, rules)
        companions = objects_with(token, index, ("with",))  # "on a visit with Ruth Kelly"
        visitors = agents or _doers(
            token, index, rules.triggers["met"], rules.triggers["object_control_verbs"]
        )
        if _spoken_of(token, spec, rules.triggers["met"]["agent_prepositions"]):
            visitors = []  # "X criticised the visit to Kabul": whose, the text does not say
        confidence = spec["confidence"]
        for person, _ in visitors + companions:
            for place in dict.fromkeys(places):
                yield Found("visited", person, place, sentence, confidence, status, when)
            for place in dict.fromkeys(home):
                yield Found(
                    "visited", person, place, sentence, confidence, status, when, home_side=True
                )
