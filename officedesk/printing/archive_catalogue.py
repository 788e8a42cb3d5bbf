"""归档文件目录 on paper and as PDF: for each volume a cover page, then its table (the printed
register layout: A4 landscape, header repeated, 题名 wrapping, 第 x 页 共 y 页 per volume)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QLineF, QSizeF
from PySide6.QtGui import QColor, QPainter, QPen

from officedesk.exports.archive_catalogue import CATALOGUE, TITLE, numbered
from officedesk.printing.fonts import font, mm
from officedesk.printing.register_print import MARGINS_MM, PrintMeta, RegisterDocument
from officedesk.printing.service import PrintJob, a4_layout
from officedesk.printing.text import TextStyle, draw_lines, wrap

# (points, how far the spacing shrinks 0–1) tried in turn until the cover fits its page.
COVER_FITS = ((16, 0.0), (16, 0.5), (16, 1.0), (14, 1.0), (12, 1.0), (10.5, 1.0), (9, 1.0))


class CatalogueJob(PrintJob):
    """Every volume's cover and table, one after the other."""

    def __init__(self, volumes: Sequence[Any], unit_name: str) -> None:
        self.volumes = list(volumes)
        self.title = f"{unit_name}{TITLE}"
        self.page_layout = a4_layout(True, MARGINS_MM)
        self.tables = [
            RegisterDocument(CATALOGUE, numbered(v.rows),
                             PrintMeta(unit_name="", subtitle=f"全宗号：{v.fonds_no}　{v.heading}"))
            for v in self.volumes
        ]  # fmt: skip
        self._pages: list[tuple[int, int]] = []  # (volume, page within it; -1 = cover)

    def paginate(self, size: QSizeF) -> int:
        """A cover and the table's pages for each volume."""
        self._pages = []
        for v, table in enumerate(self.tables):
            self._pages.append((v, -1))
            self._pages += [(v, p) for p in range(table.paginate(size))]
        return len(self._pages)

    def paint_page(self, painter: QPainter, index: int, size: QSizeF) -> None:
        """A cover or a page of a volume's table."""
        if not self._pages:
            self.paginate(size)
        v, page = self._pages[index]
        if page >= 0:
            self.tables[v].paint_page(painter, page, size)
            return
        self._paint_cover(painter, self.volumes[v], size)

    def _paint_cover(self, painter: QPainter, volume: Any, size: QSizeF) -> None:
        """The cover: the title and five underlined fields, long values wrapped in the field.

        No page number: the cover is not counted in its table's 第 x 页 共 y 页. When the
        values run long (many 机构) the spacing shrinks, then the type, to keep one page.
        """
        width, height = size.width(), size.height()
        fields = (
            ("全　宗　号", volume.fonds_no), ("全宗名称", volume.fonds_name),
            ("年　　度", str(volume.year)),
            ("保管期限", volume.periods),
            ("机构(问题)", volume.orgs),
        )  # fmt: skip
        label_w, value_w = mm(40), mm(120)
        title = TextStyle.of(font(36, heading=True), 1.4)
        for points, squeeze in COVER_FITS:
            line = TextStyle.of(font(points), 1.4)
            values = [wrap(str(value or ""), line, value_w - mm(4)) or [""] for _, value in fields]
            top, after_title, after_row = (mm(30 - 20 * squeeze), mm(18 - 10 * squeeze),
                                           mm(8 - 5 * squeeze))  # fmt: skip
            rows = sum(len(lines) * line.line_height + after_row for lines in values)
            if top + title.line_height + after_title + rows <= height:
                break
        y = top
        draw_lines(painter, [TITLE], title, 0, y, width, "center")
        y += title.line_height + after_title
        x = (width - label_w - value_w) / 2
        painter.setPen(QPen(QColor("black"), mm(0.25)))
        for (label, _), lines in zip(fields, values, strict=True):
            draw_lines(painter, [label + "："], line, x, y, label_w, "right")
            for text in lines:  # each line of the value on its own rule, as on the form
                draw_lines(painter, [text], line, x + label_w + mm(2), y, value_w, "left")
                base = y + line.line_height
                painter.drawLine(QLineF(x + label_w, base, x + label_w + value_w, base))
                y += line.line_height
            y += after_row


def catalogue_job(volumes: Sequence[Any], unit_name: str) -> CatalogueJob:
    """The printed 归档文件目录 of `volumes` (exports.archive_catalogue.Volume)."""
    return CatalogueJob(volumes, unit_name)
