"""Meetings beyond the register row: rooms, attendees, 议程, decisions, series, conflicts.

A meeting is a row of MEETING (saved through `records`, so its search index stays right) plus
child rows in meeting_attendee / meeting_agenda_item / meeting_decision. A recurring series is a
meeting_series row and one MEETING row per occurrence (series_id, occurrence_on): an occurrence
can be edited (detached) or cancelled on its own. Every write of a meeting runs the conflict
check first; saving with conflicts needs a reason, kept on the row (conflict_reason).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from officedesk.core import meetings as rules
from officedesk.core.fields import Record
from officedesk.core.meetings import Booking, Conflict
from officedesk.core.registers.meetings import MEETING
from officedesk.core.values import ValueProblem, clean_record, parse_datetime
from officedesk.storage import records, settings
from officedesk.storage.db import Store, new_uuid, now_text
from officedesk.storage.errors import ValidationError
from officedesk.storage.lifecycle import Rules
from officedesk.storage.meeting_calendar import LONGEST_MEETING, stamp_sql
from officedesk.storage.meeting_calendar import Slot as Slot
from officedesk.storage.meeting_calendar import agenda_section as agenda_section
from officedesk.storage.meeting_calendar import between as between
from officedesk.storage.meeting_calendar import week as week
from officedesk.storage.meeting_rooms import person as person
from officedesk.storage.meeting_rooms import room as room
from officedesk.storage.meeting_rooms import room_named as room_named
from officedesk.storage.meeting_rooms import rooms as rooms
from officedesk.storage.meeting_rooms import save_room as save_room
from officedesk.storage.meeting_rooms import void_room as void_room

Row = dict[str, Any]

ATTENDEE_COLUMNS = ("role", "name", "unit", "post", "person_id", "notice", "reply", "reply_note",
                    "signed_at", "absent_reason")  # fmt: skip
AGENDA_COLUMNS = ("time_text", "topic", "presenter", "materials")
NOTICE_STATES = ("未通知", "已通知")
REPLIES = ("", "参加", "不参加", "委托参加")


class ConflictError(ValidationError):
    """The meeting conflicts with others; saving needs a reason. `conflicts` lists them all."""

    def __init__(self, conflicts: Sequence[Conflict]) -> None:
        self.conflicts = list(conflicts)
        lines = "\n".join(c.line() for c in self.conflicts[:20])
        more = f"\n……另有 {len(self.conflicts) - 20} 项" if len(self.conflicts) > 20 else ""
        super().__init__(
            f"有 {len(self.conflicts)} 项冲突：\n{lines}{more}\n\n如仍要保存，请填写理由。"
        )


def clean_text(value: Any) -> str | None:
    """`value` as stripped text, None when empty."""
    text = "" if value is None else str(value).strip()
    return text or None


# -- children of a meeting -----------------------------------------------------------------


def children(store: Store, table: str, meeting_id: int) -> list[Row]:
    """The live child rows of a meeting in one table, in order."""
    return store.read_dicts(
        f"SELECT * FROM [{table}] WHERE meeting_id = ? AND voided_at IS NULL ORDER BY seq, id",
        (meeting_id,),
    )


def attendees(store: Store, meeting_id: int) -> list[Row]:
    """The meeting's people in their order (rank order for 出席: it decides the 座次)."""
    return children(store, "meeting_attendee", meeting_id)


def agenda(store: Store, meeting_id: int) -> list[Row]:
    """The meeting's 议程 items in order."""
    return children(store, "meeting_agenda_item", meeting_id)


def _signed_at(value: Any, day: dt.date | None, n: int, name: str) -> str | None:
    """A sign-in time as stored (2026-03-04 08:52:00): a full date-time, or HH:MM on `day`."""
    if isinstance(value, dt.datetime):
        return stamp_sql(value)
    text = clean_text(value)
    if not text:
        return None
    try:
        if len(text) <= 5 and day is not None:
            return stamp_sql(dt.datetime.combine(day, dt.time.fromisoformat(text.zfill(5))))
        return stamp_sql(parse_datetime(text))
    except ValueError:
        raise ValidationError(
            f"参会人员第 {n} 行（{name}）：「签到时间」应如 08:50 或 2024-03-05 08:50：{text}",
            field="attendees",
        ) from None


def _clean_attendee(row: Mapping[str, Any], n: int, day: dt.date | None = None) -> Row:
    name = clean_text(row.get("name"))
    if not name:
        raise ValidationError(f"参会人员第 {n} 行：「姓名」必须填写", field="attendees")
    role = clean_text(row.get("role")) or "出席"
    if role not in rules.ROLES:
        raise ValidationError(
            f"参会人员第 {n} 行（{name}）：「身份」应为{'、'.join(rules.ROLES)}", field="attendees"
        )
    out = {c: clean_text(row.get(c)) for c in ATTENDEE_COLUMNS}
    out.update(role=role, name=name, person_id=row.get("person_id") or None)
    out["notice"] = out["notice"] or "未通知"
    out["signed_at"] = _signed_at(row.get("signed_at"), day, n, name)
    if out["notice"] not in NOTICE_STATES:
        raise ValidationError(f"参会人员第 {n} 行（{name}）：「通知」应为{'、'.join(NOTICE_STATES)}",
                              field="attendees")  # fmt: skip
    if (out["reply"] or "") not in REPLIES:
        raise ValidationError(
            f"参会人员第 {n} 行（{name}）：「回执」应为{'、'.join(r for r in REPLIES if r)}",
            field="attendees")  # fmt: skip
    return out


def _clean_agenda(row: Mapping[str, Any], n: int) -> Row:
    topic = clean_text(row.get("topic"))
    if not topic:
        raise ValidationError(f"会议议程第 {n} 项：「议题」必须填写", field="agenda")
    return {**{c: clean_text(row.get(c)) for c in AGENDA_COLUMNS}, "topic": topic}


def sync_children(
    store: Store, table: str, meeting_id: int, rows: Sequence[Row], columns: Sequence[str]
) -> None:
    """Make the meeting's live child rows equal `rows` (in order): rows with an id that is the
    meeting's are updated, others inserted, the meeting's rows not given any more are voided."""
    c = store.conn
    have = {
        r[0]
        for r in c.execute(
            f"SELECT id FROM [{table}] WHERE meeting_id = ? AND voided_at IS NULL", (meeting_id,)
        )
    }
    stamp = now_text()
    kept: set[int] = set()
    for seq, row in enumerate(rows, start=1):
        values = [row.get(col) for col in columns]
        rid = row.get("id")
        if rid in have:
            sets = ", ".join(f"[{col}] = ?" for col in columns)
            c.execute(f"UPDATE [{table}] SET {sets}, seq = ?, updated_at = ? WHERE id = ?",
                      [*values, seq, stamp, rid])  # fmt: skip
            kept.add(int(rid or 0))
        else:
            cols = ("uuid", "created_at", "updated_at", "meeting_id", "seq", *columns)
            c.execute(
                f"INSERT INTO [{table}] ({', '.join(f'[{x}]' for x in cols)}) "
                f"VALUES ({', '.join('?' * len(cols))})",
                [new_uuid(), stamp, stamp, meeting_id, seq, *values],
            )
    for rid in have - kept:
        c.execute(f"UPDATE [{table}] SET voided_at = ?, void_reason = ?, updated_at = ? "
                  "WHERE id = ?", (stamp, "从会议中删除", stamp, rid))  # fmt: skip


# -- conflicts -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Repeat:
    """A recurrence: the rule (core.meetings.RULES) and the last day it may fall on."""

    rule: str
    until: dt.date


@dataclass
class Plan:
    """A meeting as the form describes it, before it is written."""

    values: Record  # MEETING fields, typed or as typed
    attendees: list[Row] = field(default_factory=list)
    agenda: list[Row] = field(default_factory=list)
    repeat: Repeat | None = field(default=None, kw_only=True)


def _clean_values(values: Record) -> Record:
    try:
        return clean_record(MEETING, values)
    except ValueProblem as exc:
        raise ValidationError(str(exc), field=exc.field.name) from None


def _check_times(record: Record) -> tuple[dt.datetime, dt.datetime]:
    start, end = record.get("starts_at"), record.get("ends_at")
    if not isinstance(start, dt.datetime):
        raise ValidationError("「开始时间」必须填写", field="starts_at")
    if not isinstance(end, dt.datetime):
        raise ValidationError("「结束时间」必须填写", field="ends_at")
    if end <= start:
        raise ValidationError("「结束时间」应晚于「开始时间」", field="ends_at")
    return start, end


def _resolve_room(store: Store, record: Record) -> Row | None:
    """The room of the record: by the typed name (a room of the list), else an outside place."""
    found = room_named(store, str(record.get("room") or ""))
    record["room_id"] = found["id"] if found else None
    return found


def booking_of(record: Record, people: Iterable[Row], meeting_id: int | None = None) -> Booking:
    """The conflict-check view of a meeting and its attendees.

    The headcount is everyone in the room: the 出席 and 列席 people, and the 主持人 too unless
    already listed among them."""
    present = [p for p in people if (p.get("role") or "出席") in rules.PRESENT_ROLES]
    # Names compare without blanks: 王 书记 typed in one meeting is 王书记 in another.
    names = frozenset(rules.person_key(p["name"]) for p in present if p.get("name"))
    chair = rules.person_key(record.get("chair"))
    roles: dict[str, str] = {}
    for p in present:  # someone listed as both 出席 and 列席 is 出席
        name, role = rules.person_key(p.get("name")), str(p.get("role") or "出席")
        if name and roles.get(name) != "出席":
            roles[name] = role
    return Booking(
        starts_at=record["starts_at"], ends_at=record["ends_at"], name=str(record.get("name") or ""),
        room=str(record.get("room") or ""), room_id=record.get("room_id"), chair=chair,
        people=names, headcount=len(present) + (1 if chair and chair not in names else 0),
        meeting_id=meeting_id, roles=tuple(sorted((n, r) for n, r in roles.items() if r != "出席")),
    )  # fmt: skip


def bookings_between(
    store: Store, start: dt.datetime, end: dt.datetime, *, skip_ids: Iterable[int] = ()
) -> list[Booking]:
    """The live, not cancelled meetings running at some moment of [start, end), with their people.

    Reads by the indexed starts_at range (a meeting runs at most LONGEST_MEETING)."""
    skip = set(skip_ids)
    rows = [r for r in store.read_dicts(
        "SELECT id, name, starts_at, ends_at, room, room_id, chair FROM meeting "
        "WHERE voided_at IS NULL AND starts_at >= ? AND starts_at < ? AND ends_at > ? "
        "AND NOT coalesce(cancelled, 0)",
        (stamp_sql(start - LONGEST_MEETING), stamp_sql(end), stamp_sql(start)),
    ) if r["id"] not in skip]  # fmt: skip
    people: dict[int, list[Row]] = {r["id"]: [] for r in rows}
    ids = list(people)
    for i in range(0, len(ids), 500):
        part = ids[i : i + 500]
        for a in store.read_dicts(
            f"SELECT meeting_id, name, role FROM meeting_attendee WHERE voided_at IS NULL "
            f"AND meeting_id IN ({','.join('?' * len(part))})", part):  # fmt: skip
            people[a["meeting_id"]].append(a)
    out = []
    for r in rows:
        record = {**r, "starts_at": dt.datetime.fromisoformat(r["starts_at"]),
                  "ends_at": dt.datetime.fromisoformat(r["ends_at"])}  # fmt: skip
        out.append(booking_of(record, people[r["id"]], r["id"]))
    return out


def _occurrence_days(record: Record, repeat: Repeat | None) -> list[dt.date]:
    first = record["starts_at"].date()
    if repeat is None:
        return [first]
    try:
        return rules.occurrences(first, repeat.rule, repeat.until)
    except rules.RecurrenceError as exc:
        raise ValidationError(str(exc), field="repeat") from None


def check(
    store: Store, plan: Plan, meeting_id: int | None = None, *, skip: Iterable[int] = ()
) -> list[Conflict]:
    """Every conflict of the planned meeting (each occurrence of a series), sorted by date;
    meetings in `skip` (being changed together with this one) are not looked at."""
    record = _clean_values(plan.values)
    _check_times(record)
    found_room = _resolve_room(store, record)
    capacity = found_room["capacity"] if found_room else None
    attendees_ = [
        _clean_attendee(a, n, record["starts_at"].date()) for n, a in enumerate(plan.attendees, 1)
    ]
    base = booking_of(record, attendees_, meeting_id)
    buffer = int(settings.get(store, "meeting_buffer_minutes"))
    calendar = settings.calendar(store)
    margin = dt.timedelta(minutes=buffer)
    conflicts: list[Conflict] = []
    skip = [*skip, *([meeting_id] if meeting_id is not None else [])]
    for day in _occurrence_days(record, plan.repeat):
        booking = rules.shift(base, day)
        others = bookings_between(store, booking.starts_at - margin, booking.ends_at + margin,
                                  skip_ids=skip)  # fmt: skip
        conflicts += rules.find_conflicts(booking, others, buffer_minutes=buffer,
                                          capacity=capacity, workdays=calendar)  # fmt: skip
    return rules.sort_conflicts(conflicts)


# -- saving --------------------------------------------------------------------------------


def _conflict_fields(conflicts: Sequence[Conflict], reason: str) -> Record:
    if not conflicts:
        return {"conflict_reason": None, "conflicts": None}
    return {"conflict_reason": reason.strip(),
            "conflicts": "\n".join(c.line() for c in conflicts)}  # fmt: skip


def save(store: Store, plan: Plan, meeting_id: int | None = None, *, reason: str = "") -> Record:
    """Write a new meeting (every occurrence of a series) or change one; returns the (first) row.

    ConflictError lists every conflict when there are some and `reason` is empty; with a reason
    the meeting is saved and the reason kept with the conflicts found. Nothing is written on error.
    """
    conflicts = check(store, plan, meeting_id)
    if conflicts and not reason.strip():
        raise ConflictError(conflicts)
    record = _clean_values(plan.values)
    _check_times(record)
    _resolve_room(store, record)
    day = record["starts_at"].date()
    people = [_clean_attendee(a, n, day) for n, a in enumerate(plan.attendees, 1)]
    items = [_clean_agenda(a, n) for n, a in enumerate(plan.agenda, 1)]
    with store.transaction():
        if meeting_id is not None:
            old = records.get(store, MEETING, meeting_id)
            # An occurrence changed on its own no longer follows its series.
            detached = True if old.get("series_id") else None
            return _update(store, meeting_id, record, people, items,
                           {**_conflict_fields(conflicts, reason), "detached": detached})  # fmt: skip
        days = _occurrence_days(record, plan.repeat)
        series_id = None
        if plan.repeat is not None:
            series_id = _new_series(store, plan.repeat, days[0])
        first: Record | None = None
        for day in days:
            start = dt.datetime.combine(day, record["starts_at"].time())
            mine = [c for c in conflicts if c.day == day]
            values = {
                **record, "starts_at": start,
                "ends_at": start + (record["ends_at"] - record["starts_at"]),
                "series_id": series_id, "occurrence_on": day if series_id else None,
                **_conflict_fields(mine, reason),
            }  # fmt: skip
            saved = records.insert(store, MEETING, values)
            sync_children(
                store,
                "meeting_attendee",
                saved["id"],
                [{k: v for k, v in p.items() if k != "id"} for p in people],
                ATTENDEE_COLUMNS,
            )
            sync_children(
                store,
                "meeting_agenda_item",
                saved["id"],
                [{k: v for k, v in a.items() if k != "id"} for a in items],
                AGENDA_COLUMNS,
            )
            first = first or saved
        assert first is not None
        return first


def _update(
    store: Store, meeting_id: int, record: Record, people: list[Row], items: list[Row],
    extra: Record,
) -> Record:  # fmt: skip
    saved = records.update(store, MEETING, meeting_id, {**record, **extra})
    sync_children(store, "meeting_attendee", meeting_id, people, ATTENDEE_COLUMNS)
    sync_children(store, "meeting_agenda_item", meeting_id, items, AGENDA_COLUMNS)
    return saved


def plans_following(store: Store, plan: Plan, meeting_id: int) -> list[tuple[int, Plan]]:
    """The occurrence `meeting_id` and every later live, not cancelled one of its series, each
    planned as `plan` says (time of day, length, room, people, 议程) on its own date, moved by as
    many days as this occurrence was moved."""
    old = records.get(store, MEETING, meeting_id)
    record = _clean_values(plan.values)
    start, end = _check_times(record)
    if not old.get("series_id"):
        return [(meeting_id, plan)]
    shift = start.date() - old["starts_at"].date()
    rows = store.read(
        "SELECT id, starts_at FROM meeting WHERE series_id = ? AND voided_at IS NULL "
        "AND starts_at >= ? AND NOT coalesce(cancelled, 0) ORDER BY starts_at",
        (old["series_id"], stamp_sql(dt.datetime.combine(old["starts_at"].date(), dt.time()))),
    )
    out = []
    for mid, start_text in rows:
        if mid == meeting_id:
            out.append((mid, plan))
            continue
        day = dt.datetime.fromisoformat(start_text).date() + shift
        begin = dt.datetime.combine(day, start.time())
        # Other occurrences get the people afresh: their own notice and sign-in are for later.
        people = [{k: v for k, v in a.items() if k not in ("id", "signed_at")}
                  for a in plan.attendees]  # fmt: skip
        agenda_ = [{k: v for k, v in a.items() if k != "id"} for a in plan.agenda]
        values = {**plan.values, "starts_at": begin, "ends_at": begin + (end - start)}
        out.append((int(mid), Plan(values, people, agenda_)))
    return out


def check_following(store: Store, plan: Plan, meeting_id: int) -> list[Conflict]:
    """Every conflict of changing this occurrence and the later ones (see plans_following)."""
    planned = plans_following(store, plan, meeting_id)
    ids = [mid for mid, _ in planned]
    found = [c for mid, p in planned for c in check(store, p, mid, skip=ids)]
    return rules.sort_conflicts(found)


def save_following(store: Store, plan: Plan, meeting_id: int, *, reason: str = "") -> int:
    """Change this occurrence and every later one of its series (the 例会 moves to 9:30 from now
    on); ConflictError without a reason when any of them conflicts. Returns how many changed."""
    planned = plans_following(store, plan, meeting_id)
    ids = [mid for mid, _ in planned]
    found = {mid: check(store, p, mid, skip=ids) for mid, p in planned}
    every = rules.sort_conflicts(c for cs in found.values() for c in cs)
    if every and not reason.strip():
        raise ConflictError(every)
    with store.transaction():
        for mid, p in planned:
            record = _clean_values(p.values)
            _resolve_room(store, record)
            day = record["starts_at"].date()
            people = [_clean_attendee(a, n, day) for n, a in enumerate(p.attendees, 1)]
            items = [_clean_agenda(a, n) for n, a in enumerate(p.agenda, 1)]
            extra = {**_conflict_fields(found[mid], reason), "detached": False,
                     "occurrence_on": day}  # fmt: skip
            _update(store, mid, record, people, items, extra)
    return len(planned)


def _new_series(store: Store, repeat: Repeat, first: dt.date) -> int:
    stamp = now_text()
    cur = store.conn.execute(
        "INSERT INTO meeting_series (uuid, created_at, updated_at, rule, first_on, until, "
        "description) VALUES (?, ?, ?, ?, ?, ?, ?)",
        (new_uuid(), stamp, stamp, repeat.rule, first.isoformat(), repeat.until.isoformat(),
         rules.describe_rule(repeat.rule, first)),
    )  # fmt: skip
    return int(cur.lastrowid or 0)


def series(store: Store, series_id: int) -> Row:
    """A series row with its live occurrences' ids (in date order)."""
    found = store.read_dicts("SELECT * FROM meeting_series WHERE id = ?", (series_id,))
    if not found:
        raise KeyError(f"重复系列第 {series_id} 条不存在")
    row = found[0]
    row["meeting_ids"] = [r[0] for r in store.read(
        "SELECT id FROM meeting WHERE series_id = ? AND voided_at IS NULL ORDER BY starts_at",
        (series_id,))]  # fmt: skip
    return row


def plan_of(store: Store, meeting_id: int) -> Plan:
    """The saved meeting as a plan (values, attendees, 议程) to check or save again."""
    values = records.get(store, MEETING, meeting_id)
    return Plan({f.name: values.get(f.name) for f in MEETING.fields},
                attendees(store, meeting_id), agenda(store, meeting_id))  # fmt: skip


def move(
    store: Store, meeting_id: int, starts_at: dt.datetime, *, room: str | None = None,
    reason: str = "",
) -> Record:  # fmt: skip
    """Move a meeting to a new start (same length), maybe another room; conflicts checked again."""
    plan = plan_of(store, meeting_id)
    length = plan.values["ends_at"] - plan.values["starts_at"]
    plan.values["starts_at"] = starts_at
    plan.values["ends_at"] = starts_at + length
    if room is not None:
        plan.values["room"] = room
    return save(store, plan, meeting_id, reason=reason)


def cancel(store: Store, meeting_id: int, reason: str = "") -> Record:
    """Cancel one meeting (or one occurrence of a series): it stays listed, struck out, and
    no longer blocks its room or its people."""
    values = {"cancelled": True, "cancel_reason": clean_text(reason)}
    old = records.get(store, MEETING, meeting_id)
    if old.get("series_id"):
        values["detached"] = True
    return records.update(store, MEETING, meeting_id, values)


def cancel_following(store: Store, meeting_id: int, reason: str = "") -> int:
    """Cancel an occurrence of a series and every later one (the 例会 ends); returns how many."""
    old = records.get(store, MEETING, meeting_id)
    if not old.get("series_id"):
        cancel(store, meeting_id, reason)
        return 1
    ids = [r[0] for r in store.read(
        "SELECT id FROM meeting WHERE series_id = ? AND voided_at IS NULL AND starts_at >= ? "
        "AND NOT coalesce(cancelled, 0) ORDER BY starts_at",
        (old["series_id"], stamp_sql(old["starts_at"])))]  # fmt: skip
    with store.transaction():
        for mid in ids:
            cancel(store, mid, reason)
    return len(ids)


def reinstate(store: Store, meeting_id: int) -> Record:
    """Undo a cancellation after checking conflicts again (ConflictError if there are some)."""
    plan = plan_of(store, meeting_id)
    plan.values["cancelled"] = False
    found = check(store, plan, meeting_id)
    if found:
        raise ConflictError(found)
    return records.update(store, MEETING, meeting_id, {"cancelled": False, "cancel_reason": None})


# -- attendee status -----------------------------------------------------------------------


def set_attendee_status(store: Store, attendee_id: int, **changes: Any) -> Row:
    """Change an attendee's notice / 回执 / 签到 status (notice, reply, reply_note, signed_at,
    absent_reason)."""
    allowed = {"notice", "reply", "reply_note", "signed_at", "absent_reason"}
    bad = set(changes) - allowed
    if bad:
        raise ValidationError(f"参会人员没有「{'、'.join(sorted(bad))}」这一项")
    if "notice" in changes and changes["notice"] not in NOTICE_STATES:
        raise ValidationError(f"「通知」应为{'、'.join(NOTICE_STATES)}", field="notice")
    if "reply" in changes and (changes["reply"] or "") not in REPLIES:
        raise ValidationError(f"「回执」应为{'、'.join(r for r in REPLIES if r)}", field="reply")
    data = {k: (v.isoformat(sep=" ") if isinstance(v, dt.datetime) else clean_text(v))
            for k, v in changes.items()}  # fmt: skip
    with store.transaction() as c:
        sets = ", ".join(f"[{k}] = ?" for k in data)
        c.execute(f"UPDATE meeting_attendee SET {sets}, updated_at = ? WHERE id = ?",
                  [*data.values(), now_text(), attendee_id])  # fmt: skip
    return store.read_dicts("SELECT * FROM meeting_attendee WHERE id = ?", (attendee_id,))[0]


# -- 作废与恢复: run by records.void/restore (see storage/lifecycle.py) ----------------------


def _after_restore(store: Store, meeting: Record, reason: str) -> None:
    """A restored meeting takes its room and people back: checked for conflicts like a save
    (ConflictError listing them without a reason; with one, the reason is kept on the row)."""
    if meeting.get("cancelled"):
        return  # a cancelled meeting blocks nobody
    found = check(store, plan_of(store, int(meeting["id"])), int(meeting["id"]))
    if found and not reason.strip():
        error = ConflictError(found)
        error.args = (
            f"恢复{MEETING.describe_record(meeting)}会与其他会议冲突（其间已有安排），"
            + str(error).replace("如仍要保存", "如仍要恢复"),
        )
        raise error
    fields = _conflict_fields(found, reason)
    if any(meeting.get(k) != v for k, v in fields.items()):
        records.update(store, MEETING, int(meeting["id"]), fields)


LIFECYCLE = (Rules(MEETING.key, after_restore=_after_restore),)
