"""Who takes part in what a trigger word states: subjects, objects, and the meeting's pairs.

Shared by the verb patterns (`relations`) and the event patterns (`events`): a noun phrase's
persons with its conjuncts and appositions, the subject a clause or a possessor gives, the persons
a preposition introduces, and 'the pair' / 'the two men' pointing back at the sentence before.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator
from dataclasses import dataclass

from spacy.attrs import LEMMA, LOWER
from spacy.tokens import Doc, Span, Token

from kg.extract.entities import EntityIndex, Resolved
from kg.extract.text import examples_of, infinitive_clause, positions_of
from kg.types import Status

NOUN_LINKS = {"conj", "appos", "compound", "flat", "nmod"}
SUBJECTS = {"nsubj", "nsubjpass"}
RELATIVES = {"who", "that", "which"}
LIKEWISE = {"as", "so", "too", "likewise"}
"""Words by which a clause of 'do' says its subject does what the verb it hangs on says ('X met
Y, as did Z', 'X attended, and so did Z')."""
RELATIVE_OBJECTS = {"whom", "who"}
"""The relative pronouns that may be a verb's object ('X, whom Y met'); 'that' and 'which' name
things."""

Participants = list[tuple[Resolved, Token]]


def entities_of(token: Token, index: EntityIndex, types: tuple[str, ...]) -> Participants:
    """Entities a noun phrase names: the head's own, and those of its conjuncts, appositions and
    examples ('leaders including X and Y')."""
    found: Participants = []
    # "X, whom Y met": the relative pronoun stands for the name its clause describes
    clause = token.head if token.lower_ in RELATIVE_OBJECTS else None
    stack = [clause.head if clause is not None and clause.dep_ == "relcl" else token]
    seen: set[int] = set()
    while stack:
        current = stack.pop()
        if current.i in seen:
            continue
        seen.add(current.i)
        entity = index.at(current)
        members = [index.entities[key] for key in index.groups.get(current.i, ())]
        for one in [entity, *members]:  # "the leaders of Chile and Peru": each leader
            if one is not None and one.type in types and all(one is not e for e, _ in found):
                found.append((one, current))
        # A name modifying a common noun is not a participant: 'Dole campaign manager Scott
        # Reed', 'met Clinton aides'.
        stack.extend(
            c
            for c in current.children
            if (c.dep_ in NOUN_LINKS or c.dep_ == "cc")
            and not (c.dep_ == "compound" and current.pos_ == "NOUN")
        )
        if current.pos_ == "NOUN":  # "leaders including X and Y", "leaders such as X and Y"
            stack.extend(examples_of(current))
    return found


def first_conjunct(token: Token, memo: dict[int, Token]) -> Token:
    """The first of the conjuncts `token` is one of ('A' for 'C' in 'A, B and C'), or the token;
    `memo` keeps those found, so that a long list is climbed once."""
    path = []
    current = token
    while current.dep_ == "conj" and current.head.i != current.i and current.i not in memo:
        path.append(current.i)
        current = current.head
    first = memo.get(current.i, current)
    for i in path:
        memo[i] = first
    return first


LIST_OPENERS = (":", ";")
"""Marks after which a new list starts: in 'two Labour mayors: A and B, and three Tories: C and
D' the parser joins all four names, but the title is only A's and B's."""


def same_list(first: Token, other: Token) -> bool:
    """Whether `other` is in the list `first` begins: no colon or semicolon between them."""
    return not any(t.text in LIST_OPENERS for t in first.doc[first.i : other.i])


def persons_of(token: Token, index: EntityIndex) -> Participants:
    """Persons a noun phrase names."""
    return entities_of(token, index, ("person",))


def subjects_of(
    trigger: Token, index: EntityIndex, controllers: Collection[str] = ()
) -> Participants:
    """Persons doing the trigger: its subject, or the subject of the clause it hangs from; for a
    clause one of `controllers` governs, that verb's object ('invited X to visit Tokyo': X); for
    an infinitive on a predicate noun, the copula's subject ('X is the first leader to meet Y')."""
    token: Token | None = trigger
    while token is not None:
        subjects = [c for c in token.children if c.dep_ in SUBJECTS]
        if token.dep_ == "relcl" and any(s.lower_ in RELATIVES for s in subjects):
            # "X, who flew home after a trip to Lima", "A and B were among the
            # leaders who met in Lima", "X, a Republican who chairs the committee"
            subjects = _counted_among(token.head) or [token.head, *_named_by(token.head)]
        if subjects:
            subjects += _likewise(token)
            return [p for s in subjects for p in persons_of(s, index)]
        possessors = [c for c in token.children if c.dep_ == "poss"]
        if possessors and token.pos_ == "NOUN":
            return [p for s in possessors for p in persons_of(s, index)]
        infinitive = infinitive_clause(token)
        if infinitive and token.head.dep_ == "attr":  # "X is the first leader to meet Y"
            token = token.head.head
            continue
        if infinitive and token.head.dep_ in ("ROOT", "appos"):
            # "Carter to meet Moore" (a headline), "X, the first leader to meet Y"
            doer = token.head if token.head.dep_ == "ROOT" else token.head.head
            return persons_of(doer, index)
        if token.dep_ in ("ROOT", "relcl", "ccomp") or token.head.i == token.i:
            return []
        # "invited X to visit Tokyo", "sent X to meet Y" (a purpose clause, parsed as advcl)
        infinitive = token.dep_ == "xcomp" or (
            token.dep_ == "advcl"
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)
        )
        if infinitive and (controlled := _controlled(token.head, index, controllers)) is not None:
            return controlled
        token = token.head
    return []


def _named_by(noun: Token) -> list[Token]:
    """The name a noun stands in apposition to, which a clause on the noun describes as well:
    'X, a Republican from Ohio who chairs the committee' (X)."""
    return [noun.head] if noun.dep_ == "appos" else []


def _counted_among(noun: Token) -> list[Token]:
    """The subjects a copula counts among `noun`: 'A and B were among the leaders' (A)."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != "among" or prep.head.lemma_ != "be":
        return []
    return [c for c in prep.head.children if c.dep_ in SUBJECTS]


def _likewise(verb: Token) -> list[Token]:
    """The subjects of a clause of 'do' on `verb` that stands for it: 'as did Z', 'and so did Z',
    'and Z did too'."""
    return [
        subject
        for clause in verb.children
        if clause.dep_ in ("advcl", "conj") and clause.lemma_ == "do"
        if any(c.lower_ in LIKEWISE for c in clause.children)
        and not any(c.dep_ == "dobj" for c in clause.children)
        for subject in clause.children
        if subject.dep_ in SUBJECTS
    ]


def _controlled(
    verb: Token, index: EntityIndex, controllers: Collection[str]
) -> Participants | None:
    """Who does what an infinitive on `verb` says, if not the verb's subject: the object of one
    of `controllers` ('invited X to visit', 'called on X to'; no one if that object names no
    person), or a person the verb has for its object ('sent X to meet Y'); else None."""
    lemma = verb.lemma_.lower()
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    controlled = objects if lemma in controllers else []
    for prep in verb.children:
        if prep.dep_ == "prep" and f"{lemma} {prep.lower_}" in controllers:
            controlled += [c for c in prep.children if c.dep_ == "pobj"]
    if controlled:
        return [p for o in controlled for p in persons_of(o, index)]
    persons = [p for o in objects for p in persons_of(o, index)]
    return persons or None


PAIR_REACH = 2
"""How many sentences back 'the two men' may look for the two it names: past one that names no
one ('A and B met. The two leaders discussed trade. Both then met C')."""


def pair_reference(trigger: Token, index: EntityIndex, spec: dict) -> Participants:
    """'The pair met', 'the two men held talks', 'both met X', 'they met' (one of `pair_words`):
    the two persons its own sentence names before it, if it names any and exactly two ('A and B
    signed a deal when they met'); else those the last sentence naming anyone names, if it names
    exactly two (within `PAIR_REACH` sentences). A number of `group_sizes` counts its own ('the
    three leaders met': three)."""
    clause = trigger  # "the two are due to meet", "are expected to meet": the subject above
    while (subject := next((c for c in clause.children if c.dep_ in SUBJECTS), None)) is None:
        if clause.dep_ not in ("xcomp", "acomp") or clause.head.i == clause.i:
            return []
        clause = clause.head
    return _named_group(subject, index, spec, spec["pair_words"], [])


def object_pair(
    trigger: Token, index: EntityIndex, spec: dict, doers: Participants
) -> Participants:
    """'X met both men', 'X met the two candidates': the persons a pair word or a number as the
    trigger's object names, as `pair_reference` finds them, none of them its `doers` (not 'they'
    or 'them', which may be anyone)."""
    words = [w for w in spec["pair_words"] if w != "they"]
    objects = [  # definite: not "met two ministers", who are new to the text
        c
        for c in trigger.children
        if c.dep_ == "dobj" and any(t.lower_ in ("the", "both") for t in (c, *c.children))
    ]
    return next(
        (found for o in objects if (found := _named_group(o, index, spec, words, doers))), []
    )


def _named_group(
    word: Token, index: EntityIndex, spec: dict, words: list[str], doers: Participants
) -> Participants:
    """The persons a pair word or a counted noun at `word` names (see `pair_reference`), none of
    them one of `doers`."""
    sizes: dict[str, int] = spec["group_sizes"]
    # "the three leaders met", or the number alone: "the three met", "the trio met"
    counted = [sizes[c.lower_] for c in [word, *word.children] if c.lower_ in sizes]
    if word.lemma_.lower() not in words and not counted:
        return []
    size = counted[0] if counted else 2
    sentence = word.sent

    def named(span: Span, before: int) -> Participants:
        found: Participants = []
        for t in index.mention_tokens(span):  # the names, in order: not every token
            e = index.at(t) if t.i < before else None
            if e is not None and e.type == "person" and all(e is not p for p, _ in found):
                found.append((e, t))
        return found

    def others(found: Participants) -> Participants:
        return [(e, t) for e, t in found if all(e is not d for d, _ in doers)]

    here = others(named(sentence, word.i))
    if here:
        return here if len(here) == size else []
    doc = word.doc
    for _ in range(PAIR_REACH):
        if sentence.start == 0:
            return []
        sentence = doc[sentence.start - 1].sent
        before = named(sentence, sentence.end)  # the last sentence naming anyone
        if before:
            return others(before) if len(others(before)) == size else []
    return []


def objects_with(token: Token, index: EntityIndex, preps: tuple[str, ...]) -> Participants:
    """Persons introduced by one of `preps` under `token` ('met with X', 'joined by X'), also
    by the preposition written again for the next person ('with X and with Y'; the parser may
    hang the second on the verb: 'greeted by X, and by Y')."""
    first = [
        c for c in token.children if c.dep_ in ("prep", "agent", "dative") and c.lower_ in preps
    ]
    again = [
        c
        for head in (token, *first)
        for c in head.children
        if c.dep_ == "conj" and c.pos_ == "ADP" and c.lower_ in preps
    ]
    return [
        p
        for prep in first + again
        for pobj in prep.children
        if pobj.dep_ == "pobj"
        for p in persons_of(pobj, index)
    ]


def phrasal(verb: Token) -> str:
    """The verb's lemma with its particle, if it has one: 'step down', 'rule out'."""
    particle = next((c.lower_ for c in verb.children if c.dep_ == "prt"), None)
    if particle is None:  # the small parser often takes 'down' for an adverb
        particle = next((c.lower_ for c in verb.children if c.dep_ == "advmod"), None)
    word = verb.lemma_.lower()
    return f"{word} {particle}" if particle else word


def forms(known: Collection[str]) -> set[str]:
    """Every word `lemma` takes to one of `known`: the words, and the inflections it restores
    ('staged', 'stages', 'staging' for 'stage')."""
    found = set(known)
    for word in known:
        found.update((word + "d", word + "ed", word + "s"))
        if word.endswith("e"):
            found.add(word[:-1] + "ing")
    return found


def lemma_positions(doc: Doc, known: Collection[str]) -> list[int]:
    """Where `lemma(token, known)` may be one of `known` (the token's lemma is, or its word is one
    of `forms(known)`): a superset read from the Doc's arrays, for a stage to test only those."""
    return sorted({*positions_of(doc, known, LEMMA), *positions_of(doc, forms(known), LOWER)})


def lemma(token: Token, known: Collection[str]) -> str:
    """The token's lemma, or the word in `known` it inflects when the lemmatizer got it wrong
    ('staged' -> 'stag' for 'stage', 're-elected' -> 're-electe' for 're-elect')."""
    found = token.lemma_.lower()
    if found in known:
        return found
    word = token.lower_
    for suffix, restore in (("d", ""), ("ed", ""), ("ing", "e"), ("s", "")):
        if word.endswith(suffix) and (stem := word[: -len(suffix)] + restore) in known:
            return stem
    return found


@dataclass(frozen=True)
class Trigger:
    """A meeting trigger's participants; `together` means everyone named was at one event."""

    subjects: Participants
    objects: Participants
    confidence: float
    together: bool = False
    event: Token | None = None
    """Another word whose clause may carry the date and place: the gathering noun of 'attended
    Monday's meeting', the verb 'during a dinner' hangs from."""
    status: Status | None = None
    """The factuality when it is not the trigger word's own ('agreed to give X ... during a
    meal': the meal took place)."""
    joins: bool = False
    """'X was also joined by A and B': A and B joined the company X was already in."""

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
