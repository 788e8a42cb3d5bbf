"""Exports of 督办 say each item's status as of the export day, not as last stored."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

from officedesk.core.registers import SUPERVISION
from officedesk.export_service import export_register
from officedesk.storage import supervision
from officedesk.storage.db import Store
from officedesk.storage.query import Query


def test_supervision_export_brings_stale_statuses_up_to_date(store: Store, tmp_path: Path) -> None:
    item = supervision.create_item(store, {
        "assigned_on": dt.date(2026, 3, 2), "content": "清查林地占用", "lead_unit": "林政科",
        "due_date": dt.date(2026, 3, 6)}, )  # fmt: skip
    with store.transaction() as c:  # as stored when the program last ran, days ago
        c.execute("UPDATE supervision_item SET status = '在办' WHERE id = ?", (item["id"],))
    path = tmp_path / "督办.csv"
    export_register(store, Query(SUPERVISION, today=dt.date(2026, 3, 10)), path)
    with open(path, encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    status_col = rows[0].index("状态")
    assert [r[status_col] for r in rows[1:]] == ["逾期"]
