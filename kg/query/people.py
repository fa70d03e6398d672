"""Who is tied to an organisation, party or place: its leaders, members, employees and the holders
of posts in it, each with the sentences saying so (affiliations seen from the other end)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import cast

from rdflib import URIRef

from kg.query.actors import Actor
from kg.query.drafts import PersonDraft, gather
from kg.query.evidence import Citation, optional
from kg.query.named_queries import date_bindings, query
from kg.store import GraphStore
from kg.store.query_result import rows_of
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
    rows = rows_of(store.query(query("actor_people"), bindings))
    drafts = gather(rows, lambda row: (str(row["relation"]), str(row["person"]), row["post"]))

    def listed(wanted: str) -> tuple[Affiliate, ...]:
        found = (_affiliate(draft) for (tie, *_), draft in drafts.items() if tie == wanted)
        return tuple(sorted(found, key=lambda a: (a.actor.label, a.actor.iri)))

    # A post holder's row has ?post, so its draft makes a PostHolder.
    holders = cast(tuple[PostHolder, ...], listed("post_holders"))
    return People(body, listed("leaders"), listed("members"), holders, listed("employees"))


def _affiliate(draft: PersonDraft) -> Affiliate:
    post_iri = optional(draft.row["post"])
    if post_iri is None:
        return Affiliate(draft.person(), tuple(draft.evidence))
    post = optional(draft.row["postLabel"]) or post_iri.rsplit("/", 1)[-1]
    return PostHolder(draft.person(), tuple(draft.evidence), post, post_iri)
