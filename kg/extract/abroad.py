"""Visits a meeting or a speech abroad implies: 'Japanese Foreign Minister X met Y in Ankara' and
'Speaking in Ankara, Japanese Foreign Minister X said' say X went to Ankara, since her title
gives her country and Ankara lies outside it.

A person's countries are those their posts give ('Japanese', 'US', 'of Britain'); a meeting's
place is the one the sentence puts it at, a speaker's the place the verb of speaking or a
participle on it gives ('told reporters in Ankara', 'said at a news conference in Ankara',
'Speaking in Ankara, X said'). A participant or speaker visited the place when the gazetteer
knows their countries as countries and puts the place outside every one; where it cannot tell,
or the place is in one of them ('British Prime Minister X met Y in London'), nothing is added.
The visit has the meeting's sentence, status and date.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.tokens import Span, Token

from kg.extract.entities import EntityIndex, Resolved
from kg.extract.factuality import status_of
from kg.extract.gazetteer import load_gazetteer
from kg.extract.participants import entities_of, lemma, lemma_positions, persons_of
from kg.extract.posts import Post
from kg.extract.relations import Found
from kg.extract.rules import Rules
from kg.extract.text import cached, tokens_at


def _abroad(place: str, countries: set[str]) -> bool:
    """Whether the gazetteer knows each of `countries` as a country and puts `place` outside
    them all (a demonym's country it knows by another name, or as a town, tells nothing)."""
    gazetteer = load_gazetteer()
    homes = [gazetteer.find(country) for country in countries]
    if any(home is None or home.kind != "country" for home in homes):
        return False
    return all(
        gazetteer.canonical(place) != gazetteer.canonical(country)
        and gazetteer.relation(place, country) == "apart"
        for country in countries
    )


def _countries(posts: Iterable[Post]) -> dict[int, set[str]]:
    """The countries each person's posts give, by the person's id."""
    countries: dict[int, set[str]] = {}
    for post in posts:
        if post.country:
            countries.setdefault(id(post.person), set()).add(post.country)
    return countries


def visits_abroad(found: Iterable[Found], posts: Iterable[Post], rules: Rules) -> Iterator[Found]:
    """A visit to the place of each meeting for each participant whose countries it lies
    outside."""
    countries = _countries(posts)
    if not countries:
        return
    confidence = rules.triggers["visited"]["confidence"]
    for meeting in found:
        if meeting.predicate != "met" or meeting.place is None:
            continue
        place = meeting.place
        for person in (meeting.subject, meeting.object):
            home = countries.get(id(person))
            if home and _abroad(place.name, home):
                yield Found(
                    "visited",
                    person,
                    place,
                    meeting.sentence,
                    min(confidence, meeting.confidence),
                    meeting.status,
                    meeting.date,
                )


def _spoken_at(verb: Token, index: EntityIndex, rules: Rules) -> Resolved | None:
    """The place a verb of speaking, or a participle on it, gives: 'said in Ankara', 'said at a
    news conference in Ankara', 'Speaking in Ankara, X said'."""
    prepositions = rules.triggers["place_prepositions"]
    clauses = [verb, *(c for c in verb.children if c.dep_ == "advcl" and c.tag_ == "VBG")]
    for clause in clauses:
        for prep in (c for c in clause.children if c.dep_ == "prep" and c.lower_ in prepositions):
            for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                inner = [  # "at a news conference in Ankara"
                    o
                    for p in pobj.children
                    if p.dep_ == "prep" and p.lower_ in prepositions
                    for o in p.children
                    if o.dep_ == "pobj"
                ]
                for word in (pobj, *inner):
                    if places := entities_of(word, index, ("place",)):
                        return places[0][0]
    return None


def speeches_abroad(
    body: list[Span], index: EntityIndex, posts: Iterable[Post], rules: Rules
) -> Iterator[Found]:
    """A visit to the place a speaker speaks at, for each speaker whose countries it lies
    outside."""
    countries = _countries(posts)
    if not countries or not body:
        return
    verbs = rules.quotes["verbs"]
    doc = body[0].doc
    found = cached(doc, "speeches_abroad", lambda: lemma_positions(doc, verbs))
    confidence = rules.triggers["visited"]["confidence"]
    for sentence in body:
        for verb in tokens_at(sentence, found):
            if verb.pos_ != "VERB" or lemma(verb, verbs) not in verbs:
                continue
            place = _spoken_at(verb, index, rules)
            if place is None:
                continue
            speakers = [
                p for c in verb.children if c.dep_ == "nsubj" for p, _ in persons_of(c, index)
            ]
            for person in dict.fromkeys(speakers):
                home = countries.get(id(person))
                if home and _abroad(place.name, home):
                    status = status_of(verb, rules)
                    yield Found("visited", person, place, sentence, confidence, status)
