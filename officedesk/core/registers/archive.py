"""档案 — the archive index by DA/T 22-2015 (DOMAIN.md §5)."""

from __future__ import annotations

from officedesk.core.fields import Field, Kind, Register
from officedesk.core.registers.common import SECRECY

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
