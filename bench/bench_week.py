"""Benchmark the meeting week view: open a week with 5,000 meetings in the database.

Usage:
    python bench/bench_week.py [DATA_DIR] [--meetings 5000]

Fills an empty (temporary) folder with N meetings over two years (with attendees), then times
reading a week (the indexed range query) and opening it in the week view (query + layout +
paint), over many random weeks. Not a test: prints medians for the closing note.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from officedesk import demo_meetings
from officedesk.core.meetings import week_start
from officedesk.storage import meetings
from officedesk.storage.db import Store

FIRST = dt.date(2025, 1, 6)
DAYS = 730


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("data_dir", nargs="?")
    parser.add_argument("--meetings", type=int, default=5000)
    parser.add_argument("--samples", type=int, default=60)
    args = parser.parse_args()
    folder = Path(args.data_dir or tempfile.mkdtemp(prefix="bench-week-"))
    from PySide6.QtWidgets import QApplication

    app = QApplication([])
    from officedesk.ui.meetings.week_view import WeekView

    with Store.open(folder) as store:
        have = store.read("SELECT count(*) FROM meeting WHERE voided_at IS NULL")[0][0]
        if have < args.meetings:
            t = time.perf_counter()
            demo_meetings.bulk(store, args.meetings - have, FIRST, DAYS)
            print(f"filled {args.meetings - have} meetings in {time.perf_counter() - t:.1f} s")
        store.conn.execute("ANALYZE")
        total = store.read("SELECT count(*) FROM meeting WHERE voided_at IS NULL")[0][0]
        rng = random.Random(1)
        weeks = [week_start(FIRST + dt.timedelta(days=rng.randint(0, DAYS - 1)))
                 for _ in range(args.samples)]  # fmt: skip
        query_ms, open_ms, per_week = [], [], []
        view = WeekView(store)
        view.resize(1300, 800)
        view.show()
        app.processEvents()
        for monday in weeks:
            t = time.perf_counter()
            slots = meetings.week(store, monday)
            query_ms.append((time.perf_counter() - t) * 1000)
            per_week.append(len(slots))
            t = time.perf_counter()
            view.show_week(monday)
            view.grid.repaint()  # the paint is part of opening the week
            open_ms.append((time.perf_counter() - t) * 1000)
        print(f"meetings in the database: {total:,}; meetings per week: median "
              f"{statistics.median(per_week):.0f}, max {max(per_week)}")  # fmt: skip
        print(f"read a week (indexed range):          median {statistics.median(query_ms):.2f} ms,"
              f" max {max(query_ms):.2f} ms")  # fmt: skip
        print(f"open a week in the view (read+paint): median {statistics.median(open_ms):.2f} ms,"
              f" max {max(open_ms):.2f} ms  (bar: 100 ms)")  # fmt: skip
        # The conflict check of a weekly series for a year (52 occurrences) among those meetings.
        weekly = meetings.Plan(
            {"name": "周例会", "starts_at": dt.datetime.combine(FIRST, dt.time(9)),
             "ends_at": dt.datetime.combine(FIRST, dt.time(10)), "room": "一楼会议室",
             "chair": "刘局长"},
            [{"name": n} for n, _ in demo_meetings.LEADERS[:3]],
            repeat=meetings.Repeat("每周", FIRST + dt.timedelta(days=364)),
        )  # fmt: skip
        check_ms, found = [], 0
        for _ in range(7):
            t = time.perf_counter()
            found = len(meetings.check(store, weekly))
            check_ms.append((time.perf_counter() - t) * 1000)
        print(f"check a weekly series for a year:     median {statistics.median(check_ms):.1f} ms"
              f" ({found} conflicts found)")  # fmt: skip
        view.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
