"""The migrated schema agrees with the register declarations: a forgotten migration fails here."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

from officedesk.core.registers import REGISTERS
from officedesk.storage import records, schema
from officedesk.storage.db import Store
from officedesk.storage.migrations import migrations, table_columns


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    s = Store.open(tmp_path_factory.mktemp("schema"))
    try:
        yield s
    finally:
        s.close()


@pytest.mark.parametrize("register", REGISTERS, ids=lambda r: r.key)
def test_every_declared_field_is_a_column(store: Store, register) -> None:
    have = table_columns(store.db, register.table)
    missing = [f.name for f in register.fields if f.name not in have]
    assert missing == [], f"{register.key}: add a migration for {missing}"


@pytest.mark.parametrize("register", REGISTERS, ids=lambda r: r.key)
def test_search_index_has_the_declared_columns(store: Store, register) -> None:
    sql = store.read("SELECT sql FROM sqlite_master WHERE name = ?", (schema.fts_table(register),))[
        0
    ][0]
    columns = re.search(r"fts5\((.*?), content=", sql).group(1).split(", ")
    assert columns == schema.search_columns(register)


@pytest.mark.parametrize("register", REGISTERS, ids=lambda r: r.key)
def test_sortable_columns_are_indexed(store: Store, register) -> None:
    names = {r[0] for r in store.read("SELECT name FROM sqlite_master WHERE type = 'index'")}
    missing = [
        c for c in schema.indexed_columns(register) if f"idx_{register.table}_{c}" not in names
    ]
    assert missing == []


def test_rebuild_search_indexes_the_live_rows(store: Store) -> None:
    from officedesk.core.registers import INCOMING_DOCUMENT
    from officedesk.storage import query
    from officedesk.storage.migrations import rebuild_search
    from officedesk.storage.query import Query

    base = {"received_at": "2026-03-02 09:00", "sender": "省林业和草原局"}
    kept = records.insert(store, INCOMING_DOCUMENT, {**base, "title": "关于森林防火的通知"})
    gone = records.insert(store, INCOMING_DOCUMENT, {**base, "title": "关于森林资源的报告"})
    records.void(store, INCOMING_DOCUMENT, gone["id"], "重复")
    with store.transaction():
        rebuild_search(store.db, INCOMING_DOCUMENT)
    found = query.page_ids(store, Query(INCOMING_DOCUMENT, search="森林"), 0, 10)
    assert found == [kept["id"]]


def test_all_migrations_applied(store: Store) -> None:
    assert migrations.pending(store.db) == []
