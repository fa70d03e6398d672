"""Whether the text asserts a relation, plans it, denies it or only reports it."""

from __future__ import annotations

from spacy.tokens import Token

from kg.extract.participants import lemma, phrasal
from kg.extract.rules import Rules
from kg.extract.text import infinitive_clause
from kg.types import Status

CLAUSE_LINKS = {"xcomp", "ccomp", "acomp", "dobj"}
"""Links to a governing word whose mood covers the trigger: 'refused to meet', 'wants a meeting'.
Not prepositions: in 'failed to return after a trip', the trip itself happened."""


def _purpose(clause: Token) -> bool:
    """Whether a clause is the purpose of the verb it hangs from: 'will travel to Paris to meet
    X' (an infinitive) is as planned as the travel."""
    return clause.dep_ == "advcl" and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in clause.children
    )


def _governors(trigger: Token, rules: Rules) -> list[Token]:
    """The trigger and the words above it that scope over it ('refused to meet', 'plans to'), up
    through a purpose too ('would visit Bonn for talks': the talks are as planned as the visit)."""
    purposes = {*rules.factuality["purpose_prepositions"], *rules.factuality["time_prepositions"]}
    chain = [trigger]
    token = trigger
    while token.head.i != token.i:
        prep = token.head
        if token.dep_ in CLAUSE_LINKS or _purpose(token):
            token = token.head
        elif token.dep_ == "pobj" and prep.lower_ in purposes and prep.head.pos_ in ("VERB", "AUX"):
            token = prep.head
        elif infinitive_clause(token) and token.head.dep_ == "attr":
            token = token.head.head  # "will be the first leader to meet X": the copula's mood
        elif infinitive_clause(token) and token.dep_ == "acl":
            token = token.head  # "accepted an invitation to visit Lima": the noun's mood
        else:
            break
        chain.append(token)
        if token.pos_ in ("VERB", "AUX", "ADJ") and token.dep_ not in CLAUSE_LINKS:
            break
    return chain


def _event_subject_status(noun: Token, rules: Rules) -> Status | None:
    """What the predicate of an event noun says of it: 'the meeting was cancelled', 'a handshake
    is planned for Friday', 'the visit is due to take place', 'the talks did not go ahead'. Other
    predicates ('the meeting lasted an hour', 'did not produce a deal') leave it asserted."""
    if noun.pos_ not in ("NOUN", "PROPN") or noun.dep_ not in ("nsubj", "nsubjpass"):
        return None
    cues = rules.factuality
    if any(c.dep_ == "det" and c.lower_ in cues["negation_determiners"] for c in noun.children):
        return "negated"  # "no meeting between X and Y is planned"
    verb = noun.head
    words = [verb] + [c for c in verb.children if c.dep_ in ("acomp", "xcomp")]
    lemmas = {w.lemma_.lower() for w in words}
    if lemmas & set(cues["negation_governors"]):
        return "negated"
    negated = any(c.dep_ == "neg" for w in words for c in w.children)
    if negated and lemmas & set(cues["occurrence_verbs"]):
        return "negated"
    if lemmas & set(cues["planned_predicates"]) or any(
        c.dep_ == "aux" and c.lower_ in cues["planned_aux"] for w in words for c in w.children
    ):
        return "planned"
    return None


def status_of(trigger: Token, rules: Rules) -> Status:
    """The factuality of the relation `trigger` states."""
    cues = rules.factuality
    if (said := _event_subject_status(trigger, rules)) is not None:
        return said
    head = trigger.head
    undone = lemma(head, cues["negation_governors"]) in cues["negation_governors"]
    if undone and trigger.dep_ == "dobj" and trigger.pos_ in ("NOUN", "PROPN"):
        return "negated"  # "cancelled a planned meeting with X", "called off the visit"
    if trigger.dep_ == "pobj" and head.lower_ == "of" and head.head.lower_ in cues["ahead_adverbs"]:
        return "planned"  # "ahead of talks with X": not yet held
    against = head.lower_ in cues["negation_prepositions"]
    if against and trigger.dep_ in ("pcomp", "pobj"):
        return "negated"  # "decided against flying to the West Bank"
    below = trigger
    for token in _governors(trigger, rules):
        children = list(token.children)
        if any(c.dep_ == "neg" for c in children) or any(
            c.dep_ == "det" and c.lower_ in cues["negation_determiners"] for c in children
        ):
            return "negated"
        if token.i != trigger.i and (
            _governor(token, cues["negation_governors"]) in cues["negation_governors"]
            or any(c.dep_ == "advmod" and c.lower_ in cues["unrealised_adverbs"] for c in children)
        ):
            return "negated"  # "refused to meet", "ruled out meeting", "has yet to meet"
        if possible := _possibility(children, cues):
            return possible  # "could meet X next week", "may have met X"
        if _conditional(children, cues):
            return "planned"  # "even if she has to travel to Yuma": only supposed
        if _future(token, below, children, cues):
            return "planned"
        if token.i != trigger.i and _scheduled(token, cues):
            return "planned"  # "flies to Dublin on Friday to meet X"
        if any(
            c.lower_ in cues["planned_modifiers"]
            and c.dep_ in ("amod", "advmod")
            and not any(g.dep_ == "prep" for g in c.children)  # "sat next to", a place
            for c in children
        ):
            return "planned"
        framed = below.dep_ == "pobj" and below.head.lower_ in cues["time_prepositions"]
        if (
            token.i != trigger.i
            and not framed  # "promised aid during a visit": the promise plans the aid
            and lemma(token, cues["planned_governors"]) in cues["planned_governors"]
        ):
            return "planned"
        if any(c.lower_ in cues["reported_adverbs"] for c in children):
            return "reported"
        if _hearsay(token, below, children, cues):
            return "reported"
        below = token
    if _scheduled(trigger, cues) or _planned_frame(trigger, rules):
        return "planned"
    return "asserted"


def _possibility(children: list[Token], cues: dict) -> Status | None:
    """A verb's modal of possibility: planned ('could meet'), or reported with a perfect ('may
    have met': perhaps it happened)."""
    auxiliaries = {c.lower_ for c in children if c.dep_ == "aux"}
    if not auxiliaries & set(cues["possibility_aux"]):
        return None
    return "reported" if "have" in auxiliaries else "planned"


def _conditional(children: list[Token], cues: dict) -> bool:
    """Whether a verb's clause is a condition, only supposed: 'if they meet', 'unless she goes'."""
    return any(c.dep_ == "mark" and c.lower_ in cues["conditional_markers"] for c in children)


def _governor(token: Token, known: list[str]) -> str:
    """The governing verb as `known` may list it: with its particle ('rule out', 'call off'),
    else its lemma."""
    written = phrasal(token)
    return written if written in known else lemma(token, known)


def _hearsay(token: Token, below: Token, children: list[Token], cues: dict) -> bool:
    """Whether a passive verb of saying governs the clause: 'X is said to have met Y', 'is
    believed to have visited' (not 'X said she met Y', which the speaker asserts)."""
    passive = any(c.dep_ == "auxpass" for c in children)
    said = lemma(token, cues["reported_governors"]) in cues["reported_governors"]
    return passive and said and below.dep_ == "xcomp" and below.head.i == token.i


def _planned_frame(verb: Token, rules: Rules) -> bool:
    """Whether a present-tense temporal clause hangs on a planned one: 'will sign a deal when
    they meet', 'are expected to sign it once they meet'; or a gerund after a temporal
    preposition does: 'will meet X before returning to Tokyo'."""
    markers = rules.factuality["temporal_markers"]
    head = verb.head
    if verb.dep_ == "pcomp" and verb.tag_ == "VBG" and head.lower_ in markers:
        return head.head.pos_ in ("VERB", "AUX") and status_of(head.head, rules) == "planned"
    temporal = any(c.dep_ in ("mark", "advmod") and c.lower_ in markers for c in verb.children)
    if not temporal or verb.dep_ != "advcl" or verb.tag_ not in ("VBZ", "VBP"):
        return False
    return status_of(verb.head, rules) == "planned"


def _scheduled(verb: Token, cues: dict) -> bool:
    """Whether the present tense tells an arrangement: 'is meeting X on Friday' (a progressive
    with a date), 'meets X next week' (a present with one of `future_time_words`)."""
    present = ("VBZ", "VBP")
    progressive = verb.tag_ == "VBG" and any(
        c.dep_ == "aux" and c.tag_ in present for c in verb.children
    )
    if not progressive and verb.tag_ not in present:
        return False
    dates = [
        t for c in verb.children if c.dep_ != "dobj" for t in c.subtree if t.ent_type_ == "DATE"
    ]
    future = any(t.lower_ in cues["future_time_words"] for t in dates)
    return bool(dates) and (progressive or future)


def frame_status(event: Token, verb: Token, rules: Rules) -> Status:
    """The factuality of a gathering a clause is set in ('during a meal', 'at a meeting').

    The gathering took place unless it is itself negated or planned ('no meeting', 'a planned
    dinner') or the clause is in the future ('will tell him at Friday's summit', 'is expected
    to'). Acts done at the gathering ('agreed to give', 'refused to tell', 'did not tell') say
    nothing against it: whatever was agreed or refused, it was agreed at the table.
    """
    cues = rules.factuality
    children = list(event.children)
    if any(c.dep_ == "det" and c.lower_ in cues["negation_determiners"] for c in children):
        return "negated"
    if any(c.lower_ in cues["planned_modifiers"] for c in children):
        return "planned"
    below = verb
    for token in _governors(verb, rules):
        children = list(token.children)
        word = token.lemma_.lower()
        prospective = word in cues["planned_governors"] and word not in cues["acts_at_the_event"]
        if possible := _possibility(children, cues):
            return possible
        if _conditional(children, cues):
            return "planned"
        if _future(token, below, children, cues) or (token.i != verb.i and prospective):
            return "planned"
        if any(c.lower_ in cues["reported_adverbs"] for c in children):
            return "reported"
        below = token
    return "asserted"


def _future(token: Token, below: Token, children: list[Token], cues: dict) -> bool:
    """Whether a governor of the trigger puts it in the future: 'will meet', and 'is to meet',
    'was to meet', 'is to hold a summit' (`below`: the word under `token` on the way up from the
    trigger; but not 'had been out to see'). spaCy makes a new Token object on every access, so
    tokens are compared by position, never with `is`."""
    if any(c.dep_ == "aux" and c.lower_ in cues["planned_aux"] for c in children):
        return True
    if _headline_infinitive(token, children):
        return True
    finite_be = token.lemma_ == "be" and token.tag_ in ("VBZ", "VBP", "VBD")
    return finite_be and below.dep_ == "xcomp" and token.i == below.head.i


def _headline_infinitive(token: Token, children: list[Token]) -> bool:
    """Whether `token` is the infinitive of a clause with no finite verb, as headlines write the
    future: 'Carter to visit Madrid', 'Carter to meet Moore' (the infinitive on the name)."""
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in children):
        return False
    if token.dep_ == "ROOT":
        return True
    return (
        token.dep_ in ("relcl", "acl") and token.head.dep_ == "ROOT" and token.head.pos_ == "PROPN"
    )


def en_route(trigger: Token, rules: Rules) -> bool:
    """'Arrested when travelling to London', 'is flying to Moscow': a journey under way names
    where someone was going, not that they got there ('before heading to X, he met Y' and
    'after flying to Paris' narrate the journey as made)."""
    cues = rules.factuality
    if trigger.tag_ != "VBG" or trigger.lemma_.lower() not in cues["en_route_verbs"]:
        return False
    children = list(trigger.children)
    progressive = any(c.dep_ == "aux" and c.lemma_ == "be" for c in children)
    under_way = any(
        c.dep_ in ("mark", "advmod") and c.lower_ in cues["en_route_markers"] for c in children
    )
    return progressive or under_way
