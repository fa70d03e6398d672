"""Reading articles from files, folders and JSON records as a stream of `Article` values."""

from __future__ import annotations

import gzip
import hashlib
import html
import io
import json
import re
import unicodedata
import zlib
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from datetime import date, datetime
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from kg.errors import SourceError
from kg.limits import spaces_for_non_xml
from kg.types import Article

SUFFIXES = (".txt", ".json", ".jsonl", ".json.gz", ".jsonl.gz")
"""The file kinds `read_articles` understands; other files inside folders are skipped."""

MAX_HEADLINE_WORDS = 15

# A leading "date YYYY-MM-DD" marker, on its own line or followed by the body on the same line.
_DATE_MARKER = re.compile(r"\A\s*date[ \t]+(\d{4}-\d{2}-\d{2})(?![\w-])[ \t]*\n?")
_STRING_FIELDS = ("id", "title", "url", "source")
# An HTML tag or comment: "<p>", "</b>", "<a href='x'>", "<br/>", "<!-- x -->" (not "a < b").
_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>|<!--.*?-->", re.DOTALL)
_WEB_URL = re.compile(
    r"""\Ahttps?://
    (?:[^/?\#@\[\]]*@)?                          # user info
    (?:\[[0-9A-Fa-f:.]+\]|[^/?\#@\[\]:]+)(?::[0-9]*)?  # host (a name or [IPv6]), port
    (?:/[^?\#\[\]]*)?(?:\?[^\#\[\]]*)?(?:\#[^\#\[\]]*)?\Z  # path, query, fragment
    """,
    re.IGNORECASE | re.VERBOSE,
)
_SURROGATE = re.compile("[\ud800-\udfff]")
# Invisible marks that only steer right-to-left display (LRM, RLM, embeddings, overrides,
# isolates): glued to a word they make a new "word" for the parser, and they can make stored
# text display in another order than it reads.
_BIDI_CONTROLS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_BAD_PERCENT = re.compile(r"%(?![0-9A-Fa-f]{2})")
# Beyond ASCII an IRI holds only RFC 3987's ucschar (no controls, surrogates, private use, ...).
_UCSCHAR = "\xa0-\ud7ff\uf900-\ufdcf\ufdf0-\uffef\U000e1000-\U000efffd" + "".join(
    f"{chr(plane << 16)}-{chr((plane << 16) + 0xFFFD)}" for plane in range(1, 14)
)
_NOT_IN_IRI = re.compile(f"[^\x00-\x7f{_UCSCHAR}]")
_HIDDEN_TAGS = frozenset({"script", "style", "noscript", "template", "head"})
_BLOCK_NAMES = (
    "address article aside blockquote br dd div dl dt figcaption figure footer h1 h2 h3 h4 h5 "
    "h6 header hr li main nav ol p pre section table td th tr ul"
)
_BLOCK_TAGS = frozenset(_BLOCK_NAMES.split())

ErrorHandler = Callable[[SourceError], None]


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


def article_from_text(
    text: str,
    published: date | str | None = None,
    title: str | None = None,
    url: str | None = None,
    source: str | None = None,
    id: str | None = None,
) -> Article:
    """An `Article` from values given directly (HTTP or JSON callers), validated like a record."""
    record = {
        "id": id,
        "text": text,
        "published": published,
        "title": title,
        "url": url,
        "source": source,
    }
    return _article_from_record(record, where=source or "article", default_source=None)


def article_id(text: str) -> str:
    """A stable id for a text: first 16 hex digits of the SHA-256 of its NFC, stripped form."""
    normalised = unicodedata.normalize("NFC", text).strip()
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()[:16]


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
        if suffix == ".txt":
            yield _article_from_txt(path, _read_bytes(path))
        elif suffix in (".json", ".json.gz"):
            yield from _articles_from_json(path, _read_bytes(path), on_error)
        else:
            yield from _articles_from_jsonl(path, on_error)
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


def _decode(data: bytes, where: str, offset: int = 0) -> str:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        byte = data[error.start]
        raise SourceError(
            f"{where} is not valid UTF-8 (byte 0x{byte:02x} at offset {offset + error.start}); "
            "re-save it as UTF-8"
        ) from None
    if "\x00" in text:  # valid UTF-8, but binary data or UTF-16 text
        raise SourceError(
            f"{where} holds NUL bytes (the first at offset {offset + data.index(0)}): it is "
            "binary or UTF-16, not UTF-8 text; re-save it as UTF-8"
        )
    return text.removeprefix("\ufeff")


def _article_from_txt(path: Path, data: bytes) -> Article:
    raw = _decode(data, str(path)).replace("\r\n", "\n").replace("\r", "\n")
    # Scraped text keeps entities ("fianc&#233;e" is "fiancée") and sometimes its markup.
    raw = plain_text(raw) if _TAG.search(raw) else html.unescape(raw)
    raw = _BIDI_CONTROLS.sub("", raw)
    published = None
    marker = _DATE_MARKER.match(raw)
    if marker:
        published = _parse_date(marker.group(1), f"{path}: first line 'date'")
        raw = raw[marker.end() :]
    title, body = _split_headline(raw.strip())
    if not body.strip():
        raise SourceError(f"{path}: the article text is empty; put the article text in the file")
    return Article(
        id=article_id(body), text=body, published=published, title=title, source=str(path)
    )


def plain_text(markup: str) -> str:
    """The text of an HTML fragment: tags dropped, scripts and styles left out, entities
    decoded, block elements (paragraphs, headings, list items) on lines of their own."""
    parser = _TextOnly()
    parser.feed(markup)
    parser.close()
    text = "".join(parser.parts)
    text = re.sub(r"[ \t]*\n[ \t]*", "\n", text)
    return re.sub(r"\n{3,}", "\n\n", text).strip()


class _TextOnly(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _HIDDEN_TAGS:
            self._hidden += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n" if tag == "br" else "\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN_TAGS:
            self._hidden = max(self._hidden - 1, 0)
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self._hidden:
            self.parts.append(data)


def _split_headline(text: str) -> tuple[str | None, str]:
    """BBC layout: a short first line without a final period, then a blank line, then the body."""
    parts = text.split("\n", 2)
    if len(parts) < 3 or parts[1].strip():
        return None, text
    headline = parts[0].strip()
    if not headline or headline.endswith(".") or len(headline.split()) > MAX_HEADLINE_WORDS:
        return None, text
    return headline, parts[2].strip()


def _articles_from_json(
    path: Path, data: bytes, on_error: ErrorHandler | None
) -> Iterator[Article]:
    try:
        value = json.loads(_decode(data, str(path)))
    except json.JSONDecodeError as error:
        raise SourceError(
            f"{path}: invalid JSON at line {error.lineno}, column {error.colno} ({error.msg}); "
            "fix the file or convert it to JSON Lines"
        ) from None
    if isinstance(value, list):
        records = [(f"{path} record {n}", record) for n, record in enumerate(value, start=1)]
    else:
        records = [(str(path), value)]
    for where, record in records:
        try:
            yield _article_from_record(record, where=where, default_source=str(path))
        except SourceError as error:
            if on_error is None:
                raise
            on_error(error)


def _articles_from_jsonl(path: Path, on_error: ErrorHandler | None) -> Iterator[Article]:
    offset = 0
    with _reading(path) as stream:
        for number, line in enumerate(stream, start=1):
            where = f"{path}:{number}"
            start, offset = offset, offset + len(line)
            if not line.strip():
                continue
            try:
                yield _record_from_line(line, where, start)
            except SourceError as error:
                if on_error is None:
                    raise
                on_error(error)


def _record_from_line(line: bytes, where: str, offset: int) -> Article:
    try:
        record = json.loads(_decode(line, where, offset))
    except json.JSONDecodeError as error:
        raise SourceError(
            f"{where}: invalid JSON at column {error.colno} ({error.msg}); "
            "each line must hold one JSON object"
        ) from None
    return _article_from_record(record, where=where, default_source=where)


def _article_from_record(record: Any, where: str, default_source: str | None) -> Article:
    if not isinstance(record, Mapping):
        raise SourceError(
            f"{where}: expected a JSON object with a 'text' field, got {type(record).__name__}"
        )
    text = record.get("text")
    if not isinstance(text, str):
        found = "missing" if text is None else f"a {type(text).__name__}"
        raise SourceError(f"{where}: field 'text' is {found}; give the article text as a string")
    _check_unicode(text, "text", where)
    text = spaces_for_non_xml(_BIDI_CONTROLS.sub("", text))  # a form feed would break XML
    if _TAG.search(text):
        text = plain_text(text)
        if not text:
            raise SourceError(
                f"{where}: field 'text' holds only HTML markup; give the article text"
            )
    if not text.strip():
        raise SourceError(f"{where}: field 'text' is empty; give the article text")
    fields: dict[str, str | None] = {}
    for name in _STRING_FIELDS:
        value = record.get(name)
        if value is not None and not isinstance(value, str):
            raise SourceError(
                f"{where}: field {name!r} has value {value!r}, a {type(value).__name__}; "
                "give a string"
            )
        if value is not None:
            _check_unicode(value, name, where)
            value = spaces_for_non_xml(value)
        fields[name] = value or None
    if fields["url"] is not None:
        _check_url(fields["url"], where)
    return Article(
        id=fields["id"] or article_id(text),
        text=text,
        published=_published(record.get("published"), where),
        title=fields["title"],
        url=fields["url"],
        source=fields["source"] or default_source,
    )


def _check_unicode(value: str, name: str, where: str) -> None:
    # JSON can escape half a UTF-16 pair ("\ud800"), which no UTF-8 text or RDF store can hold.
    lone = _SURROGATE.search(value)
    if lone:
        raise SourceError(
            f"{where}: field {name!r} holds an unpaired surrogate \\u{ord(lone.group()):04x} at "
            f"character {lone.start()}; fix that \\u escape in the JSON"
        )
    if "\x00" in value:
        raise SourceError(
            f"{where}: field {name!r} holds a NUL character at character {value.index(chr(0))}: "
            "binary data, not text; send the article as UTF-8 text"
        )


def _check_url(url: str, where: str) -> None:
    # It becomes the article's schema:url IRI (kg.rdf.iris.web_iri percent-encodes spaces and
    # the like): an http(s) address whose parts hold only what an IRI allows there.
    malformed = _BAD_PERCENT.search(url) or _NOT_IN_IRI.search(url) or not url.isprintable()
    if malformed or not _WEB_URL.match(url.strip()):
        raise SourceError(
            f"{where}: field 'url' has value {url!r}, not a web address; give the article's "
            "full http(s) URL, such as 'https://example.org/news/1'"
        )


def _published(value: Any, where: str) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if not isinstance(value, str):
        raise SourceError(
            f"{where}: field 'published' has value {value!r}, a {type(value).__name__}; "
            "give an ISO date string such as '2023-01-31'"
        )
    return _parse_date(value, f"{where}: field 'published'")


def _parse_date(value: str, what: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        pass
    try:
        return datetime.fromisoformat(value).date()
    except ValueError:
        raise SourceError(
            f"{what} has value {value!r}, not a date; give an ISO date such as '2023-01-31'"
        ) from None
