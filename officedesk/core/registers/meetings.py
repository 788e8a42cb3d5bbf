"""会议安排 — the meeting planner (DOMAIN.md §3)."""

from __future__ import annotations

from officedesk.core.fields import Field, Kind, Record, Register, format_value


def _describe(record: Record) -> str:
    when = format_value(MEETING.field("starts_at"), record.get("starts_at"))
    return f"「{record.get('name') or ''}」（{when}）"


MEETING = Register(
    key="meetings",
    table="meeting",
    title="会议安排表",
    short="会议安排",
    date_field="starts_at",
    default_sort=("starts_at", True),
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
        Field(
            "room",
            "会议室",
            required=True,
            width=10,
            searchable=True,
            help="从会议室列表选择，或填写外部地点",
        ),
        Field("host_dept", "主办部门", width=10, completion="departments"),
        Field("chair", "主持人", width=6, completion="people", searchable=True),
        Field(
            "requirements",
            "会务要求",
            Kind.LONGTEXT,
            width=16,
            shown=False,
            help="设备、桌签、茶水、材料等",
        ),
        Field("remarks", "备注", Kind.LONGTEXT, width=12, searchable=True),
        # 0004_meetings
        Field("cancelled", "已取消", Kind.BOOL, width=4, sortable=False, default=False),
        Field(
            "conflict_reason",
            "冲突说明",
            Kind.LONGTEXT,
            width=14,
            sortable=False,
            help="有冲突仍然保存时填写的理由",
        ),
        Field("conflicts", "保存时的冲突", Kind.LONGTEXT, shown=False, printed=False),
        Field("cancel_reason", "取消原因", shown=False, printed=False),
        Field("room_id", "会议室编号", Kind.INT, shown=False, exported=False, printed=False),
        Field("series_id", "重复系列", Kind.INT, shown=False, exported=False, printed=False),
        Field(
            "occurrence_on", "系列中的日期", Kind.DATE, shown=False, exported=False, printed=False
        ),
        Field("detached", "单独修改", Kind.BOOL, shown=False, exported=False, printed=False),
        Field("contact", "联系人", width=6, shown=False, printed=False, completion="people"),
        Field("contact_phone", "联系电话", Kind.CODE, width=10, shown=False, printed=False),
        Field("notice_ref", "通知文号", Kind.CODE, width=12, shown=False, printed=False),
        Field("minutes", "会议纪要", Kind.LONGTEXT, shown=False, exported=False, printed=False),
    ),
    describe=_describe,
)

MEETING_FIELDS_0004 = (
    "cancelled", "conflict_reason", "conflicts", "cancel_reason", "room_id", "series_id",
    "occurrence_on", "detached", "contact", "contact_phone", "notice_ref", "minutes",
)  # fmt: skip


def _plan_register(key: str, title: str) -> Register:
    """A printed plan of meetings (not a table of its own): one row per meeting."""
    return Register(
        key=key, table="", title=title, short=title,
        fields=(
            Field("day", "日期", width=8), Field("time", "时间", width=8),
            Field("name", "会议（活动）名称", width=22), Field("place", "地点", width=10),
            Field("chair", "主持人", width=6), Field("people", "参会人员", width=22),
            Field("host_dept", "主办部门", width=8), Field("remarks", "备注", width=8),
        ),
    )  # fmt: skip


WEEK_PLAN = _plan_register("week_plan", "周会议安排表")
RANGE_PLAN = _plan_register("range_plan", "近期重大活动一览表")
