"""Asserted meetings read from the store: who met whom, when, where, and the sentences saying so."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import cast

from rdflib import URIRef

from kg.query.actors import Actor, ActorType, Citation, require_actor
from kg.query.named_queries import date_bindings, query
from kg.settings import DEFAULT_BASE_IRI
from kg.store import GraphStore
from kg.store.query_result import Value, rows_of
from kg.store.terms import Binding


@dataclass(frozen=True)
class Meeting:
    """One asserted meeting: its participants, date, place, status and evidence."""

    iri: str
    participants: tuple[Actor, ...]
    date: str | None
    place: str | None
    place_iri: str | None
    status: str
    evidence: tuple[Citation, ...]


@dataclass(frozen=True)
class ActorMeeting:
    """One meeting: whom the actor met, when (schema:startDate), where, with its evidence."""

    iri: str
    met: tuple[Actor, ...]
    date: str | None
    place: str | None
    place_iri: str | None
    status: str
    evidence: tuple[Citation, ...]


@dataclass(frozen=True)
class ActorMeetings:
    """An actor's asserted meetings, dated ones first in date order."""

    actor: Actor
    meetings: tuple[ActorMeeting, ...]


def meetings(
    store: GraphStore,
    since: date | None = None,
    until: date | None = None,
    actor_iri: str | None = None,
) -> list[Meeting]:
    """Asserted meetings in a date range (see `meetings.rq` for what dates them), in date order."""
    bindings: dict[str, Binding] = dict(date_bindings(since, until))
    if actor_iri is not None:
        bindings["actor"] = URIRef(actor_iri)
    return _group(rows_of(store.query(query("meetings"), bindings)))


def actor_meetings(
    store: GraphStore,
    actor_id: str,
    base_iri: str = DEFAULT_BASE_IRI,
    since: date | None = None,
    until: date | None = None,
) -> ActorMeetings:
    """Whom an actor met, when and where, with evidence; raises NotFoundError if unknown."""
    actor = require_actor(store, actor_id, base_iri)
    found = meetings(store, since, until, actor.iri)
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
            self.places.setdefault(str(row["place"]), _optional(row["placeLabel"]))
        if row["sentence"] is not None:
            citation = Citation(str(row["sentence"]), _optional(row["article"]))
            if citation not in self.evidence:
                self.evidence.append(citation)

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
    drafts: dict[str, _Draft] = {}
    for row in rows:
        iri = str(row["meeting"])
        draft = drafts.get(iri)
        if draft is None:
            draft = drafts[iri] = _Draft(iri, str(row["status"]), _optional(row["date"]))
        draft.add(row)
    found = [draft.meeting() for draft in drafts.values()]
    # Dated meetings first, in date order; then by whom.
    return sorted(
        found, key=lambda m: (m.date is None, m.date or "", [a.label for a in m.participants])
    )


def _optional(value: object) -> str | None:
    return None if value is None else str(value)
