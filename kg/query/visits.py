"""Visits read from the store: who visited which place, when, as the articles tell it (asserted,
planned, negated or reported), and the sentences saying so."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from rdflib import URIRef

from kg.query.actors import Actor
from kg.query.drafts import PersonDraft, gather
from kg.query.evidence import ASSERTED, EventStatus, Occasion, optional
from kg.query.named_queries import date_bindings, query
from kg.store import GraphStore
from kg.store.query_result import rows_of
from kg.store.terms import Binding


@dataclass(frozen=True)
class _Visitor:
    iri: str
    visitor: Actor


@dataclass(frozen=True)
class Visit(Occasion, _Visitor):
    """One visit (kg:Visit): who, to which place, when (schema:startDate), its status and its
    evidence."""


@dataclass(frozen=True)
class ActorVisits:
    """The places a person visited, or the visits made to a place, dated ones first in date
    order."""

    actor: Actor
    visits: tuple[Visit, ...]


def actor_visits(
    store: GraphStore,
    actor: Actor,
    since: date | None = None,
    until: date | None = None,
    statuses: Iterable[EventStatus] = ASSERTED,
) -> ActorVisits:
    """Where a person went (for a place: who came), of the given statuses, with evidence.

    `since` / `until` filter on the visit's date; an undated visit counts as on the day its article
    was published; a month or year date is kept when it overlaps the range.
    """
    role = "place" if actor.type == "place" else "person"
    bindings: dict[str, Binding] = {role: URIRef(actor.iri), **date_bindings(since, until)}
    wanted = set(statuses)
    rows = rows_of(store.query(query("visits"), bindings))
    drafts = gather(
        (row for row in rows if row["status"] in wanted),
        lambda row: (str(row["visit"]), str(row["status"])),
    )
    found = sorted(
        (_visit(draft) for draft in drafts.values()),
        key=lambda v: (v.date is None, v.date or "", v.place or "", v.visitor.label),
    )
    return ActorVisits(actor, tuple(found))


def _visit(draft: PersonDraft) -> Visit:
    row = draft.row
    place_iri = str(row["place"])
    return Visit(
        iri=str(row["visit"]),
        visitor=draft.person(),
        date=optional(row["date"]),
        place=optional(row["placeLabel"]) or place_iri.rsplit("/", 1)[-1],
        place_iri=place_iri,
        status=str(row["status"]),
        evidence=tuple(draft.evidence),
    )
