"""The 督办 ledger: items (by hand, from a 收文 批示, from a meeting decision), their dated log
(进展, 催办, 延期, 办结, 审核) with undo of the last entry, and the computed status kept stored."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from officedesk.core import supervision as rules
from officedesk.core.fields import Record
from officedesk.core.registers import INCOMING_DOCUMENT, SUPERVISION
from officedesk.core.values import parse_date
from officedesk.core.workdays import deadline
from officedesk.core.workflow import WorkflowError
from officedesk.storage import records, settings
from officedesk.storage.db import Store, new_uuid, now_text
from officedesk.storage.errors import ValidationError
from officedesk.storage.lifecycle import Rules

LOG_COLUMNS = ("acted_on", "acted_by", "text", "method", "answer", "new_due", "approved_by")


def _today() -> dt.date:
    return dt.date.today()


def _status_of(store: Store, item: Record, today: dt.date | None = None) -> str:
    days = int(settings.get(store, "due_soon_days"))
    return rules.status(item.get("due_date"), item.get("done_on"), bool(item.get("extended")),
                        today or _today(), days)  # fmt: skip


def _with_deadline(store: Store, values: Record) -> Record:
    """A period (N 自然日/工作日) without a date: the date counted from 交办日期."""
    out = dict(values)
    if out.get("due_n") and not out.get("due_date") and out.get("assigned_on"):
        start = out["assigned_on"]
        if not isinstance(start, dt.date):
            start = parse_date(str(start))
        due, estimated = deadline(settings.calendar(store), start, int(out["due_n"]),
                                  str(out.get("due_unit") or "自然日"))  # fmt: skip
        out.update(due_date=due, due_estimated=estimated)
    return out


def create_item(
    store: Store,
    values: Record,
    source_register: str | None = None,
    source_id: int | None = None,
    source_text: str | None = None,
) -> Record:
    """A new 督办 item, linked to the row it came from (register key and id, and a text that
    still says what it was if that row goes away). The serial is allocated; status computed."""
    data = _with_deadline(store, {"assigned_on": _today(), **values})
    if source_register is not None:
        data.update(source_register=source_register, source_id=source_id)
    if source_text is not None:
        data["source_text"] = source_text
    data["status"] = _status_of(store, data)
    return records.insert(store, SUPERVISION, data)


def items_from(store: Store, source_register: str, source_id: int) -> list[Record]:
    """The live 督办 items created from one row (the link back from a 收文 or a meeting)."""
    return [
        records.typed(SUPERVISION, r)
        for r in store.read_dicts(
            "SELECT * FROM supervision_item WHERE source_register = ? AND source_id = ? "
            "AND voided_at IS NULL ORDER BY id",
            (source_register, source_id),
        )
    ]


def create_from_document(store: Store, document_id: int, today: dt.date | None = None) -> Record:
    """One action on a 收文 with a 批示: the 督办 item, its fields carried over, linked both ways.

    Refused (WorkflowError) without a 批示, or when the 收文 is already a 督办 item."""
    doc = records.get(store, INCOMING_DOCUMENT, document_id)
    if doc.get("voided_at"):
        raise WorkflowError("这份收文已作废，不能立为督办事项")
    if not doc.get("instruction"):
        raise WorkflowError("这份收文还没有登记领导批示；请先登记批示，再立为督办事项")
    existing = items_from(store, INCOMING_DOCUMENT.key, document_id)
    if existing:
        raise WorkflowError(f"这份收文已立为督办事项 {existing[0]['serial']}")
    text = INCOMING_DOCUMENT.describe_record(doc)
    values: Record = {
        "source": "领导批示",
        "assigned_on": doc.get("instructed_on") or today or _today(),
        "content": doc.get("title"),
        "instruction": doc.get("instruction"),
        "lead_unit": doc.get("lead_dept"),
        "assist_units": doc.get("assist_depts"),
        "leader": doc.get("instructed_by"),
        "owner": doc.get("handler"),
        "due_date": doc.get("due_date"),
        "due_n": doc.get("due_n"),
        "due_unit": doc.get("due_unit"),
        "due_estimated": doc.get("due_estimated"),
    }
    return create_item(store, values, INCOMING_DOCUMENT.key, document_id, text)


def _check(kind: str, item: Record, v: Record) -> None:
    done = bool(item.get("done_on"))
    if item.get("voided_at"):
        raise WorkflowError("这条督办事项已作废，请先从回收站恢复")
    if not v.get("acted_on"):
        raise WorkflowError(f"{kind}：「日期」必须填写", "acted_on")
    if kind == "进展" and not v.get("text"):
        raise WorkflowError("进展：「进展情况」必须填写", "text")
    if kind == "催办":
        if done:
            raise WorkflowError("这条督办事项已办结，无需催办")
        if not v.get("method"):
            raise WorkflowError("催办：「催办方式」必须填写", "method")
    if kind == "延期":
        if done:
            raise WorkflowError("这条督办事项已办结，不能延期")
        if not v.get("new_due"):
            raise WorkflowError("延期：「延至」必须填写", "new_due")
        old = item.get("due_date")
        if old is not None and v["new_due"] <= old:
            raise WorkflowError(f"延期：新的办结时限须晚于原时限 {old.isoformat()}", "new_due")
        if not v.get("text"):
            raise WorkflowError("延期：「延期理由」必须填写", "text")
        if not v.get("approved_by"):
            raise WorkflowError("延期：「批准人」必须填写", "approved_by")
    if kind == "办结":
        if done:
            raise WorkflowError("这条督办事项已办结")
        if not v.get("text"):
            raise WorkflowError("办结：「办结情况」必须填写", "text")
    if kind == "审核":
        if not done:
            raise WorkflowError("尚未办结，不能审核")
        if v.get("answer") not in ("通过", "退回重办"):
            raise WorkflowError("审核：「审核结果」应为 通过 或 退回重办", "answer")


def _changes(kind: str, v: Record) -> Record:
    if kind == "延期":
        return {"due_date": v["new_due"], "due_n": None, "due_unit": None,
                "due_estimated": False, "extended": True}  # fmt: skip
    if kind == "办结":
        return {"done_on": v["acted_on"], "result": v["text"], "review": ""}
    if kind == "审核":
        if v["answer"] == "退回重办":
            return {"review": "退回重办", "done_on": None}
        return {"review": "通过"}
    return {}


def _typed_log(raw: Record) -> Record:
    out: Record = {}
    for k in LOG_COLUMNS:
        value = raw.get(k)
        out[k] = value.strip() if isinstance(value, str) else value
    for k in ("acted_on", "new_due"):
        value = out.get(k)
        if isinstance(value, dt.datetime):
            out[k] = value.date()
        elif value not in (None, "") and not isinstance(value, dt.date):
            try:
                out[k] = parse_date(str(value))
            except ValueError:
                raise WorkflowError(f"「日期」不是有效的日期：{value}", k) from None
        elif value == "":
            out[k] = None
    return out


def add_log(
    store: Store, item_id: int, kind: str, raw: Record, today: dt.date | None = None
) -> Record:
    """Record one log entry (进展, 催办, 延期, 办结, 审核) and what it changes; the item after."""
    if kind not in rules.LOG_KINDS:
        raise KeyError(f"督办记录只有：{'、'.join(rules.LOG_KINDS)}")
    v = _typed_log(raw)
    with store.transaction() as c:
        item = records.get(store, SUPERVISION, item_id)
        _check(kind, item, v)
        change = _changes(kind, v)
        after = {**item, **change}
        change["status"] = _status_of(store, after, today)
        before = {k: records.to_sql(SUPERVISION.field(k), item.get(k)) for k in change}
        stamp = now_text()
        values = [v[k].isoformat() if isinstance(v[k], dt.date) else v[k] for k in LOG_COLUMNS]
        c.execute(
            f"INSERT INTO supervision_log (uuid, created_at, updated_at, item_id, kind, "
            f"{', '.join(LOG_COLUMNS)}, before) VALUES ({', '.join('?' * (len(LOG_COLUMNS) + 6))})",
            [new_uuid(), stamp, stamp, item_id, kind, *values, json.dumps(before)],
        )
        return records.update(store, SUPERVISION, item_id, change)


def log(store: Store, item_id: int) -> list[dict[str, Any]]:
    """The item's log entries in the order entered (undone ones included, marked)."""
    return store.read_dicts(
        "SELECT id, kind, acted_on, acted_by, text, method, answer, new_due, approved_by, "
        "undone_at FROM supervision_log WHERE item_id = ? AND voided_at IS NULL ORDER BY id",
        (item_id,),
    )


def log_line(entry: dict[str, Any]) -> str:
    """One log entry as a line of text."""
    kind, who = entry["kind"], entry.get("acted_by")
    text = entry.get("text") or ""
    if kind == "催办":
        text = f"{entry.get('method') or ''}催办" + (
            f"，答复：{entry['answer']}" if entry.get("answer") else ""
        )
    elif kind == "延期":
        text = f"延至 {entry.get('new_due')}，理由：{text}，批准人：{entry.get('approved_by')}"
    elif kind == "审核":
        text = (entry.get("answer") or "") + (f"：{text}" if text else "")
    line = f"{entry['acted_on']}　{'〔' + who + '〕' if who else ''}{kind}：{text}"
    return line + ("（已撤销）" if entry.get("undone_at") else "")


def undo_last_log(store: Store, item_id: int, today: dt.date | None = None) -> str:
    """Undo the latest log entry of an item (entered by mistake); its line."""
    with store.transaction() as c:
        rows = store.read_dicts(
            "SELECT * FROM supervision_log WHERE item_id = ? AND undone_at IS NULL "
            "AND voided_at IS NULL ORDER BY id DESC LIMIT 1",
            (item_id,),
        )
        if not rows:
            raise WorkflowError("这条督办事项没有可撤销的记录")
        last = rows[0]
        stamp = now_text()
        c.execute("UPDATE supervision_log SET undone_at = ?, updated_at = ? WHERE id = ?",
                  (stamp, stamp, last["id"]))  # fmt: skip
        before = json.loads(last["before"])
        item = records.get(store, SUPERVISION, item_id)
        restored = {**item, **{k: v for k, v in before.items()}}
        before["status"] = _status_of(store, records.typed(SUPERVISION, restored), today)
        records.update(store, SUPERVISION, item_id, before)
    return log_line(last)


def refresh_status(store: Store, today: dt.date, due_soon_days: int) -> int:
    """Bring the stored status of open items up to `today` (临期 and 逾期 move with the date);
    the number of items changed. One statement: quick on 100,000 items."""
    expr, params = rules.status_sql(today, due_soon_days)
    with store.transaction() as c:
        cur = c.execute(
            f"UPDATE supervision_item SET status = {expr} "
            f"WHERE voided_at IS NULL AND status IS NOT {expr}",
            [*params, *params],
        )
        return int(cur.rowcount)


def recompute(store: Store, item_id: int, today: dt.date | None = None) -> Record:
    """Store the computed status of one item (after it was typed or corrected by hand)."""
    item = records.get(store, SUPERVISION, item_id)
    wanted = _status_of(store, item, today)
    if item.get("status") == wanted:
        return item
    return records.update(store, SUPERVISION, item_id, {"status": wanted})


def report_rows(
    store: Store, today: dt.date, since: dt.date, due_soon_days: int
) -> dict[str, list[Record]]:
    """The 督办通报's three lists: done since `since`, due within N days, overdue (open)."""
    soon = (today + dt.timedelta(days=due_soon_days)).isoformat()
    base = "SELECT * FROM supervision_item WHERE voided_at IS NULL AND "
    order = " ORDER BY lead_unit, due_date, id"
    queries = {
        "done": (base + "done_on IS NOT NULL AND done_on >= ? AND done_on <= ?" + order,
                 (since.isoformat(), today.isoformat())),
        "due": (base + "done_on IS NULL AND due_date >= ? AND due_date <= ?" + order,
                (today.isoformat(), soon)),
        "overdue": (base + "done_on IS NULL AND due_date < ?" + order, (today.isoformat(),)),
    }  # fmt: skip
    return {
        key: [records.typed(SUPERVISION, r) for r in store.read_dicts(sql, params)]
        for key, (sql, params) in queries.items()
    }


# -- 作废与恢复: run by records.void/restore (see storage/lifecycle.py) ----------------------


def _check_restore(store: Store, item: Record, reason: str) -> None:
    """A 收文 is a 督办 item once: an item voided and made again from the same 收文 stays voided."""
    if item.get("source_register") != INCOMING_DOCUMENT.key or not item.get("source_id"):
        return
    again = items_from(store, INCOMING_DOCUMENT.key, int(item["source_id"]))
    if again:
        raise ValidationError(
            f"督办事项 {item.get('serial')} 来自{item.get('source_text') or '的收文'}，"
            f"这份收文已重新立为督办事项 {again[0]['serial']}，同一份收文只立一项督办。"
            f"如确要恢复 {item.get('serial')}，请先作废 {again[0]['serial']}。"
        )


LIFECYCLE = (
    Rules(SUPERVISION.key, check_restore=_check_restore, related=(INCOMING_DOCUMENT.key,)),
)
