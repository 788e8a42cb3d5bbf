"""The cell styles of an exported register, registered once per workbook and used by number."""

from __future__ import annotations

from dataclasses import dataclass

from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from officedesk.core.fields import Kind
from officedesk.core.traffic import Light
from officedesk.exports.common import BODY_FONT, HEADER_FILL, TITLE_FONT, Column

DATE_FORMAT = "yyyy-mm-dd"
DATETIME_FORMAT = "yyyy-mm-dd hh:mm"
# A deadline counted without holiday data: still a real date, shown with the （估） mark.
ESTIMATED_DATE_FORMAT = 'yyyy-mm-dd"（估）"'

_THIN = Side(style="thin", color="808080")
_GRID = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_BODY = Font(name=BODY_FONT, size=10)
_CENTRED = Alignment(horizontal="center", vertical="center", wrap_text=True)
_LEFT_WRAP = Alignment(horizontal="left", vertical="center", wrap_text=True)
_LEFT = Alignment(horizontal="left", vertical="center")

# Short values read best centred; free text reads best from the left.
_ALIGN = {
    Kind.TEXT: _LEFT_WRAP,
    Kind.LONGTEXT: _LEFT_WRAP,
    Kind.CODE: _LEFT,
    Kind.INT: _CENTRED,
    Kind.DATE: _CENTRED,
    Kind.DATETIME: _CENTRED,
    Kind.CHOICE: _CENTRED,
    Kind.BOOL: _CENTRED,
}
_FORMAT = {Kind.CODE: "@", Kind.INT: "0", Kind.DATE: DATE_FORMAT, Kind.DATETIME: DATETIME_FORMAT}


@dataclass(frozen=True)
class SheetStyles:
    """Style numbers (the `s` attribute of a cell) for every kind of cell the sheet holds."""

    title: int
    subtitle: int
    header: int
    data: tuple[int, ...]  # per column
    text: tuple[int, ...]  # per column: a value that is not of the column's kind, as text
    quoted: tuple[int, ...]  # per column: text that looks like a formula (quotePrefix)
    lights: dict[Light, int]
    estimated_date: int  # a date cell shown as 2031-01-10（估）


def _style(
    ws: WriteOnlyWorksheet,
    *,
    font: Font = _BODY,
    alignment: Alignment = _LEFT_WRAP,
    border: Border | None = _GRID,
    fill: PatternFill | None = None,
    number_format: str | None = None,
    quote_prefix: bool = False,
) -> int:
    """Register a style in the workbook once and return its number."""
    cell = WriteOnlyCell(ws)
    cell.font = font
    cell.alignment = alignment
    if border is not None:
        cell.border = border
    if fill is not None:
        cell.fill = fill
    if number_format is not None:
        cell.number_format = number_format
    if quote_prefix:
        # Excel keeps the text a text when someone later edits the cell and presses Enter.
        cell.quotePrefix = True
    return int(cell.style_id)


def sheet_styles(ws: WriteOnlyWorksheet, cols: list[Column]) -> SheetStyles:
    """All the styles an exported register uses, registered in `ws`'s workbook."""
    data, text, quoted = [], [], []
    for col in cols:
        kind = col.kind or Kind.CHOICE
        align = _ALIGN[kind]
        data.append(_style(ws, alignment=align, number_format=_FORMAT.get(kind)))
        text.append(_style(ws, alignment=align, number_format="@"))
        quoted.append(_style(ws, alignment=align, number_format="@", quote_prefix=True))
    lights: dict[Light, int] = {
        lt: _style(
            ws,
            font=Font(name=BODY_FONT, size=10, bold=True, color=lt.foreground.lstrip("#")),
            alignment=_CENTRED,
            fill=PatternFill("solid", fgColor=lt.background.lstrip("#")),
        )
        for lt in Light
        if lt is not Light.NONE
    }
    lights[Light.NONE] = _style(ws, alignment=_CENTRED)
    return SheetStyles(
        title=_style(ws, font=Font(name=TITLE_FONT, size=16, bold=True), alignment=_CENTRED,
                     border=None),
        subtitle=_style(ws, font=Font(name=BODY_FONT, size=10, color="404040"),
                        alignment=_CENTRED, border=None),
        header=_style(ws, font=Font(name=BODY_FONT, size=10, bold=True), alignment=_CENTRED,
                      fill=PatternFill("solid", fgColor=HEADER_FILL)),
        data=tuple(data),
        text=tuple(text),
        quoted=tuple(quoted),
        lights=lights,
        estimated_date=_style(ws, alignment=_ALIGN[Kind.DATE], number_format=ESTIMATED_DATE_FORMAT),
    )  # fmt: skip
