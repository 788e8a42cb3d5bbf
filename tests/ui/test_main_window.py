"""The main window, start-up (selftest, a second instance), error display and the crash hook."""

from __future__ import annotations

import datetime as dt
import logging
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction

from officedesk.core.registers import INCOMING_DOCUMENT, REGISTERS
from officedesk.storage import records, settings
from officedesk.storage.db import Store
from officedesk.storage.errors import StorageError, ValidationError
from officedesk.ui import app, messages
from officedesk.ui.changes import SETTINGS
from officedesk.ui.main_window import MainWindow
from officedesk.ui.register_tab import RegisterTab

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def no_boxes(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """Message boxes recorded instead of shown."""
    boxes: list[tuple[str, str]] = []
    monkeypatch.setattr(messages, "critical", lambda _p, title, text: boxes.append((title, text)))
    return boxes


@pytest.fixture
def qsettings(tmp_path: Path) -> QSettings:
    """Window settings in a temporary file, not the user's."""
    return QSettings(str(tmp_path / "window.ini"), QSettings.Format.IniFormat)


def add_documents(store: Store) -> None:
    """Three 收文: one overdue, one due tomorrow, one in progress without deadline."""
    today = dt.date.today()
    for title, due, status in (
        ("关于逾期事项的通知", today - dt.timedelta(days=3), "办理中"),
        ("关于明天到期事项的通知", today + dt.timedelta(days=1), "已登记"),
        ("关于无时限事项的通知", None, "传阅中"),
    ):
        records.insert(store, INCOMING_DOCUMENT, {
            "received_at": dt.datetime.now(), "sender": "市林业局", "title": title,
            "due_date": due, "status": status,
        })  # fmt: skip


@pytest.fixture
def window(qtbot: Any, store: Store, qsettings: QSettings) -> MainWindow:
    add_documents(store)
    win = MainWindow(store, qsettings=qsettings)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def test_window_shows_every_tab(qtbot: Any, window: MainWindow, store: Store) -> None:
    assert window.windowTitle() == "办公桌 — " + settings.get(store, "unit_name")
    names = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    assert names == ["工作台", "收文登记", "督查督办", "会议安排", "接待", "档案"]
    assert not window.register_tabs["meetings"].model.loaded  # counted when first shown
    for register in REGISTERS:
        window.show_register(register.key)
        qtbot.wait(1)
        tab = window.current_register_tab()
        assert tab is window.register_tabs[register.key]
        if isinstance(tab, RegisterTab):
            assert tab.model.loaded
            assert window.count_label.text().startswith(tab.register.short)
            assert tab.new_action in window.edit_menu.actions()
            assert tab.export_action in window.file_menu.actions()
    window.tabs.setCurrentWidget(window.document_tab)
    assert window.count_label.text() == "收文登记：共 3 条"
    assert str(store.data_dir) in window.folder_label.text()


def bucket_ids(window: MainWindow, bucket: str) -> set[int]:
    return {ln.record_id for s in window.home.sections or [] for ln in s.lines
            if ln.bucket == bucket}  # fmt: skip


def test_home_lists_due_items_and_opens_one(
    qtbot: Any, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = window.home
    qtbot.waitUntil(lambda: home.sections is not None, timeout=5000)
    assert len(bucket_ids(window, "已逾期")) == 1 and len(bucket_ids(window, "3日内到期")) == 1
    texts = home.line_texts()
    assert texts[0] == "收文与督办到期（2 项）"
    assert "  已逾期（1 项）" in texts
    overdue = next(i for i in range(len(texts)) if "关于逾期事项的通知" in texts[i])
    opened: list[int | None] = []
    monkeypatch.setattr(RegisterTab, "edit_record", lambda tab: opened.append(tab.current_id()))
    window.document_tab.overdue_check.setChecked(False)
    window.document_tab.search_edit.setText("无此文件")  # a filter that hides the row
    window.document_tab.apply_filters()
    window.tabs.setCurrentWidget(home)
    section = home.tree.topLevelItem(0)
    bucket = next(section.child(i) for i in range(section.childCount())
                  if section.child(i).text(0).startswith("已逾期"))  # fmt: skip
    item = bucket.child(0).child(0)
    assert item.text(0) == texts[overdue].strip()
    home.tree.setCurrentItem(item)
    qtbot.keyClick(home.tree, Qt.Key.Key_Return)
    assert window.tabs.currentWidget() is window.document_tab
    assert opened == list(bucket_ids(window, "已逾期"))


def test_one_change_signal_refreshes_other_tabs_and_home(
    qtbot: Any, window: MainWindow, store: Store
) -> None:
    qtbot.waitUntil(lambda: window.home.sections is not None, timeout=5000)
    window.tabs.setCurrentWidget(window.document_tab)
    assert window.document_tab.model.rowCount() == 3
    records.insert(store, INCOMING_DOCUMENT, {
        "received_at": dt.datetime.now(), "sender": "省国资委", "title": "又一件",
        "due_date": dt.date.today() - dt.timedelta(days=1)})  # fmt: skip
    window.changes.notify(INCOMING_DOCUMENT.key)
    assert window.document_tab.model.rowCount() == 4
    assert window.count_label.text() == "收文登记：共 4 条"
    window.tabs.setCurrentWidget(window.home)  # hidden while the change came: counts again now
    qtbot.waitUntil(lambda: len(bucket_ids(window, "已逾期")) == 2, timeout=5000)
    settings.set_many(store, {"unit_name": "林海林业局"})
    window.changes.notify(SETTINGS)
    assert window.windowTitle() == "办公桌 — 林海林业局"


def test_geometry_and_last_tab_are_remembered(
    qtbot: Any, store: Store, qsettings: QSettings
) -> None:
    first = MainWindow(store, qsettings=qsettings)
    qtbot.addWidget(first)
    first.resize(700, 500)  # inside the offscreen screen (800×600)
    first.show_register("visitors")
    first.close()
    second = MainWindow(store, qsettings=qsettings)
    qtbot.addWidget(second)
    assert second.current_register_tab() is second.register_tabs["visitors"]
    assert second.size().width() == 700


def test_keyboard_reaches_the_tab_in_front(
    qtbot: Any, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[str] = []
    monkeypatch.setattr(RegisterTab, "_run_form", lambda tab, rid, prepare=None: opened.append(
        tab.register.key))  # fmt: skip
    window.show_register("visitors")
    window.register_tabs["visitors"].view.setFocus()
    qtbot.keyClick(window.register_tabs["visitors"].view, Qt.Key.Key_N,
                   Qt.KeyboardModifier.ControlModifier)  # fmt: skip
    assert opened == ["visitors"]  # one tab answers: no ambiguous shortcut


def test_second_instance_reports_already_open(
    store: Store, data_dir: Path, no_boxes: list[tuple[str, str]],
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    assert app.run(data_dir) == 1
    assert no_boxes and "已经打开" in no_boxes[0][1]
    assert app.run(data_dir, selftest=True) == 1
    assert "已经打开" in capsys.readouterr().err
    with pytest.raises(StorageError):
        app.selftest(data_dir, time.time())


def test_selftest_paints_and_shows_every_tab(
    qtbot: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "fresh"
    result = app.selftest(folder, time.time())
    assert 0 < result["first_paint_s"] < 30
    assert result["tabs"] == ["工作台", *(r.short for r in REGISTERS)]
    assert result["rows"] == 0
    assert app.run(folder, selftest=True, process_start=time.time()) == 0
    out = capsys.readouterr().out
    assert out.startswith("first_paint_s=")
    assert Store.open(folder).close() is None  # the lock was released


def test_crash_hook_logs_and_shows_a_chinese_message(
    tmp_path: Path, no_boxes: list[tuple[str, str]]
) -> None:
    log_file = app.setup_logging(tmp_path)
    hook = app.CrashHook()
    hook.install()
    try:
        try:
            raise RuntimeError("boom inside a slot")
        except RuntimeError as exc:
            sys.excepthook(type(exc), exc, exc.__traceback__)
    finally:
        hook.uninstall()
    assert sys.excepthook is not hook
    _title, text = no_boxes[0]
    assert "程序出现意外错误" in text and "日志文件" in text and "Traceback" not in text
    for handler in logging.getLogger("officedesk").handlers:
        handler.flush()
    logged = log_file.read_text(encoding="utf-8")
    assert "RuntimeError: boom inside a slot" in logged and "Traceback" in logged


def test_show_error_speaks_chinese(no_boxes: list[tuple[str, str]], tmp_path: Path) -> None:
    app.setup_logging(tmp_path)
    messages.show_error(None, ValidationError("「标题」必须填写", field="title"))
    messages.show_error(None, StorageError("磁盘已满，无法写入「x」。"))
    messages.show_error(None, ValueError("「页数」应为整数：abc"))
    messages.show_error(None, ZeroDivisionError("division by zero"))

    class ExportCancelled(Exception):
        pass

    messages.show_error(None, ExportCancelled())  # cancelling is not an error
    texts = [text for _title, text in no_boxes]
    assert texts[:3] == ["「标题」必须填写", "磁盘已满，无法写入「x」。", "「页数」应为整数：abc"]
    assert "意外错误" in texts[3] and "division" not in texts[3]
    assert str(tmp_path) in texts[3]
    assert len(texts) == 4


def test_settings_menu_saves_and_retitles(
    qtbot: Any, window: MainWindow, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    from officedesk.ui.settings_dialog import SettingsDialog

    def accept(dialog: SettingsDialog) -> int:
        settings.set_many(store, {"unit_name": "青山林场", "due_soon_days": 5})
        return 1

    monkeypatch.setattr(SettingsDialog, "exec", accept)
    window.settings_action.trigger()
    assert window.windowTitle() == "办公桌 — 青山林场"
    assert window.document_tab.model.due_soon_days == 5
    window.tabs.setCurrentWidget(window.home)
    qtbot.waitUntil(
        lambda: bool(window.home.sections) and "5日内到期" in window.home.sections[0].buckets,
        timeout=5000,
    )


def test_home_asks_for_the_unit_name_until_it_is_set(qtbot: Any, store: Store) -> None:
    from officedesk.storage import settings
    from officedesk.ui.changes import SETTINGS
    from officedesk.ui.main_window import MainWindow

    window = MainWindow(store, remember=False)
    qtbot.addWidget(window)
    window.show()
    assert window.home.setup_box.isVisible()
    opened: list[bool] = []
    window.home.open_settings.disconnect()
    window.home.open_settings.connect(lambda: opened.append(True))
    window.home.setup_button.click()
    assert opened == [True]
    settings.set_many(store, {"unit_name": "青山林业局"})
    window.changes.notify(SETTINGS)
    assert not window.home.setup_box.isVisible()
    assert "青山林业局" in window.windowTitle()


def test_every_register_has_exactly_one_tab() -> None:
    from officedesk.core.registers import REGISTERS
    from officedesk.ui.main_window import TAB_LAYOUT

    keys = [key for _label, group in TAB_LAYOUT for key in group]
    assert sorted(keys) == sorted(r.key for r in REGISTERS)


def test_reception_registers_share_one_tab_with_sub_tabs(qtbot, store) -> None:
    window = MainWindow(store, remember=False)
    qtbot.addWidget(window)
    tab = window.show_register("petitions")
    assert window.current_register_tab() is tab
    assert window.tabs.tabText(window.tabs.currentIndex()) == "接待"
    assert (
        window.sub_tabs["petitions"].tabText(window.sub_tabs["petitions"].currentIndex()) == "信访"
    )


def test_no_two_actions_of_a_tab_share_a_shortcut(qtbot, store) -> None:
    """Areas add actions to the same tabs (归档 and the workflow steps on 收文): no key clashes."""
    window = MainWindow(store, remember=False)
    qtbot.addWidget(window)
    window_keys = {a.shortcut().toString() for a in window.findChildren(QAction)
                   if a.parent() is window and not a.shortcut().isEmpty()}  # fmt: skip
    for key, tab in window.register_tabs.items():
        seen: dict[str, str] = {}
        for action in tab.findChildren(QAction):
            for shortcut in action.shortcuts():
                text = shortcut.toString()
                if not text:
                    continue
                assert text not in seen or seen[text] == action.text(), (
                    f"{key}: {text} is both {seen[text]} and {action.text()}"
                )
                seen[text] = action.text()
        assert not (set(seen) & window_keys - {""}), f"{key} reuses a window shortcut"
