"""接待 storage on a real SQLite file: returning visitors, on site, purge, receptions, petitions."""

from __future__ import annotations

import datetime as dt

import pytest

from officedesk.core.registers import PETITION, RECEPTION, VISITOR
from officedesk.storage import attachments, records, settings
from officedesk.storage import reception as rs
from officedesk.storage.db import Store
from officedesk.storage.errors import ValidationError
from officedesk.storage.query import Query, count

ID = "11010519491231002X"


def _visit(store: Store, name: str, unit: str, when: str, **extra: object) -> dict:
    return rs.log_visit(store, {"name": name, "unit": unit, "purpose": "洽谈", "host": "办公室",
                                "arrived_at": when, **extra})  # fmt: skip


def test_returning_visitor_by_name_initials_and_id(store: Store) -> None:
    _visit(
        store, "张建国", "市林业局", "2026-03-01 09:00", id_number=ID.lower(), phone="13800000000"
    )
    _visit(store, "张建国", "市林业局", "2026-04-01 09:00", id_number=ID, host="王主任")
    _visit(store, "张建国", "县水利局", "2026-02-01 09:00")
    _visit(store, "李明", "市林业局", "2026-04-02 09:00")
    found = rs.returning_visitors(store, "张建")
    assert [(v["name"], v["unit"]) for v in found] == [
        ("张建国", "市林业局"),
        ("张建国", "县水利局"),
    ]
    assert found[0]["host"] == "王主任" and found[0]["id_number"] == ID  # the latest visit
    assert [v["name"] for v in rs.returning_visitors(store, "zjg")] == ["张建国", "张建国"]
    assert rs.returning_visitors(store, "lm")[0]["name"] == "李明"
    assert rs.returning_visitors(store, "slj") == []  # unit initials are not a name
    assert rs.last_visit_by_id(store, ID.lower())["arrived_at"] == dt.datetime(2026, 4, 1, 9, 0)
    assert rs.last_visit(store, "张建国", "县水利局")["arrived_at"].month == 2


def test_on_site_and_mark_left(store: Store) -> None:
    a = _visit(store, "甲", "单位", "2026-04-01 09:00")
    b = _visit(store, "乙", "单位", "2026-04-01 10:00")
    assert [v["id"] for v in rs.on_site(store)] == [a["id"], b["id"]]
    assert rs.mark_left(store, [a["id"]], dt.datetime(2026, 4, 1, 11, 0)) == 1
    assert rs.mark_left(store, [a["id"]]) == 0  # already gone: the time stays
    assert records.get(store, VISITOR, a["id"])["left_at"] == dt.datetime(2026, 4, 1, 11, 0)
    assert [v["id"] for v in rs.on_site(store)] == [b["id"]]


def test_purge_counts_first_then_deletes(store: Store) -> None:
    settings.set_many(store, {"visitor_retention_months": 24})
    old = _visit(store, "旧访客", "甲单位", "2024-03-31 09:00")
    _visit(store, "较旧", "甲单位", "2024-04-30 09:00")
    voided = _visit(store, "作废的", "甲单位", "2023-01-01 09:00")
    records.void(store, VISITOR, voided["id"], "错登")
    keep = _visit(store, "新访客", "甲单位", "2026-04-01 09:00")
    n, cutoff = rs.purge_count(store, dt.date(2026, 4, 30))
    assert (n, cutoff) == (2, dt.date(2024, 4, 30))
    assert rs.retention_cutoff(dt.date(2026, 3, 31), 1) == dt.date(2026, 2, 28)
    assert rs.purge_old_visits(store, cutoff) == 2
    assert store.read("SELECT count(*) FROM visitor")[0][0] == 2
    with pytest.raises(KeyError):
        records.get(store, VISITOR, old["id"])
    # The search index forgot them too: searching finds only what is left.
    assert count(store, Query(VISITOR, search="访客")) == 1
    assert rs.returning_visitors(store, "新")[0]["id"] == keep["id"]


def _lines(meals: list[dict] | None = None) -> rs.ReceptionLines:
    return rs.ReceptionLines(
        guests=[{"name": "张三", "post": "处长"}, {"name": "李四", "post": "科长"}],
        companions=[{"name": "王五", "post": "办公室主任"}],
        meals=meals
        or [{"day": "2026-05-06", "kind": "工作餐", "guests": 2, "staff": 2, "amount_fen": 32000}],
        costs=[{"item": "住宿", "amount_fen": 76000, "note": "标准间 2 间"}],
    )


def test_reception_saved_with_lines_and_rules(store: Store) -> None:
    values = {"kind": "公务", "sending_unit": "省林业和草原局", "letter_ref": "林办函〔2026〕5号",
              "starts_on": "2026-05-06", "letter_guests": "张三、李四"}  # fmt: skip
    saved = rs.save_reception(store, values, _lines())
    assert saved["guests"] == 2 and saved["total_cost"] == "1,080.00"
    got = rs.lines(store, saved["id"])
    assert [g["name"] for g in got.guests] == ["张三", "李四"] and got.total_fen == 108000
    two_meals = [{"kind": "工作餐", "guests": 2, "staff": 1}, {"kind": "工作餐", "guests": 2}]
    with pytest.raises(ValidationError, match="只能安排一次工作餐"):
        rs.save_reception(store, values, _lines(two_meals), saved["id"])
    with pytest.raises(ValidationError, match="最多 3 人陪餐"):
        rs.save_reception(store, values, _lines([{"kind": "工作餐", "guests": 5, "staff": 4}]))
    assert count(store, Query(RECEPTION)) == 1  # nothing half-written


def test_meal_guests_beyond_those_received_do_not_raise_the_accompanying_limit(
    store: Store,
) -> None:
    values = {"kind": "公务", "sending_unit": "省林业和草原局", "letter_ref": "林办函〔2026〕6号",
              "starts_on": "2026-05-06"}  # fmt: skip
    padded = [{"day": "2026-05-06", "kind": "工作餐", "guests": 20, "staff": 6, "amount_fen": 0}]
    with pytest.raises(ValidationError) as refused:  # 2 guests on the list
        rs.save_reception(store, values, _lines(padded))
    assert "第 1 餐（2026-05-06 工作餐）：客人数 20 人，多于本次接待对象 2 人" in str(refused.value)
    assert "2 位客人最多 3 人陪餐，现为 6 人" in str(refused.value)
    # No guest list: the reception's 人数 is what was received.
    no_list = rs.ReceptionLines([], [], padded, [])
    with pytest.raises(ValidationError, match="多于本次接待对象 4 人"):
        rs.save_reception(store, {**values, "guests": 4}, no_list)
    assert count(store, Query(RECEPTION)) == 0  # nothing written
    fair = [{"day": "2026-05-06", "kind": "工作餐", "guests": 2, "staff": 3, "amount_fen": 0}]
    assert rs.save_reception(store, values, _lines(fair))["guests"] == 2


def test_lines_without_an_amount_save_as_zero_and_bad_lines_name_the_line(store: Store) -> None:
    values = {"kind": "公务", "sending_unit": "省厅", "letter_ref": "函2",
              "starts_on": "2026-05-06"}  # fmt: skip
    no_amount = rs.ReceptionLines(
        [{"name": "张三"}], [], [{"day": "2026-05-06", "kind": "工作餐", "guests": 1, "staff": 1}],
        [{"item": "住宿"}, {"item": "交通", "amount_fen": None}],
    )  # fmt: skip
    saved = rs.save_reception(store, values, no_amount)
    got = rs.lines(store, saved["id"])
    assert [m["amount_fen"] for m in got.meals] == [0]
    assert [c["amount_fen"] for c in got.costs] == [0, 0] and saved["total_cost"] is None
    bad = {
        "用餐第 1 行「金额」应为不小于 0 的金额（分），不是「-5」": rs.ReceptionLines(
            [], [], [{"kind": "工作餐", "guests": 1, "amount_fen": -5}], []),
        "用餐第 1 行「客人数」应为不小于 0 的整数，不是「两」": rs.ReceptionLines(
            [], [], [{"kind": "工作餐", "guests": "两"}], []),
        "用餐第 2 行「类别」必须填写": rs.ReceptionLines(
            [], [], [{"kind": "自助餐"}, {"guests": 1}], []),
        "费用第 1 行「项目」必须填写": rs.ReceptionLines([], [], [], [{"amount_fen": 100}]),
        "客人第 2 行「姓名」必须填写": rs.ReceptionLines(
            [{"name": "张三"}, {"post": "科长"}], [], [], []),
    }  # fmt: skip
    for message, lines_ in bad.items():
        with pytest.raises(ValidationError) as refused:
            rs.save_reception(store, values, lines_)
        assert str(refused.value) == message
    assert count(store, Query(RECEPTION)) == 1  # nothing half-written


def test_no_letter_cannot_be_approved_but_an_attachment_counts(store: Store, tmp_path) -> None:
    values = {"kind": "公务", "sending_unit": "某县林业局", "starts_on": "2026-05-06"}
    saved = rs.save_reception(store, values, _lines())
    assert saved["letter_status"] == "缺公函"  # flagged in the list (a filter)
    warn = rs.reception_findings(store, saved, rs.lines(store, saved["id"]))
    assert any(f.level == "warn" and "尚无公函" in f.message for f in warn)
    approve = {"approved_by": "李局长", "approved_on": "2026-05-01"}
    with pytest.raises(ValidationError, match="不能标记为已审批"):
        rs.save_reception(store, {**values, **approve}, _lines(), saved["id"])
    scan = tmp_path / "公函.pdf"
    scan.write_bytes(b"%PDF-1.4 letter")
    attachments.add(store, "receptions", saved["id"], scan)
    ok = rs.save_reception(store, {**values, **approve}, _lines(), saved["id"])
    assert ok["approved_by"] == "李局长" and ok["letter_status"] == "有"


def test_guest_list_differs_from_letter(store: Store) -> None:
    values = {"kind": "公务", "sending_unit": "省厅", "letter_ref": "函1", "starts_on": "2026-05-06",
              "letter_guests": "张三、赵六"}  # fmt: skip
    saved = rs.save_reception(store, values, _lines())
    texts = [f.message for f in rs.reception_findings(store, saved, rs.lines(store, saved["id"]))]
    assert "接待清单中的 李四 不在公函所列人员中" in texts
    assert "公函所列的 赵六 不在接待清单中" in texts


def test_petition_steps_move_the_deadline(store: Store) -> None:
    p = rs.save_petition(store, {"form": "来信", "received_on": "2026-03-02", "petitioner": "刘某",
                                 "claim": "林权证办理"})  # fmt: skip
    assert p["serial"] == "信〔2026〕1号"
    assert (p["due_stage"], p["due_date"], p["status"]) == (
        "受理告知",
        dt.date(2026, 3, 17),
        "待受理",
    )
    p = rs.record_step(store, p["id"], "受理", dt.date(2026, 3, 5))
    assert (p["due_stage"], p["due_date"], p["status"]) == ("办理", dt.date(2026, 5, 6), "已受理")
    p = rs.record_step(store, p["id"], "交办", dt.date(2026, 3, 5), to_whom="资源管理科")
    assert (p["status"], p["transferred_to"]) == ("已受理", "资源管理科")  # still ours to handle
    other = rs.save_petition(
        store, {"received_on": "2026-03-02", "petitioner": "赵某", "claim": "某"}
    )
    other = rs.record_step(store, other["id"], "受理", dt.date(2026, 3, 3))
    assert (
        rs.record_step(store, other["id"], "转送", dt.date(2026, 3, 4), "县信访局")["status"]
        == "已转送"
    )
    with pytest.raises(ValidationError, match="不得超过 30 日"):
        rs.record_step(store, p["id"], "延期", dt.date(2026, 4, 30), days=31, note="复杂")
    with pytest.raises(ValidationError, match="理由"):
        rs.record_step(store, p["id"], "延期", dt.date(2026, 4, 30), days=20)
    p = rs.record_step(store, p["id"], "延期", dt.date(2026, 4, 30), days=20, note="需现场核查")
    assert p["due_date"] == dt.date(2026, 5, 25)  # 60 + 20 days end on Sunday 05-24: Monday
    with pytest.raises(ValidationError, match="只能延长一次"):
        rs.record_step(store, p["id"], "延期", dt.date(2026, 5, 1), days=25, note="再延")
    p = rs.record_step(store, p["id"], "答复", dt.date(2026, 5, 20))
    assert (p["status"], p["done_on"]) == ("已办结", dt.date(2026, 5, 20))
    p = rs.record_step(store, p["id"], "复查申请", dt.date(2026, 6, 1))
    assert (p["status"], p["due_stage"], p["due_date"]) == ("复查中", "复查", dt.date(2026, 7, 1))
    assert p["done_on"] is None
    steps = [s["kind"] for s in rs.petition_steps(store, p["id"])]
    assert steps == ["受理", "交办", "延期", "答复", "复查申请"]
    assert records.get(store, PETITION, p["id"])["extension_reason"] == "需现场核查"


def test_a_second_extension_is_refused_even_for_the_same_days(store: Store) -> None:
    p = rs.save_petition(store, {"received_on": "2026-03-02", "petitioner": "刘某", "claim": "某"})
    p = rs.record_step(store, p["id"], "受理", dt.date(2026, 3, 5))
    p = rs.record_step(store, p["id"], "延期", dt.date(2026, 4, 30), days=20, note="需现场核查")
    assert p["due_date"] == dt.date(2026, 5, 25)
    with pytest.raises(ValidationError) as refused:
        rs.record_step(store, p["id"], "延期", dt.date(2026, 5, 20), days=20, note="再延")
    assert "只能延长一次，已于 2026-04-30 延长 20 日" in str(refused.value)
    assert refused.value.field == "extension_days"
    steps = [s["kind"] for s in rs.petition_steps(store, p["id"])]
    assert steps == ["受理", "延期"]  # the refused step is not in the history
    got = records.get(store, PETITION, p["id"])
    assert (got["extension_reason"], got["due_date"]) == ("需现场核查", dt.date(2026, 5, 25))
    # Editing the petition itself (same extension) is still allowed.
    assert rs.save_petition(store, {"handler": "资源管理科"}, p["id"])["extension_days"] == 20


def test_agenda_sections_for_visitors_and_petitions(store: Store) -> None:
    from officedesk.storage import agenda

    today = dt.date(2026, 3, 16)
    mine = ("visitors_on_site", "petitions_due")
    # Nothing registered yet: neither section is shown (other registers' sections may be).
    assert [s.key for s in agenda.collect(store, today, 3) if s.key in mine] == []
    v = _visit(store, "张三", "市林业局", "2026-03-16 09:10")
    late, soon, later = (
        rs.save_petition(store, {"received_on": day, "petitioner": who, "claim": "林权证办理"})
        for day, who in (("2026-02-20", "刘某"), ("2026-03-02", "王某"), ("2026-03-10", "赵某"))
    )
    assert late["due_date"] == dt.date(2026, 3, 9)  # 03-07 is a Saturday: rolled to Monday
    sections = {s.key: s for s in agenda.collect(store, today, 3)}
    [line] = sections["visitors_on_site"].lines
    assert (line.record_id, line.text, line.group) == (v["id"], "09:10 张三（市林业局）", "办公室")
    due = sections["petitions_due"].lines
    assert [(x.record_id, x.bucket) for x in due] == [(late["id"], "已逾期"),
                                                      (soon["id"], "3日内到期")]  # fmt: skip
    assert "（受理告知）" in due[0].text and later["id"] not in [x.record_id for x in due]
    rs.mark_left(store, [v["id"]])
    sections = {s.key: s for s in agenda.collect(store, today, 3)}
    assert sections["visitors_on_site"].lines == ()


def test_migration_0005_upgrades_a_released_file(tmp_path) -> None:
    from sqlite_utils import Database

    from officedesk.storage.migrations import migrations

    path = tmp_path / "data"
    path.mkdir()
    db = Database(path / "officedesk.db")
    migrations.apply(db, stop_before="0005_reception")
    stamp = "2026-01-05T09:00:00"
    db.execute(
        "INSERT INTO petition (uuid, created_at, updated_at, serial, received_on, petitioner, "
        "claim, done_on) VALUES ('u1', ?, ?, '信〔2026〕1号', '2026-01-05', '刘某', '诉求', "
        "'2026-02-01')",
        (stamp, stamp),
    )
    db.execute(
        "INSERT INTO reception (uuid, created_at, updated_at, kind, sending_unit, starts_on) "
        "VALUES ('u2', ?, ?, '公务', '某局', '2026-01-05')",
        (stamp, stamp),
    )
    db.conn.commit()
    db.close()
    with Store.open(path) as store:  # applies 0005 after taking a backup
        assert records.get(store, PETITION, 1)["status"] == "已办结"
        assert records.get(store, RECEPTION, 1)["letter_status"] == "缺公函"
        assert rs.on_site(store) == []
