"""工作台's list on paper: sections, buckets, groups and lines, A4 portrait, 第 x 页 共 y 页."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtCore import QSizeF
from PySide6.QtGui import QColor, QPainter

from officedesk.printing.fonts import font
from officedesk.printing.service import PrintJob, a4_layout
from officedesk.printing.text import TextStyle, draw_lines, wrap
from officedesk.storage.agenda import AgendaLine, AgendaSection

MARGINS_MM = (20.0, 18.0, 18.0, 18.0)
INDENT = (0.0, 0.0, 1.0, 2.0)  # ems, by level: section, bucket, group, line


Grouped = list[tuple[str, list[tuple[str, list[AgendaLine]]]]]


def grouped(section: AgendaSection) -> Grouped:
    """A section's lines as [(bucket, [(group, [line…])…])…], buckets in their order."""
    buckets = list(section.buckets) or list(dict.fromkeys(ln.bucket for ln in section.lines))
    by_bucket: dict[str, dict[str, list[AgendaLine]]] = {b: {} for b in buckets}
    for line in section.lines:
        by_bucket.setdefault(line.bucket, {}).setdefault(line.group, []).append(line)
    out: Grouped = []
    for bucket, groups in by_bucket.items():
        if groups:
            out.append((bucket, list(groups.items())))
    return out


class AgendaDocument(PrintJob):
    """The 工作台 list of one day as a printed page or PDF."""

    def __init__(self, sections: Sequence[AgendaSection], unit_name: str, today: dt.date) -> None:
        self.sections = list(sections)
        self.today = today
        self.title = f"{unit_name}待办事项（{today.year}年{today.month}月{today.day}日）"
        self.page_layout = a4_layout(False, MARGINS_MM)
        self._pages: list[list[tuple[int, str]]] = []
        self._size: QSizeF | None = None

    def _styles(self) -> list[TextStyle]:
        return [TextStyle.of(font(14, bold=True, heading=True), 1.6),
                TextStyle.of(font(12, bold=True), 1.5),
                TextStyle.of(font(11, bold=True), 1.45),
                TextStyle.of(font(11), 1.45)]  # fmt: skip

    def items(self) -> list[tuple[int, str]]:
        """Every printed line with its level (0 section … 3 line)."""
        out: list[tuple[int, str]] = []
        for s in self.sections:
            out.append((0, f"{s.title}（{len(s.lines)} 项）"))
            out.extend((3, n) for n in s.notes)
            if not s.lines:
                out.append((3, s.empty_text))
            for bucket, groups in grouped(s):
                count = sum(len(texts) for _g, texts in groups)
                out.append((1, f"{bucket}（{count} 项）"))
                for group, texts in groups:
                    out.append((2, group or "其他"))
                    out.extend((3, ln.text) for ln in texts)
        return out

    def paginate(self, size: QSizeF) -> int:
        """Lines broken to the width, then into pages below the title."""
        styles = self._styles()
        title = TextStyle.of(font(18, bold=True, heading=True), 1.6)
        room = size.height() - title.line_height * 1.5 - styles[3].line_height * 1.5
        pages: list[list[tuple[int, str]]] = [[]]
        used = 0.0
        for level, text in self.items():
            style = styles[level]
            indent = INDENT[level] * style.em * 2
            for part in wrap(text, style, size.width() - indent) or [""]:
                if used + style.line_height > room and pages[-1]:
                    pages.append([])
                    used = 0.0
                pages[-1].append((level, part))
                used += style.line_height
        self._pages, self._size = pages, size
        return len(pages)

    def paint_page(self, painter: QPainter, index: int, size: QSizeF) -> None:
        """The title, the page's lines, and the page number at the foot."""
        if self._size != size:
            self.paginate(size)
        styles = self._styles()
        title = TextStyle.of(font(18, bold=True, heading=True), 1.6)
        draw_lines(painter, [self.title], title, 0, 0, size.width(), "center")
        y = title.line_height * 1.5
        for level, text in self._pages[index]:
            style = styles[level]
            indent = INDENT[level] * style.em * 2
            painter.setPen(QColor("#000000"))
            draw_lines(painter, [text], style, indent, y, size.width() - indent, "left")
            y += style.line_height
        foot = styles[3]
        draw_lines(painter, [f"第 {index + 1} 页 共 {len(self._pages)} 页"], foot, 0,
                   size.height() - foot.line_height, size.width(), "center")  # fmt: skip


def agenda_document(
    sections: Sequence[AgendaSection], unit_name: str, today: dt.date
) -> AgendaDocument:
    """The print job of the 工作台 list for `today`."""
    return AgendaDocument(sections, unit_name, today)
