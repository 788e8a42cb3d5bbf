"""The periodic documents from the command line: 归档文件目录 and 督办通报, read back."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import docx
import openpyxl
import pytest

from officedesk.storage.db import Store

from .test_cli import run


@pytest.fixture(scope="module")
def office(tmp_path_factory: pytest.TempPathFactory) -> Path:
    data = tmp_path_factory.mktemp("docs") / "data"
    assert run("demo", "--rows", "300", data=data).returncode == 0
    return data


def _archive_numbers(data: Path, year: int) -> list[str]:
    with Store.open(data, writer=False) as store:
        return [r[0] for r in store.read(
            "SELECT archive_no FROM archive_item WHERE voided_at IS NULL AND year = ? "
            "ORDER BY archive_no", (year,))]  # fmt: skip


def test_catalogue_of_a_year_as_word_and_excel(office: Path, tmp_path: Path) -> None:
    with Store.open(office, writer=False) as store:
        year = store.read("SELECT max(year) FROM archive_item WHERE voided_at IS NULL")[0][0]
    expected = _archive_numbers(office, year)
    assert expected, "the demo files some 收文 of past years"
    out = run("catalogue", str(tmp_path / "目录.docx"), "--year", str(year), data=office)
    assert out.returncode == 0, out.stderr
    assert f"{len(expected)} 件" in out.stdout
    document = docx.Document(str(tmp_path / "目录.docx"))
    cells = [row.cells[1].text for table in document.tables for row in table.rows]
    assert sorted(c for c in cells if c.startswith(expected[0].split("·")[0])) == expected
    assert run("catalogue", str(tmp_path / "目录.xlsx"), "--year", str(year),
               data=office).returncode == 0  # fmt: skip
    book = openpyxl.load_workbook(tmp_path / "目录.xlsx", read_only=True)
    try:
        rows = list(book.active.iter_rows(values_only=True))
    finally:
        book.close()  # read-only workbooks keep the file open until closed
    found = {c for row in rows for c in row if isinstance(c, str)}
    assert set(expected) <= found


def test_catalogue_refuses_an_unknown_format(office: Path, tmp_path: Path) -> None:
    out = run("catalogue", str(tmp_path / "目录.csv"), data=office)
    assert out.returncode == 1 and "目录.csv" in out.stderr
    assert not (tmp_path / "目录.csv").exists()


def test_supervision_report_as_a_gbt9704_document(office: Path, tmp_path: Path) -> None:
    today = dt.date.today()
    out = run("report", str(tmp_path / "通报.docx"), "--date", today.isoformat(), data=office)
    assert out.returncode == 0, out.stderr
    text = "\n".join(p.text for p in docx.Document(str(tmp_path / "通报.docx")).paragraphs)
    assert "督办" in text and f"{today.year}年{today.month}月{today.day}日" in text
    bad = run("report", str(tmp_path / "x.docx"), "--date", "2026-13-01", data=office)
    assert bad.returncode == 1 and "「--date」不是有效日期" in bad.stderr
    assert not (tmp_path / "x.docx").exists()
