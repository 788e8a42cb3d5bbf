"""The printed 收文登记簿: pages, repeated header, footer, rows whole and in order, colours."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from pathlib import Path

import pytest
from printcheck import A4_LANDSCAPE, needs_poppler, page_sizes, page_texts, squeezed
from PySide6.QtGui import QColor, QImage

from officedesk.core.registers import INCOMING_DOCUMENT, SUPERVISION
from officedesk.core.traffic import Light
from officedesk.printing.register_print import (
    EMPTY_TEXT,
    PrintMeta,
    column_widths,
    register_columns,
    register_document,
)
from officedesk.printing.service import print_to_pdf
from officedesk.storage import records
from officedesk.storage.db import Store
from officedesk.storage.query import Query, iter_rows

UNIT = "国营红松林场"
TODAY = dt.date(2024, 3, 1)
LONG_TITLE = (
    "关于开展全省林业有害生物普查工作并同步做好松材线虫病疫情防控、森林督查图斑核实"
    "和国有林场改革成效评估有关事项的通知（第二次征求意见稿）"
)
TITLES = (
    "关于做好2024年春季森林防火工作的通知",
    "关于印发《国有林场管理办法》的通知",
    LONG_TITLE,
    "关于报送2023年度安全生产工作总结的函",
    "会议纪要",
)
SENDERS = ("省林业和草原局", "市人民政府办公室", "国家林业和草原局东北地区森林资源监督专员办事处")


def _fill(store: Store, n: int) -> list[str]:
    """Insert `n` documents; return their serials in insertion order."""
    serials = []
    for i in range(n):
        received = dt.datetime(2024, 1, 2, 9, 30) + dt.timedelta(hours=7 * i)
        values = {
            "received_at": received,
            "sender": SENDERS[i % 3],
            "sender_ref": f"林防发〔2024〕{i + 1}号",
            "title": TITLES[i % 5],
            "urgency": ("无", "加急", "特急")[i % 3],
            "handling": ("阅件", "办件")[i % 2],
            "lead_dept": "资源管理科",
            "handler": "王强",
            "due_date": received.date() + dt.timedelta(days=10) if i % 2 else None,
            "done_on": received.date() + dt.timedelta(days=5) if i % 4 == 1 else None,
            "remarks": "请于周五前反馈意见" if i % 7 == 0 else None,
        }
        serials.append(records.insert(store, INCOMING_DOCUMENT, values)["serial"])
    return serials


def _rows(store: Store) -> object:
    return iter_rows(store, Query(INCOMING_DOCUMENT, sort="id", descending=False))


@pytest.fixture
def register_pdf(store: Store, tmp_path: Path) -> tuple[Path, int, list[str]]:
    """150 documents printed to a PDF: (path, pages, serials)."""
    serials = _fill(store, 150)
    job = register_document(INCOMING_DOCUMENT, _rows(store), PrintMeta(UNIT, "2024年", TODAY))
    path = tmp_path / "收文登记簿.pdf"
    pages = print_to_pdf(job, path)
    assert pages == job.page_count()
    return path, pages, serials


@needs_poppler
def test_every_page_is_a4_landscape(register_pdf: tuple[Path, int, list[str]]) -> None:
    path, pages, _ = register_pdf
    assert pages > 5  # 150 rows with wrapped titles do not fit on a few pages
    assert page_sizes(path) == [A4_LANDSCAPE] * pages


@needs_poppler
def test_title_header_and_footer_on_every_page(register_pdf: tuple[Path, int, list[str]]) -> None:
    path, pages, _ = register_pdf
    texts = page_texts(path)
    raw = page_texts(path, "-raw")  # stream order: a header cell's two lines stay together
    assert len(texts) == len(raw) == pages
    assert f"{UNIT}收文登记簿" in texts[0]
    assert "2024年" in texts[0]
    for number, (text, stream) in enumerate(zip(texts, raw, strict=True), start=1):
        flat = squeezed(stream)
        for label in (
            "收文编号",
            "签收时间",
            "来文机关",
            "来文字号",
            "标题",
            "办理时限",
            "时限状态",
        ):
            assert label in flat, f"第 {number} 页没有表头「{label}」"
        assert f"第 {number} 页 共 {pages} 页" in text
        if number > 1:
            assert UNIT in text  # the running title


@needs_poppler
def test_rows_whole_and_in_order(register_pdf: tuple[Path, int, list[str]]) -> None:
    path, _, serials = register_pdf
    # Content-stream order: a cell's lines follow each other, so a wrapped cell joins up.
    pages = [squeezed(t) for t in page_texts(path, "-raw")]
    where: list[tuple[int, int]] = []
    for serial in serials:
        found = [(p, text.find(serial)) for p, text in enumerate(pages) if serial in text]
        assert len(found) == 1, f"{serial} 出现在 {len(found)} 页上"
        where.append(found[0])
    assert where == sorted(where), "行的顺序与登记簿不一致"
    # A row is never split: its long title is whole on the page that holds its serial.
    long_pages = {where[i][0] for i in range(2, len(serials), 5)}
    for p in long_pages:
        assert squeezed(LONG_TITLE) in pages[p]


@needs_poppler
def test_long_title_wraps_within_its_column(register_pdf: tuple[Path, int, list[str]]) -> None:
    path, _, _ = register_pdf
    lines = [squeezed(line) for line in page_texts(path)[0].splitlines()]
    assert not any(squeezed(LONG_TITLE) in line for line in lines)  # not on one line
    assert any("关于开展全省" in line for line in lines)


@needs_poppler
def test_radicals_read_as_ideographs(register_pdf: tuple[Path, int, list[str]]) -> None:
    """Noto CJK shares glyphs between 文 and the radical ⽂: the PDF must still say 文."""
    path, _, _ = register_pdf
    text = "".join(page_texts(path))
    assert "收文编号" in squeezed(text)
    assert not any(0x2E80 <= ord(ch) <= 0x2FDF for ch in text)


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="pdftoppm (poppler-utils) missing")
def test_light_colours_on_paper(store: Store, tmp_path: Path) -> None:
    """Overdue red and done-on-time green appear on the page, as on screen."""
    _fill(store, 6)
    job = register_document(INCOMING_DOCUMENT, _rows(store), PrintMeta(UNIT, today=TODAY))
    path = tmp_path / "lights.pdf"
    print_to_pdf(job, path)
    subprocess.run(
        ["pdftoppm", "-png", "-r", "40", "-f", "1", "-l", "1", str(path), str(tmp_path / "page")],
        check=True,
    )
    image = QImage(str(next(tmp_path.glob("page*.png"))))
    colours = {
        image.pixelColor(x, y).name()
        for y in range(0, image.height(), 2)
        for x in range(0, image.width(), 2)
    }
    for state in (Light.OVERDUE, Light.DONE):
        assert QColor(state.background).name() in colours, state.label


def test_empty_register_prints_one_page(tmp_path: Path) -> None:
    job = register_document(INCOMING_DOCUMENT, iter(()), PrintMeta(UNIT, "2030年"))
    assert job.page_count() == 1
    path = tmp_path / "empty.pdf"
    assert print_to_pdf(job, path) == 1
    if shutil.which("pdftotext"):
        text = squeezed(page_texts(path)[0])
        assert EMPTY_TEXT in text and "第1页共1页" in text


def test_a_row_taller_than_a_page_is_cut_not_split(tmp_path: Path) -> None:
    rows = [
        {"serial": "收〔2024〕1号", "title": "很长的标题" * 600, "received_at": "2024-01-02"},
        {"serial": "收〔2024〕2号", "title": "短标题", "received_at": "2024-01-03"},
    ]
    job = register_document(INCOMING_DOCUMENT, rows, PrintMeta(UNIT))
    assert job.page_count() == 2
    path = tmp_path / "tall.pdf"
    print_to_pdf(job, path)
    if shutil.which("pdftotext"):
        first, second = (squeezed(t) for t in page_texts(path, "-raw"))
        assert "收〔2024〕1号" in first and "…" in first
        assert "收〔2024〕2号" in second


def test_typed_records_print_too() -> None:
    """Rows may be typed records (dates as date) as well as stored values."""
    row = {
        "serial": "收〔2024〕1号",
        "title": "标题",
        "received_at": dt.datetime(2024, 1, 2, 9, 30),
        "due_date": dt.date(2024, 1, 5),
        "done_on": None,
    }
    job = register_document(INCOMING_DOCUMENT, [row], PrintMeta(UNIT, today=TODAY))
    assert job.page_count() == 1
    assert job.row_count == 1


def test_other_registers_print_with_their_own_columns() -> None:
    labels = [c.label for c in register_columns(SUPERVISION)]
    assert labels[0] == "督办编号" and labels[-1] == "时限状态"
    job = register_document(
        SUPERVISION, [{"serial": "督〔2024〕1号", "content": "事项"}], PrintMeta(UNIT)
    )
    assert job.page_count() == 1


def test_column_widths() -> None:
    total = 1000.0
    # Room for everyone: each column at its widest, the rest by weight.
    widths = column_widths([1, 3], [10, 10], [100, 100], total)
    assert sum(widths) == pytest.approx(total)
    assert widths[1] - 100 == pytest.approx(3 * (widths[0] - 100))
    # Tight: in proportion, but never below a minimum nor above the widest text.
    widths = column_widths([1, 1, 8], [200, 10, 10], [900, 50, 2000], total)
    assert sum(widths) == pytest.approx(total)
    assert widths[0] >= 200 and widths[1] <= 50 + 1e-6
    # Impossible: the minimums shrink together.
    widths = column_widths([1, 1], [800, 800], [900, 900], total)
    assert widths == pytest.approx([500, 500])
