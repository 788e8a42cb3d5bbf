"""Numbered migrations, applied in order at start after a copy of the file is taken.

A released migration is frozen. A register that gains fields gets a new migration that calls
`add_fields` (and `rebuild_search` when a searchable field was added); a new register or table
gets one that creates it. `tests/storage/test_schema.py` fails when a declaration and the
migrated schema disagree, so a forgotten migration cannot ship.
"""

from __future__ import annotations

from sqlite_utils import Database, Migrations

from officedesk.core.fields import Register
from officedesk.storage import schema
from officedesk.storage.migrations import (
    m0001_initial,
    m0002_workflow,
    m0003_archive,
    m0004_meetings,
    m0005_reception,
)

migrations = Migrations("officedesk")
migrations(name="0001_initial")(m0001_initial.apply)
migrations(name="0002_workflow")(m0002_workflow.apply)
migrations(name="0003_archive")(m0003_archive.apply)
migrations(name="0004_meetings")(m0004_meetings.apply)
migrations(name="0005_reception")(m0005_reception.apply)


def table_columns(db: Database, table: str) -> set[str]:
    """The column names a table has now."""
    return {row[1] for row in db.execute(f"PRAGMA table_info([{table}])").fetchall()}


def add_fields(db: Database, register: Register, names: tuple[str, ...]) -> None:
    """Add the named declared fields of `register` as columns, with their sort/filter indexes."""
    by_name = {f.name: f for f in register.fields}
    have = table_columns(db, register.table)
    indexed = set(schema.indexed_columns(register))
    for name in names:
        field = by_name[name]  # KeyError: the migration names a field the declaration lacks
        if name in have:
            continue
        db.execute(f"ALTER TABLE [{register.table}] ADD COLUMN [{name}] {field.sql_type}")
        if name in indexed:
            schema.create_column_index(db, register, name)


def rebuild_search(db: Database, register: Register) -> None:
    """Recreate a register's search index with its declared search fields, from the live rows."""
    from officedesk.storage.records import fts_values, typed  # records imports schema

    table = schema.fts_table(register)
    db.execute(f"DROP TABLE IF EXISTS [{table}]")
    schema.create_search_table(db, register)
    cols = schema.search_columns(register)
    sql = (
        f"INSERT INTO [{table}](rowid, {', '.join(cols)}) "
        f"VALUES ({', '.join('?' * (len(cols) + 1))})"
    )
    cursor = db.conn.execute(f"SELECT * FROM [{register.table}] WHERE voided_at IS NULL")
    names = [d[0] for d in cursor.description]
    while batch := cursor.fetchmany(5000):
        rows = [dict(zip(names, row, strict=True)) for row in batch]
        db.conn.executemany(
            sql, [[row["id"], *fts_values(register, typed(register, row))] for row in rows]
        )
