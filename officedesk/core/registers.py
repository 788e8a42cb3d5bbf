"""The declarations of every register in DOMAIN.md; the incoming-document register in full."""

from __future__ import annotations

from officedesk.core.fields import Field, Kind, Record, Register

SECRECY = ("无", "秘密", "机密", "绝密")
URGENCY = ("无", "加急", "特急")
DOC_TYPES = (
    "决议", "决定", "命令（令）", "公报", "公告", "通告", "意见", "通知",
    "通报", "报告", "请示", "批复", "议案", "函", "纪要", "其他",
)  # fmt: skip
HANDLING = ("阅件", "办件")
REVIEW = ("", "通过", "退文")
DUE_UNITS = ("自然日", "工作日")
DOCUMENT_STATUS = ("已登记", "办理中", "传阅中", "已办结", "待归档", "已归档", "退文")


def _describe_document(r: Record) -> str:
    serial = r.get("serial") or ""
    title = r.get("title") or ""
    return f"{serial}《{title}》" if title else str(serial)


INCOMING_DOCUMENT = Register(
    key="documents",
    table="incoming_document",
    title="收文登记簿",
    short="收文登记",
    serial_field="serial",
    serial_setting="document_serial_template",
    date_field="received_at",
    due_field="due_date",
    done_field="done_on",
    status_field="status",
    estimated_field="due_estimated",
    default_sort=("id", True),
    describe=_describe_document,
    fields=(
        Field(
            "serial",
            "收文编号",
            Kind.CODE,
            required=True,
            width=13,
            searchable=True,
            aliases=("收文号", "编号", "收文编号", "顺序号"),
        ),
        Field(
            "received_at",
            "签收时间",
            Kind.DATETIME,
            required=True,
            width=16,
            indexed=True,
            aliases=("收文日期", "签收日期", "收文时间", "日期"),
        ),
        Field(
            "receiver",
            "签收人",
            width=6,
            completion="people",
            shown=False,
            printed=False,
            aliases=("签收人", "收文人"),
        ),
        Field(
            "sender",
            "来文机关",
            required=True,
            width=16,
            searchable=True,
            pinyin=True,
            filterable=True,
            indexed=True,
            completion="units",
            aliases=("来文单位", "来文机关", "发文机关", "发文单位"),
        ),
        Field(
            "sender_ref",
            "来文字号",
            Kind.CODE,
            width=14,
            searchable=True,
            indexed=True,
            aliases=("文号", "来文字号", "来文文号", "发文字号"),
        ),
        Field(
            "doc_type",
            "文种",
            Kind.CHOICE,
            choices=DOC_TYPES,
            width=5,
            printed=False,
            indexed=True,
            aliases=("文种",),
        ),
        Field(
            "title",
            "标题",
            required=True,
            width=34,
            searchable=True,
            indexed=True,
            aliases=("标题", "文件标题", "题名", "文件名称"),
        ),
        Field(
            "issued_on",
            "成文日期",
            Kind.DATE,
            width=10,
            shown=False,
            printed=False,
            aliases=("成文日期", "发文日期"),
        ),
        Field(
            "secrecy",
            "密级",
            Kind.CHOICE,
            choices=SECRECY,
            default="无",
            width=4,
            filterable=True,
            indexed=True,
            aliases=("密级",),
        ),
        Field(
            "secrecy_term", "保密期限", width=6, shown=False, printed=False, aliases=("保密期限",)
        ),
        Field("copy_no", "份号", Kind.CODE, width=5, shown=False, printed=False, aliases=("份号",)),
        Field(
            "urgency",
            "紧急程度",
            Kind.CHOICE,
            choices=URGENCY,
            default="无",
            width=5,
            indexed=True,
            aliases=("紧急程度", "缓急", "紧急"),
            help="导入时旧值「急件」记作「加急」",
        ),
        Field("copies", "份数", Kind.INT, default=1, width=4, shown=False, aliases=("份数",)),
        Field("pages", "页数", Kind.INT, width=4, shown=False, printed=False, aliases=("页数",)),
        Field("enclosures", "附件", width=10, shown=False, printed=False, aliases=("附件",)),
        Field(
            "handling",
            "阅办",
            Kind.CHOICE,
            choices=HANDLING,
            default="阅件",
            width=4,
            filterable=True,
            indexed=True,
            aliases=("阅件/办件", "阅办", "类型"),
        ),
        Field(
            "review_result",
            "初审结果",
            Kind.CHOICE,
            choices=REVIEW,
            default="",
            width=5,
            shown=False,
            printed=False,
        ),
        Field("return_reason", "退文理由", width=12, shown=False, printed=False),
        Field(
            "proposal",
            "拟办意见",
            Kind.LONGTEXT,
            width=20,
            shown=False,
            printed=False,
            aliases=("拟办意见",),
        ),
        Field("proposer", "拟办人", width=6, shown=False, printed=False, completion="people"),
        Field("proposed_on", "拟办日期", Kind.DATE, width=10, shown=False, printed=False),
        Field(
            "instruction",
            "领导批示",
            Kind.LONGTEXT,
            width=20,
            shown=False,
            printed=False,
            aliases=("领导批示", "批示意见", "批示"),
        ),
        Field("instructed_by", "批示人", width=6, shown=False, printed=False, completion="people"),
        Field("instructed_on", "批示日期", Kind.DATE, width=10, shown=False, printed=False),
        Field(
            "lead_dept",
            "主办部门",
            width=10,
            completion="departments",
            indexed=True,
            aliases=("主办部门", "承办部门", "承办单位"),
        ),
        Field(
            "assist_depts",
            "协办部门",
            width=10,
            shown=False,
            printed=False,
            completion="departments",
            aliases=("协办部门",),
        ),
        Field(
            "handler",
            "承办人",
            width=6,
            completion="people",
            indexed=True,
            aliases=("承办人", "经办人"),
        ),
        Field(
            "due_date",
            "办理时限",
            Kind.DATE,
            width=10,
            indexed=True,
            aliases=("办理时限", "时限", "办结时限"),
        ),
        Field(
            "due_n",
            "时限天数",
            Kind.INT,
            width=4,
            shown=False,
            exported=False,
            printed=False,
            sortable=False,
        ),
        Field(
            "due_unit",
            "时限单位",
            Kind.CHOICE,
            choices=DUE_UNITS,
            width=5,
            shown=False,
            exported=False,
            printed=False,
            sortable=False,
        ),
        Field(
            "due_estimated",
            "时限为估算",
            Kind.BOOL,
            default=False,
            width=4,
            shown=False,
            exported=False,
            printed=False,
            sortable=False,
        ),
        Field(
            "result",
            "办理结果",
            Kind.LONGTEXT,
            width=16,
            shown=False,
            printed=False,
            aliases=("办理结果", "办理情况"),
        ),
        Field(
            "done_on",
            "办结日期",
            Kind.DATE,
            width=10,
            indexed=True,
            aliases=("办结日期", "办结时间"),
        ),
        Field("reply_ref", "复文号", Kind.CODE, width=12, shown=False, printed=False),
        Field("replied_on", "答复日期", Kind.DATE, width=10, shown=False, printed=False),
        Field(
            "archive_no", "档号", Kind.CODE, width=18, shown=False, printed=False, aliases=("档号",)
        ),
        Field(
            "status",
            "状态",
            Kind.CHOICE,
            choices=DOCUMENT_STATUS,
            default="已登记",
            width=5,
            filterable=True,
            indexed=True,
            aliases=("状态", "办理状态"),
        ),
        Field(
            "remarks", "备注", Kind.LONGTEXT, width=12, searchable=True, aliases=("备注", "说明")
        ),
    ),
)

# The registers below are declared with the DOMAIN.md fields so that storage, exports and the
# search index carry them; their workflows, forms and prints come with their own issues.

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

ARCHIVE_ITEM = Register(
    key="archive",
    table="archive_item",
    title="归档文件目录",
    short="档案",
    date_field="doc_date",
    fields=(
        Field(
            "archive_no", "档号", Kind.CODE, required=True, width=22, searchable=True, indexed=True
        ),
        Field("year", "年度", Kind.INT, required=True, width=5, filterable=True, indexed=True),
        Field(
            "retention",
            "保管期限",
            Kind.CHOICE,
            choices=("永久", "定期30年", "定期10年"),
            width=6,
            filterable=True,
        ),
        Field("org_code", "机构(问题)", Kind.CODE, width=6),
        Field("item_no", "件号", Kind.CODE, width=5),
        Field("doc_ref", "文号", Kind.CODE, width=14, searchable=True),
        Field("author", "责任者", width=14, searchable=True),
        Field("title", "题名", required=True, width=34, searchable=True),
        Field("doc_date", "日期", Kind.CODE, width=9),
        Field("secrecy", "密级", Kind.CHOICE, choices=SECRECY, default="无", width=4),
        Field("pages", "页数", Kind.INT, width=4),
        Field("box_no", "盒号", Kind.CODE, width=5),
        Field("remarks", "备注", Kind.LONGTEXT, width=10, searchable=True),
    ),
)

REGISTERS: tuple[Register, ...] = (
    INCOMING_DOCUMENT,
    SUPERVISION,
    MEETING,
    VISITOR,
    RECEPTION,
    PETITION,
    ARCHIVE_ITEM,
)
BY_KEY: dict[str, Register] = {r.key: r for r in REGISTERS}


def register(key: str) -> Register:
    """The register called `key` on the command line; KeyError with the known names if none."""
    try:
        return BY_KEY[key]
    except KeyError:
        raise KeyError(f"未知的登记簿「{key}」，可选：{'、'.join(BY_KEY)}") from None
