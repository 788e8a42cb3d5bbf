"""Excel, Word and CSV exports: pure functions over rows, no Qt."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from officedesk.core.fields import Register
from officedesk.exports.common import ExportCancelled, ExportError, ExportMeta, Progress
from officedesk.exports.csv_export import write_csv
from officedesk.exports.docx_forms import export_processing_slip
from officedesk.exports.docx_register import write_docx
from officedesk.exports.xlsx import write_xlsx

__all__ = [
    "FORMATS",
    "ExportCancelled",
    "ExportError",
    "ExportMeta",
    "export_processing_slip",
    "export_rows",
]

FORMATS = {".xlsx": write_xlsx, ".docx": write_docx, ".csv": write_csv}


def export_rows(
    path: Path,
    register: Register,
    rows: Iterable[dict[str, Any]],
    meta: ExportMeta,
    progress: Progress | None = None,
) -> int:
    """Write `rows` of `register` to `path` in the format its suffix names; returns rows written.

    `progress(n)` is called every ~1000 rows; returning False cancels (ExportCancelled) and
    leaves no file. Any failure raises ExportError and leaves nothing under `path`.
    """
    path = Path(path)
    writer = FORMATS.get(path.suffix.lower())
    if writer is None:
        known = "、".join(FORMATS)
        suffix = path.suffix or "无扩展名"
        raise ExportError(f"无法导出到「{path}」：不支持「{suffix}」格式，请使用 {known}。", path)
    return writer(path, register, rows, meta, progress)
