"""接待 tabs driven by the keyboard: the quick line, 离开, returning visitors, forms."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from officedesk.core.registers import PETITION, RECEPTION, VISITOR
from officedesk.storage import reception as rs
from officedesk.storage import records
from officedesk.storage.db import Store
from officedesk.storage.query import Query, count
from officedesk.ui.reception import PetitionTab, ReceptionTab, VisitorTab
from officedesk.ui.reception.reception_form import ReceptionForm
from officedesk.ui.reception.visitor_form import VisitorForm
from officedesk.ui.sensitive_edit import SensitiveEdit
from tests.ui.keyboard import type_text

if TYPE_CHECKING:
    from tests.ui.conftest import Messages

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
ID = "110105194912310038"


@pytest.fixture
def tab(qtbot: QtBot, store: Store, messages: Messages) -> VisitorTab:
    widget = VisitorTab(store)
    qtbot.addWidget(widget)
    widget.resize(1300, 700)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_quick_line_logs_a_visitor_and_leave_empties_the_on_site_list(
    qtbot: QtBot, store: Store, tab: VisitorTab
) -> None:
    tab.focus_quick_line()
    name = tab.quick["name"]
    assert name.hasFocus()
    type_text(qtbot, name, "王小明")
    qtbot.keyClick(name, Qt.Key.Key_Tab)
    type_text(qtbot, tab.focusWidget(), "县林业站")
    qtbot.keyClick(tab.focusWidget(), Qt.Key.Key_Tab)
    type_text(qtbot, tab.focusWidget(), "送防火材料")
    qtbot.keyClick(tab.focusWidget(), Qt.Key.Key_Tab)
    assert tab.focusWidget() is tab.quick["host"]
    type_text(qtbot, tab.quick["host"], "办公室")
    before = dt.datetime.now().replace(second=0, microsecond=0)
    qtbot.keyClick(tab.quick["host"], Qt.Key.Key_Return)

    [row] = store.read_dicts("SELECT * FROM visitor")
    assert (row["name"], row["unit"], row["purpose"], row["host"]) == (
        "王小明", "县林业站", "送防火材料", "办公室")  # fmt: skip
    assert row["arrived_at"] >= before.isoformat(sep=" ") and row["left_at"] is None
    assert name.text() == "" and name.hasFocus()  # ready for the next visitor
    assert tab.on_site_list.count() == 1 and "王小明" in tab.on_site_list.item(0).text()
    assert tab.model.rowCount() == 1

    tab.on_site_list.setFocus()
    qtbot.keyClick(tab.on_site_list, Qt.Key.Key_F8)  # one key: 离开
    assert tab.on_site_list.count() == 0
    assert store.read("SELECT left_at FROM visitor")[0][0] is not None
    assert rs.on_site(store) == []


def test_quick_line_names_what_is_missing(qtbot: QtBot, store: Store, tab: VisitorTab) -> None:
    type_text(qtbot, tab.quick["name"], "李四")
    qtbot.keyClick(tab.quick["name"], Qt.Key.Key_Return)
    assert tab.quick["purpose"].hasFocus()  # 事由 is next to fill; nothing saved
    assert count(store, Query(VISITOR)) == 0


def test_returning_visitor_by_pinyin_initials(qtbot: QtBot, store: Store, tab: VisitorTab) -> None:
    rs.log_visit(store, {"name": "张建国", "unit": "市林业局", "purpose": "汇报", "host": "王主任",
                         "id_number": ID, "phone": "13800001111",
                         "arrived_at": "2026-03-02 09:00", "left_at": "2026-03-02 10:00"})  # fmt: skip
    rs.log_visit(store, {"name": "张建华", "unit": "县水利局", "purpose": "联系", "host": "办公室",
                         "arrived_at": "2026-01-05 09:00", "left_at": "2026-01-05 10:00"})  # fmt: skip
    tab.refresh()
    sent = {"keys": 0, "commits": 0}  # what the clerk presses, counted as the test sends it

    def key(widget: Any, k: Any) -> None:
        qtbot.keyClick(widget, k)
        sent["keys"] += 1

    tab.focus_quick_line()
    for letter in "zjg":  # 3 keys
        key(tab.quick["name"], letter)
    popup = tab.completer.popup()
    qtbot.waitUntil(popup.isVisible)
    assert tab.completer.offers()[0].startswith("张建国　市林业局")
    assert len(tab.completer.offers()) == 1  # zjg is not 张建华 (zjh)
    key(popup, Qt.Key.Key_Return)  # 1 key: accept the suggested person
    assert tab.quick["unit"].text() == "市林业局" and tab.quick["host"].text() == "王主任"
    assert "110105********0038" in tab.carried_label.text()  # the 证件, shown masked
    assert tab.quick["purpose"].hasFocus()
    type_text(qtbot, tab.quick["purpose"], "送年度报告")  # 事由: one input-method commit
    sent["commits"] += 1
    key(tab.quick["purpose"], Qt.Key.Key_Return)  # 1 key: save
    latest = rs.last_visit(store, "张建国", "市林业局")
    assert latest["purpose"] == "送年度报告" and latest["id_number"] == ID
    assert latest["phone"] == "13800001111" and latest["left_at"] is None
    # The keys the clerk pressed: z j g, Enter, Enter; plus the 事由 typed through the IME.
    assert (sent["keys"], sent["commits"]) == (5, 1)


def test_returning_visitor_by_name_characters(qtbot: QtBot, store: Store, tab: VisitorTab) -> None:
    rs.log_visit(store, {"name": "欧阳明", "unit": "省厅", "purpose": "检查", "host": "局长",
                         "arrived_at": "2026-03-02 09:00"})  # fmt: skip
    tab.focus_quick_line()
    type_text(qtbot, tab.quick["name"], "欧阳")  # an input-method commit
    qtbot.waitUntil(tab.completer.popup().isVisible)
    qtbot.keyClick(tab.completer.popup(), Qt.Key.Key_Tab)
    assert tab.quick["name"].text() == "欧阳明" and tab.quick["unit"].text() == "省厅"


def test_visitor_form_masks_the_id_and_warns_on_a_wrong_check_digit(
    qtbot: QtBot, store: Store, messages: Messages
) -> None:
    saved = rs.log_visit(store, {"name": "甲", "purpose": "事", "host": "乙", "id_number": ID})
    form = VisitorForm(store, saved["id"])
    qtbot.addWidget(form)
    edit = form.editors["id_number"]
    assert isinstance(edit, SensitiveEdit)
    assert edit.text() == "110105********0038" and edit.isReadOnly()
    assert form.values()["id_number"] == ID  # the stored number is kept while masked
    form.show()
    edit.setFocus()
    qtbot.keyClick(edit, Qt.Key.Key_Space)  # the deliberate request to see it
    assert edit.text() == ID and not edit.isReadOnly()
    edit.setText(ID[:17] + "5")
    edit.textEdited.emit(edit.text())
    assert "校验位" in form.id_note.text()
    messages.answer = False
    assert form.save() is False  # the clerk chose to check the card first
    assert "校验位" in messages.questions[-1]
    messages.answer = True
    assert form.save() is True  # kept as printed on the card
    assert records.get(store, VISITOR, saved["id"])["id_number"] == ID[:17] + "5"


def test_purge_says_how_many_first(qtbot: QtBot, store: Store, tab: VisitorTab,
                                   messages: Messages) -> None:  # fmt: skip
    rs.log_visit(
        store, {"name": "旧", "purpose": "事", "host": "乙", "arrived_at": "2019-01-01 09:00"}
    )
    rs.log_visit(store, {"name": "新", "purpose": "事", "host": "乙"})
    messages.answer = False
    tab.purge()
    assert "1 条来访记录" in messages.questions[-1] and count(store, Query(VISITOR)) == 2
    messages.answer = True
    tab.purge()
    assert count(store, Query(VISITOR)) == 1


def test_reception_form_explains_the_rules_as_you_type(
    qtbot: QtBot, store: Store, messages: Messages
) -> None:
    form = ReceptionForm(store)
    qtbot.addWidget(form)
    form.show()
    type_text(qtbot, form.editors["sending_unit"], "省林业和草原局")
    assert "尚无公函" in form.rules.text()
    for r, (name, post) in enumerate((("张三", "处长"), ("李四", "科长"))):
        form.guest_table.item(r, 0).setText(name)
        form.guest_table.item(r, 1).setText(post)
    meal = form.meal_table
    for c, text in enumerate(("2026-05-06", "工作餐", "2", "4", "400", "食堂")):
        meal.item(0, c).setText(text)
    assert "2 位客人最多 3 人陪餐，现为 4 人" in form.rules.text()
    assert "最多 3 人陪餐" in form.rules.text()
    assert form.save() is False and "最多 3 人陪餐" in messages.warnings[-1]
    meal.item(0, 2).setText("20")  # more guests at table than received: no more 陪餐 for it
    meal.item(0, 3).setText("6")
    assert "客人数 20 人，多于本次接待对象 2 人" in form.rules.text()
    assert "2 位客人最多 3 人陪餐，现为 6 人" in form.rules.text()
    assert form.save() is False and "多于本次接待对象 2 人" in messages.warnings[-1]
    meal.item(0, 2).setText("2")
    meal.item(0, 3).setText("2")
    type_text(qtbot, form.editors["letter_ref"], "林办函〔2026〕5号")
    assert "✖" not in form.rules.text()
    assert form.save() is True
    saved = records.get(store, RECEPTION, form.saved_id)
    assert saved["total_cost"] == "400.00" and saved["guests"] == 2
    assert [g["name"] for g in rs.lines(store, form.saved_id).guests] == ["张三", "李四"]


def test_petition_tab_records_steps(qtbot: QtBot, store: Store, messages: Messages) -> None:
    p = rs.save_petition(
        store, {"received_on": "2026-03-02", "petitioner": "刘某", "claim": "诉求"}
    )
    tab = PetitionTab(store)
    qtbot.addWidget(tab)
    tab.show()
    tab.select_id(p["id"])
    from officedesk.ui.reception.petition_tab import StepDialog

    dialog = StepDialog(store, records.get(store, PETITION, p["id"]), tab)
    qtbot.addWidget(dialog)
    assert dialog.kind.value() == "受理"
    dialog.day.set_value(dt.date(2026, 3, 5))
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    got = records.get(store, PETITION, p["id"])
    assert (got["status"], got["due_date"]) == ("已受理", dt.date(2026, 5, 6))


def test_tabs_construct(qtbot: QtBot, store: Store) -> None:
    for cls in (ReceptionTab, PetitionTab):
        w: Any = cls(store)
        qtbot.addWidget(w)
        assert w.record_actions


def test_a_scanned_letter_lets_a_new_reception_be_approved(
    qtbot: QtBot, store: Store, messages: Messages, tmp_path: Any
) -> None:
    from officedesk.storage import attachments

    form = ReceptionForm(store)
    qtbot.addWidget(form)
    type_text(qtbot, form.editors["sending_unit"], "某县林业局")
    form.editors["approved_by"].set_value("李局长")
    form.editors["approved_on"].set_value("2026-05-01")
    form.check_rules()
    assert "不能标记为已审批" in form.rules.text()
    scan = tmp_path / "公函.jpg"
    scan.write_bytes(b"\xff\xd8 letter")
    form.add_letter_files([str(scan)])
    assert "已附 1 个文件" in form.letter_label.text() and "✖" not in form.rules.text()
    assert form.save() is True
    assert len(attachments.list_for(store, "receptions", form.saved_id)) == 1


def test_full_form_fills_a_returning_visitor_by_id_or_name_and_unit(
    qtbot: QtBot, store: Store, messages: Messages
) -> None:
    rs.log_visit(store, {"name": "张建国", "unit": "市林业局", "purpose": "汇报", "host": "王主任",
                         "id_number": ID, "phone": "13800001111", "plate": "黑A12345"})  # fmt: skip
    form = VisitorForm(store)
    qtbot.addWidget(form)
    form.show()
    edit = form.editors["id_number"]
    type_text(qtbot, edit, ID)
    edit.editingFinished.emit()
    assert form.editors["name"].value() == "张建国" and form.editors["host"].value() == "王主任"
    assert form.focusWidget() is form.editors["purpose"]
    other = VisitorForm(store)
    qtbot.addWidget(other)
    type_text(qtbot, other.editors["name"], "张建国")
    type_text(qtbot, other.editors["unit"], "市林业局")
    other.editors["unit"].editingFinished.emit()
    assert other.editors["plate"].value() == "黑A12345"
    assert other.editors["id_number"].text() == "110105********0038"  # carried over, masked


def test_enter_on_an_open_unit_list_completes_without_saving(
    qtbot: QtBot, store: Store, tab: VisitorTab
) -> None:
    from officedesk.storage import directory

    directory.add_unit(store, "省林业和草原局")
    tab.focus_quick_line()
    type_text(qtbot, tab.quick["name"], "王五")
    qtbot.keyClick(tab.quick["name"], Qt.Key.Key_Tab)
    qtbot.keyClicks(tab.quick["unit"], "slyh")  # 省林业和草原局 by its initials
    completer = tab.quick["unit"].completer()
    qtbot.waitUntil(completer.popup().isVisible)
    qtbot.keyClick(completer.popup(), Qt.Key.Key_Return)
    assert tab.quick["unit"].text() == "省林业和草原局"
    assert count(store, Query(VISITOR)) == 0  # not saved: 事由 and 被访人 still to come


def test_tab_exports_masked_unless_the_full_numbers_are_asked_for(
    qtbot: QtBot, store: Store, tab: VisitorTab, messages: Messages, tmp_path: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    from officedesk.core.reception import ID18_IN_TEXT
    from officedesk.ui import messages as ui_messages

    rs.log_visit(store, {"name": "甲", "purpose": "事", "host": "乙", "id_number": ID})
    tab.refresh()
    monkeypatch.setattr(ui_messages, "offer_open", lambda *_a: False)
    plain, full = tmp_path / "plain.csv", tmp_path / "full.csv"
    monkeypatch.setattr(ui_messages, "ask_save_path", lambda *_a: str(plain))
    tab.export_action.trigger()
    qtbot.waitUntil(lambda: not tab.running_task.running, timeout=10000)
    assert plain.exists() and ID18_IN_TEXT.search(plain.read_text("utf-8-sig")) is None
    monkeypatch.setattr(ui_messages, "ask_save_path", lambda *_a: str(full))
    messages.answer = False
    tab.full_export_action.trigger()
    assert not full.exists() and "完整的证件号码" in messages.questions[-1]  # asked, declined
    messages.answer = True
    tab.full_export_action.trigger()
    qtbot.waitUntil(lambda: not tab.running_task.running, timeout=10000)
    assert ID18_IN_TEXT.findall(full.read_text("utf-8-sig")) == [ID]
    tab.export_action.trigger()  # the next ordinary export, to the same file, is masked again
    qtbot.waitUntil(lambda: not tab.running_task.running, timeout=10000)
    assert ID18_IN_TEXT.search(full.read_text("utf-8-sig")) is None


def test_reception_form_fits_a_1366_by_768_screen(qtbot, store) -> None:
    """The form's fields scroll: its buttons stay on a laptop screen less taskbar and title."""
    from officedesk.ui.reception.reception_form import ReceptionForm

    form = ReceptionForm(store, None)
    qtbot.addWidget(form)
    assert form.minimumSizeHint().height() <= 768 - 40 - 32
    assert form.minimumSizeHint().width() <= 1366
