"""Opening the store: data folder, pragmas, lock, migrations and backups, environment errors."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from officedesk.core.registers import INCOMING_DOCUMENT as DOC
from officedesk.storage import records
from officedesk.storage.db import Store
from officedesk.storage.errors import AlreadyOpen, StorageError
from officedesk.storage.migrations import migrations
from officedesk.storage.paths import resolve_data_dir


def test_fresh_store_has_wal_foreign_keys_and_every_register(store: Store) -> None:
    assert store.journal_mode == "WAL"
    assert store.read("PRAGMA foreign_keys")[0][0] == 1
    assert store.read("PRAGMA synchronous")[0][0] == 2  # FULL
    tables = set(store.db.table_names())
    for name in ("incoming_document", "supervision_item", "meeting", "visitor", "reception",
                 "petition", "archive_item", "setting", "holiday", "attachment"):  # fmt: skip
        assert name in tables
    assert not migrations.pending(store.db)


def test_every_row_has_uuid_and_timestamps(store: Store) -> None:
    rec = records.insert(store, DOC, {"received_at": "2024-03-05 09:00", "sender": "省林业局",
                                      "title": "测试"})  # fmt: skip
    assert len(rec["uuid"]) == 36 and rec["created_at"] and rec["updated_at"]


def test_data_dir_resolution(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("OFFICEDESK_DATA", str(tmp_path / "env"))
    assert resolve_data_dir(tmp_path / "arg") == (tmp_path / "arg").resolve()
    assert resolve_data_dir(None) == (tmp_path / "env").resolve()
    monkeypatch.delenv("OFFICEDESK_DATA")
    assert "officedesk" in str(resolve_data_dir(None))


def test_portable_marker_keeps_data_beside_the_program(monkeypatch: pytest.MonkeyPatch,
                                                       tmp_path: Path) -> None:  # fmt: skip
    import officedesk.storage.paths as paths

    monkeypatch.delenv("OFFICEDESK_DATA", raising=False)
    monkeypatch.setattr(paths, "program_dir", lambda: tmp_path)
    (tmp_path / "portable").touch()
    assert paths.resolve_data_dir(None) == tmp_path / "data"


def test_second_writer_is_refused_with_a_message(data_dir: Path) -> None:
    with Store.open(data_dir):
        with pytest.raises(AlreadyOpen, match="已经打开"):
            Store.open(data_dir)
        # Readers (export, search from the command line) are still allowed.
        reader = Store.open(data_dir, writer=False)
        reader.close()
    Store.open(data_dir).close()  # released on close


def test_second_process_is_refused(data_dir: Path) -> None:
    with Store.open(data_dir):
        code = textwrap.dedent(f"""
            from officedesk.storage.db import Store
            from officedesk.storage.errors import AlreadyOpen
            try:
                Store.open({str(data_dir)!r})
            except AlreadyOpen as e:
                print("refused", e)
        """)
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                             timeout=60, check=True)  # fmt: skip
        assert out.stdout.startswith("refused") and "已经打开" in out.stdout


def test_not_a_database_is_a_clear_error(data_dir: Path) -> None:
    (data_dir / "officedesk.db").write_bytes(b"this is a spreadsheet, not a database" * 100)
    with pytest.raises(StorageError, match="不是办公桌的数据库文件") as info:
        Store.open(data_dir)
    assert info.value.kind == "corrupt"
    Store.open(data_dir / "other").close()  # the lock of the first folder was released


def test_locked_database_is_reported_and_nothing_is_written(store: Store) -> None:
    other = sqlite3.connect(store.path, timeout=0.1)
    other.execute("BEGIN EXCLUSIVE")
    store.conn.execute("PRAGMA busy_timeout=100")
    try:
        with pytest.raises(StorageError, match="已锁定") as info:
            records.insert(store, DOC, {"received_at": "2024-03-05", "sender": "甲", "title": "乙"})
        assert info.value.kind == "locked"
    finally:
        other.rollback()
        other.close()
    assert store.read("SELECT count(*) FROM incoming_document")[0][0] == 0


def test_read_only_database_is_reported(data_dir: Path) -> None:
    Store.open(data_dir).close()
    ro = sqlite3.connect(f"file:{data_dir / 'officedesk.db'}?mode=ro", uri=True)
    from officedesk.storage.errors import classify

    with pytest.raises(sqlite3.OperationalError) as info:
        ro.execute("CREATE TABLE x(y)")
    known = classify(info.value, data_dir)
    assert known is not None and known.kind == "read_only" and "只读" in str(known)
    ro.close()


def test_disk_full_message() -> None:
    from officedesk.storage.errors import classify

    exc = sqlite3.OperationalError("database or disk is full")
    known = classify(exc, "D:/data/officedesk.db")
    assert known is not None and known.kind == "disk_full" and "磁盘已满" in str(known)
    assert classify(ValueError("bug"), "x") is None  # a bug is not dressed up as the environment


def test_pending_migration_backs_up_the_file_first(data_dir: Path) -> None:
    with Store.open(data_dir) as s:
        records.insert(s, DOC, {"received_at": "2024-03-05", "sender": "甲", "title": "乙"})

    @migrations(name="9999_test_only")
    def _add_column(db):  # type: ignore[no-untyped-def]
        db.execute("ALTER TABLE setting ADD COLUMN note TEXT")

    try:
        with Store.open(data_dir) as s:
            assert "note" in s.db["setting"].columns_dict
        backups = list((data_dir / "backups").glob("before-9999_test_only-*.db"))
        assert len(backups) == 1
        copy = sqlite3.connect(backups[0])
        assert copy.execute("SELECT count(*) FROM incoming_document").fetchone()[0] == 1
        assert "note" not in [r[1] for r in copy.execute("PRAGMA table_info(setting)")]
        copy.close()
    finally:
        migrations._migrations = [m for m in migrations._migrations if m.name != "9999_test_only"]


def test_backup_is_atomic(store: Store, tmp_path: Path) -> None:
    dest = store.backup(tmp_path / "b" / "copy.db")
    assert dest.exists() and not (tmp_path / "b" / "copy.db.part").exists()
    if os.name == "posix":
        blocker = tmp_path / "file"
        blocker.write_text("x")
        with pytest.raises(StorageError):
            store.backup(blocker / "copy.db")
