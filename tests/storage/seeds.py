"""Rows several test modules seed the same way."""

from __future__ import annotations

import datetime as dt

from officedesk.core.registers import INCOMING_DOCUMENT
from officedesk.storage import records
from officedesk.storage.db import Store


def due_document(
    store: Store, title: str, due: dt.date | None, done: dt.date | None = None,
    dept: str = "林政科",
) -> int:  # fmt: skip
    """A 收文 of 2026-03-01 handled by 赵强 of `dept`, due on `due` (done on `done`); its id."""
    return int(records.insert(store, INCOMING_DOCUMENT, {
        "received_at": dt.datetime(2026, 3, 1, 9), "sender": "市林业局", "title": title,
        "due_date": due, "done_on": done, "lead_dept": dept, "handler": "赵强",
    })["id"])  # fmt: skip
