"""kg.query.visits: where a person went and who came to a place, with status and evidence."""

from __future__ import annotations

from datetime import date

import pytest

from kg.query.actors import require_actor
from kg.query.visits import actor_visits
from kg.rdf.mapping import to_triples
from kg.store import Store
from tests.samples import visits_and_credit

BASE = "https://w3id.org/newskg/id/"


def test_visits_of_a_person_with_date_and_sentence(harbour_store: Store) -> None:
    (visit,) = actor_visits(harbour_store, require_actor(harbour_store, "ada-quill")).visits
    assert (visit.visitor.label, visit.place, visit.place_iri, visit.date, visit.status) == (
        "Ada Quill",
        "Port Ellen",
        f"{BASE}place/port-ellen",
        "2024-03-04",
        "asserted",
    )
    assert [c.sentence for c in visit.evidence] == ["Quill visited Port Ellen on Monday."]


def test_visits_to_a_place_name_the_visitor(harbour_store: Store) -> None:
    found = actor_visits(harbour_store, require_actor(harbour_store, "port-ellen"))
    assert found.actor.type == "place"
    assert [v.visitor.label for v in found.visits] == ["Ada Quill"]


@pytest.mark.parametrize(
    ("statuses", "places"),
    [
        pytest.param(("asserted",), ["Cairo"], id="asserted-by-default"),
        pytest.param(("negated",), ["Gaza"], id="negated"),
        pytest.param(("asserted", "negated"), ["Cairo", "Gaza"], id="both"),
        pytest.param(("planned",), [], id="none-planned"),
    ],
)
def test_visits_by_status(
    visits_store: Store, statuses: tuple[str, ...], places: list[str]
) -> None:
    blinken = require_actor(visits_store, "antony-blinken")
    found = actor_visits(visits_store, blinken, statuses=statuses)  # type: ignore[arg-type]
    assert [v.place for v in found.visits] == places


@pytest.mark.parametrize(
    ("since", "until", "count"),
    [
        pytest.param(date(2024, 3, 4), date(2024, 3, 4), 1, id="on-the-day"),
        pytest.param(date(2024, 3, 5), None, 0, id="after"),
        pytest.param(None, date(2024, 3, 3), 0, id="before"),
    ],
)
def test_visits_by_date(
    harbour_store: Store, since: date | None, until: date | None, count: int
) -> None:
    found = actor_visits(harbour_store, require_actor(harbour_store, "ada-quill"), since, until)
    assert len(found.visits) == count


@pytest.fixture(scope="module")
def visits_store() -> Store:
    """Blinken visited Cairo (dated) and did not visit Gaza (tests/samples.py)."""
    store = Store.open("memory:")
    store.put_graph(*to_triples(visits_and_credit()))
    return store
