"""The 收文 workflow (DOMAIN.md §1): its steps, what each asks for, and the rules they obey.

No SQL here: storage/workflow.py records a step (and its undo) in one transaction using these
rules; ui/workflow builds each step's dialog from the same declarations.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from officedesk.core.fields import Kind, Record
from officedesk.core.values import parse_date, parse_datetime

REMINDER_METHODS = ("电话", "当面", "书面", "短信", "微信")
CLOSED = ("已归档",)  # no step may follow
# Where a 收文 stands (当前环节) for a status, when no step says so (rows loaded in bulk, rows
# from before the workflow; migration 0002 applies the same mapping).
STAGE_OF_STATUS = {"已办结": "办结", "待归档": "待归档", "已归档": "归档", "退文": "退文",
                   "传阅中": "传阅", "办理中": "承办", "已登记": "登记"}  # fmt: skip
URGENT = ("加急", "特急")


class WorkflowError(ValueError):
    """A step that breaks a rule; the Chinese message names the field (`field`) to correct."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


@dataclass(frozen=True)
class Input:
    """One thing a step's dialog asks for."""

    name: str
    label: str
    kind: Kind = Kind.TEXT
    required: bool = False
    choices: tuple[str, ...] = ()
    completion: str | None = None  # directory list: people, departments


@dataclass(frozen=True)
class Step:
    """A workflow step: its name, the dialog's inputs, who acts and when (input names)."""

    key: str
    title: str  # the dialog's title and the history's word for it
    inputs: tuple[Input, ...]
    who: str | None  # the input naming the person on whose behalf it is recorded
    when: str  # the input holding its date or date-time
    shortcut: str = ""
    tooltip: str = ""


P, D = "people", "departments"
STEPS: tuple[Step, ...] = (
    Step("初审", "初审", (
        Input("review_result", "初审结果", Kind.CHOICE, True, ("通过", "退文")),
        Input("return_reason", "退文理由", Kind.LONGTEXT),
        Input("reviewer", "初审人", completion=P),
        Input("reviewed_on", "初审日期", Kind.DATE, True),
    ), "reviewer", "reviewed_on", "Ctrl+0", "初审：通过，或退文并写明理由"),
    Step("拟办", "拟办意见", (
        Input("proposal", "拟办意见", Kind.LONGTEXT, True),
        Input("proposer", "拟办人", required=True, completion=P),
        Input("proposed_on", "拟办日期", Kind.DATE, True),
    ), "proposer", "proposed_on", "Ctrl+1", "登记拟办意见"),
    Step("批示", "领导批示", (
        Input("leader", "批示人", required=True, completion=P),
        Input("given_on", "批示日期", Kind.DATE, True),
        Input("text", "批示内容", Kind.LONGTEXT, True),
    ), "leader", "given_on", "Ctrl+2", "登记领导批示（可多次）"),
    Step("承办", "承办", (
        Input("lead_dept", "主办部门", required=True, completion=D),
        Input("assist_depts", "协办部门", completion=D),
        Input("handler", "承办人", completion=P),
        Input("due_date", "办理时限", Kind.DATE),
        Input("assigned_on", "交办日期", Kind.DATE, True),
    ), "handler", "assigned_on", "Ctrl+3", "交主办、协办部门和承办人办理，定办理时限"),
    Step("传阅", "送阅", (
        Input("reader", "阅文人", required=True, completion=P),
        Input("sent_at", "送阅时间", Kind.DATETIME, True),
        Input("note", "说明"),
    ), "reader", "sent_at", "Ctrl+4", "把文件送给一位领导或同事阅（传阅单上一行）"),
    Step("退回", "阅毕退回", (
        Input("reader", "阅文人", required=True, completion=P),
        Input("returned_at", "退回时间", Kind.DATETIME, True),
        Input("note", "阅文意见"),
    ), "reader", "returned_at", "Ctrl+5", "阅文人把文件退回办公室"),
    Step("催办", "催办", (
        Input("reminded_on", "催办日期", Kind.DATE, True),
        Input("method", "催办方式", Kind.CHOICE, True, REMINDER_METHODS),
        Input("reminded_by", "催办人", required=True, completion=P),
        Input("answer", "答复情况", Kind.LONGTEXT),
    ), "reminded_by", "reminded_on", "Ctrl+6", "登记一次催办：日期、方式、催办人、对方答复"),
    Step("办结", "办结", (
        Input("result", "办理结果", Kind.LONGTEXT, True),
        Input("done_on", "办结日期", Kind.DATE, True),
        Input("done_by", "办结人", completion=P),
    ), "done_by", "done_on", "Ctrl+7", "登记办理结果和办结日期"),
    Step("答复", "答复", (
        Input("reply_ref", "复文号"),
        Input("replied_on", "答复日期", Kind.DATE, True),
        Input("replied_by", "答复人", completion=P),
    ), "replied_by", "replied_on", "Ctrl+8", "登记答复来文单位的复文号和日期"),
    Step("待归档", "转待归档", (
        Input("handed_on", "日期", Kind.DATE, True),
        Input("clerk", "经办人", completion=P),
    ), "clerk", "handed_on", "Ctrl+9", "办结的文件整理好，等待归档"),
)  # fmt: skip
BY_KEY: dict[str, Step] = {s.key: s for s in STEPS}


@dataclass(frozen=True)
class Reading:
    """One 传阅 row: who has (had) the paper, since when, back when."""

    id: int
    reader: str
    sent_at: dt.datetime
    returned_at: dt.datetime | None = None
    note: str = ""


def step(key: str) -> Step:
    """The step called `key`; KeyError with the known names otherwise."""
    try:
        return BY_KEY[key]
    except KeyError:
        raise KeyError(f"没有「{key}」这一办理环节，可选：{'、'.join(BY_KEY)}") from None


def clean(spec: Step, raw: Record) -> Record:
    """The step's inputs typed (dates parsed, text stripped); WorkflowError names a bad one."""
    out: Record = {}
    for i in spec.inputs:
        value = raw.get(i.name)
        if isinstance(value, str):
            value = value.strip()
        if value in (None, ""):
            if i.required:
                raise WorkflowError(f"{spec.title}：「{i.label}」必须填写", i.name)
            out[i.name] = None
            continue
        try:
            if i.kind is Kind.DATE and not isinstance(value, dt.date):
                value = parse_date(str(value))
            elif i.kind is Kind.DATE and isinstance(value, dt.datetime):
                value = value.date()
            elif i.kind is Kind.DATETIME and not isinstance(value, dt.datetime):
                value = (
                    dt.datetime.combine(value, dt.time())
                    if isinstance(value, dt.date)
                    else parse_datetime(str(value))
                )
        except ValueError:
            raise WorkflowError(
                f"{spec.title}：「{i.label}」不是有效的日期：{value}", i.name
            ) from None
        if i.choices and value not in i.choices:
            raise WorkflowError(f"{spec.title}：「{i.label}」应为：{'、'.join(i.choices)}", i.name)
        out[i.name] = value
    return out


def _day(value: Any) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if value in (None, ""):
        return None
    return dt.date.fromisoformat(str(value)[:10])


def _text_of(value: Any) -> str:
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, dt.date):
        return value.isoformat()
    return "" if value is None else str(value)


def outstanding(readings: Sequence[Reading]) -> list[Reading]:
    """The 传阅 rows whose paper has not come back, oldest first."""
    return [r for r in readings if r.returned_at is None]


def holder_of(readings: Sequence[Reading]) -> str:
    """Who holds the paper now: the reader it was last sent to and has not returned it
    (with 等N人 when several copies are out); empty when it is back in the office."""
    out = outstanding(readings)
    if not out:
        return ""
    last = max(out, key=lambda r: (r.sent_at, r.id))
    return last.reader if len(out) == 1 else f"{last.reader}等{len(out)}人"


def check_state(spec: Step, record: Record, readings: Sequence[Reading] = ()) -> None:
    """Refuse a step the record's state does not allow (before its dialog even opens)."""
    status = record.get("status") or ""
    if record.get("voided_at"):
        raise WorkflowError("这份收文已作废，请先从回收站恢复再办理")
    if status in CLOSED:
        raise WorkflowError(f"这份收文{status}，不能再办理")
    if status == "退文" and spec.key != "初审":
        raise WorkflowError("这份收文已退文；如退文有误，请在办理记录中撤销初审")
    if spec.key == "退回" and not outstanding(readings):
        raise WorkflowError("这份收文没有送出未退回的传阅记录")
    if spec.key == "催办" and status in ("已办结", "待归档"):
        raise WorkflowError("这份收文已办结，无需催办")
    if spec.key == "办结" and status in ("已办结", "待归档"):
        raise WorkflowError("这份收文已办结；如需更正，请先撤销原来的办结")
    if spec.key == "答复" and status not in ("已办结", "待归档"):
        raise WorkflowError("请先办结，再登记答复")
    if spec.key == "待归档" and status != "已办结":
        raise WorkflowError("只有已办结的收文才能转待归档")
    if spec.key == "待归档" and outstanding(readings):
        raise WorkflowError(
            f"文件还在{readers_out(readings)}手中（传阅未退回），请先登记退回，再转待归档"
        )


def readers_out(readings: Sequence[Reading]) -> str:
    """Who still holds a copy: 张三、李四."""
    return "、".join(dict.fromkeys(r.reader for r in outstanding(readings)))


# A step dated in the future is a typo (2062 for 2026): it would reorder the history and the
# holder. A day of slack covers a clock set a little wrong.
FUTURE_SLACK = dt.timedelta(days=1)


def check(
    spec: Step,
    record: Record,
    values: Record,
    readings: Sequence[Reading] = (),
    today: dt.date | None = None,
) -> None:
    """Refuse a step that breaks a rule, with a message naming the field to correct."""
    check_state(spec, record, readings)
    title = spec.title
    received = _day(record.get("received_at"))
    when = values.get(spec.when)
    day = _day(when)
    latest = (today or dt.date.today()) + FUTURE_SLACK
    for item in spec.inputs:
        if item.kind in (Kind.DATE, Kind.DATETIME) and item.name != "due_date":
            later = _day(values.get(item.name))
            if later is not None and later > latest:
                raise WorkflowError(
                    f"{title}：「{item.label}」{_text_of(values[item.name])} 晚于今天，请核对日期",
                    item.name,
                )
    if received is not None and day is not None and day < received:
        label = next(i.label for i in spec.inputs if i.name == spec.when)
        raise WorkflowError(
            f"{title}：「{label}」{_text_of(when)} 早于签收日期 {received.isoformat()}", spec.when
        )
    if spec.key == "初审" and values["review_result"] == "退文" and not values["return_reason"]:
        raise WorkflowError("退文须写明「退文理由」", "return_reason")
    if spec.key == "承办":
        urgency = record.get("urgency") or ""
        if urgency in URGENT and not values.get("due_date"):
            raise WorkflowError(f"{urgency}件必须规定「办理时限」", "due_date")
        due = _day(values.get("due_date"))
        if due is not None and received is not None and due < received:
            raise WorkflowError(
                f"「办理时限」{_text_of(due)} 早于签收日期 {received.isoformat()}", "due_date"
            )
    if spec.key == "传阅":
        for r in outstanding(readings):
            if r.reader == values["reader"]:
                raise WorkflowError(
                    f"{r.reader} 手中已有这份文件（{_text_of(r.sent_at)} 送阅，尚未退回）", "reader"
                )
    if spec.key == "退回":
        held = [r for r in outstanding(readings) if r.reader == values["reader"]]
        if not held:
            raise WorkflowError(f"没有送给「{values['reader']}」且尚未退回的传阅记录", "reader")
        sent = held[-1].sent_at
        if values["returned_at"] < sent:
            raise WorkflowError(
                f"「退回时间」{_text_of(values['returned_at'])} 早于送阅时间 {_text_of(sent)}："
                "文件不能在送出之前退回",
                "returned_at",
            )
    is_task = (record.get("handling") or "") == "办件"
    if spec.key == "办结" and is_task and not record.get("lead_dept"):
        raise WorkflowError("办件须先登记承办（主办部门）再办结")
    if spec.key == "答复" and not values.get("reply_ref") and not values.get("replied_on"):
        raise WorkflowError("答复须填写「复文号」或「答复日期」", "reply_ref")


def changes(
    spec: Step, record: Record, values: Record, readings_after: Sequence[Reading] = ()
) -> Record:
    """The 收文 columns the step sets (its `stage`, `status`, `holder` and its own fields)."""
    status = record.get("status") or "已登记"
    out: Record = {"stage": spec.key}
    if spec.key == "初审":
        out.update(review_result=values["review_result"], return_reason=values["return_reason"])
        out["stage"] = "退文" if values["review_result"] == "退文" else "初审"
        if values["review_result"] == "退文":
            out["status"] = "退文"
    elif spec.key == "拟办":
        out.update(proposal=values["proposal"], proposer=values["proposer"],
                   proposed_on=values["proposed_on"])  # fmt: skip
    elif spec.key == "承办":
        out.update(handling="办件", lead_dept=values["lead_dept"],
                   assist_depts=values["assist_depts"], handler=values["handler"])  # fmt: skip
        for name in ("due_date", "due_n", "due_unit", "due_estimated"):
            if name in values:
                out[name] = values[name]
        if status == "已登记":
            out["status"] = "办理中"
    elif spec.key in ("传阅", "退回"):
        holder = holder_of(readings_after)
        out["holder"] = holder
        if status not in ("已办结", "待归档"):
            out["status"] = "传阅中" if holder else "办理中"
    elif spec.key == "办结":
        out.update(result=values["result"], done_on=values["done_on"], status="已办结")
    elif spec.key == "答复":
        out.update(reply_ref=values["reply_ref"], replied_on=values["replied_on"])
    elif spec.key == "待归档":
        out["status"] = "待归档"
    return out


def summary(spec: Step, values: Record) -> str:
    """One line for the history: 批示：同意，请林政科办理。"""
    v = {k: _text_of(x) for k, x in values.items()}
    if spec.key == "初审":
        text = "通过" if v["review_result"] == "通过" else f"退文（{v['return_reason']}）"
    elif spec.key == "拟办":
        text = v["proposal"]
    elif spec.key == "批示":
        text = v["text"]
    elif spec.key == "承办":
        text = f"主办 {v['lead_dept']}"
        if v.get("assist_depts"):
            text += f"，协办 {v['assist_depts']}"
        if v.get("handler"):
            text += f"，承办人 {v['handler']}"
        if v.get("due_date"):
            text += f"，时限 {v['due_date']}"
            if values.get("due_n"):
                text += f"（{values['due_n']}个{values.get('due_unit') or '自然日'}）"
    elif spec.key == "传阅":
        text = f"送 {v['reader']} 阅" + (f"（{v['note']}）" if v.get("note") else "")
    elif spec.key == "退回":
        text = f"{v['reader']} 阅毕退回" + (f"：{v['note']}" if v.get("note") else "")
    elif spec.key == "催办":
        text = f"{v['method']}催办" + (f"，答复：{v['answer']}" if v.get("answer") else "")
    elif spec.key == "办结":
        text = v["result"]
    elif spec.key == "答复":
        text = f"复文号 {v['reply_ref']}" if v.get("reply_ref") else "已答复"
    else:
        text = "已办结，待归档"
    return f"{spec.key}：{text}"


def combined_instruction(items: Sequence[tuple[str, Any, str]]) -> tuple[str, str, Any]:
    """Several 批示 (leader, date, text) as the 处理单 box shows them, with the last signer.

    One 批示 is its own text; several are one paragraph each, signed and dated."""
    if not items:
        return "", "", None
    if len(items) == 1:
        leader, on, text = items[0]
        return text, leader, on
    lines = [f"{text}（{leader} {_text_of(on)}）" for leader, on, text in items]
    leader, on, _ = items[-1]
    return "\n".join(lines), leader, on
