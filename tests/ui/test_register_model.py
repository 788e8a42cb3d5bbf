"""The register table model: Qt's model rules, SQL sort and filters, a bounded page cache."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, Qt

from officedesk.core.fields import format_value
from officedesk.core.registers import ARCHIVE_ITEM, INCOMING_DOCUMENT, SUPERVISION
from officedesk.core.traffic import Light
from officedesk.storage import records
from officedesk.storage.db import Store
from officedesk.storage.query import Query
from officedesk.ui.register_model import (
    ALIGNMENT,
    BACKGROUND,
    COL_LIGHT,
    DISPLAY,
    ID_ROLE,
    TOOLTIP,
    RegisterModel,
    register_columns,
)

TODAY = dt.date(2025, 6, 15)
SENDERS = ("省林业和草原局", "市林业局", "县人民政府办公室", "市应急管理局", "省国资委")
TOPICS = ("森林防火", "安全生产", "林长制", "档案管理", "防火检查")
STATUSES = ("已登记", "办理中", "传阅中", "已办结", "已归档")


def documents(n: int, seed: int = 3) -> Iterator[dict[str, Any]]:
    """`n` clean 收文 records over 2023–2025, with empty values and deadlines around TODAY."""
    rnd = random.Random(seed)
    serials: dict[int, int] = {}
    for i in range(n):
        when = dt.datetime(2023, 1, 1, 8) + dt.timedelta(hours=int(i * 26280 / n))
        serials[when.year] = serials.get(when.year, 0) + 1
        due = TODAY + dt.timedelta(days=rnd.randint(-20, 20)) if rnd.random() < 0.7 else None
        status = rnd.choice(STATUSES)
        done = due + dt.timedelta(days=rnd.randint(-3, 2)) if due and status == "已办结" else None
        yield {
            "serial": f"收〔{when.year}〕{serials[when.year]}号",
            "received_at": when,
            "sender": rnd.choice(SENDERS),
            "sender_ref": f"林办发〔{when.year}〕{rnd.randint(1, 99)}号"
            if rnd.random() < 0.9
            else None,
            "doc_type": rnd.choice(("通知", "函", "报告")),
            "title": f"关于做好{rnd.choice(TOPICS)}工作的通知"
            + ("（补充说明）" * rnd.randint(0, 4)),
            "secrecy": rnd.choice(("无", "无", "秘密")),
            "urgency": "无",
            "copies": rnd.randint(1, 3),
            "pages": rnd.choice((None, 2, 10, 31)),
            "handling": rnd.choice(("阅件", "办件")),
            "handler": rnd.choice((None, "刘洋", "陈军")),
            "due_date": due,
            "done_on": done,
            "status": status,
            "remarks": rnd.choice((None, "", "已电话催办")),
        }


@pytest.fixture
def filled(store: Store) -> Store:
    """A store with 300 收文 rows."""
    records.bulk_insert(store, INCOMING_DOCUMENT, documents(300))
    return store


def model_ids(model: RegisterModel) -> list[int]:
    """Every row's id, walking the model as a view would."""
    return [model.index(r, 0).data(ID_ROLE) for r in range(model.rowCount())]


def row_of(model: RegisterModel, record_id: int) -> int:
    """The row of `record_id`, walking the whole (small) model."""
    return model_ids(model).index(record_id)


def sql_rows(store: Store, where: str = "1", params: tuple[Any, ...] = ()) -> list[dict[str, Any]]:
    """Live rows straight from SQLite, for comparisons."""
    cur = store.conn.execute(
        f"SELECT * FROM incoming_document WHERE voided_at IS NULL AND ({where})", params
    )
    names = [d[0] for d in cur.description]
    return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]


def sql_count(store: Store, where: str, params: tuple[Any, ...] = ()) -> int:
    """A plain SQL count of live rows."""
    return int(
        store.conn.execute(
            f"SELECT count(*) FROM incoming_document WHERE voided_at IS NULL AND ({where})", params
        ).fetchone()[0]
    )


def test_model_passes_qt_model_tester(qtmodeltester: Any, filled: Store) -> None:
    model = RegisterModel(filled, Query(INCOMING_DOCUMENT, today=TODAY), page_size=40, max_pages=3)
    assert model.rowCount() == 300
    qtmodeltester.check(model)


def test_model_with_search_passes_qt_model_tester(qtmodeltester: Any, filled: Store) -> None:
    model = RegisterModel(filled, Query(INCOMING_DOCUMENT, search="防火", today=TODAY))
    expected = sql_count(filled, "title LIKE '%防火%'")
    assert 0 < model.rowCount() == expected
    qtmodeltester.check(model)


def test_display_strings_follow_the_declaration(filled: Store) -> None:
    model = RegisterModel(filled, Query(INCOMING_DOCUMENT, today=TODAY))
    stored = sql_rows(filled, "id = ?", (model.record_id(0),))[0]
    for col, column in enumerate(model.columns):
        if column.field is not None:
            expected = format_value(column.field, stored[column.key])
            assert model.index(0, col).data(DISPLAY) == expected
    assert model.headerData(0, Qt.Orientation.Horizontal, DISPLAY) == "收文编号"
    assert model.index(0, 0).data(ID_ROLE) == stored["id"]


def test_light_column_sits_after_the_deadline_with_its_colour(filled: Store) -> None:
    model = RegisterModel(filled, Query(INCOMING_DOCUMENT, today=TODAY))
    light_col = model.column_of(COL_LIGHT)
    assert light_col == model.column_of("due_date") + 1
    assert model.headerData(light_col, Qt.Orientation.Horizontal) == "时限状态"
    overdue = sql_rows(filled, "done_on IS NULL AND due_date < ?", (TODAY.isoformat(),))[0]
    row = row_of(model, overdue["id"])
    cell = model.index(row, light_col)
    assert cell.data(DISPLAY) == "逾期"
    assert cell.data(BACKGROUND).color().name().upper() == Light.OVERDUE.background
    # The light cell, and the first column (always in sight on a narrow screen), are coloured.
    first = model.index(row, 0).data(BACKGROUND)
    assert (
        first is not None and first.color() == model.index(row, light_col).data(BACKGROUND).color()
    )
    assert model.index(row, model.column_of("title")).data(BACKGROUND) is None


def test_roles_alignment_tooltip_and_unknown(filled: Store) -> None:
    model = RegisterModel(filled, Query(INCOMING_DOCUMENT, today=TODAY))
    light = model.index(0, model.column_of(COL_LIGHT)).data(ALIGNMENT)
    assert light == Qt.AlignmentFlag.AlignCenter.value
    assert model.index(0, model.column_of("title")).data(ALIGNMENT) is None
    numbers = [c for c in register_columns(ARCHIVE_ITEM) if c.key in ("year", "pages")]
    assert numbers and all(c.alignment is not None and c.alignment & 0x2 for c in numbers)
    long_title = sql_rows(filled, "length(title) > 34")[0]
    row = row_of(model, long_title["id"])
    assert model.index(row, model.column_of("title")).data(TOOLTIP) == long_title["title"]
    assert model.index(row, model.column_of("sender")).data(TOOLTIP) is None
    assert model.index(0, 0).data(Qt.ItemDataRole.DecorationRole) is None
    assert model.data(QModelIndex(), DISPLAY) is None


@pytest.mark.parametrize(
    ("field", "descending"),
    [("title", False), ("sender", True), ("due_date", False), ("status", True),
     ("received_at", False), ("handler", False), ("remarks", True), ("serial", False)],
)  # fmt: skip
def test_sort_matches_python_sort_of_the_same_rows(
    filled: Store, field: str, descending: bool
) -> None:
    model = RegisterModel(filled, Query(INCOMING_DOCUMENT, today=TODAY), page_size=64)
    order = Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder
    model.sort(model.column_of(field), order)
    assert model.query.sort == field

    def key(r: dict[str, Any]) -> tuple[Any, ...]:
        # SQLite: NULL sorts first ascending; ties in registration order (date, then id), and
        # the serial sorts in registration order (as text 10号 would come before 2号).
        v = r[field]
        if field in ("serial", "received_at"):
            return (r["received_at"], r["id"])
        return (
            (0, "", r["received_at"], r["id"]) if v is None else (1, v, r["received_at"], r["id"])
        )

    expected = [r["id"] for r in sorted(sql_rows(filled), key=key, reverse=descending)]
    assert model_ids(model) == expected
    assert model.sort_section() == (model.column_of(field), order)


def test_sort_by_light_orders_by_deadline_and_minus_one_restores_default(filled: Store) -> None:
    model = RegisterModel(filled, Query(INCOMING_DOCUMENT, today=TODAY))
    default = model_ids(model)
    assert default == sorted(default, reverse=True)  # 收文: newest first
    model.sort(model.column_of(COL_LIGHT), Qt.SortOrder.AscendingOrder)
    assert model.query.sort == "due_date"
    model.sort(-1, Qt.SortOrder.AscendingOrder)
    assert model_ids(model) == default


@pytest.mark.parametrize(
    ("change", "where", "params"),
    [
        ({"year": 2024}, "received_at >= '2024-01-01' AND received_at < '2025-01-01'", ()),
        ({"filters": (("status", "办理中"),)}, "status = ?", ("办理中",)),
        ({"filters": (("handling", "办件"), ("secrecy", "秘密"))},
         "handling = ? AND secrecy = ?", ("办件", "秘密")),
        ({"filters": (("sender", "市林业局"),), "year": 2025},
         "sender = ? AND received_at >= '2025-01-01'", ("市林业局",)),
        ({"overdue": True}, "done_on IS NULL AND due_date < ?", (TODAY.isoformat(),)),
        ({"search": "防火", "filters": (("status", "已办结"),)},
         "title LIKE '%防火%' AND status = ?", ("已办结",)),
    ],
)  # fmt: skip
def test_filters_count_like_plain_sql(
    filled: Store, change: dict[str, Any], where: str, params: tuple[Any, ...]
) -> None:
    model = RegisterModel(filled, Query(INCOMING_DOCUMENT, today=TODAY))
    model.setQuery(model.query.with_(**change))
    expected = sql_count(filled, where, params)
    assert expected > 0
    assert model.rowCount() == expected
    assert len(set(model_ids(model))) == expected
    assert set(model_ids(model)) == {r["id"] for r in sql_rows(filled, where, params)}


def test_page_cache_stays_bounded_over_ten_thousand_rows(store: Store) -> None:
    records.bulk_insert(store, INCOMING_DOCUMENT, documents(10_000, seed=5))
    model = RegisterModel(store, Query(INCOMING_DOCUMENT, today=TODAY), page_size=50, max_pages=4)
    assert model.rowCount() == 10_000
    seen = set()
    for row in range(model.rowCount()):
        seen.add(model.index(row, 0).data(DISPLAY))
        assert model.cached_pages() <= 4
    assert len(seen) == 10_000  # every serial once: no row skipped or repeated across pages
    newest = sql_rows(store, "id = (SELECT max(id) FROM incoming_document)")[0]
    assert model.index(0, 0).data(DISPLAY) == newest["serial"]


def test_refresh_keeps_rows_and_sees_changes(qtbot: Any, filled: Store) -> None:
    model = RegisterModel(filled, Query(INCOMING_DOCUMENT, today=TODAY))
    first = model.record_id(0)
    assert first is not None
    records.update(filled, INCOMING_DOCUMENT, first, {"title": "关于改过标题的通知"})
    with qtbot.waitSignal(model.dataChanged):  # same count: no reset, selection survives
        model.refresh()
    assert model.index(0, model.column_of("title")).data() == "关于改过标题的通知"
    records.void(filled, INCOMING_DOCUMENT, first)
    with qtbot.waitSignal(model.modelReset):
        model.refresh()
    assert model.rowCount() == 299
    assert model.find_row(first) is None
    second = model.record_id(0)
    assert second is not None and model.find_row(second, near=150) == 0


def test_lazy_model_counts_on_first_load(filled: Store) -> None:
    model = RegisterModel(filled, Query(INCOMING_DOCUMENT), load=False)
    assert not model.loaded and model.rowCount() == 0
    model.ensure_loaded()
    assert model.loaded and model.rowCount() == 300


def test_other_registers_work_from_their_declaration(qtmodeltester: Any, store: Store) -> None:
    for i in range(30):
        records.insert(store, SUPERVISION, {
            "assigned_on": dt.date(2025, 1, 1) + dt.timedelta(days=i),
            "content": f"督办事项{i}", "due_date": dt.date(2025, 3, 1),
        })  # fmt: skip
    model = RegisterModel(store, Query(SUPERVISION, today=TODAY))
    assert model.rowCount() == 30
    assert model.column_of(COL_LIGHT) == model.column_of("due_date") + 1
    qtmodeltester.check(model)
    model.sort(model.column_of("content"), Qt.SortOrder.AscendingOrder)
    texts = [model.index(r, model.column_of("content")).data() for r in range(30)]
    assert texts == sorted(texts)
