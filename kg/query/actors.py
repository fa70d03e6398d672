"""Looking up actors (persons, organisations, parties) and their affiliations in the store."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Literal, cast

from rdflib import URIRef

from kg.errors import NotFoundError, QueryError
from kg.query.articles import ArticleRef
from kg.query.evidence import Citation, cite, optional
from kg.query.named_queries import date_bindings, query
from kg.rdf.iris import entity_iri
from kg.settings import DEFAULT_BASE_IRI
from kg.store import GraphStore
from kg.store.query_result import Value, rows_of
from kg.store.terms import Binding
from kg.types import EntityType

ActorType = Literal["person", "organization", "party"]
"""The kinds of actor: a party is an organisation known to be a political party."""

PageType = Literal["person", "organization", "party", "place"]
"""What an actor's page can be about: an actor, or a place (where meetings and visits happen and
posts are held), which GET /actors/{id} also finds by its slug but a name search does not."""

SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
"""An actor id: the slug that ends its IRI ("itamar-ben-gvir")."""

MAX_LIMIT = 100
"""The most actors one search returns (the LIMIT in actor_search.rq)."""

_SLUG = re.compile(SLUG_PATTERN)


@dataclass(frozen=True)
class Actor:
    """A person, organisation or party (or a place, on its own page)."""

    id: str
    iri: str
    label: str
    type: PageType


@dataclass(frozen=True)
class Affiliation:
    """An organisation the actor leads, belongs to or works for."""

    label: str
    iri: str
    evidence: tuple[Citation, ...]


@dataclass(frozen=True)
class Position(Affiliation):
    """A post the actor holds, and the country or organisation it is in."""

    post_in: str | None
    post_in_iri: str | None


# A dataclass's fields, and so the keys of its JSON, come base by base from the last base to the
# first, then its own: the bases below let two answers share fields in the order clients know.


@dataclass(frozen=True)
class _Subject:
    actor: Actor


@dataclass(frozen=True)
class _Names(_Subject):
    labels: tuple[str, ...]
    aliases: tuple[str, ...]


@dataclass(frozen=True)
class Ties:
    """What an actor leads (org:headOf), belongs to (org:memberOf) and holds (org:holds)."""

    leads: tuple[Affiliation, ...]
    member_of: tuple[Affiliation, ...]
    positions: tuple[Position, ...]


@dataclass(frozen=True)
class Affiliations(Ties, _Subject):
    """What an actor leads, belongs to, holds and works for (schema:worksFor), with evidence."""

    works_for: tuple[Affiliation, ...]


@dataclass(frozen=True)
class ActorDetail(Ties, _Names):
    """Everything the graph says an actor is called, does and appears in."""

    meetings: int
    articles: tuple[ArticleRef, ...]


def search_actors(
    store: GraphStore, q: str, type: ActorType | None = None, limit: int = 20
) -> list[Actor]:
    """Actors whose name or an alias contains `q` (any case), best match first."""
    if not 1 <= limit <= MAX_LIMIT:
        raise QueryError(f"limit must be between 1 and {MAX_LIMIT}, got {limit}.")
    bindings: dict[str, str] = {"q": q.strip()}
    if type is not None:
        bindings["type"] = type
    rows = rows_of(store.query(query("actor_search"), bindings))
    return [_actor(row) for row in rows[:limit]]


def affiliations(
    store: GraphStore, actor: Actor, since: date | None = None, until: date | None = None
) -> Affiliations:
    """The organisations an actor leads, belongs to or works for and the posts it holds.

    With `since` / `until`, only what articles published in that range state (affiliation facts
    carry no date of their own), with only those articles' evidence.
    """
    bindings: dict[str, Binding] = {"actor": URIRef(actor.iri), **date_bindings(since, until)}
    rows = rows_of(store.query(query("actor_affiliations"), bindings))
    grouped: dict[str, dict[str, tuple[dict[str, Value], list[Citation]]]] = {
        relation: {} for relation in ("leads", "member_of", "positions", "works_for")
    }
    for row in rows:
        _, citations = grouped[str(row["relation"])].setdefault(str(row["target"]), (row, []))
        cite(citations, row)
    leads, member_of, works_for = (
        tuple(_affiliation(row, citations) for row, citations in grouped[key].values())
        for key in ("leads", "member_of", "works_for")
    )
    positions = tuple(_position(row, citations) for row, citations in grouped["positions"].values())
    return Affiliations(actor, leads, member_of, positions, works_for)


def actor_detail(store: GraphStore, actor_id: str, base_iri: str = DEFAULT_BASE_IRI) -> ActorDetail:
    """Labels, type, aliases, affiliations, posts, meetings count and articles of an actor;
    raises NotFoundError if unknown."""
    actor = require_actor(store, actor_id, base_iri)
    ties = affiliations(store, actor)
    values: dict[str, list[object]] = {"label": [], "alias": [], "article": [], "meeting": []}
    articles: list[ArticleRef] = []
    for row in rows_of(store.query(query("actor_profile"), {"actor": URIRef(actor.iri)})):
        field = str(row["field"])
        if row["value"] in values[field]:
            continue
        values[field].append(row["value"])
        if field == "article":
            iri = str(row["value"])
            articles.append(
                ArticleRef(
                    id=optional(row["id"]) or iri.rsplit("/", 1)[-1],
                    iri=iri,
                    title=optional(row["title"]),
                    published=optional(row["published"]),
                )
            )
    labels = tuple(sorted(str(v) for v in values["label"]))
    return ActorDetail(
        actor=actor,
        labels=labels,
        aliases=tuple(sorted(str(v) for v in values["alias"] if v not in labels)),
        leads=ties.leads,
        member_of=ties.member_of,
        positions=ties.positions,
        meetings=len(values["meeting"]),
        articles=tuple(articles),
    )


def require_actor(store: GraphStore, actor_id: str, base_iri: str = DEFAULT_BASE_IRI) -> Actor:
    """The actor whose IRI ends in `actor_id`; raises NotFoundError if there is none."""
    actor = get_actor(store, actor_id, base_iri)
    if actor is None:
        raise NotFoundError(unknown_actor(actor_id))
    return actor


def unknown_actor(actor_id: str) -> str:
    """The message for an actor id the store does not know, saying how to find the right one."""
    return f"No actor with id '{actor_id}'. Search with GET /actors?q=NAME."


def get_actor(store: GraphStore, actor_id: str, base_iri: str = DEFAULT_BASE_IRI) -> Actor | None:
    """The person, organisation or place whose IRI ends in `actor_id`; None if there is none."""
    for iri in actor_iris(actor_id, base_iri):
        rows = rows_of(store.query(query("actor"), {"actor": iri}))
        if rows:
            return _actor(rows[0])
    return None


def actor_iris(actor_id: str, base_iri: str = DEFAULT_BASE_IRI) -> tuple[URIRef, ...]:
    """The IRIs an actor id can name: the person's, the organisation's (parties too), the place."""
    if not _SLUG.match(actor_id):
        raise QueryError(
            f"Actor id {actor_id!r} is not a slug (lowercase letters, digits and single hyphens, "
            "like 'itamar-ben-gvir'). Search with GET /actors?q=NAME to find the id."
        )
    kinds: tuple[EntityType, ...] = ("person", "organization", "place")
    return tuple(entity_iri(actor_id, kind, base_iri) for kind in kinds)


def actor_of(iri: object, label: object, type: object) -> Actor:
    """The actor of a row's IRI, label and type (a value of PageType, as the queries bind it)."""
    return Actor(str(iri).rsplit("/", 1)[-1], str(iri), str(label), cast(PageType, str(type)))


def _actor(row: dict[str, Value]) -> Actor:
    return actor_of(row["actor"], row["label"], row["type"])


def _affiliation(row: dict[str, Value], citations: list[Citation]) -> Affiliation:
    target = str(row["target"])
    label = optional(row["label"]) or target.rsplit("/", 1)[-1]
    return Affiliation(label=label, iri=target, evidence=tuple(citations))


def _position(row: dict[str, Value], citations: list[Citation]) -> Position:
    held = _affiliation(row, citations)
    return Position(
        label=held.label,
        iri=held.iri,
        evidence=held.evidence,
        post_in=optional(row["postInLabel"]),
        post_in_iri=optional(row["postIn"]),
    )
