"""What the SPARQL endpoint accepts: queries over graphs in the store, updates that stay local.

Remote access is refused before anything runs: pyoxigraph would fetch a SERVICE endpoint or a
LOAD source over HTTP, and FROM / FROM NAMED may only name graphs the store holds. The check reads
the text as SPARQL tokens (comments, strings and IRIs are single tokens, so a keyword inside them
is not seen as one), then resolves the IRI after each FROM against the query's PREFIX and BASE
declarations (and the endpoint's URL, the base of relative IRIs).

The protocol's dataset parameters (default-graph-uri, named-graph-uri for queries; using-graph-uri,
using-named-graph-uri for updates) are not refused when they name a graph the store lacks: such a
graph is empty, as the store reads it (it never fetches one). They must be absolute IRIs.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from urllib.parse import urljoin, urlsplit

import pyoxigraph as ox

from kg.errors import QueryError, ReadOnlyError
from kg.limits import check_depth, check_xml_chars, nesting_depth
from kg.settings import DEFAULT_MAX_DEPTH

MISSING_QUERY = (
    "No SPARQL query given. Send it as GET /sparql?query=..., as the form field 'query' "
    "of a POST with Content-Type application/x-www-form-urlencoded, or as the body of a POST "
    "with Content-Type application/sparql-query."
)
MISSING_UPDATE = (
    "No SPARQL Update given. Send it as the body of a POST with Content-Type "
    "application/sparql-update, or as the form field 'update'."
)
NOT_A_QUERY = (
    "This is a SPARQL Update, not a query. Send it by POST as application/sparql-update (or the "
    "form field 'update') with the server's bearer token."
)
NO_SERVICE = (
    "SERVICE is refused: this endpoint only queries its own graphs and never calls other "
    "endpoints. Remove the SERVICE clause."
)
STRAY_ESCAPE = (
    "A backslash outside a string, an IRI or a prefixed name: this is not SPARQL the endpoint "
    "can check. Remove it, or write the escape inside the string or IRI it belongs to."
)
UNTERMINATED = (
    'A string opened with {quote} is never closed (or holds a line break; use """ for '
    "text over several lines). Close it."
)
NO_LOAD = (
    "LOAD is refused: this endpoint never fetches remote or local files. Send the data with PUT "
    "or POST /graphs?graph=IRI instead."
)

# Each kind is read as the SPARQL grammar (and pyoxigraph) reads it, escapes included: a comment
# ends at CR or LF, an IRI may hold \uXXXX escapes, a prefixed name \-escaped punctuation. Read
# any shorter, a '#' inside them would hide the rest of the line (a SERVICE clause) as a comment.
# A quote that opens no string ends the reading (_checked_tokens): looking for a string at every
# later quote of a long line would take quadratic time.
_TOKEN = re.compile(
    r"""
    (?P<comment>\#[^\n\r]*)
  | (?P<string>\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"|'''(?:[^'\\]|\\.|'(?!''))*'''
      |"(?:[^"\\\n\r]|\\.)*"|'(?:[^'\\\n\r]|\\.)*')
  | (?P<unterminated>\"\"\"|'''|["'])
  | (?P<iri><(?:[^<>"{}|^`\\\x00-\x20]|\\u[0-9A-Fa-f]{4}|\\U[0-9A-Fa-f]{8})*>)
  | (?P<var>[?$]\w+)
  | (?P<pname>(?:[^\W\d_][\w.\-]*)?:(?:[\w.:%\-]|\\[_~.\-!$&'()*+,;=/?\#@%])*)
  | (?P<word>[^\W\d]\w*)
  | (?P<other>\S)
    """,
    re.VERBOSE | re.DOTALL,
)
_UCHAR = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")
_LOCAL_ESCAPE = re.compile(r"\\(.)")

Token = tuple[str, str]
"""A token's kind (a group name of _TOKEN) and its text."""


def tokens(text: str) -> Iterator[Token]:
    """The SPARQL tokens of `text`, comments left out."""
    for kind, word, _ in placed_tokens(text):
        yield kind, word


def placed_tokens(text: str) -> Iterator[tuple[str, str, int]]:
    """The SPARQL tokens of `text` with the offset each starts at, comments left out."""
    for match in _TOKEN.finditer(text):
        kind = match.lastgroup or "other"
        if kind != "comment":
            yield kind, match.group(), match.start()


def check_query(
    query: str | None,
    has_graph: Callable[[str], bool],
    base: str = "",
    max_depth: int = DEFAULT_MAX_DEPTH,
) -> str:
    """The query, if it is one this endpoint runs; QueryError saying why not otherwise
    (LimitError if its brackets nest deeper than `max_depth`). `base` is the IRI relative ones
    in the query are resolved against (the endpoint's URL)."""
    if query is None or not query.strip():
        raise QueryError(MISSING_QUERY)
    words = _checked_tokens(query)
    check_depth(nesting_depth(brackets(words)), max_depth, "query")
    if _keywords(words) & _UPDATE_KEYWORDS and not _keywords(words) & _QUERY_FORMS:
        raise ReadOnlyError(NOT_A_QUERY)
    if "SERVICE" in _keywords(words):
        raise QueryError(NO_SERVICE)
    for iri in _from_iris(words, base):
        if not has_graph(iri):
            raise QueryError(
                f"FROM <{iri}> is not a graph in this store; only its own graphs can be "
                "queried, nothing is loaded from elsewhere. List them with "
                "SELECT DISTINCT ?g WHERE { GRAPH ?g { } }."
            )
    return query


def returns_graph(query: str) -> bool:
    """Whether the query is a CONSTRUCT or DESCRIBE (its first query-form keyword)."""
    for kind, text in tokens(query):
        if kind == "word" and text.upper() in _QUERY_FORMS:
            return text.upper() in ("CONSTRUCT", "DESCRIBE")
    return False


def dataset_iris(parameter: str, values: Sequence[str]) -> tuple[str, ...]:
    """The graph IRIs of a dataset parameter (default-graph-uri, ...), each checked to be an
    absolute IRI; QueryError naming the parameter and the value otherwise."""
    for value in values:
        try:
            ox.NamedNode(value)
        except ValueError:
            raise QueryError(
                f"{parameter} {value!r} is not an absolute IRI; name graphs by absolute IRI, "
                "such as https://w3id.org/newskg/id/article/28cd3d1d7a67278e."
            ) from None
        if not urlsplit(value).scheme:
            raise QueryError(f"{parameter} {value!r} is not an absolute IRI; add its scheme.")
    return tuple(values)


def check_update(
    update: str | None,
    using_graphs: Sequence[str] = (),
    using_named_graphs: Sequence[str] = (),
    max_depth: int = DEFAULT_MAX_DEPTH,
) -> str:
    """The update, if it stays inside the store and does not name a dataset both in the text
    and in the protocol's using-graph-uri / using-named-graph-uri; QueryError saying why not
    (LimitError if its brackets nest deeper than `max_depth`, or it writes a character XML
    cannot carry)."""
    if update is None or not update.strip():
        raise QueryError(MISSING_UPDATE)
    words = _checked_tokens(update)
    check_depth(nesting_depth(brackets(words)), max_depth, "update")
    check_xml_chars(unescape(update), "update")
    keywords = _keywords(words)
    if "LOAD" in keywords:
        raise QueryError(NO_LOAD)
    if "SERVICE" in keywords:
        raise QueryError(NO_SERVICE)
    if using_graphs or using_named_graphs:
        for keyword in ("WITH", "USING"):
            if keyword in keywords:
                raise QueryError(DATASET_CONFLICT.format(keyword=keyword))
    return update


_UPDATE_KEYWORDS = frozenset(
    {"INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD"}
)
_QUERY_FORMS = frozenset({"SELECT", "ASK", "CONSTRUCT", "DESCRIBE"})


def brackets(words: Iterable[Token]) -> Iterator[str]:
    """The brackets among the tokens: ( [ { ) ] }, and << >> (RDF 1.2 triple terms)."""
    held = ""
    for kind, text in words:
        if kind != "other":
            held = ""
        elif text in "<>":
            if held == text:
                yield text * 2
                held = ""
            else:
                held = text
        else:
            held = ""
            yield text


def _checked_tokens(text: str) -> list[Token]:
    words = []
    for kind, word in tokens(text):
        if kind == "unterminated":
            raise QueryError(UNTERMINATED.format(quote=word))
        words.append((kind, word))
    # SPARQL has no backslash outside strings, IRIs and prefixed names: one here means the text
    # is read differently than the tokens above assume, so nothing in it can be trusted.
    if ("other", "\\") in words:
        raise QueryError(STRAY_ESCAPE)
    return words


def unescape(text: str) -> str:
    """`text` with its \\uXXXX and \\UXXXXXXXX escapes replaced by the characters."""
    return _UCHAR.sub(lambda m: chr(int(m.group(1) or m.group(2), 16)), text)


def _keywords(words: list[Token]) -> set[str]:
    return {text.upper() for kind, text in words if kind == "word"}


def _from_iris(words: list[Token], base: str) -> list[str]:
    prefixes: dict[str, str] = {}
    found: list[str] = []
    for index, (kind, text) in enumerate(words):
        if kind != "word":
            continue
        keyword = text.upper()
        following = words[index + 1 : index + 4]
        if keyword == "BASE" and following and following[0][0] == "iri":
            base = urljoin(base, unescape(following[0][1][1:-1]))
        elif keyword == "PREFIX" and len(following) >= 2 and following[0][0] == "pname":
            prefixes[following[0][1].rstrip(":")] = urljoin(base, unescape(following[1][1][1:-1]))
        elif keyword == "FROM":
            if following and following[0][1].upper() == "NAMED":
                following = following[1:]
            if not following:
                continue
            target_kind, target = following[0]
            if target_kind == "iri":
                found.append(urljoin(base, unescape(target[1:-1])))
            elif target_kind == "pname":
                prefix, _, local = target.partition(":")
                if prefix not in prefixes:
                    raise QueryError(f"FROM {target}: the prefix '{prefix}:' is not declared.")
                found.append(prefixes[prefix] + _LOCAL_ESCAPE.sub(r"\1", local))
    return found


DATASET_CONFLICT = (
    "The update names its dataset with {keyword} and the request with using-graph-uri or "
    "using-named-graph-uri; the SPARQL Protocol allows only one of them. Drop the parameters or "
    "the {keyword} clause."
)


def with_using(update: str, default_graphs: Sequence[str], named_graphs: Sequence[str]) -> str:
    """The update (passed by `check_update` with the same graphs) with the protocol's
    using-graph-uri / using-named-graph-uri written as USING / USING NAMED clauses before the
    WHERE of each DELETE / INSERT operation (DELETE WHERE and the DATA forms take no dataset)."""
    if not default_graphs and not named_graphs:
        return update
    clauses = " ".join(
        [f"USING {ox.NamedNode(iri)}" for iri in default_graphs]
        + [f"USING NAMED {ox.NamedNode(iri)}" for iri in named_graphs]
    )
    pieces, copied, depth, previous = [], 0, 0, ""
    for match in _TOKEN.finditer(update):
        kind, text = match.lastgroup, match.group().upper()
        if kind == "comment":
            continue
        if kind == "other" and text in "{}":
            depth += 1 if text == "{" else -1
        elif kind == "word" and text == "WHERE" and depth == 0 and previous != "DELETE":
            pieces += [update[copied : match.start()], clauses, " "]
            copied = match.start()
        previous = text
    return "".join(pieces) + update[copied:]
