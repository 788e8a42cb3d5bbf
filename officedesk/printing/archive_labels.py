"""归档章 (DA/T 22-2015 附录 A): 45 × 16 mm, 2 rows × 3 cells of 15 × 8 mm.

全宗号 | 年度 | 件号 / 机构(问题) | 保管期限 | 页数. Printed as labels on A4 sticker sheets (grid,
offsets and gaps settable so the print lines up with the office's paper, and a start position
for a sheet already partly used), or one stamp at the top of a page, centred (as stamped on
the first page of a 件). The page has no margins: every position is measured from the paper's
top-left corner, as on the sticker sheet's own drawing.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from typing import Any

from PySide6.QtCore import QLineF, QPointF, QRectF, QSizeF
from PySide6.QtGui import QColor, QPainter, QPen

from officedesk.printing.fonts import font, mm, pt
from officedesk.printing.service import PrintJob, a4_layout
from officedesk.printing.text import TextStyle

STAMP_W_MM, STAMP_H_MM = 45.0, 16.0
CELL_W_MM, CELL_H_MM = 15.0, 8.0
A4_W_MM, A4_H_MM = 210.0, 297.0
SHORT_RETENTION = {"永久": "永久", "定期30年": "30年", "定期10年": "10年"}


@dataclass
class LabelSheet:
    """Where the stamps sit on the sticker sheet, in millimetres from the paper's corner."""

    columns: int = 4
    rows: int = 15
    left_mm: float = 12.0  # left edge of the first column
    top_mm: float = 16.0  # top edge of the first row
    h_gap_mm: float = 3.0  # between two columns
    v_gap_mm: float = 2.0  # between two rows
    start_at: int = 1  # first free label on the first sheet (1 = top left)
    border: bool = True  # the stamp's frame and cell lines
    mode: str = "sheet"  # "sheet": labels on a sticker sheet; "page": one per page, top centre
    page_top_mm: float = 6.0  # "page" mode: the stamp's distance from the top edge

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> LabelSheet:
        """A layout from saved options (unknown keys ignored, missing ones default)."""
        names = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in names})

    def to_dict(self) -> dict[str, Any]:
        """The layout as options to save."""
        return asdict(self)

    @property
    def per_sheet(self) -> int:
        return self.columns * self.rows

    def problem(self) -> str | None:
        """A Chinese message if the grid does not fit on A4 or makes no sense, else None."""
        if self.columns < 1 or self.rows < 1:
            return "每页的行数和列数至少为 1"
        if not 1 <= self.start_at <= self.per_sheet:
            return f"「从第几个标签开始」应在 1 到 {self.per_sheet} 之间"
        if min(self.left_mm, self.top_mm, self.h_gap_mm, self.v_gap_mm) < 0:
            return "边距和间距不能为负数"
        right = self.left_mm + self.columns * STAMP_W_MM + (self.columns - 1) * self.h_gap_mm
        bottom = self.top_mm + self.rows * STAMP_H_MM + (self.rows - 1) * self.v_gap_mm
        if right > A4_W_MM + 0.01:
            return f"{self.columns} 列标签宽 {right:.1f} 毫米，超出 A4 纸宽 210 毫米"
        if bottom > A4_H_MM + 0.01:
            return f"{self.rows} 行标签高 {bottom:.1f} 毫米，超出 A4 纸高 297 毫米"
        return None

    def position(self, slot: int) -> tuple[float, float]:
        """Top-left corner (mm) of label `slot` (0-based, row by row) on its sheet."""
        r, c = divmod(slot, self.columns)
        return (self.left_mm + c * (STAMP_W_MM + self.h_gap_mm),
                self.top_mm + r * (STAMP_H_MM + self.v_gap_mm))  # fmt: skip


@dataclass(frozen=True)
class Stamp:
    """The six values of one 归档章."""

    fonds_no: str
    year: str
    item_no: str
    org: str
    retention: str
    pages: str

    @classmethod
    def of(cls, fonds_no: str, item: dict[str, Any]) -> Stamp:
        """The stamp of a 件 (values as stored or typed)."""
        return cls(
            fonds_no,
            str(item.get("year") or ""),
            str(item.get("item_no") or ""),
            str(item.get("org_code") or ""),
            SHORT_RETENTION.get(str(item.get("retention") or ""), str(item.get("retention") or "")),
            "" if item.get("pages") in (None, "") else str(item["pages"]),
        )

    def cells(self) -> tuple[str, ...]:
        return (self.fonds_no, self.year, self.item_no, self.org, self.retention, self.pages)


def paint_stamp(painter: QPainter, stamp: Stamp, x_mm: float, y_mm: float, border: bool) -> None:
    """Draw one stamp with its top-left corner at (x_mm, y_mm) from the page's corner."""
    x0, y0 = mm(x_mm), mm(y_mm)
    w, h = mm(CELL_W_MM), mm(CELL_H_MM)
    if border:
        painter.setPen(QPen(QColor("black"), pt(0.6)))
        painter.drawRect(QRectF(x0, y0, 3 * w, 2 * h))
        painter.drawLine(QLineF(x0, y0 + h, x0 + 3 * w, y0 + h))
        for c in (1, 2):
            painter.drawLine(QLineF(x0 + c * w, y0, x0 + c * w, y0 + 2 * h))
    for i, text in enumerate(stamp.cells()):
        if not text:
            continue
        r, c = divmod(i, 3)
        _centred(painter, text, QRectF(x0 + c * w, y0 + r * h, w, h))


def _centred(painter: QPainter, text: str, rect: QRectF) -> None:
    """`text` centred in `rect`, 10.5 pt or smaller until it fits with a little air."""
    size = 10.5
    room = rect.width() - mm(1.2)
    style = TextStyle.of(font(size))
    while style.advance(text) > room and size > 5:
        size -= 0.5
        style = TextStyle.of(font(size))
    painter.setFont(style.font)
    painter.setPen(QColor("black"))
    x = rect.x() + (rect.width() - style.advance(text)) / 2
    y = rect.y() + (rect.height() - style.em) / 2 + 0.88 * style.em
    painter.drawText(QPointF(x, y), text)


class StampLabels(PrintJob):
    """归档章 for a list of 件, on sticker sheets or one per page."""

    def __init__(self, stamps: list[Stamp], sheet: LabelSheet) -> None:
        problem = sheet.problem()
        if problem:
            raise ValueError(problem)
        self.stamps = stamps
        self.sheet = sheet
        self.title = "归档章"
        self.page_layout = a4_layout(False, (0, 0, 0, 0))

    def _first_slot(self) -> int:
        return self.sheet.start_at - 1

    def paginate(self, size: QSizeF) -> int:
        """Sheets needed (the first one starting at `start_at`), or one page per stamp."""
        if not self.stamps:
            return 0
        if self.sheet.mode == "page":
            return len(self.stamps)
        used = self._first_slot() + len(self.stamps)
        return (used + self.sheet.per_sheet - 1) // self.sheet.per_sheet

    def placements(self, index: int) -> list[tuple[Stamp, float, float]]:
        """The stamps on page `index` with their positions in mm."""
        if self.sheet.mode == "page":
            x = (A4_W_MM - STAMP_W_MM) / 2
            return [(self.stamps[index], x, self.sheet.page_top_mm)]
        per = self.sheet.per_sheet
        out = []
        for n, stamp in enumerate(self.stamps):
            slot = self._first_slot() + n
            if slot // per == index:
                x, y = self.sheet.position(slot % per)
                out.append((stamp, x, y))
        return out

    def paint_page(self, painter: QPainter, index: int, size: QSizeF) -> None:
        """Paint the stamps of one sheet (or page)."""
        for stamp, x, y in self.placements(index):
            paint_stamp(painter, stamp, x, y, self.sheet.border)


def stamp_labels(fonds_no: str, items: list[dict[str, Any]], sheet: LabelSheet) -> StampLabels:
    """The 归档章 job for `items` (in the order given); ValueError when the grid is impossible."""
    return StampLabels([Stamp.of(fonds_no, i) for i in items], sheet)
