"""The 公务接待清单 (对象单位, 姓名, 职务, 活动项目, 时间, 场所, 费用, 陪同人员, sign-off) as data
and as a Word file; printing/reception_sheet.py paints the same data on paper."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Mm, Pt

from officedesk.exports.common import BODY_FONT, TITLE_FONT, atomic_output
from officedesk.exports.wordxml import (
    add_paragraph_style,
    base_document,
    cell_margins,
    page_a4,
    shade,
)
from officedesk.exports.wordxml import table_borders as borders

HEADER = ("对象单位", "姓名", "职务", "活动项目", "时间", "场所", "费用（元）", "陪同人员")
WIDTHS_MM = (38, 20, 26, 52, 34, 30, 22, 35)  # 257 mm: A4 landscape inside 20 mm margins
SIGN_OFF = ("经办人：", "接待部门负责人：", "单位负责人：")


@dataclass(frozen=True)
class ReceptionSheet:
    """What the 接待清单 says: a title, a line about the 公函, one row per guest, the sign-off."""

    title: str
    letter: str  # 公函：林办函〔2026〕5号（2026-04-28）, or 无公函
    rows: tuple[tuple[str, ...], ...]
    total: str
    warnings: tuple[str, ...] = ()  # e.g. the guests differ from those in the 公函


def _day(value: Any) -> str:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.strftime("%Y-%m-%d")
    return str(value or "")[:10]


def _fen(fen: int) -> str:
    return f"{fen / 100:,.2f}"


def reception_sheet(
    record: Mapping[str, Any],
    guests: Sequence[Mapping[str, Any]],
    companions: Sequence[Mapping[str, Any]],
    total_fen: int,
    unit_name: str,
    warnings: Sequence[str] = (),
) -> ReceptionSheet:
    """The 清单 of one reception: 活动项目, 时间, 场所, 费用 and 陪同人员 are the reception's and
    are written once, in the first row, with the guests below (the paper 清单 merges them)."""
    start, end = _day(record.get("starts_on")), _day(record.get("ends_on"))
    when = f"{start}至{end}" if end and end != start else start
    escorts = [str(c.get("name") or "") + (f"（{c['post']}）" if c.get("post") else "")
               for c in companions if c.get("name")]  # fmt: skip
    if record.get("escorts"):
        escorts.append(str(record["escorts"]))
    shared = (str(record.get("activities") or ""), when, str(record.get("venue") or ""),
              _fen(total_fen) if total_fen else "", "、".join(escorts))  # fmt: skip
    rows = []
    for i, g in enumerate(guests or [{}]):
        unit = str(g.get("unit") or record.get("sending_unit") or "")
        rest = shared if i == 0 else ("",) * len(shared)
        rows.append((unit, str(g.get("name") or ""), str(g.get("post") or ""), *rest))
    ref = str(record.get("letter_ref") or "")
    letter = (
        f"公函：{ref}"
        if ref
        else "公函：无（附件）"
        if record.get("_letter_attached")
        else "无公函"
    )
    if ref and record.get("letter_date"):
        letter += f"（{_day(record.get('letter_date'))}）"
    return ReceptionSheet(
        title=f"{unit_name}公务接待清单",
        letter=f"派出单位：{record.get('sending_unit') or ''}　　{letter}　　"
        f"接待类型：{record.get('kind') or '公务'}　　人数：{len(guests) or record.get('guests') or ''}",
        rows=tuple(rows),
        total=_fen(total_fen),
        warnings=tuple(warnings),
    )


def export_reception_sheet(path: Path, sheet: ReceptionSheet) -> Path:
    """Write the 接待清单 to `path` as .docx (A4 landscape); nothing is left behind on failure."""
    path = Path(path)
    with atomic_output(path) as tmp:
        document = base_document(BODY_FONT, 10.5)
        add_paragraph_style(document, "Sheet Title", TITLE_FONT, 18, space_after_pt=8)
        page_a4(document.sections[0], landscape=True, margins_mm=(18, 20, 18, 20))
        document.core_properties.title = sheet.title
        document.core_properties.author = "办公桌"
        document.add_paragraph(sheet.title, style="Sheet Title")
        document.add_paragraph(sheet.letter).paragraph_format.space_after = Pt(4)
        table = document.add_table(rows=1 + len(sheet.rows) + 1, cols=len(HEADER))
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        borders(table)
        cell_margins(table, 1.2, 0.6)
        for c, width in enumerate(WIDTHS_MM):
            for row in table.rows:
                row.cells[c].width = Mm(width)
        for c, label in enumerate(HEADER):
            cell = table.rows[0].cells[c]
            cell.paragraphs[0].add_run(label).bold = True
            cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
            shade(cell._tc, "D9E1F2")
        for r, values in enumerate(sheet.rows, 1):
            for c, text in enumerate(values):
                table.rows[r].cells[c].paragraphs[0].add_run(text)
        last = table.rows[-1].cells
        merged = last[0].merge(last[5])
        merged.paragraphs[0].add_run("合计").bold = True
        last[6].paragraphs[0].add_run(sheet.total).bold = True
        for text in sheet.warnings:
            document.add_paragraph(f"注意：{text}")
        sign = document.add_paragraph(
            "　　　　".join(f"{label}　　　　　　" for label in SIGN_OFF) + "　　年　　月　　日"
        )
        sign.paragraph_format.space_before = Pt(18)
        document.save(str(tmp))
    return path
