"""The text layer of printed PDFs: what pdftotext reads back is what was printed, character for
character (a clerk searches a PDF for a 档号 or copies it)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPointF, QSizeF
from PySide6.QtGui import QPainter
from PySide6.QtPrintSupport import QPrinter

from officedesk.printing import pdftext
from officedesk.printing.fonts import font, pt
from officedesk.printing.service import PrintJob, a4_layout, print_direct, print_to_pdf
from tests.printing.printcheck import needs_poppler, page_texts

# Digits and … after Latin letters, ligatures, the 破折号, radicals' ideographs (文 门 长).
TEXTS = (
    "Z109-WS·2011-Y-BGS-0001",
    "收〔2026〕12号",
    "2026-11-21",
    "A4 纸 210×297",
    "Word 2016…",
    "office file",
    "关于——收文———登记",
    "门卫长期值班",
)
FONTS = [(bold, heading) for heading in (False, True) for bold in (False, True)]


class Lines(PrintJob):
    """One page: each text on its own line, in each printing font."""

    def __init__(self, texts: tuple[str, ...] = TEXTS) -> None:
        self.page_layout = a4_layout(False, (20, 20, 20, 20))
        self.title = "文本层"
        self.texts = texts

    def paginate(self, size: QSizeF) -> int:
        return 1

    def paint_page(self, painter: QPainter, index: int, size: QSizeF) -> None:
        y = 0.0
        for bold, heading in FONTS:
            painter.setFont(font(10.5, bold=bold, heading=heading))
            for text in self.texts:
                y += pt(16)
                painter.drawText(QPointF(0, y), text)


def _lines(pdf: Path) -> list[str]:
    return [line.strip() for line in page_texts(pdf, "-raw")[0].splitlines() if line.strip()]


@needs_poppler
def test_pdf_text_reads_back_as_printed(tmp_path: Path) -> None:
    pdf = tmp_path / "text.pdf"
    print_to_pdf(Lines(), pdf)
    assert _lines(pdf) == list(TEXTS) * len(FONTS)


@needs_poppler
def test_a_printer_printing_to_a_file_writes_the_same_text(tmp_path: Path) -> None:
    job = Lines()
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    printer.setPageLayout(job.page_layout)
    print_direct(job, printer)
    assert _lines(tmp_path / "printed.pdf") == list(TEXTS) * len(FONTS)


def test_printing_fonts_draw_only_glyphs_the_text_layer_can_name() -> None:
    from PySide6.QtGui import QRawFont, QTextLayout

    for bold, heading in FONTS:
        f = font(10.5, bold=bold, heading=heading)
        raw = QRawFont.fromFont(f)
        for text in ("Z109-WS·2011", "x0123456789…", "office file fluff"):
            layout = QTextLayout(text, f)
            layout.beginLayout()
            layout.createLine()
            layout.endLayout()
            drawn = [g for run in layout.glyphRuns() for g in run.glyphIndexes()]
            assert drawn == list(raw.glyphIndexesForString(text)), (text, f.family(), bold)


def test_tab_becomes_a_space_and_a_joined_dash_its_dashes() -> None:
    cmap = (
        b"stream\n/CIDInit /ProcSet findresource begin\n2 beginbfrange\n<0000> <0000> <0000>\n"
        b"<0001> <0003> [<0009> <2E3A> <2E3B> ]\nendbfrange\nendcmap\nendstream"
    )
    fixed = pdftext.repair_text_map(cmap, {})
    assert len(fixed) == len(cmap)
    assert b"1 beginbfrange\n<0001> <0003> [<0020> <20142014> <201420142014> ]\n" in fixed
    assert pdftext.repair_text_map(fixed, {}) == fixed  # repairing twice changes nothing


def test_a_joined_dash_stays_when_the_map_has_no_room() -> None:
    cmap = (
        b"/CIDInit /ProcSet findresource begin\n1 beginbfrange\n<0000> <0000> <0000>\n"
        b"endbfrange\n1 beginbfrange\n<0001> <0001> <2E3A>\n<0002> <0002> <0009>\nendbfrange\nendcmap"
    )
    fixed = pdftext.repair_text_map(cmap, {})
    assert fixed == cmap.replace(b"<0009>", b"<0020>")


def test_repair_leaves_a_repaired_file_alone(tmp_path: Path) -> None:
    pdf = tmp_path / "once.pdf"
    print_to_pdf(Lines(("Z109-WS·2011", "关于——收文")), pdf)
    data = pdf.read_bytes()
    pdftext.repair_file(pdf)
    assert pdf.read_bytes() == data
