"""pyoxigraph's parser errors in one line: line, column, the text before, what was expected."""

from __future__ import annotations

import pytest

from kg.errors import QueryError
from kg.query.prefixes import declare
from kg.query.syntax_errors import explain
from kg.store import Store


def parser_message(query: str) -> str:
    """The QueryError an in-memory store raises for `query`, declared as `kg query` sends it."""
    with pytest.raises(QueryError) as info:
        Store.open("memory:").query(declare(query))
    return str(info.value)


@pytest.mark.parametrize(
    ("query", "message"),
    [
        pytest.param(
            "SELECT ?x WHERE { ?x ex:p ?o }",
            "SPARQL syntax error at line 1, column 22: the prefix 'ex:' is not declared. Add "
            "PREFIX ex: <IRI> before the query, or use one of the predeclared prefixes: kg, org, "
            "owl, prov, rdf, rdfs, schema, skos, xsd.",
            id="undeclared-prefix",
        ),
        pytest.param(
            "SELECT * WHERE {\n  ?s kg:met ?o .\n  ?s ?p <http://a b> }",
            "SPARQL syntax error at line 3, column 21, after '?s ?p <http://a b>': expected a "
            "valid IRI (no spaces, quotes or braces between < and >).",
            id="bad-iri-on-line-3",
        ),
        pytest.param(
            "SELECT * WHERE { ?s ?p ?o",
            "SPARQL syntax error at line 1, column 26, after 'SELECT * WHERE { ?s ?p ?o': "
            "expected ',', '.', ';', '{', '{|', '}', '~', a digit, a letter or '_'.",
            id="unclosed-brace",
        ),
        pytest.param(
            "SELECT ?x WHERE {\n  FILTER(?x = ) }",
            "SPARQL syntax error at line 2, column 18, after 'FILTER(?x = ) }': expected a "
            "keyword (ABS, AVG, DAY, IRI, MAX, MD5, MIN, NOT, NOW, PREDICATE, STR, STRBEFORE, "
            "...).",
            id="empty-expression",
        ),
        pytest.param(
            "SELECT * WHERE { ?s ?p 'a\\q' }",
            'SPARQL syntax error at line 1, column 27, after "SELECT * WHERE { ?s ?p \'a\\": '
            "expected 't' or 'b' or 'n' or 'r' or 'f' or '\"' or \"'\" or '\\'.",
            id="bad-escape",
        ),
    ],
)
def test_parser_error_in_words(query: str, message: str) -> None:
    assert parser_message(query) == message


def test_parser_error_shows_no_character_ranges() -> None:
    message = parser_message("SELECT ?x WHERE {")
    assert message.startswith("SPARQL syntax error at line 1, column 18, after 'SELECT ?x WHERE {'")
    assert "..=" not in message and "\\u{" not in message and "\n" not in message
    assert len(message) < 200


def test_other_messages_pass_unchanged() -> None:
    assert explain("ASK {}", "Something else went wrong") == "Something else went wrong"
