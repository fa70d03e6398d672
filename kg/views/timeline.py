"""A timeline of meetings: the dated ones day by day (for plotting), and those with no date."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from kg.query.meetings import Meeting, meetings
from kg.store import GraphStore


@dataclass(frozen=True)
class Timeline:
    """Meetings by date ("YYYY-MM-DD", or "YYYY-MM" / "YYYY" when that is all the text says),
    in date order, and the meetings no article dates."""

    dates: dict[str, tuple[Meeting, ...]]
    undated: tuple[Meeting, ...]

    def counts(self) -> dict[str, int]:
        """The number of meetings on each date, in date order."""
        return {when: len(found) for when, found in self.dates.items()}


def meeting_timeline(
    store: GraphStore, since: date | None = None, until: date | None = None
) -> Timeline:
    """The timeline of asserted meetings in a date range (as `kg.query.meetings` selects them)."""
    return timeline_from_meetings(meetings(store, since, until))


def timeline_from_meetings(found: Iterable[Meeting]) -> Timeline:
    """Meetings grouped by their own date (schema:startDate); undated ones set apart."""
    dates: dict[str, list[Meeting]] = {}
    undated = []
    for meeting in found:
        if meeting.date is None:
            undated.append(meeting)
        else:
            dates.setdefault(meeting.date, []).append(meeting)
    return Timeline(
        dates={when: tuple(dates[when]) for when in sorted(dates)}, undated=tuple(undated)
    )
