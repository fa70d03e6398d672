"""Groups named by their posts, resolved to the people the article gives those posts.

'The leaders of Chile and Peru met Lula', 'the British and French foreign ministers held
talks': a plural title (one of `posts.json` `heads`) with the countries it is of, by 'of' or by
national adjectives (`demonyms.json`), names the holder of that post in each country, when the
article names exactly one. The group's token then stands for those people
(`EntityIndex.groups`), so that a meeting with the group is a meeting with each of them.

A group noun (`met.group_nouns`: 'a delegation', 'a group of lawmakers') stands in the same way
for the people the text puts in it: its leader ('a delegation led by X', one of
`met.group_leading_verbs`) and its examples ('a group of lawmakers including X and Y').
"""

from __future__ import annotations

from spacy.attrs import LEMMA
from spacy.tokens import Doc, Token

from kg.extract.entities import EntityIndex
from kg.extract.participants import persons_of
from kg.extract.posts import Post, entity_at
from kg.extract.rules import Rules
from kg.extract.text import examples_of, positions_of, tokens_at


def _countries(noun: Token, index: EntityIndex, rules: Rules) -> list[str]:
    """The countries a plural title is of: 'of Chile and Peru', 'the British and French'."""
    named: list[Token] = []
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            named += [t for p in child.children if p.dep_ == "pobj" for t in p.subtree]
        if child.dep_ in ("amod", "compound") and child.text in rules.demonyms:
            named += [child, *(c for c in child.children if c.dep_ == "conj")]
    countries = [rules.demonyms[t.text] for t in named if t.text in rules.demonyms]
    countries += [e.name for t in named if (e := entity_at(t, index, ("place",)))]
    return list(dict.fromkeys(countries))


def _holds(post: Post, word: str, country: str, rules: Rules) -> bool:
    """Whether `post` is the one the plural title `word` means in `country`."""
    if post.country != country or post.past:
        return False
    label = post.label.lower()
    return word in label or (
        word == "leader" and any(t in label for t in rules.posts["leader_titles"])
    )


def resolve_groups(doc: Doc, posts: list[Post], index: EntityIndex, rules: Rules) -> None:
    """Record in the index the people each plural title of the doc names, where the article
    gives the post in each of its countries to exactly one person."""
    heads = rules.words("posts", "heads")
    for noun in tokens_at(doc, positions_of(doc, heads, LEMMA)):
        if noun.tag_ != "NNS" or noun.lemma_.lower() not in heads or index.at(noun) is not None:
            continue
        countries = _countries(noun, index, rules)
        if len(countries) < 2:
            continue
        members = []
        for country in countries:
            holders = {
                id(p.person): p.person
                for p in posts
                if _holds(p, noun.lemma_.lower(), country, rules)
            }
            if len(holders) != 1:
                break
            members.append(index.key_of(next(iter(holders.values()))))
        else:
            index.groups[noun.i] = tuple(members)


def resolve_delegations(doc: Doc, index: EntityIndex, rules: Rules) -> None:
    """Record in the index the people each group noun of the doc names by its leader or its
    examples: 'met a delegation led by X', 'a group of lawmakers including X and Y', or the
    sentence after names: 'met a group of governors. The governors, among them X and Y, ...'."""
    spec = rules.triggers["met"]
    nouns, leading = set(spec["group_nouns"]), set(spec["group_leading_verbs"])
    for noun in tokens_at(doc, positions_of(doc, nouns, LEMMA)):  # most articles name none
        if noun.pos_ != "NOUN" or noun.lemma_.lower() not in nouns or noun.i in index.groups:
            continue
        members = [  # "a delegation of ministers led by X": the group or its 'of' noun
            noun,
            *(p for prep in noun.children if prep.lower_ == "of" for p in prep.children),
        ]
        named = _named_in(members, leading) or _named_in(_mentioned_next(members), leading)
        people = [index.key_of(person) for t in named for person, _ in persons_of(t, index)]
        if people:
            index.groups[noun.i] = tuple(dict.fromkeys(people))


def _named_in(members: list[Token], leading: set[str]) -> list[Token]:
    """The words that name people in a group: its leader ('led by X'), its examples ('including
    X') and, for a definite group, the names in apposition to it ('the governors, among them X
    and Y', 'the two envoys, X and Y')."""
    named = [
        pobj
        for member in members
        for acl in member.children
        if acl.dep_ == "acl" and acl.lemma_.lower() in leading
        for agent in acl.children
        if agent.dep_ == "agent"
        for pobj in agent.children
    ]
    named += [example for member in members for example in examples_of(member)]
    definite = [m for m in members if any(c.lower_ == "the" for c in m.children)]
    return named + [c for member in definite for c in member.children if c.dep_ == "appos"]


def _mentioned_next(members: list[Token]) -> list[Token]:
    """The group written again, with 'the', in the sentence after: 'a group of governors. The
    governors, ...'."""
    doc = members[0].doc
    end = members[0].sent.end
    if end >= len(doc):
        return []
    words = {m.lemma_.lower() for m in members}
    return [
        t
        for t in doc[end].sent
        if t.pos_ == "NOUN"
        and t.lemma_.lower() in words
        and any(c.lower_ == "the" for c in t.children)
    ][:1]
