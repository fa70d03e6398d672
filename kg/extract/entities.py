"""In-article entity resolution: spaCy's entity mentions grouped into entities.

A surname or "Mr X" joins the full name it ends; a group of mentions takes the type most of them
have, and a person's full name outweighs stray place tags ("Blinken" is never a place when
"Antony Blinken" is in the text); title references ("the prime minister") are added later by
`posts.resolve_title_references` once the posts are known.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from spacy.attrs import LOWER
from spacy.tokens import Doc, Span, Token

from kg.extract.captions import Captions, person_name
from kg.extract.gazetteer import load_gazetteer
from kg.extract.known_places import (
    is_known_place,
    journeyed_to,
    names_a_seat,
    person_names,
    untagged_places,
)
from kg.extract.party_mentions import find_party_mentions
from kg.extract.pipeline import PARTY_ID_GENERIC
from kg.extract.rules import Rules
from kg.extract.text import (
    POSSESSIVE,
    capitalised,
    ents_of,
    hyphen_after,
    positions_of,
    tokens_at,
    tokens_of,
)
from kg.types import Entity, EntityType

LABEL_TYPES: dict[str, EntityType] = {
    "PERSON": "person",
    "ORG": "organization",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
}
ORG_TYPES = ("organization", "party")


@dataclass(eq=False)
class Resolved:
    """An entity being built: canonical name, type, the surface forms seen."""

    name: str
    type: EntityType
    aliases: set[str] = field(default_factory=set)

    def freeze(self) -> Entity:
        """The immutable Entity crossing the stage boundary."""
        return Entity(self.name, self.type, tuple(sorted(self.aliases - {self.name})))


@dataclass
class EntityIndex:
    """The article's entities and, for every token of a mention, the entity it refers to."""

    entities: dict[str, Resolved] = field(default_factory=dict)
    by_token: dict[int, str] = field(default_factory=dict)
    spans: dict[int, tuple[int, int]] = field(default_factory=dict)
    indirect: set[int] = field(default_factory=set)
    """Tokens that refer through a title ('the prime minister') or a pronoun: less certain."""
    groups: dict[int, tuple[str, ...]] = field(default_factory=dict)
    """A plural title's token and the entities it names: 'the leaders of Chile and Peru'."""
    _positions: list[int] | None = field(default=None, repr=False, compare=False)
    """The positions of `by_token`, sorted (made when first asked for, after each change)."""

    def add_mention(self, key: str, start: int, end: int, *, indirect: bool = False) -> None:
        """Record that tokens [start, end) refer to entity `key`."""
        self._positions = None
        for i in range(start, end):
            self.by_token[i] = key
            self.spans[i] = (start, end)
            if indirect:
                self.indirect.add(i)

    def key_of(self, entity: Resolved) -> str:
        """The key of an entity of this index."""
        return next(k for k, e in self.entities.items() if e is entity)

    def mention_tokens(self, span: Span) -> list[Token]:
        """The tokens of `span` that belong to a mention, in order: for the stages that look
        only at mentions, a pass over a few tokens instead of all."""
        if self._positions is None:
            self._positions = sorted(self.by_token)
        every = tokens_of(span.doc)
        positions = self._positions
        start, end = bisect_left(positions, span.start), bisect_left(positions, span.end)
        return [every[i] for i in positions[start:end]]

    def names_a_person(self, span: Span) -> bool:
        """Whether a mention in `span` refers to a person or a token names a group of them."""
        if any(span.start <= i < span.end for i in self.groups):
            return True
        return any(
            self.entities[self.by_token[t.i]].type == "person" for t in self.mention_tokens(span)
        )

    def at(self, token: Token) -> Resolved | None:
        """The entity a token belongs to, if any."""
        key = self.by_token.get(token.i)
        return self.entities[key] if key else None

    def persons(self) -> dict[str, Resolved]:
        """Person entities by key."""
        return {k: e for k, e in self.entities.items() if e.type == "person"}


def _clean(span: Span, label: str, rules: Rules) -> Span | None:
    """Strip determiners, possessives, honorifics and (from names) titles off a mention's edges."""
    honorifics = rules.words("posts", "title_words_before_name")
    person_words = rules.words("posts", "heads", "kinship", "occupations")
    heads = person_words if label == "PERSON" else frozenset()
    start, end = span.start, span.end
    doc = span.doc
    while start < end and (
        doc[start].lower_ in {"the", "a", "an"}
        or doc[start].text in honorifics
        or doc[start].lower_ in heads  # "MEP Nigel Farage" tagged as one name
    ):
        start += 1
    opening = next((i for i in range(start, end) if doc[i].text == "("), None)
    if opening is not None and not any(doc[i].text == ")" for i in range(opening, end)):
        end = opening  # "Survivors Fund (SURF" -> "Survivors Fund"
    while end > start and (doc[end - 1].text in POSSESSIVE or doc[end - 1].is_punct):
        end -= 1
    return doc[start:end] if end > start else None


def _known_tail(words: list[str], aliases: dict[str, str], descriptors: set[str]) -> str | None:
    """The party a name is once words that only describe it are left out of its start
    ('Opposition Labour Party' is Labour), with or without its last word 'Party'."""
    start = 0
    while start < len(words) - 1 and words[start].lower() in descriptors:
        start += 1
    tail = words[start:]
    if not start or not tail[:-1]:
        return None
    return aliases.get(" ".join(tail)) or aliases.get(" ".join(tail[:-1]))


def _leader_title_at(word: Token, rules: Rules) -> bool:
    """Whether a leader's title of two words starts at `word`: 'Secretary General'."""
    doc = word.doc
    two = f"{word.lower_} {doc[word.i + 1].lower_}" if word.i + 1 < len(doc) else ""
    return two in rules.posts["leader_heads"]


def _is_title_fragment(span: Span, label: str, rules: Rules) -> bool:
    """An ORG or PERSON tag that is really a post title or part of one: 'National Security'
    Minister, of 'State', 'the MEP', 'Foreign Minister'."""
    doc = span.doc
    heads = rules.words("posts", "heads")
    after = doc[span.end] if span.end < len(doc) else None
    before = doc[span.start - 1] if span.start > 0 else None
    if doc[span.start].ent_id_:
        return False  # a known party: "Tory leader"
    if label == "ORG" and all(t.lower_ in heads for t in span):
        return True  # "X, the MEP": a title the tagger took for an organisation
    title_words = rules.words("posts", "heads", "modifiers")
    if (
        label == "PERSON"
        and span[-1].lower_ in heads
        and all(t.lower_ in title_words for t in span)
    ):
        return True  # "Foreign Minister" tagged a person's name
    if after is not None and after.lower_ in heads and label == "ORG":
        # A minister's or secretary's portfolio ("National Missions" Minister) or a name made
        # of title words ("Trade and Industry" Secretary) is part of the title; an employer
        # ("FAA" spokesman, "Chevron" chairman, "Air Force" general) is not.
        if after.lower_ in rules.posts["portfolio_heads"] and not (
            hyphen_after(after) or _leader_title_at(after, rules)
        ):
            return True  # not "UN" Secretary-General: that is an organisation's head
        words = rules.words("posts", "modifiers", "of_complements", lower=True)
        return all(t.lower_ in words or t.lower_ in ("and", "&", ",") for t in span)
    return (
        before is not None
        and before.lower_ == "of"
        and span.start > 1
        and doc[span.start - 2].lower_ in heads
        and span.text in rules.posts.get("of_complements", ())
    )


def _is_demonym(span: Span, rules: Rules) -> bool:
    """A national adjective tagged as a name ('Ugandan' in 'Ugandan President X' taken for a
    person): no one, and no organisation. A short form of a country ('US', 'Britain') is a place,
    as the gazetteer knows; an adjective the gazetteer knows only as a town's name ('Kazakh',
    'Thai') is not."""
    country = rules.demonyms.get(span.text)
    if country is None:
        return False
    gazetteer = load_gazetteer()
    if not gazetteer.knows(span.text):
        return True
    other = gazetteer.canonical(span.text) != country.lower()
    return other and not span.text.isupper() and span.text != country


def honorific_surnames(doc: Doc, rules: Rules) -> set[str]:
    """Words written right after an honorific somewhere in the doc: 'Mr Opik', 'Ms Sturgeon'."""
    every = tokens_of(doc)
    return {
        every[i + 1].text
        for i in positions_of(doc, rules.posts["title_words_before_name"])
        if i + 1 < len(every) and every[i + 1].is_title and every[i + 1].pos_ == "PROPN"
    }


def _label_in_context(ent: Span, rules: Rules, surnames: set[str]) -> str:
    """A name right after a post title or an honorific is a person's, whatever the tagger said:
    in 'Holyrood leader Nicola Sturgeon', 'Minister Yair Lapid' or 'Mr Opik' the name is not an
    organisation; nor is 'Nicola Sturgeon' where the text also writes 'Ms Sturgeon'."""
    if ent.label_ == "PERSON" or ent.ent_id_:
        return ent.label_
    doc = ent.doc
    honorifics = rules.words("posts", "title_words_before_name")
    names = [t for t in ent if t.is_title and t.pos_ == "PROPN"]
    if ent[0].text in honorifics and len(ent) > 1:
        return "PERSON"
    if ent.start > 0 and doc[ent.start - 1].text in honorifics and names:
        return "PERSON"
    if 2 <= len(names) == len(ent) <= 3 and ent[-1].text in surnames:
        return "PERSON"
    if ent.start == 0:
        return ent.label_
    before = doc[ent.start - 1]
    if before.lower_ in rules.posts["heads"] and 2 <= len(names) == len(ent) <= 3:
        return "PERSON"
    return ent.label_


def _display(text: str, label: str = "PERSON") -> str:
    if label == "PERSON" and text.isupper() and len(text) > 3:
        return person_name(text)
    if label == "GPE" and text.isupper() and len(text) > 3:
        return text.title()  # a dateline's "JERUSALEM"
    return " ".join(text.split())


def resolve_entities(doc: Doc, captions: Captions, rules: Rules) -> EntityIndex:
    """Group the doc's entity mentions into the article's entities."""
    index = EntityIndex()
    credit_zones = [
        (desc_end, span_end)
        for (_, desc_end), (_, span_end) in zip(captions.descriptions, captions.spans, strict=False)
    ]
    mentions: list[tuple[Span, str]] = []
    surnames = honorific_surnames(doc, rules)
    persons = person_names(doc) | surnames  # words a place's name may not have here
    for ent in ents_of(doc):
        if ent.label_ not in LABEL_TYPES and ent.label_ != "NORP":
            continue
        if any(s <= ent.start_char < e for s, e in credit_zones):
            continue
        if ent.label_ == "NORP":  # "visited Tunis" tagged a nationality
            if is_known_place(ent, rules, persons):
                mentions.append((ent, "GPE"))
            continue
        label = _label_in_context(ent, rules, surnames)
        span = _clean(ent, label, rules)
        if span is None or _is_title_fragment(span, label, rules) or _is_demonym(span, rules):
            continue
        if label in ("PERSON", "ORG") and is_known_place(span, rules, persons):
            label = "GPE"  # "visited Sedgefield" tagged a person's, "JERUSALEM (Reuters)" an ORG
        elif label in ("PERSON", "ORG") and names_a_seat(span, rules):
            label = "GPE"  # "the Labour MP for Leeds Central": a constituency, whatever its tag
        elif label == "ORG" and _one_word(span) and journeyed_to(span, rules, persons):
            label = "GPE"  # "flew to Harbridge": a town the tagger took for a company
        mentions.append((span, label))
    mentions += [(span, "GPE") for span in untagged_places(doc, rules, persons)]
    mentions += [(span, "PERSON") for span in _untagged_honorific_names(doc, rules)]

    # Parties first: the ruler's id is the canonical name; a generic "X party" drops "party".
    aliases = rules.party_alias_to_name
    descriptors = {w.lower() for w in rules.party_mentions["descriptors"]}
    skip = rules.words("posts", "acronym_skip_words")
    for span, _ in mentions:
        ent_id = span.doc[span.start].ent_id_
        if (ent_id or span.text in aliases) and (longer := _spelled_out(span, skip)) is not None:
            # "the United Democratic Alliance (UDA)": not the "Democratic Alliance" it ends in
            key = f"party:{longer.text}"
            index.entities.setdefault(key, Resolved(longer.text, "party")).aliases.add(longer.text)
            index.add_mention(key, longer.start, longer.end)
        elif ent_id or span.text in aliases:
            words = span.text.split()
            bare = " ".join(words[:-1]) if words[-1].lower() == "party" else span.text
            # A known alias wins, also after words run on before it ('Opposition Labour Party'
            # at a sentence's start); else "X party" is the party X (a capital "Party" is in it).
            name = (
                aliases.get(span.text)
                or aliases.get(bare)
                or _known_tail(words, aliases, descriptors)
            )
            name = name or ent_id
            if name == PARTY_ID_GENERIC:
                name = bare if words[-1] == "party" else span.text
            key = f"party:{name}"
            index.entities.setdefault(key, Resolved(name, "party")).aliases.add(span.text)
            index.add_mention(key, span.start, span.end)
    # Parties named by a code or a word that is not their name: 'Reid, D-Nev.', 'Republican Sen.'
    for span, name in find_party_mentions(doc, rules):
        if span.start not in index.by_token:
            index.entities.setdefault(f"party:{name}", Resolved(name, "party"))
            index.add_mention(f"party:{name}", span.start, span.end)

    # Persons: full names (two or more words) anchor; shorter forms that end them join them.
    full_names: dict[str, Resolved] = {}
    for span, label in sorted(mentions, key=lambda m: -len(m[0])):
        if span.start in index.by_token or label != "PERSON" or len(span.text.split()) < 2:
            continue
        name = _display(span.text)
        owner = next((n for n in full_names if _ends_in(n, name)), None)
        key = f"person:{owner or name}"
        resolved = full_names.setdefault(owner or name, Resolved(owner or name, "person"))
        index.entities[key] = resolved
        resolved.aliases.add(name)
        index.add_mention(key, span.start, span.end)

    family_first = rules.words("person_names", "family_name_first")
    apart = _honorific_clashes(doc, rules)

    def surname_owner(text: str, position: int) -> str | None:
        if position in apart:
            return None  # "Baroness Kennedy" where the text also writes "Mr Kennedy"
        owners = [n for n in full_names if _ends_in(n, text) or text in _surnames(n, family_first)]
        if len(owners) <= 1:
            return owners[0] if owners else None
        # Ambiguous surname: the candidate mentioned most recently before this point.
        last_seen = {
            key: max(
                (i for i, k in index.by_token.items() if k == key and i < position), default=-1
            )
            for key in (f"person:{o}" for o in owners)
        }
        return max(last_seen, key=lambda k: last_seen[k]).removeprefix("person:")

    def paired_surnames(span: Span) -> bool:
        """'The Carter-Moore talks': two surnames of persons the article names, joined by a
        hyphen, are mentions of each (not one double-barrelled name); whether it was so."""
        if len(span) != 3 or not hyphen_after(span[0]):
            return False
        if surname_owner(span.text, span.start):
            return False  # "Ms Hale-Brandt" of an "Anna Hale-Brandt"
        owners = [surname_owner(span[0].text, span.start), surname_owner(span[2].text, span.start)]
        if None in owners or owners[0] == owners[1]:
            return False
        for owner, at in zip(owners, (span.start, span.start + 2), strict=True):
            index.add_mention(f"person:{owner}", at, at + 1)
        return True

    votes: dict[str, Counter[str]] = defaultdict(Counter)
    leftovers: list[tuple[Span, str]] = []
    for span, label in mentions:
        if span.start in index.by_token or paired_surnames(span):
            continue
        owner = surname_owner(_display(span.text), span.start)
        if owner:
            key = f"person:{owner}"
            index.entities[key].aliases.add(_display(span.text))
            index.add_mention(key, span.start, span.end)
            continue
        votes[span.text.casefold()][label] += 1
        leftovers.append((span, label))

    # Everything else: one entity per name (case aside), typed by most of its mentions' labels.
    # "the Reform UK party", "the ruling National Union": a party the rules do not know
    ruling = rules.party_mentions["party_descriptors"]
    called_parties = {
        span.text.casefold()
        for span, _ in leftovers
        if (span.end < len(doc) and doc[span.end].lower_ == "party")
        or _word_before(doc, span.start) in ruling
    }
    # A word that names a party only before a title ('Labor leader X') names it alone too
    # where the article has already read it so ('led Labor to victory'): one sense a text.
    title_words = rules.party_mentions["title_words"]
    for span, _ in leftovers:
        label = votes[span.text.casefold()].most_common(1)[0][0]
        etype = LABEL_TYPES[label]
        party = f"party:{title_words[span.text]}" if span.text in title_words else None
        if etype == "organization" and party in index.entities:
            index.entities[party].aliases.add(span.text)
            index.add_mention(party, span.start, span.end)
            continue
        name = _display(span.text, label)
        if etype in ("organization", "place") and (
            (etype == "organization" and name.split()[-1] == "Party")
            or span.text.casefold() in called_parties
        ):
            etype = "party"  # a party the rules do not know: "the Socialist Workers' Party"
        if span.start in apart and etype == "person":
            name = f"{doc[span.start - 1].text} {name}"  # the title is all that tells them apart
        if etype == "place":
            name = rules.places.get(name, name)
        key = f"{etype}:{name.casefold()}"
        resolved = index.entities.setdefault(key, Resolved(name, etype))
        if name[:1].isupper() and not resolved.name[:1].isupper():
            resolved.name = name
        resolved.aliases.add(name if span.start in apart else _display(span.text, label))
        index.add_mention(key, span.start, span.end)

    # Surnames the tagger missed ("Blinken" untagged) and honorific forms ("Mr Blair").
    honorifics = rules.words("posts", "title_words_before_name")
    for token in tokens_at(doc, capitalised(doc)):
        if token.i in index.by_token or not token.is_title or not _name_like(token):
            continue
        surname = _hyphenated(doc, token.i)  # "Kilroy-Silk" is three tokens
        if paired_surnames(surname):
            continue
        owner = surname_owner(surname.text, token.i)
        if owner and surname.text in _surnames(owner, family_first):
            index.add_mention(f"person:{owner}", surname.start, surname.end)
            if token.i > 0 and doc[token.i - 1].text in honorifics:
                index.entities[f"person:{owner}"].aliases.add(
                    f"{doc[token.i - 1].text} {surname.text}"
                )
    _short_org_names(doc, index, rules)
    _known_as(doc, index, rules)
    if rules.join_acronyms:
        _bracketed_short_names(doc, index)
        _acronyms(index, rules)
    _kinds_of_places(doc, index, rules)
    for i, key in list(index.by_token.items()):
        resolved = index.entities[key]
        if resolved.type == "person" and i > 0 and doc[i - 1].text in honorifics:
            _, end = index.spans[i]  # "Mr Lloyd George", not "Mr Lloyd"
            resolved.aliases.add(f"{doc[i - 1].text} {doc[i:end].text}")
    return index


ARGUMENTS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "poss", "appos", "conj"})
"""Where a noun stands as someone in its clause rather than modifying another word."""


def _name_like(token: Token) -> bool:
    """Whether a capitalised word may be a surname: a proper noun, or a noun the tagger took
    for a common one where it stands as someone ('Coons told reporters', 'said Hunt'); only a
    surname of a full name the article gives makes it a mention."""
    return token.pos_ == "PROPN" or (token.pos_ == "NOUN" and token.dep_ in ARGUMENTS)


def _honorific_clashes(doc: Doc, rules: Rules) -> set[int]:
    """Where a surname follows an honorific of the other gender than the plain one ('Mr', 'Mrs',
    'Ms') the text gives it: 'Baroness Kennedy' in a text with 'Mr Kennedy' is someone else, who
    joins no full name (the positions of those surnames)."""
    genders = rules.pronouns["honorific_gender"]
    plain = rules.words("person_names", "plain_honorifics")
    every = tokens_of(doc)
    uses = [
        (every[i + 1].text, i + 1, every[i].text)
        for i in positions_of(doc, genders)
        if i + 1 < len(every) and every[i + 1].is_title
    ]
    plain_gender: dict[str, set[str]] = defaultdict(set)
    for surname, _, honorific in uses:
        if honorific in plain:
            plain_gender[surname].add(genders[honorific])
    return {
        position
        for surname, position, honorific in uses
        if len(plain_gender[surname]) == 1 and genders[honorific] not in plain_gender[surname]
    }


def _ends_in(full: str, short: str) -> bool:
    """Whether a full name ends in a shorter one, also where a sentence opening capitalised the
    shorter one's particle ('Da Costa' of 'Luiz Carlos da Costa')."""
    return full.endswith((" " + short, " " + short[:1].lower() + short[1:]))


def _surnames(name: str, family_first: frozenset[str]) -> tuple[str, ...]:
    """The words a person's full name is shortened to: its last ('Blair'), and its first where
    that is a family name written first ('Xi' of 'Xi Jinping')."""
    words = name.split()
    return (words[-1], words[0]) if len(words) > 1 and words[0] in family_first else (words[-1],)


def _untagged_honorific_names(doc: Doc, rules: Rules) -> list[Span]:
    """Names the tagger missed right after an honorific: 'Lord Puttnam', 'Baroness Smith' (not
    a post: 'Mr Speaker', 'the Lord Chancellor')."""
    honorifics = rules.words("posts", "title_words_before_name")
    heads = rules.words("posts", "heads")
    tagged = {i for ent in ents_of(doc) for i in range(ent.start, ent.end)}
    found: list[Span] = []
    for i in positions_of(doc, honorifics):
        if i + 1 == len(doc) or i in tagged:
            continue
        start = end = i + 1
        while (
            end < len(doc)
            and end - start < 3
            and doc[end].is_title
            and doc[end].pos_ == "PROPN"
            and end not in tagged
        ):
            end = _hyphenated(doc, end).end  # "Mr Kilroy-Silk"
        span = doc[start:end]
        if span and doc[start].lower_ not in heads and not tagged & set(range(start, end + 1)):
            found.append(span)
    return found


def _short_org_names(doc: Doc, index: EntityIndex, rules: Rules) -> None:
    """'Middle Way' where the text also says 'the Middle Way Group': the short form is a mention
    of the organisation, where the tagger missed it or took it for a place (two words at least,
    capitalised; a place only where it is not the object of a preposition of place or a verb of
    travel). A place left with no mention is dropped."""
    endings = rules.words("posts", "short_name_endings")
    locative = rules.words("posts", "place_prepositions")
    visits = set(rules.triggers["visited"]["verbs"])
    short: dict[tuple[str, ...], str] = {}
    words: Sequence[str]
    for key, resolved in index.entities.items():
        words = resolved.name.split()
        if resolved.type == "organization" and len(words) > 2 and words[-1] in endings:
            short[tuple(words[:-1])] = key
    for words, key in short.items():
        size = len(words)
        for start in positions_of(doc, words[:1]):
            span = doc[start : start + size]
            if tuple(t.text for t in span) != words or not all(t.is_title for t in span):
                continue
            owners = {index.by_token.get(t.i) for t in span}
            place = next(iter(owners)) if len(owners) == 1 else None
            if owners != {None} and (place is None or index.entities[place].type != "place"):
                continue
            head = span.root.head
            where = head.lower_ in locative or head.lemma_.lower() in visits
            if place is not None and span.root.dep_ in ("pobj", "dobj") and where:
                continue  # "in Park Lane", "visited Park Lane": the place it says
            index.add_mention(key, span.start, span.end)
            index.entities[key].aliases.add(span.text)
            if place is not None and place not in index.by_token.values():
                del index.entities[place]


def _known_as(doc: Doc, index: EntityIndex, rules: Rules) -> None:
    """'Joko Widodo, known as Jokowi': a name right after one of `alias_phrases` that follow a
    person's name (a comma between them or not) is another name of that person; its mentions,
    here and elsewhere in the article, move to the person."""
    phrases = [p.split() for p in rules.person_names["alias_phrases"]]
    last_words = {words[-1] for words in phrases}
    starts: dict[str, set[int]] = defaultdict(set)
    for i, key in index.by_token.items():
        start = index.spans[i][0]
        if start > 0 and doc[start - 1].lower_ in last_words:
            starts[key].add(start)
    for key, found in starts.items():
        entity = index.entities[key]
        for start in sorted(found):
            owner = next(
                (o for words in phrases if (o := _named_before(doc, index, start, words))), None
            )
            if owner is None or owner == key:
                continue
            for first, end in {index.spans[i] for i, k in index.by_token.items() if k == key}:
                index.add_mention(owner, first, end)
            size = len(entity.name.split())
            for token in doc:  # the same name where the tagger missed it: "Tomo later flew"
                window = doc[token.i : token.i + size]
                if window.text == entity.name and not any(t.i in index.by_token for t in window):
                    index.add_mention(owner, window.start, window.end)
            index.entities[owner].aliases |= {entity.name, *entity.aliases}
            del index.entities[key]
            break


def _named_before(doc: Doc, index: EntityIndex, start: int, words: list[str]) -> str | None:
    """The person whose name ends just before `words`, which end just before token `start`."""
    at = start - len(words)
    if at < 1 or [t.lower_ for t in doc[at:start]] != words:
        return None
    before = at - 1 if doc[at - 1].text != "," else at - 2
    key = index.by_token.get(before) if before >= 0 else None
    return key if key is not None and key.startswith("person:") else None


def _kinds_of_places(doc: Doc, index: EntityIndex, rules: Rules) -> None:
    """'Visited the township of Ndola', 'talks in the city of Lima': a noun for a kind of place
    (`triggers.json` "place_kinds") mentions the place its 'of' names (not 'the people of
    Lima')."""
    for noun in tokens_at(doc, positions_of(doc, rules.triggers["place_kinds"], LOWER)):
        if noun.i in index.by_token or noun.pos_ != "NOUN":
            continue
        named = [
            p for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children
        ]
        place = next((e for p in named if (e := index.at(p)) and e.type == "place"), None)
        if place is not None:
            index.add_mention(index.key_of(place), noun.i, noun.i + 1)


def _spelled_out(span: Span, skip: frozenset[str]) -> Span | None:
    """A longer name a known one ends, whose capitalised words before it the letters in brackets
    after it spell with it: 'United Democratic Alliance (UDA)' (not 'Democratic Alliance (DA)')."""
    doc = span.doc
    if span.end + 2 >= len(doc) or doc[span.end].text != "(" or doc[span.end + 2].text != ")":
        return None
    letters = doc[span.end + 1].text
    if not (letters.isupper() and letters.isalpha()):
        return None
    start = span.start
    while start > 0 and len(_initials(doc[start : span.end].text.split(), skip)) < len(letters):
        if not doc[start - 1].is_title or doc[start - 1].lower_ in skip:
            return None
        start -= 1
    longer = doc[start : span.end]
    return (
        longer if start < span.start and _initials(longer.text.split(), skip) == letters else None
    )


def _initials(words: list[str], skip: frozenset[str]) -> str:
    """The first letters of the words a name's initials count ('of', 'and' do not)."""
    return "".join(w[0] for w in words if w.lower() not in skip)


def _bracketed_short_names(doc: Doc, index: EntityIndex) -> None:
    """'the Democratic Party of Struggle (PDI-P)': capitals in brackets right after an
    organisation's name are its short name, whether or not they spell its initials, and each
    place the text writes them mentions it (also where the tagger made them a name of its own)."""
    short: dict[str, str] = {}
    for start, end in sorted(set(index.spans.values())):
        key = index.by_token[start]
        if index.entities[key].type not in ORG_TYPES or end + 2 >= len(doc) or doc[end].text != "(":
            continue
        close = next((i for i in range(end + 2, min(end + 5, len(doc))) if doc[i].text == ")"), 0)
        letters = doc[end + 1 : close].text
        if len(letters) > 1 and letters.isupper() and letters.replace("-", "").isalpha():
            short.setdefault(letters, key)
    for letters, key in short.items():
        for i in positions_of(doc, [letters.split("-")[0]]):
            stop = next((i + n for n in range(1, 4) if doc[i : i + n].text == letters), None)
            other = index.by_token.get(i)
            if stop is None or (other is not None and index.entities[other].type not in ORG_TYPES):
                continue
            if other is not None and other != key:  # the tagger's own name for the letters
                for j in [j for j, k in index.by_token.items() if k == other]:
                    index.by_token[j] = key
                index.entities[key].aliases |= index.entities.pop(other).aliases
            index.add_mention(key, i, stop)
        index.entities[key].aliases.add(letters)


def _acronyms(index: EntityIndex, rules: Rules) -> None:
    """'NASA' where the text also names the 'National Aeronautics and Space Administration': an
    all-capitals organisation name that spells the initials of another organisation's capitalised
    words is a mention of that one (its mentions move there, and it becomes an alias)."""
    skip = rules.words("posts", "acronym_skip_words")
    spelled: dict[str, str] = {}
    for key, entity in index.entities.items():
        words = [w for w in entity.name.replace("-", " ").split() if w.lower() not in skip]
        if entity.type in ORG_TYPES and len(words) > 1 and all(w[:1].isupper() for w in words):
            spelled.setdefault(_initials(words, skip), key)
    for key, entity in list(index.entities.items()):
        full = spelled.get(entity.name)
        if full is None or full == key or entity.type not in ORG_TYPES or not entity.name.isupper():
            continue
        for start, end in {index.spans[i] for i, k in index.by_token.items() if k == key}:
            index.add_mention(full, start, end)
        index.entities[full].aliases |= entity.aliases | {entity.name}
        del index.entities[key]


def _one_word(span: Span) -> bool:
    """Whether a name is one word not written in capitals ('Harbridge'; not 'NATO', nor
    'Cambridge University', an organisation's)."""
    return len(span) == 1 and not span.text.isupper()


def _word_before(doc: Doc, start: int) -> str:
    """The lower-case word before `start`, with parts joined to it by hyphens ('centre-right')."""
    if start == 0:
        return ""
    begin = start - 1
    while begin >= 2 and hyphen_after(doc[begin - 2]):
        begin -= 2
    return doc[begin:start].text.lower()


def _hyphenated(doc: Doc, start: int) -> Span:
    """The capitalised word at `start` with any parts joined to it by hyphens without spaces
    ("Kilroy-Silk", "Bowes-Lyon"), as one span."""
    end = start + 1
    while hyphen_after(doc[end - 1]) and doc[end + 1].is_title:
        end += 2
    return doc[start:end]
