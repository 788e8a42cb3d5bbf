"""The GB/T 9704 layout of generated 公文: page, margins, grid, fonts, page numbers."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from docx.shared import Mm

from officedesk.exports.gbt9704 import (
    LINE_PT,
    OfficialDocument,
    OfficialFonts,
    chinese_date,
    split_chain,
)

from .test_libreoffice import to_pdf_text


def sample(path: Path, paragraphs: int = 6) -> Path:
    doc = OfficialDocument(title_property="关于召开森林防火工作会议的通知")
    doc.title("关于召开森林防火工作会议的通知")
    doc.addressee("各科室、各林场")
    doc.paragraph("为做好今冬明春森林防火工作，经局领导同意，定于近期召开森林防火工作会议。"
                  "现将有关事项通知如下：")  # fmt: skip
    doc.heading("一、会议时间")
    doc.paragraph("2026年11月24日（星期二）上午9:00，会期半天。")
    doc.heading("二、会议地点")
    doc.paragraph("局机关三楼第一会议室。")
    doc.heading("（一）参会要求", level=2)
    for i in range(paragraphs):
        doc.paragraph(f"第{i + 1}项要求：请各单位主要负责同志准时参会，不得请人代会。" * 2)
    doc.attachment_note(["参会回执"])
    doc.signature("某某林业局办公室", dt.date(2026, 11, 21))
    doc.attachment_page("参会回执")
    doc.table(["单位", "姓名", "职务", "联系电话"], [["", "", "", ""]] * 3, [50, 30, 36, 40])
    return doc.save(path)


def test_page_margins_grid_and_fonts(tmp_path: Path) -> None:
    document = docx.Document(str(sample(tmp_path / "notice.docx")))
    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    margins = [section.top_margin, section.left_margin, section.right_margin, section.bottom_margin]
    assert [round(m.mm) for m in margins] == [37, 28, 26, 35]
    grid = section._sectPr.find(qn("w:docGrid"))
    assert grid.get(qn("w:type")) == "lines"
    assert int(grid.get(qn("w:linePitch"))) == round(LINE_PT * 20)  # 22 lines in 225 mm
    title = document.paragraphs[0]
    assert title.text == "关于召开森林防火工作会议的通知"
    fonts = title.runs[0]._r.rPr.find(qn("w:rFonts"))
    assert fonts.get(qn("w:eastAsia")) == "方正小标宋简体"
    assert title.runs[0].font.size.pt == 22
    body = next(p for p in document.paragraphs if p.text.startswith("为做好"))
    assert body.runs[0]._r.rPr.find(qn("w:rFonts")).get(qn("w:eastAsia")) == "仿宋_GB2312"
    assert body.runs[0].font.size.pt == 16
    assert round(body.paragraph_format.first_line_indent.pt) == 32  # two characters
    heading = next(p for p in document.paragraphs if p.text == "一、会议时间")
    assert heading.runs[0]._r.rPr.find(qn("w:rFonts")).get(qn("w:eastAsia")) == "黑体"
    kai = next(p for p in document.paragraphs if p.text == "（一）参会要求")
    assert kai.runs[0]._r.rPr.find(qn("w:rFonts")).get(qn("w:eastAsia")) == "楷体_GB2312"
    date = next(p for p in document.paragraphs if p.text == "2026年11月21日")
    assert round(date.paragraph_format.right_indent.pt) == 64  # four characters in
    assert document.settings.odd_and_even_pages_header_footer
    assert section.footer.paragraphs[0].text.startswith("— ")
    assert section.even_page_footer.paragraphs[0].text.endswith(" —")
    assert section.footer_distance < Mm(35)


def test_font_chain_takes_the_first_available() -> None:
    assert split_chain("仿宋_GB2312 → 仿宋 → FangSong") == ["仿宋_GB2312", "仿宋", "FangSong"]
    fonts = OfficialFonts.first_of(
        {"body": "仿宋_GB2312,仿宋,FangSong"}, available={"仿宋", "黑体"}
    )
    assert fonts.body == "仿宋"
    assert fonts.heading == "黑体"
    assert fonts.title == "宋体"  # none available: the chain's last, the safest
    assert OfficialFonts.first_of().body == "仿宋_GB2312"
    assert chinese_date(dt.date(2024, 3, 5)) == "2024年3月5日"


def test_save_failure_leaves_no_file(tmp_path: Path) -> None:
    from officedesk.exports import ExportError

    target = tmp_path / "missing" / "notice.docx"
    with pytest.raises(ExportError):
        sample(target)
    assert not target.exists()


@pytest.mark.libreoffice
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_libreoffice_lays_it_out_with_page_numbers(tmp_path: Path) -> None:
    src = tmp_path / "src"
    src.mkdir()
    notice = sample(src / "notice.docx", paragraphs=12)
    text = to_pdf_text([notice], tmp_path)["notice.docx"]
    pages = [p for p in text.split("\f") if p.strip()]
    assert len(pages) == 4  # three pages of notice (22 lines each), the 回执 on its own page
    for number, page in enumerate(pages, 1):
        # pdftotext drops the thin gaps the font leaves round the number: — 1 — reads —1—.
        assert re.search(rf"—\s*{number}\s*—", page)
    assert "关于召开森林防火工作会议的通知" in pages[0]
    assert "2026年11月21日" in pages[2].replace(" ", "")
    assert pages[3].lstrip().startswith("附件") and "参会回执" in pages[3]
    info = subprocess.run(["pdfinfo", str(tmp_path / "notice.pdf")], capture_output=True,
                          text=True, check=True).stdout  # fmt: skip
    assert "pts (A4)" in info and re.search(r"Page size:\s+595\.\d+ x 841", info)  # portrait


def test_font_chain_settings_feed_the_layout(store) -> None:
    from officedesk.storage import settings

    settings.set_many(store, {"font_chain_body": "仿宋,FangSong"})
    fonts = OfficialFonts.first_of(settings.font_chains(store))
    assert fonts.body == "仿宋" and fonts.title == "方正小标宋简体"
    from officedesk.storage.errors import ValidationError

    with pytest.raises(ValidationError, match="正文字体"):
        settings.set_many(store, {"font_chain_body": " , "})


def test_table_columns_take_their_widths(tmp_path: Path) -> None:
    doc = OfficialDocument()
    doc.table(["序号", "事项", "牵头单位"], [["1", "森林防火", "防火办"]], [12, 100, 44])
    document = docx.Document(str(doc.save(tmp_path / "t.docx")))
    grid = document.tables[0]._tbl.tblGrid
    widths = [round(int(col.get(qn("w:w"))) / 56.7) for col in grid.iterchildren()]
    assert widths == [12, 100, 44]  # mm: LibreOffice lays columns out by this grid


@pytest.mark.libreoffice
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_a_two_line_title_keeps_one_line_height(tmp_path: Path) -> None:
    """2号 glyphs are taller than a grid line: on the grid LibreOffice gave each title line two."""
    src = tmp_path / "src"
    src.mkdir()
    doc = OfficialDocument()
    doc.title("关于召开2026年春季森林防火\n工作会议的通知")
    doc.paragraph("为做好今冬明春森林防火工作，定于近期召开会议。")
    doc.save(src / "title.docx")
    title = docx.Document(str(src / "title.docx")).paragraphs[0]
    assert title._p.pPr.find(qn("w:snapToGrid")).get(qn("w:val")) == "0"
    to_pdf_text([src / "title.docx"], tmp_path)
    words = subprocess.run(["pdftotext", "-bbox", str(tmp_path / "title.pdf"), "-"],
                           capture_output=True, text=True, check=True).stdout  # fmt: skip
    tops = {m[1]: float(m[0]) for m in re.findall(r'yMin="([\d.]+)"[^>]*>([^<]+)<', words)}
    gap = tops["工作会议的通知"] - tops["关于召开"]
    assert 25 < gap < 35, gap  # one 28.95 pt line, not two
