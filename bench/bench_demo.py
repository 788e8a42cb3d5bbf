"""Time `officedesk demo --rows N` (default N = 1,000,000), phase by phase.

    python bench/bench_demo.py [--rows N]

The bar: demo --rows 1000000 in at most 60 s on this 2-core machine.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time

from officedesk import demo
from officedesk.storage import bulk


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=1_000_000)
    args = ap.parse_args()
    phases: dict[str, float] = {}
    real_copy = bulk.copy_attached
    real_load = bulk.bulk_load

    def timed_copy(*a, **k):  # type: ignore[no-untyped-def]
        t = time.perf_counter()
        n = real_copy(*a, **k)
        phases["made + copied part by part, indexed"] = time.perf_counter() - t
        return n

    demo.bulk.copy_attached = timed_copy  # type: ignore[assignment]
    with tempfile.TemporaryDirectory() as tmp:
        from officedesk.storage.db import Store

        store = Store.open(tmp)
        start = time.perf_counter()
        report = demo.fill(store, args.rows)
        total = time.perf_counter() - start
        store.close()
    demo.bulk.copy_attached = real_copy  # type: ignore[assignment]
    assert real_load is bulk.bulk_load
    print(f"rows                          {report.counts['documents']:>12,}")
    for name, secs in phases.items():
        print(f"{name:<30}{secs:>10.1f} s")
    print(f"{'total (demo.fill)':<30}{total:>10.1f} s")
    with tempfile.TemporaryDirectory() as tmp:
        t = time.perf_counter()
        subprocess.run([sys.executable, "-m", "officedesk", "--data-dir", tmp, "demo", "--rows",
                        str(args.rows)], check=True, capture_output=True)  # fmt: skip
        print(f"{'officedesk demo (process)':<30}{time.perf_counter() - t:>10.1f} s")


if __name__ == "__main__":
    main()
