"""The whole flow as one stream: articles -> extraction -> RDF -> store, in batches.

Memory stays bounded by the batch: extraction streams, and each batch of `batch_size` graphs is
written in one store transaction before the next is made. A build stopped at any point (Ctrl-C,
a kill) leaves every written batch whole; rerun with `skip_existing` to do only the rest.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from kg.extractors import Extractor, local
from kg.rdf.iris import article_iri
from kg.rdf.mapping import to_triples
from kg.resolve import Resolver, from_store
from kg.store import GraphStore
from kg.types import Article, Extraction, Failure

if TYPE_CHECKING:
    from spacy.language import Language

    from kg.store.terms import Triples


@dataclass
class BuildSummary:
    """What a build did: articles written, facts by relation, articles skipped as already in
    the store, and articles whose extraction failed."""

    articles: int = 0
    facts: Counter[str] = field(default_factory=Counter)
    skipped: int = 0
    failures: list[Failure] = field(default_factory=list)


def build(
    articles: Iterable[Article],
    store: GraphStore,
    nlp: Language | None,
    base_iri: str,
    batch_size: int = 32,
    on_article: Callable[[Extraction], None] | None = None,
    *,
    skip_existing: bool = False,
    processes: int = 1,
    extractor: Extractor | None = None,
    on_progress: Callable[[BuildSummary], None] | None = None,
    resolver: Resolver | None = None,
    bulk: bool = False,
) -> BuildSummary:
    """Extract every article, resolve its persons and meetings against the store and the other
    articles (`kg.resolve`), and write its named graph (replacing any earlier version).

    With `skip_existing`, an article whose graph is already in the store is not extracted again.
    Extraction runs with `nlp` (in `processes` processes) unless another `extractor` is given
    (`kg.distributed`); resolution and writes stay here, in input order. `on_progress` is
    called with the summary so far after each article is written, skipped or failed. A
    `resolver` already knowing the store (`kg.resolve.from_store`) saves reading it again.
    `bulk` writes new graphs with the store's bulk loader: faster, but a build killed midway
    can leave its last batch partly written (rerun it with skip_existing off)."""
    if batch_size < 1:
        raise ValueError(f"batch_size must be at least 1, got {batch_size}.")
    if extractor is None:
        if nlp is None:
            raise ValueError("build() needs a spaCy pipeline (nlp) or an extractor.")
        extractor = local(nlp, processes=processes, batch_size=batch_size)
    summary = BuildSummary()
    if resolver is None:
        resolver = from_store(store, base_iri)

    def progressed() -> None:
        if on_progress is not None:
            on_progress(summary)

    def todo() -> Iterator[Article]:
        for article in articles:
            if skip_existing and store.has_graph(str(article_iri(article.id, base_iri))):
                summary.skipped += 1
                progressed()
                continue
            yield article

    def extracted() -> Iterator[Extraction]:
        for item in extractor(todo()):
            if isinstance(item, Failure):
                summary.failures.append(item)
                progressed()
                continue
            yield item

    def graphs() -> Iterator[tuple[str, Triples]]:
        for extraction in resolver.resolve_all(extracted(), batch_size=batch_size):
            summary.articles += 1
            summary.facts.update(f.predicate for f in extraction.facts)
            if on_article is not None:
                on_article(extraction)
            progressed()
            yield to_triples(extraction, base_iri)

    store.put_graphs(graphs(), batch_size=batch_size, bulk=bulk)
    return summary


__all__ = ["BuildSummary", "build"]
