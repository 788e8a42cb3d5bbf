"""The 收文处理单 (办文 and 阅文 variants) of one record as a Word form, laid out like the paper."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from docx.document import Document
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Mm, Pt
from docx.table import Table, _Cell

from officedesk.core.workflow import Reading
from officedesk.exports.common import BODY_FONT, FORM_FONT, TITLE_FONT, atomic_output
from officedesk.exports.wordxml import (
    add_paragraph_style,
    base_document,
    cell_margins,
    page_a4,
    row_flags,
    table_borders,
)
from officedesk.exports.workflow_forms import TableForm, day_text, field_text

VARIANTS = ("办文", "阅文")
FOOT_NOTE = "注：本单随文件流转，办结后随文件一并归档。"
MARGINS_MM = (25, 20, 20, 25)  # top, right, bottom, left
GRID_MM = (20, 45, 20, 31, 20, 29)  # label, value, label, value, label, value: 165 mm
VALUE_PT = 12
LINE_MM = 5.6  # one line of 12 pt text with Word's single spacing
READER_ROWS = 6  # blank lines of the 传阅 table, for readers to sign by hand
BLANK_SIGN = "签名：　　　　　　　　年　　月　　日"


def export_processing_slip(
    path: Path,
    record: dict[str, Any],
    unit_name: str,
    variant: str,
    readings: Sequence[Reading] = (),
) -> Path:
    """Write the 收文处理单 of one 收文 record (typed or stored values) to `path` as .docx;
    the 阅文 variant lists the recorded 传阅 `readings` in its reader lines."""
    if variant not in VARIANTS:
        raise ValueError(f"处理单只有「办文」「阅文」两种，没有「{variant}」")
    path = Path(path)
    with atomic_output(path) as tmp:
        document = _document(unit_name)
        _slip_table(document, record, variant, readings)
        document.add_paragraph(FOOT_NOTE, style="Slip Note")
        document.save(str(tmp))
    return path


def _document(unit_name: str, title: str | None = None) -> Document:
    document = base_document(FORM_FONT, VALUE_PT)
    styles = document.styles
    for name, font, size, align, after in (
        ("Slip Title", TITLE_FONT, 20, WD_ALIGN_PARAGRAPH.CENTER, 14),
        ("Slip Label", TITLE_FONT, 12, WD_ALIGN_PARAGRAPH.CENTER, 0),
        ("Slip Value", FORM_FONT, VALUE_PT, WD_ALIGN_PARAGRAPH.LEFT, 0),
        ("Slip Sign", FORM_FONT, VALUE_PT, WD_ALIGN_PARAGRAPH.RIGHT, 0),
        ("Slip Note", BODY_FONT, 10.5, WD_ALIGN_PARAGRAPH.LEFT, 0),
    ):
        add_paragraph_style(document, name, font, size, align=align, space_after_pt=after)
    styles["Slip Note"].paragraph_format.space_before = Pt(6)
    page_a4(document.sections[0], landscape=False, margins_mm=MARGINS_MM)
    title = title or f"{unit_name}收文处理单"
    document.core_properties.title = title
    document.core_properties.author = "办公桌"
    document.add_paragraph(title, style="Slip Title")
    return document


def _put(cell: _Cell, text: str, style: str, *, middle: bool = True) -> None:
    paragraph = cell.paragraphs[0]
    paragraph.style = style
    if text:
        paragraph.add_run(text)  # python-docx turns \n into line breaks
    cell.vertical_alignment = (
        WD_CELL_VERTICAL_ALIGNMENT.CENTER if middle else WD_CELL_VERTICAL_ALIGNMENT.TOP
    )


def _box(cell: _Cell, text: str, sign: str, height_mm: float, width_mm: float) -> None:
    """A tall box: the text at the top, the signature line pushed down to the bottom."""
    _put(cell, text, "Slip Value", middle=False)
    per_line = max(1, int((width_mm - 2) / (VALUE_PT * 0.3528)))
    lines = sum(max(1, -(-len(part) // per_line)) for part in text.split("\n")) if text else 1
    room = height_mm - 3 - (lines + 1) * LINE_MM
    paragraph = cell.add_paragraph(sign, style="Slip Sign")
    paragraph.paragraph_format.space_before = Mm(max(2.0, room))


def _signed(who: str, when: Any, role: str) -> str:
    """The signature line under a box: filled from the record, or left blank to sign by hand."""
    if not who and not when:
        return BLANK_SIGN
    return f"{role}：{who or '　　　　'}　　{day_text(when) or '　　年　　月　　日'}"


def _form_table(document: Document, n_rows: int, widths_mm: Sequence[float]) -> Table:
    """A centred, ruled table of fixed column widths (each cell too: Word reads the cells)."""
    table: Table = document.add_table(rows=n_rows, cols=len(widths_mm))
    table.autofit = False
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table_borders(table, size_eighths=8)
    cell_margins(table, 1.5, 0.8)
    for i, w in enumerate(widths_mm):
        table.columns[i].width = Mm(w)
        for cell in table.columns[i].cells:
            cell.width = Mm(w)
    return table


def _slip_table(
    document: Document, record: dict[str, Any], variant: str, readings: Sequence[Reading] = ()
) -> None:
    reading = variant == "阅文"
    n_rows = 6 + (1 + READER_ROWS if reading else 2)
    table = _form_table(document, n_rows, GRID_MM)
    wide = sum(GRID_MM[1:])  # a value that spans the five right-hand columns

    def row(r: int, items: tuple[tuple[str, str], ...], height: float = 11) -> None:
        """Label/value pairs across a row; with two pairs the first value spans three columns."""
        row_flags(table.rows[r]._tr, height_mm=height)
        if len(items) == 2:
            table.cell(r, 1).merge(table.cell(r, 3))
        starts = (0, 4) if len(items) == 2 else (0, 2, 4)
        for start, (label, value) in zip(starts, items, strict=True):
            _put(table.cell(r, start), label, "Slip Label")
            _put(table.cell(r, start + 1), value, "Slip Value")

    secrecy = field_text(record, "secrecy")
    if record.get("secrecy_term") and secrecy not in ("", "无"):
        secrecy = str(record["secrecy_term"])  # 机密★10年 says both
    row(0, (("收文编号", field_text(record, "serial")), ("收文日期", day_text(record.get("received_at"))),
            ("紧急程度", field_text(record, "urgency"))))  # fmt: skip
    row(1, (("来文单位", field_text(record, "sender")), ("密　　级", secrecy)))
    row(
        2,
        (
            ("来文字号", field_text(record, "sender_ref")),
            ("份　　数", field_text(record, "copies")),
        ),
    )
    row_flags(table.rows[3]._tr, height_mm=16)
    _put(table.cell(3, 0), "标　　题", "Slip Label")
    _put(table.cell(3, 1).merge(table.cell(3, 5)), field_text(record, "title"), "Slip Value")

    boxes = [
        ("拟办意见", "proposal", _signed(field_text(record, "proposer"), record.get("proposed_on"),
                                         "拟办人"), 38.0),
        ("领导批示", "instruction", _signed(field_text(record, "instructed_by"),
                                           record.get("instructed_on"), "批示人"),
         62.0 if reading else 74.0),
    ]  # fmt: skip
    if not reading:
        done = day_text(record.get("done_on"))
        boxes.append(("办理情况", "result", f"办结日期：{done}" if done else BLANK_SIGN, 42.0))
    for r, (label, name, sign, height) in enumerate(boxes, start=4):
        row_flags(table.rows[r]._tr, height_mm=height)
        _put(table.cell(r, 0), label, "Slip Label")
        box = table.cell(r, 1).merge(table.cell(r, 5))
        _box(box, field_text(record, name), sign, height, wide)

    if reading:
        _readers(table, 6, readings)
    else:
        row(7, (("承办部门", field_text(record, "lead_dept")), ("承 办 人", field_text(record, "handler")),
                ("办理时限", day_text(record.get("due_date")))))  # fmt: skip


def _readers(table: Table, first: int, readings: Sequence[Reading] = ()) -> None:
    """The 传阅 part: a label down the left, then 阅文领导 / 阅文时间 / 签名 lines: the recorded
    readers first (sent → returned), the rest left to fill in by hand."""
    label = table.cell(first, 0).merge(table.cell(first + READER_ROWS, 0))
    _put(label, "传阅情况", "Slip Label")
    for r in range(first, first + READER_ROWS + 1):
        row_flags(table.rows[r]._tr, height_mm=10 if r > first else 9)
        time_cell = table.cell(r, 2).merge(table.cell(r, 3))
        sign_cell = table.cell(r, 4).merge(table.cell(r, 5))
        if r == first:
            _put(table.cell(r, 1), "阅文领导", "Slip Label")
            _put(time_cell, "阅文时间", "Slip Label")
            _put(sign_cell, "签　　名", "Slip Label")
        elif r - first - 1 < len(readings):
            seen = readings[r - first - 1]
            when = (
                seen.sent_at.strftime("%m-%d %H:%M")
                + " → "
                + (seen.returned_at.strftime("%m-%d %H:%M") if seen.returned_at else "未退回")
            )
            _put(table.cell(r, 1), seen.reader, "Slip Value")
            _put(time_cell, when, "Slip Value")


# -- 传阅单 and 催办单 ------------------------------------------------------------------------

FORM_WIDTH_MM = {False: 165.0, True: 252.0}  # A4 type area, portrait and landscape


def export_table_form(path: Path, form: TableForm) -> Path:
    """Write a 传阅单 or 催办单 (see workflow_forms) to `path` as .docx, ruled like the paper."""
    path = Path(path)
    with atomic_output(path) as tmp:
        document = _document("", form.title)
        page_a4(document.sections[0], landscape=form.landscape, margins_mm=MARGINS_MM)
        pairs = [f"{label}：{value}" if label else "" for label, value in form.info]
        for i in range(0, len(pairs), 2):
            line = "　　".join(p for p in pairs[i : i + 2] if p)
            if line:
                document.add_paragraph(line, style="Slip Value")
        total = sum(share for _h, share in form.columns)
        widths = [FORM_WIDTH_MM[form.landscape] * share / total for _h, share in form.columns]
        rows = form.all_rows()
        table = _form_table(document, 1 + len(rows), widths)
        row_flags(table.rows[0]._tr, header=True, height_mm=9)
        for i, (header, _share) in enumerate(form.columns):
            _put(table.cell(0, i), header, "Slip Label")
        for r, row in enumerate(rows, start=1):
            row_flags(table.rows[r]._tr, height_mm=10)
            for i, text in enumerate(row):
                _put(table.cell(r, i), text, "Slip Value")
        for line in form.foot:
            document.add_paragraph(line, style="Slip Note")
        document.save(str(tmp))
    return path
