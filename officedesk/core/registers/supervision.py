"""督查督办 — the supervision ledger (DOMAIN.md §2)."""

from __future__ import annotations

from officedesk.core.fields import Field, Kind, Record, Register
from officedesk.core.registers.common import DUE_UNITS

SUPERVISION_SOURCES = ("上级文件", "会议决定", "领导批示", "信访", "其他")
SUPERVISION_STATUS = ("在办", "临期", "逾期", "已办结", "已延期")
REVIEW_RESULTS = ("", "通过", "退回重办")


def _describe_item(r: Record) -> str:
    serial = r.get("serial") or ""
    content = str(r.get("content") or "")
    short = content if len(content) <= 20 else content[:20] + "…"
    return f"{serial}《{short}》" if short else str(serial)


SUPERVISION = Register(
    key="supervision",
    table="supervision_item",
    title="督办台账",
    short="督查督办",
    serial_field="serial",
    serial_setting="supervision_serial_template",
    date_field="assigned_on",
    due_field="due_date",
    done_field="done_on",
    status_field="status",
    estimated_field="due_estimated",
    describe=_describe_item,
    fields=(
        Field("serial", "督办编号", Kind.CODE, required=True, width=12, searchable=True),
        Field(
            "source",
            "事项来源",
            Kind.CHOICE,
            choices=SUPERVISION_SOURCES,
            width=6,
        ),
        Field("assigned_on", "交办日期", Kind.DATE, required=True, width=10, indexed=True),
        Field("content", "事项内容", Kind.LONGTEXT, required=True, width=30, searchable=True),
        Field("instruction", "领导批示", Kind.LONGTEXT, width=16, shown=False),
        Field("lead_unit", "牵头单位", width=10, completion="departments", searchable=True),
        Field("assist_units", "协办单位", width=10, shown=False, completion="departments"),
        Field("leader", "责任领导", width=6, completion="people"),
        Field("owner", "责任人", width=6, completion="people"),
        Field("due_date", "办结时限", Kind.DATE, width=10, indexed=True),
        Field("done_on", "办结日期", Kind.DATE, width=10, indexed=True),
        Field(
            "status",
            "状态",
            Kind.CHOICE,
            choices=SUPERVISION_STATUS,
            default="在办",
            width=5,
            filterable=True,
            indexed=True,
            help="按办结时限和办结、延期情况自动计算",
        ),
        # 0002_workflow: the link to where the item came from, the deadline's period, the result
        # and its review. A source is a register key and a row id, plus a text that still says
        # what it was if that row is voided later.
        Field("source_register", "来源登记簿", Kind.CODE, width=8, shown=False, exported=False,
              printed=False, sortable=False),
        Field("source_id", "来源记录", Kind.INT, width=6, shown=False, exported=False,
              printed=False, sortable=False),
        Field("source_text", "来源文件或会议", width=20, shown=False, searchable=True,
              help="如 收〔2026〕12号《关于…的通知》，或会议名称"),
        Field("due_n", "时限天数", Kind.INT, width=4, shown=False, exported=False,
              printed=False, sortable=False),
        Field("due_unit", "时限单位", Kind.CHOICE, choices=DUE_UNITS, width=5, shown=False,
              exported=False, printed=False, sortable=False),
        Field("due_estimated", "时限为估算", Kind.BOOL, default=False, width=4, shown=False,
              exported=False, printed=False, sortable=False),
        Field("result", "办结情况", Kind.LONGTEXT, width=16, shown=False),
        Field("review", "审核", Kind.CHOICE, choices=REVIEW_RESULTS, default="", width=5,
              shown=False),
        Field("extended", "已延期", Kind.BOOL, default=False, width=4, shown=False,
              exported=False, printed=False, sortable=False),
        Field("remarks", "备注", Kind.LONGTEXT, width=12, searchable=True),
    ),
)  # fmt: skip
