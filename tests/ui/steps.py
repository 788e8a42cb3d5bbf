"""Driving the step dialogs by keyboard in UI tests: Ctrl+key on the list, then Tab and type."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QWidget
from pytestqt.qtbot import QtBot

from tests.ui.keyboard import type_text

CTRL = Qt.KeyboardModifier.ControlModifier


def focused(dialog: QWidget) -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None and (widget is dialog or dialog.isAncestorOf(widget)), widget
    return widget


def tab_to(qtbot: QtBot, dialog: QWidget, name: str) -> QWidget:
    """Press Tab until the input `name` (or a part of it) has the focus."""
    for _ in range(20):
        widget = focused(dialog)
        owner = widget if widget.objectName() else widget.parentWidget()
        if widget.objectName() == name or (owner is not None and owner.objectName() == name):
            return widget
        qtbot.keyClick(widget, Qt.Key.Key_Tab)
    raise AssertionError(f"Tab never reached {name}")


def fill(qtbot: QtBot, dialog: QWidget, name: str, text: str, replace: bool = True) -> None:
    widget = tab_to(qtbot, dialog, name)
    type_text(qtbot, widget, text, replace=replace)


def save(qtbot: QtBot, dialog: QWidget, ctrl: bool = False) -> None:
    qtbot.keyClick(
        focused(dialog), Qt.Key.Key_Return, CTRL if ctrl else Qt.KeyboardModifier.NoModifier
    )


def in_dialog(qtbot: QtBot, tab: Any, key: Qt.Key, work: Callable[[QDialog], None]) -> None:
    """Press Ctrl+`key` on the list; `work` runs inside the modal dialog it opens."""
    seen: list[bool] = []
    tries = [0]

    def run() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QDialog):  # the key press has not opened it yet
            tries[0] += 1
            if tries[0] < 50 and not seen:  # the key press is over: no dialog will come
                QTimer.singleShot(10, run)
            return
        dialog.activateWindow()

        def ready() -> bool:
            widget = QApplication.focusWidget()
            return widget is not None and (widget is dialog or dialog.isAncestorOf(widget))

        qtbot.waitUntil(ready, timeout=3000)
        try:
            work(dialog)
        finally:
            seen.append(True)
            if dialog.isVisible():  # a failed assertion must not leave the test hanging
                qtbot.keyClick(dialog, Qt.Key.Key_Escape)

    back_to_list(qtbot, tab)
    QTimer.singleShot(0, run)
    qtbot.keyClick(tab.view, key, CTRL)
    opened = seen == [True]
    seen.append(False)  # stops the retries when no dialog opened
    assert opened, "the key press opened no dialog"


def back_to_list(qtbot: QtBot, tab: Any) -> None:
    """The window comes back to the front after a dialog (the offscreen platform needs asking)."""
    if QApplication.activeWindow() is not tab:
        tab.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is tab, timeout=3000)
    tab.view.setFocus()
