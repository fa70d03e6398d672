"""Looking up actors (persons, organisations, parties) and their affiliations in the store."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Literal, cast

from rdflib import URIRef

from kg.errors import NotFoundError, QueryError
from kg.query.articles import ArticleRef
from kg.query.named_queries import date_bindings, query
from kg.rdf.iris import entity_iri
from kg.settings import DEFAULT_BASE_IRI
from kg.store import GraphStore
from kg.store.query_result import Value, rows_of
from kg.store.terms import Binding

ActorType = Literal["person", "organization", "party"]
"""The kinds of actor: a party is an organisation known to be a political party."""

SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
"""An actor id: the slug that ends its IRI ("itamar-ben-gvir")."""

MAX_LIMIT = 100
"""The most actors one search returns (the LIMIT in actor_search.rq)."""

_SLUG = re.compile(SLUG_PATTERN)


@dataclass(frozen=True)
class Actor:
    """A person, organisation or party."""

    id: str
    iri: str
    label: str
    type: ActorType


@dataclass(frozen=True)
class Citation:
    """A sentence stating the fact and the IRI of its article."""

    sentence: str
    article: str | None


@dataclass(frozen=True)
class Affiliation:
    """An organisation the actor leads or belongs to."""

    label: str
    iri: str
    evidence: tuple[Citation, ...]


@dataclass(frozen=True)
class Position(Affiliation):
    """A post the actor holds, and the country or organisation it is in."""

    post_in: str | None
    post_in_iri: str | None


@dataclass(frozen=True)
class Affiliations:
    """What an actor leads, belongs to and holds, each with its evidence."""

    actor: Actor
    leads: tuple[Affiliation, ...]
    member_of: tuple[Affiliation, ...]
    positions: tuple[Position, ...]


@dataclass(frozen=True)
class ActorDetail:
    """Everything the graph says an actor is called, does and appears in."""

    actor: Actor
    labels: tuple[str, ...]
    aliases: tuple[str, ...]
    leads: tuple[Affiliation, ...]
    member_of: tuple[Affiliation, ...]
    positions: tuple[Position, ...]
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


def get_affiliations(
    store: GraphStore,
    actor_id: str,
    base_iri: str = DEFAULT_BASE_IRI,
    since: date | None = None,
    until: date | None = None,
) -> Affiliations | None:
    """The organisations an actor leads or belongs to and the posts it holds; None if unknown.

    With `since` / `until`, only what articles published in that range state (affiliation facts
    carry no date of their own), with only those articles' evidence.
    """
    actor = get_actor(store, actor_id, base_iri)
    if actor is None:
        return None
    return _affiliations(store, actor, since, until)


def _affiliations(
    store: GraphStore, actor: Actor, since: date | None = None, until: date | None = None
) -> Affiliations:
    bindings: dict[str, Binding] = {"actor": URIRef(actor.iri), **date_bindings(since, until)}
    rows = rows_of(store.query(query("actor_affiliations"), bindings))
    grouped: dict[str, dict[str, tuple[dict[str, Value], list[Citation]]]] = {
        "leads": {},
        "member_of": {},
        "positions": {},
    }
    for row in rows:
        target = str(row["target"])
        _, citations = grouped[str(row["relation"])].setdefault(target, (row, []))
        if row["sentence"] is not None:
            citation = Citation(str(row["sentence"]), _optional(row["article"]))
            if citation not in citations:
                citations.append(citation)
    leads, member_of = (
        tuple(_affiliation(row, citations) for row, citations in grouped[key].values())
        for key in ("leads", "member_of")
    )
    positions = tuple(_position(row, citations) for row, citations in grouped["positions"].values())
    return Affiliations(actor, leads, member_of, positions)


def actor_detail(store: GraphStore, actor_id: str, base_iri: str = DEFAULT_BASE_IRI) -> ActorDetail:
    """Labels, type, aliases, affiliations, posts, meetings count and articles of an actor;
    raises NotFoundError if unknown."""
    actor = require_actor(store, actor_id, base_iri)
    affiliations = _affiliations(store, actor)
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
                    id=_optional(row["id"]) or iri.rsplit("/", 1)[-1],
                    iri=iri,
                    title=_optional(row["title"]),
                    published=_optional(row["published"]),
                )
            )
    labels = tuple(sorted(str(v) for v in values["label"]))
    return ActorDetail(
        actor=actor,
        labels=labels,
        aliases=tuple(sorted(str(v) for v in values["alias"] if v not in labels)),
        leads=affiliations.leads,
        member_of=affiliations.member_of,
        positions=affiliations.positions,
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
    """The person or organisation whose IRI ends in `actor_id`; None if there is none."""
    for iri in actor_iris(actor_id, base_iri):
        rows = rows_of(store.query(query("actor"), {"actor": iri}))
        if rows:
            return _actor(rows[0])
    return None


def actor_iris(actor_id: str, base_iri: str = DEFAULT_BASE_IRI) -> tuple[URIRef, URIRef]:
    """The IRIs an actor id can name: the person's, then the organisation's (parties too)."""
    if not _SLUG.match(actor_id):
        raise QueryError(
            f"Actor id {actor_id!r} is not a slug (lowercase letters, digits and single hyphens, "
            "like 'itamar-ben-gvir'). Search with GET /actors?q=NAME to find the id."
        )
    return entity_iri(actor_id, "person", base_iri), entity_iri(actor_id, "organization", base_iri)


def _actor(row: dict[str, Value]) -> Actor:
    iri = str(row["actor"])
    return Actor(
        id=iri.rsplit("/", 1)[-1],
        iri=iri,
        label=str(row["label"]),
        type=cast(ActorType, row["type"]),
    )


def _affiliation(row: dict[str, Value], citations: list[Citation]) -> Affiliation:
    target = str(row["target"])
    label = _optional(row["label"]) or target.rsplit("/", 1)[-1]
    return Affiliation(label=label, iri=target, evidence=tuple(citations))


def _position(row: dict[str, Value], citations: list[Citation]) -> Position:
    held = _affiliation(row, citations)
    return Position(
        label=held.label,
        iri=held.iri,
        evidence=held.evidence,
        post_in=_optional(row["postInLabel"]),
        post_in_iri=_optional(row["postIn"]),
    )


def _optional(value: object) -> str | None:
    return None if value is None else str(value)
