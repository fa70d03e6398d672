"""People the text puts at one gathering met there.

Being present at the same named event counts as meeting (a summit, the talks, a launch, a
hearing, a dinner). The text says so in two ways:

- in one clause: 'A and B took part in the talks', 'A and B were at the launch', 'A and B sat
  in the hearing', 'the summit, attended by A and B', 'A attended the ceremony along with B' (a
  verb of presence with a gathering, its subjects, its agents in the passive, and the persons
  one of `met.with_prepositions` gives it, together; speaking at a conference is not presence
  with everyone else who spoke there), and the guests of a meal or reception given for them
  ('X hosted a dinner for A and B': A and B too);
- across sentences: 'Biden and Xi met on Wednesday ... Blinken and Yellen also took part in the
  talks': a definite gathering ('the talks', 'the summit'; not 'the opening session', which
  `met.presence.part_modifiers` pick out of a series) that a verb of presence puts someone at
  is the gathering of the last meeting or attendance the few sentences before state, so its
  newcomers met everyone there.

The verbs of presence, the way each reaches its gathering and the gathering nouns are data
(`rules/triggers.json`: `met.presence`, `met.gatherings`).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from spacy.attrs import LEMMA
from spacy.tokens import Span, Token

from kg.extract.entities import EntityIndex, Resolved
from kg.extract.factuality import status_of
from kg.extract.participants import objects_with, subjects_of
from kg.extract.relations import Found, companions
from kg.extract.rules import Rules
from kg.extract.text import cached, positions_of, tokens_at
from kg.types import Status


@dataclass(frozen=True)
class Presence:
    """Persons a clause puts at a gathering."""

    persons: tuple[Resolved, ...]
    gathering: Token
    sentence: Span
    status: Status

    def definite(self, parts: list[str]) -> bool:
        """'the talks', 'Monday's summit': a gathering the text has already given; not one that
        one of `parts` picks out of a series ('the opening session', 'the second meeting')."""
        words = ("the", "that", "this")
        children = list(self.gathering.children)
        if any(c.lower_ in parts for c in children):
            return False
        return any(c.dep_ == "poss" or c.lower_ in words for c in children)


def _gatherings(verb: Token, spec: dict) -> list[Token]:
    """The gathering nouns a verb of presence reaches: 'attended the summit' (dobj), 'took part in
    the talks', 'was present at the launch' (a preposition on the verb or on its 'part' or
    'present')."""
    verbs = spec["presence"]["verbs"]
    lemma = verb.lemma_.lower()
    if not any(key.split()[0] == lemma for key in verbs):
        return []  # most verbs: none of presence
    found: list[Token] = []
    for holder in [verb, *verb.children]:
        key = lemma if holder is verb else f"{lemma} {holder.lower_}"  # "take part"
        links = verbs.get(key, [])
        if holder is verb and "dobj" in links:
            objects = [c for c in verb.children if c.dep_ == "dobj"]
            # "the meeting, which Y attended": the gathering the clause is on
            found += [verb.head if _relative(o, verb) else o for o in objects]
        for prep in [*holder.children, *(verb.children if holder is not verb else ())]:
            if prep.dep_ == "prep" and prep.lower_ in links:
                found += [c for c in prep.children if c.dep_ == "pobj"]
    gatherings = spec["gatherings"]
    return [n for n in dict.fromkeys(found) if n.lower_ in gatherings or n.lemma_ in gatherings]


def _attended(verb: Token, spec: dict) -> list[Token]:
    """The gathering a passive verb of presence is said of: 'the summit, attended by A and B',
    'the launch was attended by A and B'."""
    if "dobj" not in spec["presence"]["verbs"].get(verb.lemma_.lower(), []):
        return []
    said_of = [c for c in verb.children if c.dep_ == "nsubjpass"]
    said_of += [verb.head] if verb.dep_ == "acl" else []
    if not said_of and verb.dep_ == "conj":  # "was chaired by X and attended by Y"
        said_of = [c for c in verb.head.children if c.dep_ == "nsubjpass"]
    # "a meeting of the cabinet attended by A": the parser hangs it on the gathering's complement
    said_of = [_of_head(n) for n in said_of]
    gatherings = spec["gatherings"]
    return [n for n in said_of if n.lower_ in gatherings or n.lemma_ in gatherings]


def _relative(word: Token, verb: Token) -> bool:
    """Whether `word` is the relative pronoun of the clause `verb` heads: 'which', 'that'."""
    return verb.dep_ == "relcl" and word.lower_ in ("which", "that")


def _of_head(noun: Token) -> Token:
    """The noun `noun` is the 'of' complement of ('meeting' for 'cabinet' in 'a meeting of the
    cabinet'), else `noun`."""
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.pos_ == "NOUN":
        return noun.head.head
    return noun


def presences(sentence: Span, index: EntityIndex, rules: Rules) -> Iterator[Presence]:
    """Each clause of `sentence` that puts persons at a gathering."""
    if not index.names_a_person(sentence):
        return  # no one to put anywhere
    spec = rules.triggers["met"]
    # A verb no presence key starts with ("attend", "take part") reaches no gathering: most verbs.
    starts = {
        " ".join(words[:n])
        for key in spec["presence"]["verbs"]
        for words in [key.split(" ")]
        for n in range(1, len(words) + 1)
    }
    beside = tuple(spec["with_prepositions"])
    found: dict[int, Presence] = {}  # by gathering: 'X chaired a meeting attended by Y'
    doc = sentence.doc
    verbs = cached(doc, "presences", lambda: positions_of(doc, starts, LEMMA))
    for verb in tokens_at(sentence, verbs):
        if verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() not in starts:
            continue
        attended = _attended(verb, spec)
        for gathering in _gatherings(verb, spec) or attended:
            present = objects_with(verb, index, ("by",)) if attended else subjects_of(verb, index)
            # "alongside X", "along with X", "X, together with Y, attended"
            present += objects_with(verb, index, beside) + companions(verb, index, spec)
            if gathering.lower_ in spec["presence"]["honoured_gatherings"]:
                present += objects_with(gathering, index, ("for",))  # "a dinner for A and B"
            persons = tuple(dict.fromkeys(p for p, _ in present if p.type == "person"))
            if not persons:
                continue
            there = found.get(gathering.i)
            if there is None:
                found[gathering.i] = Presence(persons, gathering, sentence, status_of(verb, rules))
            else:
                joined = tuple(dict.fromkeys((*there.persons, *persons)))
                found[gathering.i] = Presence(joined, there.gathering, sentence, there.status)
    yield from found.values()


def _found(a: Resolved, b: Resolved, where: Presence, confidence: float, earlier: Found | None):
    return Found(
        "met",
        a,
        b,
        where.sentence,
        confidence,
        where.status,
        earlier.date if earlier else None,
        earlier.place if earlier else None,
    )


def copresent(
    body: list[Span], found: Iterable[Found], index: EntityIndex, rules: Rules
) -> Iterator[Found]:
    """The meetings presence at one gathering states (see the module docstring)."""
    spec = rules.triggers["met"]["presence"]
    confidence, reach = spec["confidence"], spec["sentences_back"]
    position = {sentence.start: k for k, sentence in enumerate(body)}
    meetings = [f for f in found if f.predicate == "met" and f.status == "asserted"]
    # (sentence no., who, meeting); who in the order the text names them, not in the order of
    # their ids in a set, so that the facts come out in the same order on every run
    company: list[tuple[int, dict[Resolved, None], Found | None]] = []
    for f in meetings:
        company.append(
            (position.get(f.sentence.start, -1), dict.fromkeys((f.subject, f.object)), f)
        )
    for k, sentence in enumerate(body):
        for presence in presences(sentence, index, rules):
            persons = presence.persons
            for i, a in enumerate(persons):  # "A and B took part in the talks"
                for b in persons[i + 1 :]:
                    yield _found(a, b, presence, confidence, None)
            if presence.definite(spec["part_modifiers"]) and presence.status == "asserted":
                earlier = [c for c in company if k - reach <= c[0] < k]
                if earlier:
                    last = max(c[0] for c in earlier)
                    there = dict.fromkeys(p for c in earlier if c[0] == last for p in c[1])
                    meeting = next((c[2] for c in earlier if c[0] == last and c[2]), None)
                    for newcomer in persons:
                        for other in there:
                            if other is not newcomer:
                                yield _found(other, newcomer, presence, confidence, meeting)
            if presence.status == "asserted":
                company.append((k, dict.fromkeys(persons), None))
