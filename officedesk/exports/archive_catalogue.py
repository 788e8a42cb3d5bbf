"""归档文件目录 as Word (.docx) and Excel (.xlsx): one volume per 年度 or 年度 × 保管期限.

Word: every volume is a cover page (全宗号, 全宗名称, 年度, 保管期限, 机构(问题)) in a section
of its own without a page number, and the table (序号 档号 文号 责任者 题名 日期 密级 页数 备注)
in the next section, numbered 第 1 页 共 N 页 from its first page (the cover not counted), on
A4 landscape, the header row repeated on every
page, rows never split across pages (w:cantSplit), 题名 wrapping in the widest column. Data rows
are copies of one template row (python-docx's per-cell API is about 20 times slower).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator, Sequence
from copy import deepcopy
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from docx.document import Document
from docx.enum.section import WD_SECTION
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from lxml.etree import _Element

from officedesk.core.fields import Field, Kind, Register
from officedesk.core.registers import ARCHIVE_ITEM
from officedesk.exports.common import (
    BODY_FONT,
    HEADER_FILL,
    TITLE_FONT,
    ExportError,
    ExportMeta,
    Progress,
    Ticker,
    atomic_output,
)
from officedesk.exports.wordxml import (
    add_paragraph_style,
    base_document,
    cell_margins,
    element,
    page_a4,
    page_number_footer,
    row_flags,
    set_fonts,
    set_run_text,
    shade,
    table_borders,
)
from officedesk.exports.xlsx import write_xlsx

TITLE = "归档文件目录"
MARGINS_MM = (18, 15, 15, 25)  # top, right, bottom, left: the left edge is bound
CELL_PT = 9
LATIN_FONT = "Times New Roman"
CELL_PAD_MM = 0.8
MAX_ROWS = 50_000
COVER_PT = 16  # the cover's lines
COVER_MIN_PT = 10.5
COVER_VALUE_MM = 120  # the underlined field a cover value is written in
COVER_PAD_MM = 1.9  # Word's default cell padding
COVER_SPARE_LINES = 8  # lines a value may wrap onto before the type gets smaller
MM_PER_PT = 25.4 / 72
# (header, field, width in mm, centred); the widths fill 257 mm, 题名 takes what is left.
COLUMNS: tuple[tuple[str, str, float, bool], ...] = (
    ("序号", "seq", 9, True),
    ("档号", "archive_no", 56, False),  # one line even where Times New Roman is missing
    ("文号", "doc_ref", 36, False),
    ("责任者", "author", 28, False),
    ("题名", "title", 0, False),
    ("日期", "doc_date", 19, True),
    ("密级", "secrecy", 10, True),
    ("页数", "pages", 10, True),
    ("备注", "remarks", 14, False),
)
_T = qn("w:t")
_AFTER_PBDR = ("shd", "tabs", "suppressAutoHyphens", "kinsoku", "wordWrap", "overflowPunct",
               "topLinePunct", "autoSpaceDE", "autoSpaceDN", "bidi", "adjustRightInd",
               "snapToGrid", "spacing", "ind", "contextualSpacing", "mirrorIndents",
               "suppressOverlap", "jc", "textDirection", "textAlignment", "textboxTightWrap",
               "outlineLvl", "divId", "cnfStyle", "rPr", "sectPr", "pPrChange")  # fmt: skip

# The catalogue as a register for the .xlsx writer: its columns, in its order, all text but 页数.
CATALOGUE = Register(
    key="archive_catalogue",
    table=ARCHIVE_ITEM.table,
    title=TITLE,
    short=TITLE,
    fields=(
        Field("seq", "序号", Kind.INT, width=4),
        *(ARCHIVE_ITEM.field(n) for n in ("archive_no", "doc_ref", "author", "title",
                                          "doc_date", "secrecy", "pages", "remarks")),
    ),
)  # fmt: skip


@dataclass
class Volume:
    """One volume of the catalogue: its cover and its 件 in catalogue order (values as stored)."""

    fonds_no: str
    fonds_name: str
    year: int
    retention: str | None  # None: all periods of the year in one volume
    orgs: str = ""  # the 机构(问题) on the cover: 办公室(BGS)、财务科(CWK)
    rows: Sequence[dict[str, Any]] = field(default_factory=list)

    @property
    def periods(self) -> str:
        """保管期限 on the cover: the volume's, or those its 件 have (永久、定期30年)."""
        if self.retention:
            return self.retention
        order = ("永久", "定期30年", "定期10年")
        have = {str(r.get("retention")) for r in self.rows}
        return "、".join(p for p in order if p in have)

    @property
    def heading(self) -> str:
        """What the volume is: 2024年度 永久."""
        return f"{self.year}年度" + (f" {self.retention}" if self.retention else "")


def numbered(rows: Iterable[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """Rows with their 序号 (1, 2, … within the volume)."""
    for i, row in enumerate(rows, 1):
        yield {**row, "seq": i}


def _text(name: str, row: dict[str, Any]) -> str:
    value = row.get(name)
    return "" if value is None else str(value)


def write_catalogue_docx(path: Path, volumes: Sequence[Volume], meta: ExportMeta,
                         progress: Progress | None = None) -> int:  # fmt: skip
    """Write the volumes to `path` as one Word file; returns the number of 件 written."""
    path = Path(path)
    total = sum(len(v.rows) for v in volumes)
    if not volumes:
        raise ExportError(f"没有可导出的归档文件，未生成「{path}」。", path)
    if total > MAX_ROWS:
        raise ExportError(
            f"归档文件目录一次最多导出 {MAX_ROWS:,} 件（本次 {total:,} 件），未生成「{path}」。"
            "请按年度分册导出，或导出为 Excel。",
            path,
        )
    ticker = Ticker(progress, path)
    document = _document(meta)
    done = 0
    for i, volume in enumerate(volumes):
        if i:
            document.add_section(WD_SECTION.NEW_PAGE)
        _cover(document, volume)
        document.add_section(WD_SECTION.NEW_PAGE)
        done = _volume_table(document, volume, ticker, done)
        _mark_end(document.tables[-1]._tbl, i)
    _number_tables(document)
    with atomic_output(path) as tmp:
        document.save(str(tmp))
    ticker.check(done)
    return done


def write_catalogue_xlsx(path: Path, rows: Iterable[dict[str, Any]], meta: ExportMeta,
                         progress: Progress | None = None) -> int:  # fmt: skip
    """Write one volume (or any list of 件 in catalogue order) as an .xlsx catalogue."""
    return write_xlsx(Path(path), CATALOGUE, numbered(rows), meta, progress)


# -- the document ------------------------------------------------------------------------------


def _document(meta: ExportMeta) -> Document:
    document = base_document(BODY_FONT, CELL_PT)
    # Codes and dates in a narrow Latin face: a 档号 must stay on one line in its column.
    set_fonts(document.styles["Normal"].element, BODY_FONT, LATIN_FONT)
    for name, font, size, bold, after in (
        ("Cover Title", TITLE_FONT, 36, False, 0),
        ("Cover Line", BODY_FONT, 16, False, 0),
        ("Catalogue Title", TITLE_FONT, 16, False, 2),
        ("Catalogue Subtitle", BODY_FONT, 10.5, False, 4),
        ("Catalogue Header", TITLE_FONT, CELL_PT, False, 0),
        ("Catalogue Footer", BODY_FONT, 9, False, 0),
    ):
        add_paragraph_style(document, name, font, size, bold=bold, space_after_pt=after)
    page_a4(document.sections[0], landscape=True, margins_mm=MARGINS_MM)
    document.core_properties.title = f"{meta.unit_name}{TITLE}"
    document.core_properties.author = "办公桌"
    # The template's empty first paragraph would push the first cover down a line.
    body = document.element.body
    for p in body.findall(qn("w:p")):
        body.remove(p)
    return document


def _number_tables(document: Document) -> None:
    """Covers carry no page number; each table counts its own pages from 1.

    共 N 页 is the page number of the bookmark on the table's last row: with the numbering
    restarting at the table that is its page count (LibreOffice ignores SECTIONPAGES).
    """
    for i, section in enumerate(document.sections):
        section.footer.is_linked_to_previous = False  # a footer of its own, empty on a cover
        if i % 2:
            page_number_footer(section, "Catalogue Footer", total=f"PAGEREF {_end_mark(i // 2)}")
            sect_pr = section._sectPr
            old = sect_pr.find(qn("w:pgNumType"))
            if old is not None:
                sect_pr.remove(old)
            # CT_SectPr order: …, pgMar, paperSrc, pgBorders, lnNumType, pgNumType, cols, ….
            sect_pr.insert_element_before(
                element("w:pgNumType", start="1"),
                *(f"w:{t}" for t in ("cols", "formProt", "vAlign", "noEndnote", "titlePg",
                                     "textDirection", "bidi", "rtlGutter", "docGrid",
                                     "printerSettings", "sectPrChange")),
            )  # fmt: skip


def _end_mark(volume: int) -> str:
    return f"CatalogueEnd{volume + 1}"


def _mark_end(table_element: _Element, volume: int) -> None:
    """Bookmark the first paragraph of the table's last row (the volume's last page)."""
    last_row = table_element.findall(qn("w:tr"))[-1]
    paragraph = next(last_row.iter(qn("w:p")))
    mark = str(900_000 + volume)  # ids apart from any the template has
    start = element("w:bookmarkStart", id=mark, name=_end_mark(volume))
    ppr = paragraph.find(qn("w:pPr"))
    if ppr is not None:
        ppr.addnext(start)
    else:
        paragraph.insert(0, start)
    start.addnext(element("w:bookmarkEnd", id=mark))


def _ems(text: str) -> float:
    """The width of `text` in ems of the cover font: CJK and full-width 1, Latin about half."""
    return sum(1.0 if ord(ch) > 0x2E7F else 0.55 for ch in text)


def _cover(document: Document, volume: Volume) -> None:
    """The cover page: title and the five lines a 归档文件目录 cover carries.

    A long value (many 机构) wraps inside its 120 mm field; the space above and below the
    title shrinks, then the type, so that the cover always stays on its one page.
    """
    lines = (
        ("全　宗　号", volume.fonds_no),
        ("全宗名称", volume.fonds_name),
        ("年　　度", str(volume.year)),
        ("保管期限", volume.periods),
        ("机构(问题)", volume.orgs),
    )
    size: float = COVER_PT
    while True:
        per_line = (COVER_VALUE_MM - 2 * COVER_PAD_MM) / (size * MM_PER_PT)
        extra = sum(max(1, math.ceil(_ems(v) / per_line)) for _, v in lines) - len(lines)
        if extra <= COVER_SPARE_LINES * COVER_PT / size or size <= COVER_MIN_PT:
            break
        size -= 1.5
    squeeze = min(1.0, extra / COVER_SPARE_LINES)  # 0: a short cover keeps its full margins
    spacer = document.add_paragraph(style="Cover Line")
    spacer.paragraph_format.space_before = Mm(40 - 30 * squeeze)
    document.add_paragraph(TITLE, style="Cover Title").paragraph_format.space_after = Mm(
        25 - 13 * squeeze
    )
    table = document.add_table(rows=len(lines), cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    for r, (label, value) in enumerate(lines):
        for c, (text, width) in enumerate(((label, 40), (value, COVER_VALUE_MM))):
            cell = table.rows[r].cells[c]
            cell.width = Mm(width)
            paragraph = cell.paragraphs[0]
            paragraph.style = "Cover Line"
            paragraph.alignment = WD_ALIGN_PARAGRAPH.LEFT if c else WD_ALIGN_PARAGRAPH.RIGHT
            paragraph.paragraph_format.space_after = Mm(6 - 3 * squeeze)
            run = paragraph.add_run(text + ("：" if c == 0 else ""))
            if size != COVER_PT:
                run.font.size = Pt(size)
            if c == 1:  # the value sits on a line, as on the printed form
                borders = element("w:pBdr")
                borders.append(element("w:bottom", val="single", sz="6", space="1",
                                       color="000000"))  # fmt: skip
                # CT_PPr order: pBdr comes before shd, tabs, …, spacing, ind, jc.
                paragraph._p.get_or_add_pPr().insert_element_before(
                    borders, *(f"w:{t}" for t in _AFTER_PBDR)
                )


def _widths() -> list[float]:
    usable = 297 - MARGINS_MM[1] - MARGINS_MM[3]
    fixed = sum(w for _, _, w, _ in COLUMNS)
    return [w or usable - fixed for _, _, w, _ in COLUMNS]


def _volume_table(document: Document, volume: Volume, ticker: Ticker, done: int) -> int:
    """The volume's title line and table; returns the running count of 件 written."""
    document.add_paragraph(TITLE, style="Catalogue Title")
    subtitle = f"全宗号：{volume.fonds_no}　　{volume.heading}"
    if volume.orgs:
        subtitle += f"　　机构(问题)：{volume.orgs}"
    document.add_paragraph(subtitle, style="Catalogue Subtitle")
    widths = _widths()
    table = document.add_table(rows=2, cols=len(COLUMNS))
    table.autofit = False  # fixed layout: the widths hold on every page
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table_borders(table, 6)
    cell_margins(table, CELL_PAD_MM, 0.5)
    header, template = table.rows[0], table.rows[1]
    row_flags(header._tr, header=True, height_mm=9)
    row_flags(template._tr, height_mm=7)
    for i, ((label, _name, _w, centred), width) in enumerate(zip(COLUMNS, widths, strict=True)):
        table.columns[i].width = Mm(width)
        cell = header.cells[i]
        cell.width = Mm(width)
        cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
        cell.paragraphs[0].style = "Catalogue Header"
        cell.paragraphs[0].add_run(label)
        shade(cell._tc, HEADER_FILL)
        cell = template.cells[i]
        cell.width = Mm(width)
        cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
        if centred:
            cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
        cell.paragraphs[0].add_run()._r.append(element("w:t"))
    tbl = table._tbl
    tr: _Element = template._tr
    tbl.remove(tr)
    names = [name for _, name, _, _ in COLUMNS]
    for row in numbered(volume.rows):
        copy = deepcopy(tr)
        for t, name in zip(list(copy.iter(_T)), names, strict=True):
            text = _text(name, row)
            if text:
                set_run_text(t, text)
        tbl.append(copy)
        done += 1
        if done % 1000 == 0:
            ticker.check(done)
    return done
