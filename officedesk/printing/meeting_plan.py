"""周会议安排表 and 近期重大活动一览表: the meetings of a week or a date range, A4 landscape,
laid out by the printed-register table (repeated header, 第 x 页 共 y 页)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

from officedesk.core.meetings import PRESENT_ROLES, WEEKDAYS, week_start
from officedesk.core.registers.meetings import RANGE_PLAN, WEEK_PLAN
from officedesk.printing.register_print import PrintMeta, RegisterDocument, register_document
from officedesk.storage import meetings, settings
from officedesk.storage.db import Store


def _rows(store: Store, first: dt.date, last: dt.date) -> Iterator[dict[str, Any]]:
    start = dt.datetime.combine(first, dt.time())
    end = dt.datetime.combine(last + dt.timedelta(days=1), dt.time())
    previous = None
    for s in meetings.between(store, start, end, cancelled=False):
        day = s.starts_at.date()
        people = [a["name"] for a in meetings.attendees(store, s.id)
                  if a["role"] in PRESENT_ROLES]  # fmt: skip
        same_day = s.ends_at.date() == day
        end_text = f"{s.ends_at:%H:%M}" if same_day else f"{s.ends_at.month}月{s.ends_at.day}日"
        yield {
            # The date is said once per day: the table reads as a calendar.
            "day": "" if day == previous else f"{day.month}月{day.day}日\n周{WEEKDAYS[day.weekday()]}",
            "time": f"{s.starts_at:%H:%M}—{end_text}", "name": s.name, "place": s.room,
            "chair": s.chair, "people": "、".join(people), "host_dept": s.host_dept,
            "remarks": "",
        }  # fmt: skip
        previous = day


def week_plan(store: Store, monday: dt.date) -> RegisterDocument:
    """周会议安排表 of the week containing `monday`."""
    monday = week_start(monday)
    sunday = monday + dt.timedelta(days=6)
    unit = str(settings.get(store, "unit_name"))
    subtitle = (f"{monday.year}年{monday.month}月{monday.day}日—{sunday.month}月{sunday.day}日"
                f"（第{monday.isocalendar()[1]}周）")  # fmt: skip
    return register_document(WEEK_PLAN, list(_rows(store, monday, sunday)),
                             PrintMeta(unit, subtitle))  # fmt: skip


def range_plan(store: Store, first: dt.date, last: dt.date, unit: str = "") -> RegisterDocument:
    """近期重大活动一览表 of the meetings from `first` to `last` (inclusive)."""
    unit = unit or str(settings.get(store, "unit_name"))
    subtitle = f"{first.year}年{first.month}月{first.day}日—{last.year}年{last.month}月{last.day}日"
    return register_document(RANGE_PLAN, list(_rows(store, first, last)),
                             PrintMeta(unit, subtitle))  # fmt: skip
