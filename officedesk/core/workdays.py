"""Working-day arithmetic: chinesecalendar, the unit's own holiday/调休 table, Mon–Fri fallback."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field

import chinese_calendar

DAY = dt.timedelta(days=1)


@dataclass
class WorkCalendar:
    """Answers "is this a working day" from an override table, then chinesecalendar, then Mon–Fri.

    `overrides` maps a date to True (a working day, e.g. 调休 Saturday) or False (a holiday); it is
    the editable table kept in the database and wins over the package's data.
    """

    overrides: Mapping[dt.date, bool] = field(default_factory=dict)
    # chinesecalendar's own lookup costs ~17 µs a call; deadlines over a register ask millions.
    _days: dict[dt.date, bool] = field(default_factory=dict, init=False, repr=False)
    _years: dict[int, bool] = field(default_factory=dict, init=False, repr=False)

    def known_year(self, year: int) -> bool:
        """Whether the holidays of `year` are known (from the package or the unit's table)."""
        known = self._years.get(year)
        if known is None:
            known = any(d.year == year for d in self.overrides)
            if not known:
                try:
                    chinese_calendar.is_workday(dt.date(year, 6, 1))
                    known = True
                except NotImplementedError:
                    known = False
            self._years[year] = known
        return known

    def is_workday(self, day: dt.date) -> bool:
        """Whether `day` is a working day."""
        answer = self._days.get(day)
        if answer is None:
            if day in self.overrides:
                answer = bool(self.overrides[day])
            else:
                try:
                    answer = bool(chinese_calendar.is_workday(day))
                except NotImplementedError:
                    answer = day.weekday() < 5
            self._days[day] = answer
        return answer

    def add_workdays(self, start: dt.date, n: int) -> tuple[dt.date, bool]:
        """The date `n` working days after `start` (start itself not counted), and whether estimated."""
        if n < 0:
            raise ValueError("工作日天数不能为负数")
        day, left, estimated = start, n, False
        while left > 0:
            day += DAY
            estimated = estimated or not self.known_year(day.year)
            if self.is_workday(day):
                left -= 1
        return day, estimated

    def add_calendar_days(self, start: dt.date, n: int) -> tuple[dt.date, bool]:
        """`n` natural days after `start`; a period ending on a rest day rolls to the next working day."""
        if n < 0:
            raise ValueError("天数不能为负数")
        day = start + dt.timedelta(days=n)
        estimated = not self.known_year(day.year)
        while not self.is_workday(day):
            day += DAY
            estimated = estimated or not self.known_year(day.year)
        return day, estimated

    def workdays_between(self, start: dt.date, end: dt.date) -> int:
        """Working days after `start` up to and including `end` (negative if end is earlier)."""
        if end < start:
            return -self.workdays_between(end, start)
        count, day = 0, start
        while day < end:
            day += DAY
            if self.is_workday(day):
                count += 1
        return count


def deadline(calendar: WorkCalendar, start: dt.date, n: int, unit: str) -> tuple[dt.date, bool]:
    """The due date `n` 自然日 or 工作日 after `start`, and whether it is estimated."""
    if unit == "工作日":
        return calendar.add_workdays(start, n)
    if unit == "自然日":
        return calendar.add_calendar_days(start, n)
    raise ValueError(f"时限单位只能是「自然日」或「工作日」，不是「{unit}」")
