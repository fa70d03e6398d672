"""Whether the text asserts a relation, plans it, denies it or only reports it."""

from __future__ import annotations

from spacy.tokens import Token

from kg.extract.rules import Rules
from kg.types import Status

CLAUSE_LINKS = {"xcomp", "ccomp", "acomp", "dobj"}
"""Links to a governing word whose mood covers the trigger: 'refused to meet', 'wants a meeting'.
Not prepositions: in 'failed to return after a trip', the trip itself happened."""


def _governors(trigger: Token) -> list[Token]:
    """The trigger and the words above it that scope over it ('refused to meet', 'plans to')."""
    chain = [trigger]
    token = trigger
    while token.dep_ in CLAUSE_LINKS and token.head is not token:
        token = token.head
        chain.append(token)
        if token.pos_ in ("VERB", "AUX", "ADJ") and token.dep_ not in CLAUSE_LINKS:
            break
    return chain


def status_of(trigger: Token, rules: Rules) -> Status:
    """The factuality of the relation `trigger` states."""
    cues = rules.factuality
    for token in _governors(trigger):
        children = list(token.children)
        if any(c.dep_ == "neg" for c in children) or any(
            c.dep_ == "det" and c.lower_ in cues["negation_determiners"] for c in children
        ):
            return "negated"
        if token is not trigger and token.lemma_.lower() in cues["negation_governors"]:
            return "negated"
        if any(c.dep_ == "aux" and c.lower_ in cues["planned_aux"] for c in children):
            return "planned"
        if any(
            c.lower_ in cues["planned_modifiers"] and c.dep_ in ("amod", "advmod") for c in children
        ):
            return "planned"
        if token is not trigger and token.lemma_.lower() in cues["planned_governors"]:
            return "planned"
        # "is to meet", "was to meet" (but not "had been out to see")
        finite_be = token.lemma_ == "be" and token.tag_ in ("VBZ", "VBP", "VBD")
        if finite_be and trigger.dep_ == "xcomp" and token is trigger.head:
            return "planned"
        if any(c.lower_ in cues["reported_adverbs"] for c in children):
            return "reported"
    return "asserted"
