"""档案 in the window: 归档 from the 收文 tab by keyboard, the 件 found with its 档号."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QItemSelectionModel, QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication

from officedesk.core.registers import ARCHIVE_ITEM, INCOMING_DOCUMENT
from officedesk.storage import archive, records, settings
from officedesk.storage.db import Store
from officedesk.ui import messages
from officedesk.ui.archive.file_dialog import FileDialog
from officedesk.ui.main_window import MainWindow
from officedesk.ui.register_tab import RegisterTab
from tests.ui.keyboard import type_text

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def window(qtbot: Any, store: Store, tmp_path: Path) -> MainWindow:
    settings.set_many(store, {"fonds_no": "Z109", "unit_name": "青山林业局"})
    for title, status, dept in (
        ("关于做好春季森林防火工作的通知", "已办结", "森林防火办公室"),
        ("关于林长制工作的意见", "办理中", "办公室"),
        ("局长办公会议纪要", "已办结", "办公室"),
    ):
        records.insert(store, INCOMING_DOCUMENT, {
            "received_at": dt.datetime(2024, 3, 6, 9, 30), "sender": "省林业和草原局",
            "sender_ref": "林草发〔2024〕12号", "title": title, "issued_on": dt.date(2024, 3, 5),
            "pages": 6, "lead_dept": dept, "status": status,
        })  # fmt: skip
    win = MainWindow(
        store, qsettings=QSettings(str(tmp_path / "w.ini"), QSettings.Format.IniFormat)
    )
    qtbot.addWidget(win)
    win.resize(1400, 800)
    win.show()
    qtbot.waitExposed(win)
    return win


def _select_title(tab: RegisterTab, title: str) -> None:
    tab.ensure_loaded()
    for row in range(tab.model.rowCount()):
        if tab.model.record(row).get("title") == title:
            flags = (QItemSelectionModel.SelectionFlag.ClearAndSelect
                     | QItemSelectionModel.SelectionFlag.Rows)  # fmt: skip
            tab.view.selectionModel().setCurrentIndex(tab.model.index(row, 0), flags)
            return
    raise AssertionError(f"{title} not listed")


def test_file_a_document_from_the_register(qtbot: Any, window: MainWindow, store: Store,
                                           monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    warned: list[str] = []
    monkeypatch.setattr(messages, "warn", lambda _p, _t, text: warned.append(text))
    docs = window.show_register(INCOMING_DOCUMENT.key)
    _select_title(docs, "关于做好春季森林防火工作的通知")
    seen: list[str] = []

    def review_and_file() -> None:
        dialog = QApplication.activeModalWidget()
        seen.append(type(dialog).__name__)
        assert isinstance(dialog, FileDialog)
        # Proposed from the table: 通知 → 定期10年; 主办部门 森林防火办公室 → FHB. Keep 期限, Enter.
        assert dialog.retentions[0].currentText() == "定期10年"
        assert dialog.org_codes[dialog.orgs[0].currentIndex()] == "FHB"
        dialog.retentions[0].setCurrentText("定期30年")
        qtbot.keyClick(dialog, Qt.Key.Key_Return)

    QTimer.singleShot(50, review_and_file)
    docs.view.setFocus()
    qtbot.keyClick(
        docs.view,
        Qt.Key.Key_G,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert seen == ["FileDialog"]
    assert warned == []

    doc = store.read_dicts("SELECT id, status, archive_no FROM incoming_document "
                           "WHERE title = '关于做好春季森林防火工作的通知'")[0]  # fmt: skip
    assert (doc["status"], doc["archive_no"]) == ("已归档", "Z109-WS·2024-D30-FHB-0001")

    # The 档案 tab lists it; searching its 档号 finds exactly that 件, linked to the 收文.
    tab = window.show_register(ARCHIVE_ITEM.key)
    tab.search_edit.setFocus()
    type_text(qtbot, tab.search_edit, "D30-FHB-0001")
    qtbot.keyClick(tab.search_edit, Qt.Key.Key_Return)
    assert tab.model.rowCount() == 1
    item = tab.model.record(0)
    assert item["archive_no"] == "Z109-WS·2024-D30-FHB-0001"
    assert (item["author"], item["doc_date"], item["pages"], item["document_id"]) == (
        "省林业和草原局",
        "20240305",
        6,
        doc["id"],
    )
    # The 收文 list shows the new status.
    docs = window.show_register(INCOMING_DOCUMENT.key)
    row = next(r for r in range(docs.model.rowCount())
               if docs.model.record(r)["id"] == doc["id"])  # fmt: skip
    assert docs.model.record(row)["status"] == "已归档"


def test_documents_not_done_are_refused_with_a_message(qtbot: Any, window: MainWindow,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    warned: list[str] = []
    monkeypatch.setattr(messages, "warn", lambda _p, _t, text: warned.append(text))
    docs = window.show_register(INCOMING_DOCUMENT.key)
    _select_title(docs, "关于林长制工作的意见")
    docs.archive_action.trigger()
    assert warned and "已办结" in warned[0]


def test_year_review_files_every_done_document(qtbot: Any, window: MainWindow, store: Store,
                                               monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    monkeypatch.setattr(messages, "ask_text", lambda *_a, **_k: "2024")
    tab = window.show_register(ARCHIVE_ITEM.key)

    def untick_one_and_file() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, FileDialog)
        assert dialog.table.rowCount() == 2  # the 办理中 one is not listed
        dialog.ticks[0].setChecked(False)
        dialog.file_button.click()

    QTimer.singleShot(50, untick_one_and_file)
    tab.review_year()
    filed = store.read("SELECT title, archive_no FROM incoming_document WHERE status = '已归档'")
    assert [tuple(r) for r in filed] == [("局长办公会议纪要", "Z109-WS·2024-Y-BGS-0001")]
    assert len(archive.fileable(store, 2024)) == 1
    assert tab.model.rowCount() == 1
