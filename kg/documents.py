"""Articles in a document's bytes: plain text (an optional `date` line and headline), JSON (one
article object or a list of them) and JSON Lines (one object a line).

`kg build` reads files through these functions (kg.sources) and POST /articles reads request
bodies through them, so both take the same formats and refuse bad input with the same messages.
"""

from __future__ import annotations

import hashlib
import html
import json
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from kg.errors import SourceError
from kg.limits import spaces_for_non_xml
from kg.markup import has_markup, plain_text
from kg.types import Article

MAX_HEADLINE_WORDS = 15

ErrorHandler = Callable[[SourceError], None]


@dataclass(frozen=True)
class ArticleFormat:
    """A kind of document that holds articles: the file suffixes and media types it comes as."""

    name: str
    suffixes: tuple[str, ...]
    media_types: tuple[str, ...]


ARTICLE_FORMATS: tuple[ArticleFormat, ...] = (
    ArticleFormat("text", (".txt",), ("text/plain", "text/html")),
    ArticleFormat("json", (".json", ".json.gz"), ("application/json",)),
    ArticleFormat(
        "jsonl",
        (".jsonl", ".jsonl.gz"),
        ("application/x-ndjson", "application/jsonl", "application/x-jsonlines"),
    ),
)
"""The one table of article formats, for files (by suffix) and HTTP bodies (by media type)."""

BY_MEDIA_TYPE: dict[str, ArticleFormat] = {
    media: f for f in ARTICLE_FORMATS for media in f.media_types
}


@dataclass(frozen=True)
class Origin:
    """Where a document came from, as messages and `Article.source` name it: a file (its path;
    its lines as `path:3`) or something else, such as a request body ('the body, line 3')."""

    name: str
    file: bool = True

    def line(self, number: int) -> str:
        """How a message names line `number` of a JSON Lines document."""
        return f"{self.name}:{number}" if self.file else f"{self.name}, line {number}"

    def record(self, number: int) -> str:
        """How a message names record `number` of a JSON list."""
        return f"{self.name} record {number}" if self.file else f"{self.name}, record {number}"


# A leading "date YYYY-MM-DD" marker, on its own line or followed by the body on the same line.
_DATE_MARKER = re.compile(r"\A\s*date[ \t]+(\d{4}-\d{2}-\d{2})(?![\w-])[ \t]*\n?")
_STRING_FIELDS = ("id", "title", "url", "source")
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


def read_document(
    data: bytes,
    format: ArticleFormat,
    origin: Origin,
    on_error: ErrorHandler | None = None,
    given: Mapping[str, object] | None = None,
) -> Iterator[Article]:
    """The articles in `data`; bad ones reported to `on_error` or raised as SourceError.
    `given` fields (published, title, url, id) override what a plain text says of itself."""
    if format.name == "text":
        yield text_article(data, origin, given)
    elif format.name == "json":
        yield from json_articles(data, origin, on_error)
    else:
        yield from jsonl_articles(data.splitlines(keepends=True), origin, on_error)


def article_from_text(
    text: str,
    published: date | str | None = None,
    title: str | None = None,
    url: str | None = None,
    source: str | None = None,
    id: str | None = None,
) -> Article:
    """An `Article` from values given directly (Python callers), validated like a record."""
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


def decode(data: bytes, where: str, offset: int = 0) -> str:
    """`data` as UTF-8 text without a byte order mark; SourceError if it is not UTF-8 text."""
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


def text_article(data: bytes, origin: Origin, given: Mapping[str, object] | None = None) -> Article:
    """The article of a plain text: an optional first line `date YYYY-MM-DD`, an optional
    headline (a short first line, then a blank line), then the body; HTML markup dropped."""
    where = origin.name
    raw = decode(data, where).replace("\r\n", "\n").replace("\r", "\n")
    # Scraped text keeps entities ("fianc&#233;e" is "fiancée") and sometimes its markup.
    raw = plain_text(raw) if has_markup(raw) else html.unescape(raw)
    raw = _BIDI_CONTROLS.sub("", raw)
    published = None
    marker = _DATE_MARKER.match(raw)
    if marker:
        published = _parse_date(marker.group(1), f"{where}: first line 'date'")
        raw = raw[marker.end() :]
    title, body = _split_headline(raw.strip())
    if not body.strip():
        raise SourceError(f"{where}: the article text is empty; put the article text in it")
    record: dict[str, object] = {"published": published, "title": title, "source": where}
    record.update({name: value for name, value in (given or {}).items() if value is not None})
    return _article(spaces_for_non_xml(body), record, where, default_source=where)


def json_articles(
    data: bytes, origin: Origin, on_error: ErrorHandler | None = None
) -> Iterator[Article]:
    """The articles of a JSON document: one article object, or a list of them."""
    where = origin.name
    try:
        value = _load_json(decode(data, where), where)
    except json.JSONDecodeError as error:
        raise SourceError(
            f"{where}: invalid JSON at line {error.lineno}, column {error.colno} ({error.msg}); "
            "fix it, or convert it to JSON Lines"
        ) from None
    if isinstance(value, list):
        records = [(origin.record(n), record) for n, record in enumerate(value, start=1)]
    else:
        records = [(where, value)]
    for at, record in records:
        try:
            yield _article_from_record(record, where=at, default_source=where)
        except SourceError as error:
            if on_error is None:
                raise
            on_error(error)


def jsonl_articles(
    lines: Iterable[bytes], origin: Origin, on_error: ErrorHandler | None = None
) -> Iterator[Article]:
    """The articles of JSON Lines, one JSON object a line; blank lines are skipped."""
    offset = 0
    for number, line in enumerate(lines, start=1):
        where = origin.line(number)
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
        record = _load_json(decode(line, where, offset), where)
    except json.JSONDecodeError as error:
        raise SourceError(
            f"{where}: invalid JSON at column {error.colno} ({error.msg}); "
            "each line must hold one JSON object"
        ) from None
    return _article_from_record(record, where=where, default_source=where)


def _load_json(text: str, where: str) -> Any:
    def refuse(constant: str) -> None:
        raise SourceError(
            f"{where}: {constant} is not a JSON value; give the article's fields as strings"
        )

    try:
        return json.loads(text, parse_constant=refuse)
    except RecursionError:
        raise SourceError(
            f"{where}: the JSON nests arrays or objects too deep to read; give one object per "
            "article, its fields strings"
        ) from None


def _split_headline(text: str) -> tuple[str | None, str]:
    """BBC layout: a short first line without a final period, then a blank line, then the body."""
    parts = text.split("\n", 2)
    if len(parts) < 3 or parts[1].strip():
        return None, text
    headline = parts[0].strip()
    if not headline or headline.endswith(".") or len(headline.split()) > MAX_HEADLINE_WORDS:
        return None, text
    return headline, parts[2].strip()


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
    if has_markup(text):
        text = plain_text(text)
        if not text:
            raise SourceError(
                f"{where}: field 'text' holds only HTML markup; give the article text"
            )
    if not text.strip():
        raise SourceError(f"{where}: field 'text' is empty; give the article text")
    return _article(text, record, where, default_source)


def _article(
    text: str, record: Mapping[str, Any], where: str, default_source: str | None
) -> Article:
    """The `Article` of a cleaned text and a record's other fields, checked."""
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


def holds_many(data: bytes, format: ArticleFormat) -> bool:
    """Whether a document is a collection, even of one article: JSON Lines, or a JSON list."""
    if format.name == "json":
        return data.removeprefix(b"\xef\xbb\xbf").lstrip(b" \t\r\n").startswith(b"[")
    return format.name == "jsonl"
