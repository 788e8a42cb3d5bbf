"""Search and list-page timings on a big register (the issue's bar: 1,000,000 demo rows).

    officedesk --data-dir /tmp/big demo --rows 1000000
    python bench/bench_search.py /tmp/big

Prints medians over repeated runs: first page and total count of searches for terms of 1, 2, 3
and 5 Chinese characters (next to a LIKE scan, the baseline), and a filtered + sorted page for
every sortable column in both directions.
"""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable

from officedesk.core.registers import INCOMING_DOCUMENT as DOC
from officedesk.storage import query as q
from officedesk.storage.db import Store

TERMS = ("林", "防火", "林业局", "森林防火工", "lyj")


def median_ms(fn: Callable[[], object], repeat: int = 7) -> float:
    """Median wall time of `fn` in milliseconds (one warm-up run first)."""
    fn()
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times)


def main() -> None:
    store = Store.open(sys.argv[1] if len(sys.argv) > 1 else None, writer=False)
    total = q.count(store, q.Query(DOC))
    print(f"register rows: {total:,}\n")
    print(
        f"{'term':<10}{'chars':>6}{'matches':>10}{'first page':>12}{'count':>10}{'LIKE page':>11}{'LIKE count':>12}"
    )
    for term in TERMS:
        query = q.Query(DOC, search=term)
        n = q.count(store, query)
        page = median_ms(lambda query=query: q.page(store, query, 0, 50))
        cnt = median_ms(lambda query=query: q.count(store, query))
        like = f"%{term}%"
        cols = " OR ".join(f"[{f.name}] LIKE ?" for f in DOC.search_fields)
        params = [like] * len(DOC.search_fields)
        like_sql = f"FROM incoming_document WHERE voided_at IS NULL AND ({cols})"
        like_page = median_ms(
            lambda sql=like_sql, p=params: store.read(
                f"SELECT id {sql} ORDER BY id DESC LIMIT 50", p
            ),
            repeat=3,
        )
        like_count = median_ms(
            lambda sql=like_sql, p=params: store.read(f"SELECT count(*) {sql}", p), repeat=3
        )
        print(
            f"{term:<10}{len(term):>6}{n:>10,}{page:>10.1f}ms{cnt:>8.1f}ms{like_page:>9.1f}ms{like_count:>10.1f}ms"
        )

    print("\nfiltered + sorted first page (filter: year 2024 + 状态 办理中/已办结 alternately), ms")
    years = q.years(store, DOC)
    year = 2024 if 2024 in years else (years[0] if years else None)
    worst = 0.0
    for f in DOC.shown_fields:
        if not f.sortable:
            continue
        cells = []
        for desc in (False, True):
            for filters in ((), (("status", "已办结"),)):
                query = q.Query(DOC, year=year, filters=filters, sort=f.name, descending=desc)
                ms = median_ms(lambda query=query: q.page(store, query, 0, 50), repeat=5)
                worst = max(worst, ms)
                cells.append(f"{ms:6.1f}")
        print(f"  {f.label:<8} asc {cells[0]} {cells[1]}   desc {cells[2]} {cells[3]}")
    overdue = q.Query(DOC, overdue=True, sort="due_date")
    ms = median_ms(lambda: q.page(store, overdue, 0, 50))
    worst = max(worst, ms)
    print(f"  只看逾期 sorted by 办理时限: {ms:.1f} ms")
    deep = q.Query(DOC, sort="title")
    print(
        f"  page at row 500,000 sorted by 标题: {median_ms(lambda: q.page(store, deep, 500_000, 200), 3):.1f} ms"
    )
    print(f"\nworst filtered+sorted first page: {worst:.1f} ms")
    store.close()


if __name__ == "__main__":
    main()
