"""What every export shares: its options, its errors, its columns, and writing a file atomically."""

from __future__ import annotations

import datetime as dt
import errno
import os
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from officedesk.core.fields import Field, Kind, Register
from officedesk.core.traffic import Light, light

Progress = Callable[[int], bool]
PROGRESS_EVERY = 1000  # rows between two progress calls

LIGHT_LABEL = "时限状态"  # the computed traffic-light column of registers with a deadline
LIGHT_WIDTH = 5

# Fonts are named, never shipped: Word and Excel substitute what the machine has.
TITLE_FONT = "黑体"
BODY_FONT = "宋体"
FORM_FONT = "仿宋"
HEADER_FILL = "D9E1F2"  # header rows: a pale blue-grey that still reads on a mono printer

# Text that a spreadsheet would take for a formula (OWASP "CSV injection": also tab and CR).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

# Characters XML 1.0 cannot hold; a pasted control character must not break an export.
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


@dataclass(frozen=True)
class ExportMeta:
    """What an export says about itself: whose register, which part of it, seen on which day."""

    unit_name: str  # 单位名称 from settings, goes in the title
    subtitle: str = ""  # e.g. "2024年" or "2024年 · 检索：森林防火"
    today: dt.date = field(default_factory=dt.date.today)
    due_soon_days: int = 3


class ExportError(Exception):
    """An export that could not be written; the message is a Chinese sentence naming the file."""

    def __init__(self, message: str, path: Path | None = None) -> None:
        super().__init__(message)
        self.path = path


class ExportCancelled(ExportError):
    """The user cancelled an export; nothing was left behind."""


@dataclass(frozen=True)
class Column:
    """One column of an exported register: a field, or the computed traffic light (field None)."""

    label: str
    width: int  # in Chinese characters
    field: Field | None = None

    @property
    def kind(self) -> Kind | None:
        return self.field.kind if self.field is not None else None


def columns(register: Register, fields: tuple[Field, ...] | None = None) -> list[Column]:
    """The columns of an export: `fields` (default: exported ones), the light after the due date."""
    chosen = register.exported_fields if fields is None else fields
    result: list[Column] = []
    for f in chosen:
        result.append(Column(f.label, max(f.width, len(f.label)), f))
        if f.name == register.due_field:
            result.append(Column(LIGHT_LABEL, LIGHT_WIDTH))
    if register.due_field and not any(c.field is None for c in result):
        result.append(Column(LIGHT_LABEL, LIGHT_WIDTH))  # deadline not exported: light at the end
    return result


def light_of(register: Register, row: dict[str, Any], meta: ExportMeta) -> Light:
    """The traffic light of a row (Light.NONE for registers without a deadline)."""
    if not register.due_field:
        return Light.NONE
    done = row.get(register.done_field) if register.done_field else None
    try:
        return light(row.get(register.due_field), done, meta.today, meta.due_soon_days)
    except ValueError:  # a stored date that is not a date: no light rather than no export
        return Light.NONE


def register_title(register: Register, meta: ExportMeta) -> str:
    """The title printed above a register: 某某林业局收文登记簿."""
    return f"{meta.unit_name}{register.title}"


def subtitle_line(meta: ExportMeta) -> str:
    """The line under the title: the part of the register shown and the export date."""
    stamp = f"导出日期：{meta.today.isoformat()}"
    return f"{meta.subtitle}　　{stamp}" if meta.subtitle else stamp


def xml_text(value: str) -> str:
    """`value` without the control characters XML cannot hold."""
    return _XML_ILLEGAL.sub("", value)


def looks_like_formula(text: str) -> bool:
    """Whether a spreadsheet would read this text as a formula if it were typed in."""
    return text.startswith(FORMULA_STARTS)


class Ticker:
    """Calls `progress` every PROGRESS_EVERY rows and turns a False answer into ExportCancelled."""

    def __init__(self, progress: Progress | None, path: Path) -> None:
        self.progress = progress
        self.path = path

    def check(self, done: int) -> None:
        """Report `done` rows; raise ExportCancelled if the user asked to stop."""
        if self.progress is not None and self.progress(done) is False:
            raise ExportCancelled(f"已取消导出，未生成文件「{self.path}」。", self.path)


# -- writing a file atomically ---------------------------------------------------------------


def temp_path(path: Path) -> Path:
    """The temporary name an export is written under, beside the file it becomes."""
    return path.with_name(f".~{path.name}.part")


def os_error_message(exc: OSError, path: Path) -> str:
    """A Chinese sentence for an OS error while writing `path`: what happened and what to do."""
    folder = path.parent
    code = exc.errno
    if code == errno.ENOENT:
        return f"无法导出到「{path}」：文件夹「{folder}」不存在。请选择一个已有的文件夹。"
    if code == errno.ENOTDIR:
        return f"无法导出到「{path}」：路径中的「{folder}」不是文件夹。请重新选择保存位置。"
    if code == errno.EISDIR:
        return f"无法导出到「{path}」：已有同名文件夹。请换一个文件名。"
    if code in (errno.EACCES, errno.EPERM):
        return (
            f"没有权限写入「{path}」。如果该文件正在 Excel、WPS 或 Word 中打开，请先关闭它；"
            "否则请换一个有写入权限的文件夹。"
        )
    if code in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        return f"磁盘空间不足，无法写入「{path}」。请清理磁盘空间或换一个磁盘后重试。"
    if code == errno.EROFS:
        return f"「{folder}」所在的磁盘是只读的，无法写入「{path}」。请换一个保存位置。"
    if code == errno.ENAMETOOLONG:
        return f"文件名或路径太长，无法写入「{path}」。请换一个较短的文件名或文件夹。"
    reason = exc.strerror or exc.__class__.__name__
    return f"无法写入「{path}」：{reason}。请检查磁盘和文件夹权限后重试。"


@contextmanager
def atomic_output(path: Path) -> Iterator[Path]:
    """Yield a temporary path beside `path`; on success it becomes `path`, on any failure it goes.

    OS errors become ExportError naming `path`; other errors (bugs) pass through after cleaning up.
    """
    path = Path(path)
    tmp = temp_path(path)
    try:
        # Fail before the slow part: the folder must exist and take a file.
        with open(tmp, "wb"):
            pass
        yield tmp
        os.replace(tmp, path)
    except OSError as exc:
        _remove(tmp)
        raise ExportError(os_error_message(exc, path), path) from exc
    except BaseException:
        _remove(tmp)
        raise


def _remove(tmp: Path) -> None:
    with suppress(OSError):  # never created, or already gone: nothing to clean
        tmp.unlink()
