"""A register as an .xlsx workbook, streamed through openpyxl's write-only mode.

openpyxl builds, styles and packages the workbook (page setup, print titles, footer, filter,
merged title, frozen header). The data rows bypass openpyxl's per-cell `Cell` objects, which cost
about 10 µs a cell: each row is rendered to XML text with precomputed style numbers and written
into the sheet's own write-only stream. That keeps a 100,000-row export at constant memory and
faster than XlsxWriter's constant-memory mode.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from lxml import etree
from openpyxl import Workbook
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from openpyxl.worksheet.page import PageMargins
from openpyxl.worksheet.properties import PageSetupProperties

from officedesk.core.fields import Kind, Register, format_value
from officedesk.exports.common import (
    PROGRESS_EVERY,
    Column,
    ExportError,
    ExportMeta,
    Progress,
    Ticker,
    atomic_output,
    columns,
    light_of,
    register_title,
    subtitle_line,
    xml_text,
)
from officedesk.exports.xlsx_styles import SheetStyles, sheet_styles

TITLE_ROW, SUBTITLE_ROW, HEADER_ROW = 1, 2, 3
FIRST_DATA_ROW = HEADER_ROW + 1
EXCEL_UNITS_PER_CHAR = 2.1  # one Chinese character is about two '0' widths, plus a little air
MAX_CELL_TEXT = 32767  # Excel's limit; longer text makes Excel "repair" the file
EXCEL_MAX_ROW = 1_048_576
PAPER_A4 = "9"  # the OOXML paper-size code of A4

_NEEDS_ESCAPE = re.compile("[&<>\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_QUOTED_FIRST = frozenset("=+-@\t\r")
_EXCEL_EPOCH = dt.date(1899, 12, 30).toordinal()
_LEAP_BUG_END = dt.date(1900, 3, 1)  # before this Excel's serials are off by one: write text

Cell = Callable[[dict[str, Any], str], str]  # (row, "B12") -> '<c r="B12" ...>...</c>'


def write_xlsx(
    path: Path,
    register: Register,
    rows: Iterable[dict[str, Any]],
    meta: ExportMeta,
    progress: Progress | None = None,
) -> int:
    """Write `rows` of `register` to the workbook `path`; returns the number of rows written."""
    cols = columns(register)
    ticker = Ticker(progress, path)
    with atomic_output(path) as tmp:
        wb = Workbook(write_only=True)
        wb.properties.creator = "办公桌"
        wb.properties.title = register_title(register, meta)
        ws = wb.create_sheet(title=register.short[:31])
        try:
            styles = sheet_styles(ws, cols)
            _set_up_sheet(ws, cols)
            count = _stream_rows(ws, _RowWriter(register, cols, styles, meta), rows, ticker)
            last = get_column_letter(len(cols))
            ws.auto_filter.ref = f"A{HEADER_ROW}:{last}{HEADER_ROW + count}"
            ws.merged_cells.add(f"A{TITLE_ROW}:{last}{TITLE_ROW}")
            ws.merged_cells.add(f"A{SUBTITLE_ROW}:{last}{SUBTITLE_ROW}")
            ticker.check(count)
            wb.save(tmp)
        finally:
            _discard_sheet_stream(ws)
    return count


def _set_up_sheet(ws: WriteOnlyWorksheet, cols: list[Column]) -> None:
    """Everything openpyxl writes before the rows, and the print setup."""
    for i, col in enumerate(cols, 1):
        ws.column_dimensions[get_column_letter(i)].width = round(
            col.width * EXCEL_UNITS_PER_CHAR + 1.5, 1
        )
    ws.freeze_panes = f"A{FIRST_DATA_ROW}"
    setup = ws.page_setup
    setup.orientation = "landscape"
    setup.paperSize = PAPER_A4
    setup.fitToWidth = 1
    setup.fitToHeight = 0  # as many pages tall as it takes
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.print_options.horizontalCentered = True
    ws.page_margins = PageMargins(left=0.4, right=0.4, top=0.5, bottom=0.6, header=0.3,
                                  footer=0.3)  # fmt: skip
    ws.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    ws.oddFooter.center.text = "第&P页 共&N页"
    ws.oddFooter.center.size = 9


class _FinishedRows:
    """Stands in for openpyxl's row generator once our own rows are written."""

    def close(self) -> None:
        pass


def _stream_rows(
    ws: WriteOnlyWorksheet,
    writer: _RowWriter,
    rows: Iterable[dict[str, Any]],
    ticker: Ticker,
) -> int:
    """Write <sheetData> into openpyxl's own sheet stream (as `_write_rows` does); the row count."""
    ws._get_writer()  # openpyxl writes the sheet's head: views, columns, format
    stream = ws._writer.xf
    xf = stream.send(True)
    count = 0
    with xf.element("sheetData"):
        for raw in writer.head_rows():
            xf.write(etree.fromstring(raw))
        row_number = FIRST_DATA_ROW
        render = writer.row
        for row in rows:
            if row_number > EXCEL_MAX_ROW:
                raise _too_many_rows(ticker.path)
            xf.write(etree.fromstring(render(row, row_number)))
            row_number += 1
            count += 1
            if count % PROGRESS_EVERY == 0:
                ticker.check(count)
    stream.send(None)
    ws._rows = _FinishedRows()  # close() must not start an empty <sheetData> of its own
    return count


def _too_many_rows(path: Path) -> ExportError:
    return ExportError(
        f"Excel 工作表最多 {EXCEL_MAX_ROW:,} 行，本次导出超过上限，未生成「{path}」。"
        "请按年度或检索条件分批导出。",
        path,
    )


def _discard_sheet_stream(ws: WriteOnlyWorksheet) -> None:
    """Remove openpyxl's temporary sheet file when the export stopped before saving."""
    writer = ws._writer
    if writer is None or not os.path.exists(writer.out):
        return
    writer.close()
    writer.cleanup()


# -- rendering rows --------------------------------------------------------------------------


def _empty(ref: str, style: int) -> str:
    return f'<c r="{ref}" s="{style}"/>'


def _inline(text: str, ref: str, style: int, quoted: int) -> str:
    """A text cell: always an inline string, never a formula, whatever the text starts with."""
    if len(text) > MAX_CELL_TEXT:
        text = text[:MAX_CELL_TEXT]
    if _NEEDS_ESCAPE.search(text) is not None:
        text = xml_text(text)
        if not text:
            return _empty(ref, style)
        first, last = text[0], text[-1]
        text = escape(text)
    else:
        first, last = text[0], text[-1]
    if first in _QUOTED_FIRST:
        style = quoted
    t = '<t xml:space="preserve">' if first.isspace() or last.isspace() else "<t>"
    return f'<c r="{ref}" s="{style}" t="inlineStr"><is>{t}{text}</t></is></c>'


class _RowWriter:
    """Renders rows of a register to sheet XML, one precomputed function per column."""

    def __init__(
        self, register: Register, cols: list[Column], styles: SheetStyles, meta: ExportMeta
    ) -> None:
        self.register = register
        self.cols = cols
        self.styles = styles
        self.meta = meta
        self._days: dict[str, int | None] = {}  # ISO date text -> Excel serial, per export
        self.letters = [get_column_letter(i) for i in range(1, len(cols) + 1)]
        self.plan = [(letter, self._cell(i, col)) for i, (letter, col) in
                     enumerate(zip(self.letters, cols, strict=True))]  # fmt: skip

    def head_rows(self) -> list[str]:
        """The title, subtitle and header rows."""
        s = self.styles
        title = register_title(self.register, self.meta)
        header = "".join(
            _inline(col.label, f"{letter}{HEADER_ROW}", s.header, s.header)
            for letter, col in zip(self.letters, self.cols, strict=True)
        )
        return [
            f'<row r="{TITLE_ROW}" ht="30" customHeight="1">'
            f"{_inline(title, f'A{TITLE_ROW}', s.title, s.title)}</row>",
            f'<row r="{SUBTITLE_ROW}" ht="20" customHeight="1">'
            f"{_inline(subtitle_line(self.meta), f'A{SUBTITLE_ROW}', s.subtitle, s.subtitle)}"
            "</row>",
            f'<row r="{HEADER_ROW}" ht="24" customHeight="1">{header}</row>',
        ]

    def row(self, row: dict[str, Any], number: int) -> str:
        """One data row as sheet XML."""
        n = str(number)
        cells = "".join([cell(row, letter + n) for letter, cell in self.plan])
        return f'<row r="{n}">{cells}</row>'

    # Each factory returns a closure with its style numbers bound as defaults: the hot loop
    # then makes one call a cell and no lookups.

    def _cell(self, i: int, col: Column) -> Cell:
        s = self.styles
        data, text, quoted = s.data[i], s.text[i], s.quoted[i]
        f = col.field
        if f is None:
            return self._light_cell()
        name = f.name
        if f.kind is Kind.DATE or f.kind is Kind.DATETIME:
            cell = self._date_cell(name, f.kind is Kind.DATETIME, data, text, quoted)
            flag = self.register.estimated_field
            if name == self.register.due_field and flag:
                marked = self._date_cell(name, False, s.estimated_date, text, quoted)

                def due_cell(row: dict[str, Any], ref: str) -> str:
                    return (marked if row.get(flag) else cell)(row, ref)

                return due_cell
            return cell
        if f.kind is Kind.INT:
            return self._int_cell(name, data, text, quoted)
        if f.kind is Kind.BOOL:

            def bool_cell(row: dict[str, Any], ref: str) -> str:
                value = row.get(name)
                if value is None or value == "":
                    return _empty(ref, data)
                return _inline(format_value(f, value), ref, data, quoted)

            return bool_cell

        if f.sensitive:  # 证件号码: masked unless this export was asked to show it in full

            def sensitive_cell(row: dict[str, Any], ref: str) -> str:
                text = format_value(f, row.get(name))
                return _inline(text, ref, data, quoted) if text else _empty(ref, data)

            return sensitive_cell

        def text_cell(row: dict[str, Any], ref: str) -> str:
            value = row.get(name)
            if value is None or value == "":
                return _empty(ref, data)
            return _inline(value if type(value) is str else str(value), ref, data, quoted)

        return text_cell

    def _int_cell(self, name: str, data: int, text: int, quoted: int) -> Cell:
        def int_cell(row: dict[str, Any], ref: str) -> str:
            value = row.get(name)
            if value is None or value == "":
                return _empty(ref, data)
            if type(value) is int:
                return f'<c r="{ref}" s="{data}"><v>{value}</v></c>'
            shown = str(value)
            if shown.lstrip("-").isdigit():
                return f'<c r="{ref}" s="{data}"><v>{int(shown)}</v></c>'
            return _inline(shown, ref, text, quoted)  # not a number: keep it, as text

        return int_cell

    def _date_cell(self, name: str, with_time: bool, data: int, text: int, quoted: int) -> Cell:
        serial = self._serial

        def date_cell(row: dict[str, Any], ref: str) -> str:
            value = row.get(name)
            if value is None or value == "":
                return _empty(ref, data)
            number = serial(value, with_time)
            if number is None:  # not a date after all: show what is stored, as text
                return _inline(str(value), ref, text, quoted)
            return f'<c r="{ref}" s="{data}"><v>{number}</v></c>'

        return date_cell

    def _serial(self, value: Any, with_time: bool) -> int | float | None:
        """The Excel serial of a stored (ISO text) or typed date/datetime; None if it is not one."""
        if isinstance(value, dt.datetime):
            day = self._day_number(value.date())
            seconds = value.hour * 3600 + value.minute * 60 + value.second
        elif isinstance(value, dt.date):
            day, seconds = self._day_number(value), 0
        else:
            text = str(value)
            key = text[:10]
            if key in self._days:
                day = self._days[key]
            else:
                try:
                    day = self._day_number(dt.date.fromisoformat(key))
                except ValueError:
                    day = None
                self._days[key] = day
            seconds = 0
            if with_time and len(text) >= 16:
                try:
                    seconds = int(text[11:13]) * 3600 + int(text[14:16]) * 60
                    if len(text) >= 19:
                        seconds += int(text[17:19])
                except ValueError:
                    return None
        if day is None:
            return None
        if not with_time or not seconds:
            return day
        return day + seconds / 86400

    @staticmethod
    def _day_number(day: dt.date) -> int | None:
        return None if day < _LEAP_BUG_END else day.toordinal() - _EXCEL_EPOCH

    def _light_cell(self) -> Cell:
        register, meta, lights = self.register, self.meta, self.styles.lights

        def light_cell(row: dict[str, Any], ref: str) -> str:
            lt = light_of(register, row, meta)
            if not lt.label:
                return _empty(ref, lights[lt])
            return f'<c r="{ref}" s="{lights[lt]}" t="inlineStr"><is><t>{lt.label}</t></is></c>'

        return light_cell
