"""One small dialog per workflow step, built from its declaration in core.workflow.

Enter saves (Ctrl+Enter inside a several-line box), Esc cancels. A rule that refuses the step
is shown in Chinese and the field to correct gets the focus; nothing is written then.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from officedesk.core.fields import Kind, Record
from officedesk.core.workflow import Input, WorkflowError
from officedesk.storage import directory, settings
from officedesk.storage.db import Store
from officedesk.ui import messages, widgets

Save = Callable[[Record], Any]


def input_editor(i: Input, store: Store, parent: QWidget) -> QWidget:
    """The editor of one input, chosen by its kind (completing from the directory if asked)."""
    editor: QWidget
    if i.kind is Kind.LONGTEXT:
        editor = widgets.LongTextEdit(parent, lines=3)
    elif i.kind is Kind.CHOICE:
        editor = widgets.ChoiceEdit(i.choices, parent)
    elif i.kind is Kind.DATE:
        editor = widgets.DateEdit(parent)
    elif i.kind is Kind.DATETIME:
        editor = widgets.DateTimeEdit(parent)
    else:
        editor = widgets.TextEdit(parent)
        if i.completion:
            kind = i.completion
            widgets.DirectoryCompleter(lambda typed: directory.complete(store, kind, typed), editor)
    editor.setObjectName(i.name)
    editor.setAccessibleName(i.label)
    return editor


class StepDialog(widgets.SaveDialog):
    """Ask for a step's inputs and save them through `save` (which may raise WorkflowError)."""

    def __init__(
        self,
        store: Store,
        title: str,
        inputs: tuple[Input, ...],
        save: Save,
        *,
        heading: str = "",
        defaults: Record | None = None,
        deadline_start: str | None = None,
        choices: dict[str, list[str]] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.setWindowTitle(title)
        self._save = save
        self.result_value: Any = None
        self.editors: dict[str, QWidget] = {}
        self.deadline: widgets.DeadlineEdit | None = None
        body = QVBoxLayout(self)
        if heading:
            head = QLabel(heading, self)
            head.setWordWrap(True)
            head.setStyleSheet("color:#1F4E79; font-weight:bold;")
            body.addWidget(head)
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        body.addLayout(form)
        for i in inputs:
            label = QLabel(i.label + ('<span style="color:#c0392b">*</span>' if i.required else ""))
            label.setTextFormat(Qt.TextFormat.RichText)
            if i.name == "due_date" and deadline_start:
                self.deadline = widgets.DeadlineEdit(self._start_date, self._calendar, self)
                self.deadline.setObjectName(i.name)
                editor: QWidget = self.deadline
            elif choices and i.name in choices:  # e.g. the readers still holding the paper
                editor = widgets.ChoiceEdit(choices[i.name], self)
                editor.setObjectName(i.name)
            else:
                editor = input_editor(i, store, self)
            self.editors[i.name] = editor
            label.setBuddy(editor)
            form.addRow(label, editor)
        self._deadline_start = deadline_start
        if self.deadline is not None and deadline_start in self.editors:
            start = self.editors[deadline_start]
            start.edited.connect(self.deadline.recompute)  # type: ignore[attr-defined]
        buttons = QDialogButtonBox(self)
        self.save_button = buttons.addButton(
            self.tr("保存"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        cancel = buttons.addButton(self.tr("取消"), QDialogButtonBox.ButtonRole.RejectRole)
        self.save_button.clicked.connect(self.save)
        cancel.clicked.connect(self.reject)
        hint = QLabel(self.tr("Enter 保存　Esc 取消　多行文本中 Ctrl+Enter 保存"), self)
        hint.setStyleSheet("color:#777;")
        body.addWidget(hint)
        body.addWidget(buttons)
        for name, value in (defaults or {}).items():
            self.set_value(name, value)
        chain = []
        for editor in self.editors.values():
            chain += editor.focus_chain() if isinstance(editor, widgets.DeadlineEdit) else [editor]
        for a, b in itertools.pairwise(chain):
            QWidget.setTabOrder(a, b)
        chain_first = next((e for e in chain if _is_empty(e)), chain[0] if chain else None)
        if chain_first is not None:
            chain_first.setFocus(Qt.FocusReason.OtherFocusReason)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("国") * 34)

    def _start_date(self) -> dt.date | None:
        editor = self.editors.get(self._deadline_start or "")
        return editor.date() if isinstance(editor, widgets.DateEdit) else None

    def _calendar(self) -> Any:
        return settings.calendar(self.store)

    def set_value(self, name: str, value: Any) -> None:
        """Put a value in the editor of `name` (defaults, tests)."""
        editor = self.editors.get(name)
        if editor is None:
            return
        if isinstance(editor, widgets.DeadlineEdit):
            editor.set_values(value if isinstance(value, dict) else {"due_date": value})
        else:
            editor.set_value(value)  # type: ignore[attr-defined]

    def values(self) -> Record:
        """What the dialog holds, by input name (the deadline's period too)."""
        return widgets.editor_values(self.editors)

    def save(self) -> bool:
        """Save through the step; on a refusal say why and put the cursor on the field."""
        try:
            self.result_value = self._save(self.values())
        except WorkflowError as exc:
            messages.warn(self, self.windowTitle(), str(exc))
            editor = self.editors.get(exc.field or "")
            if isinstance(editor, widgets.DeadlineEdit):
                editor.focus_chain()[0].setFocus()
            elif editor is not None:
                editor.setFocus()
            return False
        except Exception as exc:
            messages.show_error(self, exc, self.tr("保存失败"))
            return False
        self.accept()
        return True


def _is_empty(editor: QWidget) -> bool:
    value = getattr(editor, "value", None)
    if not callable(value):
        return False
    got = value()
    return got in ("", None)
