"""The 接待清单 and 接待方案 of a stored reception: reads it, then hands it to the exporters and
the printing code (shared by the UI and the tests, like export_service)."""

from __future__ import annotations

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
