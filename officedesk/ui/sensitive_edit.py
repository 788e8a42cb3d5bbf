"""The editor of a sensitive field (证件号码): shows the masked number until asked to show it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeyEvent
from PySide6.QtWidgets import QLineEdit, QWidget


class SensitiveEdit(QLineEdit):
    """A stored number shows masked and read-only; 显示 (the eye button, or Space) shows it in
    full once, deliberately, and lets the clerk correct it. An empty field is typed as usual."""

    edited = Signal()

    def __init__(self, mask: Callable[[str], str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._mask = mask
        self._full = ""
        self._masked = False
        self.reveal_action = QAction(self.tr("显示"), self)
        self.reveal_action.setToolTip(self.tr("显示完整号码（空格键）：仅在确有需要时查看"))
        self.reveal_action.triggered.connect(self.reveal)
        self.addAction(self.reveal_action, QLineEdit.ActionPosition.TrailingPosition)
        self.textEdited.connect(self.edited)
        self._show()

    @property
    def masked(self) -> bool:
        """Whether the field shows the masked number now."""
        return self._masked

    def _show(self) -> None:
        self._masked = bool(self._full)
        self.setText(self._mask(self._full) if self._full else "")
        self.setReadOnly(self._masked)
        self.reveal_action.setVisible(self._masked)

    def reveal(self) -> None:
        """Show the full number and make it editable (a deliberate request of the clerk)."""
        if self._masked:
            self._masked = False
            self.setReadOnly(False)
            self.setText(self._full)
            self.reveal_action.setVisible(False)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self._masked and event.key() == Qt.Key.Key_Space:
            self.reveal()
            return
        super().keyPressEvent(event)

    def value(self) -> str:
        """The full number (the stored one while masked)."""
        return self._full if self._masked else self.text().strip()

    def set_value(self, value: Any) -> None:
        """Show a stored number, masked."""
        self._full = "" if value is None else str(value).strip()
        self._show()
