"""接待清单 and 接待方案 written from a stored reception and read back (python-docx, pdftotext)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import docx
import pytest

from officedesk import reception_docs
from officedesk.exports.reception_sheet import HEADER
from officedesk.storage import reception as rs
from officedesk.storage import settings
from officedesk.storage.db import Store


@pytest.fixture
def reception_id(store: Store) -> int:
    settings.set_many(store, {"unit_name": "青山林业局"})
    lines = rs.ReceptionLines(
        guests=[{"name": "张三", "post": "处长"}, {"name": "李四", "post": "科长"}],
        companions=[{"name": "刘强", "post": "副局长"}],
        meals=[{"day": "2026-05-06", "kind": "工作餐", "guests": 2, "staff": 2,
                "amount_fen": 36000, "place": "机关食堂"}],
        costs=[{"item": "住宿", "amount_fen": 76000, "note": "标准间 2 间"}],
    )  # fmt: skip
    values = {"kind": "公务", "sending_unit": "省林业和草原局", "letter_ref": "林办函〔2026〕5号",
              "letter_date": "2026-04-28", "letter_guests": "张三、王五", "starts_on": "2026-05-06",
              "ends_on": "2026-05-07", "activities": "森林防火专项检查", "venue": "三号林区",
              "schedule": "5月6日上午 听取汇报\n5月6日下午 实地查看"}  # fmt: skip
    return int(rs.save_reception(store, values, lines)["id"])


def test_sheet_docx_has_the_columns_guests_total_and_sign_off(
    store: Store, reception_id: int, tmp_path: Path
) -> None:
    path = reception_docs.write_sheet(store, reception_id, tmp_path / "清单.docx")
    d = docx.Document(str(path))
    [table] = d.tables
    rows = [[c.text for c in r.cells] for r in table.rows]
    assert tuple(rows[0]) == HEADER
    assert rows[1][:8] == ["省林业和草原局", "张三", "处长", "森林防火专项检查",
                           "2026-05-06至2026-05-07", "三号林区", "1,120.00", "刘强（副局长）"]  # fmt: skip
    assert rows[2][1:3] == ["李四", "科长"]
    assert rows[-1][0] == "合计" and rows[-1][6] == "1,120.00"
    text = "\n".join(p.text for p in d.paragraphs)
    assert "青山林业局公务接待清单" in text and "林办函〔2026〕5号（2026-04-28）" in text
    assert "接待清单中的 李四 不在公函所列人员中" in text  # differs from the 公函
    assert "公函所列的 王五 不在接待清单中" in text
    assert "经办人" in text and "单位负责人" in text


def test_plan_docx_sections(store: Store, reception_id: int, tmp_path: Path) -> None:
    path = reception_docs.write_plan(store, reception_id, tmp_path / "方案.docx")
    text = [p.text for p in docx.Document(str(path)).paragraphs]
    assert text[0] == "关于接待省林业和草原局来访的方案"
    headings = [t for t in text if len(t) > 1 and t[1] == "、"]
    assert headings == ["一、接待对象", "二、时间和活动", "三、日程安排", "四、用餐安排",
                        "五、陪同人员", "六、经费预算", "七、工作要求"]  # fmt: skip
    assert "省林业和草原局一行 2 人：张三（处长）、李四（科长）。" in text
    assert any("陪餐 2 人（上限 3 人）" in t for t in text)
    assert any("合计 1,120.00 元" in t for t in text)


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")
def test_sheet_prints(store: Store, reception_id: int, tmp_path: Path, qapp: object) -> None:
    from officedesk.printing.service import print_to_pdf

    pdf = tmp_path / "清单.pdf"
    print_to_pdf(reception_docs.sheet_job(store, reception_id), pdf)
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout.replace(" ", "")  # fmt: skip
    for expected in ("青山林业局公务接待清单", "张三", "李四", "森林防火专项检查", "合计", "经办人",
                     "第1页共1页"):  # fmt: skip
        assert expected in text


def test_daily_and_monthly_visitor_log(store: Store, tmp_path: Path, qapp: object) -> None:
    import csv
    import datetime as dt

    for day, name in (("2026-04-30 16:00", "甲"), ("2026-05-06 09:00", "乙"),
                      ("2026-05-06 10:00", "丙"), ("2026-05-20 09:00", "丁")):  # fmt: skip
        rs.log_visit(store, {"name": name, "purpose": "事", "host": "办公室", "arrived_at": day,
                             "id_number": "110105194912310038"})  # fmt: skip
    day = dt.date(2026, 5, 6)
    assert reception_docs.write_visitor_log(store, "日", day, tmp_path / "d.csv") == 2
    with open(tmp_path / "d.csv", encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    assert [r[2] for r in rows[1:]] == ["乙", "丙"]
    assert all("110105********0038" in r for r in rows[1:])
    assert reception_docs.write_visitor_log(store, "月", day, tmp_path / "m.xlsx") == 3
    pdf = tmp_path / "m.pdf"
    assert reception_docs.write_visitor_log(store, "月", day, pdf) == 3
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout.replace(" ", "")  # fmt: skip
    assert "2026年5月" in text and "丁" in text and "甲" not in text


def test_plan_states_the_accompanying_limit_of_the_guests_received() -> None:
    from officedesk.exports.reception_plan import plan_sections

    guests = [{"name": "张三"}, {"name": "李四"}]
    meals = [{"day": "2026-05-06", "kind": "工作餐", "guests": 20, "staff": 6}]
    sections = dict(plan_sections({"sending_unit": "省厅"}, guests, [], meals, []))
    assert sections["用餐安排"] == ["2026年5月6日工作餐：客人 20 人，陪餐 6 人（上限 3 人）。"]
    # No list: the reception's 人数 is what was received.
    sections = dict(plan_sections({"guests": 12}, [], [], meals, []))
    assert "（上限 4 人）" in sections["用餐安排"][0]
