"""The 接待方案 of one reception as a Word document for paper: who comes and why, the 公函, the
programme, lodging, meals with their 陪餐 numbers, companions and the cost estimate."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt

from officedesk.core.reception import max_accompanying
from officedesk.exports.common import FORM_FONT, TITLE_FONT, atomic_output
from officedesk.exports.wordxml import add_paragraph_style, base_document, page_a4

NUMERALS = "一二三四五六七八九十"
REQUIREMENTS = (
    "严格执行党政机关国内公务接待管理规定和本单位接待标准，不超标准、不超范围接待。",
    "工作餐安排一次，陪餐人数符合规定，不提供高档菜肴和酒水。",
    "接待结束后据实填写接待清单，与公函核对一致后报销。",
)


def _day(value: Any) -> str:
    if isinstance(value, (dt.date, dt.datetime)):
        return f"{value.year}年{value.month}月{value.day}日"
    text = str(value or "")[:10]
    try:
        d = dt.date.fromisoformat(text)
    except ValueError:
        return text
    return f"{d.year}年{d.month}月{d.day}日"


def plan_sections(
    record: Mapping[str, Any],
    guests: Sequence[Mapping[str, Any]],
    companions: Sequence[Mapping[str, Any]],
    meals: Sequence[Mapping[str, Any]],
    costs: Sequence[Mapping[str, Any]],
) -> list[tuple[str, list[str]]]:
    """The numbered sections of the 方案: (heading, paragraphs)."""
    names = "、".join(f"{g.get('name')}（{g.get('post')}）" if g.get("post") else str(g.get("name"))
                     for g in guests if g.get("name"))  # fmt: skip
    n = len(guests) or int(record.get("guests") or 0)
    letter = str(record.get("letter_ref") or "")
    letter_line = (f"依据{record.get('sending_unit') or ''}公函（{letter}"
                   + (f"，{_day(record.get('letter_date'))}" if record.get("letter_date") else "")
                   + "）。") if letter else "尚未收到公函，收到公函前不得安排公务接待。"  # fmt: skip
    start, end = _day(record.get("starts_on")), _day(record.get("ends_on"))
    when = f"{start}至{end}" if end and end != start else start
    activity = [f"时间：{when}。", f"活动项目：{record.get('activities') or '待定'}。"]
    if record.get("venue"):
        activity.append(f"场所：{record.get('venue')}。")
    sections: list[tuple[str, list[str]]] = [
        ("接待对象", [f"{record.get('sending_unit') or ''}一行 {n} 人：{names or '（名单待定）'}。",
                      letter_line]),
        ("时间和活动", activity),
    ]  # fmt: skip
    schedule = [line for line in str(record.get("schedule") or "").splitlines() if line.strip()]
    if schedule:
        sections.append(("日程安排", schedule))
    lodging = str(record.get("lodging") or "")
    room = str(record.get("room_type") or "")
    rate = record.get("room_rate")
    if lodging or room or rate:
        sections.append(("住宿安排", [
            "；".join(p for p in (lodging, f"房型：{room}" if room else "",
                                   f"房费 {rate} 元/间·夜" if rate else "") if p) + "。"]))  # fmt: skip
    if meals:
        lines = []
        for m in meals:
            guests_n = int(m.get("guests") or 0)
            # The 陪餐 limit counts no more guests than were received (as the save checks).
            counted = min(guests_n, n) if n else guests_n
            lines.append(f"{_day(m.get('day'))}{m.get('kind') or ''}：客人 {guests_n} 人，陪餐 "
                         f"{int(m.get('staff') or 0)} 人（上限 {max_accompanying(counted)} 人）"
                         + (f"，地点：{m['place']}" if m.get("place") else "") + "。")  # fmt: skip
        sections.append(("用餐安排", lines))
    escorts = "、".join(str(c.get("name")) + (f"（{c['post']}）" if c.get("post") else "")
                        for c in companions if c.get("name"))  # fmt: skip
    if escorts or record.get("escorts"):
        sections.append(("陪同人员", [(escorts or str(record.get("escorts"))) + "。"]))
    total = sum(int(c.get("amount_fen") or 0) for c in costs) + sum(
        int(m.get("amount_fen") or 0) for m in meals
    )
    if total:
        parts = [f"{c.get('item')} {int(c.get('amount_fen') or 0) / 100:,.2f} 元" for c in costs]
        meal_fen = sum(int(m.get("amount_fen") or 0) for m in meals)
        if meal_fen:
            parts.append(f"用餐 {meal_fen / 100:,.2f} 元")
        sections.append(("经费预算", [f"{'，'.join(parts)}，合计 {total / 100:,.2f} 元。"]))
    sections.append(("工作要求", [f"{i}. {t}" for i, t in enumerate(REQUIREMENTS, 1)]))
    return sections


def export_reception_plan(
    path: Path,
    record: Mapping[str, Any],
    guests: Sequence[Mapping[str, Any]],
    companions: Sequence[Mapping[str, Any]],
    meals: Sequence[Mapping[str, Any]],
    costs: Sequence[Mapping[str, Any]],
    unit_name: str,
) -> Path:
    """Write the 接待方案 to `path` as .docx (A4 portrait, 仿宋 body, 黑体 headings)."""
    path = Path(path)
    with atomic_output(path) as tmp:
        document = base_document(FORM_FONT, 16)
        styles = document.styles
        for name, font, size, align in (("Plan Title", TITLE_FONT, 22, WD_ALIGN_PARAGRAPH.CENTER),
                                        ("Plan Heading", TITLE_FONT, 16, WD_ALIGN_PARAGRAPH.LEFT)):  # fmt: skip
            add_paragraph_style(document, name, font, size, align=align)
        styles["Plan Title"].paragraph_format.space_after = Pt(16)
        styles["Normal"].paragraph_format.line_spacing = Pt(28)
        page_a4(document.sections[0], landscape=False, margins_mm=(37, 26, 35, 28))
        title = f"关于接待{record.get('sending_unit') or ''}来访的方案"
        document.core_properties.title = title
        document.core_properties.author = unit_name
        document.add_paragraph(title, style="Plan Title")
        for i, (heading, paragraphs) in enumerate(
            plan_sections(record, guests, companions, meals, costs)
        ):
            document.add_paragraph(f"{NUMERALS[i]}、{heading}", style="Plan Heading")
            for text in paragraphs:
                p = document.add_paragraph(text)
                p.paragraph_format.first_line_indent = Pt(32)
        document.add_paragraph("")
        for text in (unit_name, _day(dt.date.today())):
            document.add_paragraph(text).alignment = WD_ALIGN_PARAGRAPH.RIGHT
        document.save(str(tmp))
    return path
