"""Loading many rows at once (demo data, imports): indexes rebuilt once at the end, stats refreshed."""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from officedesk.core.fields import Register
from officedesk.storage.db import Store
from officedesk.storage.records import BulkRow, chunked, part_columns
from officedesk.storage.schema import fts_table


@contextmanager
def bulk_load(
    store: Store, registers: tuple[Register, ...], *, rebuild_indexes: bool = True
) -> Iterator[None]:
    """One transaction in which the registers' secondary indexes are dropped and rebuilt after.

    Rebuilding an index once over a million rows is several times faster than keeping it up to
    date row by row. Any error rolls everything back, indexes included.
    """
    c = store.conn
    saved: list[str] = []
    # A WAL would take every new page once into the log and again at the checkpoint; a rollback
    # journal only keeps the few pages that existed before. Back to the store's mode afterwards.
    mode = str(c.execute("PRAGMA journal_mode").fetchone()[0])
    c.execute("PRAGMA journal_mode=DELETE")
    c.execute("PRAGMA synchronous=OFF")  # one big transaction: durability comes from the COMMIT
    c.execute("PRAGMA threads=2")  # index builds sort with a helper thread
    cache = int(c.execute("PRAGMA cache_size").fetchone()[0])
    if not rebuild_indexes:
        c.execute("PRAGMA cache_size=-1500000")  # live indexes of a million rows stay in memory
    try:
        with store.transaction():
            for reg in registers if rebuild_indexes else ():
                for name, sql in c.execute(
                    "SELECT name, sql FROM sqlite_master WHERE type='index' AND tbl_name=? "
                    "AND sql IS NOT NULL AND name LIKE 'idx_%'",
                    (reg.table,),
                ).fetchall():
                    saved.append(sql)
                    c.execute(f"DROP INDEX [{name}]")
            yield
            for sql in saved:
                c.execute(sql)
            # Full statistics (about a second a million rows): sampled ones mislead the planner.
            c.execute("ANALYZE")
        store.cache.clear()
    finally:
        c.execute(f"PRAGMA cache_size={cache}")
        c.execute("PRAGMA threads=0")
        c.execute("PRAGMA synchronous=FULL")
        c.execute(f"PRAGMA journal_mode={mode}")


def optimize_search(store: Store, register: Register) -> None:
    """Merge the search index's segments (faster queries after a bulk load)."""
    table = fts_table(register)
    with store.transaction() as c:
        c.execute(f"INSERT INTO [{table}]([{table}]) VALUES('optimize')")


def _part_schema(register: Register) -> tuple[str, str]:
    n_cols = len(part_columns(register)) + 1
    n_fts = len(register.search_fields) + 2
    return (
        f"CREATE TABLE IF NOT EXISTS part ({', '.join(f'c{i}' for i in range(n_cols))})",
        f"CREATE TABLE IF NOT EXISTS part_fts ({', '.join(f'c{i}' for i in range(n_fts))})",
    )


def write_part_file(path: Path, register: Register, rows: Iterable[BulkRow], first_id: int) -> int:
    """Write prepared rows, ids from `first_id`, into a scratch file made by attached_parts.

    Runs in a worker process: it makes the rows and writes them while other workers do the
    same; the store's own process copies each finished file at C speed (copy_attached).
    """
    conn = sqlite3.connect(str(path), isolation_level=None, timeout=30)
    try:
        conn.execute("PRAGMA journal_mode=OFF")
        conn.execute("PRAGMA synchronous=OFF")
        for sql in _part_schema(register):
            conn.execute(sql)
        n_cols = len(part_columns(register)) + 1
        n_fts = len(register.search_fields) + 2
        insert = f"INSERT INTO part VALUES ({', '.join('?' * n_cols)})"
        insert_fts = f"INSERT INTO part_fts VALUES ({', '.join('?' * n_fts)})"
        count = 0
        conn.execute("BEGIN")
        for chunk in chunked(rows, 5000):
            ids = range(first_id + count, first_id + count + len(chunk))
            conn.executemany(insert, [[i, *row] for i, (row, _) in zip(ids, chunk, strict=True)])
            conn.executemany(
                insert_fts, [[i, *f] for i, (_, f) in zip(ids, chunk, strict=True) if f]
            )
            count += len(chunk)
        conn.execute("COMMIT")
        return count
    finally:
        conn.close()


@contextmanager
def attached_parts(store: Store, register: Register, paths: list[Path]) -> Iterator[list[str]]:
    """Scratch files with empty part tables, attached to the store (SQLite allows ATTACH only
    outside a transaction, so before any worker writes); detached and removed afterwards."""
    c = store.conn
    aliases = [f"part{k}" for k in range(len(paths))]
    for path in paths:
        path.unlink(missing_ok=True)
        scratch = sqlite3.connect(str(path))
        for sql in _part_schema(register):
            scratch.execute(sql)
        scratch.commit()
        scratch.close()
    attached: list[str] = []
    try:
        for alias, path in zip(aliases, paths, strict=True):
            c.execute(f"ATTACH DATABASE ? AS {alias}", (str(path),))
            attached.append(alias)
        yield aliases
    finally:
        for alias in attached:
            c.execute(f"DETACH DATABASE {alias}")
        for path in paths:
            with contextlib.suppress(OSError):
                path.unlink()


def copy_attached(
    store: Store,
    register: Register,
    aliases: list[str],
    wait_for: Callable[[int], object] = lambda _k: None,
) -> int:
    """Copy attached parts into the register in order, in one bulk_load transaction.

    `wait_for(k)` returns once part k is written: each part is copied as soon as it is ready,
    while later ones are still being made.
    """
    c = store.conn
    cols = ", ".join(f"[{name}]" for name in ("id", *part_columns(register)))
    fts_cols = ", ".join(["rowid", *(f.name for f in register.search_fields), "py"])
    count = 0
    with bulk_load(store, (register,)):
        for k, alias in enumerate(aliases):
            wait_for(k)
            cur = c.execute(f"INSERT INTO [{register.table}] ({cols}) SELECT * FROM {alias}.part")
            count += cur.rowcount
            c.execute(
                f"INSERT INTO [{fts_table(register)}] ({fts_cols}) SELECT * FROM {alias}.part_fts"
            )
    return count
