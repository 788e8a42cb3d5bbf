"""Time `officedesk demo --rows N` phase by phase (default N = 1,000,000).

python bench/bench_demo.py [--rows N]
"""

from __future__ import annotations

import argparse
import datetime as dt
import tempfile
import time
from collections.abc import Iterator

from officedesk import demo
from officedesk.core.registers import INCOMING_DOCUMENT
from officedesk.storage import records
from officedesk.storage.bulk import bulk_load
from officedesk.storage.db import Store


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=1_000_000)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        store = Store.open(tmp)
        template = "收〔{YYYY}〕{n}号"
        waited = 0.0
        start = time.perf_counter()
        parts = demo._parts(1, args.rows, dt.date.today(), 8, 2)
        chunks = demo._chunks_from_workers(parts, dt.date.today(), template)

        def timed() -> Iterator[list[records.BulkRow]]:
            nonlocal waited
            while True:
                t = time.perf_counter()
                try:
                    chunk = next(chunks)
                except StopIteration:
                    return
                waited += time.perf_counter() - t
                yield chunk

        with bulk_load(store, (INCOMING_DOCUMENT,)):
            records.write_bulk(store, INCOMING_DOCUMENT, timed())
            t_write = time.perf_counter()
        t_index = time.perf_counter()
        store.close()
    print(f"rows                      {args.rows:>10,}")
    print(
        f"generate+write            {t_write - start:10.1f} s  (waiting for generator {waited:.1f} s)"
    )
    print(f"rebuild indexes + ANALYZE {t_index - t_write:10.1f} s")
    print(f"total                     {t_index - start:10.1f} s")
    print("(the full command also times itself: officedesk --data-dir DIR demo --rows N)")


if __name__ == "__main__":
    main()
