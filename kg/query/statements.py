"""What an actor said, read from the store: the words (kg:Statement, kg:quote), as the articles
tell them (asserted, negated, reported), and the sentences saying so."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from rdflib import URIRef

from kg.query.actors import Actor
from kg.query.evidence import ASSERTED, Citation, EventStatus, cite, optional
from kg.query.named_queries import date_bindings, query
from kg.store import GraphStore
from kg.store.query_result import Value, rows_of
from kg.store.terms import Binding


@dataclass(frozen=True)
class Statement:
    """Words an article attributes to the actor: a quotation or reported speech."""

    iri: str
    quote: str
    status: str
    published: str | None
    evidence: tuple[Citation, ...]


@dataclass(frozen=True)
class ActorStatements:
    """What an actor said, in the order their articles were published."""

    actor: Actor
    statements: tuple[Statement, ...]


def actor_statements(
    store: GraphStore,
    actor: Actor,
    since: date | None = None,
    until: date | None = None,
    statuses: Iterable[EventStatus] = ASSERTED,
) -> ActorStatements:
    """The words articles attribute to `actor`, of the given statuses, with evidence.

    `since` / `until` keep the statements of articles published in that range.
    """
    bindings: dict[str, Binding] = {"speaker": URIRef(actor.iri), **date_bindings(since, until)}
    wanted = set(statuses)
    found: dict[tuple[str, str], tuple[dict[str, Value], list[Citation]]] = {}
    for row in rows_of(store.query(query("statements"), bindings)):
        if row["status"] in wanted:
            key = (str(row["statement"]), str(row["status"]))
            cite(found.setdefault(key, (row, []))[1], row)
    statements = (
        Statement(iri, str(row["quote"]), status, optional(row["published"]), tuple(citations))
        for (iri, status), (row, citations) in found.items()
    )
    return ActorStatements(actor, tuple(statements))
