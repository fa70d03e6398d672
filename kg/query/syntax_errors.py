"""pyoxigraph's SPARQL parser errors, said in one short line: where, after what, what was expected.

pyoxigraph reports `error at LINE:COLUMN: expected one of ...` followed by the alternatives of its
grammar, character classes written as Unicode ranges among them. The position is where the parser
gave up, often just past the mistake, so the message quotes the text before it. A prefix the query
neither declares nor has predeclared (kg.query.prefixes) is named first: pyoxigraph's own error for
it can point elsewhere. Positions are on the user's own lines, not counting a line of predeclared
prefixes.
"""

from __future__ import annotations

import re

from kg.query.prefixes import PREDECLARED, declared, own_text, uses

_POSITION = re.compile(r"error at (\d+):(\d+): (?:expected )?(.*)", re.DOTALL)
_ITEM = re.compile(r"""\[(?:'(?:[^'\\]|\\.)*'|[^\]'])*\]|"(?:[^"\\]|\\.)*"|[^,\[\]"\s][^,\[\]"]*""")
_QUOTED = re.compile(r"'((?:[^'\\]|\\.)*)'")
_RANGE = re.compile(r"'(.)'\s*\.\.=\s*'(.)'")
_CONTEXT = 30
"""Characters of the query quoted before the position of an error."""
_SHOWN = 12
"""Expected keywords (and other alternatives) listed before '...'."""
_SAID = {
    "IRI parsing failed": "a valid IRI (no spaces, quotes or braces between < and >)",
    "Prefix not found": "a declared prefix",
    "[_]": "",
}


def explain(query: str, message: str) -> str:
    """The parser's `message` about `query` in one line; the message as it is if it is not one
    of pyoxigraph's parser errors."""
    own, added = own_text(query)
    undeclared = _undeclared(own, declared(query))
    if undeclared is not None:
        name, at = undeclared
        line, column = _line_column(own, at)
        known = ", ".join(sorted(PREDECLARED))
        return (
            f"SPARQL syntax error at line {line}, column {column}: the prefix '{name}:' is not "
            f"declared. Add PREFIX {name}: <IRI> before the query, or use one of the "
            f"predeclared prefixes: {known}."
        )
    match = _POSITION.match(message.strip())
    if match is None:
        return message
    line, column = int(match.group(1)) - added, int(match.group(2))
    lines = own.split("\n")
    text = lines[line - 1] if 0 < line <= len(lines) else ""
    before = text[: column - 1].strip()
    where = f"after {_quoted(before[-_CONTEXT:])}" if before else "at the start of the line"
    expected = _in_words(match.group(3))
    said = f"expected {expected}" if expected else "the query cannot be read past this point"
    return f"SPARQL syntax error at line {line}, column {column}, {where}: {said}."


def _undeclared(query: str, names: set[str]) -> tuple[str, int] | None:
    """The first prefix the query uses that is not in `names`, with the offset of its use."""
    for name, at in uses(query):
        if name not in names:
            return name, at
    return None


def _line_column(text: str, offset: int) -> tuple[int, int]:
    line_start = text.rfind("\n", 0, offset) + 1
    return text.count("\n", 0, offset) + 1, offset - line_start + 1


def _in_words(expected: str) -> str:
    """The parser's alternatives as words: keywords and punctuation as they are, character
    classes as what they hold ('a letter', 'a digit', or the characters)."""
    keywords: list[str] = []
    others: list[str] = []
    for item in _ITEM.findall(expected.removeprefix("one of ")):
        item = item.strip()
        if item in _SAID:
            said = _SAID[item]
        elif item.startswith("["):
            said = _character_class(item)
        elif item.startswith('"'):
            said = _quoted(item[1:-1].replace('\\"', '"').replace("\\\\", "\\"))
        else:
            keywords.append(item)
            continue
        if said and said not in others:
            others.append(said)
    words = ([f"a keyword ({_listed(keywords)})"] if keywords else []) + others
    if len(words) > _SHOWN:
        return _listed(words)
    if len(words) < 2:
        return "".join(words)
    return f"{', '.join(words[:-1])} or {words[-1]}"


def _listed(items: list[str]) -> str:
    """The first _SHOWN items, comma separated, with '...' if there are more."""
    return ", ".join(items[:_SHOWN]) + (", ..." if len(items) > _SHOWN else "")


def _character_class(item: str) -> str:
    """'a letter', 'a digit' or the characters a class like ['A' ..= 'Z' | '_'] holds."""
    ranges = {(low, high) for low, high in _RANGE.findall(item)}
    if ("A", "Z") in ranges or ("a", "z") in ranges:
        return "a letter"
    if ("0", "9") in ranges:
        return "a digit"
    if ranges:
        return "another character"
    chars = [c.replace("\\\\", "\\").replace("\\'", "'") for c in _QUOTED.findall(item)]
    return " or ".join(_quoted(c) for c in chars) or "another character"


def _quoted(text: str) -> str:
    """`text` in single quotes, or in double quotes if it holds one."""
    return f'"{text}"' if "'" in text else f"'{text}'"
