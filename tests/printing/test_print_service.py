"""The printing service: atomic PDFs, clear failures, cancelling, printers and the preview."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from printcheck import A4_LANDSCAPE, page_sizes
from PySide6.QtGui import QGuiApplication
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewWidget

from officedesk.core.registers import INCOMING_DOCUMENT
from officedesk.printing import pdftext
from officedesk.printing.register_print import PrintMeta, RegisterDocument, register_document
from officedesk.printing.service import (
    PreviewDialog,
    PrintCancelled,
    PrintError,
    ensure_gui_app,
    make_printer,
    print_direct,
    print_to_pdf,
)


def _job(rows: int = 120) -> RegisterDocument:
    """A register of `rows` rows that runs to several pages."""
    data = [
        {
            "serial": f"收〔2024〕{i}号",
            "received_at": f"2024-01-{1 + i % 28:02d} 09:30:00",
            "sender": "省林业和草原局",
            "title": "关于做好2024年春季森林防火工作的通知" * (1 + i % 3),
            "due_date": "2024-02-01",
        }
        for i in range(1, rows + 1)
    ]
    return register_document(
        INCOMING_DOCUMENT, data, PrintMeta("国营红松林场", "2024年", dt.date(2024, 3, 1))
    )


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_ensure_gui_app_returns_the_running_app() -> None:
    assert ensure_gui_app() is QGuiApplication.instance()


def test_folder_that_is_a_file_gives_a_chinese_error_and_no_file(tmp_path: Path) -> None:
    blocker = tmp_path / "报表.txt"
    blocker.write_text("不是文件夹", encoding="utf-8")
    target = blocker / "收文登记簿.pdf"
    with pytest.raises(PrintError) as caught:
        print_to_pdf(_job(3), target)
    assert str(target) in str(caught.value)
    assert "无法保存" in str(caught.value)
    assert _leftovers(tmp_path) == ["报表.txt"]
    assert blocker.read_text(encoding="utf-8") == "不是文件夹"


def test_missing_folder(tmp_path: Path) -> None:
    target = tmp_path / "没有这个文件夹" / "a.pdf"
    with pytest.raises(PrintError, match="文件夹不存在"):
        print_to_pdf(_job(3), target)
    assert _leftovers(tmp_path) == []


def test_target_that_is_a_folder_leaves_no_temporary_file(tmp_path: Path) -> None:
    target = tmp_path / "登记簿.pdf"
    target.mkdir()
    with pytest.raises(PrintError) as caught:
        print_to_pdf(_job(3), target)
    assert str(target) in str(caught.value)
    assert _leftovers(tmp_path) == ["登记簿.pdf"]
    assert target.is_dir()


def test_cancel_leaves_nothing_and_keeps_an_old_file(tmp_path: Path) -> None:
    job = _job()
    assert job.page_count() >= 3
    seen: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> bool:
        seen.append((done, total))
        return done < 2

    target = tmp_path / "登记簿.pdf"
    with pytest.raises(PrintCancelled):
        print_to_pdf(job, target, progress)
    assert _leftovers(tmp_path) == []
    assert seen == [(0, job.page_count()), (1, job.page_count()), (2, job.page_count())]

    target.write_bytes(b"old")  # a cancelled print does not touch what was there before
    with pytest.raises(PrintCancelled):
        print_to_pdf(job, target, lambda done, total: False)
    assert target.read_bytes() == b"old"
    assert _leftovers(tmp_path) == ["登记簿.pdf"]


def test_progress_counts_every_page_and_the_file_replaces_an_old_one(tmp_path: Path) -> None:
    job = _job()
    target = tmp_path / "登记簿.pdf"
    target.write_bytes(b"old")
    seen: list[tuple[int, int]] = []
    pages = print_to_pdf(job, target, lambda d, t: seen.append((d, t)) is None)
    assert pages == job.page_count()
    assert seen == [(i, pages) for i in range(pages + 1)]
    assert target.read_bytes().startswith(b"%PDF-")
    assert _leftovers(tmp_path) == ["登记簿.pdf"]


def test_print_direct_on_a_printer(tmp_path: Path) -> None:
    job = _job()
    printer = make_printer(job)
    assert printer.pageLayout().orientation() == job.page_layout.orientation()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    target = tmp_path / "printer.pdf"
    printer.setOutputFileName(str(target))
    print_direct(job, printer)
    assert target.exists()
    if shutil.which("pdfinfo"):
        assert page_sizes(target) == [A4_LANDSCAPE] * job.page_count()


def test_a_portrait_printer_gets_a_portrait_layout(tmp_path: Path) -> None:
    """A printer set up otherwise (portrait) still gets a whole register, laid out anew."""
    job = _job(40)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "portrait.pdf"))
    print_direct(job, printer)
    assert (tmp_path / "portrait.pdf").exists()


@pytest.mark.qt_log_ignore(r"This plugin does not support ")  # the offscreen platform
def test_preview_shows_every_page(qtbot: object) -> None:
    job = _job()
    dialog = PreviewDialog(job)
    qtbot.addWidget(dialog)  # type: ignore[attr-defined]
    dialog.show()
    preview = dialog.findChild(QPrintPreviewWidget)
    assert preview is not None
    preview.updatePreview()
    assert preview.pageCount() == job.page_count()
    assert dialog.error is None
    dialog.reject()


def test_repair_text_map_is_same_length() -> None:
    cmap = (
        b"stream\n/CIDInit /ProcSet findresource begin\n2 beginbfrange\n"
        b"<0000> <0000> <0000>\n<0001> <0003> [<6536> <2F42> <2EA0> ]\n<0004> <0004> <2F42>\n"
        b"<0005> <000F> <2F00>\nendbfrange\nendcmap\nendstream"
    )
    fixed = pdftext.repair_text_map(cmap, {0x2EA0: ord("民")})
    assert len(fixed) == len(cmap)
    assert b"[<6536> <6587> <6C11> ]" in fixed  # 文 (compatibility form) and 民 (font's glyph)
    assert b"<0004> <0004> <6587>" in fixed
    assert b"<0005> <000F> <2F00>" in fixed  # a linear range is left alone


def test_printing_fonts_share_glyphs_the_repair_knows() -> None:
    targets = pdftext.printing_targets()
    # Whatever CJK font is installed, a radical maps only to an ideograph.
    assert all(0x3400 <= v <= 0x9FFF for v in targets.values())


def test_cancel_on_a_printer_aborts_quietly(tmp_path: Path) -> None:
    job = _job()
    printer = make_printer(job)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "spool.pdf"))
    with pytest.raises(PrintCancelled):
        job.render(printer, lambda done, total: done < 1)
