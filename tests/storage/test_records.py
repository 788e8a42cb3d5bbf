"""Rows of a register: serials, validation, duplicates, void/restore, bulk loads."""

from __future__ import annotations

import datetime as dt
import threading

import pytest

from officedesk.core.registers import INCOMING_DOCUMENT as DOC
from officedesk.storage import records, settings
from officedesk.storage.db import Store
from officedesk.storage.errors import ValidationError

BASE = {
    "received_at": "2024-03-05 09:30",
    "sender": "省林业和草原局",
    "title": "关于做好森林防火工作的通知",
}


def test_serials_follow_the_yearly_series(store: Store) -> None:
    a = records.insert(store, DOC, BASE)
    b = records.insert(store, DOC, {**BASE, "received_at": "2024-03-06"})
    c = records.insert(store, DOC, {**BASE, "received_at": "2025-01-02"})
    assert (a["serial"], b["serial"], c["serial"]) == (
        "收〔2024〕1号",
        "收〔2024〕2号",
        "收〔2025〕1号",
    )
    assert records.preview_serial(store, DOC, 2024) == "收〔2024〕3号"


def test_serial_template_setting_and_no_reuse_after_void(store: Store) -> None:
    settings.set_many(store, {"document_serial_template": "{YYYY}-{n:04d}"})
    a = records.insert(store, DOC, BASE)
    records.void(store, DOC, a["id"], "登记错误")
    b = records.insert(store, DOC, BASE)
    assert (a["serial"], b["serial"]) == ("2024-0001", "2024-0002")


def test_hand_typed_serial_is_skipped_by_the_counter(store: Store) -> None:
    records.insert(store, DOC, {**BASE, "serial": "收〔2024〕1号"})
    assert records.insert(store, DOC, BASE)["serial"] == "收〔2024〕2号"
    with pytest.raises(ValidationError, match="已被使用") as info:
        records.insert(store, DOC, {**BASE, "serial": "收〔2024〕2号"})
    assert info.value.field == "serial"


def test_two_connections_never_get_the_same_serial(store: Store) -> None:
    results: list[str] = []
    errors: list[BaseException] = []

    def worker() -> None:
        s = store.open_reader()
        try:
            for _ in range(20):
                results.append(records.insert(s, DOC, BASE)["serial"])
        except BaseException as exc:
            errors.append(exc)
        finally:
            s.close()

    threads = [threading.Thread(target=worker) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert len(results) == 40 and len(set(results)) == 40


def test_required_fields_and_bad_values_write_nothing(store: Store) -> None:
    with pytest.raises(ValidationError, match="「来文机关」、「标题」必须填写") as info:
        records.insert(store, DOC, {"received_at": "2024-03-05"})
    assert info.value.field == "sender"
    with pytest.raises(ValidationError, match="「成文日期」不是有效日期") as info:
        records.insert(store, DOC, {**BASE, "issued_on": "2024-02-30"})
    assert info.value.field == "issued_on"
    assert store.read("SELECT count(*) FROM incoming_document")[0][0] == 0
    assert store.read("SELECT count(*) FROM serial_counter")[0][0] == 0


def test_typed_values_round_trip(store: Store) -> None:
    rec = records.insert(store, DOC, {**BASE, "issued_on": "2024年3月1日", "copies": "2",
                                      "due_date": "2024-03-15", "due_n": 7, "due_unit": "工作日"})  # fmt: skip
    assert rec["received_at"] == dt.datetime(2024, 3, 5, 9, 30)
    assert rec["issued_on"] == dt.date(2024, 3, 1)
    assert rec["copies"] == 2 and rec["due_unit"] == "工作日"
    assert rec["secrecy"] == "无" and rec["status"] == "已登记"  # declared defaults


def test_duplicate_warnings(store: Store) -> None:
    first = records.insert(store, DOC, {**BASE, "sender_ref": "林草发[2024]12号"})
    warnings = records.find_duplicates(
        store, DOC, {**records._prepare(DOC, BASE), "sender_ref": "林草发〔2024〕第12号"}
    )
    assert any(first["serial"] in w and "可能重复收文" in w for w in warnings)
    assert any("同标题" in w for w in warnings)
    other = records.find_duplicates(
        store, DOC, {"sender": "市林业局", "sender_ref": "林草发〔2024〕12号", "title": "别的"}
    )
    assert other == []
    assert (
        records.find_duplicates(store, DOC, {**first}) == []
    )  # a record is no duplicate of itself


def test_update_reindexes_and_void_restore(store: Store) -> None:
    from officedesk.storage.query import Query, count

    rec = records.insert(store, DOC, BASE)
    assert count(store, Query(DOC, search="防火")) == 1
    records.update(store, DOC, rec["id"], {"title": "关于林木采伐的通知"})
    assert count(store, Query(DOC, search="防火")) == 0
    assert count(store, Query(DOC, search="采伐")) == 1
    voided = records.void(store, DOC, rec["id"], "重复登记")
    assert voided["voided_at"] and voided["void_reason"] == "重复登记"
    assert count(store, Query(DOC, search="采伐")) == 0
    assert count(store, Query(DOC, voided=True)) == 1
    with pytest.raises(ValidationError, match="已作废"):
        records.update(store, DOC, rec["id"], {"title": "x"})
    records.restore(store, DOC, rec["id"])
    assert count(store, Query(DOC, search="采伐")) == 1
    assert store.read("SELECT count(*) FROM incoming_document")[0][0] == 1  # never removed


def test_bulk_insert_indexes_live_rows_only(store: Store) -> None:
    from officedesk.storage.query import Query, count

    rows = [{**records._prepare(DOC, BASE), "serial": f"收〔2024〕{i}号"} for i in range(1, 101)]
    rows[5]["voided_at"] = "2024-03-05 10:00:00"
    assert records.bulk_insert(store, DOC, rows) == 100
    assert count(store, Query(DOC, search="森林")) == 99
    records.raise_serial_counter(store, DOC, 2024, 100)
    assert records.insert(store, DOC, BASE)["serial"] == "收〔2024〕101号"
