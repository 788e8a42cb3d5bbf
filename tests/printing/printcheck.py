"""Reading printed PDFs back through poppler: page sizes and page texts."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

needs_poppler = pytest.mark.skipif(
    shutil.which("pdftotext") is None or shutil.which("pdfinfo") is None,
    reason="poppler-utils (pdftotext, pdfinfo) is not installed: apt-get install poppler-utils",
)

A4_LANDSCAPE = (842.0, 595.0)
A4_PORTRAIT = (595.0, 842.0)


def page_sizes(path: Path) -> list[tuple[float, float]]:
    """Each page's size in points (rounded), from pdfinfo."""
    found = re.search(r"^Pages:\s+(\d+)", _run("pdfinfo", str(path)), re.M)
    assert found, f"pdfinfo cannot read {path}"
    info = _run("pdfinfo", "-f", "1", "-l", found.group(1), str(path))
    sizes = re.findall(r"^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)", info, re.M)
    return [(float(round(float(w))), float(round(float(h)))) for w, h in sizes]


def page_texts(path: Path, *options: str) -> list[str]:
    """The text of each page (pdftotext, `-layout` unless other options are given)."""
    text = _run("pdftotext", *(options or ("-layout",)), str(path), "-")
    pages = text.split("\f")
    return pages[:-1] if pages and not pages[-1].strip() else pages


def squeezed(text: str) -> str:
    """Text without any white space: the lines of a wrapped cell join up again."""
    return re.sub(r"\s+", "", text)


def _run(*args: str) -> str:
    return subprocess.run(args, check=True, capture_output=True, text=True).stdout
