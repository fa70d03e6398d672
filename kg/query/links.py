"""Every fact tying two nodes of the graph, whatever its status: who met, visited, leads, belongs
to, works for or holds a post in what, as the explorer's corpus network draws them."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Literal, cast, get_args

from kg.query.actors import Citation
from kg.query.named_queries import date_bindings, query
from kg.store import GraphStore
from kg.store.query_result import Value, rows_of
from kg.types import EntityType, Status

LinkRelation = Literal["met", "visited", "leads", "member_of", "works_for", "holds_position"]
"""The relations `fact_edges.rq` reads; `holds_position` ties a post's holder to what the post
is in (the post's name is in `Link.posts`)."""
LINK_RELATIONS: tuple[str, ...] = get_args(LinkRelation)
STATUSES: tuple[str, ...] = get_args(Status)


@dataclass(frozen=True)
class LinkEnd:
    """A node at one end of a link: a person, organisation, party or place."""

    iri: str
    label: str
    kind: EntityType


@dataclass(frozen=True)
class Link:
    """All the facts of one relation and status between two nodes (a meeting's participants in
    IRI order; otherwise the person first), with their dates, posts, articles and evidence."""

    relation: LinkRelation
    status: Status
    source: LinkEnd
    target: LinkEnd
    posts: tuple[str, ...]
    dates: tuple[str, ...]
    articles: tuple[str, ...]
    evidence: tuple[Citation, ...]


def links(store: GraphStore, since: date | None = None, until: date | None = None) -> list[Link]:
    """Every link in a date range (see `fact_edges.rq` for what dates a fact), by relation,
    source, target and status."""
    drafts: dict[tuple[str, str, str, str], _Draft] = {}
    for row in rows_of(store.query(query("fact_edges"), date_bindings(since, until))):
        key = (str(row["relation"]), str(row["status"]), str(row["source"]), str(row["target"]))
        draft = drafts.get(key)
        if draft is None:
            draft = drafts[key] = _Draft(*key)
        draft.add(row)
    found = [draft.link() for draft in drafts.values()]
    return sorted(
        found,
        key=lambda link: (
            LINK_RELATIONS.index(link.relation),
            link.source.label,
            link.target.label,
            STATUSES.index(link.status),
        ),
    )


@dataclass
class _Draft:
    """A link while its rows are read: one row per fact, article and sentence."""

    relation: str
    status: str
    source: str
    target: str
    labels: dict[str, tuple[str, str]] = field(default_factory=dict)
    posts: set[str] = field(default_factory=set)
    dates: set[str] = field(default_factory=set)
    articles: dict[str, None] = field(default_factory=dict)
    evidence: dict[Citation, None] = field(default_factory=dict)

    def add(self, row: dict[str, Value]) -> None:
        for key in ("source", "target"):
            iri, label = str(row[key]), str(row[f"{key}Label"])
            known = self.labels.get(iri)
            # An IRI two articles label differently ("Ben-Gvir", "Ben Gvir"): the least label wins.
            if known is None or label < known[0]:
                self.labels[iri] = (label, str(row[f"{key}Kind"]))
        if row["postLabel"] is not None:
            self.posts.add(str(row["postLabel"]))
        if row["when"]:
            self.dates.add(str(row["when"]))
        self.articles[str(row["article"])] = None
        if row["sentence"] is not None:
            self.evidence[Citation(str(row["sentence"]), str(row["article"]))] = None

    def link(self) -> Link:
        # fact_edges.rq gives ?relation, ?status and the kinds only LinkRelation's, Status's
        # and EntityType's values.
        return Link(
            relation=cast(LinkRelation, self.relation),
            status=cast(Status, self.status),
            source=self._end(self.source),
            target=self._end(self.target),
            posts=tuple(sorted(self.posts)),
            dates=tuple(sorted(self.dates)),
            articles=tuple(self.articles),
            evidence=tuple(self.evidence),
        )

    def _end(self, iri: str) -> LinkEnd:
        label, kind = self.labels[iri]
        return LinkEnd(iri, label, cast(EntityType, kind))
