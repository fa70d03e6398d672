"""Affiliations a phrase or a verb states rather than a title: 'Orit Strock of the far-right
Religious Zionism party', 'David Page, of Investec Securities', 'one of the Guildford Four',
'Harold Wilson's Labour Party' and 'X, whose Y party' (he leads it), 'the SNP's Nicola
Sturgeon', 'Lib Dem Kate Farrow', 'X, a Tory rebel', 'Ms Orme's union, the Transport Workers
Federation', 'members of the Green Party, including X', 'X, a Tory', 'Republicans including X'
(members); verbs state them in `verb_relations`."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.attrs import LOWER
from spacy.tokens import Span, Token

from kg.extract.entities import ORG_TYPES, EntityIndex, Resolved
from kg.extract.participants import (
    RELATIVES,
    entities_of,
    first_conjunct,
    persons_of,
    same_list,
)
from kg.extract.posts import SUBJECTS, Role, entity_at
from kg.extract.rules import Rules
from kg.extract.text import cached, examples_of, positions_of, tokens_at
from kg.extract.verb_relations import verb_classes
from kg.types import Status

Tie = tuple[Role, Resolved, Resolved, Status]
"""An affiliation a phrase states: the role, the person, the organisation and whether it holds
now or held once ('a former Labour member')."""


def affiliation_phrases(sentence: Span, index: EntityIndex, rules: Rules) -> Iterator[Tie]:
    """Affiliations stated by a phrase, not a title.

    'Orit Strock of the far-right Religious Zionism party', 'X, a member of Y', 'X is a member of
    Y' and, after a comma,
    'David Page, of Investec Securities' / 'Jim Parton, from Families Need Fathers': member of;
    'Harold Wilson's Labour Party': leads; 'Lib Dem Kate Farrow', 'Labour backbencher X', 'X, a
    Labour rebel': member of.
    """
    prepositions = rules.posts["membership_prepositions"]
    yield from _set_off_phrases(sentence, index, rules)
    yield from _one_of(sentence, index)
    yield from _party_before_name(sentence, index, rules)
    yield from _possessed_body(sentence, index, rules)
    yield from _members_named(sentence, index, rules)
    yield from _party_as_members(sentence, index, rules)
    yield from _member_nouns(sentence, index, rules)
    yield from _led_under(sentence, index, rules)
    yield from _name_led(sentence, index, rules)
    firsts: dict[int, Token] = {}
    for token in index.mention_tokens(sentence):
        person = entity_at(token, index, ("person",))
        if person is None:
            continue
        if token.dep_ == "poss" and (party := entity_at(token.head, index, ("party",))):
            yield "leads", person, party, "asserted"
        for clause in (c for c in token.children if c.dep_ == "relcl"):  # "X, whose party ..."
            for whose in (t for t in clause.subtree if t.lower_ == "whose" and t.dep_ == "poss"):
                named = [whose.head, *(c for c in whose.head.children if c.dep_ == "compound")]
                if party := next(
                    (e for t in named if (e := entity_at(t, index, ("party",)))), None
                ):
                    # "whose Reform party": 'Reform' names it
                    yield "leads", person, party, "asserted"
        # "the SNP's A and B": B's party too, unless B's own is named
        first = token if _own_party(token, index) else first_conjunct(token, firsts)
        for poss in first.children:  # "the SNP's Nicola Sturgeon"
            if poss.dep_ == "poss" and (party := entity_at(poss, index, ("party",))):
                yield "member_of", person, party, "asserted"
        for prep in token.children:  # "X of the Y party", "X, of Y,"
            if prep.dep_ != "prep" or prep.lower_ not in prepositions:
                continue
            after_comma = prep.i > 0 and prep.doc[prep.i - 1].text == ","
            if prep.lower_ != "of" and not after_comma:
                continue
            types = ORG_TYPES if after_comma else ("party",)
            org = _first_body(prep, index, types)
            if org is not None:
                yield "member_of", person, org, "asserted"


def _set_off_phrases(sentence: Span, index: EntityIndex, rules: Rules) -> Iterator[Tie]:
    """A phrase set off by commas that says whom the speaker is with, attached to the verb:
    'For the Conservatives, Tim Collins said', 'John Ison, from the group Fathers 4 Justice, said'.
    """
    doc = sentence.doc
    prepositions = rules.posts["membership_prepositions"]
    found = cached(doc, "set_off_phrases", lambda: positions_of(doc, prepositions, LOWER))
    for prep in tokens_at(sentence, found):
        if prep.dep_ != "prep" or prep.lower_ not in prepositions:
            continue
        verb = prep.head
        if verb.pos_ not in ("VERB", "AUX"):
            continue
        phrase = list(prep.subtree)
        after = phrase[-1].i + 1
        opened = prep.i == sentence.start or doc[prep.i - 1].text == ","
        if not opened or after >= sentence.end or doc[after].text != ",":
            continue
        subjects = [c for c in verb.children if c.dep_ in SUBJECTS]
        person = next((e for s in subjects if (e := entity_at(s, index, ("person",)))), None)
        if person is None:
            continue
        _, end = index.spans[subjects[0].i]
        next_to = prep.i == sentence.start or end + 1 == prep.i  # "For Y, ... X" or "X, from Y,"
        org = next((e for t in phrase if (e := entity_at(t, index, ORG_TYPES))), None)
        if next_to and org is not None:
            yield "member_of", person, org, "asserted"


def _one_of(sentence: Span, index: EntityIndex) -> Iterator[Tie]:
    """'one of the Guildford Four, Gerry Conlon' and 'Gerry Conlon, one of the Guildford Four'."""
    doc = sentence.doc
    fillers = {"the", "so", "-", "called", "so-called", "founding", "original"}
    for token in index.mention_tokens(sentence):
        org = entity_at(token, index, ORG_TYPES)
        span = index.spans.get(token.i)
        if org is None or span is None or token.i != span[0]:
            continue
        i = span[0] - 1
        while i > sentence.start and doc[i].lower_ in fillers:
            i -= 1
        if i <= sentence.start or doc[i].lower_ != "of" or doc[i - 1].lower_ != "one":
            continue
        named = []
        if span[1] + 1 < sentence.end and doc[span[1]].text == ",":
            named.append(doc[span[1] + 1])  # "one of the Y, X"
        if i - 3 >= sentence.start and doc[i - 2].text == ",":
            named.append(doc[i - 3])  # "X, one of the Y"
        for person in (e for t in named if (e := entity_at(t, index, ("person",)))):
            yield "member_of", person, org, "asserted"


def _possessed_body(sentence: Span, index: EntityIndex, rules: Rules) -> Iterator[Tie]:
    """A person's party, union or group that an apposition names: 'Ms Orme's party, the
    Northfield Alliance' (a member of it)."""
    nouns = rules.posts["membership_nouns"]
    doc = sentence.doc
    bodies = cached(doc, "possessed_body", lambda: positions_of(doc, nouns, LOWER))
    possessors = [c.i for noun in tokens_at(sentence, bodies) for c in noun.children]
    for token in tokens_at(sentence, sorted(possessors)):  # in text order, as a pass would
        if token.dep_ != "poss" or token.head.lower_ not in nouns:
            continue
        person = entity_at(token, index, ("person",))
        if person is None:
            continue
        for appos in token.head.children:
            if appos.dep_ == "appos" and (org := entity_at(appos, index, ORG_TYPES)):
                yield "member_of", person, org, "asserted"


def _member_nouns(sentence: Span, index: EntityIndex, rules: Rules) -> Iterator[Tie]:
    """A word for a member of a body, with the body it is of, said of names: 'X, a member of Y',
    'X is a veteran of the Y party', 'A and B, who are both members of Y', 'X, a senior figure
    in the Y party'. A member is of any organisation, a party's member nouns only of a party."""
    party_nouns = rules.posts["party_member_nouns"]
    singular = {"member", *party_nouns}
    nouns = singular | {f"{word}s" for word in singular}
    prepositions = {*rules.posts["membership_prepositions"], "in"}
    doc = sentence.doc
    found = cached(doc, "member_nouns", lambda: positions_of(doc, nouns, LOWER))
    for noun in tokens_at(sentence, found):
        types = ORG_TYPES if noun.lower_ in ("member", "members") else ("party",)
        preps = [p for p in noun.children if p.dep_ == "prep" and p.lower_ in prepositions]
        orgs = [org for prep in preps if (org := _first_body(prep, index, types))]
        orgs += [  # "one of the Y Party's senior figures"
            org for c in noun.children if c.dep_ == "poss" and (org := entity_at(c, index, types))
        ]
        if not orgs:
            continue
        # "a member of the Standing Committee of the Y Party's Central Committee": of the party too
        parties = [p for prep in preps for p in _parties_above(prep, index) if p is not orgs[0]]
        persons = [e for t in described_by(noun, rules) if (e := entity_at(t, index, ("person",)))]
        past = any(c.lower_ in rules.posts["past_modifiers"] for c in noun.lefts)  # "a former"
        for person in dict.fromkeys(persons):
            for org in dict.fromkeys([orgs[0], *parties]):
                yield "member_of", person, org, "past" if past else "asserted"


def _parties_above(prep: Token, index: EntityIndex) -> list[Resolved]:
    """The parties a chain of bodies after `prep` belongs to, through 'of', compounds and
    possessives only ('of the Standing Committee of the Political Bureau of the Y Party Central
    Committee': the Y Party; not 'of the committee investigating the Y Party')."""
    found: list[Resolved] = []
    stack = [c for c in prep.children if c.dep_ == "pobj"]
    while stack:
        token = stack.pop()
        if (party := entity_at(token, index, ("party",))) is not None:
            found.append(party)
        for child in token.children:
            if child.dep_ in ("compound", "poss", "pobj") or (
                child.dep_ == "prep" and child.lower_ == "of"
            ):
                stack.append(child)
    return found


def _led_under(sentence: Span, index: EntityIndex, rules: Rules) -> Iterator[Tie]:
    """A party or another organisation that acts under a person, who leads it: 'Under X, the Y
    party won', 'the Y union, under X, won', 'under the leadership of X' and 'under X's
    leadership'; not 'under pressure from X', nor a place ('Under X, Norway's economy grew')."""
    doc = sentence.doc
    prepositions = rules.posts["leading_prepositions"]
    found = cached(doc, "led_under", lambda: positions_of(doc, prepositions, LOWER))
    offices = verb_classes()["leadership_nouns"]
    for prep in tokens_at(sentence, found):
        if prep.dep_ != "prep":
            continue
        named = []
        for noun in (c for c in prep.children if c.dep_ == "pobj"):
            if noun.lower_ not in offices:
                named.append(noun)
                continue
            named += [c for c in noun.children if c.dep_ == "poss"]  # "under X's leadership"
            for of in (c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"):
                named += [c for c in of.children if c.dep_ == "pobj"]  # "the leadership of X"
        leaders = [person for t in named for person, _ in persons_of(t, index)]
        head = prep.head  # the verb the party is the subject of, or the party itself
        while head.pos_ == "ADP" and head.head.i != head.i:
            head = head.head  # "was in government from 1990 to 1998 under X"
        if head.pos_ not in ("VERB", "AUX"):
            bodies = [head]
        elif not (bodies := [c for c in head.children if c.dep_ in SUBJECTS]):
            # the small parser reads "Under X, the Y party won" as Y in apposition to X
            bodies = [c for t in prep.subtree for c in t.children if c.dep_ == "appos"]
        for body in (e for t in bodies if (e := entity_at(t, index, ORG_TYPES))):
            for person in dict.fromkeys(leaders):
                yield "leads", person, body, "asserted"


def _name_led(sentence: Span, index: EntityIndex, rules: Rules) -> Iterator[Tie]:
    """A body a person's surname before '-led' leads: 'the Moss-led Reform Party' (the one
    person of the article with that surname, or the name the tagger found there)."""
    words = rules.posts["led_participles"]
    doc = sentence.doc
    found = cached(doc, "name_led", lambda: positions_of(doc, words, LOWER))
    for led in tokens_at(sentence, found):
        if led.i < sentence.start + 2 or doc[led.i - 1].text != "-":
            continue
        org = entity_at(led.head, index, ORG_TYPES)
        name = doc[led.i - 2]
        person = entity_at(name, index, ("person",))
        if person is None and name.is_title:
            bearers = [p for p in index.persons().values() if p.name.split()[-1] == name.text]
            person = bearers[0] if len(bearers) == 1 else None
        if org is not None and person is not None:
            yield "leads", person, org, "asserted"


def _first_body(prep: Token, index: EntityIndex, types: tuple[str, ...]) -> Resolved | None:
    """The first organisation a preposition's phrase names, not counting a conjunct the parser
    hangs in it: 'Gov. X of Idaho and Democratic Gov. Y' (Y's party is not X's)."""
    phrase = [prep]
    for token in phrase:
        phrase += [c for c in token.children if c.dep_ not in ("conj", "cc")]
    return next((e for t in sorted(phrase) if (e := entity_at(t, index, types))), None)


def _members_named(sentence: Span, index: EntityIndex, rules: Rules) -> Iterator[Tie]:
    """Members of one organisation, named as examples or in apposition: 'Members of the Green
    Party, including X and Y', 'members of the union, X and Y', 'lawmakers from the ruling
    party, including X' (each a member of it)."""
    nouns = {f"{word}s" for word in rules.posts["member_heads"]}
    doc = sentence.doc
    found = cached(doc, "members_named", lambda: positions_of(doc, nouns, LOWER))
    for token in tokens_at(sentence, found):
        if token.lower_ not in nouns:
            continue
        orgs = [
            e
            for prep in token.children
            if prep.dep_ == "prep" and prep.lower_ in ("of", "from")  # "lawmakers from X"
            for body in prep.children
            if body.dep_ == "pobj" and (e := entity_at(body, index, ORG_TYPES))
        ]
        if len(orgs) == 1:
            for person, _ in persons_of(token, index):
                yield "member_of", person, orgs[0], "asserted"


def _party_as_members(sentence: Span, index: EntityIndex, rules: Rules) -> Iterator[Tie]:
    """A party's name used for its members: in apposition to a name ('X, a Conservative, said',
    'X, a Liberal Democrat') or with names as examples ('Republicans including X and Y', 'Tories
    such as X'); its member nouns ('X, a Democrat') are `party_mentions`'s."""
    words = rules.party_mentions["words"]
    for token in index.mention_tokens(sentence):
        party = entity_at(token, index, ("party",))
        span = index.spans.get(token.i)
        last = span is not None and span[1] == token.i + 1  # the name's head word
        if party is None or not last or (token.text in words and span == (token.i, token.i + 1)):
            continue
        persons = [e for t in examples_of(token) for e, _ in entities_of(t, index, ("person",))]
        # "X, a Tory": the name's own, not its conjuncts'; "X and Y are Tories": both; not
        # "X, the Y Party": the body, not a member (but "X (Y Party)" tags X with it)
        body = token.lower_ in rules.posts["membership_nouns"]
        if not (body and any(c.dep_ == "det" for c in token.children)):
            persons += [
                e for t in described_by(token, rules) if (e := entity_at(t, index, ("person",)))
            ]
        for person in dict.fromkeys(persons):
            yield "member_of", person, party, "asserted"


def _own_party(name: Token, index: EntityIndex) -> bool:
    """Whether a party is named in the words the name's own phrase has before it: 'Tory Ann
    Widd'."""
    return any(entity_at(t, index, ("party",)) for t in name.doc[name.left_edge.i : name.i])


ALL_OF_WHOM = ("both", "all", "each")
"""Quantifiers that say a description is each name's: 'A and B, both Tories', 'all of whom'."""


def described_by(noun: Token, rules: Rules) -> list[Token]:
    """The names a noun describes: the names in apposition to it ('The Tory rebel, X, said'), the
    one it is in apposition to ('X, a Tory rebel'; 'A and B, both Tories' and 'A and B, Tory
    rebels': both; 'X, the minister and a member of Y', 'X is a lawyer and a member of Y': joined
    to another description; 'X, one of the Y party's figures': through 'one') or the subjects of
    the copula it completes ('X is a Tory rebel', 'X and Y are Tories', 'Among the Tory rebels
    were X and Y', 'X, who is a Tory rebel'; not 'X is not a Tory')."""
    each = noun.tag_ in ("NNS", "NNPS") or any(c.lower_ in ALL_OF_WHOM for c in noun.children)
    appositions = [c for c in noun.children if c.dep_ == "appos"]  # "The Tory rebel, X, said"
    if appositions:  # each of a list, up to the next list a colon opens
        listed = [t for n in appositions for t in (n, *n.conjuncts) if same_list(n, t)]
        return listed if each else appositions
    if noun.dep_ == "appos":  # "A and B, both Tories", "A and B, members of Y": each
        return [noun.head, *noun.head.conjuncts] if each else [noun.head]
    first = noun
    while first.dep_ == "conj":
        first = first.head
    if first is not noun and first.dep_ in ("appos", "attr") and first.pos_ == "NOUN":
        return described_by(first, rules)  # "X, the minister and a member of Y", "X is a ..."
    verb = noun.head
    if noun.dep_ == "pobj" and verb.lower_ == "of" and verb.head.lower_ == "one":
        return described_by(verb.head, rules)  # "X is one of the party's senior figures"
    among = noun.dep_ == "pobj" and verb.lower_ == "among" and verb.dep_ == "prep"
    if among:  # "Among the Labour rebels were A and B", "X is among the Tory rebels"
        verb = verb.head
    elif noun.dep_ != "attr":
        return []
    if verb.lemma_ not in rules.posts["role_verbs"]["attr"]:
        return []
    if any(c.dep_ == "neg" for c in verb.children):
        return []
    subjects = [c for c in verb.children if c.dep_ in SUBJECTS]
    if verb.dep_ == "relcl" and any(_relative(s) for s in subjects):
        named = verb.head  # "X, who is a Tory", "A and B, who are both Tories": each
        if not each:
            return [named]
        # "A, B and C, all of whom are Tories": the small parser hangs B in apposition to A
        listed = [c for c in named.children if c.dep_ == "appos"]
        return [t for n in (named, *listed) for t in (n, *n.conjuncts)]
    return [t for s in subjects for t in (s, *s.conjuncts)]


def _relative(subject: Token) -> bool:
    """Whether a clause's subject is its relative pronoun: 'who', or 'all of whom', whose
    quantifier makes the clause about each name it describes."""
    if subject.lower_ in RELATIVES:
        return True
    return subject.lower_ in ALL_OF_WHOM and any(
        c.lower_ == "whom" for of in subject.children if of.lower_ == "of" for c in of.children
    )


def _party_before_name(sentence: Span, index: EntityIndex, rules: Rules) -> Iterator[Tie]:
    """A party named right before a name, or before a word for a party's member that is no post:
    'Lib Dem Kate Farrow', 'Labour backbencher X', 'X, a Labour rebel', and in the plural
    'Labour backbenchers including X and Y', 'Tory rebels X and Y'."""
    nouns = rules.posts["party_member_nouns"]
    honorifics = rules.words("posts", "title_words_before_name")
    doc = sentence.doc
    for token in index.mention_tokens(sentence):
        party = entity_at(token, index, ("party",))
        span = index.spans.get(token.i)
        if party is None or span is None or token.i != span[1] - 1 or span[1] >= sentence.end:
            continue
        after = doc[span[1]]
        word = after.lower_
        # "Labour backbenchers including X", "Tory MPs such as X": a title in the plural too
        plural = word.endswith("s") and (word[:-1] in nouns or word[:-1] in rules.posts["heads"])
        if word in nouns or plural:  # "Labour backbencher X" or "X, a Labour rebel"
            name = after.i + 1
            if plural and name < sentence.end and doc[name].text in ("(", ":"):
                name += 1  # "two Labour MPs (X and Y)", "two Labour MPs: X and Y"
            while name < sentence.end and doc[name].text in honorifics:
                name += 1  # "Tory grandee Lord X", "Labour backbencher Sir X"
            named = [doc[name]] if name < sentence.end else []
            named += described_by(after, rules)  # "X, a Labour rebel", "X is a Labour rebel"
        else:
            named = [after]  # "Lib Dem Kate Farrow"
            if token.lower_.endswith("s") and after.i in index.spans:  # "Democrats A and B"
                root = doc[index.spans[after.i][1] - 1]
                named += [c for c in root.conjuncts if not _own_party(c, index)]
        persons = [e for t in named if (e := entity_at(t, index, ("person",)))]
        if plural:  # "Tory rebels X and Y", "Labour backbenchers including X and Y": each
            roots = [doc[index.spans[t.i][1] - 1] for t in named if t.i in index.spans]
            for t in [*roots, after]:
                persons += [
                    e
                    for e, word in entities_of(t, index, ("person",))
                    if not roots or same_list(roots[0], word)  # not the next list's
                ]
        # "a former Labour member", "an ex-Tory rebel": a member once
        before = doc[max(sentence.start, span[0] - 2) : span[0]]
        past = any(t.lower_ in rules.posts["past_modifiers"] for t in before)
        for person in dict.fromkeys(persons):
            yield "member_of", person, party, "past" if past else "asserted"
