"""The register tab driven by keys and clicks, checked in the table and in the database."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QDialog, QWidget

import officedesk.exports
from officedesk.core.registers import INCOMING_DOCUMENT, MEETING
from officedesk.storage import records
from officedesk.storage.db import Store
from officedesk.ui import messages
from officedesk.ui.changes import Changes
from officedesk.ui.recycle_bin import RecycleBinDialog
from officedesk.ui.register_model import ID_ROLE
from officedesk.ui.register_tab import RegisterTab

# The offscreen test platform cannot pass size hints to its fake windows; real platforms can.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

TITLES = (
    "关于做好森林防火工作的通知",
    "关于开展安全生产大检查的通知",
    "关于林长制考核的函",
    "关于报送档案管理情况的报告",
    "关于防火期值班安排的通知",
    "关于林业局年度预算的批复",
)
SENDERS = ("市林业局", "省国资委", "县人民政府办公室")


def add_documents(store: Store, n: int) -> list[int]:
    """Insert `n` 收文 through the ordinary insert (serials allocated), oldest first."""
    ids = []
    for i in range(n):
        saved = records.insert(store, INCOMING_DOCUMENT, {
            "received_at": dt.datetime(2024 + i % 2, 3, 1 + i % 28, 9, 0),
            "sender": SENDERS[i % len(SENDERS)],
            "sender_ref": f"林办发〔2024〕{i + 1}号",
            "title": TITLES[i % len(TITLES)],
            "handling": "办件" if i % 3 == 0 else "阅件",
            "status": "办理中" if i % 4 == 0 else "已登记",
            "due_date": dt.date(2024, 1, 10) if i % 5 == 0 else None,
        })  # fmt: skip
        ids.append(int(saved["id"]))
    return ids


@pytest.fixture
def tab(qtbot: Any, store: Store) -> RegisterTab:
    """A shown 收文 tab over 24 documents."""
    add_documents(store, 24)
    widget = RegisterTab(store, INCOMING_DOCUMENT)
    qtbot.addWidget(widget)
    widget.resize(1400, 700)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


@pytest.fixture(autouse=True)
def no_dialogs(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """Fail on any unexpected error box; record them for the test to look at."""
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(messages, "critical", lambda _p, title, text: shown.append((title, text)))
    monkeypatch.setattr(messages, "offer_open", lambda *_a: False)
    return shown


def select(tab: RegisterTab, row: int) -> None:
    """Make `row` the only selected and current row (a click, without keyboard modifiers)."""
    flags = (
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
    )
    tab.view.selectionModel().setCurrentIndex(tab.model.index(row, 0), flags)


def type_chinese(widget: QWidget, text: str) -> None:
    """Type Chinese as an input method does (commit string): QTest can only send ASCII keys."""
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def column_texts(tab: RegisterTab, field: str) -> list[str]:
    """Every cell of one column, as shown."""
    col = tab.model.column_of(field)
    return [tab.model.index(r, col).data() for r in range(tab.model.rowCount())]


def db_row(store: Store, record_id: int) -> dict[str, Any]:
    """A row as stored."""
    return records.get(store, INCOMING_DOCUMENT, record_id)


def test_typing_in_the_search_box_shows_matching_rows(qtbot: Any, tab: RegisterTab) -> None:
    assert tab.model.rowCount() == 24
    assert "共 24 条" in tab.count_label.text()
    tab.search_edit.setFocus()
    type_chinese(tab.search_edit, "防")
    type_chinese(tab.search_edit, "火")
    qtbot.waitUntil(lambda: tab.model.rowCount() == 8, timeout=3000)
    titles = column_texts(tab, "title")
    assert all("防火" in t for t in titles)
    assert sorted(set(titles)) == sorted(t for t in TITLES if "防火" in t)
    assert "共 8 条" in tab.count_label.text() and "毫秒" in tab.count_label.text()
    # One character finds what a substring search finds; pinyin initials find 来文机关.
    tab.search_edit.clear()
    type_chinese(tab.search_edit, "函")
    qtbot.waitUntil(lambda: tab.model.rowCount() == 4, timeout=3000)
    tab.search_edit.clear()
    qtbot.keyClicks(tab.search_edit, "gzw")
    qtbot.waitUntil(lambda: set(column_texts(tab, "sender")) == {"省国资委"}, timeout=3000)
    qtbot.keyClick(tab.search_edit, Qt.Key.Key_Escape)
    assert tab.search_edit.text() == ""
    assert tab.model.rowCount() == 24


def test_ctrl_f_focuses_search_and_down_returns_to_the_table(qtbot: Any, tab: RegisterTab) -> None:
    tab.view.setFocus()
    qtbot.keyClick(tab.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert tab.search_edit.hasFocus()
    qtbot.keyClick(tab.search_edit, Qt.Key.Key_Down)
    assert tab.view.hasFocus()
    assert tab.selected_rows() == [0]


def test_filters_from_the_declaration(qtbot: Any, tab: RegisterTab, store: Store) -> None:
    assert set(tab.filter_combos) == {"sender", "secrecy", "handling", "status"}
    tab.filter_combos["status"].set_value("办理中")
    assert tab.model.rowCount() == 6
    tab.filter_combos["handling"].set_value("办件")
    assert tab.model.query.filters == (("handling", "办件"), ("status", "办理中"))
    assert tab.model.rowCount() == 2  # i % 12 == 0
    tab.filter_combos["status"].set_value(None)
    tab.filter_combos["handling"].set_value(None)
    assert tab.year_combo is not None
    tab.year_combo.load()
    assert [tab.year_combo.itemData(i) for i in range(tab.year_combo.count())] == [
        None, 2025, 2024]  # fmt: skip
    tab.year_combo.set_value(2025)
    assert tab.model.rowCount() == 12
    tab.filter_combos["sender"].set_value("省国资委")
    assert set(column_texts(tab, "sender")) == {"省国资委"}
    assert tab.model.rowCount() == 4
    tab.year_combo.set_value(None)
    tab.filter_combos["sender"].set_value(None)
    assert tab.overdue_check is not None
    tab.overdue_check.setChecked(True)
    overdue = store.read(
        "SELECT count(*) FROM incoming_document WHERE voided_at IS NULL AND done_on IS NULL "
        "AND due_date < ?", (dt.date.today().isoformat(),))[0][0]  # fmt: skip
    assert tab.model.rowCount() == overdue == 5
    assert set(column_texts(tab, "light")) == {"逾期"}


def test_clicking_a_header_sorts_in_sql(qtbot: Any, tab: RegisterTab) -> None:
    header = tab.view.horizontalHeader()
    col = tab.model.column_of("title")
    header.setSortIndicator(col, Qt.SortOrder.AscendingOrder)
    assert tab.model.query.sort == "title" and tab.model.query.sort_descending is False
    titles = column_texts(tab, "title")
    assert titles == sorted(titles)


def test_delete_voids_after_asking_and_the_bin_restores(
    qtbot: Any, tab: RegisterTab, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[str] = []

    def reason(_parent: Any, _title: str, label: str, text: str = "") -> str:
        asked.append(label)
        return "重复登记"

    monkeypatch.setattr(messages, "ask_text", reason)
    tab.view.setFocus()
    select(tab, 2)
    victim = tab.current_id()
    assert victim is not None
    serial = db_row(store, victim)["serial"]
    qtbot.keyClick(tab.view, Qt.Key.Key_Delete)
    assert serial in asked[0] and "回收站" in asked[0]
    assert tab.model.rowCount() == 23
    assert victim not in [tab.model.index(r, 0).data(ID_ROLE) for r in range(23)]
    stored = db_row(store, victim)
    assert stored["voided_at"] and stored["void_reason"] == "重复登记"
    assert tab.selected_rows() == [2]  # the next row, ready for another Delete

    def restore_in_bin(dialog: RecycleBinDialog) -> int:
        assert dialog.model.rowCount() == 1
        assert dialog.select_id(victim)
        dialog.restore_selected()
        assert dialog.model.rowCount() == 0
        return int(QDialog.DialogCode.Rejected)

    monkeypatch.setattr(RecycleBinDialog, "exec", restore_in_bin)
    tab.bin_action.trigger()
    assert tab.model.rowCount() == 24
    assert db_row(store, victim)["voided_at"] is None
    assert tab.current_id() == victim


def test_cancelling_the_void_question_changes_nothing(
    qtbot: Any, tab: RegisterTab, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(messages, "ask_text", lambda *_a, **_k: None)
    tab.view.setFocus()
    select(tab, 0)
    qtbot.keyClick(tab.view, Qt.Key.Key_Delete)
    assert tab.model.rowCount() == 24
    assert store.read("SELECT count(*) FROM incoming_document WHERE voided_at IS NOT NULL")[0][
        0] == 0  # fmt: skip


class FakeForm(QDialog):
    """Stands in for the entry form: saves a record when executed, like the real one."""

    def __init__(self, store: Store, record_id: int | None) -> None:
        super().__init__()
        self.store, self.record_id = store, record_id
        self.saved_id: int | None = None

    def exec(self) -> int:
        if self.record_id is None:
            saved = records.insert(self.store, INCOMING_DOCUMENT, {
                "received_at": dt.datetime(2025, 5, 5, 10, 0), "sender": "省档案局",
                "title": "关于新建记录的通知"})  # fmt: skip
        else:
            saved = records.update(self.store, INCOMING_DOCUMENT, self.record_id,
                                   {"title": "关于修改后的标题的通知"})  # fmt: skip
        self.saved_id = int(saved["id"])
        return int(QDialog.DialogCode.Accepted)


def test_new_and_edit_refresh_and_select_the_saved_row(
    qtbot: Any, tab: RegisterTab, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(tab, "make_form", lambda rid: FakeForm(store, rid))
    tab.view.setFocus()
    qtbot.keyClick(tab.view, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert tab.model.rowCount() == 25
    new_id = tab.current_id()
    assert new_id is not None and db_row(store, new_id)["title"] == "关于新建记录的通知"
    assert tab.selected_rows() == [0]
    select(tab, 5)
    edited = tab.current_id()
    qtbot.keyClick(tab.view, Qt.Key.Key_Return)  # Enter edits, like F2 and a double-click
    assert tab.current_id() == edited
    assert tab.model.index(5, tab.model.column_of("title")).data() == "关于修改后的标题的通知"


def test_changes_signal_refreshes_listeners(qtbot: Any, store: Store) -> None:
    add_documents(store, 3)
    changes = Changes()
    tab = RegisterTab(store, INCOMING_DOCUMENT, changes)
    qtbot.addWidget(tab)
    changes.changed.connect(tab.on_changed)
    records.insert(store, INCOMING_DOCUMENT, {"received_at": dt.datetime(2025, 1, 2),
                                              "sender": "市林业局", "title": "新的"})  # fmt: skip
    changes.notify(MEETING.key)
    assert tab.model.rowCount() == 3
    changes.notify(INCOMING_DOCUMENT.key)
    assert tab.model.rowCount() == 4


def test_export_writes_the_current_view_in_the_background(
    qtbot: Any, tab: RegisterTab, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "收文登记簿_2024.xlsx"
    offered: list[str] = []

    def save_path(_parent: Any, _title: str, default: str, filters: str) -> str:
        offered.append(default)
        assert "*.xlsx" in filters and "*.pdf" in filters
        return str(target)

    received: dict[str, Any] = {}

    def fake_export(path: Path, register: Any, rows: Any, meta: Any, progress: Any) -> int:
        received.update(path=path, ids=[r["id"] for r in rows], meta=meta)
        assert progress(1) is True
        Path(path).write_text("ok")
        return len(received["ids"])

    monkeypatch.setattr(messages, "ask_save_path", save_path)
    monkeypatch.setattr(officedesk.exports, "export_rows", fake_export)
    tab.search_edit.setText("通知")
    tab.apply_filters()
    tab.view.horizontalHeader().setSortIndicator(
        tab.model.column_of("sender"), Qt.SortOrder.AscendingOrder)  # fmt: skip
    shown = [tab.model.record_id(r) for r in range(tab.model.rowCount())]
    tab.export_action.trigger()
    # No year filter: the view spans every year, so the name carries the export date.
    assert Path(offered[0]).name == f"收文登记簿_{dt.date.today():%Y%m%d}.xlsx"
    task = tab.running_task
    assert task is not None
    qtbot.waitUntil(lambda: not task.running, timeout=5000)
    assert received["ids"] == shown  # same rows, same order as on screen
    assert received["meta"].subtitle == "检索：通知"
    assert target.read_text() == "ok"


def test_cancelled_export_leaves_no_error(
    qtbot: Any, tab: RegisterTab, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    no_dialogs: list[tuple[str, str]],
) -> None:  # fmt: skip
    import threading

    started = threading.Event()

    def slow_export(path: Path, register: Any, rows: Any, meta: Any, progress: Any) -> int:
        started.set()
        while progress(0):
            threading.Event().wait(0.01)
        raise officedesk.exports.ExportCancelled("已取消导出", path)

    monkeypatch.setattr(messages, "ask_save_path", lambda *_a: str(tmp_path / "a.csv"))
    monkeypatch.setattr(officedesk.exports, "export_rows", slow_export)
    tab.export_action.trigger()
    task = tab.running_task
    assert task is not None
    assert started.wait(5)
    task.cancel()
    qtbot.waitUntil(lambda: not task.running, timeout=5000)
    assert no_dialogs == []


def test_real_csv_export_of_a_filtered_view(
    qtbot: Any, tab: RegisterTab, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    no_dialogs: list[tuple[str, str]],
) -> None:  # fmt: skip
    target = tmp_path / "收文.csv"
    monkeypatch.setattr(messages, "ask_save_path", lambda *_a: str(target))
    tab.filter_combos["status"].set_value("办理中")
    tab.export_action.trigger()
    task = tab.running_task
    assert task is not None
    qtbot.waitUntil(lambda: not task.running, timeout=10000)
    assert no_dialogs == []
    with target.open(encoding="utf-8-sig", newline="") as fh:
        lines = list(csv.reader(fh))
    serials = {tab.model.index(r, 0).data() for r in range(tab.model.rowCount())}
    found = {cell for line in lines for cell in line if cell in serials}
    assert found == serials and len(serials) == 6


def test_unknown_export_suffix_is_refused_in_chinese(
    tab: RegisterTab, monkeypatch: pytest.MonkeyPatch, no_dialogs: list[tuple[str, str]]
) -> None:
    monkeypatch.setattr(messages, "ask_save_path", lambda *_a: "/tmp/x.txt")
    tab.export_action.trigger()
    assert no_dialogs and ".txt" in no_dialogs[0][1]
    assert tab.running_task is None


def test_generic_tab_for_another_register(qtbot: Any, store: Store) -> None:
    records.insert(store, MEETING, {"name": "党委会", "starts_at": "2025-03-01 09:00",
                                    "ends_at": "2025-03-01 11:00", "room": "一号会议室"})  # fmt: skip
    tab = RegisterTab(store, MEETING)
    qtbot.addWidget(tab)
    assert tab.model.rowCount() == 1
    assert tab.attach_action is None and tab.slip_menu is None and tab.overdue_check is None
    assert set(tab.filter_combos) == {"category"}
    assert "会议名称" in tab.search_edit.placeholderText()


def test_new_document_through_the_real_form(
    qtbot: Any, tab: RegisterTab, store: Store, no_dialogs: list[tuple[str, str]]
) -> None:
    """Ctrl+N opens the 收文 form; typed in and saved with Enter, the row is in the DB and listed."""
    from PySide6.QtCore import QTimer

    from officedesk.ui.document_form import DocumentForm

    seen: list[str] = []

    def fill_and_save() -> None:
        form = QApplication.activeModalWidget()
        seen.append(type(form).__name__)
        assert isinstance(form, DocumentForm)
        form.editors["sender"].set_value("省档案局")  # type: ignore[attr-defined]
        form.editors["title"].set_value("关于档案移交的通知")  # type: ignore[attr-defined]
        form.editors["title"].setFocus()
        qtbot.keyClick(form.editors["title"], Qt.Key.Key_Return)

    def close_strays() -> None:  # a stuck dialog must fail the test, not hang it
        modal = QApplication.activeModalWidget()
        if modal is not None:
            seen.append("stray " + type(modal).__name__)
            modal.close()

    QTimer.singleShot(50, fill_and_save)
    guard = QTimer()
    guard.timeout.connect(close_strays)
    guard.start(3000)
    tab.view.setFocus()
    qtbot.keyClick(tab.view, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    guard.stop()
    assert seen == ["DocumentForm"]
    saved = store.read("SELECT id, serial FROM incoming_document WHERE title = ?",
                       ("关于档案移交的通知",))  # fmt: skip
    assert len(saved) == 1
    assert tab.model.rowCount() == 25
    assert tab.current_id() == saved[0][0]
    assert tab.model.index(tab.selected_rows()[0], 0).data() == saved[0][1]


def test_print_lays_out_the_view_in_the_background_then_previews(
    qtbot: Any, tab: RegisterTab, monkeypatch: pytest.MonkeyPatch,
    no_dialogs: list[tuple[str, str]],
) -> None:  # fmt: skip
    import officedesk.printing.service as service

    previewed: list[Any] = []
    monkeypatch.setattr(service, "print_with_preview", lambda job, _p: previewed.append(job))
    tab.filter_combos["status"].set_value("办理中")
    tab.print_action.trigger()
    task = tab.running_task
    assert task is not None
    qtbot.waitUntil(lambda: bool(previewed), timeout=10000)
    assert no_dialogs == []
    assert previewed[0].row_count == tab.model.rowCount() == 6
    assert "状态：办理中" in previewed[0].meta.subtitle


def test_pdf_export_runs_the_printing_service_in_the_worker(
    qtbot: Any, tab: RegisterTab, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    no_dialogs: list[tuple[str, str]],
) -> None:  # fmt: skip
    target = tmp_path / "收文登记簿.pdf"
    monkeypatch.setattr(messages, "ask_save_path", lambda *_a: str(target))
    tab.export_action.trigger()
    task = tab.running_task
    assert task is not None
    qtbot.waitUntil(lambda: not task.running, timeout=20000)
    assert no_dialogs == []
    assert target.read_bytes().startswith(b"%PDF-")


def test_processing_slip_prints_and_exports_for_the_current_record(
    qtbot: Any, tab: RegisterTab, store: Store, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch, no_dialogs: list[tuple[str, str]],
) -> None:  # fmt: skip
    import officedesk.printing.service as service

    previewed: list[Any] = []
    monkeypatch.setattr(service, "print_with_preview", lambda job, _p: previewed.append(job))
    select(tab, 1)
    assert tab.slip_actions and all(a.isEnabled() for a in tab.slip_actions)
    tab.print_slip("阅文")
    assert previewed and previewed[0].variant == "阅文"
    target = tmp_path / "处理单.docx"
    monkeypatch.setattr(messages, "ask_save_path", lambda *_a: str(target))
    tab.export_slip("办文")
    assert no_dialogs == []
    import docx

    text = "\n".join(
        cell.text for t in docx.Document(str(target)).tables for row in t.rows for cell in row.cells
    )
    assert db_row(store, tab.current_id() or 0)["title"] in text
