"""The documents of one meeting, generated from the record: 会议通知 and 会议纪要 (.docx in the
GB/T 9704 layout), 签到表 (.docx, .xlsx) and 座次表 (.docx). No Qt."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Mm, Pt

from officedesk.core import seating
from officedesk.core.meetings import PRESENT_ROLES, WEEKDAYS, reply_deadline
from officedesk.core.registers import MEETING
from officedesk.core.workdays import WorkCalendar
from officedesk.exports.common import BODY_FONT, TITLE_FONT, ExportError, atomic_output, xml_text
from officedesk.exports.gbt9704 import (
    OfficialDocument,
    OfficialFonts,
    chinese_date,
    fonts_for,
    text_width,
)
from officedesk.exports.wordxml import base_document, page_a4, row_flags, set_fonts, table_borders
from officedesk.storage import meeting_minutes, meetings, records, settings
from officedesk.storage.db import Store

CHINESE_NUMBERS = "一二三四五六七八九十"
SIGN_IN_HEADERS = ("序号", "姓名", "单位/部门", "职务", "签到时间", "签名", "备注")
SIGN_IN_WIDTHS_MM = (14, 22, 36, 26, 22, 26, 28)  # 174 mm: A4 less 18 mm margins
REPLY_HEADERS = ("单位", "姓名", "职务", "联系电话", "备注")
REPLY_ROWS = 6
DEFAULT_REQUIREMENTS = ("请参会人员提前10分钟到达会场签到，会议期间将手机调至静音状态。",)


def chinese_number(n: int) -> str:
    """一 … 九十九: the numbering of headings and 议定事项."""
    if n <= 10:
        return CHINESE_NUMBERS[n - 1]
    tens, ones = divmod(n, 10)
    head = "" if tens == 1 else CHINESE_NUMBERS[tens - 1]
    return f"{head}十{CHINESE_NUMBERS[ones - 1] if ones else ''}"


def meeting_time(start: dt.datetime, end: dt.datetime) -> str:
    """2026年3月4日（星期三）上午9:00—11:30, as a 通知 says it."""
    half = "上午" if start.hour < 12 else "下午"
    day = f"{chinese_date(start.date())}（星期{WEEKDAYS[start.weekday()]}）"
    if end.date() == start.date():
        return f"{day}{half}{start.hour}:{start.minute:02d}—{end.hour}:{end.minute:02d}"
    return (f"{day}{half}{start.hour}:{start.minute:02d}至{chinese_date(end.date())}"
            f"{end.hour}:{end.minute:02d}")  # fmt: skip


def notice_title(name: str) -> str:
    """关于召开××会议的通知."""
    return f"关于召开{name}的通知"


BREAK_BEFORE = ("工作", "会议", "暨", "的通知", "专题", "动员", "推进", "座谈", "纪要")
BREAK_AFTER = ("关于召开", "关于", "年")
TITLE_CHARS = 19  # 2号 characters on a 156 mm line (20), one spare for wider digits and fonts


def title_lines(title: str, per_line: int = TITLE_CHARS) -> str:
    """A title too long for one line, broken into lines of even length, the upper ones longer
    (梯形), never inside a run of digits or Latin letters; lines joined by newlines."""
    width = text_width(title)
    if width <= per_line:
        return title
    count = -(-int(width + 0.999) // per_line)
    lines: list[str] = []
    rest = title
    for left in range(count, 1, -1):
        target = -(-text_width(rest) // left)
        best, cut = None, 0
        for i in range(1, len(rest)):
            if rest[i - 1].isascii() and rest[i].isascii() and rest[i].isalnum():
                continue  # 2026 stays whole
            head = text_width(rest[:i])
            if head > per_line:
                break
            score = abs(head - target) + (0 if head >= target else 0.5)
            if rest[i:].startswith(BREAK_BEFORE) or rest[:i].endswith(BREAK_AFTER):
                score -= 4  # between words, not inside one
            if best is None or score < best:
                best, cut = score, i
        lines.append(rest[:cut])
        rest = rest[cut:]
    lines.append(rest)
    return "\n".join(lines)


def minutes_title(name: str) -> str:
    """××会议纪要."""
    return name if name.endswith("纪要") else f"{name}纪要"


@dataclass
class MeetingFacts:
    """A meeting with everything its documents say."""

    record: dict[str, Any]
    people: list[dict[str, Any]]
    agenda: list[dict[str, Any]]
    decisions: list[dict[str, Any]]
    unit: str
    fonts: OfficialFonts
    contact: str
    phone: str
    variant: str
    calendar: WorkCalendar = field(default_factory=WorkCalendar)  # the unit's working days

    @classmethod
    def load(cls, store: Store, meeting_id: int) -> MeetingFacts:
        """Read the meeting, its children and the settings the documents use."""
        record = records.get(store, MEETING, meeting_id)
        return cls(
            record, meetings.attendees(store, meeting_id), meetings.agenda(store, meeting_id),
            meeting_minutes.decisions(store, meeting_id), str(settings.get(store, "unit_name")),
            fonts_for(settings.font_chains(store)),
            str(record.get("contact") or settings.get(store, "meeting_contact") or ""),
            str(record.get("contact_phone") or settings.get(store, "meeting_contact_phone") or ""),
            str(settings.get(store, "seating_even_variant")), settings.calendar(store),
        )  # fmt: skip

    def names(self, role: str) -> list[str]:
        """The names of one role (出席 / 列席 / 请假), in order."""
        return [p["name"] for p in self.people if p["role"] == role]

    def with_posts(self, role: str) -> str:
        """王建国（党委书记）、刘志强（局长）…"""
        return "、".join(f"{p['name']}（{p['post']}）" if p.get("post") else p["name"]
                        for p in self.people if p["role"] == role)  # fmt: skip

    def issuer(self) -> str:
        """Who issues the notice: the host department of the unit, or the unit."""
        host = str(self.record.get("host_dept") or "")
        return f"{self.unit}{host}" if host and not host.startswith(self.unit) else self.unit

    def addressees(self) -> str:
        """主送: the attendees' units, in order (局领导 are not written to)."""
        units: list[str] = []
        for p in self.people:
            unit = p.get("unit") or ""
            if unit and unit not in units and unit != "局领导" and p["role"] in PRESENT_ROLES:
                units.append(unit)
        return "、".join(units) if units else "各科室、各基层单位"


def _lines(text: Any) -> list[str]:
    return [line.strip() for line in str(text or "").splitlines() if line.strip()]


# -- 会议通知 ----------------------------------------------------------------------------------


def notice_document(facts: MeetingFacts, today: dt.date | None = None) -> OfficialDocument:
    """The 会议通知 as a GB/T 9704 document (saved by the caller)."""
    r = facts.record
    name = str(r["name"])
    doc = OfficialDocument(facts.fonts, title_property=notice_title(name))
    if r.get("notice_ref"):
        # With a 发文字号 the notice is issued as a 文件: 版头 with the issuer's mark and the number.
        doc.masthead(f"{facts.issuer()}文件", str(r["notice_ref"]))
    doc.title(title_lines(notice_title(name)))
    doc.addressee(facts.addressees())
    doc.paragraph(
        f"经研究，定于{chinese_date(r['starts_at'].date())}召开{name}。现将有关事项通知如下："
    )
    doc.heading("一、会议时间")
    doc.paragraph(meeting_time(r["starts_at"], r["ends_at"]) + "。")
    doc.heading("二、会议地点")
    doc.paragraph(f"{r.get('room') or ''}。")
    doc.heading("三、参会人员")
    present, attending = facts.with_posts("出席"), facts.with_posts("列席")
    if present:
        doc.paragraph(f"出席：{present}。")
    if attending:
        doc.paragraph(f"列席：{attending}。")
    if not present and not attending:
        doc.paragraph("另行通知。")
    doc.heading("四、会议议程")
    if facts.agenda:
        for n, item in enumerate(facts.agenda, 1):
            text = f"{n}. "
            if item.get("time_text"):
                text += f"{item['time_text']}　"
            text += str(item["topic"])
            if item.get("presenter"):
                text += f"（{item['presenter']}）"
            doc.paragraph(
                text + ("" if text.endswith("。") else "；" if n < len(facts.agenda) else "。")
            )
    else:
        doc.paragraph("会上另行印发。")
    doc.heading("五、有关要求")
    requirements = _lines(r.get("requirements")) or list(DEFAULT_REQUIREMENTS)
    notice_day = today or dt.date.today()
    reply_by = reply_deadline(facts.calendar, r["starts_at"].date(), notice_day)
    requirements.append(f"请于{chinese_date(reply_by)}前将参会回执（见附件）报送{facts.issuer()}。")
    for n, line in enumerate(requirements, 1):
        doc.paragraph(f"（{chinese_number(n)}）{line}" if len(requirements) > 1 else line)
    if facts.contact or facts.phone:
        doc.paragraph(
            f"联系人：{facts.contact or '　　　　'}　　联系电话：{facts.phone or '　　　　'}"
        )
    doc.attachment_note(["参会回执"])
    doc.signature(facts.issuer(), notice_day)
    doc.attachment_page("参会回执")
    doc.paragraph(f"会议名称：{name}")
    doc.table(REPLY_HEADERS, [("", "", "", "", "")] * REPLY_ROWS, (40, 25, 30, 35, 26),
              min_row_mm=10)  # fmt: skip
    return doc


def write_notice(store: Store, meeting_id: int, path: Path, today: dt.date | None = None) -> Path:
    """会议通知 (.docx, GB/T 9704) of a meeting at `path`, written atomically."""
    return notice_document(MeetingFacts.load(store, meeting_id), today).save(Path(path))


# -- 会议纪要 ----------------------------------------------------------------------------------


def minutes_document(facts: MeetingFacts) -> OfficialDocument:
    """The 会议纪要: title, account, 议定事项 一、二、…, then 出席 / 请假 / 列席 lines; no seal."""
    r = facts.record
    name = str(r["name"])
    doc = OfficialDocument(facts.fonts, title_property=minutes_title(name))
    doc.title(title_lines(minutes_title(name)))
    start = r["starts_at"]
    chair = f"{r['chair']}主持召开" if r.get("chair") else "召开"
    doc.paragraph(f"{chinese_date(start.date())}，{chair}{name}，地点：{r.get('room') or ''}。")
    for line in _lines(r.get("minutes")):
        doc.paragraph(line)
    if facts.decisions:
        doc.paragraph("会议议定以下事项：")
        for n, d in enumerate(facts.decisions, 1):
            text = str(d["text"])
            text += "" if text.endswith(("。", "；")) else "。"
            parts = [f"牵头单位：{d['lead_unit']}" if d.get("lead_unit") else "",
                     f"责任人：{d['owner']}" if d.get("owner") else "",
                     f"完成时限：{chinese_date(dt.date.fromisoformat(d['due_date']))}"
                     if d.get("due_date") else ""]  # fmt: skip
            extra = "；".join(p for p in parts if p)
            doc.labelled(f"{chinese_number(n)}、", text + (f"（{extra}）" if extra else ""),
                         hanging=False)  # fmt: skip
    doc.blank_line()
    for role in ("出席", "请假", "列席"):
        listed = facts.with_posts(role) if role != "请假" else "、".join(
            f"{p['name']}（{p['absent_reason']}）" if p.get("absent_reason") else p["name"]
            for p in facts.people if p["role"] == "请假")  # fmt: skip
        if listed:
            doc.labelled(role, listed)
    return doc


def write_minutes(store: Store, meeting_id: int, path: Path) -> Path:
    """会议纪要 (.docx, GB/T 9704 纪要 layout) of a meeting at `path`, written atomically."""
    return minutes_document(MeetingFacts.load(store, meeting_id)).save(Path(path))


# -- 签到表 ------------------------------------------------------------------------------------


def sign_in_rows(facts: MeetingFacts, blank: int = 3) -> list[tuple[str, ...]]:
    """The rows of the 签到表: every attendee (请假 noted), then blank rows for walk-ins."""
    rows: list[tuple[str, ...]] = []
    for n, p in enumerate(facts.people, 1):
        note = {"请假": "请假", "列席": "列席"}.get(p["role"], "")
        if p.get("absent_reason"):
            note = "、".join(x for x in (note, p["absent_reason"]) if x)
        signed = str(p.get("signed_at") or "")[11:16]
        rows.append((str(n), p["name"], p.get("unit") or "", p.get("post") or "", signed, "", note))
    rows += [(str(len(rows) + i + 1), "", "", "", "", "", "") for i in range(blank)]
    return rows


def sign_in_footer(facts: MeetingFacts) -> str:
    """应到 / 实到 / 缺席: counted when sign-in times were recorded, else left to fill by hand."""
    present = [p for p in facts.people if p["role"] in PRESENT_ROLES]
    signed = sum(1 for p in present if p.get("signed_at"))
    if not signed:
        return f"应到 {len(present)} 人　　实到 ＿＿ 人　　缺席 ＿＿ 人"
    return f"应到 {len(present)} 人　　实到 {signed} 人　　缺席 {len(present) - signed} 人"


def _header_lines(facts: MeetingFacts) -> list[str]:
    r = facts.record
    when = meeting_time(r["starts_at"], r["ends_at"])
    return [f"会议名称：{r['name']}", f"时　　间：{when}", f"地　　点：{r.get('room') or ''}"]


def write_sign_in(store: Store, meeting_id: int, path: Path) -> Path:
    """签到表 as .docx or .xlsx (by the suffix of `path`)."""
    path = Path(path)
    facts = MeetingFacts.load(store, meeting_id)
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        return _sign_in_xlsx(facts, path)
    if suffix == ".docx":
        return _sign_in_docx(facts, path)
    raise ExportError(f"签到表只能保存为 .docx 或 .xlsx，不是「{suffix or '无扩展名'}」")


def _sign_in_docx(facts: MeetingFacts, path: Path) -> Path:
    document = base_document(BODY_FONT, 12)
    page_a4(document.sections[0], landscape=False, margins_mm=(18, 18, 18, 18))
    title = document.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = title.add_run(xml_text(f"{facts.record['name']}签到表"))
    run.font.size, run.font.bold = Pt(18), True
    set_fonts(run._r, TITLE_FONT)
    title.paragraph_format.space_after = Pt(8)
    for line in _header_lines(facts):
        document.add_paragraph(xml_text(line)).paragraph_format.space_after = Pt(3)
    table = document.add_table(rows=1, cols=len(SIGN_IN_HEADERS))
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    table_borders(table, 6)
    widths = [Mm(w) for w in SIGN_IN_WIDTHS_MM]
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width  # the grid: LibreOffice lays columns out by it, not by the cells

    def fill(row: Any, values: tuple[str, ...], bold: bool) -> None:
        for cell, value, width in zip(row.cells, values, widths, strict=True):
            cell.width = width
            cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
            paragraph = cell.paragraphs[0]
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER if bold or len(value) <= 5 else \
                WD_ALIGN_PARAGRAPH.LEFT  # fmt: skip
            r = paragraph.add_run(xml_text(value))
            r.font.bold = bold

    fill(table.rows[0], SIGN_IN_HEADERS, True)
    row_flags(table.rows[0]._tr, header=True, height_mm=10)
    for values in sign_in_rows(facts):
        row = table.add_row()
        fill(row, values, False)
        row_flags(row._tr, height_mm=10)
    footer = document.add_paragraph(sign_in_footer(facts))
    footer.paragraph_format.space_before = Pt(8)
    document.core_properties.title = f"{facts.record['name']}签到表"
    document.core_properties.author = "办公桌"
    with atomic_output(path) as tmp:
        document.save(str(tmp))
    return path


def _sign_in_xlsx(facts: MeetingFacts, path: Path) -> Path:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, Side
    from openpyxl.worksheet.page import PageMargins

    wb = Workbook()
    ws = wb.active
    ws.title = "签到表"
    thin = Side(style="thin", color="000000")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)
    ws.append([f"{facts.record['name']}签到表"])
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(SIGN_IN_HEADERS))
    ws["A1"].font = Font(name="黑体", size=16, bold=True)
    ws["A1"].alignment = Alignment(horizontal="center")
    for line in _header_lines(facts):
        ws.append([line])
    ws.append(list(SIGN_IN_HEADERS))
    head_row = ws.max_row
    for values in sign_in_rows(facts):
        # Text cells only: a name or unit starting with = must never become a formula.
        ws.append([int(values[0]), *values[1:]])
    last = ws.max_row
    for row in ws.iter_rows(min_row=head_row, max_row=last):
        for cell in row:
            cell.border = box
            cell.alignment = Alignment(vertical="center", wrap_text=True,
                                       horizontal="center" if cell.column in (1, 5) or cell.row == head_row
                                       else "left")  # fmt: skip
            if isinstance(cell.value, str) and cell.value[:1] in "=+-@":
                cell.data_type = "s"
        ws.row_dimensions[row[0].row].height = 28
    for cell in ws[head_row]:
        cell.font = Font(bold=True)
    ws.append([])
    ws.append([sign_in_footer(facts)])
    for i, width in enumerate(SIGN_IN_WIDTHS_MM, 1):
        ws.column_dimensions[chr(64 + i)].width = width / 2.2
    ws.print_title_rows = f"{head_row}:{head_row}"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "portrait"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_margins = PageMargins(left=0.6, right=0.6, top=0.7, bottom=0.7)
    with atomic_output(path) as tmp:
        wb.save(str(tmp))
    return path


# -- 座次表 ------------------------------------------------------------------------------------


def write_seating(store: Store, meeting_id: int, path: Path,
                  per_row: list[int] | int | None = None) -> Path:  # fmt: skip
    """座次表 (.docx, A4 landscape): a page per viewpoint, each saying which it is; seats show
    their rank and name; the audience side is marked."""
    facts = MeetingFacts.load(store, meeting_id)
    names = facts.names("出席")
    if not names:
        raise ExportError("参会人员中没有「出席」人员，无法排座次")
    if per_row is None:
        per_row = seating.default_rows(len(names))
    document = base_document(BODY_FONT, 12)
    page_a4(document.sections[0], landscape=True, margins_mm=(15, 15, 15, 15))
    for k, viewpoint in enumerate(seating.VIEWPOINTS):
        chart = seating.seat_chart(len(names), per_row, facts.variant, viewpoint)
        title = document.add_paragraph()
        title.alignment = WD_ALIGN_PARAGRAPH.CENTER
        if k:
            title.paragraph_format.page_break_before = True
        run = title.add_run(xml_text(f"{facts.record['name']}主席台座次表"))
        run.font.size, run.font.bold = Pt(20), True
        set_fonts(run._r, TITLE_FONT)
        sub = document.add_paragraph(xml_text(
            f"（{viewpoint}）　{meeting_time(facts.record['starts_at'], facts.record['ends_at'])}"
            f"　{facts.record.get('room') or ''}"))  # fmt: skip
        sub.alignment = WD_ALIGN_PARAGRAPH.CENTER
        rule = "排序规则：居中、以左为上；前排高于后排"
        if len(names) % 2 == 0:
            rule += f"；偶数方案 {facts.variant}"
        document.add_paragraph(xml_text(rule)).alignment = WD_ALIGN_PARAGRAPH.CENTER
        audience = (
            "▼　台　下（观众方向）　▼"
            if viewpoint == seating.AUDIENCE
            else "▲　台　下（观众方向）　▲"
        )
        rows = chart[::-1] if viewpoint == seating.AUDIENCE else chart
        if viewpoint == seating.STAGE:
            _centre_line(document, audience, 16)
        widest = max(len(r) for r in chart)
        table = document.add_table(rows=len(rows), cols=widest)
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        table_borders(table, 8)
        for i, row in enumerate(rows):
            pad = (widest - len(row)) // 2
            tr = table.rows[i]
            tr.height = Mm(22)
            for j, rank in enumerate(row):
                cell = tr.cells[pad + j]
                cell.width = Mm(min(24, 260 / widest))
                cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
                p = cell.paragraphs[0]
                p.alignment = WD_ALIGN_PARAGRAPH.CENTER
                p.add_run(str(rank)).font.size = Pt(9)
                p.add_run().add_break()
                name_run = p.add_run(xml_text(names[rank - 1]))
                name_run.font.size, name_run.font.bold = Pt(14), True
        if viewpoint == seating.AUDIENCE:
            _centre_line(document, audience, 16)
        document.add_paragraph(xml_text("左右以本图阅读者为准；1 为最高位次。")).alignment = \
            WD_ALIGN_PARAGRAPH.CENTER  # fmt: skip
    document.core_properties.title = f"{facts.record['name']}主席台座次表"
    document.core_properties.author = "办公桌"
    with atomic_output(Path(path)) as tmp:
        document.save(str(tmp))
    return Path(path)


def _centre_line(document: Any, text: str, size: float) -> None:
    p = document.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    p.paragraph_format.space_before = p.paragraph_format.space_after = Pt(10)
    run = p.add_run(xml_text(text))
    run.font.size, run.font.bold = Pt(size), True
    set_fonts(run._r, TITLE_FONT)
