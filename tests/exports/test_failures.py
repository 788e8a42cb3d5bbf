"""Exports that fail or are cancelled leave nothing behind and say why in Chinese."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from openpyxl.worksheet import _writer as openpyxl_writer

from officedesk.core.registers import INCOMING_DOCUMENT
from officedesk.exports import ExportCancelled, ExportError, export_processing_slip, export_rows

from .samples import META

R = INCOMING_DOCUMENT
SUFFIXES = (".xlsx", ".docx", ".csv")


def rows(n: int) -> Iterator[dict[str, Any]]:
    for i in range(n):
        yield {"serial": f"收〔2024〕{i + 1}号", "received_at": "2024-05-10 09:30:00",
               "title": f"标题{i}", "due_date": "2024-05-20"}  # fmt: skip


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


@pytest.mark.parametrize("suffix", SUFFIXES)
def test_folder_that_is_a_file(tmp_path: Path, suffix: str) -> None:
    afile = tmp_path / "afile"
    afile.write_text("x")
    target = afile / f"x{suffix}"
    with pytest.raises(ExportError) as caught:
        export_rows(target, R, rows(3), META)
    assert str(target) in str(caught.value) and "不是文件夹" in str(caught.value)
    assert leftovers(tmp_path) == ["afile"]


@pytest.mark.parametrize("suffix", SUFFIXES)
def test_missing_folder(tmp_path: Path, suffix: str) -> None:
    target = tmp_path / "没有" / f"x{suffix}"
    with pytest.raises(ExportError, match="不存在") as caught:
        export_rows(target, R, rows(3), META)
    assert str(target) in str(caught.value)
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize("suffix", SUFFIXES)
def test_cancel_leaves_nothing(tmp_path: Path, suffix: str) -> None:
    seen: list[int] = []

    def progress(done: int) -> bool:
        seen.append(done)
        return done < 2000

    target = tmp_path / f"x{suffix}"
    with pytest.raises(ExportCancelled, match="已取消") as caught:
        export_rows(target, R, rows(2500), META, progress)
    assert isinstance(caught.value, ExportError)
    assert seen == [1000, 2000]
    assert leftovers(tmp_path) == []
    assert [p for p in openpyxl_writer.ALL_TEMP_FILES if os.path.exists(p)] == []


@pytest.mark.parametrize("suffix", SUFFIXES)
def test_progress_reports_and_a_late_cancel(tmp_path: Path, suffix: str) -> None:
    seen: list[int] = []
    target = tmp_path / f"x{suffix}"
    assert export_rows(target, R, rows(2500), META, lambda n: seen.append(n) is None) == 2500
    assert seen == [1000, 2000, 2500]
    with pytest.raises(ExportCancelled):
        export_rows(target, R, rows(5), META, lambda n: False)  # cancelled at the very end
    assert leftovers(tmp_path) == [target.name]  # the earlier export is untouched


@pytest.mark.parametrize("suffix", SUFFIXES)
def test_disk_full_at_the_end(tmp_path: Path, suffix: str, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / f"x{suffix}"
    target.write_bytes(b"old")

    def full(src: object, dst: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "replace", full)
    with pytest.raises(ExportError, match="磁盘空间不足") as caught:
        export_rows(target, R, rows(3), META)
    assert str(target) in str(caught.value)
    assert leftovers(tmp_path) == [target.name]
    assert target.read_bytes() == b"old"


def test_permission_denied(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import builtins

    real_open = builtins.open

    def locked(file: Any, *args: Any, **kwargs: Any) -> Any:
        if str(file).endswith(".part"):
            raise PermissionError(errno.EACCES, "Permission denied", str(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", locked)
    with pytest.raises(ExportError, match=r"没有权限写入.*关闭"):
        export_rows(tmp_path / "x.csv", R, rows(3), META)


def test_a_bug_is_not_dressed_up_but_still_cleans_up(tmp_path: Path) -> None:
    def broken() -> Iterator[dict[str, Any]]:
        yield from rows(2)
        raise RuntimeError("bug")

    for suffix in SUFFIXES:
        with pytest.raises(RuntimeError, match="bug"):
            export_rows(tmp_path / f"x{suffix}", R, broken(), META)
    assert leftovers(tmp_path) == []


def test_unknown_suffix(tmp_path: Path) -> None:
    with pytest.raises(ExportError, match=r"不支持「\.pdf」.*\.xlsx"):
        export_rows(tmp_path / "x.pdf", R, rows(1), META)
    assert leftovers(tmp_path) == []


def test_slip_into_a_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="不存在"):
        export_processing_slip(tmp_path / "没有" / "x.docx", {}, "青山林业局", "办文")


def test_exports_never_import_qt() -> None:
    code = (
        "import sys, officedesk.exports, officedesk.exports.xlsx, officedesk.exports.docx_forms;"
        "bad = [m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6')];"
        "print(bad); sys.exit(1 if bad else 0)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.mark.parametrize("suffix", SUFFIXES)
def test_every_register_exports(tmp_path: Path, suffix: str) -> None:
    from officedesk.core.registers import REGISTERS

    for register in REGISTERS:
        target = tmp_path / f"{register.key}{suffix}"
        row = {f.name: None for f in register.fields} | {register.fields[0].name: "0001"}
        assert export_rows(target, register, [row, {}], META) == 2, register.key
        assert target.stat().st_size > 0
    assert sorted(p.suffix for p in tmp_path.iterdir()) == [suffix] * len(REGISTERS)
