"""UI test helpers: message boxes replaced by a recorder that answers as told."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QWidget

from officedesk.ui import messages as ui_messages


class Messages:
    """Stands in for the message boxes: records what was said, answers questions as told."""

    def __init__(self) -> None:
        self.warnings: list[str] = []
        self.questions: list[str] = []
        self.answer = True

    def warn(self, parent: QWidget | None, title: str, text: str) -> None:
        self.warnings.append(text)

    def ask(self, parent: QWidget | None, title: str, text: str) -> bool:
        self.questions.append(text)
        return self.answer


@pytest.fixture
def messages(monkeypatch: pytest.MonkeyPatch) -> Messages:
    box = Messages()
    monkeypatch.setattr(ui_messages, "warn", box.warn)
    monkeypatch.setattr(ui_messages, "ask", box.ask)
    return box
