"""Lists in SQL: search answers equal a plain substring scan; filters, sorting and pages."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator

import pytest

from officedesk import demo
from officedesk.core.pinyin import matches_initials
from officedesk.core.registers import INCOMING_DOCUMENT as DOC
from officedesk.storage import query as q
from officedesk.storage import records
from officedesk.storage.db import Store

TODAY = dt.date(2026, 11, 21)


@pytest.fixture(scope="module")
def demo_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    """3,000 demo rows over three years (shared by the tests of this module, read only)."""
    store = Store.open(tmp_path_factory.mktemp("demo"))
    demo.fill(store, 3000, today=TODAY)
    yield store
    store.close()


def _live_rows(store: Store) -> list[dict]:
    cur = store.conn.execute(
        "SELECT * FROM incoming_document WHERE voided_at IS NULL ORDER BY id DESC"
    )
    names = [d[0] for d in cur.description]
    return [dict(zip(names, r, strict=True)) for r in cur]


def _scan(rows: list[dict], term: str) -> list[int]:
    """The reference: which rows contain `term` in a search field (or its initials)."""
    t = term.lower()
    out = []
    for r in rows:
        texts = [str(r[f.name]).lower() for f in DOC.search_fields if r[f.name] is not None]
        hit = any(t in x for x in texts)
        if not hit and term.isascii() and term.isalpha():
            hit = matches_initials(r["sender"], term)
        if hit:
            out.append(r["id"])
    return out


def _terms(rows: list[dict], rng: random.Random) -> list[str]:
    """Substrings of 1 to 6 characters cut from real values, plus a few that match nothing."""
    terms = {"林", "局", "〔", "号", "2025", "防火", "林业局", "森林防火工", "lyj", "slcy", "zq", "cq",
             "不存在的词", "Ｘ", "q0"}  # fmt: skip
    for _ in range(40):
        r = rng.choice(rows)
        f = rng.choice(DOC.search_fields)
        text = r[f.name]
        if not text:
            continue
        n = rng.randint(1, min(6, len(text)))
        start = rng.randint(0, len(text) - n)
        terms.add(text[start : start + n])
    return sorted(t for t in terms if t.strip())


def test_search_equals_substring_scan(demo_store: Store) -> None:
    rows = _live_rows(demo_store)
    for term in _terms(rows, random.Random(7)):
        expected = _scan(rows, term)
        query = q.Query(DOC, search=term)
        assert q.count(demo_store, query) == len(expected), term
        ids = q.page_ids(demo_store, query, 0, len(expected) + 10)
        assert ids == expected, term  # same rows, newest first


def test_several_terms_must_all_occur(demo_store: Store) -> None:
    rows = _live_rows(demo_store)
    both = [i for i in _scan(rows, "森林") if i in set(_scan(rows, "通知"))]
    query = q.Query(DOC, search="森林 通知")
    assert q.count(demo_store, query) == len(both) > 0
    assert q.page_ids(demo_store, query, 0, 10_000) == both


def test_year_status_and_overdue_filters_match_sql(demo_store: Store) -> None:
    def n(sql: str, *params: object) -> int:
        return int(demo_store.read(sql, params)[0][0])

    live = "FROM incoming_document WHERE voided_at IS NULL"
    assert q.count(demo_store, q.Query(DOC, year=2025)) == n(
        f"SELECT count(*) {live} AND received_at LIKE '2025-%'"
    )
    assert q.count(demo_store, q.Query(DOC, filters=(("status", "办理中"),))) == n(
        f"SELECT count(*) {live} AND status = '办理中'"
    )
    assert q.count(
        demo_store, q.Query(DOC, filters=(("handling", "办件"), ("secrecy", "秘密")))
    ) == n(f"SELECT count(*) {live} AND handling = '办件' AND secrecy = '秘密'")
    overdue = q.count(demo_store, q.Query(DOC, overdue=True, today=TODAY))
    assert overdue == n(
        f"SELECT count(*) {live} AND done_on IS NULL AND due_date < ?", TODAY.isoformat()
    )
    assert overdue > 0
    assert q.count(demo_store, q.Query(DOC, voided=True)) == n(
        "SELECT count(*) FROM incoming_document WHERE voided_at IS NOT NULL")  # fmt: skip


@pytest.mark.parametrize(
    "column", ["title", "sender", "received_at", "copies", "due_date", "status"]
)
@pytest.mark.parametrize("descending", [False, True])
def test_sort_on_any_column_with_a_filter(demo_store: Store, column: str, descending: bool) -> None:
    query = q.Query(DOC, year=2025, sort=column, descending=descending)
    got = q.page_ids(demo_store, query, 0, 100_000)
    rows = [r for r in _live_rows(demo_store) if r["received_at"].startswith("2025")]

    # NULLs first ascending (SQLite); ties by 签收时间, then id, in the same direction; the
    # serial sorts in registration order.
    def key(r: dict) -> tuple:
        value = r["received_at"] if column == "serial" else r[column]
        return (value is not None, value if value is not None else 0, r["received_at"], r["id"])

    expected = [r["id"] for r in sorted(rows, key=key, reverse=descending)]
    assert got == expected


def test_pages_are_consecutive_windows(demo_store: Store) -> None:
    query = q.Query(DOC, sort="title")
    everything = q.page_ids(demo_store, query, 0, 100_000)
    assert q.page_ids(demo_store, query, 200, 50) == everything[200:250]
    rows = q.page(demo_store, query, 1000, 5)
    assert [r["id"] for r in rows] == everything[1000:1005]
    streamed = [r["id"] for r in q.iter_rows(demo_store, query, batch=700)]
    assert streamed == everything


def test_recycle_bin_search_and_years(demo_store: Store) -> None:
    assert q.years(demo_store, DOC) == [2026, 2025, 2024]
    assert "省林业和草原局" in q.distinct_values(demo_store, DOC, "sender")


def test_search_result_is_timed(store: Store) -> None:
    records.insert(store, DOC, {"received_at": "2024-03-05", "sender": "省林业局", "title": "林"})
    result = q.search(store, q.Query(DOC, search="林"))
    assert result.count == 1 and result.elapsed_ms >= 0 and result.rows[0]["title"] == "林"
