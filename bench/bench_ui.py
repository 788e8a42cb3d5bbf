"""Benchmark the register table on a large 收文 register: repaint, uncached scroll, memory.

Usage:
    python bench/bench_ui.py DATA_DIR                 measure on an existing data folder
    python bench/bench_ui.py DATA_DIR --make 200000   first fill an empty folder with N rows

Not a test: it prints figures (median of many samples) for the closing note of an issue.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import statistics
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from officedesk.core.registers import DOC_TYPES, INCOMING_DOCUMENT, SECRECY
from officedesk.storage import records
from officedesk.storage.db import Store

SENDERS = (
    "国家林业和草原局", "省林业和草原局", "市林业局", "县人民政府办公室", "省国资委",
    "市应急管理局", "省自然资源厅", "市财政局", "集团公司办公室", "省森林消防总队",
    "市生态环境局", "县林业局", "市人力资源和社会保障局", "省档案局", "市委办公室",
)  # fmt: skip
PREFIXES = ("林办发", "林改发", "政办发", "国资发", "应急函", "自然资发", "财农", "集团办")
TOPICS = (
    "森林防火", "安全生产", "林长制", "国有林场改革", "天然林保护", "档案管理", "财务决算",
    "人员培训", "松材线虫病防治", "退耕还林", "生态护林员", "信访维稳", "节日值班",
)  # fmt: skip
KINDS = ("通知", "意见", "报告", "请示", "批复", "函", "通报", "纪要")
STATUSES = ("已登记", "办理中", "传阅中", "已办结", "待归档", "已归档")


def demo_documents(n: int, seed: int = 7, end_year: int = 2025) -> Iterator[dict[str, Any]]:
    """`n` clean 收文 records spread over several years (serials given, as bulk_insert wants)."""
    rnd = random.Random(seed)
    years = max(1, n // 150_000 + 1)
    per_year = n // years + 1
    counter: dict[int, int] = {}
    start = dt.datetime(end_year - years + 1, 1, 2, 8, 30)
    span = years * 365 * 24 * 3600
    for i in range(n):
        when = start + dt.timedelta(seconds=int(span * i / max(n, 1)))
        counter[when.year] = counter.get(when.year, 0) + 1
        topic = rnd.choice(TOPICS)
        kind = rnd.choice(KINDS)
        status = rnd.choice(STATUSES)
        due = (when + dt.timedelta(days=rnd.randint(3, 30))).date() if rnd.random() < 0.6 else None
        done = None
        if status in ("已办结", "待归档", "已归档") and due:
            done = due + dt.timedelta(days=rnd.randint(-5, 3))
        yield {
            "serial": f"收〔{when.year}〕{counter[when.year]}号",
            "received_at": when,
            "receiver": rnd.choice(("王芳", "李静", "张伟")),
            "sender": rnd.choice(SENDERS),
            "sender_ref": f"{rnd.choice(PREFIXES)}〔{when.year}〕{rnd.randint(1, per_year)}号",
            "doc_type": kind if kind in DOC_TYPES else "其他",
            "title": f"关于做好{when.year}年{topic}工作的{kind}",
            "issued_on": (when - dt.timedelta(days=rnd.randint(1, 10))).date(),
            "secrecy": SECRECY[0] if rnd.random() < 0.95 else rnd.choice(SECRECY[1:]),
            "urgency": rnd.choice(("无", "无", "无", "加急", "特急")),
            "copies": rnd.randint(1, 3),
            "pages": rnd.randint(1, 30),
            "handling": rnd.choice(("阅件", "办件")),
            "lead_dept": rnd.choice(("办公室", "营林科", "资源科", "财务科", "保护科")),
            "handler": rnd.choice(("刘洋", "陈军", "赵丽", "孙强")),
            "due_date": due,
            "due_n": None,
            "due_unit": None,
            "due_estimated": False,
            "done_on": done,
            "status": status,
            "remarks": ""
            if rnd.random() < 0.8
            else f"已电话告知{rnd.choice(('营林科', '财务科'))}",
        }


def make_data(data_dir: Path, rows: int) -> None:
    """Fill `data_dir` with `rows` 收文 rows."""
    with Store.open(data_dir) as store:
        start = time.perf_counter()
        done = records.bulk_insert(store, INCOMING_DOCUMENT, demo_documents(rows))
        print(f"made {done} rows in {time.perf_counter() - start:.1f} s", flush=True)


def rss_mb() -> float:
    """Resident memory of this process in MB."""
    try:
        import psutil

        return float(psutil.Process().memory_info().rss) / 1e6
    except ImportError:  # pragma: no cover - psutil is a test dependency
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1000
    return float("nan")


def _ms(samples: list[float]) -> str:
    ordered = sorted(samples)
    p90 = ordered[int(len(ordered) * 0.9)] if ordered else float("nan")
    return f"median {statistics.median(samples):.2f} ms, p90 {p90:.2f} ms, n={len(samples)}"


def measure(data_dir: Path, samples: int) -> None:
    """Open the main register tab at 1400×900 and time repaints, uncached scrolls and memory."""
    from PySide6.QtWidgets import QApplication

    from officedesk.ui.app import configure_application
    from officedesk.ui.register_tab import RegisterTab

    app = QApplication.instance() or QApplication(sys.argv)
    configure_application(app)  # type: ignore[arg-type]
    rss_start = rss_mb()
    store = Store.open(data_dir)
    tab = RegisterTab(store, INCOMING_DOCUMENT)
    tab.resize(1400, 900)
    tab.show()
    app.processEvents()
    view, model = tab.view, tab.model
    total = model.rowCount()
    bar = view.verticalScrollBar()
    visible = max(1, view.viewport().height() // max(1, view.verticalHeader().defaultSectionSize()))
    print(f"rows {total:,}, {model.columnCount()} columns, ~{visible} rows per viewport")
    rnd = random.Random(1)

    # Repaint of a viewport whose pages are already loaded (the steady cost of scrolling).
    repaint: list[float] = []
    for _ in range(samples):
        bar.setValue(rnd.randrange(0, max(1, bar.maximum())))
        app.processEvents()  # loads the pages and paints once
        start = time.perf_counter()
        view.viewport().repaint()
        repaint.append((time.perf_counter() - start) * 1000)
    print(f"repaint full viewport (cached pages): {_ms(repaint)}")

    # Scrolling into a region no page of which is cached: query + format + paint. Near the top
    # (where a clerk works) and anywhere (dragging the scroll bar: SQL OFFSET grows with depth).
    for where, top in (
        ("first 10,000 rows", min(bar.maximum(), 10_000)),
        ("anywhere", bar.maximum()),
    ):
        cold: list[float] = []
        for _ in range(min(samples, 60)):
            model.clear_cache()
            value = rnd.randrange(0, max(1, top))
            start = time.perf_counter()
            bar.setValue(value)
            view.viewport().repaint()
            cold.append((time.perf_counter() - start) * 1000)
        print(f"scroll into uncached region ({where}) + paint: {_ms(cold)}")

    # Every viewport from start to end, sampled every Nth for speed; memory at the end.
    step_rows = visible
    stride = max(1, total // (step_rows * 1000))  # at most ~1,000 stops
    start = time.perf_counter()
    stops = 0
    for first in range(0, total, step_rows * stride):
        view.scrollTo(model.index(min(first, total - 1), 0), view.ScrollHint.PositionAtTop)
        app.processEvents()
        stops += 1
    view.scrollToBottom()
    app.processEvents()
    elapsed = time.perf_counter() - start
    print(
        f"scrolled end to end: {stops:,} stops in {elapsed:.1f} s; "
        f"pages cached {model.cached_pages()} (limit {model.max_pages})"
    )
    print(f"resident memory: start {rss_start:.0f} MB, after scrolling {rss_mb():.0f} MB")
    tab.close()
    store.close()


def main() -> None:
    """Parse arguments, optionally fill the folder, then measure."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--make", type=int, default=0, help="first insert N demo 收文 rows")
    parser.add_argument("--samples", type=int, default=200)
    args = parser.parse_args()
    if args.make:
        make_data(args.data_dir, args.make)
    measure(args.data_dir, args.samples)


if __name__ == "__main__":
    main()
