"""The printed register (登记簿): title, a table whose header repeats on every page, traffic
lights, and 第 x 页 共 y 页. Rows are laid out onto pages first, then painted."""

from __future__ import annotations

import math
from array import array
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from PySide6.QtCore import QLineF, QRectF, QSizeF, Qt
from PySide6.QtGui import QColor, QPainter, QPen

from officedesk.core.fields import Field, Kind, Register, cell_text
from officedesk.core.traffic import Light, light
from officedesk.printing.fonts import font, pt
from officedesk.printing.service import PrintJob, a4_layout
from officedesk.printing.text import TextStyle, clip_lines, draw_lines, wrap

LIGHT_LABEL = "时限状态"
EMPTY_TEXT = "（无记录）"
MARGINS_MM = (12.0, 12.0, 12.0, 12.0)
PAD_X, PAD_Y = pt(2.4), pt(1.6)
HEADER_FILL = QColor("#EDEDED")
LIGHTS = tuple(Light)  # a row keeps its light as one byte: the index in this tuple


@dataclass(frozen=True)
class PrintMeta:
    """What a printed register says about itself: whose it is, what it shows, as of which day."""

    unit_name: str
    subtitle: str = ""  # the year and the filter: "2024年　办件　逾期"
    today: date = field(default_factory=date.today)
    due_soon_days: int = 3


@dataclass(frozen=True)
class Column:
    """One printed column: header, share of the width, alignment, narrowest sensible width."""

    label: str
    weight: int
    align: str  # "left" or "center"
    sample: str  # text that must fit on one line (dates), else ""
    min_chars: int  # Chinese characters that must fit on one line
    is_light: bool = False
    is_code: bool = False  # 收文编号, 文号: the key a clerk looks for, at most two lines


_CENTERED = (Kind.INT, Kind.DATE, Kind.DATETIME, Kind.CHOICE, Kind.BOOL)


def _column(f: Field) -> Column:
    longest = max([len(c) for c in f.choices if c] + [1]) if f.kind is Kind.CHOICE else 1
    sample = {Kind.DATE: "2024-03-05", Kind.DATETIME: "2024-03-05", Kind.INT: "0000"}
    return Column(
        label=f.label,
        weight=max(f.width, 1),
        align="center" if f.kind in _CENTERED else "left",
        sample=sample.get(f.kind, ""),
        min_chars=max(2, math.ceil(len(f.label) / 2), math.ceil(longest / 2)),
        is_code=f.kind is Kind.CODE,
    )


def register_columns(register: Register) -> tuple[Column, ...]:
    """The register's printed fields, then the light column where it has a deadline."""
    columns = [_column(f) for f in register.printed_fields]
    if register.due_field:
        columns.append(Column(LIGHT_LABEL, 5, "center", "", 2, is_light=True))
    return tuple(columns)


def column_widths(
    weights: list[float], lows: list[float], highs: list[float], total: float
) -> list[float]:
    """Widths summing to `total`: in proportion to `weights`, but none below its `lows` (header
    and dates must fit) and, while others still need room, none above its `highs` (its widest
    text on one line). Space left when every column is at its widest goes by weight."""
    highs = [max(h, lo) for h, lo in zip(highs, lows, strict=True)]
    if sum(lows) >= total:
        scale = total / sum(lows)
        return [lo * scale for lo in lows]
    if sum(highs) <= total:
        spare = (total - sum(highs)) / sum(weights)
        return [h + w * spare for h, w in zip(highs, weights, strict=True)]

    def fitted(share: float) -> list[float]:
        return [min(max(w * share, lo), hi) for w, lo, hi in zip(weights, lows, highs, strict=True)]

    low, high = 0.0, max(h / w for h, w in zip(highs, weights, strict=True))
    for _ in range(60):  # the filled width grows with the share: bisect for the one that fits
        mid = (low + high) / 2
        if sum(fitted(mid)) > total:
            high = mid
        else:
            low = mid
    widths = fitted(low)
    widths[max(range(len(widths)), key=lambda i: weights[i])] += total - sum(widths)
    return widths


def narrowest(text: str, style: TextStyle, lines: int, width: float) -> float:
    """The least width (at most `width`) at which `text` wraps into no more than `lines` lines."""
    if len(wrap(text, style, width)) > lines:
        return width
    low, high = 0.0, width
    for _ in range(24):
        mid = (low + high) / 2
        if len(wrap(text, style, mid)) > lines:
            low = mid
        else:
            high = mid
    # Qt measures in 1/64 units: keep a hair of room so the boundary does not flip back.
    return min(width, high + pt(0.1))


def balanced_wrap(text: str, style: TextStyle, width: float) -> list[str]:
    """`text` wrapped into as few lines as `width` allows, the lines made as even as possible.

    For headers: 收文编号 in a narrow column reads 收文 / 编号, not 收文编 / 号.
    """
    lines = wrap(text, style, width)
    if len(lines) <= 1:
        return lines
    even = wrap(text, style, narrowest(text, style, len(lines), width))
    return even if len(even) == len(lines) else lines


def _estimate(text: str) -> int:
    """The width of `text` in half-ems, roughly: GBK spends two bytes on a Chinese character."""
    if "\n" in text:
        return max(_estimate(line) for line in text.split("\n"))
    return len(text.encode("gbk", errors="replace"))


def _body_points(width: float, columns: tuple[Column, ...]) -> float:
    """A body size that suits the column density: 10 pt for a few columns, down to 8 pt."""
    per_weight = width / pt(1) / sum(c.weight for c in columns)
    return min(10.0, max(8.0, round(per_weight * 2.6 * 2) / 2))


@dataclass
class _Styles:
    body: TextStyle
    header: TextStyle
    title: TextStyle
    subtitle: TextStyle
    running: TextStyle
    footer: TextStyle


@dataclass
class _Layout:
    """Where everything goes on pages of one size; per row only its height (8 bytes)."""

    key: tuple[int, int]
    styles: _Styles
    widths: list[float]
    header_lines: list[list[str]]
    header_height: float
    first_top: float
    later_top: float
    bottom: float
    max_lines: int
    row_heights: array[float]
    pages: list[tuple[int, int]]


class RegisterDocument(PrintJob):
    """A register's rows printed as a table on A4 (landscape unless the register says otherwise).

    The rows are read once from the iterator and kept as their printed texts (about 1 KB a row:
    fine up to ~100,000 rows); the layout keeps only each row's height and each page's range.
    """

    def __init__(self, register: Register, rows: Iterable[dict[str, Any]], meta: PrintMeta) -> None:
        self.register = register
        self.meta = meta
        self.title = f"{meta.unit_name}{register.title}"
        self.page_layout = a4_layout(register.printed_landscape, MARGINS_MM)
        self.columns = register_columns(register)
        fields = register.printed_fields
        due, done = register.due_field, register.done_field
        self._cells: list[tuple[str, ...]] = []
        self._lights = bytearray()
        # Per column the text that looks widest, measured exactly at layout time.
        self._widest = [(0, "") for _ in self.columns]
        if self.columns[-1].is_light:
            self._widest[-1] = (8, "逾期办结")
        shared: dict[str, str] = {}  # one string object per repeated short value saves memory
        for row in rows:
            cells = tuple(
                shared.setdefault(t, t) if len(t) <= 16 else t
                for t in (cell_text(register, f, row) for f in fields)
            )
            self._cells.append(cells)
            for c, text in enumerate(cells):
                if len(text) * 2 > self._widest[c][0] and _estimate(text) > self._widest[c][0]:
                    self._widest[c] = (_estimate(text), text)
            state = Light.NONE
            if due:
                state = light(
                    row.get(due), row.get(done) if done else None, meta.today, meta.due_soon_days
                )
            self._lights.append(LIGHTS.index(state))
        self._layout: _Layout | None = None

    @property
    def row_count(self) -> int:
        """How many rows the register holds."""
        return len(self._cells)

    def _texts(self, i: int) -> tuple[str, ...]:
        if self.register.due_field:
            return (*self._cells[i], LIGHTS[self._lights[i]].label)
        return self._cells[i]

    # -- layout ----------------------------------------------------------------------------

    def paginate(self, size: QSizeF) -> int:
        """Lay the rows out on pages of `size`; cached for the last size asked."""
        key = (round(size.width()), round(size.height()))
        if self._layout is None or self._layout.key != key:
            self._layout = self._lay_out(size, key)
        return len(self._layout.pages)

    def _styles(self, width: float) -> _Styles:
        body_pt = _body_points(width, self.columns)
        return _Styles(
            body=TextStyle.of(font(body_pt)),
            header=TextStyle.of(font(body_pt, bold=True)),
            title=TextStyle.of(font(16, bold=True, heading=True), 1.5),
            subtitle=TextStyle.of(font(10.5), 1.5),
            running=TextStyle.of(font(9.5), 1.6),
            footer=TextStyle.of(font(9), 1.4),
        )

    def _minimum(self, c: int, s: _Styles) -> float:
        column = self.columns[c]
        chars = column.min_chars * s.header.advance("国")
        low = max(chars, s.body.advance(column.sample)) + 2 * PAD_X + pt(0.2)
        if column.is_code:  # the widest code breaks once at most, not thrice
            text = self._widest[c][1]
            lines = wrap(text, s.body, narrowest(text, s.body, 2, self._maximum(c, s)))
            low = max(low, max(map(s.body.advance, lines), default=0.0) + 2 * PAD_X + pt(0.2))
        return low

    def _maximum(self, c: int, s: _Styles) -> float:
        text, label = self._widest[c][1], self.columns[c].label
        longest = max((s.body.advance(line) for line in text.split("\n")), default=0.0)
        # An empty column needs only its header on two lines; spare room widens it later.
        header = narrowest(label, s.header, 2, s.header.advance(label))
        return max(longest, header) + 2 * PAD_X + pt(0.2)

    def _lay_out(self, size: QSizeF, key: tuple[int, int]) -> _Layout:
        width, height = size.width(), size.height()
        s = self._styles(width)
        widths = column_widths(
            [c.weight for c in self.columns],
            [self._minimum(c, s) for c in range(len(self.columns))],
            [self._maximum(c, s) for c in range(len(self.columns))],
            width,
        )
        header_lines = [
            balanced_wrap(c.label, s.header, w - 2 * PAD_X)
            for c, w in zip(self.columns, widths, strict=True)
        ]
        header_height = max(len(lines) for lines in header_lines) * s.header.line_height + 2 * PAD_Y
        first_top = s.title.line_height + (s.subtitle.line_height if self.meta.subtitle else 0)
        first_top += pt(3)
        later_top = s.running.line_height + pt(2)
        bottom = height - s.footer.line_height - pt(3)
        room_first = bottom - first_top - header_height
        room_later = bottom - later_top - header_height
        # A row taller than a page cannot be printed whole: its cells are cut with an ellipsis.
        max_lines = max(1, int((min(room_first, room_later) - 2 * PAD_Y) // s.body.line_height))
        heights = array("d")
        inner = [w - 2 * PAD_X for w in widths]
        known: dict[tuple[int, str], int] = {}  # dates, names, units and choices repeat a lot
        for i in range(len(self._cells)):
            lines = 1
            for c, text in enumerate(self._texts(i)):
                if not text:
                    continue
                n = known.get((c, text))
                if n is None:
                    n = len(wrap(text, s.body, inner[c]))
                    if len(text) <= 40:
                        known[(c, text)] = n
                lines = max(lines, n)
            heights.append(min(lines, max_lines) * s.body.line_height + 2 * PAD_Y)
        pages: list[tuple[int, int]] = []
        start, used, room = 0, 0.0, room_first
        for i, h in enumerate(heights):
            if i > start and used + h > room + 0.01:
                pages.append((start, i))
                start, used, room = i, 0.0, room_later
            used += h
        pages.append((start, len(heights)))
        return _Layout(
            key,
            s,
            widths,
            header_lines,
            header_height,
            first_top,
            later_top,
            bottom,
            max_lines,
            heights,
            pages,
        )

    # -- painting --------------------------------------------------------------------------

    def paint_page(self, painter: QPainter, index: int, size: QSizeF) -> None:
        """Paint page `index`: title, header row, the page's rows, grid, footer."""
        self.paginate(size)
        lay = self._layout
        assert lay is not None
        s, width = lay.styles, size.width()
        if index == 0:
            draw_lines(painter, [self.title], s.title, 0, 0, width, "center")
            if self.meta.subtitle:
                draw_lines(
                    painter,
                    [self.meta.subtitle],
                    s.subtitle,
                    0,
                    s.title.line_height,
                    width,
                    "center",
                )
            top = lay.first_top
        else:
            running = f"{self.title}　{self.meta.subtitle}".strip()
            draw_lines(painter, [running], s.running, 0, 0, width, "center")
            top = lay.later_top
        edges = [0.0]
        for w in lay.widths:
            edges.append(edges[-1] + w)

        painter.fillRect(QRectF(0, top, width, lay.header_height), HEADER_FILL)
        painter.setPen(QColor("black"))
        for i, lines in enumerate(lay.header_lines):
            self._cell(
                painter, lines, s.header, edges[i], top, lay.widths[i], lay.header_height, "center"
            )
        y = top + lay.header_height
        row_tops = [top, y]
        start, end = lay.pages[index]
        if start == end:
            h = s.body.line_height + 2 * PAD_Y
            self._cell(painter, [EMPTY_TEXT], s.body, 0, y, width, h, "center")
            y += h
            row_tops.append(y)
        for r in range(start, end):
            h = lay.row_heights[r]
            self._row(painter, r, lay, edges, y, h)
            y += h
            row_tops.append(y)
        self._grid(painter, edges, row_tops, start == end)
        footer = f"第 {index + 1} 页 共 {len(lay.pages)} 页"
        draw_lines(
            painter, [footer], s.footer, 0, size.height() - s.footer.line_height, width, "center"
        )

    def _row(
        self, painter: QPainter, r: int, lay: _Layout, edges: list[float], y: float, h: float
    ) -> None:
        state = LIGHTS[self._lights[r]]
        body = lay.styles.body
        for c, (column, text) in enumerate(zip(self.columns, self._texts(r), strict=True)):
            inner = lay.widths[c] - 2 * PAD_X
            lines = clip_lines(wrap(text, body, inner), lay.max_lines, body, inner)
            pen = "black"
            if column.is_light and state is not Light.NONE:
                # Only the status cell is tinted: a register of green rows wastes toner and
                # hides the red ones. The colours are the screen's and the exports'.
                painter.fillRect(QRectF(edges[c], y, lay.widths[c], h), QColor(state.background))
                pen = state.foreground
            painter.setPen(QColor(pen))
            self._cell(painter, lines, body, edges[c], y, lay.widths[c], h, column.align)

    @staticmethod
    def _cell(
        painter: QPainter,
        lines: list[str],
        style: TextStyle,
        x: float,
        y: float,
        w: float,
        h: float,
        align: str,
    ) -> None:
        """Lines centred vertically in the cell, aligned horizontally inside the padding."""
        top = y + (h - len(lines) * style.line_height) / 2
        draw_lines(painter, lines, style, x + PAD_X, top, w - 2 * PAD_X, align)

    @staticmethod
    def _grid(painter: QPainter, edges: list[float], row_tops: list[float], empty: bool) -> None:
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QPen(QColor("black"), pt(0.5)))
        left, right, top, bottom = edges[0], edges[-1], row_tops[0], row_tops[-1]
        for y in row_tops[1:-1]:
            painter.drawLine(QLineF(left, y, right, y))
        inner_bottom = row_tops[1] if empty else bottom  # the 无记录 row spans all columns
        for x in edges[1:-1]:
            painter.drawLine(QLineF(x, top, x, inner_bottom))
        painter.setPen(QPen(QColor("black"), pt(1.0)))
        painter.drawRect(QRectF(left, top, right - left, bottom - top))


def register_document(
    register: Register, rows: Iterable[dict[str, Any]], meta: PrintMeta
) -> RegisterDocument:
    """The printed register of `rows` (stored or typed values), for print_to_pdf or preview."""
    return RegisterDocument(register, rows, meta)
