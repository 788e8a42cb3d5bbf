"""接待 — the visitor log, official receptions and petitions (DOMAIN.md §4)."""

from __future__ import annotations

from officedesk.core.fields import Field, Kind, Record, Register
from officedesk.core.reception import MEAL_KINDS, RECEPTION_KINDS, mask_id_number

__all__ = ["MEAL_KINDS", "PETITION", "PETITION_STATUS", "RECEPTION", "VISITOR"]

PETITION_STATUS = ("待受理", "已受理", "已转送", "不予受理", "复查中", "复核中", "已办结")
ID_TYPES = ("居民身份证", "护照", "港澳居民来往内地通行证", "台湾居民来往大陆通行证", "其他")


def _describe_visitor(r: Record) -> str:
    when = str(r.get("arrived_at") or "")[:16]
    return f"{r.get('name') or ''}（{when} 来访）"


def _describe_reception(r: Record) -> str:
    return f"{r.get('sending_unit') or ''} {str(r.get('starts_on') or '')[:10]} 接待"


def _describe_petition(r: Record) -> str:
    return f"{r.get('serial') or ''}（{r.get('petitioner') or ''}）"


VISITOR = Register(
    key="visitors",
    table="visitor",
    title="来访登记簿",
    short="来访登记",
    date_field="arrived_at",
    describe=_describe_visitor,
    fields=(
        Field("arrived_at", "到达时间", Kind.DATETIME, required=True, width=16, indexed=True),
        Field("left_at", "离开时间", Kind.DATETIME, width=16),
        Field("name", "来访人", required=True, width=6, searchable=True, pinyin=True),
        Field(
            "gender",
            "性别",
            Kind.CHOICE,
            choices=("", "男", "女"),
            width=3,
            shown=False,
            printed=False,
        ),
        Field("unit", "单位", width=14, searchable=True, pinyin=True, completion="units"),
        Field(
            "id_type",
            "证件类型",
            Kind.CHOICE,
            choices=ID_TYPES,
            width=6,
            shown=False,
            printed=False,
        ),
        Field(
            "id_number",
            "证件号码",
            Kind.CODE,
            width=18,
            mask=mask_id_number,
            help="屏幕、导出和打印中只显示前 6 位和后 4 位",
        ),
        Field("post", "职务", width=6, shown=False, printed=False),
        Field("phone", "电话", Kind.CODE, width=11),
        Field("purpose", "事由", required=True, width=16, searchable=True),
        Field("host", "被访部门/人", required=True, width=10, completion="people"),
        Field("companions", "随行人数", Kind.INT, width=4),
        Field("plate", "车牌号", Kind.CODE, width=8),
        Field("belongings", "携带物品", width=10, shown=False, printed=False),
        Field("pass_no", "访客证号", Kind.CODE, width=6, shown=False),
        Field("registrar", "登记人", width=6, shown=False, printed=False, completion="people"),
        Field("remarks", "备注", Kind.LONGTEXT, width=12, searchable=True),
    ),
)

RECEPTION = Register(
    key="receptions",
    table="reception",
    title="公务接待登记簿",
    short="公务接待",
    date_field="starts_on",
    describe=_describe_reception,
    fields=(
        Field("kind", "类型", Kind.CHOICE, choices=RECEPTION_KINDS, default="公务", width=4),
        Field(
            "sending_unit", "派出单位", required=True, width=16, searchable=True, completion="units"
        ),
        Field("letter_ref", "公函", Kind.CODE, width=14, searchable=True),
        Field("letter_date", "公函日期", Kind.DATE, width=10, shown=False),
        Field(
            "letter_status",
            "公函情况",
            Kind.CHOICE,
            choices=("", "有", "缺公函"),
            width=5,
            filterable=True,
            help="保存时判断：公务接待没有公函文号或扫描件的记为「缺公函」",
        ),
        Field(
            "letter_guests",
            "公函所列人员",
            width=20,
            shown=False,
            printed=False,
            help="公函中列出的来访人员姓名，用、分隔；与接待清单核对",
        ),
        Field("approved_by", "审批人", width=6, shown=False, completion="people"),
        Field("approved_on", "审批日期", Kind.DATE, width=10, shown=False),
        Field("starts_on", "开始日期", Kind.DATE, required=True, width=10, indexed=True),
        Field("ends_on", "结束日期", Kind.DATE, width=10),
        Field("guests", "人数", Kind.INT, width=4),
        Field("activities", "活动项目", Kind.LONGTEXT, width=20, searchable=True),
        Field("schedule", "日程", Kind.LONGTEXT, width=20, shown=False, printed=False),
        Field("venue", "场所", width=12, shown=False),
        Field("lodging", "住宿安排", width=12, shown=False, printed=False),
        Field(
            "room_type",
            "房型",
            Kind.CHOICE,
            choices=("", "标准间", "普通套间", "其他"),
            width=5,
            shown=False,
            printed=False,
        ),
        Field("room_rate", "房费（元/间·夜）", Kind.INT, width=6, shown=False, printed=False),
        Field(
            "escorts",
            "其他陪同",
            width=12,
            shown=False,
            help="陪同人员表以外的补充说明，如「相关科室负责人」",
        ),
        Field(
            "total_cost",
            "费用合计（元）",
            Kind.CODE,
            width=8,
            sortable=False,
            help="由费用明细合计",
        ),
        Field("host_dept", "承办部门", width=8, shown=False, completion="departments"),
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
    status_field="status",
    describe=_describe_petition,
    fields=(
        Field("serial", "信访编号", Kind.CODE, required=True, width=12, searchable=True),
        Field("form", "形式", Kind.CHOICE, choices=("来信", "来访", "电话", "网络"), width=4),
        Field("received_on", "收到日期", Kind.DATE, required=True, width=10, indexed=True),
        Field("petitioner", "信访人", required=True, width=8, searchable=True),
        Field("contact", "联系方式", Kind.CODE, width=11, shown=False),
        Field("people", "人数", Kind.INT, default=1, width=4),
        Field(
            "representatives",
            "代表",
            width=12,
            shown=False,
            printed=False,
            help="多人走访的，推选不超过 5 名代表",
        ),
        Field("claim", "诉求", Kind.LONGTEXT, required=True, width=30, searchable=True),
        Field("facts", "事实与理由", Kind.LONGTEXT, width=20, shown=False, printed=False),
        Field(
            "acceptance",
            "受理情况",
            Kind.CHOICE,
            choices=("", "受理", "不予受理"),
            width=5,
            filterable=True,
        ),
        Field(
            "notice_on",
            "告知日期",
            Kind.DATE,
            width=10,
            shown=False,
            help="书面告知信访人是否受理的日期（收到后 15 日内）",
        ),
        Field("accepted_on", "受理日期", Kind.DATE, width=10, shown=False),
        Field("transferred_to", "转送/交办", width=12, shown=False, completion="departments"),
        Field(
            "transfer_kind",
            "转送或交办",
            Kind.CHOICE,
            choices=("", "转送", "交办"),
            width=5,
            shown=False,
            printed=False,
            help="转送：送有权处理的其他机关；交办：交本单位部门办理",
        ),
        Field("transferred_on", "转送日期", Kind.DATE, width=10, shown=False, printed=False),
        Field("handler", "承办", width=8, completion="people"),
        Field("extension_days", "延期天数", Kind.INT, width=4, shown=False, printed=False),
        Field("extension_reason", "延期理由", width=16, shown=False, printed=False),
        Field("replied_on", "答复日期", Kind.DATE, width=10, shown=False),
        Field(
            "review_requested_on", "复查申请日期", Kind.DATE, width=10, shown=False, printed=False
        ),
        Field("review_done_on", "复查意见日期", Kind.DATE, width=10, shown=False, printed=False),
        Field(
            "recheck_requested_on", "复核申请日期", Kind.DATE, width=10, shown=False, printed=False
        ),
        Field("recheck_done_on", "复核意见日期", Kind.DATE, width=10, shown=False, printed=False),
        Field(
            "due_stage",
            "期限事项",
            width=5,
            sortable=False,
            help="当前时限对应的环节：受理告知、办理、复查、复核",
        ),
        Field("due_date", "办理期限", Kind.DATE, width=10, indexed=True),
        Field("done_on", "办结日期", Kind.DATE, width=10),
        Field(
            "status",
            "状态",
            Kind.CHOICE,
            choices=PETITION_STATUS,
            default="待受理",
            width=5,
            filterable=True,
        ),
        Field("remarks", "备注", Kind.LONGTEXT, width=12, searchable=True),
    ),
)
