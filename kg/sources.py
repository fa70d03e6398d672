"""Reading articles from files and folders as a stream of `Article` values.

What a file holds is read by kg.documents, the same functions POST /articles reads request
bodies with; this module finds the files, picks the format by suffix, and opens them (gunzipped
if .gz)."""

from __future__ import annotations

import gzip
import io
import zlib
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from kg.documents import (
    ARTICLE_FORMATS,
    MAX_HEADLINE_WORDS,
    ArticleFormat,
    ErrorHandler,
    Origin,
    article_from_text,
    article_id,
    jsonl_articles,
    read_document,
)
from kg.errors import SourceError
from kg.types import Article

__all__ = [
    "MAX_HEADLINE_WORDS",
    "SUFFIXES",
    "article_from_text",
    "article_id",
    "count_articles",
    "read_articles",
]

_BY_SUFFIX: dict[str, ArticleFormat] = {s: f for f in ARTICLE_FORMATS for s in f.suffixes}
SUFFIXES = tuple(_BY_SUFFIX)
"""The file kinds `read_articles` understands; other files inside folders are skipped."""


def read_articles(
    paths: Iterable[str | Path], on_error: ErrorHandler | None = None
) -> Iterator[Article]:
    """Yield the articles in files and folders; report bad ones to `on_error` or raise."""
    for file in _files(paths):
        yield from _read_file(file, on_error)


def count_articles(paths: Iterable[str | Path]) -> int | None:
    """How many articles `read_articles` will yield at most, when cheap to know: one per .txt
    file, one per non-blank line of JSON Lines; None when a .json file or a pipe (read once)
    is among them."""
    total = 0
    for file in _files(paths):
        suffix = _suffix(file)
        if suffix in (".json", ".json.gz") or (file.exists() and not file.is_file()):
            return None
        if suffix == ".txt" or suffix is None:
            total += 1
            continue
        try:
            with _reading(file) as stream:
                total += sum(1 for line in stream if line.strip())
        except SourceError:
            total += 1  # reported when it is read
    return total


def _files(paths: Iterable[str | Path]) -> Iterator[Path]:
    """The files named, and the article files inside the folders named, in order."""
    for given in paths:
        path = Path(given)
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.is_file() and _suffix(p) is not None)
        else:
            yield path


def _suffix(path: Path) -> str | None:
    name = path.name.lower()
    # Longest first, so that "x.jsonl.gz" is not taken for a plain ".gz" or ".jsonl".
    for suffix in sorted(SUFFIXES, key=len, reverse=True):
        if name.endswith(suffix):
            return suffix
    return None


def _read_file(path: Path, on_error: ErrorHandler | None) -> Iterator[Article]:
    suffix = _suffix(path)
    try:
        if suffix is None:
            if not path.exists():
                raise SourceError(f"{path}: no such file or folder; check the path")
            raise SourceError(
                f"{path}: unknown file type {path.suffix!r}; "
                f"give a file ending in {', '.join(SUFFIXES)}"
            )
        format, origin = _BY_SUFFIX[suffix], Origin(str(path))
        if format.name == "jsonl":  # read line by line: a feed can be larger than memory
            with _reading(path) as stream:
                yield from jsonl_articles(stream, origin, on_error)
        else:
            yield from read_document(_read_bytes(path), format, origin, on_error)
    except SourceError as error:
        if on_error is None:
            raise
        on_error(error)


@contextmanager
def _reading(path: Path) -> Iterator[io.BufferedIOBase]:
    """Open a file (gunzipped if .gz); any I/O failure becomes a SourceError naming it."""
    try:
        opener = gzip.open if path.name.lower().endswith(".gz") else open
        with opener(path, "rb") as stream:
            yield stream
    except FileNotFoundError:
        raise SourceError(f"{path}: no such file; check the path") from None
    except (gzip.BadGzipFile, zlib.error, EOFError) as error:
        raise SourceError(f"{path}: not a valid gzip file ({error}); re-compress it") from None
    except OSError as error:
        raise SourceError(
            f"{path}: cannot be read ({error.strerror or error}); check its permissions"
        ) from None


def _read_bytes(path: Path) -> bytes:
    with _reading(path) as stream:
        return stream.read()
