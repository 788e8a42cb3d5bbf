"""会议安排 — the meeting planner (DOMAIN.md §3)."""

from __future__ import annotations

from officedesk.core.fields import Field, Kind, Register

MEETING = Register(
    key="meetings",
    table="meeting",
    title="会议安排表",
    short="会议安排",
    date_field="starts_at",
    fields=(
        Field("name", "会议名称", required=True, width=24, searchable=True),
        Field(
            "category",
            "类别",
            Kind.CHOICE,
            choices=("党委会", "总经理办公会", "专题会", "例会", "其他"),
            width=8,
            filterable=True,
        ),
        Field("starts_at", "开始时间", Kind.DATETIME, required=True, width=16, indexed=True),
        Field("ends_at", "结束时间", Kind.DATETIME, required=True, width=16),
        Field("room", "会议室", required=True, width=10, searchable=True),
        Field("host_dept", "主办部门", width=10, completion="departments"),
        Field("chair", "主持人", width=6, completion="people", searchable=True),
        Field("requirements", "会务要求", Kind.LONGTEXT, width=16, shown=False),
        Field("remarks", "备注", Kind.LONGTEXT, width=12, searchable=True),
    ),
)
