"""The 归档文件目录: 500 件 as Word, converted by LibreOffice; and the .xlsx catalogue."""

from __future__ import annotations

import re
import shutil
import subprocess
import uuid
from pathlib import Path

import docx
import openpyxl
import pytest

from officedesk import archive_service
from officedesk.exports.archive_catalogue import COLUMNS
from officedesk.storage import archive, settings
from officedesk.storage.db import Store

HEADERS = [c[0] for c in COLUMNS]


MADE: dict[str, int] = {}  # 档号 → which insert made it (its title's end mark)


def _fill(store: Store, n: int) -> list[str]:
    settings.set_many(store, {"fonds_no": "Z109", "fonds_name": "青山林业局"})
    nos = []
    for i in range(1, n + 1):
        # Titles of 1 to 4 lines, each with an end mark: a split row would leave it on the next page.
        title = "关于做好" + "森林防火和安全生产工作" * (1 + i % 4) + f"的通知（止{i}）"
        item = archive.add_item(store, {
            "year": 2024, "retention": "定期30年", "org_code": "BGS" if i % 3 else "CWK",
            "title": title, "author": "省林业和草原局", "doc_ref": f"林草发〔2024〕{i}号",
            "doc_date": "20240305", "pages": i % 30 + 1,
        })  # fmt: skip
        nos.append(item["archive_no"])
        MADE[item["archive_no"]] = i
    # Catalogue order under the default scheme 年度-机构(问题)-保管期限: BGS before CWK.
    return sorted(nos, key=lambda no: ("CWK" in no, no))


def _soffice_pdf(src: Path, out: Path) -> Path:
    profile = f"file:///tmp/lo_profile_{uuid.uuid4().hex}"
    try:
        subprocess.run(
            ["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
             "--outdir", str(out), str(src)],
            check=True, capture_output=True, timeout=300,
        )  # fmt: skip
    finally:
        shutil.rmtree(profile.removeprefix("file://"), ignore_errors=True)
    pdf = out / f"{src.stem}.pdf"
    assert pdf.exists(), f"LibreOffice could not convert {src.name}"
    return pdf


def _pages(pdf: Path) -> list[str]:
    # -raw: text in the order it was laid out, so a cell's wrapped lines follow each other.
    text = subprocess.run(["pdftotext", "-raw", str(pdf), "-"], check=True,
                          capture_output=True, text=True).stdout  # fmt: skip
    return text.split("\f")[:-1]


@pytest.mark.libreoffice
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")
def test_500_items_through_libreoffice(store: Store, tmp_path: Path) -> None:
    numbers = _fill(store, 500)
    target = tmp_path / "归档文件目录.docx"
    assert archive_service.export_catalogue(store, target, 2024) == 500

    # The file itself: every data row may not split, the header row repeats.
    rows = docx.Document(str(target)).tables[1].rows
    assert [c.text for c in rows[0].cells] == HEADERS
    assert rows[0]._tr.trPr.find(docx.oxml.ns.qn("w:tblHeader")) is not None
    assert all(r._tr.trPr.find(docx.oxml.ns.qn("w:cantSplit")) is not None for r in rows)

    pdf = _soffice_pdf(target, tmp_path)
    info = subprocess.run(["pdfinfo", "-f", "1", "-l", "9999", str(pdf)], check=True,
                          capture_output=True, text=True).stdout  # fmt: skip
    sizes = re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts", info)
    pages = _pages(pdf)
    assert len(sizes) == len(pages) > 10
    for w, h in sizes:  # A4 landscape: 841.89 × 595.28 pt
        assert abs(float(w) - 841.9) < 1 and abs(float(h) - 595.3) < 1
    cover, *table_pages = pages
    for label in ("归档文件目录", "全", "Z109", "青山林业局", "2024", "办公室(BGS)"):
        assert label in cover
    found: list[str] = []
    for page in table_pages:
        lines = [line for line in page.splitlines() if line.strip()]
        assert lines[0].split() == HEADERS or lines[2].split() == HEADERS, "header on every page"
        joined = re.sub(r"\s+", "", page)
        on_page = re.findall(r"Z109-WS·2024-D30-(?:BGS|CWK)-\d{4}", page)
        found += on_page
        # A row never splits: the end of its wrapped 题名 is on the page of its 档号.
        for number in on_page:
            i = MADE[number]
            assert f"止{i}）" in joined, f"{number}: its 题名 went on to another page"
    assert found == numbers


def test_catalogue_order_follows_the_scheme(store: Store, tmp_path: Path) -> None:
    settings.set_many(store, {"fonds_no": "Z109", "archive_scheme": "年度-保管期限-机构(问题)"})
    base = {
        "year": 2024,
        "title": "关于…的通知",
        "author": "省林业和草原局",
        "doc_date": "20240102",
    }
    for retention, org in (("定期10年", "BGS"), ("永久", "CWK"), ("永久", "BGS")):
        archive.add_item(store, {**base, "retention": retention, "org_code": org})
    rows = archive.catalogue_rows(store, 2024)
    assert [r["archive_no"] for r in rows] == [
        "Z109-WS·2024-Y-BGS-0001",
        "Z109-WS·2024-Y-CWK-0001",
        "Z109-WS·2024-D10-BGS-0001",
    ]
    settings.set_many(store, {"archive_scheme": "年度-机构(问题)-保管期限"})
    rows = archive.catalogue_rows(store, 2024)
    assert [r["archive_no"] for r in rows] == [
        "Z109-WS·2024-Y-BGS-0001",
        "Z109-WS·2024-D10-BGS-0001",
        "Z109-WS·2024-Y-CWK-0001",
    ]
    volumes = archive_service.catalogue_volumes(store, 2024, by_retention=True)
    assert [(v.year, v.retention, len(v.rows)) for v in volumes] == [
        (2024, "永久", 2),
        (2024, "定期10年", 1),
    ]


def test_xlsx_catalogue(store: Store, tmp_path: Path) -> None:
    numbers = _fill(store, 30)
    target = tmp_path / "目录.xlsx"
    assert archive_service.export_catalogue(store, target, 2024) == 30
    wb = openpyxl.load_workbook(target, read_only=True)
    try:
        rows = list(wb.active.iter_rows(values_only=True))
    finally:
        wb.close()
    header = rows.index(tuple(HEADERS))
    data = rows[header + 1 :]
    assert [r[1] for r in data] == numbers
    assert data[0][0] == 1 and data[0][5] == "20240305"  # 日期 stays 8-digit text


def test_nothing_to_export_writes_nothing(store: Store, tmp_path: Path) -> None:
    from officedesk.exports import ExportError

    settings.set_many(store, {"fonds_no": "Z109"})
    target = tmp_path / "空.docx"
    with pytest.raises(ExportError, match="没有可导出"):
        archive_service.export_catalogue(store, target, 2024)
    assert not target.exists()


ORG_NAMES = ("办公室", "财务科", "林政科", "资源管理科", "森林防火办公室", "人事教育科", "计划统计科",
             "野生动植物保护科", "科技推广站", "营林科", "党群工作部", "纪检监察室", "工会",
             "安全生产科", "基建办", "林场管理科", "天然林保护办公室", "退耕还林办公室")  # fmt: skip


def fill_many_orgs(store: Store) -> list[str]:
    """18 机构(问题), each with 件 in 2024 (a cover line far longer than its field); 2023 too."""
    settings.set_many(store, {"fonds_no": "Z109", "fonds_name": "青山林业局"})
    codes = [f"J{i:02d}" for i in range(1, len(ORG_NAMES) + 1)]
    archive.set_orgs(store, list(zip(codes, ORG_NAMES, strict=True)))
    for i in range(90):
        archive.add_item(store, {"year": 2024, "retention": "永久", "org_code": codes[i % 18],
                                 "title": f"关于第{i}项工作的通知", "author": "省林业和草原局",
                                 "doc_date": "20240105"})  # fmt: skip
    for i in range(3):
        archive.add_item(store, {"year": 2023, "retention": "永久", "org_code": "J01",
                                 "title": f"关于{i}的报告", "doc_date": "20230105"})  # fmt: skip
    return codes


@pytest.mark.libreoffice
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")
def test_cover_stays_on_one_page_and_is_not_numbered(store: Store, tmp_path: Path) -> None:
    codes = fill_many_orgs(store)
    target = tmp_path / "目录.docx"
    assert archive_service.export_catalogue(store, target) == 93
    pages = _pages(_soffice_pdf(target, tmp_path))
    covers = [i for i, p in enumerate(pages) if "全宗名称" in p]
    assert covers[0] == 0 and len(covers) == 2  # 2024, then 2023
    first = re.sub(r"\s+", "", pages[0])
    assert all(f"({c})" in first for c in codes), "every 机构 on the cover's one page"
    assert "页" not in first and "页" not in pages[covers[1]]  # a cover carries no number
    for start, end in ((1, covers[1]), (covers[1] + 1, len(pages))):
        table = pages[start:end]
        assert table and all("档号" in p for p in table)  # no near-empty spill-over page
        footers = [re.sub(r"\s+", "", p).rsplit("第", 1)[-1] for p in table]
        assert footers == [f"{k}页共{len(table)}页" for k in range(1, len(table) + 1)]
