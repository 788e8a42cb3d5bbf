"""Benchmark the register exports: .xlsx against XlsxWriter's constant-memory mode, and .docx.

Usage:
    python bench/bench_export.py                     100,000 rows to .xlsx, 5,000 to .docx
    python bench/bench_export.py --rows 20000 --repeat 1 --keep /tmp/out

Each export runs in its own process, which reports its time and its peak resident memory, so the
two xlsx writers are measured side by side on the same rows from the same store. Not a test: it
prints figures (median of --repeat runs) for the closing note of an issue.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from officedesk.core.fields import Kind, Register
from officedesk.core.registers import INCOMING_DOCUMENT
from officedesk.exports import ExportMeta, export_rows
from officedesk.exports.common import (
    columns,
    light_of,
    register_title,
    subtitle_line,
)
from officedesk.storage import records
from officedesk.storage.db import Store
from officedesk.storage.query import Query, iter_rows

TODAY = dt.date(2025, 6, 30)
META = ExportMeta(unit_name="青山林业局", subtitle="2023—2025年", today=TODAY)


# -- data ------------------------------------------------------------------------------------


def _documents(n: int) -> Iterator[dict[str, Any]]:
    """`n` realistic 收文 rows in stored form: the demo generator when there is one."""
    rng = random.Random(20240601)
    try:
        from officedesk.demo import documents

        yield from documents(rng, n, TODAY, 3, "收〔{YYYY}〕{n}号")
        return
    except ImportError:
        pass
    senders = ("省林业和草原局", "市人民政府办公室", "市应急管理局", "省自然资源厅", "东风林场")
    topics = ("春季森林防火工作", "安全生产大检查", "林长制工作", "松材线虫病疫情防控")
    start = dt.datetime(2023, 1, 3, 8, 30)
    for i in range(n):
        when = start + dt.timedelta(minutes=13 * i)
        due = when.date() + dt.timedelta(days=rng.choice((5, 10, 15)))
        done = due + dt.timedelta(days=rng.randint(-8, 3)) if rng.random() < 0.7 else None
        yield {
            "serial": f"收〔{when.year}〕{i + 1}号", "received_at": when.isoformat(sep=" "),
            "sender": rng.choice(senders), "sender_ref": f"林草发〔{when.year}〕{i % 300 + 1}号",
            "title": f"关于做好{rng.choice(topics)}的通知", "secrecy": "无", "urgency": "无",
            "copies": 1, "handling": "办件", "lead_dept": "办公室", "handler": "王伟",
            "due_date": due.isoformat(), "done_on": done.isoformat() if done else None,
            "status": "已办结" if done else "办理中",
        }  # fmt: skip


def fill(data_dir: Path, n: int) -> None:
    """A store holding `n` 收文 rows."""
    start = time.perf_counter()
    with Store.open(data_dir) as store:
        records.bulk_insert(store, INCOMING_DOCUMENT, _documents(n))
    print(f"filled {n:,} rows in {time.perf_counter() - start:.1f} s", flush=True)


def _rows(data_dir: Path, limit: int) -> Iterable[dict[str, Any]]:
    store = Store.open(data_dir, writer=False, migrate=False)
    query = Query(INCOMING_DOCUMENT, sort="received_at", descending=False, today=TODAY)
    for i, row in enumerate(iter_rows(store, query)):
        if i >= limit:
            break
        yield row


# -- the XlsxWriter baseline: the same sheet, the same formatting ------------------------------


def xlsxwriter_export(path: Path, register: Register, rows: Iterable[dict[str, Any]]) -> int:
    """The register written with XlsxWriter in constant-memory mode, formatted like ours."""
    import xlsxwriter

    cols = columns(register)
    wb = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    ws = wb.add_worksheet(register.short)
    grid = {"border": 1, "border_color": "#808080", "font_name": "宋体", "font_size": 10,
            "valign": "vcenter"}  # fmt: skip
    title = wb.add_format({"font_name": "黑体", "font_size": 16, "bold": True, "align": "center",
                           "valign": "vcenter"})  # fmt: skip
    sub = wb.add_format({"font_name": "宋体", "font_size": 10, "font_color": "#404040",
                         "align": "center", "valign": "vcenter"})  # fmt: skip
    head = wb.add_format({**grid, "bold": True, "bg_color": "#D9E1F2", "align": "center",
                          "text_wrap": True})  # fmt: skip
    kinds = {
        Kind.DATE: {"num_format": "yyyy-mm-dd", "align": "center"},
        Kind.DATETIME: {"num_format": "yyyy-mm-dd hh:mm", "align": "center"},
        Kind.INT: {"num_format": "0", "align": "center"},
        Kind.CODE: {"num_format": "@"},
        Kind.TEXT: {"text_wrap": True},
        Kind.LONGTEXT: {"text_wrap": True},
    }
    formats = [wb.add_format({**grid, **kinds.get(c.kind or Kind.CHOICE, {"align": "center"})})
               for c in cols]  # fmt: skip
    lights: dict[Any, Any] = {}
    last = len(cols) - 1
    for i, c in enumerate(cols):
        ws.set_column(i, i, round(c.width * 2.1 + 1.5, 1))
    ws.freeze_panes(3, 0)
    ws.set_landscape()
    ws.set_paper(9)
    ws.fit_to_pages(1, 0)
    ws.repeat_rows(2)
    ws.set_footer("&C第&P页 共&N页")
    ws.set_row(0, 30)
    ws.merge_range(0, 0, 0, last, register_title(register, META), title)
    ws.set_row(1, 20)
    ws.merge_range(1, 0, 1, last, subtitle_line(META), sub)
    ws.set_row(2, 24)
    for i, c in enumerate(cols):
        ws.write_string(2, i, c.label, head)
    r = 2
    for row in rows:
        r += 1
        for i, c in enumerate(cols):
            f = c.field
            if f is None:
                lt = light_of(register, row, META)
                fmt = lights.get(lt)
                if fmt is None:
                    extra = {"bg_color": lt.background, "font_color": lt.foreground,
                             "bold": True} if lt.label else {}  # fmt: skip
                    fmt = lights[lt] = wb.add_format({**grid, "align": "center", **extra})
                if lt.label:
                    ws.write_string(r, i, lt.label, fmt)
                else:
                    ws.write_blank(r, i, None, fmt)
                continue
            value = row.get(f.name)
            if value is None or value == "":
                ws.write_blank(r, i, None, formats[i])
            elif f.kind is Kind.DATE:
                ws.write_datetime(r, i, dt.datetime.fromisoformat(str(value)[:10]), formats[i])
            elif f.kind is Kind.DATETIME:
                ws.write_datetime(r, i, dt.datetime.fromisoformat(str(value)), formats[i])
            elif f.kind is Kind.INT:
                ws.write_number(r, i, int(value), formats[i])
            else:
                ws.write_string(r, i, str(value), formats[i])  # never a formula
    ws.autofilter(2, 0, r, last)
    wb.close()
    return r - 2


# -- one measured export, in a process of its own --------------------------------------------


def child(kind: str, data_dir: Path, out: Path, limit: int) -> None:
    """Run one export and print its time and this process's peak memory as JSON."""
    start = time.perf_counter()
    rows = _rows(data_dir, limit)
    if kind == "read":  # the floor: reading the rows and writing nothing
        n = sum(1 for _ in rows)
        out.write_bytes(b"")
    elif kind == "xlsxwriter":
        n = xlsxwriter_export(out, INCOMING_DOCUMENT, rows)
    else:
        n = export_rows(out, INCOMING_DOCUMENT, rows, META)
    seconds = time.perf_counter() - start
    print(json.dumps({"rows": n, "seconds": seconds, "peak_mb": peak_rss_mb(),
                      "size_mb": out.stat().st_size / 1e6}))  # fmt: skip


def peak_rss_mb() -> float:
    """This process's peak resident memory.

    VmHWM belongs to the process image, so unlike ru_maxrss it does not inherit the peak of the
    parent that forked it (the bench parent is large after filling the store).
    """
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kB on Linux


def measure(kind: str, data_dir: Path, out: Path, limit: int, repeat: int) -> dict[str, float]:
    """Median time and the largest peak memory of `repeat` runs of one export."""
    runs = []
    for _ in range(repeat):
        done = subprocess.run(
            [sys.executable, __file__, "--child", kind, str(data_dir), str(out), str(limit)],
            check=True, capture_output=True, text=True,
        )  # fmt: skip
        runs.append(json.loads(done.stdout.strip().splitlines()[-1]))
    return {
        "rows": runs[0]["rows"],
        "seconds": statistics.median(r["seconds"] for r in runs),
        "peak_mb": max(r["peak_mb"] for r in runs),
        "size_mb": runs[0]["size_mb"],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000, help="rows for the .xlsx exports")
    parser.add_argument("--docx-rows", type=int, default=5_000, help="rows for the .docx export")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--keep", type=Path, help="write the files here and keep them")
    parser.add_argument("--child", nargs=4, metavar=("KIND", "DATA", "OUT", "N"),
                        help=argparse.SUPPRESS)  # fmt: skip
    args = parser.parse_args()
    if args.child:
        kind, data, out, n = args.child
        child(kind, Path(data), Path(out), int(n))
        return
    with tempfile.TemporaryDirectory(prefix="bench_export_") as tmp:
        data_dir = Path(tmp) / "data"
        out_dir = args.keep or Path(tmp)
        out_dir.mkdir(parents=True, exist_ok=True)
        fill(data_dir, max(args.rows, args.docx_rows))
        results = [
            ("xlsx  openpyxl write-only (ours)", measure("xlsx", data_dir,
             out_dir / "ours.xlsx", args.rows, args.repeat)),
            ("xlsx  XlsxWriter constant_memory", measure("xlsxwriter", data_dir,
             out_dir / "xlsxwriter.xlsx", args.rows, args.repeat)),
            ("docx  template-row copies (ours)", measure("docx", data_dir,
             out_dir / "ours.docx", args.docx_rows, args.repeat)),
            ("read the rows only (floor)", measure("read", data_dir,
             out_dir / "read.txt", args.rows, args.repeat)),
        ]  # fmt: skip
    print(f"\nmedian of {args.repeat} runs, each in its own process (time includes reading rows)")
    print(f"{'export':34} {'rows':>8} {'seconds':>8} {'peak MB':>8} {'file MB':>8}")
    for name, r in results:
        print(f"{name:34} {r['rows']:>8,} {r['seconds']:>8.2f} {r['peak_mb']:>8.0f} "
              f"{r['size_mb']:>8.1f}")  # fmt: skip
    ours, theirs = results[0][1]["seconds"], results[1][1]["seconds"]
    print(
        f"\nxlsx: ours / XlsxWriter = {ours / theirs:.2f} (bar: ≤ 1.00); "
        f"peak {results[0][1]['peak_mb']:.0f} MB (bar: ≤ 250 MB)"
    )
    print(f"docx: {results[2][1]['seconds']:.2f} s for {results[2][1]['rows']:,} rows (bar: ≤ 1 s)")


if __name__ == "__main__":
    main()
