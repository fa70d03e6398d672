"""Cross-article resolution: one name per person and one event per meeting, whatever the article.

Runs between extraction and RDF on `kg.types` values (no spaCy, no rdflib). A `NameIndex` maps a
person an article names only by surname ("Blair", "Mr Blair") onto the one full name known with
that surname ("Tony Blair"). A `MeetingIndex` gives the `met` facts of several articles one event
key when they report the same meeting: same two people, same status, and equal dates or one of
them undated. A `Resolver` holds both; `from_store` seeds it with one query for each.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from functools import cache
from itertools import islice
from typing import TYPE_CHECKING
from urllib.parse import unquote

from kg.types import Entity, EntityType, Extraction, Fact

if TYPE_CHECKING:
    from kg.store import GraphStore

HONORIFICS = frozenset(
    {"Mr", "Mrs", "Ms", "Miss", "Dr", "Sir", "Lord", "Lady", "Dame", "Baroness", "Rev"}
    | {"Mr.", "Mrs.", "Ms.", "Dr."}
)
"""Words before a surname that do not make a name full ("Mr Blair"): the honorifics of
`kg/extract/rules/posts.json` (`title_words_before_name`); a test keeps the two in step."""

SUFFIXES = frozenset({"Jr", "Jr.", "Sr", "Sr.", "II", "III", "IV"})
"""Words after a surname that are not the surname ("Martin Luther King Jr")."""


@cache
def _family_name_first() -> frozenset[str]:
    """Family names written first ("Xi Jinping"): such a full name is also known by its first
    word. Read on first use, so importing this module loads no rules."""
    from kg.extract.rules import load_rules

    return frozenset(load_rules().person_names["family_name_first"])


SHARED_STATUSES = frozenset({"asserted", "planned"})
"""Meetings that are events of the world, so several articles can report the same one."""

PERSONS = """
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX schema: <https://schema.org/>
SELECT DISTINCT ?name WHERE { ?person a schema:Person ; rdfs:label ?name }
"""
"""Every person's label in the store: the full names a build starts out knowing."""

MEETINGS = """
PREFIX kg: <https://w3id.org/newskg/ontology#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX schema: <https://schema.org/>
SELECT ?article ?meeting ?status ?name ?date WHERE {
  GRAPH ?graph {
    ?meeting a kg:Meeting ; kg:status ?status ; prov:wasDerivedFrom ?source ;
             kg:participant ?person .
    ?source schema:identifier ?article .
    ?person a schema:Person ; rdfs:label ?name .
    OPTIONAL { ?meeting schema:startDate ?date }
  }
  FILTER(?status IN ("asserted", "planned"))
}
"""
"""Each article's report of each shared-status meeting: participants' names and its date."""

_NON_ALNUM = re.compile(r"[^a-z0-9]+")

Pair = tuple[str, str]


def _fold(text: str) -> str:
    """Case- and accent-insensitive form of a name ("Erdoğan" and "Erdogan" are one)."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return _NON_ALNUM.sub("-", folded.lower()).strip("-") or text.casefold()


def name_words(name: str) -> list[str]:
    """The words of a person name without leading honorifics or trailing suffixes."""
    words = name.split()
    while words and words[0] in HONORIFICS:
        words.pop(0)
    while len(words) > 1 and words[-1] in SUFFIXES:
        words.pop()
    return words


class NameIndex:
    """Known full person names (two words or more) by folded surname."""

    def __init__(self) -> None:
        self._by_surname: dict[str, dict[str, str]] = defaultdict(dict)

    def add(self, name: str) -> None:
        """Know `name` if it is a full name; one-word names are what gets resolved, not known."""
        words = name_words(name)
        if len(words) >= 2:
            self._by_surname[_fold(words[-1])].setdefault(_fold(name), name)
            if words[0] in _family_name_first():  # "Xi" of "Xi Jinping"
                self._by_surname[_fold(words[0])].setdefault(_fold(name), name)

    def learn(self, extraction: Extraction) -> None:
        """Know the full names of an article's persons."""
        for entity in extraction.entities:
            if entity.type == "person":
                self.add(entity.name)

    def full_name(self, name: str) -> str | None:
        """The one known full name a surname-only name ("Blair", "Mr Blair") stands for, if any."""
        words = name_words(name)
        if len(words) != 1:
            return None
        known = self._by_surname.get(_fold(words[0]), {})
        return next(iter(known.values())) if len(known) == 1 else None

    def resolve(self, extraction: Extraction) -> Extraction:
        """Rename surname-only persons to their full names; the short forms become aliases."""
        persons = {e.name for e in extraction.entities if e.type == "person"}
        for fact in extraction.facts:
            persons.update(name for name, kind in _names(fact) if kind == "person")
        renames = {name: full for name in persons if (full := self.full_name(name)) is not None}
        renames = {name: full for name, full in renames.items() if full != name}
        if not renames:
            return extraction
        facts = (_rename(fact, renames) for fact in extraction.facts)
        return replace(
            extraction,
            entities=_merge(extraction.entities, renames),
            facts=tuple(f for f in facts if not (f.predicate == "met" and f.subject == f.object)),
        )


def _names(fact: Fact) -> tuple[tuple[str, str], ...]:
    return ((fact.subject, fact.subject_type), (fact.object, fact.object_type))


def _rename(fact: Fact, renames: dict[str, str]) -> Fact:
    subject, obj = fact.subject, fact.object
    if fact.subject_type == "person":
        subject = renames.get(subject, subject)
    if fact.object_type == "person":
        obj = renames.get(obj, obj)
    if fact.predicate == "met" and obj < subject:
        # `met` keeps its two people in name order (kg.types.Fact): both are entities, so the
        # object's type is an EntityType here.
        return replace(
            fact,
            subject=obj,
            subject_type=fact.object_type,  # type: ignore[arg-type]
            object=subject,
            object_type=fact.subject_type,
        )
    return replace(fact, subject=subject, object=obj)


def _merge(entities: Iterable[Entity], renames: dict[str, str]) -> tuple[Entity, ...]:
    """Entities after renaming, one per name and type, the old names kept as aliases."""
    merged: dict[tuple[str, EntityType], list[str]] = {}
    for entity in entities:
        name = renames.get(entity.name, entity.name) if entity.type == "person" else entity.name
        aliases = merged.setdefault((name, entity.type), [])
        for alias in (entity.name, *entity.aliases):
            if alias != name and alias not in aliases:
                aliases.append(alias)
    return tuple(Entity(name, kind, tuple(aliases)) for (name, kind), aliases in merged.items())


@dataclass
class _Meeting:
    pair: Pair
    status: str
    reports: set[tuple[str, str | None]] = field(default_factory=set)
    """(article id, the date it gives or None) for each article reporting the meeting."""

    @property
    def date(self) -> str | None:
        dates = sorted({date for _, date in self.reports if date})
        return dates[0] if dates else None


class MeetingIndex:
    """Known meetings by participant pair and status, with the articles reporting each."""

    def __init__(self) -> None:
        self._meetings: dict[str, _Meeting] = {}
        self._by_pair: dict[tuple[str, str, str], list[str]] = defaultdict(list)
        self._by_article: dict[str, set[str]] = defaultdict(set)

    def add(
        self, event: str, article: str, pair: Iterable[str], status: str, date: str | None
    ) -> None:
        """Record that `article` reports the meeting `event` of `pair` (on `date`, if given)."""
        meeting = self._meetings.get(event)
        if meeting is None:
            a, b = sorted(pair)
            meeting = self._meetings[event] = _Meeting((a, b), status)
            self._by_pair[(a, b, status)].append(event)
        meeting.reports.add((article, date))
        self._by_article[article].add(event)

    def forget(self, article: str) -> None:
        """Drop what `article` reported, as its graph is about to be replaced."""
        for event in self._by_article.pop(article, ()):
            meeting = self._meetings[event]
            meeting.reports = {r for r in meeting.reports if r[0] != article}
            if not meeting.reports:
                del self._meetings[event]
                self._by_pair[(*meeting.pair, meeting.status)].remove(event)

    def event_for(self, pair: Iterable[str], status: str, date: str | None) -> str:
        """The key of the known meeting of `pair` and `status` whose date is compatible with
        `date` (equal, or either undated; equal preferred, then the smallest key), else a new
        key from all three."""
        a, b = sorted(pair)
        compatible = [
            (self._meetings[event].date != date, event)
            for event in self._by_pair.get((a, b, status), ())
            if date is None or self._meetings[event].date in (None, date)
        ]
        if compatible:
            return min(compatible)[1]
        return hashlib.sha256("\x1f".join((a, b, status, date or "")).encode()).hexdigest()[:16]

    def resolve(self, extraction: Extraction) -> Extraction:
        """Give each asserted or planned meeting of two persons its cross-article event key."""
        article = extraction.article.id
        self.forget(article)
        facts = []
        for fact in extraction.facts:
            if (
                fact.predicate == "met"
                and fact.status in SHARED_STATUSES
                and fact.subject_type == fact.object_type == "person"
            ):
                pair = (fact.subject, fact.object)
                event = self.event_for(pair, fact.status, fact.date)
                self.add(event, article, pair, fact.status, fact.date)
                fact = replace(fact, event=event)
            facts.append(fact)
        return replace(extraction, facts=tuple(facts))


@dataclass
class Resolver:
    """What a build knows of persons and meetings: from the store, then from each article."""

    names: NameIndex = field(default_factory=NameIndex)
    meetings: MeetingIndex = field(default_factory=MeetingIndex)

    def learn(self, extraction: Extraction) -> None:
        """Know an article's full names before resolving anything against them."""
        self.names.learn(extraction)

    def resolve(self, extraction: Extraction) -> Extraction:
        """The article with persons named as elsewhere and meetings keyed across articles."""
        self.learn(extraction)
        return self.meetings.resolve(self.names.resolve(extraction))

    def resolve_all(
        self, extractions: Iterable[Extraction], batch_size: int = 32
    ) -> Iterator[Extraction]:
        """Resolve a stream, learning each batch's full names first, so that within a batch
        "Mr Blair" resolves whether "Tony Blair" comes before or after it."""
        stream = iter(extractions)
        while batch := list(islice(stream, batch_size)):
            for extraction in batch:
                self.learn(extraction)
            for extraction in batch:
                yield self.resolve(extraction)


def from_store(store: GraphStore, base_iri: str) -> Resolver:
    """A resolver knowing the store's persons and meetings, read with one query each."""
    from kg.store.query_result import rows_of  # here: extraction alone never loads the store

    resolver = Resolver()
    for row in rows_of(store.query(PERSONS)):
        resolver.names.add(str(row["name"]))
    prefix = f"{base_iri}meeting/"
    reports: dict[tuple[str, str], tuple[set[str], str, str | None]] = {}
    for row in rows_of(store.query(MEETINGS)):
        meeting = str(row["meeting"])
        if not meeting.startswith(prefix):
            continue  # minted under another base: not this build's to share
        key = (str(row["article"]), unquote(meeting.removeprefix(prefix)))
        date = None if row["date"] is None else str(row["date"])
        names, _, _ = reports.setdefault(key, (set(), str(row["status"]), date))
        names.add(str(row["name"]))
    for (article, event), (names, status, date) in reports.items():
        if len(names) == 2:
            resolver.meetings.add(event, article, names, status, date)
    return resolver


__all__ = ["MeetingIndex", "NameIndex", "Resolver", "from_store", "name_words"]
