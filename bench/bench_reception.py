"""Returning-visitor lookup, on-site list and purge count on a large visitor log.

    python bench/bench_reception.py [ROWS]      (default 200,000 visits in a temporary folder)

A gate log grows by a few dozen visits a day, so 200,000 is decades of visits; the quick line
asks for suggestions on every keystroke and must answer well within a keystroke's time.
Prints medians (ms) of: suggestions for typed pinyin initials and name characters, the last visit
by 证件号码, the still-on-site list, and the purge count.
"""

from __future__ import annotations

import datetime as dt
import random
import sys
import tempfile

from bench_search import median_ms  # bench/ is on the path when a script runs

from officedesk import demo_reception
from officedesk.core.registers import VISITOR
from officedesk.storage import bulk, records
from officedesk.storage import reception as rs
from officedesk.storage.db import Store


def main() -> None:
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else 200_000
    rng = random.Random(6)
    today = dt.date(2026, 11, 21)
    with tempfile.TemporaryDirectory() as folder, Store.open(folder) as store:
        visits = demo_reception.sample_visitors(rng, today, rows)
        with bulk.bulk_load(store, (VISITOR,)):
            records.bulk_insert(store, VISITOR, visits)
        known = next(v for v in visits if v.get("id_number"))
        name = str(known["name"])
        from officedesk.core.pinyin import initials_variants

        initials = initials_variants(name)[0]
        print(f"visits: {rows:,}; sample visitor {name} ({initials})\n")
        cases = {
            f"suggest '{initials[:2]}' (2 initials)": lambda: rs.returning_visitors(store, initials[:2]),
            f"suggest '{initials}' (initials)": lambda: rs.returning_visitors(store, initials),
            f"suggest '{name[:1]}' (1 character)": lambda: rs.returning_visitors(store, name[:1]),
            f"suggest '{name[:2]}' (2 characters)": lambda: rs.returning_visitors(store, name[:2]),
            "last visit by 证件号码": lambda: rs.last_visit_by_id(store, str(known["id_number"])),
            "on-site list": lambda: rs.on_site(store),
            "purge count": lambda: rs.purge_count(store, today),
        }  # fmt: skip
        for label, fn in cases.items():
            print(f"{label:<36}{median_ms(fn, repeat=9):>9.2f} ms")


if __name__ == "__main__":
    main()
