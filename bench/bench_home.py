"""Benchmark 工作台 opening on a large data folder: 1,000,000 收文 and 100,000 督办 items.

Usage:
    python bench/bench_home.py DATA_DIR            measure on an existing data folder
    python bench/bench_home.py DATA_DIR --make     first fill an empty folder (demo: 1M 收文,
                                                   100k 督办; about a minute and a half)

"Opens" is from creating the tab to its sections shown: the agenda collected in the worker
thread (its own reader connection) and the tree filled. Prints medians; not a test.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication

from officedesk.storage import agenda, settings
from officedesk.storage.db import Store
from officedesk.ui.home import HomeTab


def make(folder: Path, rows: int, items: int) -> None:
    """Fill `folder` with the demo: `rows` 收文 and `items` extra 督办 items."""
    subprocess.run(
        [sys.executable, "-m", "officedesk", "--data-dir", str(folder), "demo", "--rows",
         str(rows), "--supervision", str(items)],
        check=True,
    )  # fmt: skip


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("data_dir", type=Path)
    p.add_argument("--make", action="store_true", help="fill the folder first")
    p.add_argument("--rows", type=int, default=1_000_000)
    p.add_argument("--items", type=int, default=100_000)
    p.add_argument("--runs", type=int, default=15)
    args = p.parse_args()
    if args.make:
        make(args.data_dir, args.rows, args.items)
    app = QApplication.instance() or QApplication([])
    store = Store.open(args.data_dir)
    try:
        docs = store.read("SELECT count(*) FROM incoming_document")[0][0]
        items = store.read("SELECT count(*) FROM supervision_item")[0][0]
        print(f"收文 {docs:,} 条，督办 {items:,} 条")
        today = dt.date.today()
        days = int(settings.get(store, "due_soon_days"))
        collect: list[float] = []
        for _ in range(args.runs):
            start = time.perf_counter()
            sections = agenda.collect(store, today, days)
            collect.append((time.perf_counter() - start) * 1000)
        lines = sum(len(s.lines) for s in sections)
        print(f"agenda.collect: median {statistics.median(collect):.1f} ms "
              f"({lines} lines, {sum(len(s.notes) for s in sections)} notes)")  # fmt: skip
        opening: list[float] = []
        for _ in range(args.runs):
            start = time.perf_counter()
            home = HomeTab(store)
            done: list[float] = []
            home.loaded.connect(lambda d=done: d.append(time.perf_counter()))
            home.show()
            while not done:
                app.processEvents()
                time.sleep(0.001)
            app.processEvents()  # the first paint
            opening.append((done[0] - start) * 1000)
            home.close()
            home.deleteLater()
            app.processEvents()
        print(f"工作台 open (create → sections shown): median {statistics.median(opening):.1f} ms, "
              f"min {min(opening):.1f}, max {max(opening):.1f} over {args.runs} runs")  # fmt: skip
    finally:
        store.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
