"""One change signal for the whole window: whatever shows a register refreshes when it changes."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

SETTINGS = "settings"  # key sent when the unit's settings changed (title, 临期 days)
DIRECTORY = "directory"  # key sent when the directory (departments, people, units) changed


class Changes(QObject):
    """Announces that a register (by its key: documents, supervision, …) has changed rows."""

    changed = Signal(str)

    def notify(self, key: str) -> None:
        """Tell every listener that `key` changed."""
        self.changed.emit(key)
