"""收文 workflow steps recorded in the store: rules, derived holder/stage, history and undo."""

from __future__ import annotations

import datetime as dt

import pytest

from officedesk.core.registers import INCOMING_DOCUMENT
from officedesk.core.workflow import WorkflowError
from officedesk.storage import records, workflow
from officedesk.storage.db import Store

D = dt.date
T = dt.datetime


def new_doc(store: Store, **extra: object) -> int:
    values = {
        "received_at": T(2026, 3, 2, 9, 0),
        "sender": "省林业和草原局",
        "title": "关于森林防火的通知",
        "receiver": "王明",
        **extra,
    }
    return int(records.insert(store, INCOMING_DOCUMENT, values)["id"])


def test_full_path_sets_columns_holder_and_history(store: Store) -> None:
    doc = new_doc(store)
    workflow.record_step(
        store,
        doc,
        "拟办",
        {"proposal": "拟请林政科办理", "proposer": "李芳", "proposed_on": "2026-03-02"},
    )
    workflow.record_step(
        store,
        doc,
        "批示",
        {"leader": "张局长", "given_on": D(2026, 3, 3), "text": "同意，请林政科抓紧办理。"},
    )
    workflow.record_step(
        store,
        doc,
        "批示",
        {"leader": "刘书记", "given_on": D(2026, 3, 4), "text": "请做好防火宣传。"},
    )
    rec = workflow.record_step(
        store,
        doc,
        "承办",
        {
            "lead_dept": "林政科",
            "handler": "赵强",
            "due_date": D(2026, 3, 9),
            "due_n": 5,
            "due_unit": "工作日",
            "assigned_on": D(2026, 3, 4),
        },
    )
    assert rec["status"] == "办理中" and rec["stage"] == "承办" and rec["due_n"] == 5
    rec = workflow.record_step(
        store, doc, "传阅", {"reader": "张局长", "sent_at": "2026-03-04 10:00"}
    )
    assert rec["holder"] == "张局长" and rec["status"] == "传阅中"
    rec = workflow.record_step(
        store, doc, "传阅", {"reader": "刘书记", "sent_at": "2026-03-04 11:00"}
    )
    assert rec["holder"] == "刘书记等2人"
    rec = workflow.record_step(
        store, doc, "退回", {"reader": "张局长", "returned_at": "2026-03-05 08:30", "note": "已阅"}
    )
    assert rec["holder"] == "刘书记"
    rec = workflow.record_step(
        store, doc, "退回", {"reader": "刘书记", "returned_at": "2026-03-05 09:00"}
    )
    assert rec["holder"] == "" or rec["holder"] is None
    assert rec["status"] == "办理中"
    workflow.record_step(
        store,
        doc,
        "催办",
        {
            "reminded_on": D(2026, 3, 6),
            "method": "电话",
            "reminded_by": "王明",
            "answer": "周一前报送",
        },
    )
    rec = workflow.record_step(
        store, doc, "办结", {"result": "已按要求落实", "done_on": D(2026, 3, 9)}
    )
    assert rec["status"] == "已办结" and rec["done_on"] == D(2026, 3, 9)
    rec = workflow.record_step(
        store, doc, "答复", {"reply_ref": "林办函〔2026〕3号", "replied_on": D(2026, 3, 10)}
    )
    assert rec["reply_ref"] == "林办函〔2026〕3号"
    assert rec["instruction"] == (
        "同意，请林政科抓紧办理。（张局长 2026-03-03）\n请做好防火宣传。（刘书记 2026-03-04）"
    )
    assert rec["instructed_by"] == "刘书记"
    steps = [e.step for e in workflow.history(store, doc)]
    assert steps == [
        "签收",
        "登记",
        "拟办",
        "批示",
        "批示",
        "承办",
        "传阅",
        "传阅",
        "退回",
        "退回",
        "催办",
        "办结",
        "答复",
    ]
    text = workflow.history_text(store, doc)
    assert "〔王明〕电话催办" in text or "〔王明〕催办：电话催办，答复：周一前报送" in text
    assert (
        store.read("SELECT count(*) FROM document_circulation WHERE returned_at IS NOT NULL")[0][0]
        == 2
    )


def test_rules_refuse_with_the_field_named(store: Store) -> None:
    doc = new_doc(store, urgency="特急")
    with pytest.raises(WorkflowError, match="特急件必须规定「办理时限」") as err:
        workflow.record_step(
            store, doc, "承办", {"lead_dept": "林政科", "assigned_on": "2026-03-02"}
        )
    assert err.value.field == "due_date"
    with pytest.raises(WorkflowError, match="办理结果") as err:
        workflow.record_step(store, doc, "办结", {"result": "", "done_on": "2026-03-05"})
    assert err.value.field == "result"
    workflow.record_step(store, doc, "传阅", {"reader": "张局长", "sent_at": "2026-03-04 10:00"})
    with pytest.raises(WorkflowError, match="早于送阅时间") as err:
        workflow.record_step(
            store, doc, "退回", {"reader": "张局长", "returned_at": "2026-03-04 09:00"}
        )
    assert err.value.field == "returned_at"
    with pytest.raises(WorkflowError, match="尚未退回"):
        workflow.record_step(
            store, doc, "传阅", {"reader": "张局长", "sent_at": "2026-03-04 12:00"}
        )
    with pytest.raises(WorkflowError, match="退文理由"):
        workflow.record_step(
            store, doc, "初审", {"review_result": "退文", "reviewed_on": "2026-03-02"}
        )
    with pytest.raises(WorkflowError, match="先办结"):
        workflow.record_step(store, doc, "答复", {"reply_ref": "x", "replied_on": "2026-03-05"})
    # nothing half-written
    assert store.read("SELECT count(*) FROM document_step")[0][0] == 1


def test_undo_last_step_restores_the_record(store: Store) -> None:
    doc = new_doc(store)
    workflow.record_step(store, doc, "传阅", {"reader": "张局长", "sent_at": "2026-03-04 10:00"})
    workflow.record_step(
        store, doc, "退回", {"reader": "张局长", "returned_at": "2026-03-04 16:00"}
    )
    first = workflow.history(store, doc)[2].step_id
    with pytest.raises(WorkflowError, match="只能撤销最近的一步"):
        workflow.undo_last(store, doc, first)
    assert workflow.undo_last(store, doc) == "退回：张局长 阅毕退回"
    rec = records.get(store, INCOMING_DOCUMENT, doc)
    assert rec["holder"] == "张局长" and rec["status"] == "传阅中"
    assert workflow.readings(store, doc)[0].returned_at is None
    workflow.undo_last(store, doc)
    rec = records.get(store, INCOMING_DOCUMENT, doc)
    assert not rec["holder"] and rec["status"] == "已登记"
    assert workflow.readings(store, doc) == []
    assert "（已撤销）" in workflow.history_text(store, doc)
    with pytest.raises(WorkflowError, match="没有可撤销"):
        workflow.undo_last(store, doc)


def test_returned_document_stops_until_the_review_is_undone(store: Store) -> None:
    doc = new_doc(store)
    rec = workflow.record_step(
        store,
        doc,
        "初审",
        {
            "review_result": "退文",
            "reviewed_on": "2026-03-02",
            "return_reason": "非本单位主办事项",
            "reviewer": "王明",
        },
    )
    assert (rec["status"], rec["stage"], rec["return_reason"]) == (
        "退文",
        "退文",
        "非本单位主办事项",
    )
    with pytest.raises(WorkflowError, match="已退文"):
        workflow.check_record_step(store, doc, "拟办")
    workflow.undo_last(store, doc)
    rec = records.get(store, INCOMING_DOCUMENT, doc)
    assert (rec["status"], rec["review_result"]) == ("已登记", None)


def test_a_task_is_assigned_before_it_is_done_and_filed_after(store: Store) -> None:
    doc = new_doc(store, handling="办件")
    with pytest.raises(WorkflowError, match="须先登记承办"):
        workflow.record_step(store, doc, "办结", {"result": "完成", "done_on": "2026-03-05"})
    with pytest.raises(WorkflowError, match="只有已办结"):
        workflow.check_record_step(store, doc, "待归档")
    workflow.record_step(store, doc, "承办", {"lead_dept": "林政科", "assigned_on": "2026-03-02"})
    workflow.record_step(store, doc, "办结", {"result": "完成", "done_on": "2026-03-05"})
    rec = workflow.record_step(store, doc, "待归档", {"handed_on": "2026-03-06", "clerk": "王明"})
    assert (rec["status"], rec["stage"]) == ("待归档", "待归档")  # the archive helper files it


def test_a_reading_document_is_done_after_its_round(store: Store) -> None:
    doc = new_doc(store)  # 阅件 by default
    workflow.record_step(store, doc, "传阅", {"reader": "张局长", "sent_at": "2026-03-02 10:00"})
    workflow.record_step(
        store, doc, "退回", {"reader": "张局长", "returned_at": "2026-03-03 09:00"}
    )
    rec = workflow.record_step(store, doc, "办结", {"result": "已阅", "done_on": "2026-03-03"})
    assert (rec["status"], rec["handling"], rec["holder"]) == ("已办结", "阅件", None)


def test_paper_out_with_readers_is_not_put_away_or_filed(store: Store) -> None:
    """A 收文 whose copies are still with readers can be 办结 but not 待归档 or filed: the
    return could never be recorded afterwards, and the paper would drop out of every list."""
    from officedesk.core.workflow import WorkflowError
    from officedesk.storage import archive, settings
    from officedesk.storage.errors import ValidationError

    settings.set_many(store, {"fonds_no": "Z109"})
    doc = records.insert(store, INCOMING_DOCUMENT, {
        "received_at": dt.datetime(2026, 3, 2, 9), "sender": "市林业局", "title": "防火通知",
        "handling": "阅件"})  # fmt: skip
    for reader in ("张三", "李四"):
        workflow.record_step(store, doc["id"], "传阅",
                             {"reader": reader, "sent_at": "2026-03-02 10:00"})  # fmt: skip
    workflow.record_step(store, doc["id"], "办结", {"result": "已阅", "done_on": "2026-03-03"})
    with pytest.raises(WorkflowError, match="张三、李四手中"):
        workflow.record_step(store, doc["id"], "待归档", {"handed_on": "2026-03-04"})
    with pytest.raises(ValidationError, match="张三、李四手中"):
        archive.file_document(store, doc["id"])
    workflow.record_step(
        store, doc["id"], "退回", {"reader": "张三", "returned_at": "2026-03-03 09:00"}
    )
    workflow.record_step(
        store, doc["id"], "退回", {"reader": "李四", "returned_at": "2026-03-03 10:00"}
    )
    assert archive.file_document(store, doc["id"])["archive_no"].startswith("Z109-WS·2026")


def test_a_step_dated_in_the_future_is_refused(store: Store) -> None:
    from officedesk.core.workflow import WorkflowError

    doc = records.insert(store, INCOMING_DOCUMENT, {
        "received_at": dt.datetime(2026, 3, 2, 9), "sender": "市林业局", "title": "防火通知"})  # fmt: skip
    far = (dt.date.today() + dt.timedelta(days=400)).isoformat()
    with pytest.raises(WorkflowError, match=r"「送阅时间」.*晚于今天") as caught:
        workflow.record_step(
            store, doc["id"], "传阅", {"reader": "张三", "sent_at": f"{far} 10:00"}
        )
    assert caught.value.field == "sent_at"
    assert store.read("SELECT count(*) FROM document_step")[0][0] == 0
