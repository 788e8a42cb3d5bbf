"""Word XML that python-docx has no API for: East Asian fonts, fields, table flags, shading."""

from __future__ import annotations

import docx
from docx.document import Document
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.section import Section
from docx.shared import Mm, Pt
from docx.styles.style import BaseStyle
from docx.table import Table
from docx.text.paragraph import Paragraph
from lxml.etree import _Element

from officedesk.exports.common import xml_text

TWIPS_PER_MM = 56.7
BORDER_COLOUR = "808080"


def element(tag: str, **attrs: str) -> _Element:
    """A new w: element with w: attributes: element("w:shd", val="clear", fill="FFFFFF")."""
    el = OxmlElement(tag)
    for key, value in attrs.items():
        el.set(qn(f"w:{key}"), value)
    return el


def set_fonts(rpr_owner: _Element, east_asian: str, latin: str | None = None) -> None:
    """Name the fonts of a run or style: python-docx's `font.name` leaves East Asian text alone."""
    rpr = rpr_owner.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = element("w:rFonts")
        rpr.insert(0, fonts)  # rFonts comes first in rPr (after rStyle, which styles lack)
    latin = latin or east_asian
    for attr, name in (("ascii", latin), ("hAnsi", latin), ("eastAsia", east_asian)):
        fonts.set(qn(f"w:{attr}"), name)
    for theme in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme"):
        fonts.attrib.pop(qn(f"w:{theme}"), None)  # a theme font would win over the named one


def style_font(style: BaseStyle, east_asian: str, size_pt: float, bold: bool = False) -> None:
    """Give a style its East Asian and Latin font and its size."""
    style.font.size = Pt(size_pt)  # type: ignore[attr-defined]
    style.font.bold = bold  # type: ignore[attr-defined]
    set_fonts(style.element, east_asian)


def add_paragraph_style(
    document: Document,
    name: str,
    east_asian: str,
    size_pt: float,
    *,
    bold: bool = False,
    align: WD_ALIGN_PARAGRAPH = WD_ALIGN_PARAGRAPH.CENTER,
    space_after_pt: float | None = None,
) -> None:
    """A paragraph style on Normal with its font, size, alignment and (if given) space after."""
    styles = document.styles
    style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = styles["Normal"]
    style_font(style, east_asian, size_pt, bold)
    style.paragraph_format.alignment = align
    if space_after_pt is not None:
        style.paragraph_format.space_after = Pt(space_after_pt)


def drop_theme_fonts(document: Document) -> None:
    """Remove the template's theme fonts from the document defaults, so named fonts apply."""
    defaults = document.styles.element.find(qn("w:docDefaults"))
    if defaults is None:
        return
    for fonts in defaults.iter(qn("w:rFonts")):
        for theme in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"):
            fonts.attrib.pop(qn(f"w:{theme}"), None)
    for lang in defaults.iter(qn("w:lang")):
        lang.set(qn("w:eastAsia"), "zh-CN")  # line breaking and punctuation rules for Chinese


def page_a4(section: Section, landscape: bool, margins_mm: tuple[int, int, int, int]) -> None:
    """Make a section A4, portrait or landscape, with margins (top, right, bottom, left) in mm."""
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = (
        (Mm(297), Mm(210)) if landscape else (Mm(210), Mm(297))
    )
    top, right, bottom, left = margins_mm
    section.top_margin, section.right_margin = Mm(top), Mm(right)
    section.bottom_margin, section.left_margin = Mm(bottom), Mm(left)
    section.header_distance, section.footer_distance = Mm(8), Mm(8)


def add_field(paragraph: Paragraph, instruction: str, shown: str = "1") -> None:
    """A field (PAGE, NUMPAGES) that Word and LibreOffice fill in when they lay the pages out."""
    p = paragraph._p
    for part in ("begin", "instr", "separate", "result", "end"):
        run = element("w:r")
        if part == "instr":
            text = element("w:instrText")
            text.set(qn("xml:space"), "preserve")
            text.text = f" {instruction} "
            run.append(text)
        elif part == "result":
            text = element("w:t")
            text.text = shown
            run.append(text)
        else:
            run.append(element("w:fldChar", fldCharType=part))
        p.append(run)


def page_number_footer(section: Section, style_name: str, total: str = "NUMPAGES") -> None:
    """第 X 页 共 Y 页 centred in the footer; `total` is the field giving Y (NUMPAGES, or
    PAGEREF to a bookmark on a part's last page when its numbering restarts)."""
    paragraph = section.footer.paragraphs[0]
    paragraph.style = style_name
    paragraph.add_run("第 ")
    add_field(paragraph, "PAGE")
    paragraph.add_run(" 页 共 ")
    add_field(paragraph, total)
    paragraph.add_run(" 页")


def table_borders(table: Table, size_eighths: int = 4) -> None:
    """Single lines round and inside every cell (the template's table styles are not relied on)."""
    tbl_pr = table._tbl.tblPr
    borders = element("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        borders.append(
            element(f"w:{edge}", val="single", sz=str(size_eighths), space="0",
                    color=BORDER_COLOUR)
        )  # fmt: skip
    old = tbl_pr.find(qn("w:tblBorders"))
    if old is not None:
        tbl_pr.remove(old)
    # CT_TblPr order: tblStyle, …, tblW, jc, …, tblBorders, shd, tblLayout, tblCellMar, tblLook.
    anchor = next(
        (tbl_pr.find(qn(f"w:{t}")) for t in ("shd", "tblLayout", "tblCellMar", "tblLook")
         if tbl_pr.find(qn(f"w:{t}")) is not None),
        None,
    )  # fmt: skip
    if anchor is not None:
        anchor.addprevious(borders)
    else:
        tbl_pr.append(borders)


def cell_margins(table: Table, left_right_mm: float, top_bottom_mm: float = 0) -> None:
    """Inner cell margins of the whole table."""
    tbl_pr = table._tbl.tblPr
    margins = element("w:tblCellMar")
    for edge, mm in (("top", top_bottom_mm), ("left", left_right_mm),
                     ("bottom", top_bottom_mm), ("right", left_right_mm)):  # fmt: skip
        margins.append(element(f"w:{edge}", w=str(round(mm * TWIPS_PER_MM)), type="dxa"))
    look = tbl_pr.find(qn("w:tblLook"))
    if look is not None:
        look.addprevious(margins)
    else:
        tbl_pr.append(margins)


def row_flags(tr: _Element, *, header: bool = False, cant_split: bool = True,
              height_mm: float | None = None, exact: bool = False) -> None:  # fmt: skip
    """Row properties: repeat as header on every page, never split across pages, height."""
    tr_pr = tr.get_or_add_trPr()
    # CT_TrPr children may come in any order (a choice group), so appending is valid.
    if cant_split:
        tr_pr.append(element("w:cantSplit"))
    if height_mm is not None:
        tr_pr.append(element("w:trHeight", val=str(round(height_mm * TWIPS_PER_MM)),
                             hRule="exact" if exact else "atLeast"))  # fmt: skip
    if header:
        tr_pr.append(element("w:tblHeader"))


def shade(tc: _Element, fill_hex: str) -> None:
    """Fill a cell with a colour (#RRGGBB or RRGGBB)."""
    tc_pr = tc.get_or_add_tcPr()
    shd = element("w:shd", val="clear", color="auto", fill=fill_hex.lstrip("#").upper())
    # CT_TcPr order: tcW, gridSpan, vMerge, tcBorders, shd, noWrap, tcMar, …, vAlign, hideMark.
    later = next((tc_pr.find(qn(f"w:{t}")) for t in ("noWrap", "tcMar", "textDirection",
                  "tcFitText", "vAlign", "hideMark") if tc_pr.find(qn(f"w:{t}")) is not None),
                 None)  # fmt: skip
    if later is not None:
        later.addprevious(shd)
    else:
        tc_pr.append(shd)


def set_run_text(t: _Element, text: str) -> None:
    """Put `text` in a w:t, turning line breaks into w:br (a \\n in w:t shows as nothing)."""
    text = xml_text(text)
    if text[:1].isspace() or text[-1:].isspace():
        t.set(qn("xml:space"), "preserve")  # Word drops leading and trailing blanks otherwise
    if "\n" not in text and "\r" not in text:
        t.text = text
        return
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    t.text = lines[0]
    anchor = t
    for line in lines[1:]:
        br = element("w:br")
        anchor.addnext(br)
        nxt = element("w:t")
        nxt.set(qn("xml:space"), "preserve")
        nxt.text = line
        br.addnext(nxt)
        anchor = nxt


def base_document(font: str, size_pt: float) -> Document:
    """A new document whose Normal style is `font` at `size_pt`, single-spaced, no paragraph gaps,
    with the theme fonts dropped so the East Asian font applies everywhere."""
    document = docx.Document()
    drop_theme_fonts(document)
    normal = document.styles["Normal"]
    style_font(normal, font, size_pt)
    normal.paragraph_format.space_before = normal.paragraph_format.space_after = Pt(0)
    normal.paragraph_format.line_spacing = 1.0
    return document
