"""The .docx register export, read back paragraph by paragraph and cell by cell."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import docx
import pytest
from docx.document import Document
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn
from docx.shared import Length

from officedesk.core.registers import INCOMING_DOCUMENT
from officedesk.core.traffic import Light
from officedesk.exports import ExportError, docx_register, export_rows
from officedesk.exports.common import HEADER_FILL, LIGHT_LABEL

from .samples import META

R = INCOMING_DOCUMENT
LABELS = [f.label for f in R.printed_fields]
HEADER = [*LABELS[: LABELS.index("办理时限") + 1], LIGHT_LABEL,
          *LABELS[LABELS.index("办理时限") + 1 :]]  # fmt: skip


@pytest.fixture
def word(tmp_path: Path, document_rows: list[dict[str, Any]]) -> Document:
    path = tmp_path / "收文.docx"
    assert export_rows(path, R, document_rows, META) == len(document_rows)
    return docx.Document(str(path))


def cells(word: Document, row: int) -> list[str]:
    return [c.text for c in word.tables[0].rows[row].cells]


def east_asia(style_element: Any) -> str | None:
    fonts = style_element.find(f"{qn('w:rPr')}/{qn('w:rFonts')}")
    return None if fonts is None else fonts.get(qn("w:eastAsia"))


def test_title_and_landscape_page(word: Document) -> None:
    assert [p.text for p in word.paragraphs[:2]] == [
        "青山林业局收文登记簿", "2024年 · 检索：防火　　导出日期：2024-06-01",
    ]  # fmt: skip
    section = word.sections[0]
    assert section.orientation == WD_ORIENT.LANDSCAPE
    assert round(section.page_width.mm) == 297 and round(section.page_height.mm) == 210


def test_header_row_repeats_and_rows_do_not_split(word: Document) -> None:
    table = word.tables[0]
    assert [t.replace("\n", "") for t in cells(word, 0)] == HEADER
    header_pr = table.rows[0]._tr.trPr
    assert header_pr.find(qn("w:tblHeader")) is not None
    for row in table.rows[1:]:
        assert row._tr.trPr.find(qn("w:cantSplit")) is not None
        assert row._tr.trPr.find(qn("w:tblHeader")) is None
    shd = table.rows[0].cells[0]._tc.tcPr.find(qn("w:shd"))
    assert shd.get(qn("w:fill")) == HEADER_FILL


def test_rows_hold_the_displayed_values(word: Document) -> None:
    assert len(word.tables[0].rows) == 1 + 6
    first = dict(zip(HEADER, cells(word, 1), strict=True))
    assert first["收文编号"] == "收〔2024〕1号"
    assert first["签收时间"] == "2024-05-10 09:30"
    assert first["标题"] == "=1+1"
    assert first["办理时限"] == "2024-05-20"
    assert first["备注"] == "@SUM(A1)"
    assert first[LIGHT_LABEL] == "逾期"
    assert dict(zip(HEADER, cells(word, 5), strict=True))["份数"] == "3"
    assert dict(zip(HEADER, cells(word, 6), strict=True))["备注"] == "第一行\n第二行"


def test_traffic_light_shading(word: Document) -> None:
    index = HEADER.index(LIGHT_LABEL)
    expected = [Light.OVERDUE, Light.DUE_SOON, Light.DONE, Light.DONE_LATE, Light.NONE]
    for row, lt in enumerate(expected, start=1):
        tc = word.tables[0].rows[row].cells[index]._tc
        shd = tc.tcPr.find(qn("w:shd"))
        if lt is Light.NONE:
            assert shd is None
        else:
            assert shd.get(qn("w:fill")) == lt.background[1:], lt
            assert tc.xpath(".//w:color/@w:val") == [lt.foreground[1:]]


def test_east_asian_fonts(word: Document) -> None:
    styles = word.styles
    assert east_asia(styles["Normal"].element) == "宋体"
    assert east_asia(styles["Register Title"].element) == "黑体"
    assert east_asia(styles["Register Header"].element) == "宋体"
    defaults = styles.element.find(qn("w:docDefaults"))
    themes = [f.get(qn("w:eastAsiaTheme")) for f in defaults.iter(qn("w:rFonts"))]
    assert themes == [None]  # a theme font would win over 宋体


def test_page_numbers_in_the_footer(word: Document) -> None:
    footer = word.sections[0].footer.paragraphs[0]
    instructions = [t.text.strip() for t in footer._p.iter(qn("w:instrText"))]
    assert instructions == ["PAGE", "NUMPAGES"]
    assert footer.text.replace("1", "X") == "第 X 页 共 X 页"


def test_column_widths_span_the_page(word: Document) -> None:
    grid = [int(c.get(qn("w:w"))) for c in word.tables[0]._tbl.tblGrid.iter(qn("w:gridCol"))]
    section = word.sections[0]
    usable = Length(section.page_width - section.left_margin - section.right_margin)
    assert sum(grid) == pytest.approx(usable.twips, abs=30)
    widths = dict(zip(HEADER, grid, strict=True))
    assert widths["标题"] > 2 * widths["密级"]
    assert widths["办理时限"] >= 6 * 9 * 20  # a date never breaks inside itself


def test_too_many_rows_for_word(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(docx_register, "MAX_DOCX_ROWS", 10)
    rows = ({"serial": str(i), "title": "标题"} for i in range(11))
    path = tmp_path / "太多.docx"
    with pytest.raises(ExportError, match="Excel"):
        export_rows(path, R, rows, META)
    assert list(tmp_path.iterdir()) == []
