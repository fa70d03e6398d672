"""RDF documents sent to the Graph Store Protocol, checked before pyoxigraph parses them.

Each is UTF-8, nests no deeper than the limit (kg.limits), and holds only characters XML can
carry. RDF/XML is first read by expat, which refuses what pyoxigraph would act on: a DTD (its
entity declarations expand a 700-byte body into a 10,000,000-character literal, "billion laughs")
and elements nested past the limit. JSON-LD is measured on its brackets outside strings; Turtle,
TriG, N-Triples and N-Quads on their tokens, read as SPARQL's (the same strings, IRIs, comments).
"""

from __future__ import annotations

import re
from xml.parsers import expat

import pyoxigraph as ox

from kg.errors import LimitError, QueryError
from kg.limits import check_depth, check_xml_chars, nesting_depth, openers_at_most
from kg.query.sparql_checks import brackets, tokens, unescape

NO_DTD = (
    "The RDF/XML body declares a DTD (<!DOCTYPE ...>): DTDs and entity declarations are refused, "
    "since their entities can expand a small body into a huge one. Write the values out instead."
)

_JSON_STRING = re.compile(r'"(?:[^"\\]|\\.)*"', re.DOTALL)
_JSON_BRACKET = re.compile(r"[\[\]{}]")


def check_body(data: bytes, format: ox.RdfFormat, max_depth: int) -> None:
    """Raise QueryError or LimitError, saying why, unless `data` may go to pyoxigraph's parser."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise QueryError(
            f"The {format.name} body is not valid UTF-8 (byte at offset {error.start}); "
            "send it as UTF-8."
        ) from None
    what = f"{format.name} body"
    if format == ox.RdfFormat.RDF_XML:
        _check_xml(text, max_depth)
    elif not openers_at_most(text, max_depth):
        check_depth(_depth(text, format), max_depth, what)
    check_xml_chars(unescape(text), what)


def _depth(text: str, format: ox.RdfFormat) -> int:
    if format == ox.RdfFormat.JSON_LD:
        bare = _JSON_STRING.sub('""', text)
        return nesting_depth(match.group() for match in _JSON_BRACKET.finditer(bare))
    return nesting_depth(brackets(tokens(text)))


def _check_xml(text: str, max_depth: int) -> None:
    parser = expat.ParserCreate()
    depth = 0

    def start(name: str, attributes: dict[str, str]) -> None:
        nonlocal depth
        depth += 1
        check_depth(depth, max_depth, "RDF/XML body", "elements")

    def end(name: str) -> None:
        nonlocal depth
        depth -= 1

    def refuse(*args: object) -> None:
        raise LimitError(NO_DTD)

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.StartDoctypeDeclHandler = refuse
    parser.EntityDeclHandler = refuse
    try:
        parser.Parse(text, True)
    except expat.ExpatError as error:
        raise QueryError(
            f"The RDF/XML body is not well-formed XML: {error}; fix it and send it again."
        ) from None
