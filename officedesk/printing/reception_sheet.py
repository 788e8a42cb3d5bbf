"""The 公务接待清单 on paper: A4 landscape, the guests' table, the total and the sign-off line."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QRectF, QSizeF
from PySide6.QtGui import QPainter, QTextDocument

from officedesk.exports.reception_sheet import HEADER, SIGN_OFF, WIDTHS_MM, ReceptionSheet
from officedesk.printing.fonts import font, pt
from officedesk.printing.service import PrintJob, a4_layout

MARGINS_MM = (15.0, 15.0, 15.0, 15.0)


def sheet_html(sheet: ReceptionSheet) -> str:
    """The 清单 as the HTML subset QTextDocument lays out (tables with collapsed borders)."""
    total_mm = sum(WIDTHS_MM)
    cols = "".join(f'<th width="{w * 100 / total_mm:.1f}%">{escape(h)}</th>'
                   for h, w in zip(HEADER, WIDTHS_MM, strict=True))  # fmt: skip
    body = "".join("<tr>" + "".join(f"<td>{escape(t)}</td>" for t in row) + "</tr>"
                   for row in sheet.rows)  # fmt: skip
    total = (f'<tr><td colspan="6" align="center"><b>合计</b></td><td><b>{escape(sheet.total)}'
             "</b></td><td></td></tr>")  # fmt: skip
    notes = "".join(f"<p>注意：{escape(w)}</p>" for w in sheet.warnings)
    sign = "　　　　".join(f"{label}　　　　　　" for label in SIGN_OFF) + "　　年　　月　　日"
    return (
        f'<h2 align="center">{escape(sheet.title)}</h2>'
        f'<p style="white-space: pre-wrap;">{escape(sheet.letter)}</p>'
        '<table width="99.5%" border="1" cellspacing="0" cellpadding="4" '
        'style="border-collapse: collapse; border-color: #000;">'
        f'<tr style="background-color: #D9E1F2;">{cols}</tr>{body}{total}</table>'
        f'{notes}<p style="white-space: pre-wrap;"><br/><br/>{sign}</p>'
    )


class ReceptionSheetJob(PrintJob):
    """Pages of the 接待清单 (a long guest list runs onto more pages)."""

    def __init__(self, sheet: ReceptionSheet) -> None:
        self.sheet = sheet
        self.title = sheet.title
        self.page_layout = a4_layout(True, MARGINS_MM)
        self.document = QTextDocument()
        self.document.setDefaultFont(font(11))
        self.document.setDocumentMargin(0)
        self.document.setHtml(sheet_html(sheet))
        self._size: QSizeF | None = None

    def paginate(self, size: QSizeF) -> int:
        if self._size != size:
            self.document.setPageSize(size)
            self._size = QSizeF(size)
        return max(1, self.document.pageCount())

    def paint_page(self, painter: QPainter, index: int, size: QSizeF) -> None:
        self.paginate(size)
        painter.save()
        painter.translate(0, -index * size.height())
        self.document.drawContents(painter, QRectF(0, index * size.height(), size.width(),
                                                   size.height()))  # fmt: skip
        painter.restore()
        painter.setFont(font(9))
        painter.drawText(QRectF(0, size.height() - pt(12), size.width(), pt(12)), 0x84,
                         f"第 {index + 1} 页 共 {self.paginate(size)} 页")  # fmt: skip
