"""The content of the 传阅单 and 催办单: one description drawn by printing (paper, PDF) and
written by docx_forms (Word), so the two always say the same."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from officedesk.core.fields import format_value
from officedesk.core.registers import INCOMING_DOCUMENT
from officedesk.core.workflow import Reading


@dataclass(frozen=True)
class TableForm:
    """A titled form: lines of particulars, then a ruled table with room to write by hand."""

    title: str
    info: tuple[tuple[str, str], ...]  # (label, value), two to a line
    columns: tuple[tuple[str, float], ...]  # (header, share of the width)
    rows: tuple[tuple[str, ...], ...]
    blank_rows: int = 0  # empty ruled rows after the filled ones, to write in by hand
    foot: tuple[str, ...] = field(default=())
    landscape: bool = False

    def all_rows(self) -> list[tuple[str, ...]]:
        """The filled rows and the blank ones."""
        blank = ("",) * len(self.columns)
        return [*self.rows, *([blank] * self.blank_rows)]


def field_text(record: dict[str, Any], name: str) -> str:
    """A 收文 field as a form shows it."""
    return format_value(INCOMING_DOCUMENT.field(name), record.get(name))


def _minute(value: Any) -> str:
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    return str(value or "")[:16]


def day_text(value: Any) -> str:
    """A date or datetime (typed or stored) as 2024-03-05."""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value or "")[:10]


def circulation_form(
    record: dict[str, Any], readings: Sequence[Reading], unit_name: str, least_rows: int = 8
) -> TableForm:
    """传阅单: one row per reader (送阅时间, 退回时间, 签名, 意见), and blank rows to fill in."""
    rows = tuple(
        (str(n), r.reader, _minute(r.sent_at), _minute(r.returned_at), "", r.note)
        for n, r in enumerate(readings, start=1)
    )
    return TableForm(
        title=f"{unit_name}文件传阅单",
        info=(
            ("收文编号", field_text(record, "serial")), ("收文日期", day_text(record.get("received_at"))),
            ("来文单位", field_text(record, "sender")), ("来文字号", field_text(record, "sender_ref")),
            ("标　　题", field_text(record, "title")), ("密　　级", field_text(record, "secrecy")),
        ),
        columns=(("序号", 0.7), ("阅文人", 1.2), ("送阅时间", 2.4), ("退回时间", 2.4),
                 ("签名", 1.1), ("意见", 2.2)),
        rows=rows,
        blank_rows=max(0, least_rows - len(rows)),
        foot=("请阅后签名并注明退回时间，及时退回办公室；文件不得横传、不得复印。",),
    )  # fmt: skip


def overdue_days(due: Any, today: dt.date) -> int:
    """Days past the deadline on `today` (0 when not overdue)."""
    if not due:
        return 0
    day = due if isinstance(due, dt.date) else dt.date.fromisoformat(str(due)[:10])
    return max(0, (today - day).days)


def reminder_form(
    record: dict[str, Any], reminders: Sequence[dict[str, Any]], unit_name: str, today: dt.date
) -> TableForm:
    """催办单 for one 收文: the particulars, the deadline and days overdue, the 催办 so far."""
    late = overdue_days(record.get("due_date"), today)
    rows = tuple(
        (day_text(r.get("reminded_on")), r.get("method") or "", r.get("reminded_by") or "",
         r.get("answer") or "")
        for r in reminders
    )  # fmt: skip
    return TableForm(
        title=f"{unit_name}催办单",
        info=(
            ("收文编号", field_text(record, "serial")), ("来文单位", field_text(record, "sender")),
            ("标　　题", field_text(record, "title")), ("来文字号", field_text(record, "sender_ref")),
            ("主办部门", field_text(record, "lead_dept")), ("承 办 人", field_text(record, "handler")),
            ("办理时限", day_text(record.get("due_date"))),
            ("逾期天数", f"{late} 天" if late else "未逾期"),
        ),
        columns=(("催办日期", 1.4), ("催办方式", 1.0), ("催办人", 1.0), ("答复情况", 4.0)),
        rows=rows,
        blank_rows=max(2, 5 - len(rows)),
        foot=(f"请于收到本单后抓紧办理，并将办理情况报办公室。　　催办日期：{day_text(today)}",
              "承办部门负责人（签名）：　　　　　　　　　年　　月　　日"),
    )  # fmt: skip


def department_reminder_form(
    department: str, items: Sequence[dict[str, Any]], unit_name: str, today: dt.date
) -> TableForm:
    """催办单 for every overdue 收文 of one department, one row each."""
    rows = tuple(
        (str(n), field_text(r, "serial"), field_text(r, "title"), field_text(r, "handler"),
         day_text(r.get("due_date")), str(overdue_days(r.get("due_date"), today)), "")
        for n, r in enumerate(items, start=1)
    )  # fmt: skip
    return TableForm(
        title=f"{unit_name}催办单",
        info=(("承办部门", department), ("逾期件数", f"{len(items)} 件"),
              ("催办日期", day_text(today)), ("", "")),
        columns=(("序号", 0.6), ("收文编号", 1.8), ("标题", 4.2), ("承办人", 1.0),
                 ("办理时限", 1.4), ("逾期天数", 1.0), ("办理情况", 2.4)),
        rows=rows,
        foot=("以上文件已超过办理时限，请抓紧办理，并将办理情况报办公室。",
              "承办部门负责人（签名）：　　　　　　　　　年　　月　　日"),
        landscape=True,
    )  # fmt: skip
