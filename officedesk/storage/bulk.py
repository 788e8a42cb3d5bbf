"""Loading many rows at once (demo data, imports): indexes rebuilt once at the end, stats refreshed."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from officedesk.core.fields import Register
from officedesk.storage.db import Store


@contextmanager
def bulk_load(store: Store, registers: tuple[Register, ...]) -> Iterator[None]:
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
    try:
        with store.transaction():
            for reg in registers:
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
        c.execute("PRAGMA threads=0")
        c.execute("PRAGMA synchronous=FULL")
        c.execute(f"PRAGMA journal_mode={mode}")


def optimize_search(store: Store, register: Register) -> None:
    """Merge the search index's segments (faster queries after a bulk load)."""
    from officedesk.storage.schema import fts_table

    table = fts_table(register)
    with store.transaction() as c:
        c.execute(f"INSERT INTO [{table}]([{table}]) VALUES('optimize')")
