"""Attachments and scans: files copied into the data folder, named by content, linked to rows."""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
from pathlib import Path
from typing import Any

from officedesk.core.registers import register
from officedesk.storage.db import Store, new_uuid, now_text
from officedesk.storage.errors import StorageError, os_error

Attachment = dict[str, Any]
CHUNK = 1024 * 1024
_SUFFIX = re.compile(r"^\.[A-Za-z0-9]{1,10}$")


def _rows(store: Store, sql: str, params: Any = ()) -> list[Attachment]:
    return store.read_dicts(sql, params)


def _stored_suffix(name: str) -> str:
    """The original suffix, lower-cased, when it is a plain one (kept so Windows opens the file)."""
    suffix = Path(name).suffix
    return suffix.lower() if _SUFFIX.match(suffix) else ""


def _copy_hashing(source: Path, folder: Path) -> tuple[Path, str, int]:
    """Copy `source` to a temporary file in `folder`; its path, SHA-256 and size."""
    digest = hashlib.sha256()
    size = 0
    tmp = folder / f".{new_uuid()}.part"
    try:
        src = open(source, "rb")  # noqa: SIM115 - closed below; errors name the source
    except OSError as exc:
        raise _read_error(exc, source) from exc
    try:
        with src, open(tmp, "wb") as out:
            while True:
                try:
                    chunk = src.read(CHUNK)
                except OSError as exc:
                    raise _read_error(exc, source) from exc
                if not chunk:
                    break
                digest.update(chunk)
                size += len(chunk)
                out.write(chunk)
            out.flush()
            os.fsync(out.fileno())
    except BaseException as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        if isinstance(exc, OSError) and not isinstance(exc, StorageError):
            raise os_error(exc, folder / source.name) from exc
        raise
    return tmp, digest.hexdigest(), size


def _read_error(exc: OSError, source: Path) -> StorageError:
    if isinstance(exc, (FileNotFoundError, IsADirectoryError)):
        return StorageError(f"找不到附件文件「{source}」，请确认文件还在原处。", "missing")
    return StorageError(
        f"无法读取附件文件「{source}」：{exc.strerror or exc}。请确认文件没有被其他程序占用。", "io"
    )


def add(
    store: Store, register_key: str, record_id: int, source_path: str | Path, note: str = ""
) -> Attachment:
    """Copy a file into the data folder (once per content) and link it to a row.

    A copy that fails leaves nothing behind; StorageError says which file and why.
    """
    register(register_key)  # an unknown register is a bug: KeyError with the known names
    source = Path(source_path)
    if not source.is_file():
        raise _read_error(FileNotFoundError(source), source)
    folder = store.attachment_dir
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise os_error(exc, folder) from exc
    tmp, digest, size = _copy_hashing(source, folder)
    stored_name = digest + _stored_suffix(source.name)
    dest = folder / stored_name
    created = False
    try:
        if dest.exists():
            tmp.unlink()  # the same content is already there: share it
        else:
            os.replace(tmp, dest)
            created = True
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise os_error(exc, dest) from exc
    stamp = now_text()
    try:
        with store.transaction() as c:
            cur = c.execute(
                "INSERT INTO attachment(uuid, created_at, updated_at, register, record_id, "
                "filename, stored_name, size, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (new_uuid(), stamp, stamp, register_key, record_id, source.name, stored_name,
                 size, note or None),
            )  # fmt: skip
            new_id = int(cur.lastrowid or 0)
    except BaseException:
        if created:
            with contextlib.suppress(OSError):
                dest.unlink()
        raise
    return get(store, new_id)


def get(store: Store, attachment_id: int) -> Attachment:
    """One attachment row (removed or not); KeyError if there is none."""
    rows = _rows(store, "SELECT * FROM attachment WHERE id = ?", (attachment_id,))
    if not rows:
        raise KeyError(f"附件第 {attachment_id} 条不存在")
    return rows[0]


def list_for(store: Store, register_key: str, record_id: int) -> list[Attachment]:
    """The live attachments of a row, in the order they were added."""
    return _rows(
        store,
        "SELECT * FROM attachment WHERE register = ? AND record_id = ? AND voided_at IS NULL "
        "ORDER BY id",
        (register_key, record_id),
    )


def path_of(store: Store, attachment: Attachment) -> Path:
    """Where the attachment's file lies in the data folder."""
    return store.attachment_dir / str(attachment["stored_name"])


def remove(store: Store, attachment_id: int) -> None:
    """Unlink an attachment from its row (soft); the file stays, another row may share it."""
    with store.transaction() as c:
        stamp = now_text()
        c.execute(
            "UPDATE attachment SET voided_at = ?, updated_at = ? "
            "WHERE id = ? AND voided_at IS NULL",
            (stamp, stamp, attachment_id),
        )
