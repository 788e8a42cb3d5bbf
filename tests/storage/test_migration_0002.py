"""A 0.1.0 data folder (migration 0001 only, with rows) upgraded to 0002_workflow."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

from sqlite_utils import Database

from officedesk.core.registers import INCOMING_DOCUMENT, SUPERVISION
from officedesk.storage import query, records, supervision
from officedesk.storage.db import Store
from officedesk.storage.migrations import migrations
from officedesk.storage.paths import DB_NAME
from officedesk.storage.query import Query


def test_rows_written_before_the_workflow_get_a_stage_and_stay_searchable(data_dir: Path) -> None:
    conn = sqlite3.connect(str(data_dir / DB_NAME))
    db = Database(conn)
    migrations.apply(db, stop_before="0002_workflow")
    stamp = "2026-03-01T09:00:00"
    for n, status in enumerate(("已登记", "传阅中", "已办结"), start=1):
        conn.execute(
            "INSERT INTO incoming_document (uuid, created_at, updated_at, serial, received_at, "
            "sender, title, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (f"u{n}", stamp, stamp, f"收〔2026〕{n}号", "2026-03-01 09:00:00", "市林业局",
             f"通知{n}", status),
        )  # fmt: skip
    conn.execute(
        "INSERT INTO supervision_item (uuid, created_at, updated_at, serial, assigned_on, content, "
        "due_date, status) VALUES ('s1', ?, ?, '督〔2026〕1号', '2026-03-01', '护林员培训', "
        "'2026-03-20', '在办')",
        (stamp, stamp),
    )
    conn.execute(
        "INSERT INTO supervision_item_fts(rowid, serial, content, lead_unit, remarks, py) "
        "VALUES (1, '', '护 林 员 培 训', '', '', '')"
    )
    conn.commit()
    conn.close()
    with Store.open(data_dir) as store:
        assert [r[0] for r in store.read("SELECT stage FROM incoming_document ORDER BY id")] == [
            "登记", "传阅", "办结"]  # fmt: skip
        assert list((data_dir / "backups").glob("before-0002_workflow-*.db"))
        found = query.page_ids(store, Query(SUPERVISION, search="培训"), 0, 10)
        assert found == [1]
        # The old item takes log entries like a new one.
        item = supervision.add_log(store, 1, "延期", {"acted_on": "2026-03-15", "new_due":
                                                    "2026-04-30", "text": "雨季", "approved_by": "张局长"},
                                    dt.date(2026, 3, 15))  # fmt: skip
        assert item["extended"] and item["status"] == "已延期"
        assert records.get(store, INCOMING_DOCUMENT, 2)["holder"] is None
