"""How a register becomes tables: names of its indexes and search table, and their DDL.

The migrations (`officedesk.storage.migrations`) use these to add what a declaration gained."""

from __future__ import annotations

from collections.abc import Callable

from sqlite_utils import Database

from officedesk.core.docnumber import normalise_doc_number
from officedesk.core.fields import Record, Register
from officedesk.core.registers import INCOMING_DOCUMENT


def _ref_key(record: Record) -> str | None:
    """来文机关 + normalised 来文字号: the duplicate guard's key."""
    ref = normalise_doc_number(record.get("sender_ref"))
    return f"{record.get('sender') or ''}|{ref}" if ref else None


# Hidden columns computed from a row's fields on every write (not shown, not exported).
DERIVED_COLUMNS: dict[str, tuple[tuple[str, Callable[[Record], str | None]], ...]] = {
    INCOMING_DOCUMENT.table: (("ref_key", _ref_key),),
}

COMMON_COLUMNS = (
    "id INTEGER PRIMARY KEY",
    "uuid TEXT NOT NULL",
    "created_at TEXT NOT NULL",
    "updated_at TEXT NOT NULL",
    "voided_at TEXT",
    "void_reason TEXT",
)


def fts_table(register: Register) -> str:
    """The name of a register's search index table."""
    return f"{register.table}_fts"


def live_index(register: Register) -> str:
    """The name of the index of a register's live (not voided) row ids."""
    return f"idx_{register.table}_live"


def indexed_columns(register: Register) -> list[str]:
    """Columns with an index: every column the table can be sorted or filtered on.

    The serial has its own unique index (voided rows included), which serves sorting too.
    """
    return [
        f.name for f in register.fields
        if (f.indexed or f.filterable or (f.shown and f.sortable))
        and f.name != register.serial_field
    ]  # fmt: skip


def create_register_table(db: Database, register: Register) -> None:
    """The table of a register, its sort/filter indexes and its search index."""
    columns = list(COMMON_COLUMNS) + [f"[{f.name}] {f.sql_type}" for f in register.fields]
    db.execute(f"CREATE TABLE [{register.table}] (\n  " + ",\n  ".join(columns) + "\n)")
    # Partial indexes cover the live rows that every list shows; voided rows sit in the bin.
    # Each column's index carries the register's date after it: lists break ties by date, and
    # a year filter on a list sorted by that column is then a skip-scan of one index.
    for name in indexed_columns(register):
        create_column_index(db, register, name)
    # Only the recycle bin looks rows up by voided_at; a full index would tempt the planner to
    # use it for "voided_at IS NULL", which matches nearly every row.
    db.execute(
        f"CREATE INDEX [idx_{register.table}_voided] ON [{register.table}](voided_at)"
        " WHERE voided_at IS NOT NULL"
    )
    # The live rows' ids alone: counting the register and reading a page deep in it (by id)
    # walk this small index instead of the wide table. SQLite must be told (INDEXED BY).
    db.execute(
        f"CREATE INDEX [{live_index(register)}] ON [{register.table}](id) WHERE voided_at IS NULL"
    )
    # Named unique indexes rather than UNIQUE constraints, so a bulk load can rebuild them once.
    db.execute(f"CREATE UNIQUE INDEX [idx_{register.table}_uuid] ON [{register.table}](uuid)")
    if register.serial_field:
        # Serial numbers are never reused, voided rows included.
        db.execute(
            f"CREATE UNIQUE INDEX [idx_{register.table}_serial_unique] "
            f"ON [{register.table}]([{register.serial_field}])"
        )
    for column, _ in DERIVED_COLUMNS.get(register.table, ()):
        db.execute(f"ALTER TABLE [{register.table}] ADD COLUMN [{column}] TEXT")
        db.execute(
            f"CREATE INDEX [idx_{register.table}_{column}] ON [{register.table}]([{column}])"
            " WHERE voided_at IS NULL"
        )
    create_search_table(db, register)


def create_column_index(db: Database, register: Register, name: str) -> None:
    """The partial index of one sortable/filterable column, the register's date after it."""
    keys = f"[{name}]"
    if register.date_field and name != register.date_field:
        keys += f", [{register.date_field}]"
    db.execute(
        f"CREATE INDEX [idx_{register.table}_{name}] ON [{register.table}]({keys})"
        " WHERE voided_at IS NULL"
    )


def search_columns(register: Register) -> list[str]:
    """The columns of a register's search index: its searchable fields, then pinyin."""
    return [f.name for f in register.search_fields] + ["py"]


def create_search_table(db: Database, register: Register) -> None:
    """The contentless FTS5 index of a register (one token per character, see searchtext)."""
    db.execute(
        f"CREATE VIRTUAL TABLE [{fts_table(register)}] USING fts5("
        + ", ".join(search_columns(register))
        + ", content='', columnsize=0, tokenize='ascii')"
    )
