"""Storage errors split by fault: the environment (tell the user) versus a bug (report it)."""

from __future__ import annotations

import errno
import sqlite3
from pathlib import Path


class StorageError(Exception):
    """A problem of the machine, not of the program: disk full, read-only, locked, corrupt, missing.

    `str(error)` is a complete Chinese sentence saying what happened, where, and what to do.
    """

    def __init__(self, message: str, kind: str = "environment") -> None:
        super().__init__(message)
        self.kind = kind


class AlreadyOpen(StorageError):
    """Another officedesk already has this data folder open for writing."""

    def __init__(self, data_dir: Path) -> None:
        super().__init__(
            f"办公桌已经打开了数据文件夹「{data_dir}」。请切换到已打开的窗口；"
            "如果确认没有打开，请重新启动计算机后再试。",
            kind="already_open",
        )


class ValidationError(Exception):
    """A record that breaks a rule; the message names the field. Nothing was written."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


_MESSAGES = {
    sqlite3.SQLITE_BUSY: ("locked", "数据库「{path}」正被其他程序占用（已锁定），请关闭其他正在使用它的程序后重试。"),
    sqlite3.SQLITE_LOCKED: ("locked", "数据库「{path}」正被其他程序占用（已锁定），请关闭其他正在使用它的程序后重试。"),
    sqlite3.SQLITE_FULL: ("disk_full", "磁盘已满，无法写入「{path}」。请清理磁盘空间后重试，本次修改未保存。"),
    sqlite3.SQLITE_READONLY: ("read_only", "数据库「{path}」是只读的，无法保存。请检查文件属性或文件夹权限。"),
    sqlite3.SQLITE_CORRUPT: ("corrupt", "数据库「{path}」已损坏。请从备份恢复（officedesk restore），或联系管理员。"),
    sqlite3.SQLITE_NOTADB: ("corrupt", "「{path}」不是办公桌的数据库文件，或文件已损坏。"),
    sqlite3.SQLITE_CANTOPEN: ("cant_open", "无法打开数据库「{path}」。请检查文件夹是否存在、是否有权限。"),
    sqlite3.SQLITE_IOERR: ("io", "读写数据库「{path}」时出错（磁盘或网络故障）。请检查磁盘后重试。"),
    sqlite3.SQLITE_PERM: ("read_only", "没有权限访问数据库「{path}」。"),
}  # fmt: skip


def classify(exc: BaseException, path: Path | str) -> StorageError | None:
    """The StorageError for an environment problem, or None when `exc` is a bug."""
    if isinstance(exc, StorageError):
        return exc
    if isinstance(exc, sqlite3.Error):
        code = getattr(exc, "sqlite_errorcode", None)
        if code is not None:
            found = _MESSAGES.get(code & 0xFF)
            if found:
                return StorageError(found[1].format(path=path), kind=found[0])
        text = str(exc).lower()
        for needle, code in (
            ("locked", sqlite3.SQLITE_BUSY),
            ("disk is full", sqlite3.SQLITE_FULL),
            ("readonly", sqlite3.SQLITE_READONLY),
            ("malformed", sqlite3.SQLITE_CORRUPT),
            ("not a database", sqlite3.SQLITE_NOTADB),
            ("unable to open", sqlite3.SQLITE_CANTOPEN),
            ("disk i/o", sqlite3.SQLITE_IOERR),
        ):
            if needle in text:
                kind, message = _MESSAGES[code]
                return StorageError(message.format(path=path), kind=kind)
        return None
    if isinstance(exc, OSError):
        return os_error(exc, path)
    return None


def os_error(exc: OSError, path: Path | str) -> StorageError:
    """A Chinese message for a file-system error on `path`."""
    if exc.errno == errno.ENOSPC:
        return StorageError(f"磁盘已满，无法写入「{path}」。请清理磁盘空间后重试。", "disk_full")
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return StorageError(
            f"没有权限写入「{path}」（文件只读、被占用或文件夹受保护）。", "read_only"
        )
    if exc.errno == errno.ENOENT:
        return StorageError(f"找不到「{path}」。", "missing")
    if isinstance(exc, IsADirectoryError):
        return StorageError(f"「{path}」是一个文件夹，不是文件。", "missing")
    return StorageError(f"无法读写「{path}」：{exc.strerror or exc}", "io")
