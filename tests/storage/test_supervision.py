"""The 督办 ledger: computed status, creation from a 收文 批示, log with undo; 工作台 buckets."""

from __future__ import annotations

import datetime as dt

import pytest

from officedesk.core import supervision as rules
from officedesk.core.registers import INCOMING_DOCUMENT, SUPERVISION
from officedesk.core.workflow import WorkflowError
from officedesk.storage import agenda, records, supervision, workflow
from officedesk.storage.db import Store
from tests.storage.seeds import due_document

D = dt.date
TODAY = D(2026, 3, 10)


@pytest.mark.parametrize(("due", "done", "extended", "expected"), [
    (D(2026, 3, 9), None, False, "逾期"),
    (D(2026, 3, 9), None, True, "逾期"),
    (D(2026, 3, 10), None, False, "临期"),
    (D(2026, 3, 13), None, False, "临期"),
    (D(2026, 3, 14), None, False, "在办"),
    (D(2026, 3, 14), None, True, "已延期"),
    (None, None, False, "在办"),
    (D(2026, 3, 1), D(2026, 3, 5), False, "已办结"),
])  # fmt: skip
def test_status_rule_in_python_and_sql_agree(
    store: Store, due: D | None, done: D | None, extended: bool, expected: str
) -> None:
    assert rules.status(due, done, extended, TODAY, 3) == expected
    item = supervision.create_item(
        store,
        {
            "assigned_on": D(2026, 3, 1),
            "content": "事项",
            "due_date": due,
            "done_on": done,
            "extended": extended,
        },
    )
    supervision.refresh_status(store, TODAY, 3)
    assert records.get(store, SUPERVISION, item["id"])["status"] == expected


def test_create_from_document_links_both_ways(store: Store) -> None:
    doc = records.insert(
        store,
        INCOMING_DOCUMENT,
        {
            "received_at": dt.datetime(2026, 3, 2, 9),
            "sender": "市林业局",
            "title": "关于春季造林的通知",
        },
    )
    with pytest.raises(WorkflowError, match="还没有登记领导批示"):
        supervision.create_from_document(store, doc["id"])
    workflow.record_step(
        store,
        doc["id"],
        "批示",
        {"leader": "张局长", "given_on": "2026-03-03", "text": "请造林科牵头落实"},
    )
    workflow.record_step(
        store,
        doc["id"],
        "承办",
        {
            "lead_dept": "造林科",
            "handler": "赵强",
            "due_date": "2026-03-20",
            "assigned_on": "2026-03-03",
        },
    )
    item = supervision.create_from_document(store, doc["id"])
    assert item["source"] == "领导批示" and item["source_register"] == "documents"
    assert item["source_id"] == doc["id"]
    assert item["source_text"] == f"{doc['serial']}《关于春季造林的通知》"
    assert (item["content"], item["lead_unit"], item["owner"], item["leader"]) == (
        "关于春季造林的通知",
        "造林科",
        "赵强",
        "张局长",
    )
    assert item["due_date"] == D(2026, 3, 20) and item["assigned_on"] == D(2026, 3, 3)
    assert item["serial"].startswith("督〔2026〕")
    assert [i["id"] for i in supervision.items_from(store, "documents", doc["id"])] == [item["id"]]
    with pytest.raises(WorkflowError, match="已立为督办事项"):
        supervision.create_from_document(store, doc["id"])


def test_log_extension_completion_review_and_undo(store: Store) -> None:
    item = supervision.create_item(
        store,
        {
            "assigned_on": D(2026, 3, 1),
            "content": "整改",
            "due_date": D(2026, 3, 20),
            "lead_unit": "林政科",
        },
    )
    supervision.add_log(store, item["id"], "进展", {"acted_on": "2026-03-05", "text": "已完成一半"})
    with pytest.raises(WorkflowError, match="须晚于原时限"):
        supervision.add_log(
            store,
            item["id"],
            "延期",
            {
                "acted_on": "2026-03-06",
                "new_due": "2026-03-10",
                "text": "x",
                "approved_by": "张局长",
            },
        )
    with pytest.raises(WorkflowError, match="批准人"):
        supervision.add_log(
            store,
            item["id"],
            "延期",
            {"acted_on": "2026-03-06", "new_due": "2026-04-30", "text": "汛期"},
        )
    got = supervision.add_log(
        store,
        item["id"],
        "延期",
        {
            "acted_on": "2026-03-06",
            "new_due": "2026-04-30",
            "text": "汛期",
            "approved_by": "张局长",
        },
    )
    assert got["due_date"] == D(2026, 4, 30) and got["extended"]
    with pytest.raises(WorkflowError, match="办结情况"):
        supervision.add_log(store, item["id"], "办结", {"acted_on": "2026-04-20"})
    got = supervision.add_log(
        store, item["id"], "办结", {"acted_on": "2026-04-20", "text": "已整改"}
    )
    assert got["status"] == "已办结"
    got = supervision.add_log(
        store,
        item["id"],
        "审核",
        {"acted_on": "2026-04-21", "answer": "退回重办", "text": "材料不全"},
    )
    assert got["done_on"] is None and got["review"] == "退回重办" and got["status"] != "已办结"
    supervision.undo_last_log(store, item["id"])
    got = records.get(store, SUPERVISION, item["id"])
    assert got["done_on"] == D(2026, 4, 20) and got["status"] == "已办结"
    lines = [supervision.log_line(e) for e in supervision.log(store, item["id"])]
    assert lines[1].startswith("2026-03-06　延期：延至 2026-04-30，理由：汛期，批准人：张局长")
    assert lines[-1].endswith("（已撤销）")


def test_agenda_buckets_a_seeded_set_exactly(store: Store) -> None:
    def doc(title: str, due: D | None, done: D | None = None, dept: str = "林政科") -> int:
        return due_document(store, title, due, done, dept)

    overdue = doc("逾期件", D(2026, 3, 9))
    today = doc("今日件", TODAY, dept="办公室")
    soon = doc("三日内件", D(2026, 3, 13))
    doc("四日后件", D(2026, 3, 14))
    doc("已办结件", D(2026, 3, 5), done=D(2026, 3, 4))
    doc("无时限件", None)
    voided = doc("作废件", D(2026, 3, 8))
    records.void(store, INCOMING_DOCUMENT, voided, "重复")
    item = supervision.create_item(
        store,
        {
            "assigned_on": D(2026, 3, 1),
            "content": "督办今日",
            "due_date": TODAY,
            "lead_unit": "造林科",
            "owner": "钱丽",
        },
    )
    supervision.create_item(
        store,
        {
            "assigned_on": D(2026, 3, 1),
            "content": "督办已结",
            "due_date": D(2026, 3, 2),
            "done_on": D(2026, 3, 2),
        },
    )
    [section] = [s for s in agenda.collect(store, TODAY, 3) if s.key == "due"]
    got = {(ln.register, ln.record_id): (ln.bucket, ln.group) for ln in section.lines}
    assert got == {
        ("documents", overdue): ("已逾期", "林政科 · 赵强"),
        ("documents", today): ("今日到期", "办公室 · 赵强"),
        ("supervision", item["id"]): ("今日到期", "造林科 · 钱丽"),
        ("documents", soon): ("3日内到期", "林政科 · 赵强"),
    }
    assert section.buckets == ("今日到期", "3日内到期", "已逾期")
    # The next day the 今日 items are overdue.
    [section] = [
        s for s in agenda.collect(store, TODAY + dt.timedelta(days=1), 3) if s.key == "due"
    ]
    assert {ln.record_id for ln in section.lines if ln.bucket == "已逾期"} == {
        overdue,
        today,
        item["id"],
    }
