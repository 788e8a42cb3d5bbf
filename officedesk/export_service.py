"""Export or print the current view of a register: shared by the CLI and the UI.

The rows come from the caller's connection (a worker opens its own); .pdf and paper go through
the Qt print service (a QGuiApplication is created if none exists), the rest through the pure
exporters. Screens list newest first; paper runs in registration order unless the user sorted.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from officedesk.storage import settings
from officedesk.storage.db import Store
from officedesk.storage.query import Query, count, iter_rows

SUFFIXES = (".xlsx", ".docx", ".csv", ".pdf")
# progress(done, total): rows written (total rows) or pages printed (total pages); False cancels.
Progress = Callable[[int, int], bool]
RowsHook = Callable[[Iterable[dict[str, Any]], int], Iterator[dict[str, Any]]]


def describe(query: Query) -> str:
    """The subtitle of an export or print: year, filters and search, e.g. 2024年 · 检索：森林防火."""
    parts = []
    if query.year:
        parts.append(f"{query.year}年")
    for name, value in query.filters:
        parts.append(f"{query.register.field(name).label}：{value}")
    if query.overdue:
        parts.append("逾期未办结")
    if query.search.strip():
        parts.append(f"检索：{query.search.strip()}")
    return " · ".join(parts)


def paper_order(query: Query) -> Query:
    """The screen lists newest first; a register on paper runs in registration order.

    A sort the user chose is kept; the default one becomes oldest first.
    """
    if query.sort is None and query.descending is None:
        return query.with_(sort="id", descending=False)
    return query


def default_filename(query: Query, suffix: str = ".xlsx") -> str:
    """A sensible file name: 收文登记簿_2024.xlsx, or the export date without a year filter."""
    stamp = str(query.year) if query.year else dt.date.today().strftime("%Y%m%d")
    return f"{query.register.title}_{stamp}{suffix}"


def meta_values(store: Store, query: Query) -> dict[str, Any]:
    """What an export or print says about itself (unit, subtitle, day, due-soon days)."""
    return {
        "unit_name": str(settings.get(store, "unit_name")),
        "subtitle": describe(query),
        "today": query.today,
        "due_soon_days": int(settings.get(store, "due_soon_days")),
    }


def _rows(
    store: Store, query: Query, total: int, hook: RowsHook | None
) -> Iterable[dict[str, Any]]:
    rows = iter_rows(store, query)
    if query.register.key == "supervision":
        rows = _current_status(rows, query.today, int(settings.get(store, "due_soon_days")))
    return hook(rows, total) if hook is not None else rows


def _current_status(
    rows: Iterable[dict[str, Any]], today: dt.date, due_soon_days: int
) -> Iterator[dict[str, Any]]:
    """督办 rows with their status as of `today`: the stored one is brought up to date only
    when the program runs, so an export after days away would say 在办 for an overdue item."""
    from officedesk.core.supervision import status

    for row in rows:
        extended = bool(row.get("extended"))
        yield {**row, "status": status(row.get("due_date"), row.get("done_on"), extended, today,
                                       due_soon_days)}  # fmt: skip


def print_job(store: Store, query: Query, rows_hook: RowsHook | None = None) -> Any:
    """The register's rows of `query` laid out for paper (a PrintJob), in paper order."""
    from officedesk.printing.register_print import PrintMeta, register_document
    from officedesk.printing.service import ensure_gui_app

    ensure_gui_app()
    query = paper_order(query)
    rows = _rows(store, query, count(store, query), rows_hook)
    return register_document(query.register, rows, PrintMeta(**meta_values(store, query)))


def export_register(
    store: Store,
    query: Query,
    path: Path,
    progress: Progress | None = None,
    rows_hook: RowsHook | None = None,
) -> int:
    """Write the rows of `query` to `path` (format by suffix); returns how many rows were written.

    Raises ExportError/PrintError with a Chinese message naming the file; nothing is left under
    `path` when it fails or is cancelled. `rows_hook(rows, total)` may wrap the rows as they are
    read (the UI counts them for its progress bar).
    """
    from officedesk.exports.common import ExportError

    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise ExportError(f"无法导出到「{path}」：只支持 {' '.join(SUFFIXES)} 格式")
    query = paper_order(query)
    total = count(store, query)
    if suffix == ".pdf":
        from officedesk.printing.service import print_to_pdf

        print_to_pdf(print_job(store, query, rows_hook), path, progress)
        return total
    from officedesk.exports import ExportMeta, export_rows

    row_progress = None if progress is None else (lambda done: progress(done, total))
    rows = _rows(store, query, total, rows_hook)
    return export_rows(path, query.register, rows, ExportMeta(**meta_values(store, query)),
                       progress=row_progress)  # fmt: skip
