"""Counterparts resolved to the person they are: in 'British Foreign Secretary X met her Chinese
counterpart in Beijing', the counterpart is the one person the article gives a post in China
('Chinese Foreign Minister Y said the talks were frank'), or, where it gives several, the one
whose post shares a word of its portfolio with X's ('foreign').

The reference becomes a mention of that person, so the meeting is theirs; where the country is
not given, no one in the article holds a post there, or several do and the portfolio does not
single one out, it stays unresolved. The words are data (posts.json `counterpart_nouns`).
"""

from __future__ import annotations

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


def _counterpart(
    noun: Token, country: str, posts: list[Post], index: EntityIndex, rules: Rules
) -> Resolved | None:
    """The one holder of a post in `country` the counterpart can be, if there is one."""
    verb = next((t for t in noun.ancestors if t.pos_ in ("VERB", "AUX")), None)
    owners = [p for p, _ in subjects_of(verb, index)] if verb is not None else []
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


def resolve_counterparts(doc: Doc, posts: list[Post], index: EntityIndex, rules: Rules) -> None:
    """Make 'her Chinese counterpart' a mention of the person it is, where the article says."""
    nouns = rules.posts["counterpart_nouns"]
    for noun in tokens_at(doc, positions_of(doc, nouns, LOWER)):
        if noun.lower_ not in nouns or noun.i in index.by_token:
            continue
        words = [t for t in noun.lefts if t.dep_ in ("amod", "compound")]
        country = country_of(words, index, rules)
        if country is None:
            continue
        person = _counterpart(noun, country, posts, index, rules)
        if person is not None:
            start = min((t.i for t in words), default=noun.i)
            index.add_mention(index.key_of(person), start, noun.i + 1, indirect=True)
