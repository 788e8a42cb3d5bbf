"""The 收文 workflow rules without a store: holder, state checks, summaries, several 批示."""

from __future__ import annotations

import datetime as dt

import pytest

from officedesk.core import workflow
from officedesk.core.workflow import Reading, WorkflowError

T = dt.datetime


def test_holder_is_the_last_reader_still_holding_the_paper() -> None:
    a = Reading(1, "张局长", T(2026, 3, 5, 9))
    b = Reading(2, "刘书记", T(2026, 3, 5, 11))
    assert workflow.holder_of([]) == ""
    assert workflow.holder_of([a]) == "张局长"
    assert workflow.holder_of([a, b]) == "刘书记等2人"
    back = Reading(2, "刘书记", T(2026, 3, 5, 11), T(2026, 3, 6, 8))
    assert workflow.holder_of([a, back]) == "张局长"


@pytest.mark.parametrize(("key", "status", "message"), [
    ("答复", "办理中", "请先办结，再登记答复"),
    ("待归档", "办理中", "只有已办结的收文才能转待归档"),
    ("催办", "已办结", "这份收文已办结，无需催办"),
    ("办结", "待归档", "这份收文已办结；如需更正，请先撤销原来的办结"),
    ("拟办", "退文", "这份收文已退文；如退文有误，请在办理记录中撤销初审"),
    ("批示", "已归档", "这份收文已归档，不能再办理"),
    ("退回", "传阅中", "这份收文没有送出未退回的传阅记录"),
])  # fmt: skip
def test_state_checks(key: str, status: str, message: str) -> None:
    with pytest.raises(WorkflowError) as err:
        workflow.check_state(workflow.step(key), {"status": status})
    assert str(err.value) == message


def test_clean_parses_dates_and_names_the_bad_field() -> None:
    spec = workflow.step("传阅")
    got = workflow.clean(spec, {"reader": " 张局长 ", "sent_at": "2026/3/5 9:30"})
    assert got == {"reader": "张局长", "sent_at": T(2026, 3, 5, 9, 30), "note": None}
    with pytest.raises(WorkflowError, match="「送阅时间」不是有效的日期：昨天") as err:
        workflow.clean(spec, {"reader": "张局长", "sent_at": "昨天"})
    assert err.value.field == "sent_at"
    with pytest.raises(WorkflowError, match="「催办方式」应为") as err:
        workflow.clean(workflow.step("催办"), {"reminded_on": "2026-03-05", "method": "飞鸽",
                                             "reminded_by": "王明"})  # fmt: skip


def test_a_step_dated_before_receipt_is_refused() -> None:
    record = {"status": "已登记", "received_at": T(2026, 3, 5, 9)}
    spec = workflow.step("拟办")
    values = workflow.clean(
        spec, {"proposal": "拟办", "proposer": "李芳", "proposed_on": "2026-03-04"}
    )
    with pytest.raises(WorkflowError, match="早于签收日期 2026-03-05") as err:
        workflow.check(spec, record, values)
    assert err.value.field == "proposed_on"


def test_several_instructions_are_signed_and_dated() -> None:
    one = [("张局长", dt.date(2026, 3, 4), "同意。")]
    assert workflow.combined_instruction(one) == ("同意。", "张局长", dt.date(2026, 3, 4))
    two = [*one, ("刘书记", dt.date(2026, 3, 5), "抓紧。")]
    assert workflow.combined_instruction(two) == (
        "同意。（张局长 2026-03-04）\n抓紧。（刘书记 2026-03-05）",
        "刘书记",
        dt.date(2026, 3, 5),
    )
