"""Meetings in the store: rooms, conflicts before saving, series, moving, cancelling, 转督办."""

from __future__ import annotations

import datetime as dt

import pytest

from officedesk.core import meetings as core_meetings
from officedesk.core import meetings as rules
from officedesk.core.registers import MEETING, SUPERVISION
from officedesk.storage import meeting_minutes, meetings, records, settings, supervision
from officedesk.storage.db import Store
from officedesk.storage.errors import ValidationError
from officedesk.storage.meetings import ConflictError, Plan, Repeat


def plan(name: str, start: str, end: str, room: str = "第一会议室", chair: str = "",
         people: tuple[str, ...] = (), repeat: Repeat | None = None) -> Plan:  # fmt: skip
    return Plan(
        {"name": name, "starts_at": start, "ends_at": end, "room": room, "chair": chair,
         "category": "专题会"},
        [{"role": "出席", "name": p} for p in people], [], repeat=repeat)  # fmt: skip


@pytest.fixture
def rooms(store: Store) -> dict[str, int]:
    big = meetings.save_room(store, {"name": "第一会议室", "capacity": 20, "equipment": "投影"})
    small = meetings.save_room(store, {"name": "小会议室", "capacity": 3})
    return {"big": big["id"], "small": small["id"]}


def test_rooms_are_named_once_and_checked(store: Store, rooms) -> None:
    assert [r["name"] for r in meetings.rooms(store)] == ["小会议室", "第一会议室"]
    with pytest.raises(ValidationError, match="已存在"):
        meetings.save_room(store, {"name": "第一会议室"})
    with pytest.raises(ValidationError, match="容纳人数"):
        meetings.save_room(store, {"name": "三楼", "capacity": "二十"})
    meetings.void_room(store, rooms["small"])
    assert [r["name"] for r in meetings.rooms(store)] == ["第一会议室"]


def test_a_clash_is_refused_then_saved_with_a_reason_kept(store: Store, rooms) -> None:
    first = meetings.save(store, plan("党委会", "2026-03-04 09:00", "2026-03-04 11:00",
                                      chair="张书记", people=("李局长",)))  # fmt: skip
    assert first["room_id"] == rooms["big"] and not first["conflict_reason"]
    clash = plan("专题会", "2026-03-04 10:00", "2026-03-04 12:00", chair="李局长")
    with pytest.raises(ConflictError) as caught:
        meetings.save(store, clash)
    kinds = [c.kind for c in caught.value.conflicts]
    assert kinds == [rules.ROOM, rules.PERSON]
    assert "党委会" in str(caught.value) and "李局长" in str(caught.value)
    assert records.get(store, MEETING, first["id"])  # nothing else was written
    assert len(meetings.week(store, dt.date(2026, 3, 2))) == 1
    saved = meetings.save(store, clash, reason="书记同意调整，李局长晚到")
    assert saved["conflict_reason"] == "书记同意调整，李局长晚到"
    assert "会议室冲突" in saved["conflicts"] and "人员冲突" in saved["conflicts"]
    assert [s.name for s in meetings.week(store, dt.date(2026, 3, 2))] == ["党委会", "专题会"]


def test_a_clash_names_the_role_each_person_has_in_the_other_meeting(store: Store, rooms) -> None:
    first = plan("党委会", "2026-03-04 09:00", "2026-03-04 11:00", chair="张书记",
                 people=("李局长",))  # fmt: skip
    first.attendees.append({"role": "列席", "name": "王主任"})
    first.attendees.append({"role": "请假", "name": "赵副局长"})
    meetings.save(store, first)
    clash = plan("专题会", "2026-03-04 10:00", "2026-03-04 12:00", room="某某林场",
                 chair="王主任", people=("李局长", "张书记", "赵副局长"))  # fmt: skip
    texts = {c.text.split(" ")[0]: c.text for c in meetings.check(store, clash)}
    assert set(texts) == {"王主任", "李局长", "张书记"}  # 请假 is no clash
    assert "已列席「党委会」" in texts["王主任"]
    assert "已出席「党委会」" in texts["李局长"] and "已主持「党委会」" in texts["张书记"]


def test_buffer_is_a_setting(store: Store, rooms) -> None:
    meetings.save(store, plan("党委会", "2026-03-04 09:00", "2026-03-04 10:00"))
    after = plan("例会", "2026-03-04 10:05", "2026-03-04 11:00")
    with pytest.raises(ConflictError, match="10 分钟"):
        meetings.save(store, after)
    settings.set_many(store, {"meeting_buffer_minutes": 5})
    assert meetings.save(store, after)["name"] == "例会"


def test_capacity_and_non_working_day(store: Store, rooms) -> None:
    crowded = plan("培训", "2026-10-01 09:00", "2026-10-01 10:00", room="小会议室",
                   people=("甲", "乙", "丙", "丁"))  # fmt: skip
    found = meetings.check(store, crowded)
    assert [c.kind for c in found] == [rules.CAPACITY, rules.NON_WORKDAY]
    # An outside place has no capacity to exceed.
    outside = plan("调研", "2026-03-04 09:00", "2026-03-04 10:00", room="某某林场",
                   people=("甲", "乙", "丙", "丁"))  # fmt: skip
    assert meetings.check(store, outside) == []


def test_the_chair_counts_towards_the_room_capacity(store: Store, rooms) -> None:
    # 小会议室 seats 3: three attendees and a 主持人 who is not among them make 4.
    full = plan("碰头会", "2026-03-04 09:00", "2026-03-04 10:00", room="小会议室",
                chair="张书记", people=("甲", "乙", "丙"))  # fmt: skip
    [found] = meetings.check(store, full)
    assert found.kind == rules.CAPACITY and "可容纳 3 人，本次会议 4 人" in found.text
    # A chair already listed as 出席 is counted once; 列席 people count too.
    listed = plan("碰头会", "2026-03-04 09:00", "2026-03-04 10:00", room="小会议室",
                  chair="甲", people=("甲", "乙", "丙"))  # fmt: skip
    assert meetings.check(store, listed) == []
    listed.attendees.append({"role": "列席", "name": "记录员"})
    assert "本次会议 4 人" in meetings.check(store, listed)[0].text
    # 请假 people are not in the room.
    away = plan("碰头会", "2026-03-04 09:00", "2026-03-04 10:00", room="小会议室",
                chair="张书记", people=("甲", "乙"))  # fmt: skip
    away.attendees.append({"role": "请假", "name": "丙"})
    assert meetings.check(store, away) == []


def test_a_weekly_series_checks_every_occurrence_and_saves_each(store: Store, rooms) -> None:
    meetings.save(store, plan("专家论证会", "2026-06-17 09:30", "2026-06-17 10:30"))
    weekly = plan("周例会", "2026-01-07 09:00", "2026-01-07 10:00", chair="张书记",
                  repeat=Repeat(rules.WEEKLY, dt.date(2026, 12, 31)))  # fmt: skip
    found = meetings.check(store, weekly)
    assert [c.day.isoformat() for c in found if c.kind == rules.ROOM] == ["2026-06-17"]
    assert {c.kind for c in found} == {rules.ROOM, rules.NON_WORKDAY}
    with pytest.raises(ConflictError):
        meetings.save(store, weekly)
    first = meetings.save(store, weekly, reason="例会固定时间")
    series = meetings.series(store, first["series_id"])
    assert len(series["meeting_ids"]) == 52 and series["description"] == "每周三"
    june = records.get(store, MEETING, series["meeting_ids"][23])
    assert june["starts_at"] == dt.datetime(2026, 6, 17, 9, 0)
    assert june["conflict_reason"] == "例会固定时间" and "专家论证会" in june["conflicts"]
    other = records.get(store, MEETING, series["meeting_ids"][1])
    assert other["conflict_reason"] is None  # only occurrences with a conflict carry the reason


def test_one_occurrence_edited_or_cancelled(store: Store, rooms) -> None:
    first = meetings.save(store, plan("周例会", "2026-03-02 09:00", "2026-03-02 10:00",
                                      repeat=Repeat(rules.WEEKLY, dt.date(2026, 3, 30))))  # fmt: skip
    ids = meetings.series(store, first["series_id"])["meeting_ids"]
    assert len(ids) == 5
    second = meetings.plan_of(store, ids[1])
    second.values["name"] = "周例会（扩大）"
    meetings.save(store, second, ids[1])
    meetings.cancel(store, ids[2], "领导外出")
    names = {s.id: (s.name, s.cancelled) for s in meetings.between(
        store, dt.datetime(2026, 3, 1), dt.datetime(2026, 4, 1))}  # fmt: skip
    assert names[ids[0]] == ("周例会", False)
    assert names[ids[1]] == ("周例会（扩大）", False)
    assert names[ids[2]] == ("周例会", True)
    assert records.get(store, MEETING, ids[1])["detached"] is True
    # A cancelled occurrence no longer holds its room.
    free = plan("临时会", "2026-03-16 09:00", "2026-03-16 10:00")
    assert meetings.check(store, free) == []


def test_moving_runs_the_check_again(store: Store, rooms) -> None:
    a = meetings.save(store, plan("党委会", "2026-03-04 09:00", "2026-03-04 10:00"))
    b = meetings.save(store, plan("例会", "2026-03-05 09:00", "2026-03-05 10:00"))
    with pytest.raises(ConflictError):
        meetings.move(store, b["id"], dt.datetime(2026, 3, 4, 9, 30))
    moved = meetings.move(store, b["id"], dt.datetime(2026, 3, 4, 9, 30), room="小会议室")
    assert moved["ends_at"] == dt.datetime(2026, 3, 4, 10, 30) and moved["room"] == "小会议室"
    assert records.get(store, MEETING, a["id"])["starts_at"] == dt.datetime(2026, 3, 4, 9, 0)


def test_attendees_agenda_and_status(store: Store, rooms) -> None:
    p = plan("专题会", "2026-03-04 09:00", "2026-03-04 10:00", people=("张三", "李四"))
    p.agenda = [{"time_text": "9:00", "topic": "听取防火工作汇报", "presenter": "王五"}]
    saved = meetings.save(store, p)
    people = meetings.attendees(store, saved["id"])
    assert [(a["name"], a["notice"]) for a in people] == [("张三", "未通知"), ("李四", "未通知")]
    meetings.set_attendee_status(store, people[0]["id"], notice="已通知", reply="参加",
                                 signed_at=dt.datetime(2026, 3, 4, 8, 55))  # fmt: skip
    again = meetings.plan_of(store, saved["id"])
    assert again.attendees[0]["reply"] == "参加"
    again.attendees = [again.attendees[1], {"role": "列席", "name": "赵六", "unit": "林场"}]
    meetings.save(store, again, saved["id"])
    assert [(a["name"], a["role"]) for a in meetings.attendees(store, saved["id"])] == [
        ("李四", "出席"),
        ("赵六", "列席"),
    ]
    with pytest.raises(ValidationError, match="第 1 行"):
        meetings.save(store, Plan(p.values, [{"name": ""}]), saved["id"])
    with pytest.raises(ValidationError, match="回执"):
        meetings.set_attendee_status(store, people[1]["id"], reply="也许")
    assert meetings.agenda(store, saved["id"])[0]["topic"] == "听取防火工作汇报"


def test_times_are_checked(store: Store) -> None:
    with pytest.raises(ValidationError, match="应晚于"):
        meetings.save(store, plan("会", "2026-03-04 10:00", "2026-03-04 09:00"))
    with pytest.raises(ValidationError, match="开始时间"):
        meetings.save(store, plan("会", "明天", "2026-03-04 09:00"))


def test_decision_becomes_a_supervision_item_once(store: Store, rooms) -> None:
    saved = meetings.save(store, plan("党委会", "2026-03-04 09:00", "2026-03-04 10:00"))
    items = meeting_minutes.save_minutes(store, saved["id"], "会议听取了……", [
        {"text": "加强春季森林防火", "lead_unit": "防火办", "owner": "王五", "due_date": "2026-04-30"},
        {"text": "修订差旅管理办法", "lead_unit": "办公室"},
    ])  # fmt: skip
    item = meeting_minutes.to_supervision(store, items[0]["id"], dt.date(2026, 3, 5))
    assert item["source"] == "会议决定" and item["lead_unit"] == "防火办"
    assert item["due_date"] == dt.date(2026, 4, 30) and "加强春季森林防火" in item["content"]
    assert meeting_minutes.decisions(store, saved["id"])[0]["supervision_id"] == item["id"]
    with pytest.raises(ValidationError, match="不能重复转办"):
        meeting_minutes.to_supervision(store, items[0]["id"])
    with pytest.raises(ValidationError, match="已转督办"):
        meeting_minutes.save_minutes(store, saved["id"], "", [items[1]])
    assert len(store.read("SELECT id FROM supervision_item")) == 1
    assert records.get(store, SUPERVISION, item["id"])["assigned_on"] == dt.date(2026, 3, 5)
    # Linked both ways: the ledger's item names the meeting it came from.
    assert (item["source_register"], item["source_id"]) == ("meetings", saved["id"])
    assert item["source_text"] == "党委会（2026-03-04）"
    assert [i["id"] for i in supervision.items_from(store, "meetings", saved["id"])] == [item["id"]]


def test_week_reads_by_an_indexed_time_range(store: Store) -> None:
    start = "2026-03-02 00:00:00"
    plan_rows = store.read(
        "EXPLAIN QUERY PLAN SELECT id FROM meeting WHERE voided_at IS NULL AND starts_at >= ? "
        "AND starts_at < ? AND ends_at > ?", (start, start, start))  # fmt: skip
    detail = " ".join(str(r[3]) for r in plan_rows)
    assert "idx_meeting_starts_at" in detail and "SCAN meeting" not in detail


def test_workbench_lists_today_and_the_next_working_day(store: Store, rooms) -> None:
    from officedesk.storage import agenda

    meetings.save(store, plan("党委会", "2026-03-06 09:00", "2026-03-06 10:00"))  # a Friday
    later = meetings.save(store, plan("例会", "2026-03-09 08:30", "2026-03-09 09:00"))  # Monday
    meetings.save(store, plan("周三会", "2026-03-11 08:30", "2026-03-11 09:00"))
    meetings.cancel(store, later["id"], "改期")
    sections = {s.key: s for s in agenda.collect(store, dt.date(2026, 3, 6), 3)}
    section = sections["meetings"]
    assert section.buckets == ("今天", "3月9日（周一）")
    assert [(line.bucket, line.text) for line in section.lines] == [
        ("今天", "09:00–10:00　党委会　第一会议室"),
        ("3月9日（周一）", "08:30–09:00　例会　第一会议室（已取消）"),
    ]
    assert section.lines[0].register == "meetings"


def test_sign_in_time_typed_as_hours_and_minutes(store: Store, rooms) -> None:
    p = plan("专题会", "2026-03-04 09:00", "2026-03-04 10:00")
    p.attendees = [{"role": "出席", "name": "张三", "signed_at": "8:52", "reply": "参加"}]
    saved = meetings.save(store, p)
    assert meetings.attendees(store, saved["id"])[0]["signed_at"] == "2026-03-04 08:52:00"
    p.attendees = [{"role": "出席", "name": "张三", "signed_at": "八点"}]
    with pytest.raises(ValidationError, match="第 1 行（张三）：「签到时间」"):
        meetings.save(store, p, saved["id"])
    p.attendees = [{"role": "出席", "name": "张三", "notice": "发了"}]
    with pytest.raises(ValidationError, match="「通知」应为未通知、已通知"):
        meetings.save(store, p, saved["id"])


def test_cancel_this_and_every_later_occurrence(store: Store, rooms) -> None:
    first = meetings.save(store, plan("周例会", "2026-03-02 09:00", "2026-03-02 10:00",
                                      repeat=Repeat(rules.WEEKLY, dt.date(2026, 3, 30))))  # fmt: skip
    ids = meetings.series(store, first["series_id"])["meeting_ids"]
    assert meetings.cancel_following(store, ids[2], "例会调整为双周") == 3
    cancelled = [records.get(store, MEETING, i)["cancelled"] for i in ids]
    assert cancelled == [False, False, True, True, True]


def test_change_this_and_every_later_occurrence(store: Store, rooms) -> None:
    first = meetings.save(store, plan("周例会", "2026-03-02 09:00", "2026-03-02 10:00",
                                      people=("张三",),
                                      repeat=Repeat(rules.WEEKLY, dt.date(2026, 3, 30))))  # fmt: skip
    ids = meetings.series(store, first["series_id"])["meeting_ids"]
    meetings.cancel(store, ids[3], "出差")
    meetings.save(store, plan("论证会", "2026-03-30 10:00", "2026-03-30 11:00", room="小会议室"))
    changed = meetings.plan_of(store, ids[1])
    changed.values.update(starts_at=dt.datetime(2026, 3, 10, 9, 30),  # Monday → Tuesday 9:30
                          ends_at=dt.datetime(2026, 3, 10, 11, 0), room="小会议室")  # fmt: skip
    found = meetings.check_following(store, changed, ids[1])
    assert [c.day.isoformat() for c in found if c.kind == rules.ROOM] == []  # 论证会 is on Monday
    assert meetings.save_following(store, changed, ids[1]) == 3  # 2nd, 3rd and 5th; 4th cancelled
    after = {i: records.get(store, MEETING, i) for i in ids}
    assert after[ids[0]]["starts_at"] == dt.datetime(2026, 3, 2, 9, 0)
    assert [after[i]["starts_at"] for i in (ids[1], ids[2], ids[4])] == [
        dt.datetime(2026, 3, 10, 9, 30), dt.datetime(2026, 3, 17, 9, 30),
        dt.datetime(2026, 3, 31, 9, 30)]  # fmt: skip
    assert after[ids[3]]["cancelled"] and after[ids[3]]["starts_at"].day == 23
    assert all(after[i]["room"] == "小会议室" and not after[i]["detached"] for i in ids[1:3])
    assert [a["name"] for a in meetings.attendees(store, ids[4])] == ["张三"]
    # Moving them back onto Monday 10:00 meets 论证会 in 小会议室 on 3-30: a reason is needed.
    back = meetings.plan_of(store, ids[1])
    back.values.update(
        starts_at=dt.datetime(2026, 3, 9, 10, 0), ends_at=dt.datetime(2026, 3, 9, 11, 0)
    )
    with pytest.raises(ConflictError) as caught:
        meetings.save_following(store, back, ids[1])
    assert [c.day for c in caught.value.conflicts] == [dt.date(2026, 3, 30)]


def test_a_name_typed_with_a_blank_is_the_same_person() -> None:
    def meeting(chair: str, at: str) -> core_meetings.Booking:
        record = {"starts_at": dt.datetime.fromisoformat(f"2026-03-04 {at}"),
                  "ends_at": dt.datetime.fromisoformat(f"2026-03-04 {at}") + dt.timedelta(hours=1),
                  "name": "会", "room": "", "chair": chair}  # fmt: skip
        return meetings.booking_of(record, [])

    [clash] = core_meetings.find_conflicts(
        meeting("王 书记", "09:00"), [meeting("王书记", "09:30")]
    )
    assert clash.kind == core_meetings.PERSON and clash.text.startswith("王书记 在")
