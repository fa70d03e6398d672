"""Meetings read from the store: who met whom, when, where, as the articles tell it (asserted,
planned, negated or reported), and the sentences saying so."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import cast

from rdflib import URIRef

from kg.query.actors import Actor, ActorType
from kg.query.evidence import ASSERTED, Citation, EventStatus, Occasion, cite, optional
from kg.query.named_queries import date_bindings, query
from kg.store import GraphStore
from kg.store.query_result import Value, rows_of
from kg.store.terms import Binding


@dataclass(frozen=True)
class Meeting(Occasion):
    """One meeting: its participants, and when, where, how told and the sentences saying so."""

    iri: str
    participants: tuple[Actor, ...]


@dataclass(frozen=True)
class _Met:
    iri: str
    met: tuple[Actor, ...]


@dataclass(frozen=True)
class ActorMeeting(Occasion, _Met):
    """One meeting of an actor: whom they met (at a place: who met there), when
    (schema:startDate), where, its status and its evidence."""


@dataclass(frozen=True)
class ActorMeetings:
    """An actor's meetings, or the meetings held at a place, dated ones first in date order."""

    actor: Actor
    meetings: tuple[ActorMeeting, ...]


def meetings(
    store: GraphStore,
    since: date | None = None,
    until: date | None = None,
    actor_iri: str | None = None,
    statuses: Iterable[EventStatus] = ASSERTED,
    place_iri: str | None = None,
) -> list[Meeting]:
    """Meetings of the given statuses in a date range (see `meetings.rq` for what dates them), of
    one actor or at one place if given, in date order."""
    bindings: dict[str, Binding] = dict(date_bindings(since, until))
    if actor_iri is not None:
        bindings["actor"] = URIRef(actor_iri)
    if place_iri is not None:
        bindings["at"] = URIRef(place_iri)
    rows: list[dict[str, Value]] = []
    for status in dict.fromkeys(statuses):  # one query a status
        rows.extend(rows_of(store.query(query("meetings"), {**bindings, "wanted": status})))
    return _group(rows)


def actor_meetings(
    store: GraphStore,
    actor: Actor,
    since: date | None = None,
    until: date | None = None,
    statuses: Iterable[EventStatus] = ASSERTED,
) -> ActorMeetings:
    """Whom an actor met, when and where, with evidence; for a place, the meetings held there."""
    if actor.type == "place":
        found = meetings(store, since, until, statuses=statuses, place_iri=actor.iri)
    else:
        found = meetings(store, since, until, actor.iri, statuses)
    return ActorMeetings(
        actor,
        tuple(
            ActorMeeting(
                iri=m.iri,
                met=tuple(p for p in m.participants if p.iri != actor.iri),
                date=m.date,
                place=m.place,
                place_iri=m.place_iri,
                status=m.status,
                evidence=m.evidence,
            )
            for m in found
        ),
    )


@dataclass
class _Draft:
    """A meeting while its rows are read: one row per participant pair, article and sentence."""

    iri: str
    status: str
    date: str | None
    participants: dict[str, tuple[str, ActorType]] = field(default_factory=dict)
    places: dict[str, str | None] = field(default_factory=dict)
    evidence: list[Citation] = field(default_factory=list)

    def add(self, row: Mapping[str, object]) -> None:
        for key in ("actor", "other"):
            iri, label = str(row[key]), str(row[f"{key}Label"])
            known = self.participants.get(iri)
            # An IRI two articles label differently ("Ben-Gvir", "Ben Gvir"): the least label wins.
            if known is None or label < known[0]:
                self.participants[iri] = (label, cast(ActorType, row[f"{key}Type"]))
        if row["place"] is not None:
            self.places.setdefault(str(row["place"]), optional(row["placeLabel"]))
        cite(self.evidence, row)

    def meeting(self) -> Meeting:
        place_iri, place = min(self.places.items()) if self.places else (None, None)
        participants = (
            Actor(iri.rsplit("/", 1)[-1], iri, label, kind)
            for iri, (label, kind) in self.participants.items()
        )
        return Meeting(
            iri=self.iri,
            participants=tuple(sorted(participants, key=lambda a: (a.label, a.iri))),
            date=self.date,
            place=place,
            place_iri=place_iri,
            status=self.status,
            evidence=tuple(self.evidence),
        )


def _group(rows: list[dict[str, Value]]) -> list[Meeting]:
    # By status too: a meeting one article plans and another reports held is one node with two.
    drafts: dict[tuple[str, str], _Draft] = {}
    for row in rows:
        key = (str(row["meeting"]), str(row["status"]))
        draft = drafts.get(key)
        if draft is None:
            draft = drafts[key] = _Draft(*key, optional(row["date"]))
        draft.add(row)
    found = [draft.meeting() for draft in drafts.values()]
    # Dated meetings first, in date order; then by whom.
    return sorted(
        found, key=lambda m: (m.date is None, m.date or "", [a.label for a in m.participants])
    )
