"""Generated 公文 (会议通知, 纪要, 督办通报) in the GB/T 9704-2012 layout, as .docx.

A4; margins top 37 mm, left 28 mm, right 26 mm, bottom 35 mm (type area 156 × 225 mm); 22 lines
of 28 characters; body 3号 (16 pt) 仿宋, title 2号 (22 pt) 小标宋 centred, headings 一、 黑体 and
（一） 楷体; page numbers "— 1 —" in 4号 宋体, odd pages right and even pages left, one character
in. East Asian fonts are named through w:eastAsia (python-docx's `font.name` sets only the Latin
font); which font a role uses is the first available one of its chain (a setting).

    doc = OfficialDocument(OfficialFonts.first_of(chains))
    doc.title("关于召开森林防火工作会议的通知")
    doc.addressee("各科室、各林场")
    doc.paragraph("为做好……，定于……召开……。现将有关事项通知如下：")
    doc.heading("一、会议时间")
    doc.paragraph("2026年11月24日（星期二）上午9:00")
    doc.attachment_note(["参会回执"])
    doc.signature("某某林业局办公室", dt.date(2026, 11, 21))
    doc.attachment_page("参会回执", number=None)
    doc.save(path)
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from docx.enum.section import WD_SECTION_START
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK, WD_LINE_SPACING
from docx.oxml.ns import qn
from docx.section import Section
from docx.shared import Mm, Pt, RGBColor
from docx.table import Table
from docx.text.paragraph import Paragraph

from officedesk.core.fonts import installed as installed_fonts
from officedesk.exports.common import atomic_output, xml_text
from officedesk.exports.wordxml import (
    add_field,
    base_document,
    element,
    page_a4,
    row_flags,
    set_fonts,
    table_borders,
)

# GB/T 9704-2012 §5.2: 天头 37 mm, 订口 28 mm, 版心 156 × 225 mm.
MARGINS_MM = (37, 26, 35, 28)  # top, right, bottom, left
TYPE_AREA_MM = (156.0, 225.0)
LINES_PER_PAGE = 22
CHARS_PER_LINE = 28
BODY_PT = 16.0  # 3号
TITLE_PT = 22.0  # 2号
PAGE_NUMBER_PT = 14.0  # 4号
TABLE_PT = 12.0  # 小四, for tables inside a document (通报 lists, 回执)
POINTS_PER_MM = 72 / 25.4
# 225 mm over 22 lines: each line is 28.95 pt; set as an exact line height, so the page holds
# 22 lines whatever the application's grid snapping does.
LINE_PT = round(TYPE_AREA_MM[1] * POINTS_PER_MM / LINES_PER_PAGE, 2)
DASH = "—"  # the 一字线 either side of the page number

DEFAULT_CHAINS = {
    "body": "仿宋_GB2312,仿宋,FangSong",
    "title": "方正小标宋简体,华文中宋,宋体",
    "heading": "黑体,SimHei",
    "kai": "楷体_GB2312,楷体,KaiTi",
    "number": "宋体,SimSun",
}


def split_chain(chain: str) -> list[str]:
    """The font names of a chain setting: comma, 、 or → separated, in order of preference."""
    for sep in ("→", "、", "，", ";", "；"):
        chain = chain.replace(sep, ",")
    return [name.strip() for name in chain.split(",") if name.strip()]


@dataclass(frozen=True)
class OfficialFonts:
    """The font of each role in a 公文."""

    body: str = "仿宋_GB2312"
    title: str = "方正小标宋简体"
    heading: str = "黑体"
    kai: str = "楷体_GB2312"
    number: str = "宋体"

    @classmethod
    def first_of(
        cls, chains: dict[str, str] | None = None, available: Collection[str] | None = None
    ) -> OfficialFonts:
        """Each role's first font that is `available` (all, when unknown) from its chain."""
        chosen: dict[str, str] = {}
        for role, default in DEFAULT_CHAINS.items():
            names = split_chain((chains or {}).get(role) or default) or split_chain(default)
            usable = [n for n in names if available is None or n in available]
            chosen[role] = usable[0] if usable else names[-1]
        return cls(**chosen)


def fonts_for(chains: dict[str, str]) -> OfficialFonts:
    """The fonts of a 公文 from the unit's chains: the first installed one of each, if known."""
    return OfficialFonts.first_of(chains, installed_fonts())


def chinese_date(day: dt.date) -> str:
    """A date as 公文 text writes it: 2026年3月5日, no zero padding."""
    return f"{day.year}年{day.month}月{day.day}日"


def text_width(text: str) -> float:
    """Width in characters of the body font: CJK and full-width count 1, the rest ½."""
    return sum(1.0 if unicodedata.east_asian_width(c) in "WF" else 0.5 for c in text)


# 28 characters of 16 pt fill 448 pt, the type area is 442.2 pt wide: each character gives up
# a quarter point (character spacing is set in twentieths of a point). A character grid
# (docGrid linesAndChars) would do the same in Word, but LibreOffice lays such a grid out with
# square cells, 15 characters a line; plain spacing comes out the same in both.
CHAR_SPACING_TWENTIETHS = -5
RPR_AFTER_SPACING = ("w", "kern", "position", "sz", "szCs", "highlight", "u", "effect", "bdr",
                     "shd", "fitText", "vertAlign", "rtl", "cs", "em", "lang")  # fmt: skip


PPR_AFTER_SNAP = ("spacing", "ind", "contextualSpacing", "mirrorIndents", "suppressOverlap", "jc",
                  "textDirection", "textAlignment", "textboxTightWrap", "outlineLvl", "divId",
                  "cnfStyle", "rPr", "sectPr", "pPrChange")  # fmt: skip


def off_grid(paragraph: Paragraph) -> None:
    """Take a paragraph off the document grid (w:snapToGrid 0), keeping its line height."""
    ppr = paragraph._p.get_or_add_pPr()
    snap = element("w:snapToGrid", val="0")
    # CT_PPr is a sequence: snapToGrid comes before spacing, ind, jc, …
    anchor = next((el for el in (ppr.find(qn(f"w:{t}")) for t in PPR_AFTER_SNAP)
                   if el is not None), None)  # fmt: skip
    if anchor is not None:
        anchor.addprevious(snap)
    else:
        ppr.append(snap)


def _grid(section: Section) -> None:
    """The 22-line document grid (Word's 文档网格: 只指定行网格), line pitch 28.95 pt."""
    sect_pr = section._sectPr
    old = sect_pr.find(qn("w:docGrid"))
    if old is not None:
        sect_pr.remove(old)
    sect_pr.append(element("w:docGrid", type="lines", linePitch=str(round(LINE_PT * 20))))


class OfficialDocument:
    """A 公文 being written paragraph by paragraph in the GB/T 9704 layout."""

    def __init__(self, fonts: OfficialFonts | None = None, *, title_property: str = "") -> None:
        self.fonts = fonts or OfficialFonts()
        self.document = base_document(self.fonts.body, BODY_PT)
        normal = self.document.styles["Normal"].paragraph_format
        normal.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        normal.line_spacing = Pt(LINE_PT)
        normal.widow_control = False  # a 公文 fills its 22 lines; Word would leave gaps
        rpr = self.document.styles["Normal"].element.get_or_add_rPr()
        spacing = element("w:spacing", val=str(CHAR_SPACING_TWENTIETHS))
        # CT_RPr is a sequence: spacing comes before w, kern, position, sz, …, lang.
        later = [rpr.find(qn(f"w:{t}")) for t in RPR_AFTER_SPACING]
        anchor = next((el for el in later if el is not None), None)
        if anchor is not None:
            anchor.addprevious(spacing)
        else:
            rpr.append(spacing)
        section = self.document.sections[0]
        page_a4(section, landscape=False, margins_mm=MARGINS_MM)
        _grid(section)
        self._page_numbers(section)
        self.document.core_properties.author = "办公桌"
        self.document.core_properties.title = title_property
        self._titled = False

    # -- page furniture ---------------------------------------------------------------------

    def _page_numbers(self, section: Section) -> None:
        """— 1 — in 4号 宋体 below the type area: odd pages right, even pages left, 1 char in."""
        self.document.settings.odd_and_even_pages_header_footer = True
        # The number's line sits 7 mm under the type area (GB/T 9704 §7.5).
        section.footer_distance = Mm(MARGINS_MM[2] - 7 - PAGE_NUMBER_PT / POINTS_PER_MM)
        indent = Pt(PAGE_NUMBER_PT)
        for footer, align in (
            (section.footer, WD_ALIGN_PARAGRAPH.RIGHT),
            (section.even_page_footer, WD_ALIGN_PARAGRAPH.LEFT),
        ):
            paragraph = footer.paragraphs[0]
            fmt = paragraph.paragraph_format
            fmt.alignment = align
            fmt.line_spacing_rule = WD_LINE_SPACING.SINGLE
            fmt.first_line_indent = Pt(0)
            if align is WD_ALIGN_PARAGRAPH.RIGHT:
                fmt.right_indent = indent
            else:
                fmt.left_indent = indent
            self._run(paragraph, f"{DASH} ", self.fonts.number, PAGE_NUMBER_PT)
            add_field(paragraph, "PAGE")
            self._run(paragraph, f" {DASH}", self.fonts.number, PAGE_NUMBER_PT)
            # The field's runs are bare: give every run of the line 4号 宋体.
            for r in paragraph._p.iter(qn("w:r")):
                run_pr = r.get_or_add_rPr()
                if run_pr.find(qn("w:sz")) is None:
                    run_pr.append(element("w:sz", val=str(round(PAGE_NUMBER_PT * 2))))
                set_fonts(r, self.fonts.number)

    # -- building blocks --------------------------------------------------------------------

    def _run(
        self, paragraph: Paragraph, text: str, font: str, size_pt: float, *, bold: bool = False
    ) -> None:
        run = paragraph.add_run(xml_text(text))
        run.font.size = Pt(size_pt)
        run.font.bold = bold
        set_fonts(run._r, font)

    def _paragraph(
        self,
        text: str,
        *,
        font: str | None = None,
        size_pt: float = BODY_PT,
        align: WD_ALIGN_PARAGRAPH = WD_ALIGN_PARAGRAPH.JUSTIFY,
        first_indent_chars: float = 2,
        left_indent_chars: float = 0,
        right_indent_chars: float = 0,
        color: RGBColor | None = None,
    ) -> Paragraph:
        paragraph = self.document.add_paragraph()
        fmt = paragraph.paragraph_format
        fmt.alignment = align
        fmt.first_line_indent = Pt(BODY_PT * first_indent_chars)
        if left_indent_chars:
            fmt.left_indent = Pt(BODY_PT * left_indent_chars)
        if right_indent_chars:
            fmt.right_indent = Pt(BODY_PT * right_indent_chars)
        if text:
            self._run(paragraph, text, font or self.fonts.body, size_pt)
            if color is not None:
                paragraph.runs[-1].font.color.rgb = color
        return paragraph

    # -- the parts of a 公文 ----------------------------------------------------------------

    def masthead(self, issuer: str, doc_number: str = "") -> None:
        """版头: the issuing organ's mark in red 小标宋, its 发文字号, and the red separator."""
        red = RGBColor(0xE6, 0x00, 0x12)
        mark = self._paragraph(issuer, font=self.fonts.title, size_pt=TITLE_PT * 1.6,
                               align=WD_ALIGN_PARAGRAPH.CENTER, first_indent_chars=0, color=red)  # fmt: skip
        mark.paragraph_format.line_spacing = Pt(TITLE_PT * 2.2)
        self.blank_line()
        number = self._paragraph(doc_number, align=WD_ALIGN_PARAGRAPH.CENTER, first_indent_chars=0)
        border = element("w:pBdr")
        border.append(element("w:bottom", val="single", sz="12", space="8", color="E60012"))
        number._p.get_or_add_pPr().append(border)
        self.blank_line()

    def title(self, text: str) -> None:
        """标题: 2号 小标宋, centred; a blank line after it (one before it when a masthead came).

        A title line keeps the body's line height but leaves the line grid: 2号 glyphs are taller
        than one grid line, and LibreOffice would give each title line two."""
        for line in text.split("\n"):
            paragraph = self._paragraph(line, font=self.fonts.title, size_pt=TITLE_PT,
                                        align=WD_ALIGN_PARAGRAPH.CENTER, first_indent_chars=0)  # fmt: skip
            off_grid(paragraph)
        self.blank_line()
        self._titled = True

    def addressee(self, text: str) -> None:
        """主送机关: flush left, ending in a full-width colon."""
        text = text.rstrip("：:") + "："
        self._paragraph(text, first_indent_chars=0)

    def paragraph(self, text: str) -> Paragraph:
        """A body paragraph: 3号 仿宋, first line indented two characters, justified."""
        return self._paragraph(text)

    def heading(self, text: str, level: int = 1) -> Paragraph:
        """一、 in 黑体 (level 1), （一） in 楷体 (2), 1. in 仿宋 (3); indented like the body."""
        font = {1: self.fonts.heading, 2: self.fonts.kai}.get(level, self.fonts.body)
        return self._paragraph(text, font=font)

    def labelled(self, label: str, text: str, *, hanging: bool = True) -> Paragraph:
        """A 黑体 label, a full-width colon, then 仿宋 text: the 纪要's 出席： line (§10.3), or
        一、 before a decision. Left two characters in; wrapped lines align after the label."""
        lead = f"{label}：" if hanging else label
        paragraph = self._paragraph("", first_indent_chars=0)
        fmt = paragraph.paragraph_format
        if hanging:
            fmt.left_indent = Pt(BODY_PT * (2 + text_width(lead)))
            fmt.first_line_indent = Pt(-BODY_PT * text_width(lead))
        else:
            fmt.first_line_indent = Pt(BODY_PT * 2)
        self._run(paragraph, lead, self.fonts.heading, BODY_PT)
        self._run(paragraph, text, self.fonts.body, BODY_PT)
        return paragraph

    def blank_line(self) -> None:
        """One empty line of the grid."""
        self._paragraph("", first_indent_chars=0)

    def attachment_note(self, names: Sequence[str]) -> None:
        """附件说明 after the body: 附件：1. … with later items aligned under the first name."""
        if not names:
            return
        self.blank_line()
        if len(names) == 1:
            self._paragraph(f"附件：{names[0]}", first_indent_chars=0, left_indent_chars=2)
            return
        for i, name in enumerate(names, 1):
            lead = "附件：" if i == 1 else ""
            # Later items line up under the first name, after "附件：" (3 characters).
            self._paragraph(f"{lead}{i}. {name}", first_indent_chars=0,
                            left_indent_chars=2 if i == 1 else 5)  # fmt: skip

    def signature(self, issuer: str, day: dt.date) -> None:
        """发文机关署名 centred over 成文日期; the date right-aligned, four characters in."""
        date_text = chinese_date(day)
        self.blank_line()
        self.blank_line()
        offset = 4 + max(0.0, (text_width(date_text) - text_width(issuer)) / 2)
        self._paragraph(issuer, align=WD_ALIGN_PARAGRAPH.RIGHT, first_indent_chars=0,
                        right_indent_chars=offset)  # fmt: skip
        self._paragraph(date_text, align=WD_ALIGN_PARAGRAPH.RIGHT, first_indent_chars=0,
                        right_indent_chars=4)  # fmt: skip

    def signed_line(self, text: str) -> None:
        """A right-aligned line four characters in (e.g. a 联系人 line or 纪要 signature)."""
        self._paragraph(text, align=WD_ALIGN_PARAGRAPH.RIGHT, first_indent_chars=0,
                        right_indent_chars=4)  # fmt: skip

    def page_break(self) -> None:
        """Start a new page."""
        self.document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    def attachment_page(self, title: str, number: int | None = None) -> None:
        """An 附件 on its own page: 附件 (or 附件2) in 黑体 top left, then its title centred."""
        label = "附件" if number is None else f"附件{number}"
        # "Page break before" rather than a break paragraph: a full last page gets no blank page.
        head = self._paragraph(label, font=self.fonts.heading, first_indent_chars=0,
                               align=WD_ALIGN_PARAGRAPH.LEFT)  # fmt: skip
        head.paragraph_format.page_break_before = True
        self.blank_line()
        heading = self._paragraph(title, font=self.fonts.title, size_pt=TITLE_PT,
                                  align=WD_ALIGN_PARAGRAPH.CENTER, first_indent_chars=0)  # fmt: skip
        off_grid(heading)
        self.blank_line()

    def table(
        self,
        headers: Sequence[str],
        rows: Iterable[Sequence[str]],
        widths_mm: Sequence[float],
        *,
        size_pt: float = TABLE_PT,
        min_row_mm: float = 8,
    ) -> Table:
        """A ruled table inside the type area: header row repeated on each page, rows whole."""
        table = self.document.add_table(rows=1, cols=len(headers))
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        table.autofit = False
        table_borders(table, 6)
        scale = min(1.0, TYPE_AREA_MM[0] / sum(widths_mm))
        widths = [Mm(w * scale) for w in widths_mm]

        def fill(cells: Sequence[object], values: Sequence[str], font: str, header: bool) -> None:
            for cell, value, width in zip(cells, values, widths, strict=True):
                cell.width = width  # type: ignore[attr-defined]
                paragraph = cell.paragraphs[0]  # type: ignore[attr-defined]
                fmt = paragraph.paragraph_format
                fmt.first_line_indent = Pt(0)
                fmt.line_spacing_rule = WD_LINE_SPACING.SINGLE
                fmt.alignment = WD_ALIGN_PARAGRAPH.CENTER if header else WD_ALIGN_PARAGRAPH.LEFT
                self._run(paragraph, value, font, size_pt)

        # Word and LibreOffice lay a table out by its grid columns, not by the cells' widths.
        for column, width in zip(table.columns, widths, strict=True):
            column.width = width
        head = table.rows[0]
        fill(head.cells, list(headers), self.fonts.heading, True)
        row_flags(head._tr, header=True, height_mm=min_row_mm)
        for values in rows:
            row = table.add_row()
            fill(row.cells, [str(v) for v in values], self.fonts.body, False)
            row_flags(row._tr, height_mm=min_row_mm)
        return table  # type: ignore[no-any-return]

    def new_section_landscape(self) -> Section:
        """A landscape A4 section (a wide table in an 附件), numbered like the rest."""
        section = self.document.add_section(WD_SECTION_START.NEW_PAGE)
        page_a4(section, landscape=True, margins_mm=(28, 37, 26, 35))
        return section  # type: ignore[no-any-return]

    def save(self, path: Path) -> Path:
        """Write the .docx atomically: on any failure nothing is left under `path`."""
        path = Path(path)
        with atomic_output(path) as tmp:
            self.document.save(str(tmp))
        return path
