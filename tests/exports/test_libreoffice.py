"""Office can open what we write: LibreOffice converts the exports to PDF and the rows are there."""

from __future__ import annotations

import shutil
import subprocess
import uuid
from pathlib import Path

import pytest

from officedesk.core.registers import INCOMING_DOCUMENT
from officedesk.exports import export_processing_slip, export_rows

from .samples import META

pytestmark = [
    pytest.mark.libreoffice,
    pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed"),
    pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed"),
]

ROWS = [
    {"serial": f"收〔2024〕{i}号", "received_at": f"2024-05-{i % 28 + 1:02d} 09:30:00",
     "sender": "省林业和草原局", "sender_ref": f"林草发〔2024〕{i}号", "title": f"防火通知{i}",
     "copies": 1, "due_date": "2024-05-20", "done_on": "2024-05-18" if i % 2 else None}
    for i in range(1, 61)
]  # fmt: skip


def to_pdf_text(files: list[Path], out: Path) -> dict[str, str]:
    """Convert with LibreOffice (own profile: parallel runs do not clash); the text of each file."""
    profile = f"file:///tmp/lo_profile_{uuid.uuid4().hex}"
    try:
        subprocess.run(
            ["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
             "--outdir", str(out), *map(str, files)],
            check=True, capture_output=True, timeout=180,
        )  # fmt: skip
    finally:
        shutil.rmtree(profile.removeprefix("file://"), ignore_errors=True)
    texts = {}
    for f in files:
        pdf = out / f"{f.stem}.pdf"
        assert pdf.exists(), f"LibreOffice could not convert {f.name}"
        done = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True,
                              capture_output=True, text=True)  # fmt: skip
        texts[f.name] = done.stdout
    return texts


def test_office_opens_the_exports(tmp_path: Path) -> None:
    src = tmp_path / "src"
    src.mkdir()
    xlsx, word = src / "register_x.xlsx", src / "register_w.docx"
    export_rows(xlsx, INCOMING_DOCUMENT, ROWS, META)
    export_rows(word, INCOMING_DOCUMENT, ROWS, META)
    slips = [src / "slip_ban.docx", src / "slip_yue.docx"]
    for path, variant in zip(slips, ("办文", "阅文"), strict=True):
        export_processing_slip(path, ROWS[11], "青山林业局", variant)
    texts = to_pdf_text([xlsx, word, *slips], tmp_path)

    for name in (xlsx.name, word.name):
        lines = [line.replace(" ", "") for line in texts[name].splitlines()]  # pdftotext pads 〕
        assert "青山林业局收文登记簿" in lines, name
        for row in ROWS:
            assert any(row["serial"] in line for line in lines), (name, row["serial"])
            assert any(row["title"] in line for line in lines), (name, row["title"])
        assert sum("逾期" in line for line in lines) >= 30, name  # the light column

    pages = texts[word.name].rstrip("\f").split("\f")
    assert len(pages) > 1
    for number, page in enumerate(pages, 1):
        squeezed = page.replace(" ", "")
        assert "收文编号" in squeezed, f"header row missing on page {number}"
        assert f"第{number}页共{len(pages)}页" in squeezed

    for path in slips:
        squeezed = texts[path.name].replace(" ", "")
        assert "青山林业局收文处理单" in squeezed
        assert "收〔2024〕12号" in squeezed and "防火通知12" in squeezed
        assert len(texts[path.name].rstrip("\f").split("\f")) == 1, "a slip is one page"
