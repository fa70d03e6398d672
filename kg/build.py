"""The whole flow as one stream: articles -> extraction -> RDF -> store, in batches."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from spacy.language import Language

from kg.extract import extract
from kg.rdf import to_graph
from kg.resolve import from_store
from kg.store import Store
from kg.types import Article, Extraction


@dataclass
class BuildSummary:
    """What a build did: articles written, facts by relation."""

    articles: int = 0
    facts: Counter[str] = field(default_factory=Counter)


def build(
    articles: Iterable[Article],
    store: Store,
    nlp: Language,
    base_iri: str,
    batch_size: int = 32,
    on_article: Callable[[Extraction], None] | None = None,
) -> BuildSummary:
    """Extract every article, resolve its persons and meetings against the store and the other
    articles (`kg.resolve`), and write its named graph (replacing any earlier version)."""
    summary = BuildSummary()
    resolver = from_store(store, base_iri)

    def graphs() -> Iterator[tuple[str, object]]:
        extractions = extract(articles, nlp, batch_size=batch_size)
        for extraction in resolver.resolve_all(extractions, batch_size=batch_size):
            summary.articles += 1
            summary.facts.update(f.predicate for f in extraction.facts)
            if on_article is not None:
                on_article(extraction)
            yield to_graph(extraction, base_iri)

    store.put_graphs(graphs(), batch_size=batch_size)  # type: ignore[arg-type]
    return summary
