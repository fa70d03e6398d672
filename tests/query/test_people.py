"""kg.query.people: who leads, belongs to, holds posts in and works for a party, organisation or
place, read from the Harbour Party articles and from the seed."""

from __future__ import annotations

from datetime import date

import pytest

from kg.query.actors import require_actor
from kg.query.people import People, people
from kg.store import Store
from tests.samples import HARBOUR_LATER_TEXT

BASE = "https://w3id.org/newskg/id/"
FIRST = f"{BASE}article/harbour-1"
SECOND = f"{BASE}article/harbour-2"


def _names(found: People) -> dict[str, list[str]]:
    return {
        relation: [item.actor.label for item in getattr(found, relation)]
        for relation in ("leaders", "members", "post_holders", "employees")
    }


def test_people_party_lists_leader_members_post_holder_employee(harbour_store: Store) -> None:
    party = require_actor(harbour_store, "harbour-party")
    found = people(harbour_store, party)
    assert found.actor.type == "party"
    assert _names(found) == {
        "leaders": ["Ada Quill"],
        "members": ["Ben Rook", "Cara Vell", "Hal Penn"],
        "post_holders": ["Dan Moss"],
        "employees": ["Eve Stone"],
    }
    (treasurer,) = found.post_holders
    assert treasurer.post == "Treasurer"
    assert treasurer.post_iri == f"{BASE}post/treasurer-harbour-party"
    (leader,) = found.leaders
    assert [c.article for c in leader.evidence] == [FIRST, SECOND]
    assert leader.evidence[1].sentence == HARBOUR_LATER_TEXT


@pytest.mark.parametrize(
    ("since", "until", "members", "leader_articles"),
    [
        pytest.param(date(2024, 5, 1), None, ["Hal Penn"], [SECOND], id="from-the-later-article"),
        pytest.param(None, date(2024, 3, 31), ["Ben Rook", "Cara Vell"], [FIRST], id="to-march"),
        pytest.param(date(2024, 6, 1), None, [], None, id="after-both"),
    ],
)
def test_people_by_publication_date(
    harbour_store: Store,
    since: date | None,
    until: date | None,
    members: list[str],
    leader_articles: list[str] | None,
) -> None:
    party = require_actor(harbour_store, "harbour-party")
    found = people(harbour_store, party, since, until)
    assert [m.actor.label for m in found.members] == members
    assert [[c.article for c in leader.evidence] for leader in found.leaders] == (
        [leader_articles] if leader_articles else []
    )


def test_people_of_a_person_is_empty(harbour_store: Store) -> None:
    found = people(harbour_store, require_actor(harbour_store, "ada-quill"))
    assert _names(found) == {"leaders": [], "members": [], "post_holders": [], "employees": []}


def test_people_seed_otzma_yehudit_led_by_ben_gvir(seed_store: Store) -> None:
    found = people(seed_store, require_actor(seed_store, "otzma-yehudit"))
    assert [leader.actor.label for leader in found.leaders] == ["Itamar Ben-Gvir"]
    assert "leader of the far-right Otzma Yehudit party" in found.leaders[0].evidence[0].sentence


def test_people_seed_place_lists_who_holds_posts_there(seed_store: Store) -> None:
    found = people(seed_store, require_actor(seed_store, "israel"))
    assert found.actor.type == "place"
    assert ("Yoav Gallant", "Defense Minister") in [
        (holder.actor.label, holder.post) for holder in found.post_holders
    ]
