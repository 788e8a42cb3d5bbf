"""No export, print, CSV or CLI output contains a full 证件号码 unless explicitly asked for.

Every format is written through the same service the UI and CLI use, read back, and scanned for
any 18-digit ID; then the explicit request (reveal_sensitive / --full-id) shows them in full."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import docx
import openpyxl
import pytest

from officedesk.core.fields import reveal_sensitive
from officedesk.core.reception import ID18_IN_TEXT
from officedesk.core.registers import VISITOR
from officedesk.export_service import export_register
from officedesk.storage import reception as rs
from officedesk.storage.db import Store
from officedesk.storage.query import Query

needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")


def page_texts(path: Path, *options: str) -> list[str]:
    """The text of each page, from pdftotext."""
    out = subprocess.run(["pdftotext", *options, str(path), "-"], check=True, capture_output=True,
                         text=True).stdout  # fmt: skip
    return out.split("\f")


IDS = ("110105194912310038", "44030119880715001X", "310104200001010017")
FORMATS = (".xlsx", ".docx", ".csv", ".pdf")


@pytest.fixture
def visitor_dir(tmp_path: Path) -> Path:
    """A data folder holding three visitors with full ID numbers (store closed again)."""
    data = tmp_path / "data"
    data.mkdir()
    with Store.open(data) as store:
        for i, number in enumerate(IDS):
            rs.log_visit(store, {"name": f"访客{i}", "unit": "市林业局", "purpose": "送材料",
                                 "host": "办公室", "id_number": number,
                                 "arrived_at": f"2026-04-0{i + 1} 09:00"})  # fmt: skip
    return data


def _text_of(path: Path) -> str:
    """Everything a reader of the file sees, joined up (wrapped cells rejoined)."""
    suffix = path.suffix
    if suffix == ".xlsx":
        wb = openpyxl.load_workbook(path, read_only=True)
        try:
            text = "\n".join(str(c) for ws in wb for row in ws.iter_rows(values_only=True)
                             for c in row if c is not None)  # fmt: skip
        finally:
            wb.close()
        return text
    if suffix == ".docx":
        d = docx.Document(str(path))
        cells = [c.text for t in d.tables for row in t.rows for c in row.cells]
        return "\n".join([p.text for p in d.paragraphs] + cells)
    if suffix == ".pdf":
        pages = page_texts(path, "-raw")
        # As laid out, and squeezed (a number wrapped in its cell joins up again).
        return "\n".join(pages + [re.sub(r"\s+", "", page) for page in pages])
    return path.read_text(encoding="utf-8-sig")


def _export_all(data: Path, out: Path) -> dict[str, str]:
    texts = {}
    with Store.open(data, writer=False) as store:
        for suffix in FORMATS:
            path = out / f"visitors{suffix}"
            assert export_register(store, Query(VISITOR), path) == len(IDS)
            texts[suffix] = _text_of(path)
    return texts


@needs_poppler
def test_every_export_format_is_masked(visitor_dir: Path, tmp_path: Path, qapp: object) -> None:
    for suffix, text in _export_all(visitor_dir, tmp_path).items():
        assert ID18_IN_TEXT.search(text) is None, f"{suffix} holds a full ID number"
        for number in IDS:
            assert number[6:14] not in text, f"{suffix} shows the birth date of {number}"
        assert "110105********0038" in text, f"{suffix} lost the masked number"


@needs_poppler
def test_full_numbers_only_on_explicit_request(
    visitor_dir: Path, tmp_path: Path, qapp: object
) -> None:
    with reveal_sensitive():
        texts = _export_all(visitor_dir, tmp_path)
    for suffix, text in texts.items():
        assert set(ID18_IN_TEXT.findall(text)) == set(IDS), suffix
    # The request was for those exports only: the next one is masked again.
    again = _export_all(visitor_dir, tmp_path / "..")
    assert all(ID18_IN_TEXT.search(t) is None for t in again.values())


def _cli(data: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([sys.executable, "-m", "officedesk", "--data-dir", str(data), *args],
                          capture_output=True, text=True, timeout=120, env=env)  # fmt: skip


@needs_poppler
def test_command_line_masks_unless_full_id(visitor_dir: Path, tmp_path: Path) -> None:
    out = _cli(visitor_dir, "search", "访客", "--register", "visitors", "--json")
    assert out.returncode == 0, out.stderr
    rows = json.loads(out.stdout)["rows"]
    assert len(rows) == 3 and ID18_IN_TEXT.search(out.stdout) is None
    assert {r["id_number"] for r in rows} == {n[:6] + "*" * 8 + n[-4:] for n in IDS}
    plain = _cli(visitor_dir, "search", "访客", "--register", "visitors")
    assert plain.returncode == 0 and ID18_IN_TEXT.search(plain.stdout) is None
    for suffix in FORMATS:
        path = tmp_path / f"cli{suffix}"
        done = _cli(visitor_dir, "export", "visitors", str(path))
        assert done.returncode == 0, done.stderr
        assert ID18_IN_TEXT.search(_text_of(path)) is None, suffix
    full = _cli(visitor_dir, "search", "访客", "--register", "visitors", "--json", "--full-id")
    assert set(ID18_IN_TEXT.findall(full.stdout)) == set(IDS)
    path = tmp_path / "full.csv"
    assert _cli(visitor_dir, "export", "visitors", str(path), "--full-id").returncode == 0
    assert set(ID18_IN_TEXT.findall(_text_of(path))) == set(IDS)
