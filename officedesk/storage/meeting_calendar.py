"""The meetings of a time range as the week view, the printed plans and 工作台 read them.

Meetings are read by an indexed range of starts_at (a meeting runs at most LONGEST_MEETING), never
by a scan: a week opens in milliseconds with thousands of meetings in the file."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from officedesk.core.meetings import WEEKDAYS
from officedesk.storage import settings
from officedesk.storage.agenda import AgendaLine, AgendaSection
from officedesk.storage.db import Store

LONGEST_MEETING = dt.timedelta(days=31)  # how far back a meeting can start and still be running


def stamp_sql(value: dt.datetime) -> str:
    """A time as stored: 2026-03-04 09:00:00."""
    return value.replace(microsecond=0).isoformat(sep=" ")


# -- the week ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Slot:
    """A meeting as the week view draws it."""

    id: int
    name: str
    starts_at: dt.datetime
    ends_at: dt.datetime
    room: str
    room_id: int | None
    chair: str
    category: str
    cancelled: bool
    conflict_reason: str
    series_id: int | None
    host_dept: str = ""


def between(store: Store, start: dt.datetime, end: dt.datetime, *,
            cancelled: bool = True) -> list[Slot]:  # fmt: skip
    """The live meetings running at some moment of [start, end), by start time (indexed range)."""
    sql = (
        "SELECT id, name, starts_at, ends_at, room, room_id, chair, category, cancelled, "
        "conflict_reason, series_id, host_dept FROM meeting "
        "WHERE voided_at IS NULL AND starts_at >= ? AND starts_at < ? AND ends_at > ?"
    )
    if not cancelled:
        sql += " AND NOT coalesce(cancelled, 0)"
    rows = store.read(sql + " ORDER BY starts_at, id", (
        stamp_sql(start - LONGEST_MEETING), stamp_sql(end), stamp_sql(start)))  # fmt: skip
    return [
        Slot(r[0], r[1] or "", dt.datetime.fromisoformat(r[2]), dt.datetime.fromisoformat(r[3]),
             r[4] or "", r[5], r[6] or "", r[7] or "", bool(r[8]), r[9] or "", r[10], r[11] or "")
        for r in rows
    ]  # fmt: skip


def week(store: Store, monday: dt.date) -> list[Slot]:
    """The meetings of the week starting `monday` (cancelled ones included, marked)."""
    start = dt.datetime.combine(monday, dt.time())
    return between(store, start, start + dt.timedelta(days=7))


# -- 工作台 ----------------------------------------------------------------------------------


def agenda_section(store: Store, today: dt.date, _due_soon_days: int) -> AgendaSection:
    """工作台「今日会议」: today's meetings and the next working day's (cancelled ones marked)."""
    calendar = settings.calendar(store)
    nxt = today + dt.timedelta(days=1)
    for _ in range(30):
        if calendar.is_workday(nxt):
            break
        nxt += dt.timedelta(days=1)
    labels = {today: "今天", nxt: f"{nxt.month}月{nxt.day}日（周{WEEKDAYS[nxt.weekday()]}）"}
    lines: list[AgendaLine] = []
    for day, bucket in labels.items():
        start = dt.datetime.combine(day, dt.time())
        for s in between(store, start, start + dt.timedelta(days=1)):
            text = f"{s.starts_at:%H:%M}–{s.ends_at:%H:%M}　{s.name}　{s.room}"
            if s.cancelled:
                text += "（已取消）"
            elif s.conflict_reason:
                text += "（有冲突，已说明理由）"
            lines.append(AgendaLine("meetings", s.id, text, bucket=bucket, group=s.chair))
    return AgendaSection("meetings", "今日会议", tuple(lines), tuple(labels.values()),
                         empty_text="今天和下一个工作日没有会议")  # fmt: skip
