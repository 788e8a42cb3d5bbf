"""The meeting's documents generated from the record: 会议通知 and 纪要 (GB/T 9704), 签到表
(.docx, .xlsx) and 座次表 (.docx), read back with python-docx / openpyxl and LibreOffice."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path

import docx
import openpyxl
import pytest
from docx.oxml.ns import qn

from officedesk.exports.common import ExportError
from officedesk.exports.meeting_docs import (
    title_lines,
    write_minutes,
    write_notice,
    write_seating,
    write_sign_in,
)
from officedesk.storage import meeting_minutes, meetings, settings
from officedesk.storage.db import Store

from .test_libreoffice import to_pdf_text

LEADERS = (("王建国", "党委书记"), ("刘志强", "局长"), ("张海燕", "副局长"), ("陈松林", "副局长"))


@pytest.fixture
def meeting(store: Store) -> int:
    settings.set_many(store, {"unit_name": "青山林业局", "meeting_contact": "周文",
                              "meeting_contact_phone": "0431-88886666"})  # fmt: skip
    meetings.save_room(store, {"name": "三楼党委会议室", "capacity": 20})
    people = [{"role": "出席", "name": n, "unit": "局领导", "post": p} for n, p in LEADERS]
    people += [{"role": "列席", "name": "郑强", "unit": "森林防火办公室", "post": "主任"},
               {"role": "请假", "name": "吴斌", "unit": "财务科", "absent_reason": "外出学习"}]  # fmt: skip
    agenda = [{"time_text": "9:00", "topic": "通报2025年森林防火工作情况", "presenter": "郑强"},
              {"time_text": "10:00", "topic": "部署春季森林防火工作", "presenter": "刘志强"}]  # fmt: skip
    saved = meetings.save(store, meetings.Plan(
        {"name": "2026年春季森林防火工作会议", "starts_at": "2026-03-04 09:00",
         "ends_at": "2026-03-04 11:30", "room": "三楼党委会议室", "chair": "刘志强",
         "host_dept": "办公室", "requirements": "请提前准备汇报材料。"}, people, agenda))  # fmt: skip
    meeting_minutes.save_minutes(store, saved["id"], "会议听取了森林防火工作汇报。", [
        {"text": "严格落实森林防火责任制", "lead_unit": "森林防火办公室", "due_date": "2026-03-10"},
        {"text": "清明节期间实行24小时值班", "lead_unit": "办公室"},
    ])  # fmt: skip
    return int(saved["id"])


def east_asian(run) -> str:
    return run._r.rPr.find(qn("w:rFonts")).get(qn("w:eastAsia"))


def test_notice_layout_read_back(store: Store, meeting: int, tmp_path: Path) -> None:
    path = write_notice(store, meeting, tmp_path / "通知.docx", dt.date(2026, 3, 1))
    document = docx.Document(str(path))
    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    margins = [section.top_margin, section.left_margin, section.right_margin, section.bottom_margin]
    assert [round(m.mm) for m in margins] == [37, 28, 26, 35]
    paragraphs = [p for p in document.paragraphs if p.text]
    title = paragraphs[:2]
    assert "".join(p.text for p in title) == "关于召开2026年春季森林防火工作会议的通知"
    assert all(east_asian(p.runs[0]) == "方正小标宋简体" and p.runs[0].font.size.pt == 22
               for p in title)  # fmt: skip
    texts = [p.text for p in paragraphs]
    headings = ["一、会议时间", "二、会议地点", "三、参会人员", "四、会议议程", "五、有关要求"]
    assert [t for t in texts if t in headings] == headings
    for p in paragraphs:
        if p.text in headings:
            assert east_asian(p.runs[0]) == "黑体"
    body = paragraphs[texts.index("一、会议时间") + 1]
    assert body.text == "2026年3月4日（星期三）上午9:00—11:30。"
    assert east_asian(body.runs[0]) == "仿宋_GB2312" and body.runs[0].font.size.pt == 16
    assert "出席：王建国（党委书记）、刘志强（局长）、张海燕（副局长）、陈松林（副局长）。" in texts
    assert "1. 9:00　通报2025年森林防火工作情况（郑强）；" in texts
    assert "联系人：周文　　联系电话：0431-88886666" in texts
    assert "附件：参会回执" in texts and texts[-2:] == [
        "参会回执",
        "会议名称：2026年春季森林防火工作会议",
    ]
    assert document.tables[0].rows[0].cells[0].text == "单位"
    assert section.footer.paragraphs[0].text.startswith("— ")


def test_notice_asks_for_replies_by_the_working_day_before(store: Store, tmp_path: Path) -> None:
    # A Monday meeting after a weekend the unit made a holiday from Friday: replies by Thursday.
    settings.set_holiday(store, dt.date(2026, 3, 6), False, "单位自定休息日")
    saved = meetings.save(store, meetings.Plan(
        {"name": "安全生产例会", "starts_at": "2026-03-09 09:00", "ends_at": "2026-03-09 10:00",
         "room": "某某林场"}, [{"role": "出席", "name": "刘志强"}], []))  # fmt: skip
    path = write_notice(store, saved["id"], tmp_path / "通知.docx", dt.date(2026, 3, 2))
    text = "\n".join(p.text for p in docx.Document(str(path)).paragraphs)
    assert "请于2026年3月5日前将参会回执（见附件）报送" in text
    # Dated on the Sunday before, the notice cannot ask for replies by an earlier day.
    path = write_notice(store, saved["id"], tmp_path / "晚.docx", dt.date(2026, 3, 8))
    text = "\n".join(p.text for p in docx.Document(str(path)).paragraphs)
    assert "请于2026年3月8日前将参会回执" in text


@pytest.mark.libreoffice
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_libreoffice_notice_and_minutes(store: Store, meeting: int, tmp_path: Path) -> None:
    src = tmp_path / "src"
    src.mkdir()
    notice = write_notice(store, meeting, src / "notice.docx", dt.date(2026, 3, 1))
    minutes = write_minutes(store, meeting, src / "minutes.docx")
    texts = to_pdf_text([notice, minutes], tmp_path)
    pages = [p for p in texts["notice.docx"].split("\f") if p.strip()]
    assert len(pages) == 3  # a typical notice: two pages and the 回执 on its own
    for number, page in enumerate(pages, 1):
        assert re.search(rf"—\s*{number}\s*—", page)
    flat = [re.sub(r"\s+", "", p) for p in pages]
    assert flat[0].startswith("关于召开2026年春季森林防火工作会议的通知")  # the title, both lines
    assert "五、有关要求" in flat[0] + flat[1] and "2026年3月1日" in flat[1]
    assert flat[2].startswith("附件参会回执")
    minutes_flat = re.sub(r"\s+", "", texts["minutes.docx"])
    assert minutes_flat.startswith("2026年春季森林防火工作会议纪要")
    assert re.search("一、严格落实森林防火责任制。.*二、清明节期间实行24小时值班", minutes_flat)
    assert "出席：王建国（党委书记）" in minutes_flat and "请假：吴斌（外出学习）" in minutes_flat
    assert "列席：郑强（主任）" in minutes_flat and "—1—" in minutes_flat


def test_minutes_lines_and_no_seal(store: Store, meeting: int, tmp_path: Path) -> None:
    document = docx.Document(str(write_minutes(store, meeting, tmp_path / "纪要.docx")))
    texts = [p.text for p in document.paragraphs if p.text]
    assert texts[0] == "2026年春季森林防火工作会议纪要"
    decisions = [t for t in texts if re.match("[一二三]、", t)]
    assert decisions == ["一、严格落实森林防火责任制。（牵头单位：森林防火办公室；完成时限：2026年3月10日）",
                         "二、清明节期间实行24小时值班。（牵头单位：办公室）"]  # fmt: skip
    assert [t.split("：")[0] for t in texts[-3:]] == ["出席", "请假", "列席"]
    label = next(p for p in document.paragraphs if p.text.startswith("出席："))
    assert east_asian(label.runs[0]) == "黑体" and east_asian(label.runs[1]) == "仿宋_GB2312"
    assert not any(t == "青山林业局" for t in texts)  # no 署名, no seal


def test_sign_in_sheets(store: Store, meeting: int, tmp_path: Path) -> None:
    first = meetings.attendees(store, meeting)[0]
    meetings.set_attendee_status(store, first["id"], signed_at=dt.datetime(2026, 3, 4, 8, 52))
    book = openpyxl.load_workbook(write_sign_in(store, meeting, tmp_path / "签到表.xlsx"))
    ws = book.active
    rows = [[c for c in row] for row in ws.iter_rows(values_only=True)]
    assert rows[0][0] == "2026年春季森林防火工作会议签到表"
    assert rows[2][0].startswith("时　　间：2026年3月4日")
    assert list(rows[4]) == ["序号", "姓名", "单位/部门", "职务", "签到时间", "签名", "备注"]
    assert list(rows[5])[:5] == [1, "王建国", "局领导", "党委书记", "08:52"]
    assert rows[10][1] == "吴斌" and rows[10][6] == "请假、外出学习"
    assert rows[-1][0] == "应到 5 人　　实到 1 人　　缺席 4 人"
    assert int(ws.page_setup.paperSize) == 9 and ws.print_title_rows == "$5:$5"
    word = docx.Document(str(write_sign_in(store, meeting, tmp_path / "签到表.docx")))
    table = word.tables[0]
    assert [c.text for c in table.rows[0].cells] == ["序号", "姓名", "单位/部门", "职务",
                                                     "签到时间", "签名", "备注"]  # fmt: skip
    assert [c.text for c in table.rows[1].cells][:5] == [
        "1",
        "王建国",
        "局领导",
        "党委书记",
        "08:52",
    ]
    assert word.paragraphs[-1].text == "应到 5 人　　实到 1 人　　缺席 4 人"
    with pytest.raises(ExportError, match=r"\.docx 或 \.xlsx"):
        write_sign_in(store, meeting, tmp_path / "签到表.pdf")


def test_seating_docx_both_viewpoints(store: Store, meeting: int, tmp_path: Path) -> None:
    document = docx.Document(str(write_seating(store, meeting, tmp_path / "座次表.docx")))
    assert round(document.sections[0].page_width.mm) == 297
    subtitles = [p.text for p in document.paragraphs if p.text.startswith("（")]
    assert [s.split("）")[0] for s in subtitles] == ["（台下视角", "（台上视角"]
    audience, stage = (
        [c.text.replace("\n", " ") for c in t.rows[0].cells] for t in document.tables
    )
    # Four people, variant A, from the audience: 3 1 2 4.
    assert audience == ["3 张海燕", "1 王建国", "2 刘志强", "4 陈松林"]
    assert stage == audience[::-1]


def test_title_lines_break_between_words() -> None:
    assert title_lines("关于召开党委会的通知") == "关于召开党委会的通知"
    assert title_lines("关于召开2026年春季森林防火工作会议的通知") == \
        "关于召开2026年春季森林防火\n工作会议的通知"  # fmt: skip
    two = title_lines("关于召开2026年全局森林草原防灭火暨安全生产工作电视电话会议的通知")
    assert two.split("\n") == [
        "关于召开2026年全局森林草原防灭火",
        "暨安全生产工作电视电话会议的通知",
    ]


def test_notice_with_a_document_number_has_a_masthead(store: Store, meeting: int,
                                                      tmp_path: Path) -> None:  # fmt: skip
    from officedesk.core.registers import MEETING
    from officedesk.storage import records

    records.update(store, MEETING, meeting, {"notice_ref": "青林办发〔2026〕5号"})
    document = docx.Document(str(write_notice(store, meeting, tmp_path / "n.docx")))
    texts = [p.text for p in document.paragraphs if p.text]
    assert texts[:3] == [
        "青山林业局办公室文件",
        "青林办发〔2026〕5号",
        "关于召开2026年春季森林防火",
    ]
