"""作废 and 恢复 with the areas' rules (storage/lifecycle.py), on a real store, through the one
generic path every caller uses (records.void / records.restore)."""

from __future__ import annotations

import datetime as dt

import pytest

from officedesk.core.registers import (
    ARCHIVE_ITEM,
    ARCHIVE_LOAN,
    INCOMING_DOCUMENT,
    MEETING,
    PETITION,
    RECEPTION,
    SUPERVISION,
)
from officedesk.storage import (
    archive,
    archive_loans,
    lifecycle,
    meeting_minutes,
    meetings,
    reception,
    records,
    settings,
    supervision,
    workflow,
)
from officedesk.storage.db import Store
from officedesk.storage.errors import ValidationError
from officedesk.storage.meetings import ConflictError, Plan

NO = "Z109-WS·2024-D10-BGS-0001"


def _document(store: Store, title: str = "关于做好春季森林防火工作的通知", **extra: object):
    base = {
        "received_at": dt.datetime(2024, 3, 6, 9, 30), "sender": "省林业和草原局",
        "sender_ref": "林草发〔2024〕12号", "title": title, "issued_on": dt.date(2024, 3, 5),
        "doc_type": "通知", "lead_dept": "办公室", "status": "已办结",
        "done_on": dt.date(2024, 3, 20),
    }  # fmt: skip
    return records.insert(store, INCOMING_DOCUMENT, {**base, **extra})


def _filed(store: Store):
    settings.set_many(store, {"fonds_no": "Z109", "archive_scheme": "年度-机构(问题)-保管期限"})
    doc = _document(store)
    return doc, archive.file_document(store, doc["id"])


def _doc_state(store: Store, doc_id: int) -> tuple[str, str | None]:
    doc = records.get(store, INCOMING_DOCUMENT, doc_id)
    return doc["status"], doc["archive_no"]


# -- 档案 -------------------------------------------------------------------------------------


def test_voiding_a_item_by_the_generic_path_sends_its_document_back(store: Store) -> None:
    doc, item = _filed(store)
    assert _doc_state(store, doc["id"]) == ("已归档", NO)
    records.void(store, ARCHIVE_ITEM, item["id"], "归错")  # the 回收站/Del path, not void_item
    assert _doc_state(store, doc["id"]) == ("待归档", None)
    assert [d["id"] for d in archive.fileable(store, 2024)] == [doc["id"]]
    records.restore(store, ARCHIVE_ITEM, item["id"])
    assert _doc_state(store, doc["id"]) == ("已归档", NO)  # same number back
    assert archive.fileable(store, 2024) == []


def test_a_filed_document_is_not_voided_under_its_item(store: Store) -> None:
    doc, item = _filed(store)
    with pytest.raises(ValidationError) as caught:
        records.void(store, INCOMING_DOCUMENT, doc["id"], "重复登记")
    text = str(caught.value)
    assert f"已归档，档号 {NO}" in text and "请先在「档案」中作废" in text
    assert records.get(store, INCOMING_DOCUMENT, doc["id"])["voided_at"] is None
    # The inspector's order: the 件 first (its 收文 goes back to 待归档), then the 收文.
    records.void(store, ARCHIVE_ITEM, item["id"])
    assert records.void(store, INCOMING_DOCUMENT, doc["id"], "重复登记")["voided_at"]


def test_restoring_an_item_is_refused_when_its_document_moved_on(store: Store) -> None:
    doc, item = _filed(store)
    records.void(store, ARCHIVE_ITEM, item["id"])
    again = archive.file_document(store, doc["id"])  # filed anew: 0002
    with pytest.raises(ValidationError, match=f"已重新归档为 {again['archive_no']}"):
        records.restore(store, ARCHIVE_ITEM, item["id"])
    assert records.get(store, ARCHIVE_ITEM, item["id"])["voided_at"]  # still in the bin
    assert _doc_state(store, doc["id"]) == ("已归档", again["archive_no"])
    # A voided 收文 must come back first.
    records.void(store, ARCHIVE_ITEM, again["id"])
    records.void(store, INCOMING_DOCUMENT, doc["id"])
    with pytest.raises(ValidationError, match="请先在「收文登记」的回收站恢复"):
        records.restore(store, ARCHIVE_ITEM, item["id"])
    records.restore(store, INCOMING_DOCUMENT, doc["id"])
    records.restore(store, ARCHIVE_ITEM, item["id"])
    assert _doc_state(store, doc["id"]) == ("已归档", NO)


def test_restoring_an_item_of_a_document_no_longer_done_is_refused(store: Store) -> None:
    doc, item = _filed(store)
    records.void(store, ARCHIVE_ITEM, item["id"])
    records.update(store, INCOMING_DOCUMENT, doc["id"], {"status": "办理中", "done_on": None})
    with pytest.raises(ValidationError, match="「办理中」，尚未办结"):
        records.restore(store, ARCHIVE_ITEM, item["id"])


def test_an_item_out_on_loan_is_not_voided(store: Store) -> None:
    _doc, item = _filed(store)
    loan = archive_loans.lend(store, item["id"], "李明", dt.date(2026, 3, 1))
    with pytest.raises(ValidationError, match="借给李明，尚未归还"):
        records.void(store, ARCHIVE_ITEM, item["id"])
    archive_loans.give_back(store, loan["id"], dt.date(2026, 3, 2))
    records.void(store, ARCHIVE_ITEM, item["id"])


def test_a_loan_is_not_restored_while_the_item_is_out_again(store: Store) -> None:
    _doc, item = _filed(store)
    first = archive_loans.lend(store, item["id"], "李明", dt.date(2026, 3, 1))
    records.void(store, ARCHIVE_LOAN, first["id"], "登记错人")
    archive_loans.lend(store, item["id"], "张三", dt.date(2026, 3, 1))
    with pytest.raises(ValidationError, match="借给张三，尚未归还"):
        records.restore(store, ARCHIVE_LOAN, first["id"])


# -- 会议 -------------------------------------------------------------------------------------


def _plan(name: str, start: str, end: str, chair: str = "") -> Plan:
    return Plan({"name": name, "starts_at": start, "ends_at": end, "room": "第一会议室",
                 "chair": chair, "category": "专题会"}, [], [])  # fmt: skip


def test_restoring_a_meeting_checks_conflicts_again(store: Store) -> None:
    meetings.save_room(store, {"name": "第一会议室", "capacity": 20})
    first = meetings.save(store, _plan("党委会", "2026-03-04 09:00", "2026-03-04 11:00"))
    records.void(store, MEETING, first["id"], "录重了")
    later = meetings.save(store, _plan("专题会", "2026-03-04 10:00", "2026-03-04 12:00"))
    with pytest.raises(ConflictError) as caught:
        records.restore(store, MEETING, first["id"])
    assert caught.value.conflicts and "会议室冲突" in str(caught.value)
    assert "恢复" in str(caught.value) and "专题会" in str(caught.value)
    assert records.get(store, MEETING, first["id"])["voided_at"]  # still in the bin
    back = records.restore(store, MEETING, first["id"], reason="专题会改在小会议室")
    assert back["voided_at"] is None and back["conflict_reason"] == "专题会改在小会议室"
    assert "专题会" in back["conflicts"]
    # Without a clash there is nothing to give a reason for, and old conflicts are cleared.
    records.void(store, MEETING, later["id"])
    records.void(store, MEETING, first["id"])
    again = records.restore(store, MEETING, first["id"])
    assert (again["conflict_reason"], again["conflicts"]) == (None, None)


def test_a_cancelled_meeting_is_restored_without_a_check(store: Store) -> None:
    first = meetings.save(store, _plan("党委会", "2026-03-04 09:00", "2026-03-04 11:00"))
    meetings.cancel(store, first["id"], "改期")
    records.void(store, MEETING, first["id"])
    meetings.save(store, _plan("专题会", "2026-03-04 10:00", "2026-03-04 12:00"))
    assert records.restore(store, MEETING, first["id"])["voided_at"] is None


def _decision_sent(store: Store):
    saved = meetings.save(store, _plan("党委会", "2026-03-04 09:00", "2026-03-04 10:00"))
    rows = meeting_minutes.save_minutes(store, saved["id"], "会议议定：", [
        {"text": "加强春季森林防火", "lead_unit": "防火办"}, {"text": "修订差旅办法"},
    ])  # fmt: skip
    item = meeting_minutes.to_supervision(store, rows[0]["id"], dt.date(2026, 3, 5))
    return saved, rows, item


def test_voiding_a_meeting_says_its_decisions_are_in_the_ledger(store: Store) -> None:
    saved, _rows, item = _decision_sent(store)
    notes = lifecycle.notes(store, MEETING, [saved["id"]])
    assert len(notes) == 1 and item["serial"] in notes[0] and "不随会议作废" in notes[0]
    records.void(store, MEETING, saved["id"])
    assert records.get(store, SUPERVISION, item["id"])["voided_at"] is None  # kept in the ledger


def test_a_voided_item_frees_its_decision_and_comes_back_linked(store: Store) -> None:
    saved, rows, item = _decision_sent(store)
    records.void(store, SUPERVISION, item["id"], "重复")
    decision = meeting_minutes.decisions(store, saved["id"])[0]
    assert decision["supervision_id"] is None  # free: may be edited or sent again
    meeting_minutes.save_minutes(store, saved["id"], "会议议定：",
                                 [{**decision, "text": "加强春季森林防火宣传"}, rows[1]])  # fmt: skip
    records.restore(store, SUPERVISION, item["id"])
    assert meeting_minutes.decisions(store, saved["id"])[0]["supervision_id"] == item["id"]
    # Sent again after a void: the old item would be a second one, so it stays in the bin.
    records.void(store, SUPERVISION, item["id"])
    again = meeting_minutes.to_supervision(store, rows[0]["id"])
    assert meeting_minutes.decisions(store, saved["id"])[0]["supervision_id"] == again["id"]
    with pytest.raises(ValidationError, match=f"已重新转督办（{again['serial']}）"):
        records.restore(store, SUPERVISION, item["id"])


# -- 收文 and 督办 -----------------------------------------------------------------------------


def test_voiding_a_document_names_readers_and_supervision(store: Store) -> None:
    doc = _document(store, status="已登记", done_on=None)
    workflow.record_step(store, doc["id"], "批示",
                         {"leader": "张局长", "given_on": "2024-03-07", "text": "请办公室落实"})  # fmt: skip
    workflow.record_step(store, doc["id"], "传阅",
                         {"reader": "刘书记", "sent_at": "2024-03-07 10:00"})  # fmt: skip
    item = supervision.create_from_document(store, doc["id"])
    notes = lifecycle.notes(store, INCOMING_DOCUMENT, [doc["id"]])
    assert any("刘书记手上传阅" in n for n in notes)
    assert any(item["serial"] in n and "不随收文作废" in n for n in notes)
    records.void(store, INCOMING_DOCUMENT, doc["id"], "重复登记")
    assert supervision.items_from(store, INCOMING_DOCUMENT.key, doc["id"])[0]["id"] == item["id"]


def test_a_document_is_supervised_once_across_void_and_restore(store: Store) -> None:
    doc = _document(store, status="已登记", done_on=None)
    workflow.record_step(store, doc["id"], "批示",
                         {"leader": "张局长", "given_on": "2024-03-07", "text": "请办公室落实"})  # fmt: skip
    first = supervision.create_from_document(store, doc["id"])
    records.void(store, SUPERVISION, first["id"], "立错")
    assert supervision.items_from(store, INCOMING_DOCUMENT.key, doc["id"]) == []
    second = supervision.create_from_document(store, doc["id"])
    with pytest.raises(ValidationError, match=f"已重新立为督办事项 {second['serial']}"):
        records.restore(store, SUPERVISION, first["id"])
    records.void(store, SUPERVISION, second["id"])
    records.restore(store, SUPERVISION, first["id"])
    assert [i["id"] for i in supervision.items_from(store, "documents", doc["id"])] == [first["id"]]


# -- batches and the areas without rules ------------------------------------------------------


def test_a_batch_is_all_or_nothing_and_names_the_row(store: Store) -> None:
    doc, _item = _filed(store)
    other = _document(store, "关于做好秋季森林防火工作的通知")
    with pytest.raises(ValidationError) as caught:
        records.void_many(store, INCOMING_DOCUMENT, [other["id"], doc["id"]], "重复")
    text = str(caught.value)
    assert text.startswith("第 2 条：") and "均未作废" in text and NO in text
    assert records.get(store, INCOMING_DOCUMENT, other["id"])["voided_at"] is None  # rolled back
    records.void_many(store, INCOMING_DOCUMENT, [other["id"]], "重复")
    assert records.get(store, INCOMING_DOCUMENT, other["id"])["void_reason"] == "重复"


def test_reception_rows_need_no_rule(store: Store) -> None:
    # Guests, meals, costs and petition steps are only ever read through their parent's id.
    assert lifecycle.of(RECEPTION) == [] and lifecycle.of(PETITION) == []
    saved = reception.save_petition(store, {"received_on": dt.date(2026, 3, 2), "form": "来信",
                                            "petitioner": "张某", "claim": "林权纠纷"})  # fmt: skip
    records.void(store, PETITION, saved["id"])
    assert records.restore(store, PETITION, saved["id"])["voided_at"] is None


def test_every_rule_names_a_register() -> None:
    from officedesk.core.registers import BY_KEY

    assert {r.register for r in lifecycle.rules()} <= set(BY_KEY)
    assert set(lifecycle.related(ARCHIVE_ITEM)) == {INCOMING_DOCUMENT.key}
