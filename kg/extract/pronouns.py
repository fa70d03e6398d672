"""'He' and 'she' as subjects, 'him' and 'her' as objects, and 'his' / 'her' before an event noun
('his meeting with Bush', 'her visit to Paris'), resolved where the antecedent is unambiguous;
'I' and 'me' in a direct quotation, resolved to its speaker ('"I met him on Monday," Mr Brown
said').

A subject pronoun refers to the one person who is a grammatical subject earlier in the same
sentence (or speaks through one: 'a spokesman for X said she'), or, in a phrase set before its
clause, that clause's subject ('During her visit to India, Jane Hill met ...'), or, failing that, a
subject in the previous sentence, or, if no person is its subject, the person it names ('The tour is
X's second abroad. She met Y': X) (looking past a sentence that is all quotation, as in 'X said ...
"I hope so." He added ...', or about no one, 'X flew to Lima. It was his first visit. He met Y'),
outside quotation marks, unless that person's known gender (an honorific like "Mrs", or an earlier
pronoun) contradicts it, or, that gender unknown, someone named before it in the sentence is known
to be of the pronoun's ('X will hold talks with Ms Rice when she visits'). 'Him' and 'her' as an
object refer to the one person named before them outside their own clause ('X said that Y had met
him': X), or, failing that, the one person the previous sentence names ('X arrived on Sunday. Y
will meet him today'). Two candidates, or none, leave the pronoun unresolved. Pronouns inside
quotations are left alone: there "he" is whoever the speaker means.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.attrs import LOWER
from spacy.tokens import Doc, Span, Token

from kg.extract.entities import EntityIndex, Resolved
from kg.extract.quotes import Quote, quoted_stretches, stretch_at
from kg.extract.rules import Rules
from kg.extract.text import positions_of, tokens_at, tokens_of

SUBJECTS = {"nsubj", "nsubjpass"}
OBJECTS = {"dobj", "pobj", "dative"}
IMPERSONAL = {"it", "there"}
"""Subjects of a sentence about no one, which a pronoun after it looks past: 'X flew to Lima. It
was his first visit. He met Y'."""


class _Resolver:
    def __init__(self, body: Sequence[Span], index: EntityIndex, rules: Rules) -> None:
        self.index = index
        self.quotes = quoted_stretches(body[0].doc, rules) if body else []
        self.quote_starts = [marked.outer_start for marked in self.quotes]
        self.pronouns: dict[str, str] = rules.pronouns["pronouns"]
        self.possessives: dict[str, str] = rules.pronouns["possessives"]
        self.objects: dict[str, str] = rules.pronouns["objects"]
        self.representatives = set(rules.pronouns["representatives"])
        met, visited = rules.triggers["met"], rules.triggers["visited"]
        self.events = (
            set(met["nouns"])
            | set(visited["nouns"])
            | set(met["encounters"]["verbal"])
            | set(met["introductions"]["speeches"])
        )
        self.honorifics: dict[str, str] = rules.pronouns["honorific_gender"]
        self.genders: dict[int, str] = {}

    def quoted(self, token: Token) -> bool:
        return stretch_at(self.quotes, self.quote_starts, token.idx) is not None

    def impersonal(self, sentence: Span) -> bool:
        """Whether a sentence's subject is 'it' or 'there' and it names no one but through a
        pronoun: 'It was his first visit to Chile' (not 'The spokeswoman said', whoever she is)."""
        root = sentence.root
        if not any(c.dep_ in ("nsubj", "expl") and c.lower_ in IMPERSONAL for c in root.children):
            return False
        return not any(
            t.i not in self.index.indirect
            and (p := self.index.at(t)) is not None
            and p.type == "person"
            for t in self.index.mention_tokens(sentence)
        )

    def quotation(self, sentence: Span) -> bool:
        """Whether a sentence is all quotation ('"I very much hope ..."')."""
        words = [t for t in tokens_of(sentence) if not t.is_punct and not t.is_space]
        return bool(words) and all(self.quoted(t) for t in words)

    def gender(self, person: Resolved) -> str | None:
        known = {
            self.honorifics[a.split()[0]] for a in person.aliases if a.split()[0] in self.honorifics
        }
        return known.pop() if len(known) == 1 else self.genders.get(id(person))

    def rivalled(self, person: Resolved, wanted: str, sentence: Span, before: int) -> bool:
        """Whether someone else the sentence names before the pronoun is known to be of its
        gender while `person`'s is not known: 'X will hold talks with Ms Rice when she visits'."""
        if self.gender(person) is not None:
            return False
        for token in self.index.mention_tokens(sentence):  # the names, in order
            if token.i >= before:
                break
            other = self.index.at(token)
            if other is None or other.type != "person" or other is person:
                continue
            if self.gender(other) == wanted and token.i not in self.index.indirect:
                return True
        return False

    def subjects(self, sentence: Span, before: int | None = None) -> list[Resolved]:
        """Persons that are grammatical subjects (or passive agents) outside quotes."""
        found: list[Resolved] = []
        for token in self.index.mention_tokens(sentence):  # the names, in order
            if before is not None and token.i >= before:
                break
            head = token
            while head.dep_ in ("conj", "appos") and head.head.i != head.i:
                # "Blinken and Abbas met": Abbas is a subject too; so is Kishida in "The prime
                # minister, Fumio Kishida, visited Kyiv"
                head = head.head
            link = (
                head.dep_ in SUBJECTS
                or (head.dep_ == "pobj" and head.head.dep_ == "agent")
                or self.represented(head)
            )
            person = self.index.at(token)
            if (
                link
                and person is not None
                and person.type == "person"
                and not self.quoted(token)
                and all(person is not p for p in found)
            ):
                found.append(person)
        return found

    def represented(self, name: Token) -> bool:
        """Whether a name speaks through a subject that represents it: 'X's spokesman said',
        'a spokesman for X said'."""
        noun = name.head
        if name.dep_ == "pobj" and noun.lower_ == "for":
            noun = noun.head
        elif name.dep_ != "poss":
            return False
        return noun.dep_ in SUBJECTS and noun.lower_ in self.representatives

    def ahead(self, pronoun: Token) -> list[Resolved]:
        """The subject of the clause a phrase set before it holds the pronoun in: 'During her
        visit to India, Jane Hill met ...' (her: Jane Hill)."""
        phrase = pronoun
        while phrase.dep_ != "prep" and phrase.head.i != phrase.i:
            phrase = phrase.head
        verb = phrase.head
        subjects = [c for c in verb.children if c.dep_ in SUBJECTS and c.i > phrase.i]
        if phrase.dep_ != "prep" or verb.pos_ not in ("VERB", "AUX") or len(subjects) != 1:
            return []
        person = self.index.at(subjects[0])
        return [person] if person is not None and person.type == "person" else []

    def wanted(self, token: Token) -> str | None:
        """The gender a pronoun to resolve implies: a subject 'he', 'his' before an event, or an
        object 'him'."""
        if token.dep_ in SUBJECTS:
            return self.pronouns.get(token.lower_)
        if token.dep_ == "poss" and token.head.lower_ in self.events:
            return self.possessives.get(token.lower_)
        if token.dep_ in OBJECTS and token.tag_ == "PRP":
            return self.objects.get(token.lower_)
        return None

    @staticmethod
    def clause(pronoun: Token) -> range:
        """The positions of the clause of the verb an object pronoun is an object of: no one
        named in it is the pronoun ('Y met him': not Y, nor anyone in a clause on Y)."""
        verb = next((a for a in pronoun.ancestors if a.pos_ in ("VERB", "AUX")), pronoun)
        return range(verb.left_edge.i, verb.right_edge.i + 1)

    def named(
        self, sentence: Span, before: int | None = None, unless: range = range(0)
    ) -> list[Resolved]:
        """The persons a sentence names outside quotes (before `before`, and not at `unless`)."""
        found: list[Resolved] = []
        for token in self.index.mention_tokens(sentence):
            if before is not None and token.i >= before:
                break
            person = self.index.at(token)
            if token.i in unless or person is None or person.type != "person":
                continue
            if not self.quoted(token) and all(person is not p for p in found):
                found.append(person)
        return found

    def resolve(self, body: Sequence[Span]) -> None:
        if not body:
            return
        words = positions_of(body[0].doc, {*self.pronouns, *self.possessives, *self.objects}, LOWER)
        for position, sentence in enumerate(body):
            for token in tokens_at(sentence, words):
                wanted = self.wanted(token)
                if wanted is None or self.quoted(token):
                    continue
                objective = token.dep_ in OBJECTS
                bound = self.clause(token) if objective else range(0)
                if objective:  # "X said that Y had met him": X
                    candidates = self.named(sentence, before=token.i, unless=bound)
                else:
                    candidates = self.subjects(sentence, before=token.i) or self.ahead(token)
                back = position - 1
                while not candidates and back >= 0:
                    earlier = body[back]
                    candidates = (
                        self.named(earlier)
                        if objective
                        else self.subjects(earlier) or self.named(earlier)
                    )
                    passable = self.quotation(earlier) or self.impersonal(earlier)
                    if candidates or not passable or back < position - 2:
                        break
                    back -= 1  # a sentence between names nobody: look one further back
                mentions = self.index.mention_tokens(sentence) if objective else []
                in_clause = [self.index.at(t) for t in mentions if t.i in bound]
                fitting = [
                    c
                    for c in candidates
                    if self.gender(c) in (None, wanted) and all(c is not b for b in in_clause)
                ]
                if len(fitting) == 1 and self.rivalled(fitting[0], wanted, sentence, token.i):
                    continue
                if len(fitting) == 1:
                    person = fitting[0]
                    self.genders.setdefault(id(person), wanted)
                    self.index.add_mention(
                        self.index.key_of(person), token.i, token.i + 1, indirect=True
                    )


def resolve_pronouns(body: Sequence[Span], index: EntityIndex, rules: Rules) -> None:
    """Add the unambiguous pronouns of `body` to the index as mentions of their person."""
    _Resolver(body, index, rules).resolve(body)


def resolve_first_person(said: Sequence[Quote], doc: Doc, index: EntityIndex, rules: Rules) -> None:
    """Add 'I' and 'me' inside each direct quotation to the index as mentions of its speaker."""
    words = rules.words("pronouns", "first_person")
    for quote in said:
        if quote.words_at is None or quote.speaker.type != "person":
            continue
        span = doc.char_span(*quote.words_at, alignment_mode="contract")
        for token in span if span is not None else []:
            if token.lower_ in words and index.at(token) is None:
                index.add_mention(index.key_of(quote.speaker), token.i, token.i + 1, indirect=True)
