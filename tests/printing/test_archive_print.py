"""Archive forms printed to PDF and read back: 归档章 where the sticker is, 备考表, 盒脊, 目录."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from officedesk.printing.archive_box import BoxFacts, BoxNotes, SpineLabels
from officedesk.printing.archive_labels import LabelSheet, stamp_labels
from officedesk.printing.service import print_to_pdf
from officedesk.storage import archive, settings
from officedesk.storage.db import Store
from tests.printing.printcheck import (
    A4_LANDSCAPE,
    A4_PORTRAIT,
    needs_poppler,
    page_sizes,
    page_texts,
    squeezed,
)

PT_PER_MM = 72 / 25.4


def _items(n: int) -> list[dict]:
    return [{"year": 2024, "item_no": f"{i:04d}", "org_code": "BGS",
             "retention": ("永久", "定期30年", "定期10年")[i % 3], "pages": i + 1}
            for i in range(1, n + 1)]  # fmt: skip


def _words(pdf: Path, page: int = 1) -> list[tuple[str, float, float, float, float]]:
    """(word, xMin, yMin, xMax, yMax) in points on `page`."""
    html = subprocess.run(["pdftotext", "-bbox", "-f", str(page), "-l", str(page), str(pdf), "-"],
                          check=True, capture_output=True, text=True).stdout  # fmt: skip
    return [
        (w, float(a), float(b), float(c), float(d))
        for a, b, c, d, w in re.findall(
            r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]+)<', html
        )
    ]


@needs_poppler
def test_stamps_sit_in_their_cells_on_the_sheet(tmp_path: Path) -> None:
    sheet = LabelSheet(columns=4, rows=15, left_mm=12, top_mm=16, h_gap_mm=3, v_gap_mm=2,
                       start_at=3)  # fmt: skip
    pdf = tmp_path / "labels.pdf"
    assert print_to_pdf(stamp_labels("Z109", _items(70), sheet), pdf) == 2  # 2 used + 70 > 60
    assert page_sizes(pdf) == [A4_PORTRAIT, A4_PORTRAIT]
    words = _words(pdf)
    # The first stamp is the third label: column 3, row 1. Its 件号 cell is the third of the top
    # row: x from 12 + 2 × 48 + 30 mm to +15 mm, y from 16 mm to 24 mm.
    word = next(w for w in words if w[0] == "0001")
    cx, cy = (word[1] + word[3]) / 2 / PT_PER_MM, (word[2] + word[4]) / 2 / PT_PER_MM
    assert 12 + 2 * 48 + 30 < cx < 12 + 2 * 48 + 45 and abs(cx - (12 + 96 + 37.5)) < 1
    assert abs(cy - 20) < 1.5
    # 件 4 is the first label of row 2: its 全宗号 cell starts at 12 mm, row 2 at 34 mm.
    fonds = [w for w in words if w[0] == "Z109"]
    assert len(fonds) == 58  # every stamp on page 1: 60 labels, the first 2 already used
    second_row = [w for w in fonds if 34 < (w[2] + w[4]) / 2 / PT_PER_MM < 42]
    assert min(w[1] for w in second_row) / PT_PER_MM == pytest.approx(12 + 7.5 - 3.6, abs=2)
    text = page_texts(pdf)[0]
    assert "30年" in text and "永久" in text and "10年" in text


@needs_poppler
def test_stamp_at_the_top_of_each_page(tmp_path: Path) -> None:
    pdf = tmp_path / "page.pdf"
    sheet = LabelSheet(mode="page", page_top_mm=6)
    assert print_to_pdf(stamp_labels("Z109", _items(3), sheet), pdf) == 3
    words = _words(pdf, 2)
    item = next(w for w in words if w[0] == "0002")
    assert abs((item[1] + item[3]) / 2 / PT_PER_MM - (105 + 15)) < 1  # centred: last top cell
    assert abs((item[2] + item[4]) / 2 / PT_PER_MM - (6 + 4)) < 1.5


def test_a_sheet_that_does_not_fit_is_refused() -> None:
    with pytest.raises(ValueError, match="超出 A4 纸宽"):
        stamp_labels("Z109", _items(1), LabelSheet(columns=5))
    with pytest.raises(ValueError, match="从第几个标签开始"):
        stamp_labels("Z109", _items(1), LabelSheet(start_at=61))


FACTS = [BoxFacts("Z109", f"{i:04d}", "2024", "定期30年", "办公室(BGS)",
                  f"{(i - 1) * 20 + 1:04d}—{i * 20:04d}", 20, 200 + i,
                  ("0005（重复登记）",) if i == 1 else (), "含照片 3 张。", "王芳", "2025-01-10",
                  "李明", "2025-01-12") for i in range(1, 9)]  # fmt: skip


@needs_poppler
def test_box_notes(tmp_path: Path) -> None:
    pdf = tmp_path / "notes.pdf"
    assert print_to_pdf(BoxNotes(FACTS[:2]), pdf) == 2
    text = squeezed(page_texts(pdf)[0])
    for part in ("备考表", "盒内文件情况说明", "本盒共20件，件号0001—0020，共201页",
                 "件号0005（重复登记）已作废", "含照片3张", "整理人：王芳", "检查人：李明",
                 "盒号：0001"):  # fmt: skip
        assert part in text, part


@needs_poppler
@pytest.mark.parametrize(("spine", "pages"), [(20, 1), (30, 2), (40, 2), (50, 3)])
def test_spines_for_every_width(tmp_path: Path, spine: int, pages: int) -> None:
    pdf = tmp_path / f"spine{spine}.pdf"
    assert print_to_pdf(SpineLabels(FACTS, spine), pdf) == pages
    words = _words(pdf)
    frames = [w for w in words if w[0] == "全宗号"]
    centres = sorted((w[1] + w[3]) / 2 / PT_PER_MM for w in frames)
    # Strips spine mm wide, 4 mm apart, from 10 mm: the label 全宗号 is centred in each.
    expected = [10 + k * (spine + 4) + spine / 2 for k in range(len(centres))]
    assert centres == pytest.approx(expected, abs=1)
    text = squeezed(" ".join(page_texts(pdf)))
    assert "起止件号" in text and "盒号" in text and "0001" in text


@needs_poppler
def test_catalogue_pdf_with_cover(store: Store, tmp_path: Path) -> None:
    from officedesk.archive_service import export_catalogue

    settings.set_many(store, {"fonds_no": "Z109", "fonds_name": "青山林业局"})
    numbers = []
    for i in range(60):
        item = archive.add_item(store, {"year": 2024, "retention": "永久", "org_code": "BGS",
                                        "title": f"关于第{i}项工作的通知" * (1 + i % 3),
                                        "author": "省林业和草原局", "doc_date": "20240105"})  # fmt: skip
        numbers.append(item["archive_no"])
    pdf = tmp_path / "目录.pdf"
    assert export_catalogue(store, pdf, 2024) == 60
    sizes = page_sizes(pdf)
    assert sizes and all(s == A4_LANDSCAPE for s in sizes)
    pages = page_texts(pdf, "-raw")
    assert "全宗名称" in pages[0] and "青山林业局" in pages[0] and "永久" in pages[0]
    # Rows in 件号 order: each title carries its number, each row its whole 档号.
    body = squeezed("".join(pages[1:]))
    marks = [int(n) for n in re.findall(r"关于第(\d+)项", body)]
    assert sorted(set(marks)) == list(range(60)) and marks == sorted(marks)
    assert re.findall(r"Z109-WS·\d{4}-Y-BGS-\d{4}", body) == numbers
    assert all("档号" in p for p in pages[1:])


@needs_poppler
def test_catalogue_cover_wraps_many_orgs_inside_the_field(store: Store, tmp_path: Path) -> None:
    from officedesk.archive_service import export_catalogue
    from tests.exports.test_archive_catalogue import fill_many_orgs

    codes = fill_many_orgs(store)
    pdf = tmp_path / "目录.pdf"
    assert export_catalogue(store, pdf) == 93
    pages = page_texts(pdf, "-raw")
    cover = squeezed(pages[0])
    assert all(f"({c})" in cover for c in codes) and "页" not in cover
    assert "档号" in pages[1] and "第1页共" in squeezed(pages[1])
    words = _words(pdf, 1)
    label = next(w for w in words if w[0].startswith("全宗名称"))
    rules = [w for w in words if re.search(r"\(J\d\d\)", w[0])]
    # The value wraps onto several lines, all within the 120 mm field right of the label.
    field_right = label[3] + (2 + 120) * PT_PER_MM
    assert len({round(w[2]) for w in rules}) >= 3
    assert max(w[3] for w in rules) <= field_right
