"""催办单 for one 收文 and for every overdue 收文 of a department; 阅文 处理单 with its readers."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import docx

from officedesk.core.registers import INCOMING_DOCUMENT
from officedesk.exports.docx_forms import export_processing_slip, export_table_form
from officedesk.exports.workflow_forms import department_reminder_form, reminder_form
from officedesk.printing.forms import department_reminder_slip, processing_slip, reminder_slip
from officedesk.printing.service import ensure_gui_app, print_to_pdf
from officedesk.storage import records, workflow
from officedesk.storage.db import Store
from tests.printing.printcheck import A4_LANDSCAPE, needs_poppler, page_sizes, page_texts, squeezed

TODAY = dt.date(2026, 3, 20)


def seed(store: Store) -> list[int]:
    ids = []
    for n, (title, dept, due) in enumerate((
        ("关于森林防火检查的通知", "林政科", dt.date(2026, 3, 10)),
        ("关于林长制考核的通知", "林政科", dt.date(2026, 3, 16)),
        ("关于造林任务的通知", "造林科", dt.date(2026, 3, 12)),
        ("关于林政科下月事项的通知", "林政科", dt.date(2026, 4, 10)),
    )):  # fmt: skip
        rec = records.insert(store, INCOMING_DOCUMENT, {
            "received_at": dt.datetime(2026, 3, 2 + n, 9), "sender": "市林业局", "title": title,
            "lead_dept": dept, "handler": "赵强", "due_date": due})  # fmt: skip
        ids.append(int(rec["id"]))
    workflow.record_step(store, ids[0], "催办", {"reminded_on": "2026-03-11", "method": "电话",
                                                "reminded_by": "王明", "answer": "下周报送"})  # fmt: skip
    return ids


@needs_poppler
def test_reminder_slip_for_one_document(store: Store, tmp_path: Path) -> None:
    ensure_gui_app()
    ids = seed(store)
    rec = records.get(store, INCOMING_DOCUMENT, ids[0])
    reminders = workflow.reminders(store, ids[0])
    pdf = tmp_path / "催办单.pdf"
    print_to_pdf(reminder_slip(rec, reminders, "青山林业局", TODAY), pdf)
    text = squeezed(page_texts(pdf)[0])
    for expected in ("青山林业局催办单", "关于森林防火检查的通知", "主办部门：林政科", "办理时限：2026-03-10",
                     "逾期天数：10天", "2026-03-11电话王明下周报送"):  # fmt: skip
        assert expected in text, expected
    word = export_table_form(
        tmp_path / "催办单.docx", reminder_form(rec, reminders, "青山林业局", TODAY)
    )
    document = docx.Document(str(word))
    assert [c.text for c in document.tables[0].rows[1].cells] == [
        "2026-03-11",
        "电话",
        "王明",
        "下周报送",
    ]
    assert "逾期天数：10 天" in "\n".join(p.text for p in document.paragraphs)


@needs_poppler
def test_reminder_slip_for_a_department_lists_its_overdue_documents(
    store: Store, tmp_path: Path
) -> None:
    ensure_gui_app()
    seed(store)
    items = workflow.overdue_of_department(store, "林政科", TODAY)
    assert [r["title"] for r in items] == ["关于森林防火检查的通知", "关于林长制考核的通知"]
    pdf = tmp_path / "部门催办单.pdf"
    print_to_pdf(department_reminder_slip("林政科", items, "青山林业局", TODAY), pdf)
    assert page_sizes(pdf) == [A4_LANDSCAPE]
    text = squeezed(page_texts(pdf)[0])
    assert "承办部门：林政科" in text and "逾期件数：2件" in text
    assert "关于森林防火检查的通知赵强2026-03-1010" in text
    assert "关于林长制考核的通知赵强2026-03-164" in text
    assert "造林" not in text.replace("造林科", "") and "下月事项" not in text
    word = export_table_form(tmp_path / "部门催办单.docx",
                             department_reminder_form("林政科", items, "青山林业局", TODAY))  # fmt: skip
    rows = [[c.text for c in r.cells] for r in docx.Document(str(word)).tables[0].rows]
    assert rows[1][:6] == [
        "1",
        "收〔2026〕1号",
        "关于森林防火检查的通知",
        "赵强",
        "2026-03-10",
        "10",
    ]
    assert len(rows) == 3


@needs_poppler
def test_reading_slip_lists_the_recorded_readers(store: Store, tmp_path: Path) -> None:
    ensure_gui_app()
    ids = seed(store)
    workflow.record_step(store, ids[1], "传阅", {"reader": "张局长", "sent_at": "2026-03-05 09:00"})
    workflow.record_step(
        store, ids[1], "退回", {"reader": "张局长", "returned_at": "2026-03-06 10:00"}
    )
    rec = records.get(store, INCOMING_DOCUMENT, ids[1])
    readings = workflow.readings(store, ids[1])
    pdf = tmp_path / "阅文.pdf"
    print_to_pdf(processing_slip(rec, "青山林业局", "阅文", readings), pdf)
    assert "张局长03-0509:0003-0610:00" in squeezed(page_texts(pdf)[0])
    word = export_processing_slip(tmp_path / "阅文.docx", rec, "青山林业局", "阅文", readings)
    cells = [c.text for c in docx.Document(str(word)).tables[0].rows[7].cells]
    assert "张局长" in cells and "03-05 09:00 → 03-06 10:00" in cells
