"""The command line, run as a real process: exit codes, messages, files."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest


def run(
    *args: str, data: Path | None = None, check: bool = False
) -> subprocess.CompletedProcess[str]:
    cmd = [sys.executable, "-m", "officedesk"]
    if data is not None:
        cmd += ["--data-dir", str(data)]
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([*cmd, *args], capture_output=True, text=True, timeout=300, env=env,
                          check=check)  # fmt: skip


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    data = tmp_path_factory.mktemp("cli") / "data"
    out = run("demo", "--rows", "500", data=data)
    assert out.returncode == 0, out.stderr
    assert "收文登记 500 条" in out.stdout and "档案盒" in out.stdout  # the office's words
    assert f"数据文件夹：{data}" in out.stdout.splitlines()
    return data


def test_version_and_help() -> None:
    from officedesk import __version__

    out = run("--version")
    assert out.returncode == 0 and __version__ in out.stdout
    out = run("--help")
    assert out.returncode == 0 and "demo" in out.stdout and "export" in out.stdout


def test_usage_error_exits_2_with_one_clear_line() -> None:
    out = run("export", "nosuchregister", "x.xlsx")
    assert out.returncode == 2 and "用法错误" in out.stderr


def test_search_json(demo_dir: Path) -> None:
    out = run("search", "林", "--json", data=demo_dir)
    assert out.returncode == 0, out.stderr
    result = json.loads(out.stdout)
    assert result["count"] > 0 and "elapsed_ms" in result
    assert 0 < len(result["rows"]) <= 50
    assert all("林" in (r["title"] + r["sender"] + r["serial"] + (r["sender_ref"] or "") +
                       (r["remarks"] or "")) for r in result["rows"])  # fmt: skip


def test_export_xlsx_with_year_and_search(demo_dir: Path, tmp_path: Path) -> None:
    target = tmp_path / "收文.xlsx"
    out = run("export", "documents", str(target), "--search", "防火", data=demo_dir)
    assert out.returncode == 0, out.stderr
    wb = openpyxl.load_workbook(target)
    ws = wb.active
    values = [c.value for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
    assert any("防火" in v for v in values)
    assert any("收文登记簿" in v for v in values)


def test_export_to_unwritable_place_fails_cleanly(demo_dir: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "afile"
    blocker.write_text("x")
    target = blocker / "out.xlsx"
    out = run("export", "documents", str(target), data=demo_dir)
    assert out.returncode == 1
    assert out.stderr.count("\n") == 1 and "out.xlsx" in out.stderr
    assert "Traceback" not in out.stderr
    out = run("export", "documents", str(tmp_path / "x.txt"), data=demo_dir)
    assert out.returncode == 1 and "只支持" in out.stderr
    assert not (tmp_path / "x.txt").exists()


def test_check_passes_on_demo_data(demo_dir: Path) -> None:
    out = run("check", data=demo_dir)
    assert out.returncode == 0, out.stderr
    assert "检查通过" in out.stdout and "收文登记：" in out.stdout


def test_corrupt_file_gives_one_line(tmp_path: Path) -> None:
    data = tmp_path / "bad"
    data.mkdir()
    (data / "officedesk.db").write_bytes(b"PK\x03\x04 not a database" * 50)
    out = run("search", "林", data=data)
    assert out.returncode == 1 and "不是办公桌的数据库文件" in out.stderr
    assert "Traceback" not in out.stderr


def test_demo_refuses_while_the_app_has_the_folder(tmp_path: Path) -> None:
    from officedesk.storage.db import Store

    data = tmp_path / "busy"
    with Store.open(data):
        out = run("demo", "--rows", "10", data=data)
    assert out.returncode == 1 and "已经打开" in out.stderr


def test_exports_run_in_registration_order(demo_dir: Path, tmp_path: Path) -> None:
    import csv

    target = tmp_path / "收文.csv"
    assert run("export", "documents", str(target), "--year", "2026", data=demo_dir).returncode == 0
    with open(target, encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    times = [r["签收时间"] for r in rows]
    assert len(rows) > 10 and times == sorted(times)
    assert all(t.startswith("2026") for t in times)


def test_an_unexpected_error_is_one_line_not_a_traceback(monkeypatch: pytest.MonkeyPatch,
                                                          capsys: pytest.CaptureFixture[str]) -> None:  # fmt: skip
    from officedesk import cli

    def broken(_args: object) -> int:
        raise ZeroDivisionError("division by zero")

    monkeypatch.delenv("OFFICEDESK_DEBUG", raising=False)
    assert cli.run_command(broken, None) == 1  # type: ignore[arg-type]
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "程序内部错误" in err and "ZeroDivisionError" in err
    monkeypatch.setenv("OFFICEDESK_DEBUG", "1")
    with pytest.raises(ZeroDivisionError):
        cli.run_command(broken, None)  # type: ignore[arg-type]


def test_selftest_opens_every_tab_and_times_the_first_paint(demo_dir: Path) -> None:
    out = run("selftest", "--json", data=demo_dir)
    assert out.returncode == 0, out.stderr
    result = json.loads(out.stdout)
    assert result["tabs"][:2] == ["工作台", "收文登记"] and "档案" in result["tabs"]
    assert 490 <= result["rows"] <= 500  # live rows (a few demo rows are voided)
    assert 0 < result["first_paint_s"] < 30
    assert out.stderr == ""  # Qt's notices go to the log file, not the console


def test_estimated_deadline_marked_in_csv_export(tmp_path: Path) -> None:
    import csv

    from officedesk.core.registers import INCOMING_DOCUMENT as DOC
    from officedesk.storage import records
    from officedesk.storage.db import Store

    data = tmp_path / "est"
    with Store.open(data) as store:
        records.insert(store, DOC, {"received_at": "2030-12-20 09:00", "sender": "省林业局",
                                    "title": "跨入无节假日数据年份的文件", "due_date": "2031-01-10",
                                    "due_n": 14, "due_unit": "工作日", "due_estimated": True})  # fmt: skip
    target = tmp_path / "x.csv"
    assert run("export", "documents", str(target), data=data).returncode == 0
    with open(target, encoding="utf-8-sig", newline="") as fh:
        row = next(csv.DictReader(fh))
    assert row["办理时限"] == "2031-01-10（估）"


def test_demo_refuses_a_folder_that_already_has_documents(demo_dir: Path) -> None:
    out = run("demo", "--rows", "10", data=demo_dir)
    assert out.returncode == 1 and "已有收文登记" in out.stderr and "--data-dir" in out.stderr
    assert "程序内部错误" not in out.stderr
