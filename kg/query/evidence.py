"""What every answer about the graph carries: the sentences stating a fact, with their articles,
and for events (meetings, visits) when and where they were and how the article tells them."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

EventStatus = Literal["asserted", "planned", "negated", "reported"]
"""How an article tells a meeting, visit or statement: it happened, is planned, did not happen, or
is only reported (kg.types.Status without "past", which is for posts and affiliations)."""

ASSERTED: tuple[EventStatus, ...] = ("asserted",)
"""What an article states happened; the statuses read unless others are asked for."""


@dataclass(frozen=True)
class Citation:
    """A sentence stating the fact and the IRI of its article."""

    sentence: str
    article: str | None


@dataclass(frozen=True)
class Occasion:
    """When (schema:startDate) and where an event was, its status as the article tells it
    ("asserted", "planned", "negated", "reported") and the sentences saying so."""

    date: str | None
    place: str | None
    place_iri: str | None
    status: str
    evidence: tuple[Citation, ...]


def cite(citations: list[Citation], row: Mapping[str, object]) -> None:
    """Add the row's `?sentence` and `?article` to `citations`, once, if the row has a sentence."""
    if row["sentence"] is None:
        return
    citation = Citation(str(row["sentence"]), optional(row["article"]))
    if citation not in citations:
        citations.append(citation)


def optional(value: object) -> str | None:
    """A row's value as a string; None where the variable is unbound."""
    return None if value is None else str(value)
