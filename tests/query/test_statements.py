"""kg.query.statements: what an actor said, with status, article and sentence."""

from __future__ import annotations

from datetime import date

import pytest

from kg.query.actors import require_actor
from kg.query.statements import actor_statements
from kg.rdf.mapping import to_triples
from kg.store import Store
from tests.samples import QUOTE, statements

BASE = "https://w3id.org/newskg/id/"


@pytest.fixture(scope="module")
def said_store() -> Store:
    """Gallant's quotation; the Foreign Office's reported words and a denied statement."""
    store = Store.open("memory:")
    store.put_graph(*to_triples(statements()))
    return store


def test_statements_quote_with_sentence_and_article(said_store: Store) -> None:
    (said,) = actor_statements(said_store, require_actor(said_store, "yoav-gallant")).statements
    assert (said.quote, said.status, said.published) == (
        "Your visit comes at a critical time",
        "asserted",
        "2023-01-31",
    )
    assert [(c.sentence, c.article) for c in said.evidence] == [
        (QUOTE.sentence, f"{BASE}article/a3")
    ]


@pytest.mark.parametrize(
    ("statuses", "quotes"),
    [
        pytest.param(("asserted",), ["the embassy would reopen"], id="asserted-by-default"),
        pytest.param(("negated",), ["the embassy would close"], id="negated"),
    ],
)
def test_statements_of_an_organisation_by_status(
    said_store: Store, statuses: tuple[str, ...], quotes: list[str]
) -> None:
    office = require_actor(said_store, "foreign-office")
    found = actor_statements(said_store, office, statuses=statuses)  # type: ignore[arg-type]
    assert [s.quote for s in found.statements] == quotes


def test_statements_by_publication_date(said_store: Store) -> None:
    gallant = require_actor(said_store, "yoav-gallant")
    assert actor_statements(said_store, gallant, since=date(2023, 2, 1)).statements == ()
    assert len(actor_statements(said_store, gallant, until=date(2023, 1, 31)).statements) == 1
