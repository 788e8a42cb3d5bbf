"""Demo data: the parallel path (scratch files copied in order) gives a consistent register."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from officedesk import demo
from officedesk.core.registers import INCOMING_DOCUMENT as DOC
from officedesk.storage import records
from officedesk.storage.db import Store
from officedesk.storage.query import Query, count


def test_parallel_demo_is_ordered_numbered_and_searchable(tmp_path: Path) -> None:
    today = dt.date(2026, 11, 21)
    with Store.open(tmp_path / "d") as store:
        report = demo.fill(store, demo.PARALLEL_FROM + 1000, today=today)
        n = report.counts["documents"]
        assert n == demo.PARALLEL_FROM + 1000
        rows = store.read("SELECT id, received_at, serial FROM incoming_document ORDER BY id")
        assert [r[0] for r in rows] == list(range(1, n + 1))
        times = [r[1] for r in rows]
        assert times == sorted(times)  # ids follow time across the parts
        by_year: dict[str, list[str]] = {}
        for _, when, serial in rows:
            by_year.setdefault(when[:4], []).append(serial)
        for year, serials in by_year.items():
            assert serials == [f"收〔{year}〕{i}号" for i in range(1, len(serials) + 1)]
        assert not list(store.data_dir.glob("demo-part-*"))  # scratch files removed
        live = store.read("SELECT count(*) FROM incoming_document WHERE voided_at IS NULL")[0][0]
        assert count(store, Query(DOC, search="号")) == live  # every live row is indexed
        # The yearly series continue after the loaded rows.
        nxt = records.insert(
            store, DOC, {"received_at": "2026-11-21 09:00", "sender": "甲", "title": "乙"}
        )
        assert nxt["serial"] == f"收〔2026〕{len(by_year['2026']) + 1}号"
        assert store.journal_mode == "WAL"
        assert store.read("PRAGMA journal_mode")[0][0] == "wal"  # restored after the load


def test_demo_supervision_statuses_are_those_of_the_day(store: Store) -> None:
    """An export straight after `demo` (no 督办 tab opened) must not say 在办 for an overdue item."""
    from officedesk.core.supervision import status

    today = dt.date(2026, 11, 21)
    demo.fill(store, 20, today=today)
    rows = store.read("SELECT due_date, done_on, status FROM supervision_item")
    assert rows and {r[2] for r in rows} >= {"逾期", "已办结"}
    for due, done, stored in rows:
        assert stored == status(due, done, False, today, 3), (due, done, stored)
