"""档案 — the archive index by DA/T 22-2015 (DOMAIN.md §5), and its 借阅 register."""

from __future__ import annotations

from officedesk.core.fields import Field, Kind, Record, Register
from officedesk.core.registers.common import SECRECY

RETENTION_CHOICES = ("永久", "定期30年", "定期10年")


def _describe_item(r: Record) -> str:
    number = r.get("archive_no") or ""
    title = r.get("title") or ""
    return f"{number}《{title}》" if title else str(number)


ARCHIVE_ITEM = Register(
    key="archive",
    table="archive_item",
    title="归档文件目录",
    short="档案",
    date_field="doc_date",
    default_sort=("archive_no", False),  # the catalogue's own order
    describe=_describe_item,
    fields=(
        Field(
            "archive_no", "档号", Kind.CODE, required=True, width=22, searchable=True, indexed=True,
            aliases=("档号",),
        ),
        Field("year", "年度", Kind.INT, required=True, width=5, filterable=True, indexed=True,
              aliases=("年度",)),
        Field(
            "retention",
            "保管期限",
            Kind.CHOICE,
            choices=RETENTION_CHOICES,
            width=6,
            filterable=True,
            aliases=("保管期限", "期限"),
        ),
        Field("org_code", "机构(问题)", Kind.CODE, width=6, filterable=True,
              aliases=("机构", "问题", "机构(问题)", "机构（问题）")),
        Field("item_no", "件号", Kind.CODE, width=5, aliases=("件号",)),
        Field("doc_ref", "文号", Kind.CODE, width=14, searchable=True, aliases=("文号",)),
        Field("author", "责任者", width=14, searchable=True, aliases=("责任者",)),
        Field("title", "题名", required=True, width=34, searchable=True, aliases=("题名", "标题"),
              help="自拟题名请加方括号 [ ]"),
        Field("doc_date", "日期", Kind.CODE, width=9, aliases=("日期", "成文日期"),
              help="8 位数字，如 20240305"),
        Field("secrecy", "密级", Kind.CHOICE, choices=SECRECY, default="无", width=4),
        Field("pages", "页数", Kind.INT, width=4, aliases=("页数",)),
        Field("box_no", "盒号", Kind.CODE, width=5, filterable=True, aliases=("盒号",)),
        Field("remarks", "备注", Kind.LONGTEXT, width=10, searchable=True, aliases=("备注",)),
        # Added by migration 0003_archive:
        Field(
            "document_id", "收文", Kind.INT, width=6, shown=False, exported=False, printed=False,
            sortable=False, indexed=True,
        ),
        Field(
            "category", "分类", Kind.CODE, width=12, shown=False, exported=False, printed=False,
            sortable=False, indexed=True,
        ),
    ),
)  # fmt: skip


def _describe_loan(r: Record) -> str:
    return f"{r.get('borrower') or ''}借阅 {r.get('archive_no') or ''}"


ARCHIVE_LOAN = Register(
    key="archive_loans",
    table="archive_loan",
    title="档案借阅登记簿",
    short="借阅登记",
    date_field="lent_on",
    due_field="due_on",
    done_field="returned_on",
    describe=_describe_loan,
    fields=(
        Field("archive_no", "档号", Kind.CODE, required=True, width=22, searchable=True,
              indexed=True),
        Field("title", "题名", width=30, searchable=True),
        Field("borrower", "借阅人", required=True, width=6, searchable=True, pinyin=True,
              completion="people", indexed=True),
        Field("department", "借阅部门", width=10, completion="departments", filterable=True),
        Field("purpose", "利用目的", width=12, choices=(), aliases=("用途",)),
        Field("lent_on", "借出日期", Kind.DATE, required=True, width=10, indexed=True),
        Field("due_on", "应还日期", Kind.DATE, width=10, indexed=True),
        Field("returned_on", "归还日期", Kind.DATE, width=10, indexed=True),
        Field("handled_by", "经办人", width=6, completion="people", shown=False),
        Field("remarks", "备注", Kind.LONGTEXT, width=10, searchable=True),
        Field("item_id", "件", Kind.INT, width=6, shown=False, exported=False, printed=False,
              sortable=False, indexed=True),
    ),
)  # fmt: skip
