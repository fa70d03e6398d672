"""Every person's affiliations read from the store: what they lead, belong to, hold posts in."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Literal, get_args

from kg.query.actors import Actor
from kg.query.evidence import Citation, cite, optional
from kg.query.named_queries import date_bindings, query
from kg.store import GraphStore
from kg.store.query_result import Value, rows_of

Relation = Literal["leads", "member_of", "post_in"]
"""How a person is tied to a body: leads it (org:headOf), belongs to it (org:memberOf), or holds
a post in it (org:holds a post whose org:postIn it is)."""
RELATIONS: tuple[str, ...] = get_args(Relation)

BodyKind = Literal["organization", "party", "place"]
"""What a person is affiliated with: an organisation, a political party, or (for a post such as
"Defense Minister" of Israel) a country or other place."""


@dataclass(frozen=True)
class Body:
    """An organisation, party or place a person is affiliated with."""

    id: str
    iri: str
    label: str
    kind: BodyKind


@dataclass(frozen=True)
class Tie:
    """One person tied to one body by one relation; `post` names the post for "post_in"."""

    person: Actor
    relation: Relation
    body: Body
    post: str | None
    evidence: tuple[Citation, ...]


def ties(store: GraphStore, since: date | None = None, until: date | None = None) -> list[Tie]:
    """Every person's asserted ties (see `affiliations.rq`), by person, relation and body.

    With `since` / `until`, only what articles published in that range state (affiliation facts
    carry no date of their own), with only those articles' evidence.
    """
    drafts: dict[tuple[str, str, str, str | None], _Draft] = {}
    for row in rows_of(store.query(query("affiliations"), date_bindings(since, until))):
        post = optional(row["postLabel"]) or optional(row["post"])
        key = (str(row["person"]), str(row["relation"]), str(row["target"]), post)
        draft = drafts.get(key)
        if draft is None:
            draft = drafts[key] = _Draft(row, post)
        draft.add(row)
    found = [draft.tie() for draft in drafts.values()]
    return sorted(
        found,
        key=lambda t: (
            t.person.label,
            RELATIONS.index(t.relation),
            t.body.label,
            t.post or "",
        ),
    )


@dataclass
class _Draft:
    """A tie while its rows are read: one row per label of either end and per sentence."""

    row: dict[str, Value]
    post: str | None
    person_labels: set[str] = field(default_factory=set)
    body_labels: set[str] = field(default_factory=set)
    evidence: list[Citation] = field(default_factory=list)

    def add(self, row: dict[str, Value]) -> None:
        self.person_labels.add(str(row["personLabel"]))
        if row["targetLabel"] is not None:
            self.body_labels.add(str(row["targetLabel"]))
        cite(self.evidence, row)

    def tie(self) -> Tie:
        person, body = str(self.row["person"]), str(self.row["target"])
        body_id = body.rsplit("/", 1)[-1]
        # An IRI two articles label differently ("Ben-Gvir", "Ben Gvir"): the least label wins.
        # affiliations.rq gives ?relation and ?targetKind only Relation's and BodyKind's values.
        return Tie(
            person=Actor(person.rsplit("/", 1)[-1], person, min(self.person_labels), "person"),
            relation=str(self.row["relation"]),  # type: ignore[arg-type]
            body=Body(
                body_id,
                body,
                min(self.body_labels, default=body_id),
                str(self.row["targetKind"]),  # type: ignore[arg-type]
            ),
            post=self.post,
            evidence=tuple(self.evidence),
        )
