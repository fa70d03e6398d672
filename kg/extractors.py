"""Where extraction runs: in this process (optionally spaCy's worker processes), or per batch on
a remote worker (`extract_batch`, which `kg.distributed` sends to Dask).

An `Extractor` turns a stream of articles into a stream of `Extraction` values in the same
order, with a `Failure` in place of an article whose extraction raised, so that one bad article
does not stop a corpus build.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from threading import Lock
from typing import TYPE_CHECKING

from kg.types import Article, Extraction, Failure

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from kg.extract.rules import Rules

Extractor = Callable[[Iterable[Article]], Iterator[Extraction | Failure]]
"""Articles in, one extraction (or failure) per article out, in input order."""


def local(
    nlp: Language, processes: int = 1, batch_size: int = 32, rules: Rules | None = None
) -> Extractor:
    """Extraction with `nlp.pipe` in this process, parsing in `processes` worker processes
    (spaCy's `n_process`) when more than one; the rules run where the parse comes back."""
    if processes < 1:
        raise ValueError(f"processes must be at least 1, got {processes}.")

    def run(articles: Iterable[Article]) -> Iterator[Extraction | Failure]:
        from kg.extract.rules import load_rules

        loaded = rules or load_rules()
        if processes > 1:  # one stream, so spaCy starts its worker processes once
            pairs = ((article.text, article) for article in articles)
            docs = nlp.pipe(pairs, as_tuples=True, batch_size=batch_size, n_process=processes)
            for doc, article in docs:
                yield _extract(doc, article, loaded)
            return
        for batch in batched(articles, batch_size):
            try:
                parsed = list(nlp.pipe([article.text for article in batch]))
            except Exception:  # find the article the parser fails on; parse the others
                yield from (_parse_and_extract(nlp, article, loaded) for article in batch)
                continue
            yield from (
                _extract(doc, article, loaded) for doc, article in zip(parsed, batch, strict=True)
            )

    return run


def batched(items: Iterable[Article], size: int) -> Iterator[list[Article]]:
    """Lists of `size` items (the last one shorter), read lazily."""
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def _parse_and_extract(nlp: Language, article: Article, rules: Rules) -> Extraction | Failure:
    try:
        doc = nlp(article.text)
    except Exception as exc:  # the parser itself failed on this text
        return Failure(article.id, article.source, f"{type(exc).__name__}: {exc}")
    return _extract(doc, article, rules)


def _extract(doc: Doc, article: Article, rules: Rules) -> Extraction | Failure:
    from kg.extract import extract_doc
    from kg.extract.text import parsed_from

    try:
        return extract_doc(parsed_from(doc, article.text), article, rules)
    except Exception as exc:  # one article's bad luck must not end a corpus build
        return Failure(article.id, article.source, f"{type(exc).__name__}: {exc}")


_pipelines: dict[str, tuple[Language, Rules, Lock]] = {}
_loading = Lock()


def cached_pipeline(model: str) -> tuple[Language, Rules, Lock]:
    """The pipeline `model` with the rules, loaded once per process, and a lock for its use
    (worker threads of one process share it, one batch at a time)."""
    with _loading:
        if model not in _pipelines:
            from kg.extract import load_pipeline
            from kg.extract.rules import load_rules

            rules = load_rules()
            _pipelines[model] = (load_pipeline(model, rules), rules, Lock())
        return _pipelines[model]


def extract_batch(
    articles: list[Article], model: str, batch_size: int = 32
) -> list[Extraction | Failure]:
    """Extract a batch with the pipeline `model` loaded once in this (worker) process."""
    nlp, rules, lock = cached_pipeline(model)
    with lock:
        return list(local(nlp, 1, batch_size, rules)(articles))


__all__ = ["Extractor", "cached_pipeline", "extract_batch", "local"]
