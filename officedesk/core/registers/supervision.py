"""督查督办 — the supervision ledger (DOMAIN.md §2)."""

from __future__ import annotations

from officedesk.core.fields import Field, Kind, Register

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
    fields=(
        Field("serial", "督办编号", Kind.CODE, required=True, width=12, searchable=True),
        Field(
            "source",
            "事项来源",
            Kind.CHOICE,
            choices=("上级文件", "会议决定", "领导批示", "信访", "其他"),
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
            choices=("在办", "临期", "逾期", "已办结", "已延期"),
            default="在办",
            width=5,
            filterable=True,
            indexed=True,
        ),
        Field("remarks", "备注", Kind.LONGTEXT, width=12, searchable=True),
    ),
)
