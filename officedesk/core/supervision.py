"""督办 status (DOMAIN.md §2): 在办 / 临期 / 逾期 / 已办结 / 已延期, computed, never typed.

The order of precedence: done beats everything; past the (possibly extended) deadline is 逾期;
within the due-soon days is 临期; an extended item otherwise shows 已延期; the rest are 在办.
storage/supervision.py keeps the stored column in step with the same rule in SQL.
"""

from __future__ import annotations

import datetime as dt

from officedesk.core.fields import Kind
from officedesk.core.traffic import Light, light
from officedesk.core.workflow import REMINDER_METHODS, Input

LOG_KINDS = ("进展", "催办", "延期", "办结", "审核")


def status(
    due: object, done: object, extended: bool, today: dt.date, due_soon_days: int = 3
) -> str:
    """The status of an item due on `due`, done on `done` (either may be empty), seen `today`."""
    # 逾期 and 临期 are the traffic light's 红 and 黄: one rule for the list and its status.
    mark = light(due, done, today, due_soon_days)
    if mark in (Light.DONE, Light.DONE_LATE):
        return "已办结"
    if mark is Light.OVERDUE:
        return "逾期"
    if mark is Light.DUE_SOON:
        return "临期"
    return "已延期" if extended else "在办"


def status_sql(today: dt.date, due_soon_days: int) -> tuple[str, list[str]]:
    """The same rule as an SQL expression over supervision_item, and its parameters."""
    soon = (today + dt.timedelta(days=due_soon_days)).isoformat()
    sql = (
        "CASE WHEN done_on IS NOT NULL AND done_on != '' THEN '已办结' "
        "WHEN due_date IS NOT NULL AND due_date != '' AND due_date < ? THEN '逾期' "
        "WHEN due_date IS NOT NULL AND due_date != '' AND due_date <= ? THEN '临期' "
        "WHEN extended THEN '已延期' ELSE '在办' END"
    )
    return sql, [today.isoformat(), soon]


def _log_steps() -> dict[str, tuple[str, tuple[Input, ...], str]]:
    people = "people"
    return {
        "进展": ("登记进展", (
            Input("acted_on", "日期", Kind.DATE, True),
            Input("text", "进展情况", Kind.LONGTEXT, True),
            Input("acted_by", "报告人", completion=people),
        ), "Ctrl+1"),
        "催办": ("催办", (
            Input("acted_on", "催办日期", Kind.DATE, True),
            Input("method", "催办方式", Kind.CHOICE, True, REMINDER_METHODS),
            Input("acted_by", "催办人", required=True, completion=people),
            Input("answer", "答复情况", Kind.LONGTEXT),
        ), "Ctrl+2"),
        "延期": ("延期", (
            Input("acted_on", "申请日期", Kind.DATE, True),
            Input("new_due", "延至", Kind.DATE, True),
            Input("text", "延期理由", Kind.LONGTEXT, True),
            Input("approved_by", "批准人", required=True, completion=people),
        ), "Ctrl+3"),
        "办结": ("办结", (
            Input("acted_on", "办结日期", Kind.DATE, True),
            Input("text", "办结情况", Kind.LONGTEXT, True),
            Input("acted_by", "报告人", completion=people),
        ), "Ctrl+4"),
        "审核": ("审核", (
            Input("acted_on", "审核日期", Kind.DATE, True),
            Input("answer", "审核结果", Kind.CHOICE, True, ("通过", "退回重办")),
            Input("text", "审核意见", Kind.LONGTEXT),
            Input("acted_by", "审核人", completion=people),
        ), "Ctrl+5"),
    }  # fmt: skip


LOG_STEPS = _log_steps()  # kind → (dialog title, inputs, shortcut)
