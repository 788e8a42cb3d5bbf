"""会议室: name, capacity and equipment of each room (the conflict check reads capacity)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from officedesk.storage import meetings
from officedesk.storage.db import Store
from officedesk.storage.errors import ValidationError
from officedesk.ui import messages
from officedesk.ui.meetings.tables import RowsEditor

COLUMNS = (("name", "会议室名称", 10), ("capacity", "容纳人数", 5), ("equipment", "设备", 14),
           ("remarks", "备注", 10))  # fmt: skip


class RoomsDialog(QDialog):
    """Edit the list of rooms; 保存 writes every change at once."""

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.setWindowTitle(self.tr("会议室"))
        self.editor = RowsEditor(COLUMNS, self)
        self.editor.remove_button.setText(self.tr("删除"))
        self.before = meetings.rooms(store)
        self.editor.set_rows(self.before)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel, self)  # fmt: skip
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("保存"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                self.tr("排在前面的会议室在周视图中排在上面。删除会议室不影响已安排的会议。"), self
            )
        )
        layout.addWidget(self.editor, 1)
        layout.addWidget(buttons)
        self.resize(self.fontMetrics().horizontalAdvance("国") * 48, 360)

    def save(self) -> bool:
        """Write the rooms (added, changed, removed); on a bad row say which and stay open."""
        rows = self.editor.rows()
        kept = {r["id"] for r in rows if r.get("id")}
        try:
            with self.store.transaction():
                for old in self.before:
                    if old["id"] not in kept:
                        meetings.void_room(self.store, old["id"])
                for n, row in enumerate(rows, 1):
                    try:
                        meetings.save_room(self.store, {**row, "sort": n}, row.get("id"))
                    except ValidationError as exc:
                        raise ValidationError(f"第 {n} 行：{exc}", exc.field) from None
        except Exception as exc:
            messages.show_error(self, exc, self.tr("无法保存"))
            return False
        self.accept()
        return True
