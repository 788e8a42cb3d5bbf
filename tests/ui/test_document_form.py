"""The 收文 entry form driven by keyboard, asserted in the database."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QCalendarWidget, QDialog, QWidget
from pytestqt.qtbot import QtBot

from officedesk.core.registers import INCOMING_DOCUMENT, VISITOR
from officedesk.core.workdays import deadline
from officedesk.storage import attachments, directory, records, settings
from officedesk.storage.db import Store
from officedesk.ui import widgets
from officedesk.ui.document_form import DocumentForm
from officedesk.ui.record_form import RecordForm
from tests.ui.keyboard import type_text

if TYPE_CHECKING:
    from tests.ui.conftest import Messages

YEAR = dt.date.today().year


def open_form(qtbot: QtBot, form: RecordForm) -> RecordForm:
    qtbot.addWidget(form)
    with qtbot.waitActive(form):
        form.show()
        form.activateWindow()
    return form


@pytest.fixture
def form(qtbot: QtBot, store: Store, messages: Messages) -> Iterator[DocumentForm]:
    f = DocumentForm(store)
    open_form(qtbot, f)
    yield f


def focused(form: QWidget) -> QWidget:
    widget = form.focusWidget()
    assert widget is not None
    return widget


def tab_to(qtbot: QtBot, form: RecordForm, name: str) -> list[str]:
    """Press Tab until the field `name` has the focus; the names passed on the way."""
    passed: list[str] = []
    for _ in range(40):
        widget = focused(form)
        owner = widget if widget.objectName() else widget.parentWidget()
        if owner is not None and owner.objectName() == name:
            return passed
        passed.append(owner.objectName() if owner is not None else "")
        qtbot.keyClick(widget, Qt.Key.Key_Tab)
    raise AssertionError(f"Tab never reached {name}: {passed}")


def type_into(qtbot: QtBot, form: RecordForm, name: str, text: str) -> None:
    tab_to(qtbot, form, name)
    type_text(qtbot, focused(form), text)


def press_enter(qtbot: QtBot, form: RecordForm) -> None:
    qtbot.keyClick(focused(form), Qt.Key.Key_Return)


def rows(store: Store) -> list[dict[str, object]]:
    return [
        dict(zip(("id", "serial", "received_at", "receiver", "sender", "sender_ref", "doc_type",
                  "title", "issued_on", "copies", "handling", "due_date", "due_n", "due_unit",
                  "due_estimated", "status"), r, strict=True))
        for r in store.read(
            "SELECT id, serial, received_at, receiver, sender, sender_ref, doc_type, title, "
            "issued_on, copies, handling, due_date, due_n, due_unit, due_estimated, status "
            "FROM incoming_document ORDER BY id"
        )
    ]  # fmt: skip


def test_a_document_typed_by_keyboard_is_saved(
    qtbot: QtBot, store: Store, form: DocumentForm, messages: Messages
) -> None:
    before = dt.datetime.now().replace(second=0, microsecond=0)
    assert focused(form).objectName() == "received_at"  # the serial is allocated, not typed
    assert form.editors["serial"].placeholderText().startswith(f"收〔{YEAR}〕1号")
    type_into(qtbot, form, "receiver", "王芳")
    type_into(qtbot, form, "handling", "bj")  # pinyin initials pick 办件
    type_into(qtbot, form, "sender", "省林业局")
    type_into(qtbot, form, "sender_ref", f"林政发〔{YEAR}〕12号")
    type_into(qtbot, form, "doc_type", "tz")
    type_into(qtbot, form, "title", "关于做好春季造林工作的通知")
    type_into(qtbot, form, "issued_on", f"{YEAR}/3/1")
    type_into(qtbot, form, "copies", "2")  # Tab selects the field's text: 2 replaces 1
    type_into(qtbot, form, "due_date", "5")  # the deadline's first part: N
    qtbot.keyClick(focused(form), Qt.Key.Key_Tab)
    qtbot.keyClicks(focused(form), "gzr")  # 工作日
    start = form.start_date()
    assert start is not None
    expected, estimated = deadline(settings.calendar(store), start, 5, "工作日")
    assert form.deadline is not None and form.deadline.date.text() == expected.isoformat()
    press_enter(qtbot, form)  # from the unit box of the deadline

    assert messages.warnings == [] and messages.questions == []
    assert form.result() == QDialog.DialogCode.Accepted
    [row] = rows(store)
    assert form.saved_id == row["id"]
    assert row["serial"] == f"收〔{YEAR}〕1号"
    received = dt.datetime.fromisoformat(str(row["received_at"]))
    assert before <= received <= dt.datetime.now()
    assert (row["receiver"], row["sender"], row["sender_ref"]) == (
        "王芳", "省林业局", f"林政发〔{YEAR}〕12号",
    )  # fmt: skip
    assert (row["doc_type"], row["title"], row["handling"]) == (
        "通知", "关于做好春季造林工作的通知", "办件",
    )  # fmt: skip
    assert row["issued_on"] == f"{YEAR}-03-01" and row["copies"] == 2
    assert (row["due_date"], row["due_n"], row["due_unit"]) == (expected.isoformat(), 5, "工作日")
    assert row["due_estimated"] == int(estimated)
    assert row["status"] == "已登记"
    assert directory.list_units(store)[0]["name"] == "省林业局"  # learnt for completion
    assert directory.list_units(store)[0]["uses"] == 1


def test_tab_follows_the_paper_form(qtbot: QtBot, form: DocumentForm) -> None:
    passed = tab_to(qtbot, form, "lead_dept")
    fields = [n for n in passed if n in form.editors]
    assert fields == [
        "received_at",
        "receiver",
        "handling",
        "sender",
        "sender_ref",
        "doc_type",
        "title",
        "issued_on",
        "urgency",
        "secrecy",
        "copies",
        "pages",
        "enclosures",
    ]  # fmt: skip  (保密期限 and 份号 are skipped while the document is not classified)


def test_esc_cancels_and_writes_nothing(
    qtbot: QtBot, store: Store, form: DocumentForm, messages: Messages
) -> None:
    type_into(qtbot, form, "title", "不要保存的文件")
    qtbot.keyClick(focused(form), Qt.Key.Key_Escape)
    assert messages.questions == ["已填写的内容尚未保存，确定放弃吗？"]
    assert form.result() == QDialog.DialogCode.Rejected and not form.isVisible()
    assert rows(store) == []


def test_esc_on_an_untouched_form_does_not_ask(
    qtbot: QtBot, store: Store, form: DocumentForm, messages: Messages
) -> None:
    qtbot.keyClick(focused(form), Qt.Key.Key_Escape)
    assert messages.questions == [] and not form.isVisible()


def test_declining_to_discard_keeps_the_form_open(
    qtbot: QtBot, form: DocumentForm, messages: Messages
) -> None:
    messages.answer = False
    type_into(qtbot, form, "title", "还要继续填")
    qtbot.keyClick(focused(form), Qt.Key.Key_Escape)
    assert form.isVisible() and form.editors["title"].text() == "还要继续填"


def test_an_empty_title_is_named_and_nothing_is_written(
    qtbot: QtBot, store: Store, form: DocumentForm, messages: Messages
) -> None:
    type_into(qtbot, form, "sender", "省林业局")
    press_enter(qtbot, form)
    assert messages.warnings == ["「标题」必须填写"]
    assert focused(form) is form.editors["title"]
    assert form.isVisible() and rows(store) == []


def test_a_bad_date_is_named_and_focused(
    qtbot: QtBot, store: Store, form: DocumentForm, messages: Messages
) -> None:
    type_into(qtbot, form, "sender", "省林业局")
    type_into(qtbot, form, "title", "关于森林防火的通知")
    type_into(qtbot, form, "issued_on", "2024-13-45")
    press_enter(qtbot, form)
    assert len(messages.warnings) == 1
    assert messages.warnings[0].startswith("「成文日期」不是有效日期")
    assert "2024-13-45" in messages.warnings[0]
    assert focused(form) is form.editors["issued_on"]
    assert rows(store) == []


def test_ctrl_enter_saves_from_a_multiline_field(
    qtbot: QtBot, store: Store, form: DocumentForm
) -> None:
    type_into(qtbot, form, "sender", "市应急管理局")
    type_into(qtbot, form, "title", "关于汛期值班的通知")
    type_into(qtbot, form, "remarks", "第一行")
    qtbot.keyClick(focused(form), Qt.Key.Key_Return)  # a new line, not a save
    type_text(qtbot, focused(form), "第二行")
    assert rows(store) == []
    qtbot.keyClick(focused(form), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert store.read("SELECT remarks FROM incoming_document")[0][0] == "第一行\n第二行"


def test_a_duplicate_warns_and_declining_saves_nothing(
    qtbot: QtBot, store: Store, form: DocumentForm, messages: Messages
) -> None:
    records.insert(store, INCOMING_DOCUMENT, {
        "received_at": f"{YEAR}-01-05 09:00", "sender": "省林业局",
        "sender_ref": f"林政发[{YEAR}]012号", "title": "关于护林员培训的通知",
    })  # fmt: skip
    type_into(qtbot, form, "sender", "省林业局")
    type_into(qtbot, form, "sender_ref", f"林政发〔{YEAR}〕12号")
    type_into(qtbot, form, "title", "关于护林员培训的补充通知")
    messages.answer = False
    press_enter(qtbot, form)
    assert len(messages.questions) == 1
    assert "可能重复收文" in messages.questions[0] and "仍然保存？" in messages.questions[0]
    assert len(rows(store)) == 1 and form.isVisible()
    messages.answer = True
    press_enter(qtbot, form)
    assert len(rows(store)) == 2 and form.result() == QDialog.DialogCode.Accepted


def test_editing_an_existing_record_updates_it(
    qtbot: QtBot, store: Store, messages: Messages
) -> None:
    saved = records.insert(store, INCOMING_DOCUMENT, {
        "received_at": f"{YEAR}-03-05 09:30", "sender": "省林业局", "title": "旧标题",
        "due_date": f"{YEAR}-03-20",
    })  # fmt: skip
    form = open_form(qtbot, DocumentForm(store, saved["id"]))
    serial = form.editors["serial"]
    assert serial.text() == f"收〔{YEAR}〕1号" and not serial.isReadOnly()
    assert form.editors["received_at"].text() == f"{YEAR}-03-05 09:30"
    assert form.deadline is not None and form.deadline.date.text() == f"{YEAR}-03-20"
    assert "修改收文登记" in form.windowTitle()
    type_into(qtbot, form, "title", "新标题")
    press_enter(qtbot, form)
    assert messages.warnings == []
    [row] = rows(store)
    assert (row["id"], row["title"], row["serial"]) == (saved["id"], "新标题", f"收〔{YEAR}〕1号")
    assert row["received_at"] == f"{YEAR}-03-05 09:30:00"
    assert row["due_date"] == f"{YEAR}-03-20"
    assert directory.list_units(store) == []  # the 来文机关 did not change: no new use counted


def test_a_taken_serial_is_refused_with_the_field_focused(
    qtbot: QtBot, store: Store, messages: Messages
) -> None:
    base = {"received_at": f"{YEAR}-03-05 09:30", "sender": "省林业局"}
    records.insert(store, INCOMING_DOCUMENT, {**base, "title": "甲"})
    second = records.insert(store, INCOMING_DOCUMENT, {**base, "title": "乙"})
    form = open_form(qtbot, DocumentForm(store, second["id"]))
    form.editors["serial"].setText(f"收〔{YEAR}〕1号")
    form.focus_field("title")
    press_enter(qtbot, form)
    assert messages.warnings and "已被使用" in messages.warnings[0]
    assert focused(form) is form.editors["serial"]


def test_sender_completion_offers_units_by_pinyin_initials(
    qtbot: QtBot, store: Store, messages: Messages
) -> None:
    directory.add_unit(store, "省林业局")
    directory.add_unit(store, "市财政局")
    form = open_form(qtbot, DocumentForm(store))
    type_into(qtbot, form, "sender", "lyj")
    completer = form.editors["sender"].completer()
    assert isinstance(completer, widgets.DirectoryCompleter)
    assert completer.names() == ["省林业局"]
    assert completer.popup().isVisible()
    qtbot.keyClick(completer.popup(), Qt.Key.Key_Return)  # takes the best match, does not save
    assert form.editors["sender"].text() == "省林业局"
    assert not completer.popup().isVisible() and form.isVisible()
    assert focused(form) is form.editors["sender"]


def test_deadline_in_natural_days_and_typed_dates(qtbot: QtBot, form: DocumentForm) -> None:
    form.editors["received_at"].setText("2024-09-27 10:00")  # a Friday before 国庆
    form.editors["received_at"].edited.emit()
    deadline_edit = form.deadline
    assert deadline_edit is not None
    deadline_edit.unit.set_value("自然日")
    deadline_edit.n.setValue(3)  # 9-30 is a working day
    assert deadline_edit.date.text() == "2024-09-30"
    deadline_edit.n.setValue(4)  # 10-01 is 国庆: rolls to the first working day after
    assert deadline_edit.date.text() == "2024-10-08"
    deadline_edit.unit.set_value("工作日")
    assert deadline_edit.date.text() == "2024-10-09"  # Sunday 9-29 is a 调休 working day
    assert deadline_edit.note.text() == ""
    tab_to(qtbot, form, "due_date")
    qtbot.keyClick(focused(form), Qt.Key.Key_Tab)
    qtbot.keyClick(focused(form), Qt.Key.Key_Tab)
    assert focused(form) is deadline_edit.date
    qtbot.keyClicks(focused(form), "2024-11-01")
    assert deadline_edit.values() == {
        "due_date": "2024-11-01", "due_n": None, "due_unit": None, "due_estimated": False,
    }  # fmt: skip


def test_a_deadline_beyond_the_known_years_is_estimated(form: DocumentForm) -> None:
    form.editors["received_at"].setText("2099-03-02 09:00")
    form.editors["received_at"].edited.emit()
    assert form.deadline is not None
    form.deadline.n.setValue(5)
    assert form.deadline.note.text() == "（估算）"
    assert form.deadline.values()["due_estimated"] is True
    assert form.editors["serial"].placeholderText().startswith("收〔2099〕1号")


def test_classified_level_shows_the_warning_and_opens_its_fields(
    qtbot: QtBot, form: DocumentForm
) -> None:
    assert not form.classified_banner.isVisible()
    assert not form.editors["copy_no"].isEnabled()
    type_into(qtbot, form, "secrecy", "jm")  # 机密
    assert form.editors["secrecy"].currentText() == "机密"
    assert form.classified_banner.isVisible()
    assert "不得在非涉密计算机上处理" in form.classified_banner.text()
    assert form.editors["copy_no"].isEnabled() and form.editors["secrecy_term"].isEnabled()


def test_attachments_are_copied_on_save_and_opened(
    qtbot: QtBot,
    store: Store,
    form: DocumentForm,
    messages: Messages,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    scan = tmp_path / "扫描件.pdf"
    scan.write_bytes(b"%PDF scan")
    monkeypatch.setattr(widgets, "pick_files", lambda parent, title: [str(scan)])
    opened: list[str] = []
    monkeypatch.setattr(widgets, "open_file", lambda path: opened.append(path) or True)
    type_into(qtbot, form, "sender", "省林业局")
    type_into(qtbot, form, "title", "关于林长制考核的通知")
    qtbot.mouseClick(form.add_file_button, Qt.MouseButton.LeftButton)
    assert form.attachment_list.count() == 1
    assert list(store.attachment_dir.glob("*")) == []  # nothing is copied before saving
    form.focus_field("title")
    press_enter(qtbot, form)
    [row] = rows(store)
    [linked] = attachments.list_for(store, "documents", int(row["id"]))  # type: ignore[arg-type]
    assert linked["filename"] == "扫描件.pdf"

    again = open_form(qtbot, DocumentForm(store, int(row["id"])))  # type: ignore[arg-type]
    assert again.attachment_list.count() == 1
    again.show_attachments()
    assert focused(again) is again.attachment_list
    qtbot.keyClick(again.attachment_list, Qt.Key.Key_Return)  # opens, does not save
    assert opened == [str(attachments.path_of(store, linked))]
    assert again.isVisible()
    qtbot.mouseClick(again.remove_file_button, Qt.MouseButton.LeftButton)
    again.focus_field("title")
    press_enter(qtbot, again)
    assert attachments.list_for(store, "documents", int(row["id"])) == []  # type: ignore[arg-type]


def test_generic_form_for_another_register(qtbot: QtBot, store: Store, messages: Messages) -> None:
    form = open_form(qtbot, RecordForm(store, VISITOR))
    assert focused(form).objectName() == "arrived_at"
    type_into(qtbot, form, "name", "赵强")
    type_into(qtbot, form, "companions", "两人")
    type_into(qtbot, form, "purpose", "洽谈合作")
    type_into(qtbot, form, "host", "办公室")
    press_enter(qtbot, form)
    assert messages.warnings == ["「随行人数」应为整数：两人"]
    assert focused(form) is form.editors["companions"]
    qtbot.keyClick(focused(form), Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(focused(form), "2")
    press_enter(qtbot, form)
    assert store.read("SELECT name, companions, purpose FROM visitor")[0][:] == (
        "赵强", 2, "洽谈合作",
    )  # fmt: skip


def test_f4_opens_a_calendar_that_fills_the_date(qtbot: QtBot, form: DocumentForm) -> None:
    tab_to(qtbot, form, "issued_on")
    qtbot.keyClick(focused(form), Qt.Key.Key_F4)
    editor = form.editors["issued_on"]
    popup = editor.findChild(QCalendarWidget)
    assert popup is not None and popup.isVisible()
    popup.activated.emit(QDate(2024, 3, 5))  # what Enter on a day does
    assert editor.text() == "2024-03-05" and not popup.isVisible()


def test_workflow_fields_are_not_editable_in_the_form(
    qtbot: QtBot, store: Store, messages: Messages
) -> None:
    """状态, 办理结果, 办结日期, 复文号, 答复日期 are set by the 办结/答复 steps, which check them."""
    done = records.insert(store, INCOMING_DOCUMENT, {
        "received_at": f"{YEAR}-03-05 09:30", "sender": "省林业局", "title": "旧标题",
        "handling": "办件", "lead_dept": "林政科", "status": "已办结", "result": "已落实",
        "done_on": f"{YEAR}-03-10", "reply_ref": f"林政函〔{YEAR}〕8号",
        "replied_on": f"{YEAR}-03-11",
    })  # fmt: skip
    form = open_form(qtbot, DocumentForm(store, done["id"]))
    for name in ("status", "result", "done_on", "reply_ref", "replied_on"):
        assert name not in form.editors
        assert form.findChild(QWidget, name) is None
    passed = tab_to(qtbot, form, "remarks")
    assert [n for n in passed if n in form.editors][-4:] == ["handler", *["due_date"] * 3]
    type_into(qtbot, form, "title", "新标题")
    press_enter(qtbot, form)
    assert messages.warnings == []
    row = records.get(store, INCOMING_DOCUMENT, done["id"])
    assert (row["title"], row["status"], row["result"]) == ("新标题", "已办结", "已落实")
    assert (row["reply_ref"], row["replied_on"]) == (f"林政函〔{YEAR}〕8号", dt.date(YEAR, 3, 11))


def test_an_urgent_document_in_hand_keeps_its_deadline(
    qtbot: QtBot, store: Store, messages: Messages
) -> None:
    """A 加急 办件 with a 主办部门 (承办 recorded) cannot lose its 办理时限 in the form."""
    doc = records.insert(store, INCOMING_DOCUMENT, {
        "received_at": f"{YEAR}-03-05 09:30", "sender": "省林业局", "title": "防火紧急通知",
        "handling": "办件", "urgency": "加急", "lead_dept": "林政科", "status": "办理中",
        "due_date": f"{YEAR}-03-10",
    })  # fmt: skip
    form = open_form(qtbot, DocumentForm(store, doc["id"]))
    tab_to(qtbot, form, "due_date")
    qtbot.keyClick(focused(form), Qt.Key.Key_Tab)  # the unit
    qtbot.keyClick(focused(form), Qt.Key.Key_Tab)  # the date, its text selected
    qtbot.keyClick(focused(form), Qt.Key.Key_Backspace)
    assert form.deadline is not None and form.deadline.date.text() == ""
    press_enter(qtbot, form)
    assert messages.warnings and "「办理时限」" in messages.warnings[-1]
    assert form.isVisible() and focused(form) is form.deadline.date
    assert records.get(store, INCOMING_DOCUMENT, doc["id"])["due_date"] == dt.date(YEAR, 3, 10)


def test_made_urgent_after_it_was_assigned_needs_a_deadline(
    qtbot: QtBot, store: Store, messages: Messages
) -> None:
    doc = records.insert(store, INCOMING_DOCUMENT, {
        "received_at": f"{YEAR}-03-05 09:30", "sender": "省林业局", "title": "防火通知",
        "handling": "办件", "lead_dept": "林政科", "status": "办理中",
    })  # fmt: skip
    form = open_form(qtbot, DocumentForm(store, doc["id"]))
    type_into(qtbot, form, "urgency", "tj")  # 特急
    assert form.editors["urgency"].value() == "特急"
    press_enter(qtbot, form)
    assert messages.warnings and "特急" in messages.warnings[-1]
    assert "「办理时限」" in messages.warnings[-1]
    assert records.get(store, INCOMING_DOCUMENT, doc["id"])["urgency"] == "无"
    # A 阅件, or a 办件 not yet assigned, may be 特急 without one (承办 will ask for it).
    records.update(store, INCOMING_DOCUMENT, doc["id"], {"lead_dept": None})
    again = open_form(qtbot, DocumentForm(store, doc["id"]))
    type_into(qtbot, again, "urgency", "tj")
    press_enter(qtbot, again)
    assert records.get(store, INCOMING_DOCUMENT, doc["id"])["urgency"] == "特急"
