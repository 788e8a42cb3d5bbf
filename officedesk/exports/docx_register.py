"""A register as a Word table: A4 landscape, header row repeated on every page, page numbers.

python-docx's per-cell API takes about 7 s for 5,000 rows of this register. Here python-docx
builds the document, the header row and one template row; every data row is a deep copy of the
template's XML with the text of its `w:t` nodes set directly (about 20 times faster), written
straight into the package where a placeholder row stood, so memory stays flat too.
"""

from __future__ import annotations

import io
import math
import zipfile
from collections.abc import Iterable
from copy import deepcopy
from pathlib import Path
from typing import IO, Any

from docx.document import Document
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import RGBColor, Twips
from lxml import etree
from lxml.etree import _Element

from officedesk.core.fields import Field, Kind, Register, cell_text
from officedesk.core.traffic import Light
from officedesk.exports.common import (
    BODY_FONT,
    HEADER_FILL,
    PROGRESS_EVERY,
    TITLE_FONT,
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
)
from officedesk.exports.wordxml import (
    TWIPS_PER_MM,
    add_paragraph_style,
    base_document,
    cell_margins,
    element,
    page_a4,
    page_number_footer,
    row_flags,
    set_run_text,
    shade,
    table_borders,
)

MAX_DOCX_ROWS = 50_000  # about 4,000 pages: beyond that Word takes minutes to open the file
MARGINS_MM = (15, 12, 15, 12)  # top, right, bottom, left
CELL_PT = 9  # 小五
CELL_PAD_MM = 0.8  # left and right inside each cell
_T = qn("w:t")
_BODY = "word/document.xml"
_MARK = "0FF1CE00"  # rsid of the placeholder row; the python-docx template has no such rsid
_W_DECLARATION = b' xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
_CENTRED_KINDS = (Kind.INT, Kind.DATE, Kind.DATETIME, Kind.CHOICE, Kind.BOOL)


def word_fields(register: Register) -> tuple[Field, ...]:
    """The columns of the Word register: the printed ones, as on the paper register.

    Long free text (拟办意见, 领导批示, 办理结果) is not printed: it belongs on the 处理单, and as
    columns it squeezes 标题 to four characters a line on A4 landscape.
    """
    return register.printed_fields


def write_docx(
    path: Path,
    register: Register,
    rows: Iterable[dict[str, Any]],
    meta: ExportMeta,
    progress: Progress | None = None,
) -> int:
    """Write `rows` of `register` to `path` as a Word register; returns the number of rows."""
    cols = columns(register, word_fields(register))
    ticker = Ticker(progress, path)
    document = _document(register, meta)
    usable = round((297 - MARGINS_MM[1] - MARGINS_MM[3]) * TWIPS_PER_MM)
    tbl, templates = _table(document, cols, column_widths(cols, usable))
    # The document is saved with one marked row where the data rows go; the rows are then
    # streamed into the package in its place, so memory stays flat however long the table.
    marker = deepcopy(templates[Light.NONE])
    marker.set(qn("w:rsidR"), _MARK)
    tbl.append(marker)
    skeleton = io.BytesIO()
    document.save(skeleton)
    with (
        atomic_output(path) as tmp,
        zipfile.ZipFile(skeleton) as package,
        zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as out,
    ):
        for item in package.infolist():
            data = package.read(item.filename)
            if item.filename != _BODY:
                out.writestr(item, data)
                continue
            head, tail = _split_at_marker(data)
            with out.open(_BODY, "w") as body:
                body.write(head)
                count = _write_rows(body, rows, _texts(register, cols, meta), templates, ticker)
                body.write(tail)
    return count


def _split_at_marker(xml: bytes) -> tuple[bytes, bytes]:
    """The document XML before and after the marked row."""
    mark = xml.index(f'w:rsidR="{_MARK}"'.encode())
    start = xml.rindex(b"<w:tr", 0, mark)
    end = xml.index(b"</w:tr>", mark) + len(b"</w:tr>")
    return xml[:start], xml[end:]


def _write_rows(
    body: IO[bytes],
    rows: Iterable[dict[str, Any]],
    texts: Any,
    templates: dict[Light, _Element],
    ticker: Ticker,
) -> int:
    """Copy the template row for every data row, fill in its text, and write it out."""
    count = 0
    for row in rows:
        count += 1
        if count > MAX_DOCX_ROWS:
            raise ExportError(
                f"Word 文件最多导出 {MAX_DOCX_ROWS:,} 行，本次超过上限，未生成「{ticker.path}」。"
                "请按年度或检索条件缩小范围，或导出为 Excel（.xlsx）。",
                ticker.path,
            )
        lt, values = texts(row)
        tr = deepcopy(templates[lt])
        for t, text in zip(list(tr.iter(_T)), values, strict=True):
            if text:
                set_run_text(t, text)
        # A detached row declares the w: namespace itself; inside the document it is declared.
        body.write(etree.tostring(tr, encoding="utf-8").replace(_W_DECLARATION, b"", 1))
        if count % PROGRESS_EVERY == 0:
            ticker.check(count)
    ticker.check(count)
    return count


def _texts(register: Register, cols: list[Column], meta: ExportMeta) -> Any:
    """A function giving a row's light and the text of each of its cells."""
    fields = [c.field for c in cols]
    has_light = register.due_field is not None

    def texts(row: dict[str, Any]) -> tuple[Light, list[str]]:
        lt = light_of(register, row, meta) if has_light else Light.NONE
        return lt, [lt.label if f is None else cell_text(register, f, row) for f in fields]

    return texts


# -- the document and its styles -------------------------------------------------------------


def _document(register: Register, meta: ExportMeta) -> Document:
    # Normal is the style of the data cells, so that 95,000 cell paragraphs need no pPr.
    document = base_document(BODY_FONT, CELL_PT)
    for name, font, size, bold, after in (
        ("Register Title", TITLE_FONT, 18, False, 4),
        ("Register Subtitle", BODY_FONT, 10.5, False, 6),
        ("Register Header", BODY_FONT, CELL_PT, True, 0),
        ("Register Footer", BODY_FONT, 9, False, 0),
    ):
        add_paragraph_style(document, name, font, size, bold=bold, space_after_pt=after)
    section = document.sections[0]
    page_a4(section, landscape=True, margins_mm=MARGINS_MM)
    page_number_footer(section, "Register Footer")
    title = register_title(register, meta)
    document.core_properties.title = title
    document.core_properties.author = "办公桌"
    document.add_paragraph(title, style="Register Title")
    document.add_paragraph(subtitle_line(meta), style="Register Subtitle")
    return document


def _span(col: Column) -> tuple[float, float]:
    """(wanted, narrowest) width of a column in characters, from its declaration."""
    f = col.field
    if f is None:
        return 4.2, 2.0  # 按期办结 on one line, or on two when the page is crowded
    if f.kind in (Kind.CHOICE, Kind.BOOL):
        longest = max((len(c) for c in f.choices), default=2)
        return (w := float(min(max(longest, 2), 4))), w  # the choices say how wide it gets
    if f.kind is Kind.INT:
        return 2.0, 2.0
    if f.kind in (Kind.DATE, Kind.DATETIME):
        return 6.0, 6.0  # 2024-03-05 on one line (the time wraps under it), in any font
    if f.kind is Kind.CODE:
        return float(col.width), min(float(col.width), 7.5)  # 收〔2024〕123号 on one line
    return float(col.width), min(float(col.width), 3.0)


def column_widths(cols: list[Column], usable_twips: int) -> list[int]:
    """Column widths in twips that fill the page: wanted widths shrunk towards a floor per kind."""
    pad = 2 * CELL_PAD_MM * TWIPS_PER_MM
    char = CELL_PT * 20
    budget = (usable_twips - pad * len(cols)) / char  # in characters
    want, low = zip(*(_span(c) for c in cols), strict=True)
    if sum(want) <= budget:
        chars = [w * budget / sum(want) for w in want]
    elif sum(low) >= budget:
        chars = [x * budget / sum(low) for x in low]
    else:
        k = (budget - sum(low)) / (sum(want) - sum(low))
        chars = [x + (w - x) * k for x, w in zip(low, want, strict=True)]
    widths = [round(c * char + pad) for c in chars]
    widths[-1] += usable_twips - sum(widths)  # rounding: the table spans the page exactly
    return widths


def _header_label(label: str, width_twips: int) -> str:
    """The label, broken into balanced lines when the column is narrower than it."""
    fits = max(1, int((width_twips - 2 * CELL_PAD_MM * TWIPS_PER_MM) / (CELL_PT * 20)))
    if len(label) <= fits:
        return label
    lines = math.ceil(len(label) / fits)
    per = math.ceil(len(label) / lines)
    return "\n".join(label[i : i + per] for i in range(0, len(label), per))


def _table(
    document: Document, cols: list[Column], widths: list[int]
) -> tuple[_Element, dict[Light, _Element]]:
    """The table with its header row, and a detached template data row for every light."""
    table = document.add_table(rows=2, cols=len(cols))
    table.autofit = False  # fixed layout: Word need not measure 5,000 rows to open the file
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table_borders(table)
    cell_margins(table, CELL_PAD_MM)
    for i, w in enumerate(widths):
        table.columns[i].width = Twips(w)
    header, template = table.rows[0], table.rows[1]
    row_flags(header._tr, header=True, height_mm=8)
    row_flags(template._tr)
    for i, col in enumerate(cols):
        cell = header.cells[i]
        cell.width = Twips(widths[i])
        cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
        paragraph = cell.paragraphs[0]
        paragraph.style = "Register Header"
        run = paragraph.add_run()
        t = element("w:t")
        run._r.append(t)
        set_run_text(t, _header_label(col.label, widths[i]))
        shade(cell._tc, HEADER_FILL)

        # Data cells carry as little XML as possible: a 5,000-row table is a million nodes.
        cell = template.cells[i]
        cell.width = Twips(widths[i])
        paragraph = cell.paragraphs[0]
        if col.field is None or col.kind in _CENTRED_KINDS:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        paragraph.add_run()._r.append(element("w:t"))
    tr = template._tr
    tr.getparent().remove(tr)
    return table._tbl, _light_templates(tr, cols)


def _light_templates(tr: _Element, cols: list[Column]) -> dict[Light, _Element]:
    """A template row per light: the light cell shaded and its text bold in the light's colour."""
    templates = {Light.NONE: tr}
    index = next((i for i, c in enumerate(cols) if c.field is None), None)
    for lt in Light:
        if lt is Light.NONE:
            continue
        copy = deepcopy(tr)
        if index is not None:
            tc = copy.findall(qn("w:tc"))[index]
            shade(tc, lt.background)
            run = tc.find(f"{qn('w:p')}/{qn('w:r')}")
            rpr = run.get_or_add_rPr()
            rpr.append(element("w:b"))
            rpr.append(element("w:color", val=str(RGBColor.from_string(lt.foreground[1:]))))
        templates[lt] = copy
    return templates
