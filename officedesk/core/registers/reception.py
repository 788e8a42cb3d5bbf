"""接待 — the visitor log, official receptions and petitions (DOMAIN.md §4)."""

from __future__ import annotations

from officedesk.core.fields import Field, Kind, Register

VISITOR = Register(
    key="visitors",
    table="visitor",
    title="来访登记簿",
    short="来访登记",
    date_field="arrived_at",
    fields=(
        Field("arrived_at", "到达时间", Kind.DATETIME, required=True, width=16, indexed=True),
        Field("name", "来访人", required=True, width=6, searchable=True, pinyin=True),
        Field("gender", "性别", Kind.CHOICE, choices=("", "男", "女"), width=3),
        Field(
            "id_type",
            "证件类型",
            Kind.CHOICE,
            choices=("居民身份证", "护照", "其他"),
            width=6,
            shown=False,
        ),
        Field("id_number", "证件号码", Kind.CODE, width=20),
        Field("unit", "单位", width=14, searchable=True, pinyin=True, completion="units"),
        Field("post", "职务", width=6, shown=False),
        Field("phone", "电话", Kind.CODE, width=11),
        Field("purpose", "事由", required=True, width=16, searchable=True),
        Field("host", "被访部门/人", required=True, width=10, completion="people"),
        Field("companions", "随行人数", Kind.INT, width=4),
        Field("plate", "车牌号", Kind.CODE, width=8),
        Field("left_at", "离开时间", Kind.DATETIME, width=16),
        Field("remarks", "备注", Kind.LONGTEXT, width=12, searchable=True),
    ),
)

RECEPTION = Register(
    key="receptions",
    table="reception",
    title="公务接待登记簿",
    short="公务接待",
    date_field="starts_on",
    fields=(
        Field(
            "kind", "类型", Kind.CHOICE, choices=("公务", "商务", "外事"), default="公务", width=4
        ),
        Field(
            "sending_unit", "派出单位", required=True, width=16, searchable=True, completion="units"
        ),
        Field("letter_ref", "公函", Kind.CODE, width=14, searchable=True),
        Field("starts_on", "开始日期", Kind.DATE, required=True, width=10, indexed=True),
        Field("ends_on", "结束日期", Kind.DATE, width=10),
        Field("guests", "人数", Kind.INT, width=4),
        Field("activities", "活动项目", Kind.LONGTEXT, width=20, searchable=True),
        Field("remarks", "备注", Kind.LONGTEXT, width=12, searchable=True),
    ),
)

PETITION = Register(
    key="petitions",
    table="petition",
    title="信访登记簿",
    short="信访",
    serial_field="serial",
    serial_setting="petition_serial_template",
    date_field="received_on",
    due_field="due_date",
    done_field="done_on",
    fields=(
        Field("serial", "信访编号", Kind.CODE, required=True, width=12, searchable=True),
        Field("form", "形式", Kind.CHOICE, choices=("来信", "来访", "电话", "网络"), width=4),
        Field("received_on", "收到日期", Kind.DATE, required=True, width=10, indexed=True),
        Field("petitioner", "信访人", required=True, width=8, searchable=True),
        Field("people", "人数", Kind.INT, default=1, width=4),
        Field("claim", "诉求", Kind.LONGTEXT, required=True, width=30, searchable=True),
        Field("due_date", "办理期限", Kind.DATE, width=10, indexed=True),
        Field("done_on", "办结日期", Kind.DATE, width=10),
        Field("remarks", "备注", Kind.LONGTEXT, width=12, searchable=True),
    ),
)
