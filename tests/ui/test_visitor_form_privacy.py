"""The visitor form never shows the hidden digits of a stored 证件号码: not in its fields, labels,
tooltips, warnings, the question asked on saving, nor the log."""

from __future__ import annotations

import logging
import re
from typing import TYPE_CHECKING

import pytest
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from officedesk.core.reception import ID18_IN_TEXT, id_number_problem, mask_id_number
from officedesk.storage import reception as rs
from officedesk.storage.db import Store
from officedesk.ui.reception.visitor_form import VisitorForm

if TYPE_CHECKING:
    from tests.ui.conftest import Messages

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

# Each number is wrong in its own way, so each warning the form can give is shown.
BAD_DATE = "110101199513450011"  # month 13: the reviewer's case
BAD_CHECK = "110105194912310035"  # check digit should be 8
TOO_SHORT = "11010519491231003"  # 17 characters


def visible_texts(form: QWidget) -> str:
    """Every text a user of the form can see or hover over, one per line."""
    out = [form.windowTitle(), form.toolTip()]
    for w in form.findChildren(QWidget):
        out += [w.toolTip(), w.statusTip(), w.whatsThis(), w.accessibleName(),
                w.accessibleDescription()]  # fmt: skip
        if isinstance(w, QLabel | QAbstractButton):
            out.append(w.text())
        if isinstance(w, QLineEdit):
            out += [w.text(), w.placeholderText()]
        if isinstance(w, QComboBox):
            out += [w.currentText()] + [w.itemText(i) for i in range(w.count())]
        if isinstance(w, QPlainTextEdit | QTextEdit):
            out.append(w.toPlainText())
        for action in w.actions():
            out += [action.text(), action.toolTip(), action.statusTip()]
    return "\n".join(t for t in out if t)


def hidden_parts(number: str) -> list[str]:
    """The masked middle of `number` and every run of 4 of its characters."""
    middle = number[6:-4]
    return [middle] + [middle[i : i + 4] for i in range(len(middle) - 3)]


@pytest.mark.parametrize("number", [BAD_DATE, BAD_CHECK, TOO_SHORT])
def test_core_warnings_quote_no_digit_of_the_number(number: str) -> None:
    problem = id_number_problem(number)
    assert problem and "证件号码" in problem
    assert not any(part in problem for part in hidden_parts(number)), problem
    # Nor anything worked out from the hidden digits (the expected check digit): only a length.
    assert set(re.findall(r"\d+", problem)) <= {"17", "18"}, problem


@pytest.mark.parametrize("number", [BAD_DATE, BAD_CHECK, TOO_SHORT])
def test_form_shows_only_the_masked_number(
    qtbot: QtBot, store: Store, messages: Messages, caplog: pytest.LogCaptureFixture, number: str
) -> None:
    saved = rs.log_visit(store, {"name": "甲", "unit": "市林业局", "purpose": "送材料",
                                 "host": "办公室", "id_number": number,
                                 "arrived_at": "2026-04-01 09:00"})  # fmt: skip
    caplog.set_level(logging.DEBUG)
    form = VisitorForm(store, saved["id"])
    qtbot.addWidget(form)
    form.show()
    qtbot.waitExposed(form)
    assert form.id_note.isVisible() and form.id_note.text()  # the warning is there…
    messages.answer = False
    assert form.save() is False  # …and asked about on saving
    said = "\n".join([visible_texts(form), *messages.questions, *messages.warnings, caplog.text])
    assert mask_id_number(number) in said  # the masked number is what shows
    assert ID18_IN_TEXT.search(said) is None
    for part in hidden_parts(number):
        assert part not in said, f"the form shows the hidden digits {part} of {number}"
