"""Posts and the affiliations titles carry.

"Israeli Defense Minister Yoav Gallant" -> Gallant holds "Defense Minister" (in Israel);
"Tory leader Michael Howard" -> holds "Tory leader" and leads the Conservatives; "Labour MP Paul
Flynn" -> member of Labour; appositions: "Israel's opposition leader, ... Yair Lapid",
"Jack Law, chief executive of Alcohol Focus Scotland" (leads it), "Mike Nattrass, UKIP's deputy
leader" (a member). Title references ("the prime minister", "the Israeli leader") resolve to
the person holding that title in `references`.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from typing import Literal

from spacy.attrs import LOWER
from spacy.tokens import Span, Token

from kg.extract.entities import ARGUMENTS, ORG_TYPES, EntityIndex, Resolved
from kg.extract.gazetteer import load_gazetteer
from kg.extract.participants import first_conjunct
from kg.extract.role_verbs import (
    ended,
    hypothetical,
    left,
    objects_after,
    predecessor,
    role_nouns,
    succeeded,
)
from kg.extract.rules import Rules
from kg.extract.text import POSSESSIVE, cached, ents_of, hyphen_after, positions_of, tokens_at

BRIDGES = {"of", "-", "–"}
COMPLEMENT, LONG_COMPLEMENT = 8, 12
"""The most words a title's complement takes ('of gaming industry body ELSPA'), and one made
only of names and the words that join them; a party's name counts as one word ('of the main
opposition Constitutional Democratic Party of Japan' is five)."""
TITLE_PREPOSITIONS = ("of", "for", "to")
"""The prepositions that go on with a title before a name: 'Minister for Europe X'."""
SUBJECTS = ("nsubj", "nsubjpass")
OWNERS = ("its", "their", "whose")
"""The possessives whose title is of the organisation named last ('Its leader, X') or, for
'whose', of the one its clause describes ('the Greens, whose principal speaker X')."""
Role = Literal["leads", "member_of", "works_for"]


@dataclass(frozen=True)
class Post:
    """A title found for a person: its label, its country, and the organisation it belongs to."""

    person: Resolved
    label: str
    country: str | None
    org: Resolved | None
    role: Role | None
    head: str
    sentence: Span
    title_start: int
    title_end: int
    party: Resolved | None = None
    """A party the title names besides the body the post is in ('Lib Dem constitutional affairs
    committee chairman': a member of the Lib Dems)."""
    past: bool = False
    """A post no longer held: 'former Labour leader', 'served as chancellor until 2010'."""


def entity_at(token: Token, index: EntityIndex, types: tuple[str, ...]) -> Resolved | None:
    entity = index.at(token)
    return entity if entity is not None and entity.type in types else None


def country_of(tokens: list[Token], index: EntityIndex, rules: Rules) -> str | None:
    for token in tokens:
        if token.text in rules.demonyms:
            return rules.demonyms[token.text]
        if place := entity_at(token, index, ("place",)):
            return place.name
        if token.ent_type_ == "NORP" and token.ent_iob_ == "B":
            ent = next(e for e in ents_of(token.doc) if e.start == token.i)
            if ent.text in rules.demonyms:
                return rules.demonyms[ent.text]
    return None


def _title_like(token: Token, index: EntityIndex, rules: Rules) -> bool:
    entity = index.at(token)
    if entity is not None:
        return entity.type in ("party", "organization", "place")
    if token.lower_ in ("and", "&"):  # "Work and Pensions Secretary X"
        doc = token.doc
        if token.i == 0 or token.i + 1 >= len(doc) or not doc[token.i + 1].is_title:
            return False
        before = doc[token.i - 1]
        return before.is_title and index.at(before) is None and _title_like(before, index, rules)
    lower = token.lower_
    if token.text in rules.demonyms or token.ent_type_ == "NORP" or token.text in POSSESSIVE:
        return True
    if lower in rules.posts["body_nouns"]:
        return True
    after_of = token.i > 0 and token.doc[token.i - 1].lower_ == "of"
    if after_of and lower in rules.words("posts", "of_complements", lower=True):
        return True  # "chief of staff X"
    if lower in BRIDGES:  # a dash set off by spaces ends the title: 'BEIJING - President X'
        spaced = token.i > 0 and token.doc[token.i - 1].whitespace_ and token.whitespace_
        return not (token.is_punct and spaced)
    if lower in rules.posts["heads"] or lower in rules.posts["modifiers"]:
        return True
    if _plural_head(token, rules):
        return True
    if token.is_upper and token.pos_ in ("PROPN", "NOUN") and len(token) > 1:  # "ODM leader X"
        return True
    return token.is_title and token.pos_ in ("PROPN", "ADJ", "NOUN") and token.ent_type_ != "DATE"


def _text(tokens: list[Token], abbreviations: dict[str, str] | None = None) -> str:
    """Tokens as written, with a space wherever dropped tokens left a gap, and each of
    `abbreviations` written out ('Sen.' -> 'Senator', 'Sens.' -> 'Senators')."""
    if not tokens:  # every word dropped: no label
        return ""
    parts = []
    for token, after in zip(tokens, [*tokens[1:], None], strict=True):
        gap = after is not None and after.i != token.i + 1
        word = _written_out(token, abbreviations) if abbreviations else token.text
        parts.append(word + (" " if gap and not token.whitespace_ else token.whitespace_))
    return "".join(parts).strip(" -")


def _written_out(token: Token, abbreviations: dict[str, str]) -> str:
    """The word an abbreviated title word stands for, in the case it is written in."""
    word = token.lower_
    full = abbreviations.get(word)
    if full is None and word.endswith("s.") and (single := abbreviations.get(f"{word[:-2]}.")):
        full = f"{single}s"  # "Sens." before two names
    if full is None:
        return token.text
    return full.capitalize() if token.text[:1].isupper() else full


def _label(tokens: list[Token], index: EntityIndex, rules: Rules) -> str:
    """The title as written, without national adjectives or possessors ('UKIP's deputy leader'
    -> 'deputy leader'), but keeping the adjective of a generic title ('Palestinian leader')."""
    dropped: set[int] = set()
    possessors: set[int] = set()
    within = {t.i for t in tokens}
    for t in tokens:
        span = index.spans.get(t.i)
        after = t.doc[span[1]] if span is not None and span[1] < len(t.doc) else None
        if span is None and t.i < tokens[-1].i:
            after = t.doc[t.i + 1]  # "the party's Treasury spokesman", not "the minister's"
        possessor = after is not None and after.text in POSSESSIVE  # "the SNP's Holyrood leader"
        # "Scottish" in "the Scottish National Party candidate" is the party's name
        named = span is not None and span[1] - span[0] > 1 and entity_at(t, index, ORG_TYPES)
        if (
            (t.text in rules.demonyms and not named)
            or t.ent_type_ == "NORP"
            or entity_at(t, index, ("place",))
            or t.text in POSSESSIVE
            or possessor
            or t.lower_ in rules.posts["dropped_modifiers"]
        ):
            dropped.add(t.i)
        if t.dep_ == "poss" and t.head.i in within:  # "the prime minister's deputy"
            possessors.update(x.i for x in t.subtree)  # the whole possessor
    dropped.update(i for t in tokens for i in _age(t, rules))
    kept = [t for t in tokens if t.i not in dropped | possessors]
    if len(kept) == 1 and kept[0].lower_ in rules.posts["generic"]:
        kept = [t for t in tokens if t.text not in POSSESSIVE and t.i not in possessors]
    return _text(kept, rules.posts["abbreviations"])


def _age(token: Token, rules: Rules) -> list[int]:
    """The positions of an age written before a title ('the 52-year-old governor'): 'old' with
    one of `posts.json` `age_units` and what it governs."""
    units = rules.posts["age_units"]
    if token.lower_ != "old" or not any(c.lemma_.lower() in units for c in token.children):
        return []
    return [t.i for t in token.subtree]


def _plural_head(token: Token, rules: Rules) -> bool:
    """Whether the token is a title head in the plural ('MPs', 'ministers', 'Sens.')."""
    word, heads = token.lower_, rules.posts["heads"]
    if word.endswith("s."):
        return word[:-2] + "." in heads
    return word.endswith("s") and word[:-1] in heads and word not in heads


def _written_head(title: list[Token]) -> tuple[str, int]:
    """The title's last word as written, lowercased, and how many tokens it takes:
    ('secretary-general', 3) where the tokenizer splits at the hyphens."""
    size = 1
    while size < len(title) and not title[-size - 1].whitespace_:
        size += 1
    return "".join(t.lower_ for t in title[-size:]), size


def _role(title: list[Token], org: Resolved, org_at: int | None, rules: Rules) -> Role:
    """What holding the title says about the organisation it names.

    `org_at` is the position in `title` of the organisation's last word, or None when it is named
    in a complement ('chief executive of X'). A leader leads the organisation named right before
    the head ('Tory leader'), not one qualified further ('SNP Holyrood leader', 'Senate
    Republican leader' lead a group in it).
    """
    posts = rules.posts
    two_words = " ".join(t.lower_ for t in title[-2:])
    written, size = _written_head(title)
    if size > 1 and written in posts["leader_heads"]:
        head_size = size  # "secretary-general" is three tokens
    else:
        head_size = 2 if len(title) > 1 and two_words in posts["leader_heads"] else 1
    between = [] if org_at is None else title[org_at + 1 : len(title) - head_size]
    between = [t for t in between if t.text not in POSSESSIVE]  # "Plaid Cymru's leader"
    in_a_chamber = (
        org.type == "party"
        and org_at is not None
        and any(t.text in posts["chambers"] for t in title[:org_at])
    )  # "Senate Republican leader" leads the party's senators
    leading = (
        (head_size > 1 or title[-1].lower_ in posts["leader_heads"])
        and not any(t.lower_ in posts["non_leading_modifiers"] for t in title)
        and all(t.lower_ in posts["leading_qualifiers"] for t in between)
        and not in_a_chamber
    )
    if leading:
        return "leads"
    if org.type == "party" or title[-1].lower_ in posts["member_heads"]:
        return "member_of"
    if org.name.split()[-1] in posts["membership_bodies"]:
        return "member_of"  # "regional organiser of the Farmers' Alliance"
    return "works_for"


def _complete(tail: list[Token], index: EntityIndex, rules: Rules) -> bool:
    """Whether the words after a title's head complete it: one or more of `TITLE_PREPOSITIONS`,
    each with one of `of_complements` or a name, of a place or an organisation or one the
    tagger missed ('Secretary of State for Wales', 'Minister for Europe', 'Chief Secretary to
    the Treasury')."""
    if not tail or tail[0].lower_ not in TITLE_PREPOSITIONS:
        return False
    parts: list[list[Token]] = []
    for token in tail:
        if token.lower_ in TITLE_PREPOSITIONS:
            parts.append([])
        else:
            parts[-1].append(token)
    return all(
        part
        and (
            " ".join(t.text for t in part) in rules.posts["of_complements"]
            or all(_named(t, index) or t.lower_ == "the" for t in part)
        )
        for part in parts
    )


def _named(token: Token, index: EntityIndex) -> bool:
    """Whether `token` is part of the name of a place or an organisation, or of a name the
    tagger missed."""
    if (entity := index.at(token)) is not None:
        return entity.type in ("place", *ORG_TYPES)
    return token.pos_ == "PROPN" and token.is_title


def make_post(
    person: Resolved,
    tokens: list[Token],
    complement: list[Token],
    sentence: Span,
    index: EntityIndex,
    rules: Rules,
    past: bool = False,
) -> Post | None:
    """A post from the title's tokens and an optional complement ('of Alcohol Focus Scotland');
    `past` when the text says it is no longer held, as a 'former' in the title also says."""
    past = past or any(t.lower_ in rules.posts["past_modifiers"] for t in tokens)
    # "X, a senior leader of the party": one of its leaders, so a member (a former one led it)
    one_of = bool(tokens) and tokens[0].lower_ in ("a", "an") and not past
    # "Its leader, X", "Their leader, X": of the body named last
    owner = tokens[0] if tokens and tokens[0].lower_ in OWNERS else None
    while tokens and (
        tokens[0].lower_ in BRIDGES
        or tokens[0].text in POSSESSIVE
        or tokens[0].tag_ in ("PRP$", "WP$")  # "as his foreign minister", "whose leader"
        or tokens[0].lower_ in rules.posts["dropped_modifiers"]
        or tokens[0].is_punct
    ):
        tokens = tokens[1:]
    heads = [
        i
        for i, t in enumerate(tokens)
        if t.lower_ in rules.posts["heads"] or _plural_head(t, rules)
    ]
    if not heads:
        return None
    tail = tokens[heads[-1] + 1 :]
    if tail:  # a prefix title goes on after its head only as in 'Secretary of State'
        if not _complete(tail, index, rules):
            return None
        complement, tokens = tail, tokens[: heads[-1] + 1]
    head = tokens[-1].lower_
    title_orgs = [(e, k) for k, t in enumerate(tokens) if (e := entity_at(t, index, ORG_TYPES))]
    complement_orgs = [e for t in complement if (e := entity_at(t, index, ORG_TYPES))]
    objects = [t for t in complement[1:] if t.dep_ == "pobj" and t.head.i == complement[0].i]
    of_what = next((e for t in objects if (e := entity_at(t, index, ORG_TYPES))), None)
    if of_what is not None:  # "chief of Belarus's Security Committee": the committee, first
        complement_orgs = [of_what, *(e for e in complement_orgs if e is not of_what)]
    if not complement_orgs:  # "leader of the main opposition party, the Y Party": Y
        complement_orgs = _named_after(complement, sentence, index, rules)
    if not complement_orgs:  # "X Agency ... a spokeswoman for the agency": the X Agency
        complement_orgs = [e for t in objects[:1] if (e := referred_body(t, index))]
    if not complement_orgs:  # "chairman of the Commons public accounts committee"
        complement_orgs = [e for t in objects[:1] if (e := _complement_body(t, index, rules))]
    if " ".join(t.text for t in complement[1:]) in rules.posts["of_complements"]:
        complement_orgs = []  # "Leader of the Commons" is a post, not the head of an organisation
    org, role, party = None, None, None
    body = None if complement_orgs else _body(tokens, index, rules)
    if body is not None and (not title_orgs or title_orgs[-1][1] < body[1]):
        org, at = body  # "Lib Dem constitutional affairs committee chairman"
        role = _role(tokens, org, at, rules)
        party = next((e for e, _ in reversed(title_orgs) if e.type == "party"), None)
    elif complement_orgs:
        org = complement_orgs[0]
        role = _role(tokens, org, None, rules)
        if role == "leads" and _part_of(objects, index, rules):
            # "head of Amnesty's Asia office" leads the office, not Amnesty; "chairman of the
            # Harbour Council's youth committee" leads that committee, a member of the council
            part = _owned_body(objects[0], index, rules)
            org, party, role = (part, org, role) if part else (org, party, "member_of")
    elif title_orgs:
        org = title_orgs[-1][0]
        role = _role(tokens, org, title_orgs[-1][1], rules)
        if role == "leads" and complement:
            role = "member_of"  # "Labour's head of elections strategy" does not lead Labour
    elif (party_at := _party_word(tokens)) is not None:
        org = _last_party(tokens[0], index)
        role = _role(tokens, org, party_at, rules) if org is not None else None
    elif owner is not None and (org := _owning(owner, index)) is not None:
        role = _role(tokens, org, None, rules)
    elif len(tokens) == 1 and head in rules.posts["party_leader_heads"] and not complement:
        org = _sentence_party(sentence, tokens[0].i, index)  # "the Lib Dems, with leader X"
        role = "leads" if org is not None else None
    if role == "leads" and one_of and not _written_head(tokens)[0].startswith("co-"):
        role = "member_of"  # but "a co-chairman" is one of those who lead it
    label = _label(tokens, index, rules)
    if _plural_head(tokens[-1], rules):  # "Tory MPs X and Y": each a Tory MP; "Sens." a senator
        label = label[:-2] + "." if label.endswith("s.") else label[:-1]
    if complement:  # as written: "head of gaming industry body ELSPA"
        label = f"{label} {_text(complement)}".strip()
    if not label:
        return None
    country = country_of(tokens + complement, index, rules)
    end = (complement or tokens)[-1].i + 1
    return Post(person, label, country, org, role, head, sentence, tokens[0].i, end, party, past)


def _part_of(objects: list[Token], index: EntityIndex, rules: Rules) -> bool:
    """Whether a title's complement names a part of an organisation, not the organisation: a
    common noun the organisation possesses ('of Amnesty International's Asia office') or one of
    `part_nouns` it is of or at ('director of the Asia division at Human Rights Watch')."""
    if not objects or objects[0].pos_ != "NOUN" or index.at(objects[0]) is not None:
        return False
    noun = objects[0]
    if any(c.dep_ == "poss" for c in noun.children):
        return True
    return noun.lower_ in rules.posts["part_nouns"] and any(
        c.dep_ == "prep" and c.lower_ in ("of", "at", "in") for c in noun.children
    )


def _body(tokens: list[Token], index: EntityIndex, rules: Rules) -> tuple[Resolved, int] | None:
    """A body a title names by a common noun ('Norfolk police chief', 'constitutional affairs
    committee chairman'), added to the index as an organisation, with its last word's position.

    The noun needs a name before it: a place or a capitalised word, or two lower-case words
    ('trade union leader' names no body)."""
    named = _proper_body(tokens, index, rules)
    if named is not None:
        return named
    at = next(
        (
            k
            for k in range(len(tokens) - 2, -1, -1)
            if tokens[k].lower_ in rules.posts["body_nouns"]
        ),
        None,
    )
    if at is None or index.at(tokens[at]) is not None:
        return None
    start = at
    while start > 0:
        before = tokens[start - 1]
        entity = index.at(before)
        if entity is not None and entity.type != "place" and not _place_name(entity):
            break  # "Lib Dem" is the holder's party, not the committee's name
        if before.text in POSSESSIVE or before.is_punct or before.lower_ in rules.posts["heads"]:
            break
        if before.lower_ in rules.posts["past_modifiers"]:
            break  # "a former trade union official": a past post, no body called "former ..."
        start -= 1
    words = tokens[start:at]
    if not words and tokens[at].i > 0 and tokens[at].doc[tokens[at].i - 1].lower_ == "the":
        body = _named_body(tokens[at], index)  # "the union's general secretary"
        return (body, at) if body is not None else None
    body = _add_body(words, tokens[at], index)
    return (body, at) if body is not None else None


def _add_body(
    words: list[Token], noun: Token, index: EntityIndex, owner: Sequence[Token] = ()
) -> Resolved | None:
    """The body `words` and a body noun name, added to the index as an organisation, if they
    name one: a place or a capitalised word among them, or two lower-case words. An `owner`
    written before them ('the Harbour Council's') is in the name, not in the mention: it names
    its own."""
    named = [*owner, *words]
    proper = any(index.at(t) is not None or (t.is_title and not t.is_sent_start) for t in named)
    if not proper and len(words) < 2:
        return None
    name = _text([*named, noun])
    key = f"organization:{name.lower()}"
    body = index.entities.setdefault(key, Resolved(name, "organization", {name}))
    index.add_mention(key, (words[0] if words else noun).i, noun.i + 1)
    return body


def common_body(noun: Token, index: EntityIndex, rules: Rules) -> Resolved | None:
    """A body a common noun and its modifiers name, added to the index as an organisation:
    'the Commons public accounts committee', 'the Harbour Council's youth committee'."""
    return _owned_body(noun, index, rules) or _complement_body(noun, index, rules)


def _owned_body(noun: Token, index: EntityIndex, rules: Rules) -> Resolved | None:
    """A body a named organisation possesses, named by a body noun and its modifiers ('the Harbour
    Council's youth committee'; not 'the Harbour Council's committee', nor 'the party's policy
    council'), added to the index as an organisation called as written, its owner's name in its
    own."""
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    if owner is None or noun.lower_ not in rules.posts["body_nouns"] or index.at(owner) is None:
        return None
    doc = noun.doc
    start = owner.left_edge.i + (doc[owner.left_edge.i].dep_ == "det")
    words = list(doc[owner.right_edge.i + 1 : noun.i])  # after the "'s"
    if not any(t.dep_ in ("compound", "amod", "nmod") for t in words):
        return None
    return _add_body(words, noun, index, owner=list(doc[start : owner.right_edge.i + 1]))


def _complement_body(noun: Token, index: EntityIndex, rules: Rules) -> Resolved | None:
    """A body a title's complement names by a common noun ('chairman of the Commons public
    accounts committee'): the noun and its modifiers before it (asked only where the complement
    names no organisation)."""
    if noun.lower_ not in rules.posts["body_nouns"] or index.at(noun) is not None:
        return None
    words = [t for t in noun.lefts if t.dep_ in ("compound", "amod", "nmod")]
    if not words:
        return None
    words = list(noun.doc[words[0].left_edge.i : noun.i])
    if any(t.text in POSSESSIVE or t.is_punct for t in words):
        return None
    return _add_body(words, noun, index)


def _proper_body(
    tokens: list[Token], index: EntityIndex, rules: Rules
) -> tuple[Resolved, int] | None:
    """An organisation the tagger missed, written as a name before the title's head: capitalised
    words (joined by 'of' or 'and') of which one is a body's noun or a name's ending
    ('Association of Chief Police Officers president', 'Royal Society of Arts chairman'); added
    to the index's entities, with its last word's position. Its words stay the title's, not a
    mention: when the parser hangs the name under them, the person still speaks, not the body."""
    posts = rules.posts
    body_words = {w.lower() for w in (*posts["body_nouns"], *posts["short_name_endings"])} | {
        w.lower() for w in posts["membership_bodies"]
    }
    end = len(tokens) - 1
    while end > 0 and tokens[end - 1].lower_ in posts["heads"]:
        end -= 1  # "chief executive": a head of two words
    start = end
    while start > 0 and (
        (tokens[start - 1].is_title and index.at(tokens[start - 1]) is None)
        or (tokens[start - 1].lower_ in ("of", "and") and start < end)
    ):
        start -= 1
    while start < end and not tokens[start].is_title:
        start += 1  # a name starts with a capital
    words = tokens[start:end]
    capitals = [t for t in words if t.is_title]
    if len(capitals) < 2 or not any(t.lower_ in body_words for t in capitals):
        return None
    if all(t.lower_ in posts["heads"] or t.lower_ in posts["modifiers"] for t in capitals):
        return None  # "Deputy Chief Constable" is all title
    name = _text(words)
    key = f"organization:{name.lower()}"
    body = index.entities.setdefault(key, Resolved(name, "organization", {name}))
    return body, end - 1


def _place_name(entity: Resolved) -> bool:
    """Whether an organisation's name is a place's the gazetteer knows ('Norfolk' tagged ORG in
    'Kent police chief')."""
    return entity.type == "organization" and load_gazetteer().find(entity.name) is not None


def _named_body(noun: Token, index: EntityIndex) -> Resolved | None:
    """The organisation 'the agency' refers to: the last one named before it whose name ends
    with that noun ('the Child Support Agency')."""
    named = [
        index.entities[key]
        for i, key in sorted(index.by_token.items())
        if i < noun.i and index.entities[key].type == "organization"
    ]
    ending = [e for e in named if e.name.split()[-1].lower() == noun.lower_]
    return ending[-1] if ending else None


def _party_word(tokens: list[Token]) -> int | None:
    """Where a title says 'party' without naming one ('party leader Roger Knapman')."""
    return next((k for k, t in enumerate(tokens) if t.text == "party" or t.text == "Party"), None)


def _last_party(word: Token, index: EntityIndex) -> Resolved | None:
    """The party the text named last before `word`: the one 'the party' means. A party named as
    someone in its clause counts first; one named in a modifier ('Tory-held seats') only where
    no other is."""
    named = [i for i, key in index.by_token.items() if i < word.i and key.startswith("party:")]
    if not named:
        return None
    arguments = [i for i in named if word.doc[i].dep_ in ARGUMENTS]
    return index.entities[index.by_token[max(arguments or named)]]


def _owning(owner: Token, index: EntityIndex) -> Resolved | None:
    """The organisation a possessive of `OWNERS` before a title means: the one 'whose' clause
    describes, or the one named last before 'its' or 'their'."""
    if owner.lower_ != "whose":
        return _last_named(owner.i, index, owner.lower_ == "their")
    clause = next((a for a in owner.ancestors if a.dep_ == "relcl"), None)
    return entity_at(clause.head, index, ORG_TYPES) if clause is not None else None


def _last_named(before: int, index: EntityIndex, plural: bool = False) -> Resolved | None:
    """The organisation the text named last before token `before`, if no place or other body
    was named after it: the one 'its' means ('The Y Party launched its manifesto. Its leader, X,
    ...'; not 'The EU urged Britain to act. Its prime minister ...'); for `plural` ('their')
    no person either ('The Tories launched their campaign. Their leader, X, ...')."""
    kinds = () if plural else ("person:",)
    named = [i for i, key in index.by_token.items() if i < before and not key.startswith(kinds)]
    if not named:
        return None
    last = index.entities[index.by_token[max(named)]]
    return last if last.type in ORG_TYPES else None


def _sentence_party(sentence: Span, before: int, index: EntityIndex) -> Resolved | None:
    """The one party `sentence` names before token `before`, if it names exactly one: whom a bare
    'leader' leads ('The Liberal Democrats launched their platform, with leader X saying ...')."""
    keys = {
        index.by_token[i]
        for i in range(sentence.start, before)
        if index.by_token.get(i, "").startswith("party:")
    }
    return index.entities[keys.pop()] if len(keys) == 1 else None


def prefix_posts(sentence: Span, index: EntityIndex, rules: Rules) -> Iterator[Post]:
    """Titles written before a person's name: 'Israeli Defense Minister Yoav Gallant'."""
    doc = sentence.doc
    seen: set[tuple[int, int]] = set()
    honorifics = rules.words("posts", "title_words_before_name")
    heads = rules.words("posts", "heads")
    shared: dict[int, list[Token]] = {}  # a plural title's first name -> the title
    listed: dict[int, list[Token]] = {}  # the end of a titled name -> its organisation's words
    for token in index.mention_tokens(sentence):
        person = index.at(token)
        span = index.spans.get(token.i)
        if person is None or person.type != "person" or span is None or span in seen:
            continue
        seen.add(span)
        i = span[0] - 1
        while i >= sentence.start and doc[i].text in honorifics:
            i -= 1
        tokens: list[Token] = []
        while i >= sentence.start and (
            _title_like(doc[i], index, rules)
            or _bridge(doc[i], tokens, sentence, rules)
            or _portfolio(doc[i], tokens)
        ):
            if _of_another(doc[i], tokens, heads):
                break  # "the government of Prime Minister X": the title has its head
            tokens.insert(0, doc[i])
            i -= 1
        if tokens and i >= sentence.start and doc[i].lower_ in OWNERS:
            tokens.insert(0, doc[i])  # "Its deputy leader X": of the body named last
        elif tokens and i >= sentence.start and doc[i].lower_ in rules.posts["past_modifiers"]:
            tokens.insert(0, doc[i])  # "then Foreign Minister X": an adverb, held no longer
        root = doc[span[1] - 1]
        # "Tory MPs X, Y and Z": Y's and Z's title too (Y may be parsed in apposition to X)
        if not tokens and root.dep_ in ("conj", "appos"):
            tokens = shared.get(root.head.i, [])
            if tokens:
                shared[root.i] = tokens
        elif tokens and _plural_head(tokens[-1], rules):
            shared[root.i] = tokens
        inherited = listed.get(_list_before(tokens[0]), []) if tokens else []
        if inherited and _bare_title(tokens, index, rules):
            tokens = inherited + tokens  # "Harbour Trust chairman X, director-general Y"
        if tokens and (post := make_post(person, tokens, [], sentence, index, rules)):
            if post.country is None and post.org is None:
                post = replace(post, country=_country_after(span[1], sentence, index))
            named = [k for k, t in enumerate(tokens) if entity_at(t, index, ORG_TYPES)]
            if named:
                listed[span[1]] = tokens[: named[-1] + 1]
            yield post


def _portfolio(token: Token, after: list[Token]) -> bool:
    """Whether a common noun in lower case names what the title after it is for: 'housing' in
    'Greens housing spokesman X' (a compound of a word of the title; a whole word, not 'time'
    of 'long-time')."""
    joined = token.i > 1 and hyphen_after(token.doc[token.i - 2])
    return (
        bool(after)
        and not joined
        and token.is_lower
        and token.pos_ == "NOUN"
        and token.dep_ == "compound"
        and token.head in after
    )


def _of_another(word: Token, after: list[Token], heads: frozenset[str]) -> bool:
    """Whether an 'of' before a title that has its head already joins it to a common noun, not
    to a name: 'the government of Prime Minister X' (not 'Association of Chief Police Officers
    president X')."""
    if word.lower_ != "of" or word.i == 0 or not heads & {t.lower_ for t in after}:
        return False
    return word.doc[word.i - 1].is_lower


def _bridge(token: Token, after: list[Token], sentence: Span, rules: Rules) -> bool:
    """Whether `token` joins a title's head to the words `after` it that complete it: 'for' in
    'Minister for Europe X', 'to the' in 'Chief Secretary to the Treasury X'; never before
    another title ('spokesman for the Tory leader X')."""
    if not after or any(t.lower_ in rules.posts["heads"] for t in after):
        return False
    if token.lower_ == "the":
        before = token.i - 1
        return before >= sentence.start and token.doc[before].lower_ in TITLE_PREPOSITIONS
    return token.lower_ in TITLE_PREPOSITIONS


def _country_after(end: int, sentence: Span, index: EntityIndex) -> str | None:
    """The place 'of' names right after a titled name, as wires write a head of government's
    country: 'President Marta Ruiz of Chile'."""
    doc = sentence.doc
    if end + 1 >= sentence.end or doc[end].lower_ != "of":
        return None
    place = entity_at(doc[end + 1], index, ("place",))
    return place.name if place is not None else None


def _list_before(first: Token) -> int:
    """Where the name before a title ends, when a comma or 'and' is all that lies between:
    'X, director-general Y' (-1 otherwise)."""
    i = first.i - 1
    while i >= 0 and first.doc[i].lower_ in (",", "and"):
        i -= 1
    return i + 1 if i + 1 < first.i else -1


def _bare_title(tokens: list[Token], index: EntityIndex, rules: Rules) -> bool:
    """A title of lower-case words naming no organisation nor a post of a country's ('chief
    executive', not 'prime minister'): one a list may give within the organisation named first."""
    words = " ".join(t.lower_ for t in tokens)
    return (
        all(t.is_lower or t.is_punct for t in tokens)
        and not any(index.at(t) for t in tokens)
        and not any(words.endswith(title) for title in rules.posts["leader_titles"])
    )


def _named_after(
    complement: list[Token], sentence: Span, index: EntityIndex, rules: Rules
) -> list[Resolved]:
    """The organisation named right after a complement that ends in a word for a body: 'leader
    of the main opposition party, the Y Party' (Y)."""
    if not complement or complement[-1].lower_ not in rules.posts["membership_nouns"]:
        return []
    doc, comma = sentence.doc, complement[-1].i + 1
    if comma >= sentence.end or doc[comma].text != ",":
        return []
    name = next((t for t in doc[comma + 1 : sentence.end] if t.lower_ != "the"), None)
    org = entity_at(name, index, ORG_TYPES) if name is not None else None
    return [org] if org is not None else []


def referred_body(noun: Token, index: EntityIndex) -> Resolved | None:
    """The organisation 'the' and a noun refer to: for 'the party' the party named last before
    it, for another noun the last organisation named before whose name has that word ('the
    Environmental Protection Agency ... said X, a spokeswoman for the agency')."""
    if noun.pos_ != "NOUN" or [c.lower_ for c in noun.children] != ["the"]:
        return None
    if noun.lower_ == "party":
        return _last_party(noun, index)
    for token in reversed(index.mention_tokens(noun.doc[: noun.i])):
        org = entity_at(token, index, ORG_TYPES)
        if org is not None and noun.lower_ in org.name.lower().split():
            return org
    return None


def complement_of(noun: Token, index: EntityIndex, rules: Rules) -> list[Token]:
    """What an appositive title is of or for: 'of Alcohol Focus Scotland', 'for the family', also
    the one written after the next title joined to it ('the founder and chief executive of X');
    with one of `named_complement_prepositions` only an organisation ('a lawmaker with the
    ruling X Party', not 'with 20 years' experience')."""
    named_only = rules.posts["named_complement_prepositions"]
    prepositions = (*rules.posts["complement_prepositions"], *named_only)
    # "the founder and chief executive of X": written after the last title, parsed on the first
    shared = [p for p in noun.head.rights if p.i > noun.i] if noun.dep_ == "conj" else []
    for prep in [*noun.rights, *shared]:
        if prep.dep_ == "prep" and prep.lower_ in prepositions:
            tokens = list(prep.subtree)
            stops = (",", ";", ":", "(", ")", '"', "“", "”")
            cut = next(
                (k for k, t in enumerate(tokens) if t.text in stops or t.dep_ == "relcl"), None
            )
            tokens = tokens[:cut]
            tokens = tokens[: _joined_on(tokens, index, rules)]
            doc = noun.doc
            while (
                tokens
                and tokens[-1].i + 1 < len(doc)
                and entity_at(doc[tokens[-1].i + 1], index, ORG_TYPES)
            ):
                tokens.append(doc[tokens[-1].i + 1])  # "head of gaming industry body ELSPA"
            dated = any(t.ent_type_ in ("DATE", "TIME") for t in tokens)  # "leader on Sunday"
            # a longer one only if it is all names: "of the Office of the Central Foreign
            # Affairs Commission"
            named = all(t.is_title or t.pos_ in ("ADP", "DET", "CCONJ", "PART") for t in tokens)
            if prep.lower_ in named_only and not any(
                entity_at(t, index, ORG_TYPES) for t in tokens
            ):
                continue
            words = len(
                {index.spans[t.i] if entity_at(t, index, ("party",)) else t.i for t in tokens}
            )
            if (
                len(tokens) > 1
                and words <= (LONG_COMPLEMENT if named else COMPLEMENT)
                and not dated
                and not any(entity_at(t, index, ("person",)) for t in tokens)
            ):
                return tokens
    return []


def _joined_on(tokens: list[Token], index: EntityIndex, rules: Rules) -> int | None:
    """Where another description of the person is joined on to the organisation a complement
    names: 'of the X party | and son of ...', 'of the Y Party | and a former minister' ('and' on
    the complement's own noun, which names the organisation, before a relative, a title or an
    occupation; not 'of the Z treasury and postal subcommittee')."""
    noun = next((t for t in tokens if t.dep_ == "pobj" and t.head.i == tokens[0].i), None)
    if noun is None or not any(entity_at(t, index, ORG_TYPES) for t in (noun, *noun.lefts)):
        return None
    person_words = rules.words("posts", "heads", "kinship", "occupations", "party_member_nouns")
    described = [c.i for c in noun.conjuncts if c.lower_ in person_words]
    return next(
        (
            k
            for k, t in enumerate(tokens[:-1])
            if t.dep_ == "cc" and t.head.i == noun.i and any(i > t.i for i in described)
        ),
        None,
    )


def appositive_posts(sentence: Span, index: EntityIndex, rules: Rules) -> Iterator[Post]:
    """Titles in apposition ('X, the opposition leader', 'the opposition leader, X') or given by
    a verb ('X is a co-chairman of Y', 'X became chancellor', 'X served as deputy leader')."""
    heads = rules.words("posts", "heads")
    firsts: dict[int, Token] = {}
    for token in index.mention_tokens(sentence):
        person = index.at(token)
        if person is None or person.type != "person":
            continue
        appositions = [c for c in token.children if c.dep_ == "appos"]
        # "X, a member of Y and director of Z": each title the apposition joins
        appositions += [c for a in appositions for c in a.conjuncts if c.tag_.startswith("NN")]
        nouns = [c for c in appositions if c.lower_ in heads or _plural_head(c, rules)]
        nouns += [  # "Sen. X, R-Texas, chairman of ...": parsed on the party tag's state
            g
            for c in token.children
            if c.dep_ == "appos" and c.lower_ not in heads and not entity_at(c, index, ("person",))
            for g in c.children
            if g.dep_ == "appos" and g.lower_ in heads
        ]
        if token.dep_ == "conj":  # "A and B, both Labour MPs", "A and B are Labour MPs": B's too
            nouns += [
                c for c in token.head.children if c.dep_ == "appos" and _plural_head(c, rules)
            ]
            first = first_conjunct(token, firsts)
            nouns += [n for n in role_nouns(first, rules) if _plural_head(n, rules)]
        if token.dep_ == "appos" and token.head.lower_ in heads and index.at(token.head) is None:
            nouns.append(token.head)
        if token.dep_ == "appos" and (titled := _complemented_title(token.head, index, rules)):
            nouns.append(titled)  # "the MP for Barnsley, Tom Carver": parsed on Barnsley
        nouns += [
            n for n in role_nouns(token, rules) if n.lower_ in heads or _plural_head(n, rules)
        ]
        for who in _relative_subjects(token):  # "X, who served as chancellor until 2010"
            nouns += [n for n in role_nouns(who, rules) if n.lower_ in heads]
        nouns += [  # "X, her predecessor as home secretary"
            n for a in appositions if predecessor(a, rules) for n in objects_after(a, "as")
        ]
        title = [] if nouns else _set_off_title(token, sentence, index, rules)
        if title and (post := make_post(person, title, [], sentence, index, rules)):
            yield post  # "X, Tory shadow transport secretary, said", misparsed
        yield from _noun_posts(person, nouns, sentence, index, rules, token)
    yield from _possessed_posts(sentence, index, rules)


def _set_off_title(name: Token, sentence: Span, index: EntityIndex, rules: Rules) -> list[Token]:
    """The title commas set off right after a name, read from the words alone when the parse
    missed the apposition: every word title-like, the last a title head ('X, Tory shadow work
    and pensions secretary, said')."""
    span = index.spans.get(name.i)
    if span is None or name.i != span[1] - 1 or span[1] >= sentence.end:
        return []
    doc = sentence.doc
    if doc[span[1]].text != ",":
        return []
    words: list[Token] = []
    for token in doc[span[1] + 1 : min(sentence.end, span[1] + 10)]:
        if token.text == ",":
            heads = rules.posts["heads"]
            return words if words and words[-1].lower_ in heads else []
        lower_word = token.is_lower and token.pos_ in ("NOUN", "ADJ")  # "shadow", "work"
        if not (_title_like(token, index, rules) or token.lower_ in ("and", "&") or lower_word):
            return []  # not "X, whose father was a Labour MP,"
        if entity_at(token, index, ("person",)):
            return []
        words.append(token)
    return []


def _complemented_title(word: Token, index: EntityIndex, rules: Rules) -> Token | None:
    """The title whose complement `word` ends, where the parser hung a name in apposition on
    the complement: 'the MP for Barnsley, Tom Carver' (the title 'MP'), 'the candidate in
    Exeter, X', 'the candidate for mayor of Vorsk, X' (the candidate's, not the mayor's)."""
    prep = word.head
    title = prep.head
    linking = rules.words("posts", "complement_prepositions", "place_prepositions")
    if word.dep_ != "pobj" or prep.lower_ not in linking:  # also "candidate in Exeter, X"
        return None
    heads = rules.posts["heads"]
    if title.lower_ not in heads or index.at(title) is not None:
        return None
    while (  # "the Y Party's candidate for mayor of Vorsk, X": the candidate, not the mayor
        title.dep_ == "pobj"
        and title.head.lower_ in linking
        and (above := title.head.head).lower_ in heads
        and index.at(above) is None
    ):
        title = above
    return title


def _relative_subjects(name: Token) -> list[Token]:
    """The 'who' subjecting a relative clause on a name: 'X, who became chancellor', also where
    the parser hung the clause on a title in apposition to it ('X, the MP for Y, who became')."""
    appositions = [c for c in name.children if c.dep_ == "appos"]
    return [
        c
        for word in (name, *appositions)
        for clause in word.children
        if clause.dep_ == "relcl"
        for c in clause.children
        if c.dep_ in SUBJECTS and c.lower_ == "who"
    ]


def pronoun_posts(sentence: Span, index: EntityIndex, rules: Rules) -> Iterator[Post]:
    """Posts a verb gives a resolved pronoun: 'He became shadow chancellor in 1992', '"I was
    appointed chairman," he said'. Run once `pronouns` has resolved them."""
    heads = rules.words("posts", "heads")
    for token in index.mention_tokens(sentence):
        person = index.at(token)
        if person is None or person.type != "person" or token.pos_ != "PRON":
            continue
        nouns = [n for n in role_nouns(token, rules) if n.lower_ in heads]
        yield from _noun_posts(person, nouns, sentence, index, rules, token)


def _noun_posts(
    person: Resolved,
    nouns: list[Token],
    sentence: Span,
    index: EntityIndex,
    rules: Rules,
    holder: Token | None = None,
) -> Iterator[Post]:
    """The posts title nouns give `person` (named at `holder`, where a verb gives them)."""
    for noun in nouns:
        start = noun.left_edge.i
        while start > sentence.start and not sentence.doc[start - 1].whitespace_:
            start -= 1  # the whole written word: "co-chairman" is three tokens
        start = max(sentence.start, min(start, sentence.doc[start].left_edge.i))
        end = noun.i + 1
        doc = sentence.doc
        while end + 1 < sentence.end and doc[end].text == "-" and not doc[end - 1].whitespace_:
            end += 2  # the whole written word: "secretary-general" is three tokens too
        title = list(doc[start:end])
        while title and entity_at(title[0], index, ("person",)):
            title = title[1:]
        complement = complement_of(noun, index, rules) or _relative_complement(noun, index)
        handed_on = holder is not None and holder.dep_ == "dobj" and succeeded(noun, rules)
        past = ended(noun, rules) or handed_on or left(noun, rules)
        post = make_post(person, title, complement, sentence, index, rules, past)
        owner = _appointing_body(title, holder, index)
        if post is not None and post.org is None and owner is not None:
            kept = [t for t in title if t.tag_ != "PRP$"]
            post = replace(post, org=owner, role=_role(kept, owner, None, rules))
        if post is not None:
            yield post


def _appointing_body(
    title: list[Token], holder: Token | None, index: EntityIndex
) -> Resolved | None:
    """The organisation that gives its own post: 'the party elected X as its leader' (the
    subject 'its' stands for, when it names one)."""
    if not title or title[0].lower_ not in OWNERS or holder is None:
        return None
    if holder.dep_ != "dobj":
        return None
    subjects = [c for c in holder.head.children if c.dep_ == "nsubj"]
    return next((e for s in subjects if (e := entity_at(s, index, ORG_TYPES))), None)


def _relative_complement(noun: Token, index: EntityIndex) -> list[Token]:
    """The organisation a relative clause is about: 'the Middle Way Group, of which Mr Opik is a
    co-chairman' ('of' and the organisation's words)."""
    verb = noun.head
    prep = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    if verb.dep_ != "relcl" or prep is None or not any(c.lower_ == "which" for c in prep.children):
        return []
    span = index.spans.get(verb.head.i)
    if span is None or entity_at(verb.head, index, ORG_TYPES) is None:
        return []
    return [prep, *verb.doc[span[0] : span[1]]]


def _possessed_posts(sentence: Span, index: EntityIndex, rules: Rules) -> Iterator[Post]:
    """A post someone has: 'Mr Kinnock added that ... his appointment as chairman of the British
    Council' ('his' is the subject of the sentence), 'Ms Roe's role as chief economist'."""
    heads = rules.words("posts", "heads")
    root = sentence.root
    subject = next((c for c in root.children if c.dep_ in SUBJECTS), None)
    speaker = entity_at(subject, index, ("person",)) if subject is not None else None
    doc = sentence.doc
    role_nouns = rules.posts["role_nouns"]
    found = cached(doc, "possessed_posts", lambda: positions_of(doc, role_nouns, LOWER))
    for noun in tokens_at(sentence, found):
        if noun.lower_ not in role_nouns:
            continue
        poss = next((c for c in noun.children if c.dep_ == "poss"), None)
        if poss is None:
            continue
        person = entity_at(poss, index, ("person",))
        if person is None and poss.lower_ in ("his", "her") and _reported(noun, root):
            person = speaker if _may_be(speaker, poss.lower_) else None
        if person is None or hypothetical(noun):
            continue
        nouns = [
            p
            for prep in noun.children
            if prep.dep_ == "prep" and prep.lower_ == "as"
            for p in prep.children
            if p.dep_ == "pobj" and p.lower_ in heads
        ]
        yield from _noun_posts(person, nouns, sentence, index, rules)


def _reported(token: Token, root: Token) -> bool:
    """Whether `token` is in what the subject of `root` says: 'X added that ... his post'."""
    return any(t.dep_ == "ccomp" and t.head == root for t in token.ancestors)


def _may_be(person: Resolved | None, pronoun: str) -> bool:
    """Whether 'his' / 'her' can be `person`, as far as the honorifics written show."""
    if person is None:
        return False
    titles = {alias.split()[0] for alias in person.aliases if " " in alias}
    male, female = (
        {"Mr", "Mr.", "Sir", "Lord"},
        {"Mrs", "Mrs.", "Ms", "Ms.", "Miss", "Lady", "Dame"},
    )
    return not titles & (female if pronoun == "his" else male)


def most_specific(posts: list[Post]) -> list[Post]:
    """Drop a post whose title is part of a longer title of the same person ('Secretary')."""

    def covered(post: Post) -> bool:
        return any(
            other.person is post.person
            and other.label != post.label
            and post.label.lower() in other.label.lower()
            and post.country in (None, other.country)
            for other in posts
        )

    return [p for p in posts if not covered(p)]
