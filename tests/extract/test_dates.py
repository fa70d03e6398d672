"""Date expressions resolved against an article's published date."""

from __future__ import annotations

from datetime import date

import pytest

from kg.extract.dates import day_offset, resolve_date

TUESDAY = date(2023, 1, 31)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Monday", date(2023, 1, 30), id="weekday-before"),
        pytest.param("on Tuesday", date(2023, 1, 31), id="weekday-same-day"),
        pytest.param("Sunday", date(2023, 1, 29), id="weekday-two-back"),
        pytest.param("Wednesday", date(2023, 1, 25), id="weekday-after-goes-back-a-week"),
        pytest.param("last Tuesday", date(2023, 1, 24), id="last-same-weekday"),
        pytest.param("Sept 3", date(2022, 9, 3), id="no-year-after-published-is-last-year"),
        pytest.param("Monday evening", date(2023, 1, 30), id="weekday-with-part-of-day"),
        pytest.param("next Monday", date(2023, 2, 6), id="next-weekday"),
        pytest.param("yesterday", date(2023, 1, 30), id="yesterday"),
        pytest.param("today", date(2023, 1, 31), id="today"),
        pytest.param("tomorrow", date(2023, 2, 1), id="tomorrow"),
        pytest.param("30 January", date(2023, 1, 30), id="day-month-published-year"),
        pytest.param("29th of January", date(2023, 1, 29), id="ordinal-of-month"),
        pytest.param("Jan. 29", date(2023, 1, 29), id="abbreviated-month-day"),
        pytest.param("January 29, 2022", date(2022, 1, 29), id="month-day-year"),
        pytest.param("on Monday, January 30", date(2023, 1, 30), id="weekday-and-calendar"),
        pytest.param("2023-01-15", date(2023, 1, 15), id="iso"),
        pytest.param("31 February", None, id="impossible-day-month"),
        pytest.param("February 31", None, id="impossible-month-day"),
        pytest.param("2023-02-30", None, id="impossible-iso"),
        pytest.param("last year", None, id="last-year"),
        pytest.param("the weekend", None, id="the-weekend"),
        pytest.param("this week", None, id="this-week"),
        pytest.param("May", None, id="month-alone"),
    ],
)
def test_resolve_date_reported(text: str, expected: date | None) -> None:
    assert resolve_date(text, TUESDAY) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Friday", date(2023, 2, 3), id="later-this-week"),
        pytest.param("Monday", date(2023, 2, 6), id="next-week"),
        pytest.param("on Tuesday", date(2023, 2, 7), id="same-weekday-is-a-week-ahead"),
        pytest.param("tomorrow", date(2023, 2, 1), id="tomorrow"),
        pytest.param("3 February", date(2023, 2, 3), id="calendar-date-ahead"),
        pytest.param("30 January", date(2024, 1, 30), id="calendar-date-past-is-next-year"),
    ],
)
def test_resolve_date_planned_is_next(text: str, expected: date) -> None:
    assert resolve_date(text, TUESDAY, future=True) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Monday", None, id="weekday"),
        pytest.param("yesterday", None, id="yesterday"),
        pytest.param("30 January", None, id="day-month-without-year"),
        pytest.param("January 29, 2022", date(2022, 1, 29), id="full-date"),
        pytest.param("2023-01-15", date(2023, 1, 15), id="iso"),
    ],
)
def test_resolve_date_without_published(text: str, expected: date | None) -> None:
    assert resolve_date(text, None) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("a day", 1, id="a-day"),
        pytest.param("one day", 1, id="one-day"),
        pytest.param("two days", 2, id="two-days"),
        pytest.param("Two Days", 2, id="capitalised"),
        pytest.param("3 days", 3, id="digits"),
        pytest.param(" a day ", 1, id="surrounding-space"),
        pytest.param("a week", None, id="a-week"),
        pytest.param("days", None, id="no-amount"),
        pytest.param("a day later", None, id="trailing-words"),
    ],
)
def test_day_offset(text: str, expected: int | None) -> None:
    assert day_offset(text) == expected
