"""Posts a verb gives or ends: 'X became chancellor', 'was appointed education secretary',
'served as deputy prime minister', 'X succeeded Mr Blair as leader' (his is past once it
happened), 'resigned as chairman', 'served as chancellor until 2010'; and posts only supposed or
still to come ('if he became king', 'after Charles becomes king'), which are not kept. The verbs
are data (`rules/posts.json` `role_verbs`, `past_prepositions`)."""

from __future__ import annotations

from spacy.tokens import Token

from kg.extract.factuality import status_of
from kg.extract.participants import SUBJECTS, phrasal
from kg.extract.participants import lemma as known_lemma
from kg.extract.rules import Rules, load_rules
from kg.extract.text import infinitive_clause


def role_nouns(subject: Token, rules: Rules) -> list[Token]:
    """Title nouns a verb gives its subject: 'X became chancellor', 'was appointed education
    secretary', 'served as deputy prime minister', 'was promoted to chief whip', 'gained his
    first post as shadow secretary', also through a verb joined to the subject's own that has
    no subject of its own ('X joined the party and became its leader'); or its object: 'to
    succeed Ms Rowe as party leader', 'the party elected X as its leader', 'promoted X to chief
    whip'."""
    if subject.dep_ == "appos":  # "The former minister, X, was appointed governor"
        head = subject.head
        while head.dep_ in ("pobj", "prep"):  # "The candidate in Exeter, X, is": on Exeter
            head = head.head
        subject = head if head.dep_ in SUBJECTS else subject
    verbs = [subject.head]
    if subject.dep_ in SUBJECTS:
        verbs += [c for c in subject.head.conjuncts if c.i > subject.head.i and _shares(c)]
    return [noun for verb in verbs for noun in _given(subject, verb, rules)]


def _shares(verb: Token) -> bool:
    """Whether a verb joined to another takes that verb's subject: it has none of its own and
    'and' or a comma comes right before it, or before the adverbs and auxiliaries it has ('and
    later became'; not 'and X became', where the parser may hang X on the first verb's object)."""
    if any(c.dep_ in SUBJECTS for c in verb.children):
        return False
    before = verb.i - 1
    while before > 0 and verb.doc[before].pos_ in ("ADV", "AUX", "PART"):
        before -= 1
    return verb.doc[before].dep_ == "cc" or verb.doc[before].text == ","


def _given(subject: Token, verb: Token, rules: Rules) -> list[Token]:
    """The title nouns `verb` gives `subject` (see `role_nouns`)."""
    roles = rules.posts["role_verbs"]
    if verb.pos_ not in ("VERB", "AUX") or hypothetical(verb):  # no climb up "A and B and ..."
        return []
    lemma = known_lemma(verb, rules.role_verb_words)
    succession = lemma in roles["object_as"]
    appointing = lemma in roles["oprd"]
    if lemma in roles["removed_as"]:  # "X was sacked as minister", "Y sacked X as minister"
        if subject.dep_ not in ("nsubjpass", "dobj"):
            return []
        return objects_after(verb, "as") + objects_after(subject, "as")
    if subject.dep_ == "dobj" and succession:  # "succeed Ms Rowe as leader": hers
        return objects_after(verb, "as") + objects_after(subject, "as")
    if _named_object(subject) and appointing:  # "elected X as its leader", "named X minister"
        return objects_after(verb, "as") + [
            c for c in verb.children if c.dep_ == "oprd" and c is not subject
        ]
    if subject.dep_ == "dobj" and lemma in roles["to"]:  # "promoted X to chief whip"
        return objects_after(verb, "to")
    if subject.dep_ not in SUBJECTS:
        return []
    if appointing and subject.dep_ == "nsubj" and any(_named_object(c) for c in verb.children):
        return []  # "X named Y as minister": Y's post, not X's
    if succession:  # "X succeeded Ms Rowe as leader": X's post, once it has happened
        if not _happened(verb, rules):
            return []
        objects = [c for c in verb.children if c.dep_ == "dobj"]  # "as" may hang on Ms Rowe
        return objects_after(verb, "as") + [n for o in objects for n in objects_after(o, "as")]
    nouns = [
        c
        for c in verb.children
        if (
            (c.dep_ == "attr" and lemma in roles["attr"])
            or (c.dep_ == "oprd" and lemma in roles["oprd"])
        )
        and not _infinitive_after(c)  # "X is the first leader to visit Y"
    ]
    nouns += [  # "is the founder and chief executive"; not "leader and Y deputy"
        c
        for n in nouns
        for c in n.conjuncts
        if c.pos_ == "NOUN" and not any(t.ent_type_ == "PERSON" for t in c.subtree)
    ]
    if lemma in roles["to"] and not any(c.dep_ == "dobj" for c in verb.children):
        nouns += objects_after(verb, "to")  # "was promoted to chief whip"; not "promoted Y to ..."
    ended = _ends_a_post(verb, rules)
    holders = [verb] if lemma in roles["as"] or ended else []
    holders += [
        c for c in verb.children if c.dep_ == "dobj" and c.lower_ in rules.posts["role_nouns"]
    ]
    if lemma in roles["attr"]:  # "X was her predecessor as home secretary"
        holders += [c for c in verb.children if c.dep_ == "attr" and predecessor(c, rules)]
    for holder in holders:
        nouns += objects_after(holder, "as")
    return nouns


def _named_object(word: Token) -> bool:
    """Whether a verb's dependent is its object: a direct object, or a name the parser made
    the object's predicate ('named Y as minister' parsed with Y an 'oprd')."""
    return word.dep_ == "dobj" or (word.dep_ == "oprd" and word.pos_ == "PROPN")


def describes(noun: Token) -> bool:
    """Whether a title noun describes someone rather than naming a post: a superlative before
    it ('the highest-level official', 'the most prominent leader') or an infinitive after it
    ('the first minister to visit'; not 'the reporter based in Seattle')."""
    superlative = any(t.tag_ in ("JJS", "RBS") for c in noun.lefts for t in c.subtree)
    return superlative or _infinitive_after(noun)


def _infinitive_after(noun: Token) -> bool:
    """Whether an infinitive clause qualifies the noun: 'the first minister to visit' (a verb's
    complement with only a superlative still names the post: 'the longest-serving chancellor')."""
    return any(infinitive_clause(c) for c in noun.rights)


def objects_after(word: Token, preposition: str) -> list[Token]:
    """The objects of `word`'s `preposition`: 'chancellor' for 'as' in 'served as chancellor'."""
    return [
        p
        for prep in word.children
        if prep.dep_ == "prep" and prep.lower_ == preposition
        for p in prep.children
        if p.dep_ == "pobj"
    ]


def predecessor(noun: Token, rules: Rules) -> bool:
    """Whether `noun` is a word for one who held a post before another (`posts.json`
    `predecessor_nouns`): 'her predecessor as home secretary'."""
    return noun.lower_ in rules.posts["predecessor_nouns"]


def left(noun: Token, rules: Rules) -> bool:
    """Whether the post `noun` names is one its holder has left: 'resigned as chairman',
    'stepped down as leader' (not 'will step down as leader': held still), or held before
    another ('her predecessor as home secretary')."""
    if noun.head.lower_ != "as":
        return False
    if predecessor(noun.head.head, rules):
        return True
    # "sacked X as home secretary": 'as' may hang on the name the verb takes
    verb = next((t for t in noun.head.ancestors if t.pos_ in ("VERB", "AUX")), None)
    if verb is None:
        return False
    if verb.lemma_.lower() in rules.posts["role_verbs"]["removed_as"]:
        return _happened(verb, rules, passive=True)  # "was sacked as", "sacked X as"
    return _ends_a_post(verb, rules) and _happened(verb, rules)


def _ends_a_post(verb: Token, rules: Rules) -> bool:
    """Whether the verb, alone or with its particle, ends its subject's post: 'resigned', 'step
    down' (`posts.role_verbs.ended_as`)."""
    ended = rules.posts["role_verbs"]["ended_as"]
    return verb.lemma_.lower() in ended or phrasal(verb) in ended


def succeeded(noun: Token, rules: Rules) -> bool:
    """Whether the post `noun` names passed from the object of a verb of succession to its
    subject: 'X succeeded Mr Blair as leader' (Mr Blair's post is past; 'X will succeed him'
    leaves it his)."""
    verb = noun.head.head if noun.head.lower_ == "as" else None
    if verb is not None and verb.dep_ == "dobj":
        verb = verb.head  # "as" on the one succeeded: "succeeded Mr Blair as leader"
    if verb is None or verb.lemma_.lower() not in rules.posts["role_verbs"]["object_as"]:
        return False
    return _happened(verb, rules)


def _happened(verb: Token, rules: Rules, passive: bool = False) -> bool:
    """Whether a verb tells a change that took place: asserted, in the past tense or the perfect
    ('succeeded', 'has replaced'; not 'likely to succeed', 'will succeed'), and with `passive`
    in a past passive too ('was sacked', 'has been dismissed')."""
    perfect = verb.tag_ == "VBN" and any(
        c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children
    )
    done = (
        passive
        and verb.tag_ == "VBN"
        and any(c.dep_ == "auxpass" and c.tag_ in ("VBD", "VBN") for c in verb.children)
    )
    return (verb.tag_ == "VBD" or perfect or done) and status_of(verb, rules) == "asserted"


def ended(noun: Token, rules: Rules) -> bool:
    """Whether the verb giving a post says when it ended (see `closed`)."""
    verb = next((t for t in noun.ancestors if t.pos_ in ("VERB", "AUX")), None)
    return verb is not None and closed(verb, rules)


def closed(verb: Token, rules: Rules) -> bool:
    """Whether a verb says when what it states ended: 'served as chancellor until 2010', 'was
    prime minister from 1997 to 2007', 'led the party from 1990 to 1997' (a span of dates closed
    at both ends)."""
    ends = rules.posts["past_prepositions"]
    if any(c.dep_ == "prep" and c.lower_ in ends for c in verb.children):
        return True
    dated = {
        t.lower_ for t in verb.subtree if t.dep_ == "prep" and any(_a_date(d) for d in t.children)
    }
    return {"from", "to"} <= dated


def _a_date(word: Token) -> bool:
    """A date, or a year the tagger left untagged ('from 2010 to' + '2015')."""
    return word.ent_type_ == "DATE" or (
        word.is_digit and len(word) == 4 and word.text[:2] in ("19", "20")
    )


FUTURE_MARKS = ("after", "when", "once", "before", "until")
"""A clause these open in the present tense tells the future: 'after Charles becomes king'."""


def hypothetical(token: Token) -> bool:
    """Whether a post is only supposed or still to come: 'Charles would be the supreme governor',
    'if he became king', 'she could be named chancellor', 'after Charles becomes king' (the
    modals and conditions of rules/factuality.json)."""
    cues = load_rules().factuality
    modals = {"would", *cues["possibility_aux"]}
    for t in [token, *token.ancestors]:
        for child in t.children:
            if child.dep_ == "aux" and child.lower_ in modals:
                return True
            if child.dep_ == "mark" and child.lower_ in cues["conditional_markers"]:
                return True
            present = t.tag_ in ("VBZ", "VBP")
            if child.dep_ == "mark" and child.lower_ in FUTURE_MARKS and present:
                return True
        if t.pos_ in ("VERB", "AUX"):
            break
    return False
