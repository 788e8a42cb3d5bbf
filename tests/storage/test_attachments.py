"""Attachments: copied by content hash, shared when equal, nothing left when a copy fails."""

from __future__ import annotations

import errno
import hashlib
import os
from pathlib import Path

import pytest

from officedesk.storage import attachments
from officedesk.storage.db import Store
from officedesk.storage.errors import StorageError


@pytest.fixture
def scan(tmp_path: Path) -> Path:
    path = tmp_path / "来文扫描件.PDF"
    path.write_bytes(b"%PDF-1.4 scan of the original")
    return path


def test_add_copies_the_file_named_by_its_hash(store: Store, scan: Path) -> None:
    row = attachments.add(store, "documents", 7, scan, note="原件扫描")
    digest = hashlib.sha256(scan.read_bytes()).hexdigest()
    assert row["stored_name"] == f"{digest}.pdf"
    assert row["filename"] == "来文扫描件.PDF"
    assert row["size"] == scan.stat().st_size
    assert row["note"] == "原件扫描" and row["uuid"]
    copy = attachments.path_of(store, row)
    assert copy.parent == store.attachment_dir
    assert copy.read_bytes() == scan.read_bytes()
    scan.unlink()  # the record keeps its copy when the original goes away
    assert copy.exists()


def test_same_content_is_stored_once(store: Store, scan: Path, tmp_path: Path) -> None:
    other = tmp_path / "again.pdf"
    other.write_bytes(scan.read_bytes())
    a = attachments.add(store, "documents", 1, scan)
    b = attachments.add(store, "documents", 2, other)
    assert a["stored_name"] == b["stored_name"]
    assert [p.name for p in store.attachment_dir.iterdir()] == [a["stored_name"]]


def test_list_and_remove(store: Store, scan: Path, tmp_path: Path) -> None:
    second = tmp_path / "附件2.docx"
    second.write_bytes(b"docx")
    a = attachments.add(store, "documents", 3, scan)
    b = attachments.add(store, "documents", 3, second)
    attachments.add(store, "documents", 4, second)
    assert [r["filename"] for r in attachments.list_for(store, "documents", 3)] == [
        "来文扫描件.PDF",
        "附件2.docx",
    ]
    attachments.remove(store, a["id"])
    assert [r["id"] for r in attachments.list_for(store, "documents", 3)] == [b["id"]]
    assert attachments.get(store, a["id"])["voided_at"]
    assert attachments.path_of(store, a).exists()  # soft: the file stays


def test_missing_source_names_the_file(store: Store, tmp_path: Path) -> None:
    with pytest.raises(StorageError, match=r"找不到附件文件.*不存在的文件\.pdf"):
        attachments.add(store, "documents", 1, tmp_path / "不存在的文件.pdf")
    assert store.read("SELECT count(*) FROM attachment")[0][0] == 0


def test_a_failing_copy_leaves_nothing(
    store: Store, scan: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def disk_full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(attachments.os, "fsync", disk_full)
    with pytest.raises(StorageError, match=r"磁盘已满.*来文扫描件\.PDF") as err:
        attachments.add(store, "documents", 1, scan)
    assert err.value.kind == "disk_full"
    assert list(store.attachment_dir.iterdir()) == []
    assert store.read("SELECT count(*) FROM attachment")[0][0] == 0


def test_a_failing_rename_leaves_nothing(
    store: Store, scan: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(src: object, dst: object) -> None:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(attachments.os, "replace", refuse)
    with pytest.raises(StorageError, match="没有权限"):
        attachments.add(store, "documents", 1, scan)
    assert list(store.attachment_dir.iterdir()) == []
    assert store.read("SELECT count(*) FROM attachment")[0][0] == 0


def test_unreadable_source_names_the_file(
    store: Store, scan: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if os.name == "posix" and os.geteuid() == 0:
        pytest.skip("root reads every file")
    scan.chmod(0)
    try:
        with pytest.raises(StorageError, match=r"无法读取附件文件.*来文扫描件\.PDF"):
            attachments.add(store, "documents", 1, scan)
    finally:
        scan.chmod(0o644)
    assert list(store.attachment_dir.iterdir()) == []


def test_unknown_register_is_refused(store: Store, scan: Path) -> None:
    with pytest.raises(KeyError, match="未知的登记簿"):
        attachments.add(store, "nothing", 1, scan)
