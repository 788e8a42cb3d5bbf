"""The settings dialog (settings, holiday table) and the directory dialog, checked in the store."""

from __future__ import annotations

import datetime as dt
from functools import partial
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from officedesk.core.registers import INCOMING_DOCUMENT
from officedesk.storage import directory, records, settings
from officedesk.storage.db import Store
from officedesk.ui import directory_dialog, widgets
from officedesk.ui.directory_dialog import DirectoryDialog, EntryDialog
from officedesk.ui.settings_dialog import SettingsDialog
from tests.ui.keyboard import type_text as _type_text

type_text = partial(_type_text, replace=True)

if TYPE_CHECKING:
    from tests.ui.conftest import Messages

YEAR = dt.date.today().year


@pytest.fixture
def dialog(qtbot: QtBot, store: Store, messages: Messages) -> SettingsDialog:
    d = SettingsDialog(store)
    qtbot.addWidget(d)
    d.show()
    return d


# -- settings ---------------------------------------------------------------------------------


def test_settings_are_shown_and_saved(qtbot: QtBot, store: Store, dialog: SettingsDialog) -> None:
    assert dialog.editors["unit_name"].text() == "某某林业局"
    type_text(qtbot, dialog.editors["unit_name"], "某某国有林场")
    dialog.editors["due_soon_days"].setValue(5)  # type: ignore[union-attr]
    type_text(qtbot, dialog.editors["document_serial_template"], "{YYYY}-{n:04d}")
    assert dialog.previews["document_serial_template"].text() == f"下一个编号：{YEAR}-0001"
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert settings.get(store, "unit_name") == "某某国有林场"
    assert settings.get(store, "due_soon_days") == 5
    assert settings.get(store, "document_serial_template") == "{YYYY}-{n:04d}"


def test_serial_preview_follows_the_series(qtbot: QtBot, store: Store, messages: Messages) -> None:
    records.insert(store, INCOMING_DOCUMENT, {
        "received_at": f"{YEAR}-03-05 09:30", "sender": "省林业局", "title": "甲",
    })  # fmt: skip
    d = SettingsDialog(store)
    qtbot.addWidget(d)
    assert d.previews["document_serial_template"].text() == f"下一个编号：收〔{YEAR}〕2号"


def test_a_bad_template_is_named_and_nothing_is_saved(
    qtbot: QtBot, store: Store, dialog: SettingsDialog, messages: Messages
) -> None:
    type_text(qtbot, dialog.editors["unit_name"], "新名称")
    type_text(qtbot, dialog.editors["document_serial_template"], "收〔{YYYY}〕号")
    assert "缺少序号" in dialog.previews["document_serial_template"].text()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert len(messages.warnings) == 1
    assert messages.warnings[0].startswith("「收文编号模板」")
    assert "缺少序号" in messages.warnings[0]
    assert dialog.isVisible()
    assert settings.get(store, "unit_name") == "某某林业局"  # nothing saved


def test_an_empty_unit_name_is_refused(
    qtbot: QtBot, store: Store, dialog: SettingsDialog, messages: Messages
) -> None:
    dialog.editors["unit_name"].clear()  # type: ignore[union-attr]
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert messages.warnings == ["「单位名称」不能为空"]
    assert dialog.focusWidget() is dialog.editors["unit_name"]


def test_holidays_are_added_changed_and_removed(
    qtbot: QtBot, store: Store, messages: Messages
) -> None:
    settings.set_holiday(store, dt.date(2027, 1, 1), False, "元旦")
    settings.set_holiday(store, dt.date(2027, 2, 6), True, "春节调休")
    d = SettingsDialog(store)
    qtbot.addWidget(d)
    table = d.holiday_table
    assert table.rowCount() == 2 and table.item(0, 0).text() == "2027-01-01"
    row = d.add_holiday_row()
    table.item(row, 0).setText("2027/2/7")
    kind = table.cellWidget(row, 1)
    assert isinstance(kind, widgets.ChoiceEdit)
    kind.set_value("上班")
    table.item(row, 2).setText("春节调休")
    table.selectRow(0)
    d.remove_selected_holidays()
    assert d.save()
    assert settings.holidays(store) == [
        (dt.date(2027, 2, 6), True, "春节调休"),
        (dt.date(2027, 2, 7), True, "春节调休"),
    ]
    assert settings.calendar(store).is_workday(dt.date(2027, 2, 7))  # a Sunday


def test_a_bad_holiday_date_names_the_row_and_saves_nothing(
    qtbot: QtBot, store: Store, dialog: SettingsDialog, messages: Messages
) -> None:
    type_text(qtbot, dialog.editors["unit_name"], "不应保存")
    row = dialog.add_holiday_row()
    dialog.holiday_table.item(row, 0).setText("2027-02-30")
    assert not dialog.save()
    assert messages.warnings == ["节假日第 1 行「日期」不是有效日期（应如 2024-10-01）：2027-02-30"]
    assert dialog.tabs.currentIndex() == dialog.holiday_tab and dialog.holiday_table.currentRow() == 0
    assert settings.holidays(store) == []
    assert settings.get(store, "unit_name") == "某某林业局"


def test_a_repeated_holiday_date_is_refused(
    qtbot: QtBot, store: Store, dialog: SettingsDialog, messages: Messages
) -> None:
    for text in ("2027-10-01", "2027/10/1"):
        row = dialog.add_holiday_row()
        dialog.holiday_table.item(row, 0).setText(text)
    assert not dialog.save()
    assert messages.warnings == ["节假日第 2 行「日期」2027-10-01 与第 1 行重复"]


# -- directory ---------------------------------------------------------------------------------


def fill_and_save(values: dict[str, str]):  # type: ignore[no-untyped-def]
    """A stand-in for exec(): fill the entry dialog and press 保存."""

    def run(dialog: QDialog) -> int:
        assert isinstance(dialog, EntryDialog)
        for column, text in values.items():
            dialog.editors[column].setText(text)
        dialog.save()
        return dialog.result()

    return run


def test_directory_tabs_list_add_edit_and_remove(
    qtbot: QtBot, store: Store, messages: Messages, monkeypatch: pytest.MonkeyPatch
) -> None:
    directory.add_department(store, "办公室", sort=1)
    directory.add_unit(store, "省林业局")
    d = DirectoryDialog(store)
    qtbot.addWidget(d)
    d.show()
    assert [d.tabs.tabText(i) for i in range(3)] == ["部门", "人员", "外单位（来文机关）"]
    people = d.pages["people"]
    person = {"name": "李明", "department": "办公室", "post": "主任"}
    monkeypatch.setattr(directory_dialog, "run", fill_and_save(person))
    qtbot.mouseClick(people.add_button, Qt.MouseButton.LeftButton)
    assert people.names() == ["李明"]
    [saved] = directory.list_people(store)
    assert (saved["department"], saved["post"]) == ("办公室", "主任")

    monkeypatch.setattr(directory_dialog, "run", fill_and_save({"phone": "13900000000"}))
    people.table.selectRow(0)
    people.table.setFocus()
    qtbot.keyClick(people.table, Qt.Key.Key_Return)  # Enter edits the selected entry
    assert directory.list_people(store)[0]["phone"] == "13900000000"

    qtbot.keyClick(people.table, Qt.Key.Key_Delete)
    assert messages.questions and "李明" in messages.questions[0]
    assert people.names() == [] and directory.list_people(store) == []


def test_directory_refuses_a_duplicate_name_and_keeps_the_dialog(
    qtbot: QtBot, store: Store, messages: Messages, monkeypatch: pytest.MonkeyPatch
) -> None:
    directory.add_unit(store, "省林业局")
    d = DirectoryDialog(store)
    qtbot.addWidget(d)
    monkeypatch.setattr(directory_dialog, "run", fill_and_save({"name": "省林业局"}))
    d.pages["units"].add_entry()
    assert messages.warnings == ["外单位「省林业局」已存在，名称不能重复"]
    assert len(directory.list_units(store)) == 1


def test_directory_filter_matches_pinyin_initials(
    qtbot: QtBot, store: Store, messages: Messages
) -> None:
    for name in ("省林业局", "市财政局", "重庆市林业局"):
        directory.add_unit(store, name)
    d = DirectoryDialog(store)
    qtbot.addWidget(d)
    units = d.pages["units"]
    assert len(units.names()) == 3
    qtbot.keyClicks(units.filter, "lyj")
    assert sorted(units.names()) == ["省林业局", "重庆市林业局"]
    units.filter.clear()
    qtbot.keyClicks(units.filter, "zq")
    assert units.names() == ["重庆市林业局"]
    type_text(qtbot, units.filter, "财政")
    assert units.names() == ["市财政局"]
