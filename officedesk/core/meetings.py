"""Meeting rules without storage: time overlap with a buffer, conflicts, recurring series.

Conflicts (DOMAIN.md §3): the same room overlapping (± buffer minutes), the same 主持人 or 出席
person in two overlapping meetings, attendance above the room's capacity, a non-working day.
"""

from __future__ import annotations

import calendar as cal
import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from officedesk.core.workdays import WorkCalendar

# Kinds of conflict, in the order they are listed to the clerk.
ROOM, PERSON, CAPACITY, NON_WORKDAY = "会议室冲突", "人员冲突", "超出容量", "非工作日"
KIND_ORDER = (ROOM, PERSON, CAPACITY, NON_WORKDAY)

# Roles of attendees: who sits in the meeting (出席, 列席) and who sent apologies (请假).
ROLES = ("出席", "列席", "请假")
PRESENT_ROLES = ("出席", "列席")

# Recurrence rules.
WEEKLY, BIWEEKLY, MONTHLY_DATE, MONTHLY_WEEKDAY = (
    "每周",
    "每两周",
    "每月（按日期）",
    "每月（按星期）",
)
RULES = (WEEKLY, BIWEEKLY, MONTHLY_DATE, MONTHLY_WEEKDAY)
MAX_OCCURRENCES = 400  # a weekly 例会 for seven years; more is a typing mistake in 截止日期
WEEKDAYS = "一二三四五六日"


def overlaps(
    a_start: dt.datetime,
    a_end: dt.datetime,
    b_start: dt.datetime,
    b_end: dt.datetime,
    buffer_minutes: int = 0,
) -> bool:
    """Whether two meetings overlap once each is given `buffer_minutes` of room to turn around.

    Meetings that only touch (one ends 10:00, the next starts 10:00) do not overlap without a
    buffer; with a 15-minute buffer they do.
    """
    gap = dt.timedelta(minutes=max(0, buffer_minutes))
    return a_start < b_end + gap and b_start < a_end + gap


@dataclass(frozen=True)
class Booking:
    """What the conflict check needs of one meeting (or one occurrence of a series)."""

    starts_at: dt.datetime
    ends_at: dt.datetime
    name: str = ""
    room: str = ""  # the room's name (or an outside place)
    room_id: int | None = None
    chair: str = ""
    people: frozenset[str] = field(default_factory=frozenset)  # 出席 and 列席 names
    headcount: int = 0  # people expected in the room (出席 + 列席, and the 主持人)
    meeting_id: int | None = None
    # (name, role) of the people present whose role is not 出席 (i.e. 列席): conflicts say it.
    roles: tuple[tuple[str, str], ...] = ()

    def busy(self) -> frozenset[str]:
        """Everyone this meeting occupies: the chair and the attendees present."""
        names = set(self.people)
        if self.chair:
            names.add(self.chair)
        return frozenset(n for n in names if n)

    def role_of(self, name: str) -> str:
        """What `name` does in this meeting: 主持, 列席 or 出席."""
        if name == self.chair:
            return "主持"
        return dict(self.roles).get(name, "出席")


@dataclass(frozen=True)
class Conflict:
    """One reason a meeting should not be saved as it is; `text` is said to the clerk."""

    kind: str
    text: str
    day: dt.date
    other_id: int | None = None

    def line(self) -> str:
        """The conflict as one line of the list shown before saving."""
        return f"【{self.kind}】{self.text}"


def _when(b: Booking) -> str:
    same_day = b.starts_at.date() == b.ends_at.date()
    end = b.ends_at.strftime("%H:%M") if same_day else b.ends_at.strftime("%m-%d %H:%M")
    return f"{b.starts_at.strftime('%Y-%m-%d')}（周{WEEKDAYS[b.starts_at.weekday()]}）" \
           f"{b.starts_at.strftime('%H:%M')}—{end}"  # fmt: skip


def person_key(name: object) -> str:
    """A name as conflicts compare it: blanks dropped (王 书记 and 王书记 are one person)."""
    return "".join(str(name or "").split())


def same_room(a: Booking, b: Booking) -> bool:
    """Whether two bookings use the same room (by id, else by the typed name)."""
    if a.room_id is not None and b.room_id is not None:
        return a.room_id == b.room_id
    return bool(a.room) and a.room.strip() == b.room.strip()


def find_conflicts(
    candidate: Booking,
    others: Iterable[Booking],
    *,
    buffer_minutes: int = 0,
    capacity: int | None = None,
    workdays: WorkCalendar | None = None,
) -> list[Conflict]:
    """Every conflict of `candidate` with the other meetings, its room's capacity and the calendar."""
    found: list[Conflict] = []
    day = candidate.starts_at.date()
    busy = candidate.busy()
    for other in others:
        if candidate.meeting_id is not None and other.meeting_id == candidate.meeting_id:
            continue
        if same_room(candidate, other) and overlaps(
            candidate.starts_at, candidate.ends_at, other.starts_at, other.ends_at, buffer_minutes
        ):
            gap = f"（含前后 {buffer_minutes} 分钟间隔）" if buffer_minutes else ""
            found.append(Conflict(
                ROOM, f"{candidate.room} 在 {_when(other)} 已安排「{other.name}」{gap}",
                day, other.meeting_id))  # fmt: skip
        if overlaps(candidate.starts_at, candidate.ends_at, other.starts_at, other.ends_at):
            for name in sorted(busy & other.busy()):
                found.append(Conflict(
                    PERSON, f"{name} 在 {_when(other)} 已{other.role_of(name)}「{other.name}」",
                    day, other.meeting_id))  # fmt: skip
    if capacity is not None and capacity > 0 and candidate.headcount > capacity:
        found.append(Conflict(
            CAPACITY,
            f"{candidate.room} 可容纳 {capacity} 人，本次会议 {candidate.headcount} 人",
            day))  # fmt: skip
    if workdays is not None:
        d = day
        while d <= candidate.ends_at.date():
            if not workdays.is_workday(d):
                # A year whose holidays are not known yet is counted Monday–Friday: say so.
                guess = (
                    "" if workdays.known_year(d.year) else "（该年节假日未录入，按周一至周五估算）"
                )
                text = f"{d.isoformat()}（周{WEEKDAYS[d.weekday()]}）不是工作日{guess}"
                found.append(Conflict(NON_WORKDAY, text, d))
            d += dt.timedelta(days=1)
    return sort_conflicts(found)


def sort_conflicts(conflicts: Iterable[Conflict]) -> list[Conflict]:
    """Conflicts by date, then kind (room, person, capacity, non-working day)."""
    return sorted(conflicts, key=lambda c: (c.day, KIND_ORDER.index(c.kind), c.text))


# -- recurrence ----------------------------------------------------------------------------


class RecurrenceError(ValueError):
    """A series that cannot be expanded; the message names what to change."""


def _add_months(day: dt.date, months: int) -> tuple[int, int]:
    index = day.year * 12 + day.month - 1 + months
    return index // 12, index % 12 + 1


def nth_weekday(year: int, month: int, weekday: int, nth: int) -> dt.date:
    """The `nth` (1–4, or 5 = last) `weekday` of a month."""
    days = [d for d in range(1, cal.monthrange(year, month)[1] + 1)
            if dt.date(year, month, d).weekday() == weekday]  # fmt: skip
    return dt.date(year, month, days[min(nth, len(days)) - 1])


def weekday_position(day: dt.date) -> int:
    """Which of its month's weekdays `day` is: 1–4, or 5 for the last one."""
    nth = (day.day - 1) // 7 + 1
    if (day + dt.timedelta(days=7)).month != day.month:
        return 5
    return nth


def describe_rule(rule: str, first: dt.date) -> str:
    """The rule in words: 每周三, 每月15日, 每月第2个周三, 每月最后一个周五."""
    wd = f"周{WEEKDAYS[first.weekday()]}"
    if rule == WEEKLY:
        return f"每{wd}"
    if rule == BIWEEKLY:
        return f"每两周的{wd}"
    if rule == MONTHLY_DATE:
        return f"每月{first.day}日"
    if rule == MONTHLY_WEEKDAY:
        nth = weekday_position(first)
        return f"每月最后一个{wd}" if nth == 5 else f"每月第{nth}个{wd}"
    raise RecurrenceError(f"「重复」应为：{'、'.join(RULES)}")


def occurrences(first: dt.date, rule: str, until: dt.date) -> list[dt.date]:
    """The dates of a series from `first` to `until` (inclusive).

    Monthly by date on the 29th–31st falls on the month's last day in shorter months; monthly by
    weekday keeps the position (第2个周三), the last one staying the last.
    """
    if rule not in RULES:
        raise RecurrenceError(f"「重复」应为：{'、'.join(RULES)}")
    if until < first:
        raise RecurrenceError("「重复截止」不能早于第一次会议的日期")
    days: list[dt.date] = []
    if rule in (WEEKLY, BIWEEKLY):
        step = dt.timedelta(weeks=1 if rule == WEEKLY else 2)
        d = first
        while d <= until:
            days.append(d)
            d += step
            if len(days) > MAX_OCCURRENCES:
                break
    else:
        nth = weekday_position(first)
        months = 0
        while True:
            year, month = _add_months(first, months)
            if rule == MONTHLY_DATE:
                d = dt.date(year, month, min(first.day, cal.monthrange(year, month)[1]))
            else:
                d = nth_weekday(year, month, first.weekday(), nth)
            if d > until:
                break
            days.append(d)
            months += 1
            if len(days) > MAX_OCCURRENCES:
                break
    if len(days) > MAX_OCCURRENCES:
        raise RecurrenceError(f"重复会议最多 {MAX_OCCURRENCES} 次，请把「重复截止」改早一些")
    return days


def shift(booking: Booking, day: dt.date) -> Booking:
    """The same booking moved to `day`, keeping its times and duration."""
    start = dt.datetime.combine(day, booking.starts_at.time())
    return Booking(
        start, start + (booking.ends_at - booking.starts_at), booking.name, booking.room,
        booking.room_id, booking.chair, booking.people, booking.headcount, booking.meeting_id,
        booking.roles,
    )  # fmt: skip


def reply_deadline(calendar: WorkCalendar, meeting_day: dt.date, notice_day: dt.date) -> dt.date:
    """The 回执 deadline of a 会议通知: the last working day before the meeting (a meeting on
    Monday, or just after a holiday, wants replies before the break), never before the day the
    notice is dated (nor after the meeting day)."""
    floor = min(notice_day, meeting_day)
    day = meeting_day - dt.timedelta(days=1)
    while day > floor and not calendar.is_workday(day):
        day -= dt.timedelta(days=1)
    return max(day, floor)


def week_start(day: dt.date) -> dt.date:
    """The Monday of `day`'s week."""
    return day - dt.timedelta(days=day.weekday())


def week_days(monday: dt.date) -> Sequence[dt.date]:
    """The seven days of the week starting `monday`."""
    return [monday + dt.timedelta(days=i) for i in range(7)]
