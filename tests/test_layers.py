"""Layers point down: the pure packages never import Qt (ARCHITECTURE.md)."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import officedesk

PURE = ("officedesk.core", "officedesk.storage", "officedesk.exports", "officedesk.imports")


def _modules(package: str) -> list[str]:
    mod = __import__(package, fromlist=["__path__"])
    return [package] + [f"{package}.{m.name}" for m in pkgutil.iter_modules(mod.__path__)]


def test_pure_layers_do_not_import_qt() -> None:
    modules = [m for p in PURE for m in _modules(p)]
    assert "officedesk.storage.query" in modules and "officedesk.exports.xlsx" in modules
    code = (
        "import importlib, sys\n"
        f"for m in {modules!r}: importlib.import_module(m)\n"
        "import officedesk.demo, officedesk.export_service\n"
        "bad = sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6')))\n"
        "print(bad)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
                         check=True)  # fmt: skip
    assert out.stdout.strip() == "[]", out.stdout


def test_the_main_window_starts_without_the_document_libraries() -> None:
    """openpyxl and python-docx cost ~140 ms to import: only an export or a print loads them."""
    code = (
        "import sys, officedesk.ui.main_window\n"
        "heavy = ('docx', 'openpyxl', 'officedesk.exports', 'officedesk.printing.service')\n"
        "print(sorted(m for m in heavy if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
                         check=True)  # fmt: skip
    assert out.stdout.strip() == "[]", out.stdout


def test_version_is_a_string() -> None:
    assert officedesk.__version__.count(".") == 2
