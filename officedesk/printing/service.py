"""One printing service: a job paints itself page by page; PDF, preview and printer are outlets.

Jobs lay out in a device-free unit (fonts.UNIT) and are scaled to the device when painted, so the
same job gives the same pages in a PDF, in the preview and on paper. Printing may run in a worker
thread (QPdfWriter and QPainter on a paged device are thread-safe) once a QGuiApplication exists.
"""

from __future__ import annotations

import contextlib
import errno
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QMarginsF, QSizeF
from PySide6.QtGui import (
    QGuiApplication,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
)
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from officedesk.printing import pdftext
from officedesk.printing.fonts import UNIT

Progress = Callable[[int, int], bool]  # (pages done, pages in all) -> go on?

PDF_RESOLUTION = 600  # dpi; text and lines are vectors, this only rounds positions
SIZE_TOLERANCE = 2.0 * UNIT  # a device within 2 pt of the job's layout uses the job's pagination


class PrintError(Exception):
    """Printing failed for a reason the user can act on; the Chinese message names the file."""


class PrintCancelled(Exception):
    """The user cancelled; nothing was left behind."""


_app: QGuiApplication | None = None


def ensure_gui_app() -> QGuiApplication:
    """The running QGuiApplication, or a new one (offscreen when there is no display)."""
    global _app
    existing = QGuiApplication.instance()
    if isinstance(existing, QGuiApplication):
        return existing
    if (
        sys.platform.startswith("linux")
        and not os.environ.get("DISPLAY")
        and not os.environ.get("WAYLAND_DISPLAY")
    ):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    _app = QGuiApplication([sys.argv[0] if sys.argv and sys.argv[0] else "officedesk"])
    return _app


def a4_layout(landscape: bool, margins_mm: tuple[float, float, float, float]) -> QPageLayout:
    """An A4 page layout with margins (left, top, right, bottom) in millimetres."""
    orientation = (
        QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait
    )
    return QPageLayout(
        QPageSize(QPageSize.PageSizeId.A4),
        orientation,
        QMarginsF(*margins_mm),
        QPageLayout.Unit.Millimeter,
    )


class PrintJob:
    """Something printable: lays itself out for a page size, then paints one page at a time.

    Subclasses set `page_layout` and `title` and implement `paginate` and `paint_page`; sizes are
    in layout units (fonts.UNIT per point) and (0, 0) is the top-left corner inside the margins.
    """

    page_layout: QPageLayout
    title: str = ""

    def paginate(self, size: QSizeF) -> int:
        """Lay the job out on pages of `size` (cached by the job) and return the page count."""
        raise NotImplementedError

    def paint_page(self, painter: QPainter, index: int, size: QSizeF) -> None:
        """Paint page `index` (0-based) of the pagination for `size`."""
        raise NotImplementedError

    def layout_size(self) -> QSizeF:
        """The printable area of the job's own page layout, in layout units."""
        rect = self.page_layout.paintRect(QPageLayout.Unit.Point)
        return QSizeF(rect.width() * UNIT, rect.height() * UNIT)

    def page_count(self) -> int:
        """Pages on the job's own page layout."""
        return self.paginate(self.layout_size())

    def device_size(self, device: QPagedPaintDevice) -> QSizeF:
        """The printable area of `device` in layout units (the job's own size when they agree)."""
        size = QSizeF(
            device.width() * 72.0 * UNIT / device.logicalDpiX(),
            device.height() * 72.0 * UNIT / device.logicalDpiY(),
        )
        own = self.layout_size()
        if (
            abs(size.width() - own.width()) <= SIZE_TOLERANCE
            and abs(size.height() - own.height()) <= SIZE_TOLERANCE
        ):
            return own  # rounding to device pixels must not cost a second pagination
        return size

    def render(self, device: QPagedPaintDevice, progress: Progress | None = None) -> None:
        """Paint every page on `device`; PrintCancelled when `progress` returns False."""
        size = self.device_size(device)
        count = self.paginate(size)
        painter = QPainter()
        if not painter.begin(device):
            raise PrintError(
                f"无法开始打印「{self.title}」：打印设备不可用，请检查打印机或保存位置。"
            )
        scale_x = device.logicalDpiX() / (72.0 * UNIT)
        scale_y = device.logicalDpiY() / (72.0 * UNIT)
        try:
            for index in range(count):
                if progress is not None and not progress(index, count):
                    if isinstance(device, QPrinter):
                        device.abort()  # drop what was spooled instead of printing half a job
                    raise PrintCancelled()
                if index and not device.newPage():
                    raise PrintError(
                        f"打印「{self.title}」第 {index + 1} 页时出错：无法开始新的一页。"
                    )
                painter.save()
                painter.scale(scale_x, scale_y)
                self.paint_page(painter, index, size)
                painter.restore()
            if progress is not None:
                progress(count, count)
        finally:
            painter.end()


# -- outlets -------------------------------------------------------------------------------

_REASONS = {
    errno.ENOENT: "文件夹不存在",
    errno.ENOTDIR: "路径中有一部分不是文件夹",
    errno.EISDIR: "同名的文件夹已存在",
    errno.EACCES: "没有写入权限",
    errno.EPERM: "没有写入权限",
    errno.EROFS: "磁盘是只读的",
    errno.ENOSPC: "磁盘空间不足",
    errno.EBUSY: "文件正被其他程序使用",
}


def _write_error(path: Path, reason: str) -> PrintError:
    return PrintError(
        f"无法保存 PDF 文件「{path}」：{reason}。请换一个保存位置，或关闭占用该文件的程序后重试。"
    )


def _os_reason(exc: OSError) -> str:
    if getattr(exc, "winerror", None) in (32, 33):  # Windows: the old file is open elsewhere
        return "文件正被其他程序打开（例如 PDF 阅读器），请先关闭它"
    if exc.errno in _REASONS:
        return _REASONS[exc.errno]
    return exc.strerror or str(exc)


def _render_pdf(job: PrintJob, target: Path, progress: Progress | None) -> int:
    writer = QPdfWriter(str(target))
    writer.setPageLayout(job.page_layout)
    writer.setResolution(PDF_RESOLUTION)
    writer.setTitle(job.title)
    writer.setCreator("办公桌 officedesk")
    job.render(writer, progress)
    return job.paginate(job.device_size(writer))


def _looks_complete(path: Path) -> bool:
    """Whether the file is a whole PDF: a full disk leaves it cut short without telling Qt."""
    with path.open("rb") as fh:
        head = fh.read(5)
        fh.seek(0, os.SEEK_END)
        fh.seek(max(0, fh.tell() - 64))
        tail = fh.read()
    return head == b"%PDF-" and b"%%EOF" in tail


def print_to_pdf(job: PrintJob, path: Path, progress: Progress | None = None) -> int:
    """Write the job to a PDF at `path` and return the pages written.

    The file appears complete or not at all: it is written beside the target and renamed over
    it. PrintError (Chinese, naming the file) on failure; PrintCancelled when `progress` says so.
    """
    ensure_gui_app()
    path = Path(path)
    try:
        fd, name = tempfile.mkstemp(prefix=f".{path.stem}.", suffix=".pdf.part", dir=path.parent)
        os.close(fd)
    except OSError as exc:
        raise _write_error(path, _os_reason(exc)) from None
    temp = Path(name)
    try:
        pages = _render_pdf(job, temp, progress)
        if not _looks_complete(temp):
            raise _write_error(path, "文件没有完整写入（磁盘可能已满）")
        pdftext.repair_file(temp)
        os.replace(temp, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise _write_error(path, _os_reason(exc)) from None
    except PrintError:  # Qt could not open or extend the file: name the file the user chose
        with contextlib.suppress(OSError):
            temp.unlink()
        raise _write_error(path, "文件无法写入") from None
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise
    return pages


def make_printer(job: PrintJob) -> QPrinter:
    """A printer set to the job's page layout (A4, orientation, margins), for QPrintDialog."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageLayout(job.page_layout)
    printer.setDocName(job.title)
    printer.setCreator("办公桌 officedesk")
    return printer


def repair_printed_pdf(printer: QPrinter) -> None:
    """Repair the text layer (pdftext) of the PDF a printer set to print to a file has written.

    The print dialog's "print to file" writes a PDF through the printer, not print_to_pdf. The
    file stays usable when it cannot be repaired: its text layer is then Qt's own.
    """
    if printer.outputFormat() != QPrinter.OutputFormat.PdfFormat or not printer.outputFileName():
        return
    path = Path(printer.outputFileName())
    with contextlib.suppress(OSError):
        if path.is_file() and _looks_complete(path):
            pdftext.repair_file(path)


def print_direct(job: PrintJob, printer: QPrinter) -> None:
    """Print the job on `printer` as it is set up (use make_printer for the job's own layout)."""
    job.render(printer)
    repair_printed_pdf(printer)


class PreviewDialog(QPrintPreviewDialog):
    """The print preview of one job, on a printer set to the job's layout."""

    def __init__(self, job: PrintJob, parent: QWidget | None = None) -> None:
        self.printer_ = make_printer(job)  # the dialog does not own its printer: keep it alive
        super().__init__(self.printer_, parent)
        self.job = job
        self.error: str | None = None
        self.setWindowTitle(f"打印预览 — {job.title}")
        self.paintRequested.connect(self._paint)

    def _paint(self, device: QPrinter) -> None:
        try:
            self.job.render(device)
        except PrintError as exc:  # an exception must not escape a Qt slot
            self.error = str(exc)
        else:
            repair_printed_pdf(device)  # printed to a file from the preview's print dialog


def print_with_preview(job: PrintJob, parent: QWidget | None = None) -> bool:
    """Show the print preview; True if the user printed from it."""
    dialog = PreviewDialog(job, parent)
    printed = dialog.exec() == QDialog.DialogCode.Accepted
    if dialog.error:
        QMessageBox.warning(parent, "打印", dialog.error)
        return False
    return printed
