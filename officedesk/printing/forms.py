"""The 收文处理单 (办文 and 阅文 variants): one A4 portrait form that travels with the paper."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QLineF, QRectF, QSizeF, Qt
from PySide6.QtGui import QColor, QPainter, QPen

from officedesk.core.workflow import Reading
from officedesk.exports.workflow_forms import day_text, field_text
from officedesk.printing.fonts import font, mm, pt
from officedesk.printing.service import PrintJob, a4_layout
from officedesk.printing.text import TextStyle, clip_lines, draw_lines, wrap

VARIANTS = ("办文", "阅文")
FOOT_NOTE = "本单随文件流转，办结后随文件一并归档。"
CIRCULATION_HEADER = ("阅文领导", "送阅时间", "退回时间", "签名")
CIRCULATION_ROWS = 6
MARGINS_MM = (25.0, 20.0, 20.0, 18.0)  # a wider left margin: the slip is bound with the file
LABEL_WIDTH = mm(24)
PAD = pt(4)
LABEL_FILL = QColor("#F2F2F2")


def _secrecy(record: dict[str, Any]) -> str:
    """密级 with its term the way the document shows it: 机密★10年."""
    level, term = field_text(record, "secrecy"), field_text(record, "secrecy_term")
    return f"{level}★{term}" if level and level != "无" and term else level


def _signature(who: str, name: str, day: str) -> str:
    """The line at the foot of a box: filled in, or with room to sign by hand."""
    return f"{who}：{name or '　' * 5}　　日期：{day or '　' * 5}"


@dataclass
class _Styles:
    title: TextStyle
    variant: TextStyle
    label: TextStyle
    value: TextStyle
    small: TextStyle


@dataclass
class _Cell:
    """One cell of a row: a label or a value, its share of the row, and how its text sits."""

    text: str
    width: float
    label: bool = False
    align: str = "left"
    signature: str = ""  # a box's signing line, at its foot on the right


@dataclass
class _Row:
    cells: list[_Cell]
    min_height: float
    flexible: bool = False  # a box for handwriting: gives way first when the page is full
    lines: list[list[str]] = field(default_factory=list)
    height: float = 0.0


class ProcessingSlip(PrintJob):
    """收文处理单 for one record (typed values), 办文 or 阅文, always one page."""

    def __init__(
        self,
        record: dict[str, Any],
        unit_name: str,
        variant: str,
        readings: Sequence[Reading] = (),
    ) -> None:
        if variant not in VARIANTS:
            raise ValueError(f"处理单只有「办文」「阅文」两种，不是「{variant}」")
        self.record = record
        self.readings = list(readings)
        self.unit_name = unit_name
        self.variant = variant
        self.title = f"{unit_name}收文处理单"
        self.page_layout = a4_layout(False, MARGINS_MM)

    def paginate(self, size: QSizeF) -> int:
        """A slip is one page whatever it holds: boxes give way, long text is cut."""
        return 1

    def _styles(self) -> _Styles:
        return _Styles(
            title=TextStyle.of(font(20, bold=True, heading=True), 1.4),
            variant=TextStyle.of(font(12), 1.6),
            label=TextStyle.of(font(12, bold=True), 1.4),
            value=TextStyle.of(font(12), 1.4),
            small=TextStyle.of(font(10.5), 1.4),
        )

    def _rows(self, width: float) -> list[_Row]:
        r = self.record
        value = (width - 2 * LABEL_WIDTH) / 2
        full = width - LABEL_WIDTH
        line = mm(10)

        def pair(a: str, av: str, b: str, bv: str) -> _Row:
            return _Row(
                [
                    _Cell(a, LABEL_WIDTH, True, "center"),
                    _Cell(av, value),
                    _Cell(b, LABEL_WIDTH, True, "center"),
                    _Cell(bv, value),
                ],
                line,
            )

        def single(label: str, text: str, height: float = line) -> _Row:
            return _Row([_Cell(label, LABEL_WIDTH, True, "center"), _Cell(text, full)], height)

        def box(label: str, text: str, signature: str, height: float) -> _Row:
            return _Row(
                [_Cell(label, LABEL_WIDTH, True, "center"), _Cell(text, full, signature=signature)],
                height,
                flexible=True,
            )

        rows = [
            pair("收文日期", day_text(r.get("received_at")), "收文编号", field_text(r, "serial")),
            single("来文单位", field_text(r, "sender")),
            pair("来文字号", field_text(r, "sender_ref"), "份　　数", field_text(r, "copies")),
            pair("密　　级", _secrecy(r), "紧急程度", field_text(r, "urgency")),
            single("标　　题", field_text(r, "title"), mm(18)),
            box(
                "拟办意见",
                field_text(r, "proposal"),
                _signature("拟办人", field_text(r, "proposer"), day_text(r.get("proposed_on"))),
                mm(35),
            ),
            box(
                "领导批示",
                field_text(r, "instruction"),
                _signature(
                    "批示人", field_text(r, "instructed_by"), day_text(r.get("instructed_on"))
                ),
                mm(70),
            ),
        ]
        if self.variant == "办文":
            rows += [
                box("办理情况", field_text(r, "result"), "", mm(40)),
                pair("承办部门", field_text(r, "lead_dept"), "承 办 人", field_text(r, "handler")),
                pair(
                    "办理时限", day_text(r.get("due_date")), "办结日期", day_text(r.get("done_on"))
                ),
            ]
        else:
            quarter = width / 4
            header = [_Cell(t, quarter, True, "center") for t in CIRCULATION_HEADER]
            rows.append(_Row(header, mm(8)))
            filled = [
                (seen.reader, seen.sent_at.strftime("%m-%d %H:%M"),
                 seen.returned_at.strftime("%m-%d %H:%M") if seen.returned_at else "未退回", "")
                for seen in self.readings
            ]  # fmt: skip
            blank = ("",) * len(CIRCULATION_HEADER)
            filled += [blank] * max(0, CIRCULATION_ROWS - len(filled))
            rows += [
                _Row([_Cell(text, quarter, align="center") for text in line], mm(8.5))
                for line in filled
            ]
        return rows

    def _fit(self, rows: list[_Row], room: float, s: _Styles) -> None:
        """Give each row its height: its design height or its text, whichever is taller; spare
        room goes to the boxes. Text too long for one page is shared out level by level: short
        entries stay whole, the longest are cut with an ellipsis."""
        for row in rows:
            row.lines = []
            needed = 0.0
            for cell in row.cells:
                style = s.label if cell.label else s.value
                lines = wrap(cell.text, style, cell.width - 2 * PAD)
                row.lines.append(lines)
                needed = max(needed, len(lines) * style.line_height + self._extra(cell, s))
            row.height = max(row.min_height, needed)
        boxes = [r for r in rows if r.flexible]
        spare = room - sum(row.height for row in rows)
        if spare >= 0:  # the form fills the page: the boxes share what is left
            grow = sum(r.height for r in boxes)
            for row in boxes:
                row.height += spare * row.height / grow
            return
        # A box may shrink to three lines; other rows keep their design height.
        floors = [
            min(r.height, 3 * s.value.line_height + s.small.line_height + 2 * PAD)
            if r.flexible
            else min(r.height, r.min_height)
            for r in rows
        ]
        wanted = [r.height for r in rows]
        low, high = 0.0, max(wanted)
        for _ in range(40):  # the level at which the rows just fill the page
            level = (low + high) / 2
            used = sum(min(w, max(f, level)) for w, f in zip(wanted, floors, strict=True))
            low, high = (level, high) if used <= room else (low, level)
        for row, w, f in zip(rows, wanted, floors, strict=True):
            row.height = min(w, max(f, low))
            row.lines = [
                clip_lines(
                    lines,
                    int(
                        (row.height - self._extra(c, s))
                        // (s.label if c.label else s.value).line_height
                    ),
                    s.label if c.label else s.value,
                    c.width - 2 * PAD,
                )
                for lines, c in zip(row.lines, row.cells, strict=True)
            ]

    @staticmethod
    def _extra(cell: _Cell, s: _Styles) -> float:
        """Height a cell needs besides its lines: padding, and the signing line of a box."""
        return 2 * PAD + (s.small.line_height if cell.signature else 0.0)

    def paint_page(self, painter: QPainter, index: int, size: QSizeF) -> None:
        """Paint the slip: title, variant, the bordered form, the foot note."""
        s = self._styles()
        width = size.width()
        draw_lines(painter, [self.title], s.title, 0, 0, width, "center")
        y = s.title.line_height
        draw_lines(painter, [f"（{self.variant}）"], s.variant, 0, y, width, "center")
        top = y + s.variant.line_height + pt(2)
        bottom_room = s.small.line_height + pt(4)
        rows = self._rows(width)
        self._fit(rows, size.height() - top - bottom_room, s)
        y = top
        for row in rows:
            self._paint_row(painter, row, y, s)
            y += row.height
        painter.setPen(QPen(QColor("black"), pt(1.0)))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(QRectF(0, top, width, y - top))
        draw_lines(painter, [FOOT_NOTE], s.small, 0, y + pt(4), width, "left")

    def _paint_row(self, painter: QPainter, row: _Row, y: float, s: _Styles) -> None:
        x = 0.0
        for cell, lines in zip(row.cells, row.lines, strict=True):
            rect = QRectF(x, y, cell.width, row.height)
            if cell.label:
                painter.fillRect(rect, LABEL_FILL)
            painter.setPen(QPen(QColor("black"), pt(0.5)))
            painter.drawLine(QLineF(rect.topLeft(), rect.topRight()))
            if x > 0:
                painter.drawLine(QLineF(rect.topLeft(), rect.bottomLeft()))
            style = s.label if cell.label else s.value
            inner = cell.width - 2 * PAD
            if cell.label or not row.flexible:  # labels and short values: centred vertically
                text_top = y + (row.height - len(lines) * style.line_height) / 2
            else:  # a box: the text starts at the top, as it would by hand
                text_top = y + PAD
            draw_lines(painter, lines, style, x + PAD, text_top, inner, cell.align)
            if cell.signature:
                sign_top = y + row.height - PAD - s.small.line_height
                draw_lines(painter, [cell.signature], s.small, x + PAD, sign_top, inner, "right")
            x += cell.width


def processing_slip(
    record: dict[str, Any], unit_name: str, variant: str, readings: Sequence[Reading] = ()
) -> ProcessingSlip:
    """The 收文处理单 of `record` (typed values), variant "办文" or "阅文"; ValueError otherwise.
    The 阅文 variant lists the recorded 传阅 `readings` in its reader rows."""
    return ProcessingSlip(record, unit_name, variant, readings)


def circulation_slip(
    record: dict[str, Any], readings: Sequence[Reading], unit_name: str
) -> PrintJob:
    """The 传阅单 of a 收文: one row per reader (送阅时间, 退回时间, 签名, 意见)."""
    from officedesk.exports.workflow_forms import circulation_form
    from officedesk.printing.table_form import table_form_job

    return table_form_job(circulation_form(record, readings, unit_name))


def reminder_slip(
    record: dict[str, Any],
    reminders: Sequence[dict[str, Any]],
    unit_name: str,
    today: dt.date,
) -> PrintJob:
    """The 催办单 of one 收文, with the 催办 recorded so far."""
    from officedesk.exports.workflow_forms import reminder_form
    from officedesk.printing.table_form import table_form_job

    return table_form_job(reminder_form(record, reminders, unit_name, today))


def department_reminder_slip(
    department: str, items: Sequence[dict[str, Any]], unit_name: str, today: dt.date
) -> PrintJob:
    """The 催办单 listing every overdue 收文 of one department."""
    from officedesk.exports.workflow_forms import department_reminder_form
    from officedesk.printing.table_form import table_form_job

    return table_form_job(department_reminder_form(department, items, unit_name, today))
