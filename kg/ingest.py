"""Ingesting one article at a time (the HTTP API's POST /articles) with a pipeline loaded once."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from threading import Lock
from typing import Any

from spacy.language import Language

from kg.build import build
from kg.errors import ExtractionError
from kg.extract import load_pipeline
from kg.rdf.iris import article_iri
from kg.records import fact_record
from kg.resolve import Resolver, from_store
from kg.store import GraphStore
from kg.types import Article, Extraction


@dataclass(frozen=True)
class Ingested:
    """An ingested article: its id, its graph's IRI, its facts as JSON Lines records, and the
    headline and date it was read with."""

    id: str
    graph: str
    facts: tuple[dict[str, Any], ...]
    title: str | None = None
    published: date | None = None


class Ingester:
    """The spaCy pipeline and the base IRI, with a lock: ingestions run one at a time, so that
    each resolves its names and meetings against everything written before it (`kg.resolve`).

    What the store knows of persons and meetings is read once (0.7 s at 150k triples) and kept
    while the store has had no write but this ingester's own (`GraphStore.version`)."""

    def __init__(self, nlp: Language, base_iri: str) -> None:
        self.nlp = nlp
        self.base_iri = base_iri
        self._lock = Lock()
        self._resolver: Resolver | None = None
        self._resolved: tuple[int, int] | None = None  # (id of the store, its version) known

    @classmethod
    def load(cls, model: str, base_iri: str) -> Ingester:
        """An ingester with the spaCy pipeline `model` (ModelNotFoundError if not installed)."""
        return cls(load_pipeline(model), base_iri)

    def ingest(self, store: GraphStore, article: Article) -> Ingested:
        """Extract `article`, resolve it against the store and write its graph (replacing any
        earlier version); return its facts as `kg extract --format jsonl` prints them."""
        extractions: list[Extraction] = []
        with self._lock:
            resolver = self._resolver_for(store)
            self._resolver, before = None, store.version  # kept again if only this write went in
            summary = build(
                [article],
                store,
                self.nlp,
                self.base_iri,
                on_article=extractions.append,
                resolver=resolver,
            )
            if before is not None and store.version == before + (1 if summary.articles else 0):
                self._resolver, self._resolved = resolver, (id(store), store.version)
        if summary.failures or not extractions:
            reason = summary.failures[0].reason if summary.failures else "nothing was extracted"
            raise ExtractionError(
                f"Article '{article.id}' could not be extracted ({reason}); nothing was written."
            )
        (extraction,) = extractions
        return Ingested(
            id=article.id,
            graph=str(article_iri(article.id, self.base_iri)),
            facts=tuple(fact_record(extraction, fact) for fact in extraction.facts),
            title=article.title,
            published=article.published,
        )

    def ingest_all(self, store: GraphStore, articles: Sequence[Article]) -> list[Ingested]:
        """Ingest `articles` in order; if one cannot be extracted, ExtractionError naming it and
        the ones written before it (those stay written)."""
        done: list[Ingested] = []
        for article in articles:
            try:
                done.append(self.ingest(store, article))
            except ExtractionError as error:
                if not done:
                    raise
                written = ", ".join(f"'{item.id}'" for item in done)
                raise ExtractionError(
                    f"{error} The {len(done)} article(s) before it were written: {written}; "
                    "send the rest again once it is fixed."
                ) from None
        return done

    def _resolver_for(self, store: GraphStore) -> Resolver:
        if self._resolver is not None and self._resolved == (id(store), store.version):
            return self._resolver
        return from_store(store, self.base_iri)
