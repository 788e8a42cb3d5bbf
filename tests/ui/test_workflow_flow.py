"""A full 办件 path recorded by keyboard through the real step dialogs: 拟办 → 批示 → 承办 with a
deadline → two 传阅 readers → 催办 → 办结 → 答复; then the database, the history view, the
处理单 and the 传阅单 (PDF read back, and the Word file) all show it."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import docx
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from officedesk.core.registers import INCOMING_DOCUMENT
from officedesk.storage import records
from officedesk.storage.db import Store
from officedesk.ui.workflow.document_tab import DocumentTab
from tests.printing.printcheck import needs_poppler, page_texts, squeezed
from tests.ui.keyboard import type_text
from tests.ui.steps import CTRL, back_to_list, fill, in_dialog, save, tab_to

if TYPE_CHECKING:
    from tests.ui.conftest import Messages

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
# OFFICEDESK_LOOK=DIR renders the printed forms as PNGs there, to look at them.
LOOK = Path(os.environ["OFFICEDESK_LOOK"]) if os.environ.get("OFFICEDESK_LOOK") else None


class Clock:
    def __init__(self, now: dt.datetime) -> None:
        self.value = now

    def __call__(self) -> dt.datetime:
        return self.value


def cell(tab: DocumentTab, name: str) -> str:
    col = [c.key for c in tab.model.columns].index(name)
    return str(tab.model.index(tab.selected_rows()[0], col).data() or "")


@pytest.fixture
def tab(qtbot: QtBot, store: Store, messages: Messages) -> DocumentTab:
    records.insert(store, INCOMING_DOCUMENT, {
        "received_at": dt.datetime(2026, 3, 4, 9, 0), "receiver": "王明", "sender": "省林业和草原局",
        "sender_ref": "林防发〔2026〕5号", "title": "关于做好春季森林防火工作的通知",
        "urgency": "加急", "handling": "办件"})  # fmt: skip
    t = DocumentTab(store, now=Clock(dt.datetime(2026, 3, 4, 10, 0)))
    qtbot.addWidget(t)
    with qtbot.waitActive(t):
        t.show()
        t.activateWindow()
    qtbot.keyClick(t.view, Qt.Key.Key_F, CTRL)  # the search box, then Down: the first row
    qtbot.keyClick(t.search_edit, Qt.Key.Key_Down)
    assert t.current_id() is not None
    return t


@needs_poppler
def test_full_office_path_by_keyboard(
    qtbot: QtBot, tab: DocumentTab, store: Store, messages: Messages, tmp_path: Path
) -> None:
    doc_id = tab.current_id()
    assert doc_id is not None

    def propose(d: QDialog) -> None:
        fill(qtbot, d, "proposal", "拟请林政科牵头办理，报张局长阅示。")
        fill(qtbot, d, "proposer", "李芳")
        save(qtbot, d)

    in_dialog(qtbot, tab, Qt.Key.Key_1, propose)

    def instruct(leader: str, day: str, text: str) -> Callable[[QDialog], None]:
        def work(d: QDialog) -> None:
            fill(qtbot, d, "leader", leader)
            fill(qtbot, d, "given_on", day)
            fill(qtbot, d, "text", text)
            save(qtbot, d, ctrl=True)  # Ctrl+Enter saves from a several-line box

        return work

    in_dialog(
        qtbot, tab, Qt.Key.Key_2, instruct("张局长", "2026-03-04", "同意，请林政科抓紧办理。")
    )
    in_dialog(qtbot, tab, Qt.Key.Key_2, instruct("刘书记", "2026-03-05", "请防火办协助。"))

    def assign(d: QDialog) -> None:
        fill(qtbot, d, "lead_dept", "林政科")
        save(qtbot, d)  # 加急 without a deadline: refused, the cursor goes to 办理时限
        assert messages.warnings[-1] == "加急件必须规定「办理时限」"
        assert d.isVisible()
        fill(qtbot, d, "assist_depts", "防火办")
        fill(qtbot, d, "handler", "赵强")
        widget = tab_to(qtbot, d, "due_date")  # the period's day count comes first
        type_text(qtbot, widget, "5")
        save(qtbot, d)

    in_dialog(qtbot, tab, Qt.Key.Key_3, assign)
    assert cell(tab, "stage") == "承办" and cell(tab, "status") == "办理中"

    def send(reader: str, at: str) -> Callable[[QDialog], None]:
        def work(d: QDialog) -> None:
            fill(qtbot, d, "reader", reader)
            fill(qtbot, d, "sent_at", at)
            save(qtbot, d)

        return work

    in_dialog(qtbot, tab, Qt.Key.Key_4, send("张局长", "2026-03-05 09:00"))
    in_dialog(qtbot, tab, Qt.Key.Key_4, send("刘书记", "2026-03-05 11:00"))
    assert cell(tab, "holder") == "刘书记等2人" and cell(tab, "status") == "传阅中"

    def give_back(at: str, note: str, early: str = "") -> Callable[[QDialog], None]:
        def work(d: QDialog) -> None:
            if early:
                fill(qtbot, d, "returned_at", early)
                save(qtbot, d)
                assert "早于送阅时间" in messages.warnings[-1] and d.isVisible()
            fill(qtbot, d, "returned_at", at)
            if note:
                fill(qtbot, d, "note", note)
            save(qtbot, d)

        return work

    # The reader is proposed: the first one still holding the paper.
    in_dialog(
        qtbot, tab, Qt.Key.Key_5, give_back("2026-03-06 08:30", "已阅，同意", "2026-03-05 08:00")
    )
    assert cell(tab, "holder") == "刘书记"
    in_dialog(qtbot, tab, Qt.Key.Key_5, give_back("2026-03-06 16:00", ""))
    assert cell(tab, "holder") == "" and cell(tab, "status") == "办理中"

    def remind(d: QDialog) -> None:
        fill(qtbot, d, "reminded_on", "2026-03-10")
        fill(qtbot, d, "reminded_by", "王明")
        fill(qtbot, d, "answer", "周四前报送")
        save(qtbot, d, ctrl=True)

    in_dialog(qtbot, tab, Qt.Key.Key_6, remind)

    def finish(d: QDialog) -> None:
        save(qtbot, d, ctrl=True)  # no result: refused
        assert messages.warnings[-1] == "办结：「办理结果」必须填写"
        fill(qtbot, d, "result", "已完成春季防火部署并报省局。")
        fill(qtbot, d, "done_on", "2026-03-11")
        save(qtbot, d)

    in_dialog(qtbot, tab, Qt.Key.Key_7, finish)

    def reply(d: QDialog) -> None:
        fill(qtbot, d, "reply_ref", "林政函〔2026〕8号")
        fill(qtbot, d, "replied_on", "2026-03-12")
        save(qtbot, d)

    in_dialog(qtbot, tab, Qt.Key.Key_8, reply)

    # -- the database ---------------------------------------------------------------------
    rec = records.get(store, INCOMING_DOCUMENT, doc_id)
    assert (rec["proposal"], rec["proposer"], rec["proposed_on"]) == (
        "拟请林政科牵头办理，报张局长阅示。",
        "李芳",
        dt.date(2026, 3, 4),
    )
    assert rec["instruction"] == (
        "同意，请林政科抓紧办理。（张局长 2026-03-04）\n请防火办协助。（刘书记 2026-03-05）"
    )
    assert (rec["lead_dept"], rec["assist_depts"], rec["handler"]) == ("林政科", "防火办", "赵强")
    # 5 working days from 3/4 (Wed): 5, 6, 9, 10, 11.
    assert (rec["due_date"], rec["due_n"], rec["due_unit"]) == (dt.date(2026, 3, 11), 5, "工作日")
    assert (rec["status"], rec["stage"], rec["holder"]) == ("已办结", "答复", None)
    assert (rec["result"], rec["done_on"]) == ("已完成春季防火部署并报省局。", dt.date(2026, 3, 11))
    assert (rec["reply_ref"], rec["replied_on"]) == ("林政函〔2026〕8号", dt.date(2026, 3, 12))
    assert store.read("SELECT reader, sent_at, returned_at, note FROM document_circulation "
                      "WHERE voided_at IS NULL ORDER BY id") == [
        ("张局长", "2026-03-05 09:00:00", "2026-03-06 08:30:00", "已阅，同意"),
        ("刘书记", "2026-03-05 11:00:00", "2026-03-06 16:00:00", None)]  # fmt: skip
    assert [tuple(r) for r in store.read(
        "SELECT reminded_on, method, reminded_by, answer FROM document_reminder")] == [
        ("2026-03-10", "电话", "王明", "周四前报送")]  # fmt: skip
    assert [tuple(r) for r in store.read(
        "SELECT step, acted_by, acted_at FROM document_step ORDER BY id")] == [
        ("拟办", "李芳", "2026-03-04"), ("批示", "张局长", "2026-03-04"),
        ("批示", "刘书记", "2026-03-05"), ("承办", "赵强", "2026-03-04"),
        ("传阅", "张局长", "2026-03-05 09:00:00"), ("传阅", "刘书记", "2026-03-05 11:00:00"),
        ("退回", "张局长", "2026-03-06 08:30:00"), ("退回", "刘书记", "2026-03-06 16:00:00"),
        ("催办", "王明", "2026-03-10"), ("办结", "赵强", "2026-03-11"),
        ("答复", None, "2026-03-12")]  # fmt: skip

    # -- the history view -----------------------------------------------------------------
    shown: list[str] = []
    in_dialog(qtbot, tab, Qt.Key.Key_H, lambda d: shown.append(d.text()))  # type: ignore[attr-defined]
    history = shown[0].splitlines()
    assert history[0] == f"{rec['serial']}《关于做好春季森林防火工作的通知》"
    assert history[1] == "状态：已办结　当前环节：答复　文件在：办公室"
    assert history[2:] == [
        "2026-03-04 09:00　王明　签收：省林业和草原局来文《关于做好春季森林防火工作的通知》",
        history[3],  # 登记: the time the row was written
        "2026-03-04　李芳　拟办：拟请林政科牵头办理，报张局长阅示。",
        "2026-03-04　张局长　批示：同意，请林政科抓紧办理。",
        "2026-03-05　刘书记　批示：请防火办协助。",
        "2026-03-04　赵强　承办：主办 林政科，协办 防火办，承办人 赵强，时限 2026-03-11（5个工作日）",
        "2026-03-05 09:00　张局长　传阅：送 张局长 阅",
        "2026-03-05 11:00　刘书记　传阅：送 刘书记 阅",
        "2026-03-06 08:30　张局长　退回：张局长 阅毕退回：已阅，同意",
        "2026-03-06 16:00　刘书记　退回：刘书记 阅毕退回",
        "2026-03-10　王明　催办：电话催办，答复：周四前报送",
        "2026-03-11　赵强　办结：已完成春季防火部署并报省局。",
        "2026-03-12　答复：复文号 林政函〔2026〕8号",
    ]
    assert history[3].endswith(f"登记：{rec['serial']}")

    # -- the 处理单 (办文) and the 传阅单, printed to PDF and read back ---------------------
    from officedesk.printing.forms import processing_slip
    from officedesk.printing.service import print_to_pdf

    slip = tmp_path / "处理单.pdf"
    print_to_pdf(processing_slip(rec, "青山林业局", "办文"), slip)
    text = squeezed("".join(page_texts(slip)))
    for expected in ("拟请林政科牵头办理，报张局长阅示。", "拟办人：李芳", "同意，请林政科抓紧办理。（张局长2026-03-04）",
                     "请防火办协助。（刘书记2026-03-05）", "批示人：刘书记", "已完成春季防火部署并报省局。",
                     "林政科", "赵强", "2026-03-11"):  # fmt: skip
        assert expected in text, expected
    sheet = tmp_path / "传阅单.pdf"
    print_to_pdf(tab.circulation_job(rec), sheet)
    if LOOK:
        LOOK.mkdir(exist_ok=True)
        for name, pdf in (("slip", slip), ("circulation", sheet)):
            subprocess.run(["pdftoppm", "-png", "-r", "60", str(pdf), str(LOOK / name)], check=True)
    lines = page_texts(sheet)[0]
    assert "文件传阅单" in squeezed(lines)
    assert "张局长" in lines and "2026-03-05 09:00" in lines and "2026-03-06 08:30" in lines
    assert "刘书记" in lines and "2026-03-05 11:00" in lines and "2026-03-06 16:00" in lines
    assert "已阅，同意" in squeezed(lines)
    row = next(ln for ln in lines.splitlines() if "张局长" in ln)
    assert row.index("2026-03-05 09:00") < row.index("2026-03-06 08:30")  # sent, then returned

    # -- the 传阅单 as Word ---------------------------------------------------------------
    from officedesk.exports.docx_forms import export_table_form
    from officedesk.exports.workflow_forms import circulation_form
    from officedesk.storage import workflow

    word = tmp_path / "传阅单.docx"
    export_table_form(word, circulation_form(rec, workflow.readings(store, doc_id), "青山林业局"))
    table = docx.Document(str(word)).tables[0]
    cells = [[c.text for c in r.cells] for r in table.rows]
    assert cells[0] == ["序号", "阅文人", "送阅时间", "退回时间", "签名", "意见"]
    assert cells[1] == ["1", "张局长", "2026-03-05 09:00", "2026-03-06 08:30", "", "已阅，同意"]
    assert cells[2] == ["2", "刘书记", "2026-03-05 11:00", "2026-03-06 16:00", "", ""]
    assert len(cells) == 9  # 8 rows: the rest are blank for readers by hand


def test_the_reading_slip_from_the_tab_lists_the_recorded_readers(
    tab: DocumentTab, store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import officedesk.printing.service as service
    from officedesk.storage import workflow
    from officedesk.ui import messages as ui_messages

    doc_id = tab.current_id()
    assert doc_id is not None
    workflow.record_step(store, doc_id, "传阅", {"reader": "张局长", "sent_at": "2026-03-04 10:00"})
    previewed: list[Any] = []
    monkeypatch.setattr(service, "print_with_preview", lambda job, _p: previewed.append(job))
    tab.print_slip("阅文")
    assert [r.reader for r in previewed[0].readings] == ["张局长"]
    target = tmp_path / "阅文处理单.docx"
    monkeypatch.setattr(ui_messages, "ask_save_path", lambda *_a: str(target))
    monkeypatch.setattr(ui_messages, "offer_open", lambda *_a: False)
    tab.export_slip("阅文")
    cells = [c.text for t in docx.Document(str(target)).tables for r in t.rows for c in r.cells]
    assert any("张局长" in c for c in cells)


def test_a_step_entered_by_mistake_is_undone_from_the_history(
    qtbot: QtBot, tab: DocumentTab, store: Store, messages: Messages
) -> None:
    def send(d: QDialog) -> None:
        fill(qtbot, d, "reader", "张局长")
        save(qtbot, d)

    in_dialog(qtbot, tab, Qt.Key.Key_4, send)
    assert cell(tab, "holder") == "张局长"

    def undo(d: QDialog) -> None:
        qtbot.keyClick(d, Qt.Key.Key_Z, CTRL)
        assert "撤销最近一步「传阅：送 张局长 阅」吗？" in messages.questions[-1]
        assert d.text().splitlines()[-1].endswith("传阅：送 张局长 阅（已撤销）")  # type: ignore[attr-defined]
        qtbot.keyClick(d, Qt.Key.Key_Escape)

    in_dialog(qtbot, tab, Qt.Key.Key_H, undo)
    assert cell(tab, "holder") == ""
    assert (
        store.read("SELECT count(*) FROM document_circulation WHERE voided_at IS NULL")[0][0] == 0
    )
    # 答复 before 办结 is refused before any dialog opens.
    back_to_list(qtbot, tab)
    qtbot.keyClick(tab.view, Qt.Key.Key_8, CTRL)
    assert messages.warnings[-1] == "请先办结，再登记答复"


def test_make_a_supervision_item_from_the_instruction(
    qtbot: QtBot, tab: DocumentTab, store: Store, messages: Messages
) -> None:
    qtbot.keyClick(tab.view, Qt.Key.Key_D, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert messages.warnings[-1] == "这份收文还没有登记领导批示；请先登记批示，再立为督办事项"

    def instruct(d: QDialog) -> None:
        fill(qtbot, d, "leader", "张局长")
        fill(qtbot, d, "text", "列入督办，月底前办结。")
        save(qtbot, d, ctrl=True)

    in_dialog(qtbot, tab, Qt.Key.Key_2, instruct)
    back_to_list(qtbot, tab)
    qtbot.keyClick(tab.view, Qt.Key.Key_D, CTRL | Qt.KeyboardModifier.ShiftModifier)
    row = store.read_dicts("SELECT serial, source, content, instruction, leader, source_register, "
                           "source_id, source_text, status FROM supervision_item")  # fmt: skip
    assert row == [{
        "serial": "督〔2026〕1号", "source": "领导批示", "content": "关于做好春季森林防火工作的通知",
        "instruction": "列入督办，月底前办结。", "leader": "张局长", "source_register": "documents",
        "source_id": tab.current_id(), "source_text": "收〔2026〕1号《关于做好春季森林防火工作的通知》",
        "status": "在办"}]  # fmt: skip

    def look(d: QDialog) -> None:
        assert "已立为督办事项：督〔2026〕1号（在办）" in d.text()  # type: ignore[attr-defined]

    in_dialog(qtbot, tab, Qt.Key.Key_H, look)


def test_the_entry_form_leaves_the_derived_columns_to_the_steps(qtbot: QtBot, store: Store) -> None:
    from officedesk.ui.document_form import DocumentForm

    form = DocumentForm(store)
    qtbot.addWidget(form)
    assert "stage" not in form.editors and "holder" not in form.editors
