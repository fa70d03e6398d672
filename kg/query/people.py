"""Who is tied to an organisation, party or place: its leaders, members, employees and the holders
of posts in it, each with the sentences saying so (affiliations seen from the other end)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import cast

from rdflib import URIRef

from kg.query.actors import Actor, actor_of
from kg.query.evidence import Citation, cite, optional
from kg.query.named_queries import date_bindings, query
from kg.store import GraphStore
from kg.store.query_result import Value, rows_of
from kg.store.terms import Binding


@dataclass(frozen=True)
class Affiliate:
    """A person (or organisation) tied to a body, with the sentences saying so."""

    actor: Actor
    evidence: tuple[Citation, ...]


@dataclass(frozen=True)
class PostHolder(Affiliate):
    """Someone holding a post (org:Post) in the body: "Defense Minister" of Israel."""

    post: str
    post_iri: str


@dataclass(frozen=True)
class People:
    """Who leads (org:headOf), belongs to (org:memberOf), holds a post in (org:postIn) and works
    for (schema:worksFor) an organisation, party or place, in name order."""

    actor: Actor
    leaders: tuple[Affiliate, ...]
    members: tuple[Affiliate, ...]
    post_holders: tuple[PostHolder, ...]
    employees: tuple[Affiliate, ...]


def people(
    store: GraphStore, body: Actor, since: date | None = None, until: date | None = None
) -> People:
    """The people tied to `body`, each with evidence.

    With `since` / `until`, only what articles published in that range state (these facts carry
    no date of their own), with only those articles' evidence.
    """
    bindings: dict[str, Binding] = {"body": URIRef(body.iri), **date_bindings(since, until)}
    drafts: dict[tuple[str, str, str | None], _Draft] = {}
    for row in rows_of(store.query(query("actor_people"), bindings)):
        key = (str(row["relation"]), str(row["person"]), optional(row["post"]))
        drafts.setdefault(key, _Draft(row)).add(row)

    def listed(wanted: str) -> tuple[Affiliate, ...]:
        found = (draft.affiliate() for (tie, *_), draft in drafts.items() if tie == wanted)
        return tuple(sorted(found, key=lambda a: (a.actor.label, a.actor.iri)))

    # A post holder's row has ?post, so its draft makes a PostHolder.
    holders = cast(tuple[PostHolder, ...], listed("post_holders"))
    return People(body, listed("leaders"), listed("members"), holders, listed("employees"))


@dataclass
class _Draft:
    """One tie while its rows are read: one row per label of the person and per sentence."""

    row: dict[str, Value]
    labels: set[str] = field(default_factory=set)
    evidence: list[Citation] = field(default_factory=list)

    def add(self, row: dict[str, Value]) -> None:
        self.labels.add(str(row["personLabel"]))
        cite(self.evidence, row)

    def affiliate(self) -> Affiliate:
        # An IRI two articles label differently ("Ben-Gvir", "Ben Gvir"): the least label wins.
        actor = actor_of(self.row["person"], min(self.labels), self.row["personType"])
        post_iri = optional(self.row["post"])
        if post_iri is None:
            return Affiliate(actor, tuple(self.evidence))
        post = optional(self.row["postLabel"]) or post_iri.rsplit("/", 1)[-1]
        return PostHolder(actor, tuple(self.evidence), post, post_iri)
