"""A 0.1.0 data folder, with a row in every register, upgraded through every later migration.

Each register's row must survive, stay searchable, and take an edit, void and restore afterwards:
the search index is contentless, so an edit after a migration that changed its columns without
rebuilding it would corrupt the index (and `check` would say so).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlite_utils import Database

from officedesk.core.fields import Field, Kind
from officedesk.core.registers import REGISTERS
from officedesk.core.searchtext import pinyin_tokens, tokens
from officedesk.storage import query, records
from officedesk.storage.db import Store
from officedesk.storage.maintenance import check
from officedesk.storage.migrations import migrations
from officedesk.storage.paths import DB_NAME
from officedesk.storage.query import Query

STAMP = "2026-03-02T09:00:00"
WORD = "森林防火"  # in every text column of the old rows: the search must find it afterwards


def _sample(field: Field | None, n: int) -> object:
    kind = field.kind if field is not None else Kind.TEXT
    if kind is Kind.DATE:
        return "2026-03-02"
    if kind is Kind.DATETIME:
        return "2026-03-02 09:00:00"
    if kind in (Kind.INT, Kind.BOOL):
        return 1
    if kind is Kind.CHOICE and field is not None:
        return next(c for c in field.choices if c)
    return f"{WORD}{n}"


@pytest.fixture
def old_folder(data_dir: Path) -> Path:
    conn = sqlite3.connect(str(data_dir / DB_NAME))
    migrations.apply(Database(conn), stop_before="0002_workflow")
    for register in REGISTERS:
        columns = [r[1] for r in conn.execute(f"PRAGMA table_info([{register.table}])")]
        if not columns:
            continue  # a register added after 0.1.0
        fields = {f.name: f for f in register.fields}
        values = {c: _sample(fields.get(c), 1) for c in columns
                  if c not in ("id", "voided_at", "void_reason")}  # fmt: skip
        values.update(uuid=f"u-{register.key}", created_at=STAMP, updated_at=STAMP)
        if register.key == "documents":
            values.pop("archive_no", None)  # not filed yet: a 档号 with no 件 is a finding
        if register.serial_field in values:
            values[register.serial_field] = f"旧〔2026〕1号{WORD}"
        names = ", ".join(f"[{c}]" for c in values)
        cur = conn.execute(f"INSERT INTO [{register.table}] ({names}) VALUES "
                           f"({', '.join('?' * len(values))})", list(values.values()))  # fmt: skip
        fts = f"{register.table}_fts"
        sql = conn.execute("SELECT sql FROM sqlite_master WHERE name = ?", (fts,)).fetchone()[0]
        fts_cols = sql.split("fts5(", 1)[1].split(", content=", 1)[0].split(", ")
        # What 0.1.0 wrote: each searchable column's characters, then the pinyin of its names.
        row = [tokens(str(values[c])) if c in values else "" for c in fts_cols if c != "py"]
        row.append(pinyin_tokens([str(values[f.name]) for f in register.pinyin_fields
                                  if f.name in values]))  # fmt: skip
        conn.execute(f"INSERT INTO [{fts}] (rowid, {', '.join(fts_cols)}) VALUES "
                     f"(?, {', '.join('?' * len(fts_cols))})", [cur.lastrowid, *row])  # fmt: skip
    conn.commit()
    conn.close()
    return data_dir


def test_every_register_survives_the_upgrade(old_folder: Path) -> None:
    with Store.open(old_folder) as store:
        assert migrations.pending(store.db) == []
        assert check(store)[0] == []
        for register in REGISTERS:
            rows = store.read(f"SELECT id FROM [{register.table}] WHERE uuid = ?",
                              (f"u-{register.key}",))  # fmt: skip
            if not rows:
                continue
            rid = rows[0][0]
            assert records.get(store, register, rid)["uuid"] == f"u-{register.key}"
            if register.search_fields:
                found = query.page_ids(store, Query(register, search=WORD), 0, 10)
                assert rid in found, f"{register.key}: the old row is no longer found"


def test_old_rows_take_edits_void_and_restore(old_folder: Path) -> None:
    with Store.open(old_folder) as store:
        for register in REGISTERS:
            rows = store.read(f"SELECT id FROM [{register.table}] WHERE uuid = ?",
                              (f"u-{register.key}",))  # fmt: skip
            if not rows:
                continue
            rid = rows[0][0]
            text = next((f for f in register.search_fields if f.kind in (Kind.TEXT, Kind.LONGTEXT)
                         and f.name != register.serial_field), None)  # fmt: skip
            if text is not None:
                records.update(store, register, rid, {text.name: "天然林保护"})
                found = query.page_ids(store, Query(register, search="天然林"), 0, 10)
                assert rid in found, register.key
        assert check(store)[0] == []
