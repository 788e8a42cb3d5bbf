"""会议纪要: the 纪要 text and its 议定事项 as rows; 转督办 makes a decision a 督办 item once."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

from officedesk.core.fields import Record
from officedesk.core.registers.meetings import MEETING
from officedesk.core.registers.supervision import SUPERVISION
from officedesk.storage import records, supervision
from officedesk.storage.db import Store, now_text
from officedesk.storage.errors import ValidationError
from officedesk.storage.meetings import Row, children, clean_text, sync_children

DECISION_COLUMNS = ("text", "lead_unit", "owner", "due_date")


def decisions(store: Store, meeting_id: int) -> list[Row]:
    """The 议定事项 of the meeting's 纪要, in order."""
    return children(store, "meeting_decision", meeting_id)


def _clean_decision(row: Mapping[str, Any], n: int) -> Row:
    text = clean_text(row.get("text"))
    if not text:
        raise ValidationError(f"议定事项第 {n} 项：「内容」必须填写", field="decisions")
    due = row.get("due_date")
    if isinstance(due, dt.date):
        due = due.isoformat()
    elif clean_text(due):
        try:
            due = dt.date.fromisoformat(str(due).strip()).isoformat()
        except ValueError:
            raise ValidationError(
                f"议定事项第 {n} 项：「完成时限」不是有效日期（应如 2024-03-05）：{due}",
                field="decisions",
            ) from None
    else:
        due = None
    return {**{c: clean_text(row.get(c)) for c in DECISION_COLUMNS}, "text": text, "due_date": due}


def save_minutes(store: Store, meeting_id: int, text: str, items: Sequence[Row]) -> list[Row]:
    """Keep the 纪要 text and its 议定事项 (decisions already sent to 督办 keep their link)."""
    cleaned = [{**_clean_decision(d, n), "id": d.get("id")} for n, d in enumerate(items, 1)]
    with store.transaction():
        records.update(store, MEETING, meeting_id, {"minutes": clean_text(text)})
        old = {d["id"]: d for d in decisions(store, meeting_id)}
        for d in cleaned:
            before = old.get(d["id"])
            if before and before["supervision_id"] and before["text"] != d["text"]:
                raise ValidationError(
                    f"议定事项「{before['text'][:20]}」已转督办，内容不能再修改", field="decisions"
                )
        gone = [d for i, d in old.items() if i not in {c["id"] for c in cleaned}]
        for d in gone:
            if d["supervision_id"]:
                raise ValidationError(
                    f"议定事项「{d['text'][:20]}」已转督办，不能删除", field="decisions"
                )
        sync_children(store, "meeting_decision", meeting_id, cleaned, DECISION_COLUMNS)
    return decisions(store, meeting_id)


def to_supervision(store: Store, decision_id: int, assigned_on: dt.date | None = None) -> Record:
    """转督办: a 督办 item from one decision (source 会议决定); refused the second time."""
    found = store.read_dicts(
        "SELECT * FROM meeting_decision WHERE id = ? AND voided_at IS NULL", (decision_id,)
    )
    if not found:
        raise KeyError(f"议定事项第 {decision_id} 条不存在")
    d = found[0]
    if d["supervision_id"]:
        item = records.get(store, SUPERVISION, int(d["supervision_id"]))
        raise ValidationError(f"该议定事项已转督办（{item.get('serial')}），不能重复转办")
    meeting = records.get(store, MEETING, int(d["meeting_id"]))
    held = meeting["starts_at"].date() if meeting.get("starts_at") else dt.date.today()
    content = d["text"] if not meeting.get("name") else f"{d['text']}（{meeting['name']}议定）"
    with store.transaction() as c:
        # Linked both ways: the decision keeps the item's id, the item names the meeting.
        source_text = f"{meeting.get('name') or '会议'}（{held.isoformat()}）"
        item = supervision.create_item(store, {
            "source": "会议决定", "assigned_on": assigned_on or max(held, dt.date.today()),
            "content": content, "lead_unit": d["lead_unit"], "owner": d["owner"],
            "due_date": d["due_date"],
        }, MEETING.key, int(d["meeting_id"]), source_text)  # fmt: skip
        c.execute("UPDATE meeting_decision SET supervision_id = ?, updated_at = ? WHERE id = ?",
                  (item["id"], now_text(), decision_id))  # fmt: skip
    return item
