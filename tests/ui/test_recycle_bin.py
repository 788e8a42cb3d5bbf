"""作废 and 恢复 through the widgets: the areas' rules speak in the question, a refusal is a
warning and nothing changes, a clashing meeting comes back from the 回收站 with a reason."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QApplication

from officedesk.core.registers import ARCHIVE_ITEM, INCOMING_DOCUMENT, MEETING
from officedesk.storage import archive, meetings, records, settings
from officedesk.storage.db import Store
from officedesk.storage.meetings import Plan
from officedesk.ui import messages as ui_messages
from officedesk.ui.changes import Changes
from officedesk.ui.recycle_bin import RecycleBinDialog
from officedesk.ui.register_tab import RegisterTab
from tests.ui.conftest import Messages
from tests.ui.steps import back_to_list

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def _plan(name: str, start: str, end: str) -> Plan:
    return Plan({"name": name, "starts_at": start, "ends_at": end, "room": "第一会议室",
                 "category": "专题会"}, [], [])  # fmt: skip


def _bin(qtbot: Any, store: Store, register: Any, changes: Changes) -> RecycleBinDialog:
    dialog = RecycleBinDialog(store, register, changes)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog, timeout=3000)
    return dialog


def test_a_clashing_meeting_is_restored_from_the_bin_with_a_reason(
    qtbot: Any, store: Store, messages: Messages, monkeypatch: pytest.MonkeyPatch
) -> None:
    meetings.save_room(store, {"name": "第一会议室", "capacity": 20})
    first = meetings.save(store, _plan("党委会", "2026-03-04 09:00", "2026-03-04 11:00"))
    records.void(store, MEETING, first["id"], "录重了")
    meetings.save(store, _plan("专题会", "2026-03-04 10:00", "2026-03-04 12:00"))
    asked: list[str] = []
    answers = iter([None, "专题会改到小会议室"])  # 取消 first, then a reason

    def ask_text(_parent: Any, _title: str, label: str, text: str = "") -> str | None:
        asked.append(label)
        return next(answers)

    monkeypatch.setattr(ui_messages, "ask_text", ask_text)
    changes = Changes()
    heard: list[str] = []
    changes.changed.connect(heard.append)
    dialog = _bin(qtbot, store, MEETING, changes)
    assert dialog.select_id(first["id"])
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert "会议室冲突" in asked[0] and "专题会" in asked[0] and "如仍要恢复" in asked[0]
    assert records.get(store, MEETING, first["id"])["voided_at"]  # cancelled: still in the bin
    assert dialog.model.rowCount() == 1 and heard == []
    dialog.select_id(first["id"])
    assert dialog.focusWidget() is dialog.restore_button
    qtbot.keyClick(dialog.restore_button, Qt.Key.Key_Space)  # again, from the keyboard
    back = records.get(store, MEETING, first["id"])
    assert back["voided_at"] is None and back["conflict_reason"] == "专题会改到小会议室"
    assert dialog.model.rowCount() == 0 and dialog.restored == [first["id"]]
    assert MEETING.key in heard and messages.warnings == []


def test_restoring_an_item_refiled_since_is_a_warning_and_changes_nothing(
    qtbot: Any, store: Store, messages: Messages
) -> None:
    settings.set_many(store, {"fonds_no": "Z109", "archive_scheme": "年度-机构(问题)-保管期限"})
    doc = records.insert(store, INCOMING_DOCUMENT, {
        "received_at": dt.datetime(2024, 3, 6, 9), "sender": "省林业和草原局",
        "title": "关于做好春季森林防火工作的通知", "lead_dept": "办公室", "status": "已办结",
    })  # fmt: skip
    old = archive.file_document(store, doc["id"])
    records.void(store, ARCHIVE_ITEM, old["id"])
    new = archive.file_document(store, doc["id"])
    dialog = _bin(qtbot, store, ARCHIVE_ITEM, Changes())
    assert dialog.select_id(old["id"])
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert len(messages.warnings) == 1
    assert f"已重新归档为 {new['archive_no']}" in messages.warnings[0]
    assert dialog.model.rowCount() == 1 and dialog.restored == []
    assert records.get(store, ARCHIVE_ITEM, old["id"])["voided_at"]


def test_del_on_a_filed_document_among_others_voids_none(
    qtbot: Any, store: Store, messages: Messages, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings.set_many(store, {"fonds_no": "Z109", "archive_scheme": "年度-机构(问题)-保管期限"})
    base = {"received_at": dt.datetime(2024, 3, 6, 9), "sender": "省林业和草原局",
            "lead_dept": "办公室", "status": "已办结"}  # fmt: skip
    plain = records.insert(store, INCOMING_DOCUMENT, {**base, "title": "关于值班的通知"})
    filed = records.insert(store, INCOMING_DOCUMENT, {**base, "title": "关于防火的通知"})
    item = archive.file_document(store, filed["id"])
    asked: list[str] = []
    monkeypatch.setattr(ui_messages, "ask_text", lambda _p, _t, label, *_a: asked.append(label)
                        or "重复登记")  # fmt: skip
    tab = RegisterTab(store, INCOMING_DOCUMENT)
    qtbot.addWidget(tab)
    tab.show()
    back_to_list(qtbot, tab)
    tab.view.selectAll()
    assert sorted(tab.selected_ids()) == sorted([plain["id"], filed["id"]])
    qtbot.keyClick(tab.view, Qt.Key.Key_Delete)
    assert len(messages.warnings) == 1
    text = messages.warnings[0]
    assert f"档号 {item['archive_no']}" in text and "均未作废" in text
    assert text.startswith("第 2 条：") or text.startswith("第 1 条：")
    assert asked == []  # refused before the clerk typed a reason
    assert tab.model.rowCount() == 2
    assert records.get(store, INCOMING_DOCUMENT, plain["id"])["voided_at"] is None
    # The plain one alone goes; its question said nothing more than usual.
    flags = (
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
    )
    row = next(r for r in range(2) if tab.model.record_id(r) == plain["id"])
    tab.view.selectionModel().setCurrentIndex(tab.model.index(row, 0), flags)
    qtbot.keyClick(tab.view, Qt.Key.Key_Delete)
    assert records.get(store, INCOMING_DOCUMENT, plain["id"])["void_reason"] == "重复登记"
    assert len(messages.warnings) == 1 and len(asked) == 1


def test_opening_the_source_of_an_item_whose_document_is_in_the_bin(
    qtbot: Any, store: Store, messages: Messages
) -> None:
    from officedesk.storage import supervision, workflow
    from officedesk.ui.supervision_tab import SupervisionTab

    doc = records.insert(store, INCOMING_DOCUMENT, {
        "received_at": dt.datetime(2026, 3, 2, 9), "sender": "市林业局", "title": "关于春季造林的通知",
    })  # fmt: skip
    workflow.record_step(store, doc["id"], "批示",
                         {"leader": "张局长", "given_on": "2026-03-03", "text": "请造林科落实"})  # fmt: skip
    item = supervision.create_from_document(store, doc["id"])
    records.void(store, INCOMING_DOCUMENT, doc["id"], "重复登记")
    tab = SupervisionTab(store)
    qtbot.addWidget(tab)
    opened: list[tuple[str, int]] = []
    tab.open_source.connect(lambda key, rid: opened.append((key, rid)))
    assert tab.select_id(item["id"])
    tab.show_source()
    assert opened == [] and "已作废" in messages.warnings[0] and "收文登记" in messages.warnings[0]
    records.restore(store, INCOMING_DOCUMENT, doc["id"])
    tab.show_source()
    assert opened == [("documents", doc["id"])]
