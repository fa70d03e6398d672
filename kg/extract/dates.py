"""Dates in news text, resolved against the article's published date.

"on Monday" in an article published on Tuesday 2023-01-31 is 2023-01-30; a planned event's
weekday is the next one instead. Only expressions that name a day resolve; "last year" does not.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
RELATIVE_DAYS = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}
NUMBER_WORDS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}

_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_DAY_MONTH = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?([a-z]+)\.?(?:,?\s+(\d{4}))?\b")
_MONTH_DAY = re.compile(r"\b([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(\d{4}))?\b")


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _calendar(text: str, published: date | None, future: bool) -> date | None:
    if match := _ISO.search(text):
        return _safe_date(*(int(g) for g in match.groups()))
    for pattern, day_group, month_group in ((_DAY_MONTH, 1, 2), (_MONTH_DAY, 2, 1)):
        for match in pattern.finditer(text):
            month = MONTHS.get(match.group(month_group))
            if month is None:
                continue
            day = int(match.group(day_group))
            if match.group(3):
                return _safe_date(int(match.group(3)), month, day)
            if published is None:
                return None
            found = _safe_date(published.year, month, day)
            # No year given: the nearest such day on the right side of the published date.
            if found is not None and not future and found > published:
                found = _safe_date(published.year - 1, month, day)
            elif found is not None and future and found < published:
                found = _safe_date(published.year + 1, month, day)
            return found
    return None


def resolve_date(text: str, published: date | None, *, future: bool = False) -> date | None:
    """The calendar day a date expression names, or None if it names none."""
    lowered = text.lower().strip()
    if found := _calendar(lowered, published, future):
        return found
    if published is None:
        return None
    for word, offset in RELATIVE_DAYS.items():
        if re.search(rf"\b{word}\b", lowered):
            return published + timedelta(days=offset)
    for index, name in enumerate(WEEKDAYS):
        if re.search(rf"\b{name}\b", lowered):
            if future or re.search(r"\bnext\b", lowered):
                return published + timedelta(days=(index - published.weekday()) % 7 or 7)
            back = (published.weekday() - index) % 7
            if re.search(r"\blast\b", lowered) and back == 0:
                back = 7
            return published - timedelta(days=back)
    return None


def day_offset(text: str) -> int | None:
    """Days in an offset like 'a day', 'two days', '3 days'; None if `text` is not one."""
    match = re.fullmatch(r"(a|one|two|three|four|five|six|seven|\d+)\s+days?", text.lower().strip())
    if match is None:
        return None
    amount = match.group(1)
    return int(amount) if amount.isdigit() else NUMBER_WORDS[amount]
