"""kg.query.meetings: an actor's meetings by status, and the meetings held at a place."""

from __future__ import annotations

import pytest

from kg.query.actors import require_actor
from kg.query.meetings import actor_meetings
from kg.store import Store


def _met(store: Store, actor_id: str, *statuses: str) -> list[tuple[list[str], str]]:
    actor = require_actor(store, actor_id)
    found = actor_meetings(store, actor, statuses=statuses or ("asserted",))  # type: ignore[arg-type]
    return [([a.label for a in m.met], m.status) for m in found.meetings]


@pytest.mark.parametrize(
    ("statuses", "expected"),
    [
        pytest.param((), [(["Ben Rook"], "asserted")], id="asserted-by-default"),
        pytest.param(("planned",), [(["Finn Hale"], "planned")], id="planned"),
        pytest.param(("negated",), [(["Gus Orr"], "negated")], id="negated"),
        pytest.param(
            ("asserted", "planned", "negated"),
            [(["Ben Rook"], "asserted"), (["Finn Hale"], "planned"), (["Gus Orr"], "negated")],
            id="all-dated-first",
        ),
    ],
)
def test_meetings_by_status(
    harbour_store: Store, statuses: tuple[str, ...], expected: list[tuple[list[str], str]]
) -> None:
    assert _met(harbour_store, "ada-quill", *statuses) == expected


def test_meetings_at_a_place_list_everyone_who_met_there(harbour_store: Store) -> None:
    assert _met(harbour_store, "port-ellen") == [(["Ada Quill", "Ben Rook"], "asserted")]


def test_meetings_at_a_place_where_none_was_held(seed_store: Store) -> None:
    assert _met(seed_store, "israel") == []
    assert _met(seed_store, "ramallah") == [(["Antony Blinken", "Mahmoud Abbas"], "asserted")]
