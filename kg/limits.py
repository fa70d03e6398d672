"""Limits on text before a native parser reads it: how deep brackets nest, and which characters
XML can hold.

pyoxigraph's SPARQL parser and its N-Triples parser (RDF 1.2 triple terms) recurse: ten thousand
nested brackets overflow the stack and the process dies with SIGSEGV, whichever thread parses. So
nesting is measured first, on the text's tokens, and refused past the limit (NEWSKG_MAX_DEPTH).

XML 1.0 cannot hold C0 control characters other than tab, LF and CR, nor U+FFFE and U+FFFF, not
even as character references: a literal holding one makes SPARQL XML results and RDF/XML output
ill-formed. Such literals are refused in updates and RDF bodies, become spaces in article text
(kg.sources), and results holding them are refused as XML.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from kg.errors import LimitError

DEPTH_SETTING = "NEWSKG_MAX_DEPTH"
OPENERS = frozenset({"(", "[", "{", "<<"})
CLOSERS = frozenset({")", "]", "}", ">>"})

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_NOT_XML_BYTES = re.compile(rb"[\x00-\x08\x0b\x0c\x0e-\x1f]|\xef\xbf[\xbe\xbf]")


def nesting_depth(marks: Iterable[str]) -> int:
    """How deep the brackets among `marks` nest (an opener past its closers counts as open)."""
    depth = deepest = 0
    for mark in marks:
        if mark in OPENERS:
            depth += 1
            deepest = max(deepest, depth)
        elif mark in CLOSERS and depth:
            depth -= 1
    return deepest


def openers_at_most(text: str, limit: int) -> bool:
    """Whether `text` holds too few opening brackets to nest past `limit` (no need to look)."""
    return sum(text.count(mark) for mark in OPENERS) <= limit


def check_depth(depth: int, limit: int, what: str, unit: str = "brackets") -> None:
    """LimitError naming the setting if `depth` is over `limit`."""
    if depth > limit:
        raise LimitError(
            f"The {what} nests {unit} {depth} deep, over the limit of {limit} "
            f"({DEPTH_SETTING}); flatten it, or send it in parts."
        )


def check_xml_chars(text: str, what: str) -> None:
    """LimitError if `text` holds a character XML 1.0 cannot carry (a C0 control, say)."""
    found = _NOT_XML.search(text)
    if found:
        raise LimitError(
            f"The {what} holds the character U+{ord(found.group()):04X} at offset {found.start()}: "
            "a control character that XML 1.0 cannot carry, so results holding it could not be "
            "written as XML. Remove it, or write it as a space."
        )


def spaces_for_non_xml(text: str) -> str:
    """`text` with each character XML 1.0 cannot carry replaced by a space (offsets unchanged)."""
    return _NOT_XML.sub(" ", text)


def xml_safe(body: bytes) -> str | None:
    """None if the UTF-8 `body` holds only characters XML 1.0 allows, else the first other one."""
    found = _NOT_XML_BYTES.search(body)
    return None if found is None else f"U+{ord(found.group().decode('utf-8')):04X}"
