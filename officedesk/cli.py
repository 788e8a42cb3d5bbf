"""The command line: the GUI by default, sub-commands for batch work.

Exit status 0 on success, 1 on failure with one clear line on stderr, 2 on a usage error.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from officedesk import __version__

PROCESS_START = time.time()

REGISTER_KEYS = ("documents", "supervision", "meetings", "visitors", "receptions", "petitions",
                 "archive")  # fmt: skip


class CommandError(Exception):
    """A failure to report on one line of stderr (exit status 1)."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        print(f"officedesk: 用法错误：{message}", file=sys.stderr)
        raise SystemExit(2)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser for every sub-command."""
    p = _Parser(
        prog="officedesk",
        description="办公桌：收文、督办、会议、接待与档案登记。不带子命令时启动图形界面。",
    )
    p.add_argument("--version", action="version", version=f"officedesk {__version__}")
    p.add_argument("--data-dir", metavar="DIR",
                   help="数据文件夹（默认：用户数据文件夹；也可用环境变量 OFFICEDESK_DATA）")  # fmt: skip
    sub = p.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    d = sub.add_parser("demo", help="用示例数据填充每个登记簿")
    d.add_argument("--rows", type=int, default=2000, help="收文条数（默认 2000）")
    d.add_argument("--seed", type=int, default=20261121, help="随机种子（相同种子生成相同数据）")
    d.add_argument("--supervision", type=int, default=0, metavar="N",
                   help="另外生成 N 条督办事项（默认 0，只有少量示例）")  # fmt: skip

    e = sub.add_parser("export", help="导出登记簿：按扩展名生成 .xlsx .docx .pdf .csv")
    e.add_argument("register", choices=REGISTER_KEYS, metavar="REGISTER",
                   help="登记簿：" + " ".join(REGISTER_KEYS))  # fmt: skip
    e.add_argument("file", help="导出文件（扩展名决定格式）")
    e.add_argument("--year", type=int, help="只导出该年度")
    e.add_argument("--search", default="", help="只导出检索到的记录")
    e.add_argument("--full-id", action="store_true",
                   help="本次导出显示完整证件号码（默认只显示前 6 位和后 4 位）")  # fmt: skip

    s = sub.add_parser("search", help="检索登记簿（任意长度的中文词、拼音首字母）")
    s.add_argument("text", help="检索词，空格分隔的多个词须同时出现")
    s.add_argument("--register", choices=REGISTER_KEYS, default="documents", metavar="R")
    s.add_argument("--json", action="store_true", help="以 JSON 输出：count、elapsed_ms、rows")
    s.add_argument("--limit", type=int, default=50, help="输出的条数（默认 50）")
    s.add_argument("--full-id", action="store_true",
                   help="显示完整证件号码（默认只显示前 6 位和后 4 位）")  # fmt: skip

    c = sub.add_parser("catalogue", help="归档文件目录（含封面）：按扩展名生成 .docx .xlsx .pdf")
    c.add_argument("file", help="输出文件（扩展名决定格式）")
    c.add_argument("--year", type=int, help="只输出该年度")
    c.add_argument("--by-retention", action="store_true",
                   help="按 年度 × 保管期限 分册（默认每年度一册）")  # fmt: skip

    r = sub.add_parser("report", help="督办通报（.docx，GB/T 9704 格式）")
    r.add_argument("file", help="输出的 .docx 文件")
    r.add_argument("--date", help="通报日期 YYYY-MM-DD（默认今天）")
    r.add_argument("--since", help="统计办结事项的起始日期（默认当月 1 日）")

    sub.add_parser("check", help="检查数据库完整性、检索索引与编号")

    t = sub.add_parser(
        "selftest", help="启动图形界面、依次显示每个标签页，报告启动到首次绘制的时间"
    )
    t.add_argument("--json", action="store_true", help="以 JSON 输出")
    return p


def _open_store(args: argparse.Namespace, *, writer: bool) -> Any:
    from officedesk.storage.db import Store

    return Store.open(args.data_dir, writer=writer)


EXTRA_COUNT_LABELS = {"boxes": "档案盒", "document_steps": "收文办理步骤"}


def _count_label(key: str) -> str:
    """What the demo made, in the office's words: 收文登记, 档案盒…"""
    from officedesk.core.registers import BY_KEY

    register = BY_KEY.get(key)
    return register.short if register is not None else EXTRA_COUNT_LABELS.get(key, key)


def cmd_demo(args: argparse.Namespace) -> int:
    """Fill every register with realistic sample data."""
    from officedesk import demo

    if args.supervision < 0:
        raise CommandError("--supervision 不能为负数")
    if args.rows < 0:
        raise CommandError("--rows 不能为负数")
    with _open_store(args, writer=True) as store:
        report = demo.fill(store, args.rows, seed=args.seed, supervision=args.supervision,
                           progress=lambda msg: print(msg, file=sys.stderr))  # fmt: skip
        parts = "，".join(f"{_count_label(k)} {v:,} 条" for k, v in report.counts.items())
        print(f"已生成示例数据：{parts}（用时 {report.seconds:.1f} 秒）")
        print(f"数据文件夹：{store.data_dir}")
    return 0


def _query(store: Any, register_key: str, search: str = "", year: int | None = None) -> Any:
    from officedesk.core.registers import register
    from officedesk.storage.query import Query

    return Query(register(register_key), search=search, year=year)


def cmd_search(args: argparse.Namespace) -> int:
    """Search a register and print the first page of rows."""
    from officedesk.core.fields import format_value, masked_record
    from officedesk.storage import query as q

    with _open_store(args, writer=False) as store:
        query = _query(store, args.register, args.text)
        result = q.search(store, query, limit=args.limit)
    reg = query.register
    if args.json:
        rows = [{k: v for k, v in masked_record(reg, r).items() if k != "uuid"}
                for r in result.rows]  # fmt: skip
        print(json.dumps({"register": reg.key, "query": args.text, "count": result.count,
                          "elapsed_ms": round(result.elapsed_ms, 2), "rows": rows},
                         ensure_ascii=False, indent=1))  # fmt: skip
        return 0
    cols = reg.shown_fields[:6]
    print(f"共 {result.count} 条（{result.elapsed_ms:.1f} 毫秒）")
    for row in result.rows:
        print("  ".join(format_value(f, row.get(f.name)) for f in cols))
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    """Export a register (filtered by year and search) to .xlsx, .docx, .pdf or .csv."""
    from officedesk.export_service import export_register

    path = Path(args.file)
    with _open_store(args, writer=False) as store:
        query = _query(store, args.register, args.search, args.year)
        n = export_register(store, query, path)
    print(f"已导出 {n} 条到 {path}")
    return 0


def cmd_catalogue(args: argparse.Namespace) -> int:
    """The 归档文件目录 (covers and table) of one year or every year, .docx/.xlsx/.pdf."""
    from officedesk.archive_service import export_catalogue

    path = Path(args.file)
    with _open_store(args, writer=False) as store:
        n = export_catalogue(store, path, args.year, by_retention=args.by_retention)
    print(f"已输出归档文件目录 {n} 件到 {path}")
    return 0


def _date_arg(text: str | None, name: str) -> dt.date | None:
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise CommandError(f"「{name}」不是有效日期（应如 2026-11-21）：{text}") from None


def cmd_report(args: argparse.Namespace) -> int:
    """The 督办通报 of a day as a .docx."""
    from officedesk.exports.supervision_report import write_store_report

    path = Path(args.file)
    if path.suffix.lower() != ".docx":
        raise CommandError(f"督办通报只能输出为 .docx，不是「{path}」")
    today = _date_arg(args.date, "--date") or dt.date.today()
    since = _date_arg(args.since, "--since")
    with _open_store(args, writer=False) as store:
        write_store_report(store, path, today, since)
    print(f"已输出督办通报到 {path}")
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    """Check the database: integrity, search index size, serial numbers."""
    from officedesk.storage.maintenance import check

    with _open_store(args, writer=False) as store:
        problems, facts = check(store)
    for line in facts:
        print(line)
    for line in problems:
        print(f"问题：{line}", file=sys.stderr)
    if problems:
        raise CommandError(f"检查发现 {len(problems)} 个问题")
    print("检查通过")
    return 0


def cmd_selftest(args: argparse.Namespace) -> int:
    """Start the GUI, show every tab once, report start-up time."""
    from officedesk.ui.app import qt_messages_to_log, selftest

    with qt_messages_to_log():
        result = selftest(args.data_dir, _start_time() or PROCESS_START)
    if args.json:
        print(json.dumps(result, ensure_ascii=False))
    else:
        print(
            f"首次绘制主窗口用时 {result['first_paint_s']:.3f} 秒；标签页：{'、'.join(result['tabs'])}"
        )
    return 0


def _start_time() -> float | None:
    """When this process started (epoch seconds), from the OS; None if it cannot tell."""
    try:
        if sys.platform.startswith("linux"):
            with open("/proc/self/stat", encoding="ascii") as fh:
                start_ticks = int(fh.read().rsplit(")", 1)[1].split()[19])
            with open("/proc/uptime", encoding="ascii") as fh:
                uptime = float(fh.read().split()[0])
            return time.time() - uptime + start_ticks / os.sysconf("SC_CLK_TCK")
        if sys.platform == "win32":  # pragma: no cover - Windows only
            import ctypes
            from ctypes import wintypes

            creation, exit_, kernel, user = (wintypes.FILETIME() for _ in range(4))
            handle = ctypes.windll.kernel32.GetCurrentProcess()
            ctypes.windll.kernel32.GetProcessTimes(handle, ctypes.byref(creation),
                                                   ctypes.byref(exit_), ctypes.byref(kernel),
                                                   ctypes.byref(user))  # fmt: skip
            ticks = (creation.dwHighDateTime << 32) + creation.dwLowDateTime
            return ticks / 1e7 - 11644473600
    except (OSError, ValueError, IndexError):
        return None
    return None


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "demo": cmd_demo,
    "search": cmd_search,
    "export": cmd_export,
    "catalogue": cmd_catalogue,
    "report": cmd_report,
    "check": cmd_check,
    "selftest": cmd_selftest,
}


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    import multiprocessing

    multiprocessing.freeze_support()  # the console script of a frozen build, too
    args = build_parser().parse_args(argv)
    if args.command is None:
        from officedesk.ui.app import run

        return run(args.data_dir, process_start=_start_time() or PROCESS_START)
    return run_command(COMMANDS[args.command], args)


# Failures that are the user's or the machine's, not the program's: one line on stderr.
# Matched by name so that reporting them does not import openpyxl or Qt at start-up.
KNOWN_FAILURES = {"CommandError", "StorageError", "AlreadyOpen", "ValidationError", "ExportError",
                  "ExportCancelled", "PrintError", "PrintCancelled"}  # fmt: skip


def run_command(command: Callable[[argparse.Namespace], int], args: argparse.Namespace) -> int:
    """Run one sub-command, turning known failures into one Chinese line on stderr."""
    from contextlib import nullcontext

    from officedesk.core.fields import reveal_sensitive

    # 证件号码 stay masked unless this one command was explicitly asked for them (--full-id).
    reveal = reveal_sensitive() if getattr(args, "full_id", False) else nullcontext()
    try:
        with reveal:
            return command(args)
    except KeyboardInterrupt:
        print("officedesk: 已中断", file=sys.stderr)
        return 1
    except Exception as exc:
        known = {cls.__name__ for cls in type(exc).__mro__} & KNOWN_FAILURES
        if known or isinstance(exc, KeyError):
            message = exc.args[0] if isinstance(exc, KeyError) and exc.args else str(exc)
            print(f"officedesk: {message}", file=sys.stderr)
            return 1
        if os.environ.get("OFFICEDESK_DEBUG"):
            raise
        print(f"officedesk: 程序内部错误（{type(exc).__name__}: {exc}）。请把这行信息告诉维护人员；"
              "设置环境变量 OFFICEDESK_DEBUG=1 再运行可看到详细信息。", file=sys.stderr)  # fmt: skip
        return 1


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
