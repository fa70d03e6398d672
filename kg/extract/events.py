"""Meetings told through an event rather than a meeting verb.

News often names the occasion and lets the reader infer who was there:

- an exchange set at a gathering: 'during a meal at Granita, Brown gave Blair a clear run',
  'spoke with X on the sidelines of the summit',
  'Chirac told Blair over lunch' (the person addressed was at the table; a rally or a phone call
  is not enough, and criticism is not address); what two or more did together after it ('A and
  B signed a statement after talks');
- an encounter noun: 'a handshake between X and Y' is face to face by itself; 'a row between X
  and Y' is only when the text shows it was seen ('footage of a row', 'a face-to-face clash'),
  since most rows between politicians are fought through the press;
- an introduction: 'X was introduced by Y', 'his speech was introduced by Y' (the one who
  introduces a speaker is in the room with them).

The words are data in `rules/triggers.json` (`met.event_adjuncts`, `met.encounters`,
`met.introductions`).
"""

from __future__ import annotations

from spacy.tokens import Token

from kg.extract.entities import EntityIndex
from kg.extract.factuality import frame_status, status_of
from kg.extract.participants import (
    Participants,
    Trigger,
    lemma,
    objects_with,
    persons_of,
    subjects_of,
)
from kg.extract.rules import Rules
from kg.extract.text import doc_text


def _addressees(verb: Token, index: EntityIndex, spec: dict) -> Participants:
    """Persons `verb` addresses: 'gave Blair', 'told Blair', 'apologised to Blair', 'spoke with
    Blair'."""
    word = lemma(verb, spec["address_verbs"] + spec["to_verbs"])
    found: Participants = []
    for child in verb.children:
        if child.dep_ == "dative" or (child.dep_ == "dobj" and word in spec["address_verbs"]):
            found += persons_of(child, index)
        to = child.lower_ in spec["addressee_prepositions"]
        if child.dep_ in ("prep", "dative") and to and word in spec["to_verbs"]:
            found += [p for c in child.children if c.dep_ == "pobj" for p in persons_of(c, index)]
    return found


def adjunct_meeting(token: Token, index: EntityIndex, rules: Rules) -> Trigger | None:
    """'Gave Blair a clear run during a meal', 'told Blair at a meeting': the subject and the
    person addressed were both at the gathering the clause is set in; so were the subjects of
    'A and B discussed the budget over dinner', of 'A and B exchanged views at their meeting'
    and of any clause set during talks ('A and B agreed to cut tariffs during talks'), and the
    two or more subjects of an active verb set after one ('A and B signed a statement after
    talks', `sequel_prepositions`)."""
    spec = rules.triggers["met"]["event_adjuncts"]
    if token.dep_ != "pobj":
        return None
    prep = token.head
    margin = prep.head
    sequel = prep.lower_ in spec["sequel_prepositions"]
    if token.lower_ in spec["margins"]:  # "on the sidelines of the UN General Assembly"
        named = [p for c in token.children if c.lower_ == "of" for p in c.children]
        if not named or any(p.lower_ in spec["nouns"] for p in named):
            return None  # "of the summit": the summit's own
    elif token.lower_ not in spec["nouns"]:
        return None
    elif prep.lower_ == "of" and margin.lower_ in spec["margins"] and margin.dep_ == "pobj":
        prep = margin.head  # "on the sidelines of the summit" is at the summit
    elif prep.lower_ not in spec["prepositions"] and not sequel:
        return None
    verb = prep.head
    if verb.dep_ == "dobj" and verb.pos_ == "NOUN":
        verb = verb.head  # "handed him the report at a dinner", parsed as the report's dinner
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    if lemma(verb, spec["remote_verbs"]) in spec["remote_verbs"]:
        return None  # "wrote to Blair during the summit": a letter is not a meeting
    addressed = _addressees(verb, index, spec)
    subjects = subjects_of(verb, index)
    status = frame_status(token, verb, rules)
    shared = any(
        c.dep_ == "poss" and c.lower_ in spec["shared_possessives"] for c in token.children
    )
    if sequel:  # "A and B signed a statement after talks": what they did, once they met
        active = not any(c.dep_ == "nsubjpass" for c in verb.children)
        if addressed or len(subjects) < 2 or not active:
            return None
        return Trigger(subjects, [], spec["confidence"], together=True, event=verb, status=status)
    if (
        not addressed
        and len(subjects) > 1
        and (
            shared
            or lemma(verb, spec["joint_verbs"]) in spec["joint_verbs"]
            or token.lower_ in spec["talks_nouns"]
        )
    ):
        # "A and B discussed the budget over dinner", "... views at their meeting", "A and B
        # agreed to boost trade during talks in Beijing"
        return Trigger(subjects, [], spec["confidence"], together=True, event=verb, status=status)
    if not addressed or not subjects:
        return None
    return Trigger(subjects, addressed, spec["confidence"], event=verb, status=status)


def _witnessed(noun: Token, spec: dict) -> bool:
    """Whether the text shows the encounter was seen: 'footage of a row', 'a face-to-face clash',
    'the row was filmed'."""
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in spec["records"]:
        return True
    if noun.dep_ in ("dobj", "nsubjpass") and head.lemma_.lower() in spec["witness_verbs"]:
        return True
    before = "".join(t.text for c in noun.lefts for t in c.subtree).lower()
    return any(m in before for m in spec["in_person_modifiers"])


def encounter(token: Token, index: EntityIndex, rules: Rules) -> Trigger | None:
    """'A handshake between X and Y'; 'footage of a row between X, Y and Z'."""
    spec = rules.triggers["met"]["encounters"]
    word = token.lower_
    if token.pos_ != "NOUN" or (word not in spec["physical"] and word not in spec["verbal"]):
        return None
    if word in spec["verbal"] and not _witnessed(token, spec):
        return None
    confidence = spec["physical"].get(word) or spec["verbal"][word]
    between = objects_with(token, index, ("between",))
    if between:
        return Trigger(between, [], confidence, together=True, status=status_of(token, rules))
    others = objects_with(token, index, ("with",))
    if not others:
        return None
    return Trigger(subjects_of(token, index), others, confidence, status=status_of(token, rules))


def _owners(noun: Token, index: EntityIndex) -> Participants:
    """Persons a noun phrase's possessor names: 'Mr Howard's speech', 'his speech' (a resolved
    pronoun)."""
    return [p for c in noun.children if c.dep_ == "poss" for p in persons_of(c, index)]


def speakers(noun: Token, index: EntityIndex, spec: dict) -> Participants:
    """Who gave the speech `noun` names: its possessor, or for 'the speech' the possessor of the
    last speech named earlier in the same paragraph."""
    word = noun.lemma_.lower()
    if word not in spec["speeches"]:
        return []
    owners = _owners(noun, index)
    definite = any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children)
    if owners or not definite:
        return owners
    doc = noun.doc
    paragraph = doc_text(doc).rfind("\n", 0, noun.sent.start_char) + 1
    for i in range(noun.sent.start - 1, -1, -1):
        token = doc[i]
        if token.idx < paragraph:
            break
        if token.lemma_.lower() == word and (owners := _owners(token, index)):
            return owners
    return []


def introduction(token: Token, index: EntityIndex, rules: Rules) -> Trigger | None:
    """'X was introduced by Y', 'his speech had been introduced by Y', 'Y introduced X'."""
    spec = rules.triggers["met"]["introductions"]
    if token.pos_ != "VERB" or lemma(token, spec["verbs"]) not in spec["verbs"]:
        return None
    introduced: Participants = []
    for child in token.children:
        if child.dep_ in ("nsubjpass", "dobj"):
            introduced += persons_of(child, index) or speakers(child, index, spec)
    passive = any(c.dep_ == "nsubjpass" for c in token.children)
    introducers = objects_with(token, index, ("by",)) if passive else subjects_of(token, index)
    if not introduced or not introducers:
        return None
    return Trigger(introduced, introducers, spec["confidence"])


def event_meetings(token: Token, index: EntityIndex, rules: Rules) -> list[Trigger]:
    """The meetings `token` states through an event noun or an introduction, if any."""
    found = [
        adjunct_meeting(token, index, rules),
        encounter(token, index, rules),
        introduction(token, index, rules),
    ]
    return [t for t in found if t is not None]
