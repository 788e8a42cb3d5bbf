"""Sample data for the meeting planner: rooms, attendees and 议程 for the demo meetings, a weekly
例会 series, today's meetings; and `bulk` for the week-view benchmark (thousands of meetings)."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator
from typing import Any

from officedesk.core import meetings as rules
from officedesk.core.registers import MEETING
from officedesk.storage import directory, meetings, records
from officedesk.storage.db import Store, new_uuid, now_text

ROOMS = (
    ("三楼党委会议室", 15, "视频会议终端、话筒"), ("一楼会议室", 20, "投影仪"),
    ("五楼大会议室", 80, "音响、投影、LED 屏"), ("视频会议室", 30, "视频会议系统"),
)  # fmt: skip
LEADERS = (("王书记", "党委书记"), ("刘局长", "局长"), ("张副局长", "副局长"),
           ("陈副局长", "副局长"), ("李总工", "总工程师"), ("赵主任", "办公室主任"))  # fmt: skip
NAMES = ("局长办公会", "党委会", "森林防火专题会", "安全生产例会", "周例会", "林长制工作推进会",
         "松材线虫病防治调度会", "财务预算审议会")  # fmt: skip
CATEGORIES = ("党委会", "总经理办公会", "专题会", "例会", "其他")
TOPICS = ("听取森林防火工作汇报", "研究年度预算安排", "审议安全生产责任制", "部署林长制巡林工作",
          "通报上周重点工作", "研究干部培训计划")  # fmt: skip
ATTENDEE_SQL = (
    "INSERT INTO meeting_attendee (uuid, created_at, updated_at, meeting_id, seq, role, name, "
    "unit, post, notice, reply) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
AGENDA_SQL = (
    "INSERT INTO meeting_agenda_item (uuid, created_at, updated_at, meeting_id, seq, time_text, "
    "topic, presenter) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
)


def _rooms(store: Store) -> dict[str, int]:
    for name, capacity, equipment in ROOMS:
        if meetings.room_named(store, name) is None:
            meetings.save_room(store, {"name": name, "capacity": capacity, "equipment": equipment,
                                       "sort": len(meetings.rooms(store)) + 1})  # fmt: skip
    return {r["name"]: r["id"] for r in meetings.rooms(store)}


def _leaders(store: Store) -> None:
    for name, post in LEADERS:
        if meetings.person(store, name) is None:
            directory.add_person(store, name, "局领导" if "主任" not in name else "办公室", post)


def _people_rows(rng: random.Random, meeting_id: int, stamp: str) -> list[tuple[Any, ...]]:
    # The 出席 order is the rank order the 座次表 and 桌签 follow: 书记, 局长, then the others.
    present = sorted(rng.sample(LEADERS, rng.randint(3, len(LEADERS))), key=LEADERS.index)
    rows = []
    for seq, (name, post) in enumerate(present, 1):
        rows.append((new_uuid(), stamp, stamp, meeting_id, seq, "出席", name, "局领导", post,
                     rng.choice(meetings.NOTICE_STATES), rng.choice(meetings.REPLIES)))  # fmt: skip
    rows.append((new_uuid(), stamp, stamp, meeting_id, len(rows) + 1, "列席", "办公室记录员",
                 "办公室", "科员", "已通知", "参加"))  # fmt: skip
    return rows


def fill(store: Store, rng: random.Random, today: dt.date) -> int:
    """Rooms, leaders, attendees and 议程 for the demo's meetings, plus a weekly 例会 series and
    two meetings today; returns the meetings added."""
    room_ids = _rooms(store)
    _leaders(store)
    stamp = now_text()
    with store.transaction() as c:
        for name, rid in room_ids.items():
            c.execute("UPDATE meeting SET room_id = ? WHERE room = ? AND room_id IS NULL",
                      (rid, name))  # fmt: skip
        bare = [r[0] for r in c.execute(
            "SELECT id FROM meeting WHERE voided_at IS NULL AND id NOT IN "
            "(SELECT meeting_id FROM meeting_attendee)")]  # fmt: skip
        for mid in bare:
            c.executemany(ATTENDEE_SQL, _people_rows(rng, mid, stamp))
            c.executemany(AGENDA_SQL, [
                (new_uuid(), stamp, stamp, mid, i, f"{9 + i - 1}:00", topic, LEADERS[i][0])
                for i, topic in enumerate(rng.sample(TOPICS, 2), 1)])  # fmt: skip
    added = 0
    monday = rules.week_start(today)
    people = [{"role": "出席", "name": n, "post": p} for n, p in LEADERS[:4]]
    weekly = meetings.Plan(
        {"name": "周一例会", "category": "例会", "room": "三楼党委会议室", "chair": "刘局长",
         "host_dept": "办公室", "starts_at": dt.datetime.combine(monday, dt.time(8, 0)),
         "ends_at": dt.datetime.combine(monday, dt.time(8, 45))},
        people, [{"topic": "通报上周工作，安排本周工作"}],
        repeat=meetings.Repeat(rules.WEEKLY, monday + dt.timedelta(weeks=11)),
    )  # fmt: skip
    first = meetings.save(store, weekly, reason="示例数据：例会时间固定")
    added += len(meetings.series(store, first["series_id"])["meeting_ids"])
    for hour, name, room in (
        (10, "森林防火专题会", "一楼会议室"),
        (15, "财务预算审议会", "五楼大会议室"),
    ):
        start = dt.datetime.combine(today, dt.time(hour, 0))
        plan = meetings.Plan({"name": name, "category": "专题会", "room": room, "chair": "张副局长",
                              "starts_at": start, "ends_at": start + dt.timedelta(hours=1, minutes=30)},
                             people[1:], [{"time_text": f"{hour}:00", "topic": TOPICS[0]}])  # fmt: skip
        meetings.save(store, plan, reason="示例数据")
        added += 1
    return added


def bulk(store: Store, n: int, first_day: dt.date, days: int, seed: int = 5) -> int:
    """`n` meetings spread over `days` working hours from `first_day`, with attendees (bench)."""
    rng = random.Random(seed)
    room_ids = _rooms(store)
    names = list(room_ids)
    _leaders(store)

    def rows() -> Iterator[dict[str, Any]]:
        for i in range(n):
            day = first_day + dt.timedelta(days=int(days * i / max(n, 1)))
            start = dt.datetime.combine(day, dt.time(rng.choice((8, 9, 10, 14, 15, 16)),
                                                     rng.choice((0, 30))))  # fmt: skip
            room = rng.choice(names)
            yield {"name": rng.choice(NAMES), "category": rng.choice(CATEGORIES),
                   "starts_at": start.isoformat(sep=" "),
                   "ends_at": (start + dt.timedelta(minutes=rng.choice((45, 60, 90, 120)))).isoformat(sep=" "),
                   "room": room, "room_id": room_ids[room], "chair": rng.choice(LEADERS)[0],
                   "host_dept": "办公室", "cancelled": 0}  # fmt: skip

    first_id = records.next_id(store, MEETING)
    count = records.bulk_insert(store, MEETING, rows(), stored_form=True)
    stamp = now_text()
    with store.transaction() as c:
        for mid in range(first_id, first_id + count):
            c.executemany(ATTENDEE_SQL, _people_rows(rng, mid, stamp))
    return count
