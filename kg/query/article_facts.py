"""What one article states, for reading: its headline, date and source, and its facts in the
order of the text, each with its status, date, place and sentences."""

from __future__ import annotations

from dataclasses import dataclass, field

from kg.errors import NotFoundError
from kg.query.named_queries import query
from kg.rdf.iris import article_iri
from kg.settings import DEFAULT_BASE_IRI
from kg.store import GraphStore
from kg.store.query_result import Value, rows_of


@dataclass(frozen=True)
class Named:
    """A node a fact names: its IRI and label (a quote has no IRI, only its text)."""

    iri: str | None
    label: str


@dataclass(frozen=True)
class ArticleFact:
    """One fact of the article: `subject` `relation` `object` (for `holds_position` the post,
    in `post_in`), with its status, date, place and the sentences stating it."""

    relation: str
    status: str
    subject: Named
    object: Named
    post_in: Named | None
    date: str | None
    place: Named | None
    sentences: tuple[str, ...]


@dataclass(frozen=True)
class ArticleFacts:
    """An article's headline, publication date, source URL and facts, as its page shows them."""

    id: str
    iri: str
    title: str | None
    published: str | None
    url: str | None
    facts: tuple[ArticleFact, ...]


def article_facts(
    store: GraphStore, article_id: str, base_iri: str = DEFAULT_BASE_IRI
) -> ArticleFacts:
    """The article `article_id` and its facts (`article_facts.rq`); NotFoundError if unknown."""
    iri = article_iri(article_id, base_iri)
    rows = rows_of(store.query(query("article_facts"), {"article": iri}))
    if not rows:
        raise NotFoundError(
            f"No article with id '{article_id}' (graph <{iri}>). List them with GET /articles."
        )
    drafts: dict[str, _Draft] = {}
    for row in rows:
        if row["fact"] is None:  # an article with no fact: one row of its own fields
            continue
        # A meeting of three is a fact per pair; every other fact has one subject and object.
        key = f"{row['fact']} {row['subject']} {row['object']}"
        drafts.setdefault(key, _Draft(row)).add(row)
    first = rows[0]
    return ArticleFacts(
        id=str(first["id"]),
        iri=str(iri),
        title=_optional(first["title"]),
        published=_optional(first["published"]),
        url=_optional(first["url"]),
        facts=tuple(draft.fact() for draft in drafts.values()),
    )


@dataclass
class _Draft:
    """A fact while its rows are read: one row per sentence."""

    row: dict[str, Value]
    sentences: dict[str, None] = field(default_factory=dict)

    def add(self, row: dict[str, Value]) -> None:
        if row["sentence"] is not None:
            self.sentences[str(row["sentence"])] = None

    def fact(self) -> ArticleFact:
        row = self.row
        return ArticleFact(
            relation=str(row["relation"]),
            status=str(row["status"]),
            subject=_named(row, "subject"),
            object=_named(row, "object"),
            post_in=_named(row, "postIn") if row["postIn"] is not None else None,
            date=_optional(row["date"]),
            place=_named(row, "place") if row["place"] is not None else None,
            sentences=tuple(self.sentences),
        )


def _named(row: dict[str, Value], key: str) -> Named:
    label = row[f"{key}Label"]
    if label is None and row["relation"] == "said" and key == "object":
        return Named(None, str(row[key]))  # a quote: the words themselves
    iri = str(row[key])
    return Named(iri, str(label) if label is not None else iri.rsplit("/", 1)[-1])


def _optional(value: object) -> str | None:
    return None if value is None else str(value)
