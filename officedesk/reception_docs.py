"""The 接待清单 and 接待方案 of a stored reception: reads it, then hands it to the exporters and
the printing code (shared by the UI and the tests, like export_service)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from officedesk.core.registers import RECEPTION
from officedesk.exports.reception_plan import export_reception_plan
from officedesk.exports.reception_sheet import (
    ReceptionSheet,
    export_reception_sheet,
    reception_sheet,
)
from officedesk.storage import reception as rs
from officedesk.storage import records, settings
from officedesk.storage.db import Store


def sheet(store: Store, reception_id: int) -> ReceptionSheet:
    """The 接待清单 of one reception, with a warning where its guests differ from the 公函."""
    record = dict(records.get(store, RECEPTION, reception_id))
    got = rs.lines(store, reception_id)
    record["_letter_attached"] = rs.has_letter(store, {"id": reception_id})
    from officedesk.core.reception import guest_list_differences, split_names

    names = [str(g["name"]) for g in got.guests if g.get("name")]
    warnings = guest_list_differences(names, split_names(record.get("letter_guests")))
    return reception_sheet(record, got.guests, got.companions, got.total_fen,
                           str(settings.get(store, "unit_name")), warnings)  # fmt: skip


def write_sheet(store: Store, reception_id: int, path: Path) -> Path:
    """The 接待清单 as .docx."""
    return export_reception_sheet(path, sheet(store, reception_id))


def write_plan(store: Store, reception_id: int, path: Path) -> Path:
    """The 接待方案 as .docx."""
    record = records.get(store, RECEPTION, reception_id)
    got = rs.lines(store, reception_id)
    return export_reception_plan(path, record, got.guests, got.companions, got.meals, got.costs,
                                 str(settings.get(store, "unit_name")))  # fmt: skip


def sheet_job(store: Store, reception_id: int) -> Any:
    """The 接待清单 laid out for paper (a PrintJob)."""
    from officedesk.printing.reception_sheet import ReceptionSheetJob
    from officedesk.printing.service import ensure_gui_app

    ensure_gui_app()
    return ReceptionSheetJob(sheet(store, reception_id))


def write_visitor_log(store: Store, kind: str, day: dt.date, path: Path) -> int:
    """The daily ("日") or monthly ("月") visitor log to .xlsx/.docx/.csv/.pdf, 证件号码 masked
    (unless the caller is inside reveal_sensitive); returns the number of visits."""
    from officedesk.core.registers import VISITOR
    from officedesk.exports import ExportMeta, export_rows
    from officedesk.exports.common import ExportError

    start, end, subtitle = rs.log_period(kind, day)
    rows = rs.visits_between(store, start, end)
    meta = {"unit_name": str(settings.get(store, "unit_name")), "subtitle": subtitle,
            "due_soon_days": int(settings.get(store, "due_soon_days"))}  # fmt: skip
    if path.suffix.lower() == ".pdf":
        from officedesk.printing.service import print_to_pdf

        print_to_pdf(visitor_log_job(store, kind, day), path)
        return len(rows)
    if path.suffix.lower() not in (".xlsx", ".docx", ".csv"):
        raise ExportError(f"无法导出到「{path}」：请使用 .xlsx、.docx、.csv 或 .pdf。", path)
    return export_rows(path, VISITOR, rows, ExportMeta(**meta))


def visitor_log_job(store: Store, kind: str, day: dt.date) -> Any:
    """The daily or monthly visitor log laid out for paper (the register's own layout)."""
    from officedesk.core.registers import VISITOR
    from officedesk.printing.register_print import PrintMeta, register_document
    from officedesk.printing.service import ensure_gui_app

    ensure_gui_app()
    start, end, subtitle = rs.log_period(kind, day)
    meta = PrintMeta(unit_name=str(settings.get(store, "unit_name")), subtitle=subtitle,
                     due_soon_days=int(settings.get(store, "due_soon_days")))  # fmt: skip
    return register_document(VISITOR, rs.visits_between(store, start, end), meta)
