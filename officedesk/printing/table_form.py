"""Printing a TableForm (传阅单, 催办单): title, particulars, a ruled table with room to write."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QLineF, QRectF, QSizeF
from PySide6.QtGui import QColor, QPainter, QPen

from officedesk.exports.workflow_forms import TableForm
from officedesk.printing.fonts import font, mm, pt
from officedesk.printing.service import PrintJob, a4_layout
from officedesk.printing.text import TextStyle, draw_lines, wrap

MARGINS_MM = (25.0, 20.0, 20.0, 18.0)
PAD = pt(4)
ROW_MIN = mm(10)  # room for a signature by hand
LABEL_FILL = QColor("#F2F2F2")


@dataclass
class _Styles:
    title: TextStyle
    info: TextStyle
    head: TextStyle
    cell: TextStyle
    small: TextStyle


class TableFormJob(PrintJob):
    """A TableForm on A4 pages; the table's header repeats on every page."""

    def __init__(self, form: TableForm) -> None:
        self.form = form
        self.title = form.title
        self.page_layout = a4_layout(form.landscape, MARGINS_MM)
        self._pages: list[list[tuple[list[list[str]], float]]] = []
        self._size: QSizeF | None = None

    def _styles(self) -> _Styles:
        return _Styles(
            title=TextStyle.of(font(18, bold=True, heading=True), 1.6),
            info=TextStyle.of(font(11.5), 1.6),
            head=TextStyle.of(font(11.5, bold=True), 1.4),
            cell=TextStyle.of(font(11), 1.35),
            small=TextStyle.of(font(10.5), 1.5),
        )

    def _widths(self, width: float) -> list[float]:
        total = sum(share for _h, share in self.form.columns)
        return [width * share / total for _h, share in self.form.columns]

    def _info_lines(self, width: float, s: _Styles) -> list[str]:
        pairs = [f"{label}：{value}" if label else "" for label, value in self.form.info]
        lines: list[str] = []
        for i in range(0, len(pairs), 2):
            a, b = pairs[i], pairs[i + 1] if i + 1 < len(pairs) else ""
            half = width / 2
            if s.info.advance(a) > half - pt(6) or s.info.advance(b) > half:
                lines += [p for p in (a, b) if p]
            else:
                lines.append(a + "\t" + b)
        return [piece for line in lines for piece in (wrap(line, s.info, width) if "\t" not in line
                                                      else [line])]  # fmt: skip

    def paginate(self, size: QSizeF) -> int:
        """Rows laid out to the widths, then into pages below the particulars and header."""
        s = self._styles()
        widths = self._widths(size.width())
        head_h = self._head_height(widths, s)
        first_top = (
            s.title.line_height * 1.4
            + len(self._info_lines(size.width(), s)) * s.info.line_height
            + pt(6)
        )
        foot_h = len(self.form.foot) * s.small.line_height + pt(8)
        pages: list[list[tuple[list[list[str]], float]]] = [[]]
        used = first_top + head_h
        for row in self.form.all_rows():
            cells = [wrap(text, s.cell, w - 2 * PAD) for text, w in zip(row, widths, strict=True)]
            height = max(
                ROW_MIN, max((len(c) for c in cells), default=1) * s.cell.line_height + 2 * PAD
            )
            if used + height > size.height() - foot_h and pages[-1]:
                pages.append([])
                used = s.title.line_height + head_h
            pages[-1].append((cells, height))
            used += height
        self._pages, self._size = pages, size
        return len(pages)

    def _head_height(self, widths: list[float], s: _Styles) -> float:
        lines = max(
            len(wrap(h, s.head, w - 2 * PAD))
            for (h, _), w in zip(self.form.columns, widths, strict=True)
        )
        return max(mm(9), lines * s.head.line_height + 2 * PAD)

    def paint_page(self, painter: QPainter, index: int, size: QSizeF) -> None:
        """Title (and particulars on the first page), the table part, the foot on the last."""
        if self._size != size:
            self.paginate(size)
        s = self._styles()
        width = size.width()
        widths = self._widths(width)
        draw_lines(
            painter, [self.title + ("（续）" if index else "")], s.title, 0, 0, width, "center"
        )
        y = s.title.line_height * (1.4 if index == 0 else 1.0)
        if index == 0:
            for line in self._info_lines(width, s):
                a, _, b = line.partition("\t")
                draw_lines(painter, [a], s.info, 0, y, width / 2, "left")
                if b:
                    draw_lines(painter, [b], s.info, width / 2, y, width / 2, "left")
                y += s.info.line_height
            y += pt(6)
        top = y
        head_h = self._head_height(widths, s)
        x = 0.0
        for (header, _), w in zip(self.form.columns, widths, strict=True):
            painter.fillRect(QRectF(x, y, w, head_h), LABEL_FILL)
            lines = wrap(header, s.head, w - 2 * PAD)
            draw_lines(painter, lines, s.head, x + PAD,
                       y + (head_h - len(lines) * s.head.line_height) / 2, w - 2 * PAD, "center")  # fmt: skip
            x += w
        y += head_h
        pen = QPen(QColor("black"), pt(0.5))
        for cells, height in self._pages[index]:
            painter.setPen(pen)
            painter.drawLine(QLineF(0, y, width, y))
            x = 0.0
            for lines, w in zip(cells, widths, strict=True):
                draw_lines(painter, lines, s.cell, x + PAD,
                           y + (height - len(lines) * s.cell.line_height) / 2, w - 2 * PAD, "left")  # fmt: skip
                x += w
            y += height
        painter.setPen(pen)
        painter.drawLine(QLineF(0, top + head_h, width, top + head_h))
        x = 0.0
        for w in widths[:-1]:
            x += w
            painter.drawLine(QLineF(x, top, x, y))
        painter.setPen(QPen(QColor("black"), pt(1.0)))
        painter.drawRect(QRectF(0, top, width, y - top))
        if index == len(self._pages) - 1:
            y += pt(6)
            for line in self.form.foot:
                draw_lines(painter, [line], s.small, 0, y, width, "left")
                y += s.small.line_height
        if len(self._pages) > 1:
            draw_lines(painter, [f"第 {index + 1} 页 共 {len(self._pages)} 页"], s.small, 0,
                       size.height() - s.small.line_height, width, "center")  # fmt: skip


def table_form_job(form: TableForm) -> TableFormJob:
    """The print job of a 传阅单 or 催办单."""
    return TableFormJob(form)
