"""The archive index on a real store: allocation, 归档 from 收文, numbering never reused."""

from __future__ import annotations

import datetime as dt
import threading
from pathlib import Path

import pytest

from officedesk.core.registers import ARCHIVE_ITEM, INCOMING_DOCUMENT
from officedesk.storage import archive, records, settings
from officedesk.storage.db import Store
from officedesk.storage.errors import ValidationError


def _fonds(store: Store, scheme: str = "年度-机构(问题)-保管期限") -> None:
    settings.set_many(store, {"fonds_no": "Z109", "archive_scheme": scheme})


def _item(**extra):
    base = {"year": 2011, "retention": "永久", "org_code": "BGS", "title": "关于森林防火的通知",
            "author": "省林业和草原局", "doc_date": "20110305"}  # fmt: skip
    return {**base, **extra}


def _document(store: Store, **extra):
    base = {
        "received_at": dt.datetime(2024, 3, 6, 9, 30), "sender": "省林业和草原局",
        "sender_ref": "林草发〔2024〕12号", "title": "关于做好春季森林防火工作的通知",
        "issued_on": dt.date(2024, 3, 5), "secrecy": "无", "pages": 6, "doc_type": "通知",
        "lead_dept": "办公室", "status": "已办结", "done_on": dt.date(2024, 3, 20),
        "result": "已落实",
    }  # fmt: skip
    return records.insert(store, INCOMING_DOCUMENT, {**base, **extra})


def test_standard_example_in_the_store(store: Store) -> None:
    _fonds(store)
    item = archive.add_item(store, _item())
    assert item["archive_no"] == "Z109-WS·2011-Y-BGS-0001"
    assert item["item_no"] == "0001"
    assert item["category"] == "2011|Y|BGS"


def test_item_numbers_restart_per_category(store: Store) -> None:
    _fonds(store)
    nos = [archive.add_item(store, _item(**kw))["archive_no"] for kw in (
        {}, {}, {"retention": "定期30年"}, {"org_code": "CWK"}, {"year": 2012}, {},
    )]  # fmt: skip
    assert nos == [
        "Z109-WS·2011-Y-BGS-0001", "Z109-WS·2011-Y-BGS-0002", "Z109-WS·2011-D30-BGS-0001",
        "Z109-WS·2011-Y-CWK-0001", "Z109-WS·2012-Y-BGS-0001", "Z109-WS·2011-Y-BGS-0003",
    ]  # fmt: skip


def test_scheme_without_org_leaves_the_segment_out(store: Store) -> None:
    _fonds(store, "年度-保管期限")
    first = archive.add_item(store, _item(org_code="BGS"))
    second = archive.add_item(store, _item(org_code="CWK"))
    assert [first["archive_no"], second["archive_no"]] == [
        "Z109-WS·2011-Y-0001",
        "Z109-WS·2011-Y-0002",
    ]
    assert first["org_code"] is None


def test_without_fonds_no_nothing_is_written(store: Store) -> None:
    with pytest.raises(ValidationError, match="全宗号"):
        archive.add_item(store, _item())
    assert store.read("SELECT count(*) FROM archive_item")[0][0] == 0


def test_voided_numbers_are_never_given_again(store: Store) -> None:
    _fonds(store)
    first = archive.add_item(store, _item())
    second = archive.add_item(store, _item())
    archive.void_item(store, second["id"], "重复")
    third = archive.add_item(store, _item())
    assert third["item_no"] == "0003"
    with pytest.raises(ValidationError, match=r"0002 已被 .* 使用（已作废"):
        archive.add_item(store, _item(item_no="0002"))
    records.restore(store, ARCHIVE_ITEM, second["id"])
    assert records.get(store, ARCHIVE_ITEM, second["id"])["archive_no"].endswith("-0002")
    assert first["item_no"] == "0001"
    gaps = archive.voided_numbers(store, "2011|Y|BGS", 1, 10)
    assert gaps == []  # restored: no gap left


def test_typed_item_number_is_kept_and_counter_moves_past_it(store: Store) -> None:
    _fonds(store)
    assert archive.add_item(store, _item(item_no="10"))["archive_no"].endswith("-0010")
    assert archive.add_item(store, _item())["item_no"] == "0011"


def test_bad_values_name_the_field(store: Store) -> None:
    _fonds(store)
    with pytest.raises(ValidationError) as err:
        archive.add_item(store, _item(doc_date="2011-13-05"))
    assert err.value.field == "doc_date"
    with pytest.raises(ValidationError, match="本单位"):
        archive.add_item(store, _item(author="本单位"))
    with pytest.raises(ValidationError, match="机构"):
        archive.add_item(store, _item(org_code=""))


def _allocate_in_thread(data_dir: Path, n: int, out: list[str], errors: list[BaseException],
                        start: threading.Barrier) -> None:  # fmt: skip
    reader = Store.open(data_dir, writer=False, migrate=False)  # a second connection, no lock
    try:
        start.wait()
        for _ in range(n):
            out.append(archive.add_item(reader, _item())["item_no"])
    except BaseException as exc:  # pragma: no cover - reported below
        errors.append(exc)
    finally:
        reader.close()


def test_two_connections_never_get_the_same_number(store: Store) -> None:
    _fonds(store)
    out: list[str] = []
    errors: list[BaseException] = []
    start = threading.Barrier(2)
    threads = [
        threading.Thread(target=_allocate_in_thread,
                         args=(store.data_dir, 25, out, errors, start))
        for _ in range(2)
    ]  # fmt: skip
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert len(out) == 50
    assert sorted(out) == [f"{n:04d}" for n in range(1, 51)]
    nos = [r[0] for r in store.read("SELECT archive_no FROM archive_item")]
    assert len(set(nos)) == 50


def test_file_a_document(store: Store) -> None:
    _fonds(store)
    doc = _document(store)
    proposal = archive.propose(store, records.get(store, INCOMING_DOCUMENT, doc["id"]))
    assert proposal.values["retention"] == "定期10年"  # 通知 in the default table
    assert proposal.values["org_code"] == "BGS"  # 主办部门 办公室
    item = archive.file_document(store, doc["id"], proposal.values)
    assert item["archive_no"] == "Z109-WS·2024-D10-BGS-0001"
    assert (item["author"], item["doc_ref"], item["doc_date"], item["pages"]) == (
        "省林业和草原局",
        "林草发〔2024〕12号",
        "20240305",
        6,
    )
    assert item["document_id"] == doc["id"]
    filed = records.get(store, INCOMING_DOCUMENT, doc["id"])
    assert (filed["status"], filed["archive_no"]) == ("已归档", item["archive_no"])
    with pytest.raises(ValidationError, match="已归档"):
        archive.file_document(store, doc["id"])


def test_documents_not_done_cannot_be_filed(store: Store) -> None:
    _fonds(store)
    doc = _document(store, status="办理中", done_on=None)
    with pytest.raises(ValidationError, match="办结后才能归档"):
        archive.file_document(store, doc["id"])
    assert store.read("SELECT count(*) FROM archive_item")[0][0] == 0


def test_filing_a_year_is_all_or_nothing(store: Store) -> None:
    _fonds(store)
    good = _document(store)
    also = _document(store, title="关于林长制工作的意见", doc_type="意见")
    bad = _document(store, title="关于X的通知")
    assert [d["id"] for d in archive.fileable(store, 2024)] == [good["id"], also["id"], bad["id"]]
    values = archive.propose(store, records.get(store, INCOMING_DOCUMENT, bad["id"])).values
    with pytest.raises(ValidationError, match="日期"):
        archive.file_documents(store, [(good["id"], None), (also["id"], None),
                                       (bad["id"], {**values, "doc_date": "2024"})])  # fmt: skip
    assert store.read("SELECT count(*) FROM archive_item")[0][0] == 0
    assert records.get(store, INCOMING_DOCUMENT, good["id"])["status"] == "已办结"
    items = archive.file_documents(store, [(d["id"], None) for d in (good, also, bad)])
    assert [i["archive_no"] for i in items] == [
        "Z109-WS·2024-D10-BGS-0001",
        "Z109-WS·2024-D30-BGS-0001",
        "Z109-WS·2024-D10-BGS-0002",
    ]
    assert archive.fileable(store, 2024) == []


def test_voiding_a_filed_item_returns_the_document_to_the_list(store: Store) -> None:
    _fonds(store)
    doc = _document(store)
    item = archive.file_document(store, doc["id"])
    archive.void_item(store, item["id"], "归错")
    back = records.get(store, INCOMING_DOCUMENT, doc["id"])
    assert (back["status"], back["archive_no"]) == ("待归档", None)
    again = archive.file_document(store, doc["id"])
    assert again["item_no"] == "0002"  # 0001 stays with the voided 件


def test_changing_category_gives_a_new_number(store: Store) -> None:
    _fonds(store)
    doc = _document(store)
    item = archive.file_document(store, doc["id"])
    changed = archive.update_item(store, item["id"], {"retention": "永久"})
    assert changed["archive_no"] == "Z109-WS·2024-Y-BGS-0001"
    assert records.get(store, INCOMING_DOCUMENT, doc["id"])["archive_no"] == changed["archive_no"]
    # The old category's number 0001 is not given again.
    assert archive.add_item(store, _item(year=2024, retention="定期10年"))["item_no"] == "0002"


def test_expiry_list(store: Store) -> None:
    _fonds(store)
    archive.add_item(store, _item(year=2010, retention="定期10年"))
    archive.add_item(store, _item(year=2010, retention="定期30年"))
    archive.add_item(store, _item(year=2010, retention="永久"))
    rows = archive.expiring(store, 2020)
    assert [(r["archive_no"], r["expires"]) for r in rows] == [("Z109-WS·2010-D10-BGS-0001", 2020)]


def test_org_list_and_table(store: Store) -> None:
    _fonds(store)
    assert ("BGS", "办公室") in archive.orgs(store)
    archive.add_item(store, _item())
    with pytest.raises(ValidationError, match="BGS 已有归档文件使用"):
        archive.set_orgs(store, [("CWK", "财务科")])
    with pytest.raises(ValidationError, match="第 2 行"):
        archive.set_orgs(store, [("BGS", "办公室"), ("bad code", "x")])
    archive.set_orgs(store, [("BGS", "办公室"), ("XFB", "信访办")])
    assert archive.orgs(store) == [("BGS", "办公室"), ("XFB", "信访办")]
    from officedesk.core.archive import RetentionRule

    archive.set_retention_rules(store, [RetentionRule("信访", "定期30年", "XFB")])
    assert archive.retention_rules(store)[0].org == "XFB"
    with pytest.raises(ValidationError, match="第 1 行"):
        archive.set_retention_rules(store, [RetentionRule("信访", "长期")])


# -- boxes and loans ------------------------------------------------------------------------


def test_boxes_never_mix_categories(store: Store) -> None:
    from officedesk.storage import archive_boxes

    _fonds(store)
    a = [archive.add_item(store, _item(pages=3))["id"] for _ in range(3)]
    other = archive.add_item(store, _item(retention="定期30年"))["id"]
    number = archive_boxes.assign(store, a[:2])
    assert number == "0001"
    with pytest.raises(ValidationError, match=r"不能混装.*2011年 定期30年 BGS"):
        archive_boxes.assign(store, [other], number)
    with pytest.raises(ValidationError, match="不能混装"):
        archive_boxes.assign(store, [a[2], other])
    archive_boxes.assign(store, [a[2]], "1")
    box = archive_boxes.box(store, "0001")
    assert (box.item_range, box.count, box.pages) == ("0001—0003", 3, 9)
    assert (box.year, box.retention, box.org_code) == (2011, "永久", "BGS")
    assert archive_boxes.assign(store, [other]) == "0002"
    archive.void_item(store, a[1], "重复")
    box = archive_boxes.box(store, "0001")
    assert [g["item_no"] for g in box.gaps] == ["0002"]
    archive_boxes.set_notes(store, "0001", note="本盒共 2 件", arranged_by="王芳", spine_mm=40)
    assert archive_boxes.box(store, "0001").spine_mm == 40
    with pytest.raises(ValidationError, match="盒脊厚度"):
        archive_boxes.set_notes(store, "0001", spine_mm=35)


def test_loans_and_the_agenda(store: Store) -> None:
    from officedesk.storage import agenda, archive_loans

    _fonds(store)
    item = archive.add_item(store, _item())
    loan = archive_loans.lend(store, item["id"], "李明", dt.date(2026, 3, 1), dt.date(2026, 3, 10),
                              department="财务科")  # fmt: skip
    assert loan["archive_no"] == item["archive_no"]
    with pytest.raises(ValidationError, match="尚未归还"):
        archive_loans.lend(store, item["id"], "张三")
    sections = agenda.collect(store, dt.date(2026, 3, 11), 3)
    section = next(s for s in sections if s.key == "archive_loans")
    assert [(line.record_id, line.group) for line in section.lines] == [
        (loan["id"], "财务科 · 李明")
    ]
    assert archive_loans.agenda_source(store, dt.date(2026, 3, 10), 3) is None  # not yet due
    archive_loans.give_back(store, loan["id"], dt.date(2026, 3, 12))
    assert archive_loans.agenda_source(store, dt.date(2026, 3, 20), 3) is None
    with pytest.raises(ValidationError, match="已于"):
        archive_loans.give_back(store, loan["id"])


def test_the_scheme_cannot_change_under_numbered_items(store: Store) -> None:
    _fonds(store)
    archive.add_item(store, _item())
    settings.set_many(store, {"archive_scheme": "年度-保管期限"})
    with pytest.raises(ValidationError, match="分类方案在全宗内应保持不变"):
        archive.add_item(store, _item())
    assert archive.add_item(store, _item(year=2012))["archive_no"] == "Z109-WS·2012-Y-0001"


def test_a_document_with_a_restored_item_is_not_filed_twice(store: Store) -> None:
    _fonds(store)
    doc = _document(store)
    item = archive.file_document(store, doc["id"])
    archive.void_item(store, item["id"])
    records.restore(store, ARCHIVE_ITEM, item["id"])  # from the recycle bin
    back = records.get(store, INCOMING_DOCUMENT, doc["id"])  # re-marked by the archive's rule
    assert (back["status"], back["archive_no"]) == ("已归档", "Z109-WS·2024-D10-BGS-0001")
    with pytest.raises(ValidationError, match="已归档，档号 Z109-WS·2024-D10-BGS-0001"):
        archive.file_document(store, doc["id"])


def test_filing_shows_in_the_documents_stage_and_history(store: Store) -> None:
    """The 收文 list's 当前环节 and its history follow the filing, and Ctrl+Z there cannot
    un-file it behind the 件's back (that is done by voiding the 件)."""
    from officedesk.core.workflow import WorkflowError
    from officedesk.storage import workflow

    _fonds(store)
    doc = _document(store)
    item = archive.file_document(store, doc["id"])
    no = item["archive_no"]
    filed = records.get(store, INCOMING_DOCUMENT, doc["id"])
    assert (filed["stage"], filed["status"]) == ("归档", "已归档")
    assert f"归档：档号 {no}" in workflow.history_text(store, doc["id"])
    with pytest.raises(WorkflowError, match=r"已归档.*不能撤销"):
        workflow.undo_last(store, doc["id"])
    assert records.get(store, INCOMING_DOCUMENT, doc["id"])["archive_no"] == no

    archive.void_item(store, item["id"], "登记错误")
    back = records.get(store, INCOMING_DOCUMENT, doc["id"])
    assert (back["stage"], back["status"], back["archive_no"]) == ("待归档", "待归档", None)
    assert f"档案 {no} 作废（登记错误），收文退回待归档" in workflow.history_text(store, doc["id"])
    records.restore(store, ARCHIVE_ITEM, item["id"])
    again = records.get(store, INCOMING_DOCUMENT, doc["id"])
    assert (again["stage"], again["archive_no"]) == ("归档", no)
    assert "从回收站恢复，收文重新归档" in workflow.history_text(store, doc["id"]).splitlines()[-1]


def test_fileable_year_is_the_year_the_item_gets(store: Store) -> None:
    """A 收文 signed in December and received in January files under the 成文日期's year."""
    _fonds(store)
    late = _document(store, issued_on=dt.date(2024, 12, 28),
                     received_at=dt.datetime(2025, 1, 3, 9, 0))  # fmt: skip
    undated = _document(store, issued_on=None, received_at=dt.datetime(2025, 2, 1, 10, 0))
    assert (
        archive.propose(store, records.get(store, INCOMING_DOCUMENT, late["id"])).values["year"]
        == 2024
    )
    assert [d["id"] for d in archive.fileable(store, 2024)] == [late["id"]]
    assert [d["id"] for d in archive.fileable(store, 2025)] == [undated["id"]]


def test_org_code_must_be_in_the_configured_list(store: Store) -> None:
    """A code outside the 机构(问题) table would open a bogus numbering series."""
    _fonds(store)
    archive.set_orgs(store, [("BGS", "办公室"), ("CWK", "财务科")])
    with pytest.raises(ValidationError, match=r"机构\(问题\).*XYZ.*BGS、CWK") as err:
        archive.add_item(store, _item(org_code="XYZ"))
    assert err.value.field == "org_code"
    assert store.read("SELECT count(*) FROM archive_item")[0][0] == 0
    assert store.read("SELECT count(*) FROM archive_counter")[0][0] == 0
    item = archive.add_item(store, _item(org_code="CWK"))
    with pytest.raises(ValidationError, match="XYZ"):
        archive.update_item(store, item["id"], {"org_code": "XYZ"})


def test_boxes_keep_item_numbers_in_order(store: Store) -> None:
    """DA/T 22: 件 are boxed in 件号 order, the lower run in the lower 盒号."""
    from officedesk.storage import archive_boxes

    _fonds(store)
    ids = [archive.add_item(store, _item())["id"] for _ in range(6)]  # 0001..0006
    archive.void_item(store, ids[3], "重复")  # 0004: a gap, not a 件 waiting for a box
    with pytest.raises(ValidationError, match="件号 0001 尚未装盒，不能先装件号 0003") as err:
        archive_boxes.assign(store, [ids[1], ids[2]])
    assert err.value.field == "box_no"
    assert store.read("SELECT count(*) FROM archive_item WHERE box_no != ''")[0][0] == 0
    assert archive_boxes.assign(store, [ids[0], ids[1]]) == "0001"
    with pytest.raises(ValidationError, match="件号 0003 尚未装盒，不能先装件号 0005"):
        archive_boxes.assign(store, [ids[4]])
    archive_boxes.assign(store, [ids[2]], "1")  # 0003 joins 0001-0002
    assert archive_boxes.assign(store, [ids[4]]) == "0002"  # voided 0004 is no hole
    with pytest.raises(ValidationError, match=r"件号 0006 不能装入第 0001 盒.*第 0002 盒.*0005"):
        archive_boxes.assign(store, [ids[5]], "1")
    archive_boxes.take_out(store, [ids[1]])
    with pytest.raises(ValidationError, match=r"件号 0002 不能装入第 0002 盒.*第 0001 盒.*0003"):
        archive_boxes.assign(store, [ids[1]], "2")
    archive_boxes.assign(store, [ids[1]], "1")
    archive_boxes.assign(store, [ids[5]], "2")
    assert [archive_boxes.box(store, n).item_range for n in ("0001", "0002")] == [
        "0001—0003",
        "0005—0006",
    ]
