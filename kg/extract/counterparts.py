"""Counterparts resolved to the person they are: in 'British Foreign Secretary X met her Chinese
counterpart in Beijing', the counterpart is the one person the article gives a post in China
('Chinese Foreign Minister Y said the talks were frank'), or, where it gives several, the one
whose post shares a word of its portfolio with X's ('foreign').

The reference becomes a mention of that person, so the meeting is theirs; where the country is
not given, no one in the article holds a post there, or several do and the portfolio does not
single one out, it stays unresolved. A counterpart the text names beside it ('his Chilean
counterpart Lena Moss', 'her counterpart, X') is that person, who holds the other's post in the
country it gives. The words are data (posts.json `counterpart_nouns`).
"""

from __future__ import annotations

from dataclasses import replace

from spacy.attrs import LOWER
from spacy.tokens import Doc, Token

from kg.extract.entities import EntityIndex, Resolved
from kg.extract.participants import subjects_of
from kg.extract.posts import Post, country_of
from kg.extract.rules import Rules
from kg.extract.text import positions_of, tokens_at


def _portfolio(posts: list[Post], rules: Rules) -> set[str]:
    """The words of the posts' labels that are neither a title's head nor a demonym."""
    heads = rules.words("posts", "heads")
    return {
        word
        for post in posts
        for word in post.label.lower().split()
        if word not in heads and word.capitalize() not in rules.demonyms
    }


def _owners(noun: Token, index: EntityIndex) -> list[Resolved]:
    """The persons whose counterpart the noun names: the subjects of its verb ('X met her
    counterpart')."""
    verb = next((t for t in noun.ancestors if t.pos_ in ("VERB", "AUX")), None)
    return [p for p, _ in subjects_of(verb, index)] if verb is not None else []


def _counterpart(
    noun: Token, country: str, posts: list[Post], index: EntityIndex, rules: Rules
) -> Resolved | None:
    """The one holder of a post in `country` the counterpart can be, if there is one."""
    owners = _owners(noun, index)
    holders = [p for p in posts if p.country == country and not p.past]
    holders = [p for p in holders if not any(p.person is o for o in owners)]
    if len(_people(holders)) > 1:  # "foreign secretary" and "foreign minister" share "foreign"
        words = _portfolio([p for p in posts if any(p.person is o for o in owners)], rules)
        holders = [p for p in holders if words and words <= _portfolio([p], rules)]
    people = _people(holders)
    return people[0] if len(people) == 1 else None


def _people(posts: list[Post]) -> list[Resolved]:
    """The persons holding `posts`, each once."""
    return list({id(p.person): p.person for p in posts}.values())


def _named(noun: Token, index: EntityIndex) -> Resolved | None:
    """The person the text names beside the counterpart noun: 'his counterpart Lena Moss', 'her
    counterpart, X', 'X, his counterpart'."""
    beside = [c for c in noun.children if c.dep_ == "appos"]
    if noun.dep_ in ("appos", "compound"):
        beside.append(noun.head)
    return next((p for t in beside if (p := index.at(t)) is not None and p.type == "person"), None)


def _owner_post(noun: Token, named: Resolved, posts: list[Post], index: EntityIndex) -> Post | None:
    """The one current post of the one person whose counterpart `named` is: the subject of the
    verb ('X met his counterpart Y') or the name the counterpart is joined to ('X and his
    counterpart Y')."""
    owners = _owners(noun, index)
    if noun.dep_ == "conj" and (head := index.at(noun.head)) is not None:
        owners.append(head)
    people = {id(p): p for p in owners if p is not named}
    if len(people) != 1:
        return None
    (owner,) = people.values()
    held = [p for p in posts if p.person is owner and not p.past]
    return held[0] if len(held) == 1 else None


def resolve_counterparts(
    doc: Doc, posts: list[Post], index: EntityIndex, rules: Rules
) -> list[Post]:
    """Make 'her Chinese counterpart' a mention of the person it is, where the article says;
    return the posts counterparts named beside the noun hold ('his Chilean counterpart X')."""
    nouns = rules.posts["counterpart_nouns"]
    found: list[Post] = []
    for noun in tokens_at(doc, positions_of(doc, nouns, LOWER)):
        if noun.lower_ not in nouns or noun.i in index.by_token:
            continue
        words = [t for t in noun.lefts if t.dep_ in ("amod", "compound")]
        country = country_of(words, index, rules)
        if country is None:
            continue
        start = min((t.i for t in words), default=noun.i)
        named = _named(noun, index)
        if named is not None:
            post = _owner_post(noun, named, posts, index)
            if post is not None and post.country != country:
                sentence = doc[noun.i].sent
                found.append(
                    replace(
                        post,
                        person=named,
                        country=country,
                        org=None,
                        role=None,
                        party=None,
                        sentence=sentence,
                        title_start=start,
                        title_end=noun.i + 1,
                    )
                )
            continue
        person = _counterpart(noun, country, posts, index, rules)
        if person is not None:
            index.add_mention(index.key_of(person), start, noun.i + 1, indirect=True)
    return found
