"""Query parameters several routes share, parsed and checked once, as `Annotated` aliases."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Annotated

from fastapi import Depends, Query
from fastapi.exceptions import RequestValidationError

from kg.query.evidence import ASSERTED, EventStatus


@dataclass(frozen=True)
class DateRange:
    """An inclusive range of days; either end may be open."""

    since: date | None
    until: date | None


def date_range(
    since: Annotated[
        date | None,
        Query(
            alias="from", description="First day (YYYY-MM-DD), inclusive.", examples=["2023-01-31"]
        ),
    ] = None,
    until: Annotated[
        date | None,
        Query(alias="to", description="Last day (YYYY-MM-DD), inclusive.", examples=["2023-01-31"]),
    ] = None,
) -> DateRange:
    """`from` and `to` as dates (422 naming the field if one is not a date or they are swapped)."""
    if since is not None and until is not None and since > until:
        raise RequestValidationError(
            [
                {
                    "type": "value_error",
                    "loc": ("query", "to"),
                    "msg": f"'to' ({until.isoformat()}) is before 'from' ({since.isoformat()}); "
                    "swap them",
                    "input": until.isoformat(),
                }
            ]
        )
    return DateRange(since, until)


Dates = Annotated[DateRange, Depends(date_range)]


def statuses(
    status: Annotated[
        tuple[EventStatus, ...],
        Query(
            description="Keep events and statements the article tells with these statuses "
            "(repeat the parameter for several): asserted (it happened), planned, negated (it did "
            "not happen), reported.",
            examples=[["asserted", "planned"]],
        ),
    ] = ASSERTED,
) -> tuple[EventStatus, ...]:
    """The statuses asked for, each once, in the order given."""
    return tuple(dict.fromkeys(status))


Statuses = Annotated[tuple[EventStatus, ...], Depends(statuses)]
