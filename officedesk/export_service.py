"""Export the current view of a register to .xlsx/.docx/.csv/.pdf: shared by the CLI and the UI.

The rows come from a reader connection of the caller's thread; .pdf goes through the Qt print
service (a QGuiApplication is created if none exists), the rest through the pure exporters.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from officedesk.storage import settings
from officedesk.storage.db import Store
from officedesk.storage.query import Query, count, iter_rows

SUFFIXES = (".xlsx", ".docx", ".csv", ".pdf")


def describe(query: Query) -> str:
    """The subtitle of an export or print: year and search, e.g. 2024年 · 检索：森林防火."""
    parts = []
    if query.year:
        parts.append(f"{query.year}年")
    if query.search.strip():
        parts.append(f"检索：{query.search.strip()}")
    if query.overdue:
        parts.append("逾期未办结")
    for name, value in query.filters:
        parts.append(f"{query.register.field(name).label}：{value}")
    return " · ".join(parts)


def paper_order(query: Query) -> Query:
    """The screen lists newest first; a register on paper runs in registration order.

    A sort the user chose is kept; the default one becomes oldest first.
    """
    if query.sort is None and query.descending is None:
        return query.with_(sort="id", descending=False)
    return query


def default_filename(store: Store, query: Query, suffix: str = ".xlsx") -> str:
    """A sensible file name: 收文登记簿_2024.xlsx, 收文登记簿_20261121.xlsx."""
    stamp = str(query.year) if query.year else dt.date.today().strftime("%Y%m%d")
    return f"{query.register.title}_{stamp}{suffix}"


def export_register(
    store: Store,
    query: Query,
    path: Path,
    progress: Callable[[int], bool] | None = None,
) -> int:
    """Write the rows of `query` to `path` (format by suffix); returns how many rows were written.

    Raises ExportError/PrintError with a Chinese message naming the file; nothing is left under
    `path` when it fails or is cancelled.
    """
    from officedesk.exports.common import ExportError

    query = paper_order(query)
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise ExportError(f"无法导出到「{path}」：只支持 {' '.join(SUFFIXES)} 格式")
    unit_name = str(settings.get(store, "unit_name"))
    due_soon = int(settings.get(store, "due_soon_days"))
    subtitle = describe(query)
    rows = iter_rows(store, query)
    if suffix == ".pdf":
        from officedesk.printing.register_print import PrintMeta, register_document
        from officedesk.printing.service import ensure_gui_app, print_to_pdf

        ensure_gui_app()
        total = count(store, query)
        meta = PrintMeta(unit_name=unit_name, subtitle=subtitle, today=query.today,
                         due_soon_days=due_soon)  # fmt: skip
        job = register_document(query.register, rows, meta)
        pdf_progress = None
        if progress is not None:
            pdf_progress = lambda done, _pages: progress(done)  # noqa: E731
        print_to_pdf(job, path, pdf_progress)
        return total
    from officedesk.exports import ExportMeta, export_rows

    meta_x = ExportMeta(unit_name=unit_name, subtitle=subtitle, today=query.today,
                        due_soon_days=due_soon)  # fmt: skip
    return export_rows(path, query.register, rows, meta_x, progress=progress)
