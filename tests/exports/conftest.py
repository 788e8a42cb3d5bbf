"""Fixtures for the export tests: a few 收文 rows that cover every light and every tricky value."""

from __future__ import annotations

from typing import Any

import pytest

from officedesk.core.registers import INCOMING_DOCUMENT
from officedesk.storage import records
from officedesk.storage.db import Store
from officedesk.storage.query import Query, iter_rows

from .samples import SPECS, TODAY


@pytest.fixture
def document_rows(store: Store) -> list[dict[str, Any]]:
    """The SPECS rows saved through the store and read back as stored values, in order."""
    for i, (_, extra) in enumerate(SPECS):
        values = {
            "received_at": f"2024-05-{10 + i:02d} 09:30",
            "sender": "省林业和草原局",
            "sender_ref": f"林草发〔2024〕{i + 1}号",
            **extra,
        }
        records.insert(store, INCOMING_DOCUMENT, values)
    query = Query(INCOMING_DOCUMENT, sort="id", descending=False, today=TODAY)
    return list(iter_rows(store, query))
