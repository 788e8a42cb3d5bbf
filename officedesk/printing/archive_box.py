"""Forms of an archive box: the 备考表 that goes in it and the 盒脊 label on its spine.

备考表 (DA/T 22-2015): 盒内文件情况说明, 整理人 and date, 检查人 and date, one A4 page per box.
盒脊: 全宗号, 年度, 保管期限, 起止件号, 盒号 (and 机构 when used) on a strip as wide as the
box's spine (20, 30, 40 or 50 mm) and 265 mm tall, as many strips side by side as fit on A4,
with a thin frame to cut along.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QLineF, QRectF, QSizeF
from PySide6.QtGui import QColor, QPainter, QPen

from officedesk.printing.fonts import font, mm, pt
from officedesk.printing.service import PrintJob, a4_layout
from officedesk.printing.text import TextStyle, draw_lines, wrap

SPINE_HEIGHT_MM = 265.0
SPINE_GAP_MM = 4.0
SPINE_MARGIN_MM = 10.0


@dataclass(frozen=True)
class BoxFacts:
    """What the forms of one box show (from storage.archive_boxes.Box and the 全宗)."""

    fonds_no: str
    box_no: str
    year: str
    retention: str
    org: str  # "办公室(BGS)" or ""
    item_range: str
    count: int
    pages: int
    gaps: tuple[str, ...] = ()  # "0002（重复登记）": voided numbers inside the range
    note: str = ""
    arranged_by: str = ""
    arranged_on: str = ""
    checked_by: str = ""
    checked_on: str = ""
    spine_mm: int = 30

    def explanation(self) -> str:
        """盒内文件情况说明: the clerk's note after the facts the software knows."""
        text = f"本盒共 {self.count} 件，件号 {self.item_range}，共 {self.pages} 页。"
        if self.gaps:
            text += f"件号 {'、'.join(self.gaps)} 已作废，号码空缺不再使用。"
        if self.note.strip():
            text += "\n" + self.note.strip()
        return text


class BoxNotes(PrintJob):
    """备考表 for each box, one A4 portrait page per box."""

    def __init__(self, boxes: list[BoxFacts]) -> None:
        self.boxes = boxes
        self.title = "备考表"
        self.page_layout = a4_layout(False, (25, 25, 20, 25))

    def paginate(self, size: QSizeF) -> int:
        return len(self.boxes)

    def paint_page(self, painter: QPainter, index: int, size: QSizeF) -> None:
        """The table: title, the box's identity, the explanation box, the signing lines."""
        facts = self.boxes[index]
        width = size.width()
        title = TextStyle.of(font(22, heading=True), 1.6)
        body = TextStyle.of(font(14), 1.6)
        small = TextStyle.of(font(12), 1.5)
        draw_lines(painter, ["备　考　表"], title, 0, 0, width, "center")
        y = title.line_height + pt(6)
        ident = [f"全宗号：{facts.fonds_no}　　年度：{facts.year}　　保管期限：{facts.retention}",
                 (f"机构(问题)：{facts.org}　　" if facts.org else "") + f"盒号：{facts.box_no}"]  # fmt: skip
        draw_lines(painter, ident, small, 0, y, width, "left")
        y += small.line_height * len(ident) + pt(6)
        box_h = size.height() - y - mm(60)
        painter.setPen(QPen(QColor("black"), pt(1)))
        painter.drawRect(QRectF(0, y, width, box_h + mm(50)))
        pad = mm(4)
        draw_lines(painter, ["盒内文件情况说明："], body, pad, y + pad, width - 2 * pad)
        lines = wrap("　　" + facts.explanation().replace("\n", "\n　　"), body, width - 2 * pad)
        draw_lines(painter, lines, body, pad, y + pad + body.line_height, width - 2 * pad)
        y += box_h
        painter.drawLine(QLineF(0, y, width, y))
        for label, who, day in (("整理人", facts.arranged_by, facts.arranged_on),
                                ("检查人", facts.checked_by, facts.checked_on)):  # fmt: skip
            y += mm(8)
            text = f"{label}：{who or '　' * 6}　　　　日期：{day or '　' * 8}"
            draw_lines(painter, [text], body, pad, y, width - 2 * pad, "right")
            y += mm(12)


def spine_lines(facts: BoxFacts) -> list[tuple[str, str]]:
    """(label, value) down a 盒脊, top to bottom."""
    lines = [("全宗号", facts.fonds_no), ("年度", facts.year), ("保管期限", facts.retention)]
    if facts.org:
        lines.append(("机构(问题)", facts.org))
    lines += [("起止件号", facts.item_range), ("盒号", facts.box_no)]
    return lines


class SpineLabels(PrintJob):
    """盒脊 strips for boxes of one spine width, side by side on A4 portrait."""

    def __init__(self, boxes: list[BoxFacts], spine_mm: int) -> None:
        if spine_mm not in (20, 30, 40, 50):
            raise ValueError("盒脊厚度应为 20、30、40 或 50 毫米")
        self.boxes = boxes
        self.spine_mm = spine_mm
        self.title = "盒脊"
        self.page_layout = a4_layout(False, (0, 0, 0, 0))
        self.per_page = int((210 - 2 * SPINE_MARGIN_MM + SPINE_GAP_MM)
                            // (spine_mm + SPINE_GAP_MM))  # fmt: skip

    def paginate(self, size: QSizeF) -> int:
        return (len(self.boxes) + self.per_page - 1) // self.per_page

    def strip_rect(self, slot: int) -> QRectF:
        """Where strip `slot` of a page goes, in layout units."""
        x = SPINE_MARGIN_MM + slot * (self.spine_mm + SPINE_GAP_MM)
        top = (297 - SPINE_HEIGHT_MM) / 2
        return QRectF(mm(x), mm(top), mm(self.spine_mm), mm(SPINE_HEIGHT_MM))

    def paint_page(self, painter: QPainter, index: int, size: QSizeF) -> None:
        """Paint the strips of page `index`."""
        chunk = self.boxes[index * self.per_page : (index + 1) * self.per_page]
        for slot, facts in enumerate(chunk):
            self._strip(painter, facts, self.strip_rect(slot))

    def _strip(self, painter: QPainter, facts: BoxFacts, rect: QRectF) -> None:
        painter.setPen(QPen(QColor("black"), pt(0.8)))
        painter.drawRect(rect)
        inner = rect.width() - mm(2)
        label = TextStyle.of(font(9 if self.spine_mm <= 20 else 10.5), 1.3)
        value = TextStyle.of(font(12 if self.spine_mm <= 20 else 15, bold=True), 1.3)
        items = spine_lines(facts)
        y = rect.y() + mm(12)
        room = rect.height() - mm(24)
        block = room / len(items)
        for name, text in items:
            draw_lines(painter, wrap(name, label, inner), label, rect.x() + mm(1), y, inner,
                       "center")  # fmt: skip
            shown = wrap(text.replace("—", "\n—\n") if self.spine_mm <= 30 else text, value,
                         inner)  # fmt: skip
            draw_lines(painter, shown, value, rect.x() + mm(1), y + label.line_height * 1.2,
                       inner, "center")  # fmt: skip
            painter.setPen(QPen(QColor("#808080"), pt(0.4)))
            y += block
            if (name, text) != items[-1]:
                painter.drawLine(QLineF(rect.x(), y - mm(3), rect.right(), y - mm(3)))
            painter.setPen(QPen(QColor("black"), pt(0.8)))
