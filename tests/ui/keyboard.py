"""Typing into widgets the way a clerk does, for UI tests."""

from __future__ import annotations

import re

from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget
from pytestqt.qtbot import QtBot


def type_text(qtbot: QtBot, widget: QWidget, text: str, replace: bool = False) -> None:
    """Letters and digits as key presses, Chinese as an input-method commit (keyClicks aborts on
    non-ASCII text); with `replace` a line edit's text is selected first so typing replaces it."""
    if replace and isinstance(widget, QLineEdit):
        widget.selectAll()
    for run in re.findall(r"[\x20-\x7e]+|[^\x20-\x7e]+", text):
        if run.isascii():
            qtbot.keyClicks(widget, run)
        else:
            event = QInputMethodEvent()
            event.setCommitString(run)
            QApplication.sendEvent(widget, event)
