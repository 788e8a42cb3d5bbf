"""督办通报: completed, due and overdue items by 牵头单位, in the GB/T 9704 layout; read back as
Word and (when LibreOffice is there) as the PDF it converts to."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from officedesk.exports.supervision_report import write_store_report
from officedesk.storage import settings, supervision
from officedesk.storage.db import Store

from .test_libreoffice import to_pdf_text

D = dt.date
TODAY = D(2026, 11, 21)
LOOK = Path(os.environ["OFFICEDESK_LOOK"]) if os.environ.get("OFFICEDESK_LOOK") else None


def seed(store: Store) -> None:
    settings.set_many(store, {"unit_name": "青山林业局"})

    def item(content: str, unit: str, due: D, done: D | None = None) -> None:
        supervision.create_item(store, {"assigned_on": D(2026, 10, 1), "content": content,
                                        "lead_unit": unit, "owner": "赵强", "due_date": due,
                                        "done_on": done})  # fmt: skip

    item("完成秋季造林任务核查", "造林科", D(2026, 11, 10), done=D(2026, 11, 9))
    item("上月已办结的事项", "造林科", D(2026, 10, 10), done=D(2026, 10, 9))  # before the month
    item("报送林长制工作总结", "林政科", D(2026, 11, 23))
    item("整改林地征占用问题", "林政科", D(2026, 11, 1))
    item("完善信访事项台账", "办公室", D(2026, 11, 20))
    item("下月到期的事项", "办公室", D(2026, 12, 30))


def test_report_lists_items_by_unit(store: Store, tmp_path: Path) -> None:
    seed(store)
    path = write_store_report(store, tmp_path / "督办通报.docx", TODAY)
    document = docx.Document(str(path))
    texts = [p.text for p in document.paragraphs if p.text]
    assert texts[0] == "关于2026年11月督办事项办理情况的通报"
    assert texts[1] == "各科室、各单位："
    assert texts[2].startswith(
        "2026年11月1日至2026年11月21日，办结督办事项1项；截至2026年11月21日，"
        "尚有4项在办，其中临近办结时限1项，逾期未办结2项（涉及2个单位）"
    )
    assert "一、已办结事项（1项）" in texts and "（一）造林科（1项）" in texts
    assert "二、临近办结时限事项（1项）" in texts and "三、逾期未办结事项（2项）" in texts
    assert texts[-2:] == ["青山林业局办公室", "2026年11月21日"]
    tables = [[[c.text for c in row.cells] for row in t.rows] for t in document.tables]
    assert tables[0] == [
        ["督办编号", "事项内容", "责任人", "办结时限", "办结日期"],
        ["督〔2026〕1号", "完成秋季造林任务核查", "赵强", "2026-11-10", "2026-11-09"],
    ]
    assert tables[1][1][:2] == ["督〔2026〕3号", "报送林长制工作总结"]
    overdue = [row for t in tables[2:] for row in t[1:]]
    assert overdue == [
        ["督〔2026〕5号", "完善信访事项台账", "赵强", "2026-11-20", "1"],
        ["督〔2026〕4号", "整改林地征占用问题", "赵强", "2026-11-01", "20"],
    ]
    fonts = document.paragraphs[0].runs[0]._r.rPr.find(qn("w:rFonts"))
    assert fonts.get(qn("w:eastAsia")) == "方正小标宋简体"  # the title font chain's first


@pytest.mark.libreoffice
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_report_converts_with_libreoffice(store: Store, tmp_path: Path) -> None:
    seed(store)
    path = write_store_report(store, tmp_path / "tongbao.docx", TODAY)
    out = tmp_path / "pdf"
    out.mkdir()
    text = to_pdf_text([path], out)[path.name]
    assert "关于2026年11月督办事项办理情况的通报" in text.replace(" ", "")
    flat = "".join(text.split())
    assert "整改林地征占用问题" in flat and "—1—" in flat and "—2—" in flat
    if LOOK:
        LOOK.mkdir(exist_ok=True)
        subprocess.run(["pdftoppm", "-png", "-r", "50", str(out / "tongbao.pdf"),
                        str(LOOK / "tongbao")], check=True)  # fmt: skip
