"""接待 storage: the visitor log (returning visitors, on site, purge), receptions with their
guests, meals and costs, and petitions with their steps."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from officedesk.core.fields import Record
from officedesk.core.pinyin import is_initials_query, matches_initials
from officedesk.core.reception import (
    MEAL_KINDS,
    Finding,
    Meal,
    extension_problem,
    guest_list_differences,
    letter_findings,
    lodging_findings,
    meal_findings,
    normalise_id_number,
    petition_deadline,
)
from officedesk.core.registers.reception import PETITION, RECEPTION, VISITOR
from officedesk.core.searchtext import phrase
from officedesk.storage import records, settings
from officedesk.storage.db import Store, new_uuid, now_text
from officedesk.storage.errors import ValidationError
from officedesk.storage.records import typed
from officedesk.storage.schema import fts_table

# -- 来访登记 ---------------------------------------------------------------------------------

CARRIED_OVER = ("name", "gender", "id_type", "id_number", "unit", "post", "phone", "host", "plate")


def log_visit(store: Store, values: Mapping[str, Any]) -> Record:
    """Save a visit; 到达时间 defaults to now and the 证件号码 is stored normalised."""
    data = dict(values)
    if not data.get("arrived_at"):
        data["arrived_at"] = dt.datetime.now().replace(second=0, microsecond=0)
    if data.get("id_number"):
        data["id_number"] = normalise_id_number(str(data["id_number"]))
    return records.insert(store, VISITOR, data)


def _visits(store: Store, where: str, params: Sequence[Any], limit: int) -> list[Record]:
    rows = store.read_dicts(
        f"SELECT * FROM visitor WHERE voided_at IS NULL AND {where} "
        "ORDER BY arrived_at DESC, id DESC LIMIT ?",
        [*params, limit],
    )
    return [typed(VISITOR, r) for r in rows]


def last_visit(store: Store, name: str, unit: str | None = None) -> Record | None:
    """The latest visit of the same person: same name and unit."""
    found = _visits(store, "name = ? AND IFNULL(unit, '') = ?", [name, unit or ""], 1)
    return found[0] if found else None


def last_visit_by_id(store: Store, id_number: str) -> Record | None:
    """The latest visit with the same 证件号码."""
    number = normalise_id_number(id_number)
    if not number:
        return None
    found = _visits(store, "id_number = ?", [number], 1)
    return found[0] if found else None


def returning_visitors(store: Store, typed_text: str, limit: int = 8) -> list[Record]:
    """The latest visit of each person (name + unit) whose name matches what was typed: a
    substring of the name, or its pinyin initials (zs → 张三). Name prefixes first, then the most
    recent visitors."""
    text = typed_text.strip()
    if not text:
        return []
    initials = is_initials_query(text)
    # The search index finds the candidates fast; the name is then checked in Python (the index
    # also holds the unit's characters and initials).
    match = phrase(text) if initials else f"{{name}} : {phrase(text)}"
    # Newest rows first by id (the index hands rowids out in order, so LIMIT stops early; the
    # log is written as people arrive); each person's truly latest visit is read below.
    rows = store.read_dicts(
        f"SELECT t.id, t.name, t.unit FROM [{fts_table(VISITOR)}] AS s "
        "CROSS JOIN visitor AS t ON t.id = s.rowid "
        f"WHERE [{fts_table(VISITOR)}] MATCH ? AND t.voided_at IS NULL "
        "ORDER BY s.rowid DESC LIMIT 500",
        [match],
    )
    seen: set[tuple[str, str]] = set()
    found: list[tuple[int, int, tuple[str, str]]] = []
    for row in rows:
        name = str(row.get("name") or "")
        key = (name, str(row.get("unit") or ""))
        if key in seen:
            continue
        if initials:
            ok, prefix = (
                matches_initials(name, text),
                any(v.startswith(text.lower()) for v in _variants(name)),
            )
        else:
            ok, prefix = text in name, name.startswith(text)
        if not ok:
            continue
        seen.add(key)
        found.append((0 if prefix else 1, len(found), key))
    found.sort(key=lambda item: (item[0], item[1]))
    people = []
    for rank, _, (name, unit) in found[: limit * 2]:
        last = last_visit(store, name, unit)
        if last is not None:
            people.append((rank, last))
    # Name prefixes first, then whoever came most recently.
    people.sort(key=lambda p: (p[0], -p[1]["arrived_at"].timestamp() if p[1]["arrived_at"] else 0))
    return [p for _, p in people[:limit]]


def _variants(name: str) -> list[str]:
    from officedesk.core.pinyin import initials_variants

    return initials_variants(name)


def on_site(store: Store) -> list[Record]:
    """Visitors not yet marked 离开, the earliest arrival first."""
    rows = store.read_dicts(
        "SELECT * FROM visitor INDEXED BY idx_visitor_on_site "
        "WHERE voided_at IS NULL AND left_at IS NULL ORDER BY arrived_at, id"
    )
    return [typed(VISITOR, r) for r in rows]


def visits_between(store: Store, start: dt.date, end: dt.date) -> list[dict[str, Any]]:
    """The visits that arrived from `start` up to (not including) `end`, oldest first, values
    as stored: the daily and monthly log (a day has a few dozen rows, a month a few hundred)."""
    return store.read_dicts(
        "SELECT * FROM visitor WHERE voided_at IS NULL AND arrived_at >= ? AND arrived_at < ? "
        "ORDER BY arrived_at, id",
        (start.isoformat(), end.isoformat()),
    )


def log_period(kind: str, day: dt.date) -> tuple[dt.date, dt.date, str]:
    """The day ("日") or month ("月") around `day`: (start, end exclusive, subtitle)."""
    if kind == "日":
        return day, day + dt.timedelta(days=1), f"{day.year}年{day.month}月{day.day}日"
    if kind == "月":
        start = day.replace(day=1)
        end = (start + dt.timedelta(days=32)).replace(day=1)
        return start, end, f"{day.year}年{day.month}月"
    raise ValueError(f"来访日志只能按「日」或「月」，不是「{kind}」")


def mark_left(store: Store, ids: Iterable[int], when: dt.datetime | None = None) -> int:
    """Mark visitors as gone (离开时间 now unless given); returns how many were still on site."""
    stamp = (when or dt.datetime.now()).replace(second=0, microsecond=0).isoformat(sep=" ")
    done = 0
    with store.transaction() as c:
        for rid in ids:
            cur = c.execute(
                "UPDATE visitor SET left_at = ?, updated_at = ? "
                "WHERE id = ? AND left_at IS NULL AND voided_at IS NULL",
                (stamp, now_text(), rid),
            )
            done += cur.rowcount
    return done


def retention_cutoff(today: dt.date, months: int) -> dt.date:
    """The first day kept: `months` calendar months before today (the 31st clipped to month end)."""
    total = today.year * 12 + today.month - 1 - months
    year, month = divmod(total, 12)
    month += 1
    for day in (today.day, 30, 29, 28):
        try:
            return dt.date(year, month, day)
        except ValueError:
            continue
    raise AssertionError("unreachable")


def purge_count(store: Store, today: dt.date | None = None) -> tuple[int, dt.date]:
    """How many visits (voided ones too) are older than the retention setting, and the cutoff."""
    months = int(settings.get(store, "visitor_retention_months"))
    cutoff = retention_cutoff(today or dt.date.today(), months)
    n = store.read("SELECT count(*) FROM visitor WHERE arrived_at < ?", (cutoff.isoformat(),))
    return int(n[0][0]), cutoff


def purge_old_visits(store: Store, cutoff: dt.date) -> int:
    """Delete for good the visits that arrived before `cutoff` (personal data is kept only as
    long as the unit says); their search-index entries go too. Returns how many were deleted."""
    old = store.read_dicts("SELECT * FROM visitor WHERE arrived_at < ?", (cutoff.isoformat(),))
    table = fts_table(VISITOR)
    cols = [f.name for f in VISITOR.search_fields] + ["py"]
    marks = ", ".join("?" * (len(cols) + 2))
    with store.transaction() as c:
        for row in old:
            if row["voided_at"] is None:  # voided rows already left the contentless index
                c.execute(
                    f"INSERT INTO [{table}]([{table}], rowid, {', '.join(cols)}) VALUES ({marks})",
                    ["delete", row["id"], *records.fts_values(VISITOR, typed(VISITOR, row))],
                )
        c.executemany("DELETE FROM attachment WHERE register = ? AND record_id = ?",
                      [(VISITOR.key, row["id"]) for row in old])  # fmt: skip
        c.execute("DELETE FROM visitor WHERE arrived_at < ?", (cutoff.isoformat(),))
    return len(old)


# -- child tables (guests, companions, meals, costs, petition steps) --------------------------

CHILD_COLUMNS: dict[str, tuple[str, ...]] = {
    "reception_guest": ("name", "post", "unit"),
    "reception_companion": ("name", "post"),
    "reception_meal": ("day", "kind", "guests", "staff", "amount_fen", "place"),
    "reception_cost": ("item", "amount_fen", "note"),
}


def children(store: Store, table: str, reception_id: int) -> list[dict[str, Any]]:
    """The live lines of a reception's child table, in order."""
    cols = ", ".join(CHILD_COLUMNS[table])
    return store.read_dicts(
        f"SELECT id, {cols} FROM [{table}] WHERE reception_id = ? AND voided_at IS NULL "
        "ORDER BY seq, id",
        (reception_id,),
    )


def _replace_children(
    c: Any, table: str, reception_id: int, lines: Sequence[Mapping[str, Any]]
) -> None:
    # Lines are replaced as a whole: the old ones are voided (kept), the new ones inserted.
    stamp = now_text()
    c.execute(
        f"UPDATE [{table}] SET voided_at = ?, updated_at = ? "
        "WHERE reception_id = ? AND voided_at IS NULL",
        (stamp, stamp, reception_id),
    )
    cols = CHILD_COLUMNS[table]
    for seq, line in enumerate(lines, 1):
        values = [line.get(col) for col in cols]
        c.execute(
            f"INSERT INTO [{table}] (uuid, created_at, updated_at, reception_id, seq, "
            f"{', '.join(cols)}) VALUES ({', '.join('?' * (len(cols) + 5))})",
            [new_uuid(), stamp, stamp, reception_id, seq, *values],
        )


# What each child line is called in a message, and its columns that must hold something.
LINE_NAMES = {"reception_guest": "客人", "reception_companion": "陪同人员",
              "reception_meal": "用餐", "reception_cost": "费用"}  # fmt: skip
_REQUIRED_TEXT = {"reception_guest": (("name", "姓名"),),
                  "reception_companion": (("name", "姓名"),),
                  "reception_meal": (("kind", "类别"),), "reception_cost": (("item", "项目"),)}  # fmt: skip
_COUNTS = {"reception_meal": (("guests", "客人数"), ("staff", "陪餐数"), ("amount_fen", "金额")),
           "reception_cost": (("amount_fen", "金额"),)}  # fmt: skip


def clean_lines(table: str, lines_: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """The lines of one child table ready to write: an empty count or amount is 0; a missing
    name, 类别 or 项目, or a count that is not a whole number ≥ 0, is refused with a
    ValidationError naming the line (用餐第 2 行「金额」…), not a field of the form (the
    reception has a 「类别」 of its own)."""
    out = []
    for i, line in enumerate(lines_, 1):
        where = f"{LINE_NAMES[table]}第 {i} 行"
        row = dict(line)
        for col, label in _REQUIRED_TEXT[table]:
            if not str(row.get(col) or "").strip():
                raise ValidationError(f"{where}「{label}」必须填写")
        if table == "reception_meal" and row["kind"] not in MEAL_KINDS:
            raise ValidationError(f"{where}「类别」只能是 {'、'.join(MEAL_KINDS)}")
        for col, label in _COUNTS.get(table, ()):
            value = row.get(col)
            if value is None or str(value).strip() == "":
                row[col] = 0
                continue
            try:
                number = int(value)
            except (TypeError, ValueError):
                number = -1
            if number < 0 or isinstance(value, bool) or (isinstance(value, float)
                                                          and not value.is_integer()):  # fmt: skip
                kind = "金额（分）" if col == "amount_fen" else "整数"
                raise ValidationError(f"{where}「{label}」应为不小于 0 的{kind}，不是「{value}」")
            row[col] = number
        out.append(row)
    return out


def yuan_to_fen(text: Any, label: str = "金额") -> int:
    """An amount typed in 元 (1234.5, 1,234.50) as whole 分; ValidationError names the field."""
    if text is None or str(text).strip() == "":
        return 0
    try:
        value = round(float(str(text).replace(",", "").replace("，", "").strip()) * 100)
    except ValueError:
        raise ValidationError(
            f"「{label}」应为金额（元），不是「{text}」", field="amount"
        ) from None
    if value < 0:
        raise ValidationError(f"「{label}」不能为负数", field="amount")
    return int(value)


def fen_text(fen: int | None) -> str:
    """分 as 元 with two decimals: 123456 → 1,234.56."""
    return f"{(fen or 0) / 100:,.2f}"


@dataclass
class ReceptionLines:
    """What a reception holds besides its own fields."""

    guests: list[dict[str, Any]]
    companions: list[dict[str, Any]]
    meals: list[dict[str, Any]]
    costs: list[dict[str, Any]]

    @property
    def total_fen(self) -> int:
        """Cost lines plus meals: the 接待清单's 费用."""
        return sum(int(c.get("amount_fen") or 0) for c in self.costs) + sum(
            int(m.get("amount_fen") or 0) for m in self.meals
        )


def lines(store: Store, reception_id: int) -> ReceptionLines:
    """A reception's guests, companions, meals and cost lines."""
    return ReceptionLines(
        children(store, "reception_guest", reception_id),
        children(store, "reception_companion", reception_id),
        children(store, "reception_meal", reception_id),
        children(store, "reception_cost", reception_id),
    )


def has_letter(store: Store, record: Mapping[str, Any]) -> bool:
    """Whether the reception has its 公函: a number, or a scan attached to the record."""
    if str(record.get("letter_ref") or "").strip():
        return True
    rid = record.get("id")
    if rid is None:
        return False
    n = store.read(
        "SELECT count(*) FROM attachment WHERE register = ? AND record_id = ? "
        "AND voided_at IS NULL",
        (RECEPTION.key, rid),
    )
    return bool(n[0][0])


def _meal(m: Mapping[str, Any]) -> Meal:
    day = m.get("day")
    if isinstance(day, str) and day:
        day = dt.date.fromisoformat(day[:10])
    return Meal(day if isinstance(day, dt.date) else None, str(m.get("kind") or ""),
                int(m.get("guests") or 0), int(m.get("staff") or 0),
                int(m.get("amount_fen") or 0) / 100)  # fmt: skip


def guests_received(record: Mapping[str, Any], lines_: ReceptionLines) -> int:
    """How many guests the reception receives: its guest list, or its 人数 while the list is
    empty (0 when neither is known). The 陪餐 limit of every meal counts no more than these."""
    named = sum(1 for g in lines_.guests if str(g.get("name") or "").strip())
    if named:
        return named
    try:
        return max(0, int(record.get("guests") or 0))
    except (TypeError, ValueError):
        return 0


def reception_findings(
    store: Store, record: Mapping[str, Any], lines_: ReceptionLines, letter_attached: bool = False
) -> list[Finding]:
    """Every rule the reception breaks or comes near, with the unit's limits from settings."""
    meal_limit = float(settings.get(store, "reception_meal_limit"))
    lodging_limit = float(settings.get(store, "reception_lodging_limit"))
    approved = bool(record.get("approved_on") or record.get("approved_by"))
    letter = letter_attached or has_letter(store, record)
    out = letter_findings(str(record.get("kind") or "公务"), letter, approved)
    meals = [_meal(m) for m in lines_.meals]
    out += meal_findings(meals, meal_limit, guests_received(record, lines_))
    rate = record.get("room_rate")
    out += lodging_findings(record.get("room_type"), float(rate) if rate else None, lodging_limit)
    from officedesk.core.reception import split_names

    names = [str(g.get("name") or "") for g in lines_.guests if g.get("name")]
    for text in guest_list_differences(names, split_names(record.get("letter_guests"))):
        out.append(Finding("warn", text))
    return out


def save_reception(
    store: Store,
    values: Mapping[str, Any],
    lines_: ReceptionLines,
    record_id: int | None = None,
    letter_attached: bool = False,
) -> Record:
    """Save a reception with its lines in one transaction. Refused (ValidationError, nothing
    written) when a rule is broken: two 工作餐, too many 陪餐, approval without a 公函.

    `letter_attached`: a scan of the 公函 is being attached with this save (a new reception)."""
    lines_ = ReceptionLines(
        clean_lines("reception_guest", lines_.guests),
        clean_lines("reception_companion", lines_.companions),
        clean_lines("reception_meal", lines_.meals),
        clean_lines("reception_cost", lines_.costs),
    )
    data = dict(values)
    data["total_cost"] = fen_text(lines_.total_fen) if lines_.total_fen else None
    if lines_.guests and not data.get("guests"):
        data["guests"] = len(lines_.guests)
    probe = {**data, "id": record_id}
    letter = letter_attached or has_letter(store, probe)
    if (data.get("kind") or "公务") == "公务":
        data["letter_status"] = "有" if letter else "缺公函"
    else:
        data["letter_status"] = "有" if letter else None
    found = reception_findings(store, probe, lines_, letter_attached)
    errors = [f for f in found if f.level == "error"]
    if errors:
        raise ValidationError("；".join(f.message for f in errors))
    with store.transaction() as c:
        if record_id is None:
            saved = records.insert(store, RECEPTION, data)
        else:
            saved = records.update(store, RECEPTION, record_id, data)
        rid = int(saved["id"])
        _replace_children(c, "reception_guest", rid, lines_.guests)
        _replace_children(c, "reception_companion", rid, lines_.companions)
        _replace_children(c, "reception_meal", rid, lines_.meals)
        _replace_children(c, "reception_cost", rid, lines_.costs)
    return saved


# -- 信访 ------------------------------------------------------------------------------------

STEP_KINDS = ("受理", "不予受理", "转送", "交办", "延期", "答复", "复查申请", "复查意见",
              "复核申请", "复核意见")  # fmt: skip


def derived_petition(store: Store, record: Mapping[str, Any]) -> dict[str, Any]:
    """The current deadline (办理期限, 期限事项), 办结日期 and 状态 computed from the dates."""
    deadline = petition_deadline(settings.calendar(store), dict(record))
    if record.get("recheck_requested_on"):
        status = "已办结" if record.get("recheck_done_on") else "复核中"
    elif record.get("review_requested_on"):
        status = "已办结" if record.get("review_done_on") else "复查中"
    elif record.get("replied_on") and record.get("acceptance") == "受理":
        status = "已办结"
    elif record.get("acceptance") == "不予受理":
        status = "不予受理"
    elif record.get("acceptance") == "受理":
        status = "已转送" if record.get("transfer_kind") == "转送" else "已受理"
    else:
        status = "待受理"
    return {
        "due_date": deadline.due,
        "due_stage": deadline.stage or None,
        "done_on": deadline.done,
        "status": status,
    }


def check_petition(record: Mapping[str, Any], old: Mapping[str, Any] | None = None) -> None:
    """Refuse what the 条例 does not allow: an extension over 30 days or without a reason, a
    second extension, more than five representatives, dates out of order."""
    ext = record.get("extension_days")
    problem = extension_problem(int(ext) if ext else 0, record.get("extension_reason"))
    if problem:
        raise ValidationError(problem, field="extension_days")
    if old and old.get("extension_days") and ext and int(ext) != int(old["extension_days"]):
        raise ValidationError("办理期限只能延长一次，已延长 "
                              f"{old['extension_days']} 日", field="extension_days")  # fmt: skip
    if ext and not record.get("accepted_on"):
        raise ValidationError("未受理的信访不能延期", field="extension_days")
    from officedesk.core.reception import split_names

    if len(split_names(record.get("representatives"))) > 5:
        raise ValidationError("多人走访应推选不超过 5 名代表", field="representatives")
    if record.get("acceptance") == "受理" and not record.get("accepted_on"):
        raise ValidationError("选择「受理」时请填写受理日期", field="accepted_on")
    order = (("received_on", "accepted_on"), ("accepted_on", "replied_on"),
             ("replied_on", "review_requested_on"), ("review_requested_on", "review_done_on"),
             ("review_done_on", "recheck_requested_on"),
             ("recheck_requested_on", "recheck_done_on"))  # fmt: skip
    for before, after in order:
        a, b = _date(record.get(before)), _date(record.get(after))
        if a and b and b < a:
            la, lb = PETITION.field(before).label, PETITION.field(after).label
            raise ValidationError(f"「{lb}」{b} 早于「{la}」{a}", field=after)


def _date(value: Any) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and value:
        try:
            return dt.date.fromisoformat(value[:10])
        except ValueError:
            return None
    return None


def save_petition(store: Store, values: Mapping[str, Any], record_id: int | None = None) -> Record:
    """Save a petition with its deadline, 办结日期 and 状态 derived from its dates."""
    from officedesk.core.values import ValueProblem, clean_record

    old = records.get(store, PETITION, record_id) if record_id is not None else {}
    try:
        clean = clean_record(PETITION, dict(values))
    except ValueProblem as exc:
        raise ValidationError(str(exc), field=exc.field.name) from None
    merged = {**old, **clean}
    check_petition(merged, old or None)
    derived = derived_petition(store, merged)
    data = {**clean, **derived}
    if record_id is None:
        return records.insert(store, PETITION, data)
    return records.update(store, PETITION, record_id, data)


_STEP_FIELDS = {
    "受理": {"acceptance": "受理", "accepted_on": "@", "notice_on": "@"},
    "不予受理": {"acceptance": "不予受理", "notice_on": "@"},
    "转送": {"transferred_to": "to", "transfer_kind": "转送", "transferred_on": "@"},
    "交办": {"transferred_to": "to", "transfer_kind": "交办", "transferred_on": "@"},
    "延期": {"extension_days": "days", "extension_reason": "note"},
    "答复": {"replied_on": "@"},
    "复查申请": {"review_requested_on": "@"},
    "复查意见": {"review_done_on": "@"},
    "复核申请": {"recheck_requested_on": "@"},
    "复核意见": {"recheck_done_on": "@"},
}


def _refuse_second_extension(store: Store, petition_id: int) -> None:
    # The 条例 allows one extension: any second 延期 is refused, even one repeating the same
    # number of days (which would otherwise look like no change to the record).
    old = records.get(store, PETITION, petition_id)
    done = [s for s in petition_steps(store, petition_id) if s["kind"] == "延期"]
    if old.get("extension_days") or done:
        when = f"已于 {done[0]['on_date']} " if done else "已"
        days = old.get("extension_days") or (done[0]["days"] if done else None)
        raise ValidationError(
            f"办理期限只能延长一次，{when}延长 {days} 日，不能再次延期", field="extension_days"
        )


def record_step(
    store: Store,
    petition_id: int,
    kind: str,
    on_date: dt.date,
    to_whom: str = "",
    days: int | None = None,
    note: str = "",
) -> Record:
    """Record one step of a petition (受理, 转送, 延期, 答复, 复查…): the step is kept in the
    petition's history and its dates, deadline and status follow."""
    if kind not in _STEP_FIELDS:
        raise ValidationError(f"未知的信访环节「{kind}」，可选：{'、'.join(STEP_KINDS)}")
    if kind == "延期":
        _refuse_second_extension(store, petition_id)
    given = {"@": on_date, "to": to_whom or None, "days": days, "note": note or None}
    changes = {name: given.get(v, v) for name, v in _STEP_FIELDS[kind].items()}
    with store.transaction() as c:
        saved = save_petition(store, changes, petition_id)
        stamp = now_text()
        c.execute(
            "INSERT INTO petition_step (uuid, created_at, updated_at, petition_id, kind, on_date, "
            "to_whom, days, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (new_uuid(), stamp, stamp, petition_id, kind, on_date.isoformat(), to_whom or None,
             days, note or None),
        )  # fmt: skip
    return saved


def petition_steps(store: Store, petition_id: int) -> list[dict[str, Any]]:
    """The steps of a petition in the order they happened."""
    return store.read_dicts(
        "SELECT kind, on_date, to_whom, days, note FROM petition_step "
        "WHERE petition_id = ? AND voided_at IS NULL ORDER BY on_date, id",
        (petition_id,),
    )


# -- 工作台 ------------------------------------------------------------------------------------

AGENDA_LIMIT = 200


def on_site_section(store: Store, today: dt.date, due_soon_days: int) -> Any:
    """工作台: the visitors still on site (None while the visitor log is empty)."""
    from officedesk.storage.agenda import AgendaLine, AgendaSection

    if not store.read("SELECT 1 FROM visitor WHERE voided_at IS NULL LIMIT 1"):
        return None
    lines = []
    for v in on_site(store)[:AGENDA_LIMIT]:
        arrived: dt.datetime = v["arrived_at"]
        when = arrived.strftime("%H:%M" if arrived.date() == today else "%m-%d %H:%M")
        unit = f"（{v['unit']}）" if v.get("unit") else ""
        lines.append(AgendaLine(VISITOR.key, int(v["id"]), f"{when} {v['name']}{unit}",
                                bucket="在场", group=str(v.get("host") or "")))  # fmt: skip
    return AgendaSection("visitors_on_site", "在场访客", tuple(lines), ("在场",),
                         empty_text="没有未离开的访客")  # fmt: skip


def petition_section(store: Store, today: dt.date, due_soon_days: int) -> Any:
    """工作台: petitions whose current deadline (受理告知, 办理, 复查, 复核) is near or past."""
    from officedesk.core.traffic import light
    from officedesk.storage.agenda import AgendaLine, AgendaSection

    if not store.read("SELECT 1 FROM petition WHERE voided_at IS NULL LIMIT 1"):
        return None
    until = (today + dt.timedelta(days=due_soon_days)).isoformat()
    rows = store.read_dicts(
        "SELECT id, serial, petitioner, claim, due_date, due_stage, handler, transferred_to "
        "FROM petition WHERE voided_at IS NULL AND done_on IS NULL AND due_date IS NOT NULL "
        "AND due_date <= ? ORDER BY due_date, id LIMIT ?",
        (until, AGENDA_LIMIT + 1),
    )
    soon = f"{due_soon_days}日内到期"
    lines = []
    for r in rows[:AGENDA_LIMIT]:
        due = dt.date.fromisoformat(str(r["due_date"])[:10])
        bucket = "已逾期" if due < today else "今日到期" if due == today else soon
        claim = str(r["claim"] or "")
        claim = claim if len(claim) <= 16 else claim[:16] + "…"
        lines.append(AgendaLine(
            PETITION.key, int(r["id"]), f"{r['serial']} {r['petitioner']}：{claim}（{r['due_stage']}）",
            bucket=bucket, group=str(r["handler"] or r["transferred_to"] or ""), due=due,
            light=light(due, None, today, due_soon_days),
        ))  # fmt: skip
    notes = (f"另有更多，仅列前 {AGENDA_LIMIT} 条",) if len(rows) > AGENDA_LIMIT else ()
    return AgendaSection("petitions_due", "信访到期", tuple(lines), ("已逾期", "今日到期", soon),
                         empty_text="没有临期或逾期的信访", notes=notes)  # fmt: skip
