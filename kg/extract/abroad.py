"""Visits a meeting abroad implies: 'Japanese Foreign Minister X met Y in Ankara' says X went to
Ankara, since her title gives her country and Ankara lies outside it.

A person's countries are those their posts give ('Japanese', 'US', 'of Britain'); a meeting's
place is the one the sentence puts it at. A participant visited the place when the gazetteer
knows their countries as countries and puts the place outside every one; where it cannot tell,
or the place is in one of them ('British Prime Minister X met Y in London'), nothing is added.
The visit has the meeting's sentence, status and date.

The other way round, leaving a place or coming back to one ('left Beijing for Canberra',
'returned to Tokyo') is no visit where the place lies in the person's own country.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from kg.extract.gazetteer import load_gazetteer
from kg.extract.posts import Post
from kg.extract.relations import Found
from kg.extract.rules import Rules


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
    """Each person's countries, as their posts give them (by the person's id)."""
    countries: dict[int, set[str]] = {}
    for post in posts:
        if post.country:
            countries.setdefault(id(post.person), set()).add(post.country)
    return countries


def _at_home(place: str, countries: set[str]) -> bool:
    """Whether the gazetteer puts `place` in one of `countries` (or it is one of them)."""
    gazetteer = load_gazetteer()
    return any(
        gazetteer.canonical(place) == gazetteer.canonical(country)
        or gazetteer.relation(place, country) == "in"
        for country in countries
    )


def away_from_home(found: list[Found], posts: Iterable[Post]) -> list[Found]:
    """`found` without the visits read from leaving or coming back to a place in the person's
    own country ('Chinese Premier X left Beijing for Canberra': Beijing is no visit)."""
    countries = _countries(posts)
    return [
        f
        for f in found
        if not (f.home_side and _at_home(f.object.name, countries.get(id(f.subject), set())))
    ]


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
