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
from officedesk.storage.lifecycle import Rules
from officedesk.storage.meetings import Row, children, clean_text, sync_children

DECISION_COLUMNS = ("text", "lead_unit", "owner", "due_date")


def decisions(store: Store, meeting_id: int) -> list[Row]:
    """The 议定事项 of the meeting's 纪要, in order.

    `supervision_id` is shown only while that 督办 item is live: a voided item frees its
    decision (it can be edited and sent again); the stored link stays, so restoring the item
    from the 回收站 links it again (see the rules at the end)."""
    rows = children(store, "meeting_decision", meeting_id)
    for row in rows:
        if row["supervision_id"] and not _live_item(store, int(row["supervision_id"])):
            row["supervision_id"] = None
    return rows


def _live_item(store: Store, item_id: int) -> bool:
    return bool(store.read(
        "SELECT 1 FROM supervision_item WHERE id = ? AND voided_at IS NULL", (item_id,)
    ))  # fmt: skip


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
    if d["supervision_id"] and _live_item(store, int(d["supervision_id"])):
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


# -- 作废与恢复: run by records.void/restore (see storage/lifecycle.py) ----------------------


def _sent(store: Store, meeting_id: int) -> list[str]:
    """The serials of the live 督办 items made from the meeting's decisions."""
    rows = store.read(
        "SELECT s.serial FROM meeting_decision d JOIN supervision_item s ON s.id = d.supervision_id "
        "WHERE d.meeting_id = ? AND d.voided_at IS NULL AND s.voided_at IS NULL ORDER BY d.seq",
        (meeting_id,),
    )
    return [str(r[0]) for r in rows]


def _void_notes(store: Store, meeting: Record) -> list[str]:
    """Voiding a meeting leaves the 督办 items of its decisions in the ledger: say so."""
    sent = _sent(store, int(meeting["id"]))
    if not sent:
        return []
    return [
        f"{MEETING.describe_record(meeting)}的 {len(sent)} 项议定事项已转督办（{'、'.join(sent)}）。"
        "这些督办事项不随会议作废，仍在督办台账中办理；如也要作废，请到「督查督办」中作废。"
    ]


def _check_restore_item(store: Store, item: Record, reason: str) -> None:
    """A 督办 item from a decision comes back linked to it, unless the decision was sent again."""
    if item.get("source_register") != MEETING.key:
        return
    linked = store.read(
        "SELECT id FROM meeting_decision WHERE supervision_id = ? LIMIT 1", (item["id"],)
    )
    if linked:
        return  # the decision still names this item (or was deleted from the 纪要): fine
    meeting_id = item.get("source_id")
    again = store.read(
        "SELECT s.serial FROM meeting_decision d JOIN supervision_item s ON s.id = d.supervision_id "
        "WHERE d.meeting_id = ? AND d.voided_at IS NULL AND s.voided_at IS NULL ORDER BY d.seq",
        (meeting_id,),
    )
    if meeting_id and again:
        raise ValidationError(
            f"督办事项 {item.get('serial')} 所来自的议定事项已重新转督办"
            f"（{_one_of([str(r[0]) for r in again])}），恢复会重复督办。"
            "请先作废重新转办的那一项，或让本项留在回收站。"
        )


def _one_of(serials: list[str]) -> str:
    return serials[0] if len(serials) == 1 else f"是 {'、'.join(serials)} 中的一项"


LIFECYCLE = (
    Rules(MEETING.key, notes=_void_notes, related=(SUPERVISION.key,)),
    Rules(SUPERVISION.key, check_restore=_check_restore_item, related=(MEETING.key,)),
)
