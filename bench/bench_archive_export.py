"""Benchmark: a 100,000-件 归档文件目录 to .xlsx against the 100,000-row 收文 register export.

Usage:
    python bench/bench_archive_export.py                 100,000 rows each, median of 3
    python bench/bench_archive_export.py --rows 20000 --repeat 1

Both exports run in the same process on the same machine, alternating, so the ratio holds
whatever the machine's speed. The archive bar is "within the same bar as the 收文 export".
Not a test: it prints figures for the closing note of the issue.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from officedesk.archive_service import export_catalogue
from officedesk.core.registers import ARCHIVE_ITEM, INCOMING_DOCUMENT
from officedesk.demo_archive import bulk_items, generate_items
from officedesk.export_service import export_register
from officedesk.storage import records, settings
from officedesk.storage.db import Store
from officedesk.storage.query import Query

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_export import TODAY, _documents


def fill(data_dir: Path, n: int) -> None:
    """`n` 收文 and `n` 件 in one store."""
    start = time.perf_counter()
    with Store.open(data_dir) as store:
        settings.set_many(store, {"fonds_no": "Z109", "unit_name": "青山林业局"})
        records.bulk_insert(store, INCOMING_DOCUMENT, _documents(n))
        bulk_items(store, generate_items(random.Random(7), n, 2016, 2025))
        store.conn.execute("ANALYZE")
    print(f"filled {n:,} 收文 and {n:,} 件 in {time.perf_counter() - start:.1f} s", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"
        fill(data, args.rows)
        store = Store.open(data, writer=False, migrate=False)
        runs: dict[str, list[float]] = {"收文登记簿 .xlsx": [], "归档文件目录 .xlsx": [],
                                        "档案列表 .xlsx": []}  # fmt: skip
        try:
            for r in range(args.repeat):
                for name in runs:
                    out = Path(tmp) / f"{r}_{len(runs[name])}_{name.split()[0]}.xlsx"
                    start = time.perf_counter()
                    if name.startswith("收文"):
                        q = Query(INCOMING_DOCUMENT, sort="received_at", descending=False,
                                  today=TODAY)  # fmt: skip
                        n = export_register(store, q, out)
                    elif name.startswith("归档"):
                        n = export_catalogue(store, out)
                    else:
                        n = export_register(store, Query(ARCHIVE_ITEM), out)
                    seconds = time.perf_counter() - start
                    runs[name].append(seconds)
                    print(f"  run {r + 1} {name}: {n:,} rows {seconds:.2f} s "
                          f"{out.stat().st_size / 1e6:.1f} MB", flush=True)  # fmt: skip
                    out.unlink()
        finally:
            store.close()
    medians = {k: statistics.median(v) for k, v in runs.items()}
    base = medians["收文登记簿 .xlsx"]
    print(f"\nmedian of {args.repeat}, {args.rows:,} rows each:")
    for name, value in medians.items():
        print(f"  {name:<14} {value:6.2f} s   ratio to 收文 {value / base:.2f}")


if __name__ == "__main__":
    main()
