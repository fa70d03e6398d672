"""The values that cross stage boundaries, declared once."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Literal

EntityType = Literal["person", "organization", "party", "place"]
"""What an entity is. A party is an organisation the rules know to be a political party."""

Predicate = Literal[
    "met",
    "visited",
    "leads",
    "member_of",
    "holds_position",
    "works_for",
    "located_in",
    "based_in",
    "lives_in",
    "credited",
    "said",
]
"""The relations newskg extracts (DESIGN.md, facts as JSON Lines). `credited` marks a photo
credit or a "X contributed to this report" line: the person is credited on the article. `said`
attributes words to a speaker: its object is the quote text (the quoted words without the marks,
or the reported clause), its object_type "quote"."""

Status = Literal["asserted", "planned", "negated", "reported", "past"]
"""Factuality: only asserted facts become direct edges in the graph. `past` is a post or an
affiliation the text says is no longer held ('former Labour leader')."""

ObjectType = Literal["person", "organization", "party", "place", "post", "article", "quote"]


@dataclass(frozen=True)
class Article:
    """One news article as read from a file, a JSON record or an HTTP request."""

    id: str
    text: str
    published: date | None = None
    title: str | None = None
    url: str | None = None
    source: str | None = None
    """Where it came from: a file path (with line number for JSON Lines) or a feed name."""


@dataclass(frozen=True)
class Evidence:
    """The sentence a fact came from, with character offsets into `Article.text`."""

    sentence: str
    start: int
    end: int


@dataclass(frozen=True)
class Entity:
    """A resolved entity of one article: its canonical name (the fullest form) and aliases."""

    name: str
    type: EntityType
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Fact:
    """One extracted relation with its evidence.

    `met` is symmetric: subject and object are stored in name order. For `holds_position` the
    object is the post title ("Defense Minister") and `post_in` the country or organisation the
    text gives for it.

    `event` names the event a `met` fact reports across articles: facts of several articles with
    the same `event` are one `kg:Meeting` (set by `kg.resolve`; None means "this article's own
    event", keyed by the article).
    """

    predicate: Predicate
    subject: str
    subject_type: EntityType
    object: str
    object_type: ObjectType
    evidence: tuple[Evidence, ...]
    confidence: float
    status: Status = "asserted"
    date: str | None = None
    place: str | None = None
    post_in: str | None = None
    post_in_type: EntityType | None = None
    event: str | None = None


@dataclass(frozen=True)
class Extraction:
    """Everything extracted from one article."""

    article: Article
    entities: tuple[Entity, ...] = ()
    facts: tuple[Fact, ...] = field(default=())


@dataclass(frozen=True)
class Failure:
    """An article extraction could not handle: its id, where it came from, and why."""

    article: str
    source: str | None
    reason: str
