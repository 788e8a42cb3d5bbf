"""Meeting rules: overlap with a buffer, person and capacity conflicts, holidays, recurrence."""

from __future__ import annotations

import datetime as dt

import pytest

from officedesk.core import meetings as m
from officedesk.core.meetings import Booking
from officedesk.core.workdays import WorkCalendar


def at(day: str, hm: str) -> dt.datetime:
    return dt.datetime.fromisoformat(f"{day} {hm}")


def booking(start: str, end: str, *, day: str = "2026-03-04", room: str = "第一会议室",
            chair: str = "", people: tuple[str, ...] = (), mid: int | None = None,
            name: str = "会") -> Booking:  # fmt: skip
    return Booking(at(day, start), at(day, end), name, room, None, chair, frozenset(people),
                   len(people), mid)  # fmt: skip


@pytest.mark.parametrize(
    ("a", "b", "buffer", "expected"),
    [
        (("09:00", "10:00"), ("10:00", "11:00"), 0, False),  # touching is not overlapping
        (("09:00", "10:00"), ("10:00", "11:00"), 15, True),  # …but the buffer needs room
        (("09:00", "10:00"), ("10:15", "11:00"), 15, False),  # exactly the buffer apart
        (("09:00", "10:00"), ("10:14", "11:00"), 15, True),
        (("09:00", "12:00"), ("10:00", "11:00"), 0, True),  # one inside the other
        (("10:00", "11:00"), ("08:00", "09:50"), 10, False),  # before, with the buffer
        (("10:00", "11:00"), ("08:00", "09:51"), 10, True),
    ],
)
def test_overlap_with_buffer(a, b, buffer, expected) -> None:
    d = "2026-03-04"
    assert m.overlaps(at(d, a[0]), at(d, a[1]), at(d, b[0]), at(d, b[1]), buffer) is expected
    assert m.overlaps(at(d, b[0]), at(d, b[1]), at(d, a[0]), at(d, a[1]), buffer) is expected


def test_room_conflict_names_the_other_meeting_and_the_buffer() -> None:
    other = booking("09:00", "10:00", name="党委会", mid=7)
    new = booking("10:05", "11:00", name="专题会")
    found = m.find_conflicts(new, [other], buffer_minutes=10)
    assert [c.kind for c in found] == [m.ROOM]
    assert "党委会" in found[0].text and "10 分钟" in found[0].text and found[0].other_id == 7
    assert m.find_conflicts(new, [other], buffer_minutes=5) == []
    elsewhere = booking("09:30", "10:30", room="第二会议室")
    assert m.find_conflicts(elsewhere, [other], buffer_minutes=10) == []


def test_person_conflicts_chair_and_attendees_but_not_the_buffer() -> None:
    other = booking("09:00", "10:00", room="第二会议室", chair="张三", people=("李四", "王五"),
                    name="例会")  # fmt: skip
    new = booking("09:30", "11:00", chair="李四", people=("张三", "赵六"))
    found = m.find_conflicts(new, [other], buffer_minutes=30)
    assert [(c.kind, c.text.split(" ")[0]) for c in found] == [
        (m.PERSON, "张三"),
        (m.PERSON, "李四"),
    ]
    assert "已主持「例会」" in found[0].text and "已出席「例会」" in found[1].text
    # People need no turnaround time: back to back is fine for them.
    later = booking("10:00", "11:00", room="第三会议室", people=("张三",))
    assert m.find_conflicts(later, [other], buffer_minutes=30) == []


def test_a_person_in_attendance_is_described_by_their_role() -> None:
    other = Booking(at("2026-03-04", "09:00"), at("2026-03-04", "10:00"), "例会", "第二会议室",
                    None, "张三", frozenset({"李四", "王五"}), 2, 7,
                    roles=(("王五", "列席"),))  # fmt: skip
    new = booking("09:30", "11:00", people=("张三", "李四", "王五"))
    texts = [c.text for c in m.find_conflicts(new, [other])]
    assert [t.split(" ")[0] for t in texts] == ["张三", "李四", "王五"]
    assert "已主持「例会」" in texts[0] and "已出席「例会」" in texts[1]
    assert "已列席「例会」" in texts[2]
    # Every occurrence of a series keeps the roles.
    assert m.shift(other, dt.date(2026, 3, 11)).role_of("王五") == "列席"


def test_capacity_and_own_row_ignored() -> None:
    new = booking("09:00", "10:00", people=tuple(f"人{i}" for i in range(13)), mid=3)
    found = m.find_conflicts(new, [new], capacity=12)
    assert [c.kind for c in found] == [m.CAPACITY]
    assert "可容纳 12 人" in found[0].text and "13 人" in found[0].text
    assert m.find_conflicts(new, [], capacity=13) == []


def test_holidays_and_weekends_are_not_working_days() -> None:
    cal = WorkCalendar()
    national_day = booking("09:00", "10:00", day="2026-10-01")
    weekend = booking("09:00", "10:00", day="2026-03-07")  # a Saturday
    workday = booking("09:00", "10:00", day="2026-03-04")
    assert [c.kind for c in m.find_conflicts(national_day, [], workdays=cal)] == [m.NON_WORKDAY]
    assert (
        "2026-10-01（周四）不是工作日" in m.find_conflicts(national_day, [], workdays=cal)[0].text
    )
    assert [c.kind for c in m.find_conflicts(weekend, [], workdays=cal)] == [m.NON_WORKDAY]
    assert m.find_conflicts(workday, [], workdays=cal) == []
    # The unit's own table wins: a 调休 Saturday is a working day.
    assert m.find_conflicts(weekend, [], workdays=WorkCalendar({dt.date(2026, 3, 7): True})) == []


@pytest.mark.parametrize(
    ("meeting", "notice", "reply_by"),
    [
        ("2026-03-04", "2026-03-01", "2026-03-03"),  # a Wednesday: the Tuesday before
        ("2026-03-09", "2026-03-02", "2026-03-06"),  # a Monday: the Friday, not the Sunday
        ("2026-10-08", "2026-09-25", "2026-09-30"),  # after the National Day holiday
        ("2026-10-12", "2026-09-25", "2026-10-10"),  # Saturday 10-10 is a 调休 working day
        ("2026-03-09", "2026-03-08", "2026-03-08"),  # never before the notice's own date
        ("2026-03-09", "2026-03-09", "2026-03-09"),  # a notice on the day itself
    ],
)
def test_reply_deadline_is_the_working_day_before(meeting: str, notice: str, reply_by: str) -> None:
    day = dt.date.fromisoformat
    assert m.reply_deadline(WorkCalendar(), day(meeting), day(notice)) == day(reply_by)


def test_reply_deadline_follows_the_units_own_calendar() -> None:
    # The unit declared Friday 03-06 a holiday of its own: replies by Thursday.
    cal = WorkCalendar({dt.date(2026, 3, 6): False})
    assert m.reply_deadline(cal, dt.date(2026, 3, 9), dt.date(2026, 3, 2)) == dt.date(2026, 3, 5)


def test_every_occurrence_of_a_weekly_series_for_a_year_is_checked() -> None:
    first = dt.date(2026, 1, 7)  # a Wednesday
    days = m.occurrences(first, m.WEEKLY, dt.date(2026, 12, 31))
    assert (
        len(days) == 52
        and all(d.weekday() == 2 for d in days)
        and days[-1] == dt.date(2026, 12, 30)
    )
    base = booking("09:00", "10:00", day="2026-01-07", chair="张三")
    # Someone else holds the room on three Wednesdays; 张三 chairs elsewhere on a fourth.
    others = [booking("09:30", "11:00", day=d, mid=i) for i, d in
              enumerate(("2026-02-11", "2026-06-17", "2026-12-30"))]  # fmt: skip
    others.append(booking("08:00", "09:30", day="2026-09-02", room="小会议室", chair="张三", mid=9))
    cal = WorkCalendar()
    found = [c for d in days for c in m.find_conflicts(m.shift(base, d), others, workdays=cal)]
    by_kind = {k: sorted(c.day.isoformat() for c in found if c.kind == k) for k in m.KIND_ORDER}
    assert by_kind[m.ROOM] == ["2026-02-11", "2026-06-17", "2026-12-30"]
    assert by_kind[m.PERSON] == ["2026-09-02"]
    # Wednesdays that are holidays in 2026 (春节 2-18, 国庆 10-07…), from chinesecalendar.
    expected_holidays = [d.isoformat() for d in days if not cal.is_workday(d)]
    assert by_kind[m.NON_WORKDAY] == expected_holidays
    assert "2026-10-07" in expected_holidays and "2026-02-18" in expected_holidays


def test_biweekly_and_monthly_rules() -> None:
    assert m.occurrences(dt.date(2026, 3, 2), m.BIWEEKLY, dt.date(2026, 4, 13)) == [
        dt.date(2026, 3, 2),
        dt.date(2026, 3, 16),
        dt.date(2026, 3, 30),
        dt.date(2026, 4, 13),
    ]
    # By date: the 31st falls on the last day of shorter months.
    assert m.occurrences(dt.date(2026, 1, 31), m.MONTHLY_DATE, dt.date(2026, 4, 30)) == [
        dt.date(2026, 1, 31),
        dt.date(2026, 2, 28),
        dt.date(2026, 3, 31),
        dt.date(2026, 4, 30),
    ]
    # By weekday: the second Tuesday; the last Friday stays the last.
    assert m.occurrences(dt.date(2026, 3, 10), m.MONTHLY_WEEKDAY, dt.date(2026, 6, 30)) == [
        dt.date(2026, 3, 10),
        dt.date(2026, 4, 14),
        dt.date(2026, 5, 12),
        dt.date(2026, 6, 9),
    ]
    assert m.occurrences(dt.date(2026, 1, 30), m.MONTHLY_WEEKDAY, dt.date(2026, 5, 31)) == [
        dt.date(2026, 1, 30),
        dt.date(2026, 2, 27),
        dt.date(2026, 3, 27),
        dt.date(2026, 4, 24),
        dt.date(2026, 5, 29),
    ]
    assert m.describe_rule(m.MONTHLY_WEEKDAY, dt.date(2026, 3, 10)) == "每月第2个周二"
    assert m.describe_rule(m.MONTHLY_WEEKDAY, dt.date(2026, 1, 30)) == "每月最后一个周五"


def test_bad_series_are_refused_in_chinese() -> None:
    with pytest.raises(m.RecurrenceError, match="不能早于"):
        m.occurrences(dt.date(2026, 3, 2), m.WEEKLY, dt.date(2026, 3, 1))
    with pytest.raises(m.RecurrenceError, match="最多 400 次"):
        m.occurrences(dt.date(2026, 3, 2), m.WEEKLY, dt.date(2040, 1, 1))
    with pytest.raises(m.RecurrenceError, match="重复"):
        m.occurrences(dt.date(2026, 3, 2), "每天", dt.date(2026, 4, 1))


def test_a_non_working_day_in_a_year_without_holiday_data_is_marked_estimated() -> None:
    cal = WorkCalendar()
    sunday = booking("09:00", "10:00", day="2027-03-07")
    [found] = m.find_conflicts(sunday, [], workdays=cal)
    assert found.kind == m.NON_WORKDAY and "按周一至周五估算" in found.text
    [known] = m.find_conflicts(booking("09:00", "10:00", day="2026-03-08"), [], workdays=cal)
    assert "估算" not in known.text
