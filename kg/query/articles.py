"""Articles in the store: listing them and reading one article's named graph."""

from __future__ import annotations

from dataclasses import dataclass

from rdflib import Graph

from kg.errors import NotFoundError, QueryError
from kg.query.named_queries import query
from kg.rdf.iris import article_iri
from kg.settings import DEFAULT_BASE_IRI
from kg.store import GraphStore
from kg.store.query_result import graph_of, rows_of

MAX_PAGE = 1000
"""The most articles one page lists."""


@dataclass(frozen=True)
class ArticleRef:
    """An article: id, IRI (also the name of its graph), headline and publication date."""

    id: str
    iri: str
    title: str | None
    published: str | None


@dataclass(frozen=True)
class ArticleSummary(ArticleRef):
    """An article and the number of facts its graph holds."""

    facts: int


@dataclass(frozen=True)
class ArticlePage:
    """One page of articles, newest first, and how many there are."""

    total: int
    limit: int
    offset: int
    items: tuple[ArticleSummary, ...]


def list_articles(store: GraphStore, limit: int = 50, offset: int = 0) -> ArticlePage:
    """A page of articles, newest first: id, IRI, title, published date and facts count."""
    if not 1 <= limit <= MAX_PAGE or offset < 0:
        raise QueryError(
            f"limit must be between 1 and {MAX_PAGE} and offset at least 0, "
            f"got limit={limit}, offset={offset}."
        )
    # Paged here, not by LIMIT/OFFSET in the query: request values are never written into SPARQL.
    rows = rows_of(store.query(query("articles")))
    items = tuple(
        ArticleSummary(
            id=str(row["id"]),
            iri=str(row["article"]),
            title=_optional(row["title"]),
            published=_optional(row["published"]),
            facts=int(row["facts"] or 0),
        )
        for row in rows[offset : offset + limit]
    )
    return ArticlePage(total=len(rows), limit=limit, offset=offset, items=items)


def article_graph(store: GraphStore, article_id: str, base_iri: str = DEFAULT_BASE_IRI) -> Graph:
    """The named graph of the article `article_id`; raises NotFoundError if there is none."""
    iri = article_iri(article_id, base_iri)
    if not store.has_graph(str(iri)):
        raise NotFoundError(
            f"No article with id '{article_id}' (graph <{iri}>). List them with GET /articles."
        )
    return graph_of(store.query(query("article_graph"), {"article": iri}))


def _optional(value: object) -> str | None:
    return None if value is None else str(value)
