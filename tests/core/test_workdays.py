"""Working-day arithmetic pinned against the 2026 State Council calendar."""

from __future__ import annotations

import datetime as dt

import pytest

from officedesk.core.workdays import WorkCalendar, deadline

D = dt.date
HOLIDAYS_2026 = [
    *(D(2026, 1, d) for d in (1, 2, 3)),
    *(D(2026, 2, d) for d in range(15, 24)),
    *(D(2026, 4, d) for d in (4, 5, 6)),
    *(D(2026, 5, d) for d in range(1, 6)),
    *(D(2026, 6, d) for d in (19, 20, 21)),
    *(D(2026, 9, d) for d in (25, 26, 27)),
    *(D(2026, 10, d) for d in range(1, 8)),
]
WEEKEND_WORKDAYS_2026 = [D(2026, 1, 4), D(2026, 2, 14), D(2026, 2, 28), D(2026, 5, 9),
                         D(2026, 9, 20), D(2026, 10, 10)]  # fmt: skip


@pytest.fixture
def cal() -> WorkCalendar:
    return WorkCalendar()


@pytest.mark.parametrize("day", HOLIDAYS_2026)
def test_2026_holidays_are_rest_days(cal: WorkCalendar, day: dt.date) -> None:
    assert not cal.is_workday(day)


@pytest.mark.parametrize("day", WEEKEND_WORKDAYS_2026)
def test_2026_adjusted_weekends_are_working_days(cal: WorkCalendar, day: dt.date) -> None:
    assert day.weekday() >= 5
    assert cal.is_workday(day)


def test_five_working_days_across_national_day(cal: WorkCalendar) -> None:
    # 10/1–7 off; 10/8 Thu, 10/9 Fri, 10/10 Sat (调休 working day), 10/12 Mon, 10/13 Tue.
    assert cal.add_workdays(D(2026, 9, 30), 5) == (D(2026, 10, 13), False)


def test_five_working_days_across_spring_festival(cal: WorkCalendar) -> None:
    # 2/14 Sat works, 2/15–23 off, then 2/24, 25, 26, 27.
    assert cal.add_workdays(D(2026, 2, 13), 5) == (D(2026, 2, 27), False)


def test_working_days_between(cal: WorkCalendar) -> None:
    assert cal.workdays_between(D(2026, 9, 30), D(2026, 10, 13)) == 5
    assert cal.workdays_between(D(2026, 10, 13), D(2026, 9, 30)) == -5
    assert cal.workdays_between(D(2026, 3, 2), D(2026, 3, 2)) == 0


def test_calendar_days_ending_on_a_holiday_roll_to_next_working_day(cal: WorkCalendar) -> None:
    # 9/24 + 7 days = 10/1, a holiday: the period ends on 10/8 (民法典 art. 203).
    assert cal.add_calendar_days(D(2026, 9, 24), 7) == (D(2026, 10, 8), False)
    # Ending on an ordinary Sunday rolls to Monday; a 调休 Saturday stays.
    assert cal.add_calendar_days(D(2026, 3, 1), 7) == (D(2026, 3, 9), False)
    assert cal.add_calendar_days(D(2026, 10, 3), 7) == (D(2026, 10, 10), False)


def test_year_without_data_falls_back_to_weekdays_and_is_estimated(cal: WorkCalendar) -> None:
    assert not cal.known_year(2031)
    # 2031-01-03 is a Friday: five weekdays later is Friday 2031-01-10.
    assert cal.add_workdays(D(2031, 1, 3), 5) == (D(2031, 1, 10), True)
    # Crossing from a known into an unknown year marks the result estimated.
    assert cal.add_workdays(D(2026, 12, 28), 5)[1] is True


def test_unit_table_overrides_national_data() -> None:
    # The unit declares 2026-03-02 (a Monday) a holiday and 2031-01-04 (a Saturday) a working day.
    cal = WorkCalendar({D(2026, 3, 2): False, D(2031, 1, 4): True})
    assert not cal.is_workday(D(2026, 3, 2))
    assert cal.add_workdays(D(2026, 2, 28), 1) == (D(2026, 3, 3), False)
    assert cal.is_workday(D(2031, 1, 4))
    assert cal.known_year(2031)  # the unit's table counts as data for that year


def test_deadline_by_unit(cal: WorkCalendar) -> None:
    assert deadline(cal, D(2026, 9, 30), 5, "工作日") == (D(2026, 10, 13), False)
    assert deadline(cal, D(2026, 9, 24), 7, "自然日") == (D(2026, 10, 8), False)
    with pytest.raises(ValueError, match="自然日"):
        deadline(cal, D(2026, 9, 24), 7, "周")


def test_adjusted_saturday_counts_and_spring_festival_between(cal: WorkCalendar) -> None:
    # 2/14 (Saturday) is a 调休 working day: one working day after Friday 2/13.
    assert cal.add_workdays(D(2026, 2, 13), 1) == (D(2026, 2, 14), False)
    # 2/15–23 off: from 2/13 to 2/27 there are 2/14, 24, 25, 26, 27.
    assert cal.workdays_between(D(2026, 2, 13), D(2026, 2, 27)) == 5
    assert cal.workdays_between(D(2026, 9, 30), D(2026, 10, 9)) == 2  # 10/8, 10/9


def test_calendar_days_rolling_over_a_long_holiday(cal: WorkCalendar) -> None:
    # 2/13 + 3 days = 2/16, inside the Spring Festival: the period ends on 2/24.
    assert cal.add_calendar_days(D(2026, 2, 13), 3) == (D(2026, 2, 24), False)


def test_unit_table_in_the_store_decides_deadlines(store) -> None:  # type: ignore[no-untyped-def]
    from officedesk.storage import settings

    settings.set_holiday(store, D(2031, 1, 6), False, "本单位假期")
    cal = settings.calendar(store)
    assert cal.known_year(2031)
    # Friday 2031-01-03 + 1 working day skips the weekend and the unit's Monday holiday.
    assert deadline(cal, D(2031, 1, 3), 1, "工作日") == (D(2031, 1, 7), False)
