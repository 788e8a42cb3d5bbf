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


def _select_rows(tab: RegisterTab, rows: list[int]) -> None:
    model = tab.view.selectionModel()
    model.clearSelection()
    for row in rows:
        model.select(tab.model.index(row, 0), QItemSelectionModel.SelectionFlag.Select
                     | QItemSelectionModel.SelectionFlag.Rows)  # fmt: skip


def test_new_item_typed_by_keyboard_gets_its_number(qtbot: Any, window: MainWindow,
                                                    store: Store) -> None:  # fmt: skip
    from officedesk.ui.archive.item_form import ArchiveItemForm

    tab = window.show_register(ARCHIVE_ITEM.key)
    seen: list[str] = []

    def type_and_save() -> None:
        form = QApplication.activeModalWidget()
        seen.append(type(form).__name__)
        assert isinstance(form, ArchiveItemForm)
        form.editors["year"].set_value("2023")  # type: ignore[attr-defined]
        form.editors["retention"].set_value("永久")  # type: ignore[attr-defined]
        form.editors["org_code"].set_value("BGS")  # type: ignore[attr-defined]
        form.editors["title"].setFocus()
        type_text(qtbot, form.editors["title"], "[局长办公会议记录]")
        form.editors["doc_date"].set_value("20230315")  # type: ignore[attr-defined]
        qtbot.keyClick(form.editors["title"], Qt.Key.Key_Return)

    QTimer.singleShot(50, type_and_save)
    tab.view.setFocus()
    qtbot.keyClick(tab.view, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert seen == ["ArchiveItemForm"]
    row = store.read_dicts("SELECT archive_no, item_no, title FROM archive_item")
    assert row == [{"archive_no": "Z109-WS·2023-Y-BGS-0001", "item_no": "0001",
                    "title": "[局长办公会议记录]"}]  # fmt: skip
    assert tab.model.rowCount() == 1


def test_boxing_refuses_mixed_periods(qtbot: Any, window: MainWindow, store: Store,
                                      monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    shown: list[str] = []
    monkeypatch.setattr(messages, "critical", lambda _p, _t, text: shown.append(text))
    monkeypatch.setattr(messages, "ask_text", lambda *_a, **_k: "")
    base = {"year": 2024, "org_code": "BGS", "title": "关于…的通知", "doc_date": "20240102"}
    for retention in ("永久", "永久", "定期10年"):
        archive.add_item(store, {**base, "retention": retention})
    tab = window.show_register(ARCHIVE_ITEM.key)
    tab.refresh()
    _select_rows(tab, [0, 1, 2])
    tab.box_action.trigger()
    assert shown and "不能混装" in shown[0]
    assert store.read("SELECT count(*) FROM archive_item WHERE box_no IS NOT NULL")[0][0] == 0
    nos = [tab.model.record(r)["archive_no"] for r in range(3)]
    _select_rows(tab, [i for i, n in enumerate(nos) if "-Y-" in n])
    tab.box_action.trigger()
    boxed = store.read("SELECT archive_no, box_no FROM archive_item WHERE box_no IS NOT NULL")
    assert sorted(tuple(r) for r in boxed) == [
        ("Z109-WS·2024-Y-BGS-0001", "0001"),
        ("Z109-WS·2024-Y-BGS-0002", "0001"),
    ]


def test_labels_dialog_saves_its_layout_and_writes_a_pdf(qtbot: Any, window: MainWindow,
                                                         store: Store, tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    from officedesk.ui.archive.labels_dialog import OPTION_KEY, LabelsDialog

    item = archive.add_item(store, {"year": 2024, "retention": "永久", "org_code": "BGS",
                                    "title": "关于…的通知", "pages": 5})  # fmt: skip
    target = tmp_path / "章.pdf"
    monkeypatch.setattr(messages, "ask_save_path", lambda *_a: str(target))
    dialog = LabelsDialog(store, [item], window)
    qtbot.addWidget(dialog)
    dialog.left.setValue(14.5)
    dialog.start_at.setValue(5)
    dialog.pdf_button.click()
    assert target.exists() and target.read_bytes().startswith(b"%PDF")
    assert archive.option(store, OPTION_KEY, {})["left_mm"] == 14.5
    warned: list[str] = []
    monkeypatch.setattr(messages, "warn", lambda _p, _t, text: warned.append(text))
    again = LabelsDialog(store, [item], window)
    qtbot.addWidget(again)
    assert again.left.value() == 14.5
    again.columns.setValue(5)
    again.pdf_button.click()
    assert warned and "超出 A4 纸宽" in warned[0]


def test_lend_and_give_back(qtbot: Any, window: MainWindow, store: Store) -> None:
    from officedesk.core.registers import ARCHIVE_LOAN
    from officedesk.ui.archive.loan_dialog import LoanDialog

    item = archive.add_item(store, {"year": 2024, "retention": "永久", "org_code": "BGS",
                                    "title": "关于…的通知"})  # fmt: skip
    dialog = LoanDialog(store, item["id"], window)
    qtbot.addWidget(dialog)
    type_text(qtbot, dialog.borrower, "李明")
    qtbot.keyClick(dialog.borrower, Qt.Key.Key_Return)
    assert dialog.result() == dialog.DialogCode.Accepted
    loans = window.show_register(ARCHIVE_LOAN.key)
    loans.refresh()
    assert loans.model.rowCount() == 1
    _select_rows(loans, [0])
    loans.return_action.trigger()
    row = store.read_dicts("SELECT borrower, returned_on FROM archive_loan")[0]
    assert row == {"borrower": "李明", "returned_on": dt.date.today().isoformat()}


def test_a_date_outside_the_year_is_asked_about(qtbot: Any, store: Store, messages: Any) -> None:
    """年度 2025 with 日期 20260105 is usually a typo: asked; No keeps the form open, unsaved."""
    from officedesk.ui.archive.item_form import ArchiveItemForm

    settings.set_many(store, {"fonds_no": "Z109"})
    form = ArchiveItemForm(store)
    qtbot.addWidget(form)
    form.editors["year"].set_value("2025")  # type: ignore[attr-defined]
    form.editors["title"].setText("关于森林防火的通知")  # type: ignore[attr-defined]
    form.editors["doc_date"].set_value("20260105")  # type: ignore[attr-defined]
    messages.answer = False
    assert not form.save()
    assert messages.questions and "「日期」20260105 不在「年度」2025 年内" in messages.questions[0]
    assert store.read("SELECT count(*) FROM archive_item")[0][0] == 0
    messages.answer = True
    assert form.save()
    assert store.read("SELECT year, doc_date FROM archive_item")[0] == (2025, "20260105")
