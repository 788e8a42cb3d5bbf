"""Recording 收文 workflow steps: one transaction per step, its history, and undo of the last one.

A step writes its `document_step` row (who, when, what, and the values it replaced), its detail
row (批示, 传阅, 催办) and the 收文 columns it sets, including the derived `stage` and `holder`
the list shows. Undo puts the replaced values back and voids the detail row; the step stays in
the history marked 已撤销.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from officedesk.core import workflow
from officedesk.core.fields import Record
from officedesk.core.registers import INCOMING_DOCUMENT, SUPERVISION
from officedesk.core.workflow import Reading, WorkflowError
from officedesk.storage import records
from officedesk.storage.db import Store, new_uuid, now_text
from officedesk.storage.errors import ValidationError
from officedesk.storage.lifecycle import Rules

DEADLINE_EXTRAS = ("due_n", "due_unit", "due_estimated")
DETAIL_TABLES = ("document_instruction", "document_circulation", "document_reminder")


@dataclass(frozen=True)
class HistoryEntry:
    """One line of a 收文's history."""

    step: str
    when: str  # as shown: 2026-03-05 or 2026-03-05 09:30
    who: str
    summary: str
    step_id: int | None = None  # None for 签收/登记, which the record itself tells
    undone_at: str | None = None
    recorded_at: str = ""


def _iso(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        return value.replace(microsecond=0).isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def _shown(value: Any) -> str:
    text = str(_iso(value) or "")
    return text[:16].replace("T", " ")


def readings(store: Store, document_id: int) -> list[Reading]:
    """The live 传阅 rows of a 收文, in the order they were sent."""
    return [
        Reading(r[0], r[1], dt.datetime.fromisoformat(r[2]),
                dt.datetime.fromisoformat(r[3]) if r[3] else None, r[4] or "")
        for r in store.read(
            "SELECT id, reader, sent_at, returned_at, note FROM document_circulation "
            "WHERE document_id = ? AND voided_at IS NULL ORDER BY sent_at, id",
            (document_id,),
        )
    ]  # fmt: skip


def readers_out(store: Store, document_id: int) -> str:
    """Who still holds a copy of the 收文 (传阅 not returned): 张三、李四, or ""."""
    return workflow.readers_out(readings(store, document_id))


def instructions(store: Store, document_id: int) -> list[tuple[str, dt.date | None, str]]:
    """The live 批示 of a 收文 (leader, date, text), in the order they were given."""
    return [
        (r[0], dt.date.fromisoformat(r[1]) if r[1] else None, r[2])
        for r in store.read(
            "SELECT leader, given_on, text FROM document_instruction "
            "WHERE document_id = ? AND voided_at IS NULL ORDER BY given_on, id",
            (document_id,),
        )
    ]


def reminders(store: Store, document_id: int) -> list[dict[str, Any]]:
    """The live 催办 rows of a 收文 (reminded_on, method, reminded_by, answer), oldest first."""
    return store.read_dicts(
        "SELECT id, reminded_on, method, reminded_by, answer FROM document_reminder "
        "WHERE document_id = ? AND voided_at IS NULL ORDER BY reminded_on, id",
        (document_id,),
    )


def _stored(record: Record, names: list[str]) -> dict[str, Any]:
    return {n: records.to_sql(INCOMING_DOCUMENT.field(n), record.get(n)) for n in names}


def record_step(store: Store, document_id: int, key: str, raw: Record) -> Record:
    """Record step `key` of a 收文 with the dialog's values; the updated record.

    WorkflowError (a ValidationError-like message with `field`) when a rule refuses it; then
    nothing is written.
    """
    spec = workflow.step(key)
    values = workflow.clean(spec, raw)
    for extra in DEADLINE_EXTRAS:
        if key == "承办" and extra in raw:
            values[extra] = raw[extra] if values.get("due_date") else None
    with store.transaction() as c:
        record = records.get(store, INCOMING_DOCUMENT, document_id)
        before_readings = readings(store, document_id)
        workflow.check(spec, record, values, before_readings)
        stamp = now_text()
        detail_table: str | None = None
        detail_id: int | None = None
        detail_before: dict[str, Any] = {}
        if key == "批示":
            detail_table = "document_instruction"
            detail_id = _insert(c, detail_table, document_id, stamp, leader=values["leader"],
                                given_on=_iso(values["given_on"]), text=values["text"])  # fmt: skip
        elif key == "传阅":
            detail_table = "document_circulation"
            detail_id = _insert(c, detail_table, document_id, stamp, reader=values["reader"],
                                sent_at=_iso(values["sent_at"]), note=values["note"])  # fmt: skip
        elif key == "退回":
            held = [r for r in workflow.outstanding(before_readings)
                    if r.reader == values["reader"]]  # fmt: skip
            row = held[-1]
            detail_table, detail_id = "document_circulation", row.id
            detail_before = {"returned_at": None, "note": row.note or None}
            note = "；".join(t for t in (row.note, values["note"] or "") if t) or None
            c.execute(
                "UPDATE document_circulation SET returned_at = ?, note = ?, updated_at = ? "
                "WHERE id = ?",
                (_iso(values["returned_at"]), note, stamp, row.id),
            )
        elif key == "催办":
            detail_table = "document_reminder"
            detail_id = _insert(c, detail_table, document_id, stamp,
                                reminded_on=_iso(values["reminded_on"]), method=values["method"],
                                reminded_by=values["reminded_by"], answer=values["answer"])  # fmt: skip
        after_readings = readings(store, document_id)
        change = workflow.changes(spec, record, values, after_readings)
        if key == "批示":
            text, leader, on = workflow.combined_instruction(instructions(store, document_id))
            change.update(instruction=text, instructed_by=leader, instructed_on=on)
        before = {"columns": _stored(record, list(change)), "detail": detail_before}
        who = values.get(spec.who) if spec.who else None
        if not who and key == "办结":
            who = record.get("handler")
        c.execute(
            "INSERT INTO document_step (uuid, created_at, updated_at, document_id, step, "
            "acted_by, acted_at, summary, detail_table, detail_id, before) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (new_uuid(), stamp, stamp, document_id, key, who or None,
             _iso(values[spec.when]), workflow.summary(spec, values), detail_table, detail_id,
             json.dumps(before, ensure_ascii=False)),
        )  # fmt: skip
        try:
            return records.update(store, INCOMING_DOCUMENT, document_id, change)
        except ValidationError as exc:
            raise WorkflowError(str(exc), exc.field) from exc


ELSEWHERE = "elsewhere"  # detail_table of a step done in another register (归档): not undone here


def record_elsewhere(
    store: Store, document_id: int, step: str, summary: str, acted_at: dt.datetime | None = None
) -> None:
    """Put a step done in another register into the 收文's history (归档 of its 件, the 件
    voided or restored). It is undone where it was done, never with Ctrl+Z in the history."""
    stamp = now_text()
    with store.transaction() as c:
        c.execute(
            "INSERT INTO document_step (uuid, created_at, updated_at, document_id, step, "
            "acted_at, summary, detail_table, before) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (new_uuid(), stamp, stamp, document_id, step,
             (acted_at or dt.datetime.now()).isoformat(sep=" ", timespec="seconds"), summary,
             ELSEWHERE, json.dumps({"columns": {}}, ensure_ascii=False)),
        )  # fmt: skip


def _insert(c: Any, table: str, document_id: int, stamp: str, **values: Any) -> int:
    cols = ["uuid", "created_at", "updated_at", "document_id", *values]
    cur = c.execute(
        f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})",
        [new_uuid(), stamp, stamp, document_id, *values.values()],
    )
    return int(cur.lastrowid or 0)


def last_step(store: Store, document_id: int) -> dict[str, Any] | None:
    """The latest step not undone, or None."""
    rows = store.read_dicts(
        "SELECT * FROM document_step WHERE document_id = ? AND undone_at IS NULL "
        "AND voided_at IS NULL ORDER BY id DESC LIMIT 1",
        (document_id,),
    )
    return rows[0] if rows else None


def undo_last(store: Store, document_id: int, step_id: int | None = None) -> str:
    """Undo the latest step of a 收文 (entered by mistake); its summary.

    Only the latest step can be undone, so what it replaced is exactly what comes back; naming
    an older `step_id` is refused with a message.
    """
    with store.transaction() as c:
        last = last_step(store, document_id)
        if last is None:
            raise WorkflowError("这份收文没有可撤销的办理步骤")
        if step_id is not None and step_id != last["id"]:
            raise WorkflowError(
                f"只能撤销最近的一步（{last['summary']}）；更早的步骤请从最近的一步起依次撤销"
            )
        filed = records.get(store, INCOMING_DOCUMENT, document_id)
        if filed.get("status") == "已归档" or filed.get("archive_no"):
            raise WorkflowError(
                f"这份收文已归档（档号 {filed.get('archive_no') or ''}），不能撤销办理步骤；"
                "如确需更正，请先在「档案」中作废该件"
            )
        if last["detail_table"] == ELSEWHERE:
            raise WorkflowError(
                f"「{last['summary']}」是在档案中办理的，不能在这里撤销；"
                "如需撤销，请在「档案」中作废或恢复该件"
            )
        before = json.loads(last["before"])
        stamp = now_text()
        table, detail = last["detail_table"], last["detail_id"]
        if table in DETAIL_TABLES and detail is not None:
            if before.get("detail"):
                sets = ", ".join(f"{k} = ?" for k in before["detail"])
                c.execute(f"UPDATE {table} SET {sets}, updated_at = ? WHERE id = ?",
                          [*before["detail"].values(), stamp, detail])  # fmt: skip
            else:
                c.execute(
                    f"UPDATE {table} SET voided_at = ?, void_reason = ?, updated_at = ? "
                    "WHERE id = ?",
                    (stamp, "撤销办理步骤", stamp, detail),
                )
        c.execute("UPDATE document_step SET undone_at = ?, updated_at = ? WHERE id = ?",
                  (stamp, stamp, last["id"]))  # fmt: skip
        records.update(store, INCOMING_DOCUMENT, document_id, before["columns"])
    return str(last["summary"])


def history(store: Store, document_id: int) -> list[HistoryEntry]:
    """Every step of a 收文 in the order entered, 签收 and 登记 first (from the record itself)."""
    record = records.get(store, INCOMING_DOCUMENT, document_id)
    entries = [
        HistoryEntry("签收", _shown(record.get("received_at")), record.get("receiver") or "",
                     f"签收：{record.get('sender') or ''}来文"
                     + (f"《{record['title']}》" if record.get("title") else "")),
        HistoryEntry("登记", _shown(record.get("created_at")), "",
                     f"登记：{record.get('serial') or ''}", recorded_at=record.get("created_at") or ""),
    ]  # fmt: skip
    for row in store.read_dicts(
        "SELECT id, step, acted_by, acted_at, summary, undone_at, created_at FROM document_step "
        "WHERE document_id = ? AND voided_at IS NULL ORDER BY id",
        (document_id,),
    ):
        entries.append(HistoryEntry(row["step"], _shown(row["acted_at"]), row["acted_by"] or "",
                                    row["summary"], row["id"], row["undone_at"],
                                    row["created_at"]))  # fmt: skip
    return entries


def history_text(store: Store, document_id: int) -> str:
    """The history as lines of text (the history view, tests)."""
    lines = []
    for e in history(store, document_id):
        who = f"〔{e.who}〕" if e.who else ""
        mark = "（已撤销）" if e.undone_at else ""
        lines.append(f"{e.when}　{who}{e.summary}{mark}")
    return "\n".join(lines)


def check_record_step(store: Store, document_id: int, key: str) -> None:
    """Refuse early (before the dialog opens) a step the record's state does not allow."""
    record = records.get(store, INCOMING_DOCUMENT, document_id)
    workflow.check_state(workflow.step(key), record, readings(store, document_id))


def overdue_of_department(store: Store, department: str, today: dt.date) -> list[Record]:
    """The open 收文 of a 主办部门 past their deadline on `today`, earliest deadline first."""
    return [
        records.typed(INCOMING_DOCUMENT, r)
        for r in store.read_dicts(
            "SELECT * FROM incoming_document WHERE voided_at IS NULL AND done_on IS NULL "
            "AND due_date IS NOT NULL AND due_date < ? AND lead_dept = ? ORDER BY due_date, id",
            (today.isoformat(), department),
        )
    ]


# -- 作废与恢复: run by records.void/restore (see storage/lifecycle.py) ----------------------


def _void_notes(store: Store, doc: Record) -> list[str]:
    """What voiding a 收文 leaves behind: paper still out with readers, live 督办 items."""
    from officedesk.storage import supervision

    what = INCOMING_DOCUMENT.describe_record(doc)
    out: list[str] = []
    held = [r.reader for r in workflow.outstanding(readings(store, int(doc["id"])))]
    if held:
        out.append(
            f"{what}的纸质文件仍在{'、'.join(held)}手上传阅（未退回）。作废后不再出现在任何清单中，"
            "请记得把文件收回。"
        )
    items = supervision.items_from(store, INCOMING_DOCUMENT.key, int(doc["id"]))
    if items:
        listed = "、".join(f"{i['serial']}（{i.get('status') or ''}）" for i in items)
        out.append(
            f"{what}已立为督办事项 {listed}。督办事项不随收文作废，仍在督办台账中办理；"
            "如也要作废，请到「督查督办」中作废。"
        )
    return out


LIFECYCLE = (Rules(INCOMING_DOCUMENT.key, notes=_void_notes, related=(SUPERVISION.key,)),)
