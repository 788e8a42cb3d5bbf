"""Opening the store: data folder, lock, pragmas, backup before migrating, transactions."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import sqlite3
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from officedesk.storage.errors import StorageError, classify, os_error
from officedesk.storage.lock import InstanceLock
from officedesk.storage.migrations import migrations
from officedesk.storage.paths import DB_NAME, is_network_path, resolve_data_dir

BACKUP_DIR = "backups"
ATTACHMENT_DIR = "attachments"


def now_text() -> str:
    """The current local time as stored: 2024-03-05T09:30:00."""
    return dt.datetime.now().replace(microsecond=0).isoformat()


def new_uuid() -> str:
    """A stable identifier for a row (random UUID v4), for merging data from several sites later."""
    h = bytearray(os.urandom(16))
    h[6] = (h[6] & 0x0F) | 0x40  # version 4
    h[8] = (h[8] & 0x3F) | 0x80  # RFC 4122 variant
    x = h.hex()
    return f"{x[:8]}-{x[8:12]}-{x[12:16]}-{x[16:20]}-{x[20:]}"


class Store:
    """One open data folder: its SQLite database, its attachments, and (when writing) its lock."""

    def __init__(self, data_dir: Path, db: Database, lock: InstanceLock | None) -> None:
        self.data_dir = data_dir
        self.path = data_dir / DB_NAME
        self.db = db
        self.conn: sqlite3.Connection = db.conn
        self.lock = lock
        self.journal_mode = ""
        # Facts that only change with ANALYZE or a migration (index statistics), per connection.
        self.cache: dict[object, object] = {}

    # -- opening and closing -------------------------------------------------------------

    @classmethod
    def open(
        cls,
        data_dir: str | Path | None = None,
        *,
        writer: bool = True,
        migrate: bool = True,
    ) -> Store:
        """Open (creating if needed) the store in `data_dir`; StorageError on environment trouble.

        A writer takes the folder's lock (AlreadyOpen if another program holds it) and applies
        pending migrations after copying the file to backups/.
        """
        folder = resolve_data_dir(data_dir)
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise os_error(exc, folder) from exc
        lock = None
        if writer:
            lock = InstanceLock(folder)
            try:
                lock.acquire()
            except OSError as exc:
                raise os_error(exc, lock.path) from exc
        path = folder / DB_NAME
        try:
            if path.exists() and path.stat().st_size > 0:
                _check_header(path)
            conn = sqlite3.connect(str(path), timeout=5.0, isolation_level=None)
            store = cls(folder, Database(conn), lock)
            store._configure(writer)
            if migrate and writer:
                store._migrate()
        except BaseException as exc:
            if lock is not None:
                lock.release()
            known = classify(exc, path)
            if known is not None and known is not exc:
                raise known from exc
            raise
        return store

    def open_reader(self) -> Store:
        """A second connection to the same file for another thread (export, print, search)."""
        conn = sqlite3.connect(str(self.path), timeout=5.0, isolation_level=None)
        store = Store(self.data_dir, Database(conn), None)
        store._configure(writer=False)
        return store

    def close(self) -> None:
        """Close the connection and release the folder's lock."""
        try:
            self.conn.close()
        finally:
            if self.lock is not None:
                self.lock.release()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _configure(self, writer: bool) -> None:
        c = self.conn
        c.execute("PRAGMA foreign_keys=ON")
        c.execute("PRAGMA busy_timeout=5000")
        c.execute("PRAGMA cache_size=-65536")  # 64 MB page cache
        c.execute("PRAGMA temp_store=MEMORY")
        if writer:
            mode = "DELETE" if is_network_path(self.path) else "WAL"
            self.journal_mode = str(c.execute(f"PRAGMA journal_mode={mode}").fetchone()[0]).upper()
            c.execute("PRAGMA synchronous=FULL")

    def _migrate(self) -> None:
        pending = migrations.pending(self.db)
        if not pending:
            return
        has_data = bool(self.db.table_names())
        if has_data:
            self.backup(self.data_dir / BACKUP_DIR / f"before-{pending[0].name}-{_stamp()}.db")
        migrations.apply(self.db)

    # -- transactions and errors ---------------------------------------------------------

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """BEGIN IMMEDIATE … COMMIT, rolled back on any error; errors of the machine become StorageError."""
        c = self.conn
        if c.in_transaction:
            # Nested: a savepoint inside the caller's transaction.
            name = f"sp_{uuid.uuid4().hex[:8]}"
            c.execute(f"SAVEPOINT {name}")
            try:
                yield c
            except BaseException:
                c.execute(f"ROLLBACK TO {name}")
                c.execute(f"RELEASE {name}")
                raise
            c.execute(f"RELEASE {name}")
            return
        try:
            c.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise self.translate(exc) from exc
        try:
            yield c
        except BaseException as exc:
            if c.in_transaction:
                c.execute("ROLLBACK")
            if isinstance(exc, sqlite3.Error):
                raise self.translate(exc) from exc
            raise
        try:
            c.execute("COMMIT")
        except sqlite3.Error as exc:
            if c.in_transaction:
                c.execute("ROLLBACK")
            raise self.translate(exc) from exc

    def translate(self, exc: BaseException) -> BaseException:
        """The StorageError for an environment problem, or the original error (a bug)."""
        known = classify(exc, self.path)
        return known if known is not None else exc

    def read(self, sql: str, params: Any = ()) -> list[sqlite3.Row]:
        """Run a query and return its rows; environment errors become StorageError."""
        try:
            cur = self.conn.execute(sql, params)
            return cur.fetchall()
        except sqlite3.Error as exc:
            raise self.translate(exc) from exc

    def read_dicts(self, sql: str, params: Any = ()) -> list[dict[str, Any]]:
        """Run a query and return its rows as dicts keyed by column name."""
        cur = self.conn.cursor()
        cur.row_factory = _dict_row
        try:
            return list(cur.execute(sql, params).fetchall())
        except sqlite3.Error as exc:
            raise self.translate(exc) from exc

    # -- files -------------------------------------------------------------------------

    @property
    def attachment_dir(self) -> Path:
        return self.data_dir / ATTACHMENT_DIR

    def backup(self, dest: Path) -> Path:
        """A consistent copy of the database at `dest` (SQLite's backup API), written atomically."""
        dest = Path(dest)
        tmp = dest.with_name(dest.name + ".part")
        try:
            dest.parent.mkdir(parents=True, exist_ok=True)
            target = sqlite3.connect(str(tmp))
            try:
                self.conn.backup(target)
            finally:
                target.close()
            tmp.replace(dest)
        except sqlite3.Error as exc:
            _remove_quietly(tmp)
            raise classify(exc, dest) or exc from exc
        except OSError as exc:
            _remove_quietly(tmp)
            raise os_error(exc, dest) from exc
        return dest


def _dict_row(cursor: sqlite3.Cursor, row: tuple[Any, ...]) -> dict[str, Any]:
    return {d[0]: v for d, v in zip(cursor.description, row, strict=True)}


def _remove_quietly(path: Path) -> None:
    with contextlib.suppress(OSError):
        path.unlink(missing_ok=True)


def _stamp() -> str:
    return dt.datetime.now().strftime("%Y%m%d-%H%M%S")


def _check_header(path: Path) -> None:
    with open(path, "rb") as fh:
        head = fh.read(16)
    if head and not head.startswith(b"SQLite format 3\x00"):
        raise StorageError(f"「{path}」不是办公桌的数据库文件，或文件已损坏。", kind="corrupt")
