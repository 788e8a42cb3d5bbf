"""The directory: adding, uniqueness, soft delete, completion by text and by pinyin initials."""

from __future__ import annotations

import pytest

from officedesk.core.registers import INCOMING_DOCUMENT
from officedesk.storage import directory, records
from officedesk.storage.db import Store
from officedesk.storage.errors import ValidationError


def test_add_and_list_each_kind(store: Store) -> None:
    directory.add_department(store, "办公室", short="办", sort=1)
    directory.add_department(store, "财务部", sort=2)
    directory.add_person(store, "张伟", department="办公室", post="主任", phone="13800000000")
    unit = directory.add_unit(store, "省林业局")
    assert unit["uuid"] and unit["created_at"] and unit["uses"] == 0
    assert [d["name"] for d in directory.list_departments(store)] == ["办公室", "财务部"]
    person = directory.list_people(store)[0]
    assert (person["name"], person["department"], person["post"]) == ("张伟", "办公室", "主任")
    assert [u["name"] for u in directory.list_units(store)] == ["省林业局"]


def test_completion_by_text_and_initials(store: Store) -> None:
    for name in ("省林业局", "林业局", "市财政局", "国家林业和草原局"):
        directory.add_unit(store, name)
    assert directory.complete(store, "units", "林业") == ["林业局", "国家林业和草原局", "省林业局"]
    found = directory.complete(store, "units", "lyj")
    assert found[0] == "林业局"  # a prefix match comes first
    assert set(found) == {"林业局", "省林业局"}
    assert directory.complete(store, "units", "LYJ") == found
    assert directory.complete(store, "units", "czj") == ["市财政局"]
    assert directory.complete(store, "units", "") == []
    assert directory.complete(store, "units", "%") == []


def test_polyphonic_characters_match_on_any_reading(store: Store) -> None:
    directory.add_unit(store, "重庆市林业局")
    assert directory.complete(store, "units", "cq") == ["重庆市林业局"]
    assert directory.complete(store, "units", "zq") == ["重庆市林业局"]
    assert directory.complete(store, "units", "cqslyj") == ["重庆市林业局"]


def test_short_name_completes_to_the_full_name(store: Store) -> None:
    directory.add_unit(store, "某某省林业和草原局", short="省林草局")
    assert directory.complete(store, "units", "林草") == ["某某省林业和草原局"]
    assert directory.complete(store, "units", "slcj") == ["某某省林业和草原局"]


def test_most_used_units_come_first(store: Store) -> None:
    directory.add_unit(store, "甲林业局")
    directory.note_unit_used(store, "乙林业局")
    directory.note_unit_used(store, "乙林业局")
    assert directory.complete(store, "units", "林业局") == ["乙林业局", "甲林业局"]
    assert directory.list_units(store)[0]["uses"] == 2


def test_people_and_departments_complete(store: Store) -> None:
    directory.add_department(store, "办公室")
    directory.add_department(store, "营林科")
    directory.add_person(store, "李明", department="办公室")
    assert directory.complete(store, "departments", "ylk") == ["营林科"]
    assert directory.complete(store, "people", "lm") == ["李明"]
    assert directory.complete(store, "people", "明") == ["李明"]


def test_names_are_unique_among_live_entries(store: Store) -> None:
    directory.add_department(store, "办公室")
    with pytest.raises(ValidationError) as err:
        directory.add_department(store, " 办公室 ")
    assert str(err.value) == "部门「办公室」已存在，名称不能重复"
    assert err.value.field == "name"
    with pytest.raises(ValidationError, match="「姓名」必须填写"):
        directory.add_person(store, "  ")
    with pytest.raises(ValidationError, match="「排序」应为整数"):
        directory.add(store, "departments", {"name": "财务部", "sort": "第一"})
    assert len(directory.list_departments(store)) == 1


def test_update_checks_the_name_and_refreshes_initials(store: Store) -> None:
    a = directory.add_unit(store, "省林业局")
    directory.add_unit(store, "市林业局")
    with pytest.raises(ValidationError, match="已存在"):
        directory.update(store, "units", a["id"], {"name": "市林业局"})
    changed = directory.update(store, "units", a["id"], {"name": "省财政厅"})
    assert changed["name"] == "省财政厅" and changed["updated_at"]
    assert directory.complete(store, "units", "sczt") == ["省财政厅"]


def test_void_hides_an_entry_and_frees_its_name(store: Store) -> None:
    a = directory.add_unit(store, "省林业局")
    directory.void(store, "units", a["id"])
    assert directory.list_units(store) == []
    assert directory.complete(store, "units", "lyj") == []
    assert directory.get(store, "units", a["id"])["voided_at"]  # the row stays
    assert len(directory.list_entries(store, "units", include_voided=True)) == 1
    directory.add_unit(store, "省林业局")
    with pytest.raises(ValidationError):
        directory.restore(store, "units", a["id"])


def test_list_filter_matches_initials(store: Store) -> None:
    directory.add_person(store, "王芳", department="财务部")
    directory.add_person(store, "赵强", department="办公室")
    assert [p["name"] for p in directory.list_people(store, "wf")] == ["王芳"]
    assert [p["name"] for p in directory.list_people(store, "强")] == ["赵强"]


def test_rebuild_units_from_register(store: Store) -> None:
    directory.add_unit(store, "省林业局")
    base = {"received_at": "2024-03-05 09:30", "title": "关于春季造林的通知"}
    for sender in ("省林业局", "省林业局", "市应急管理局", "省林业局"):
        records.insert(store, INCOMING_DOCUMENT, {**base, "sender": sender})
    assert directory.rebuild_units_from_register(store) == 1
    units = {u["name"]: u["uses"] for u in directory.list_units(store)}
    assert units == {"省林业局": 3, "市应急管理局": 1}
    assert directory.complete(store, "units", "yjgl") == ["市应急管理局"]
    assert directory.rebuild_units_from_register(store) == 0
