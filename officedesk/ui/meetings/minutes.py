"""会议纪要: the text and the 议定事项 as rows; each decision can become a 督办 item once."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from officedesk.core.registers import MEETING
from officedesk.storage import meeting_minutes, records
from officedesk.storage.db import Store
from officedesk.ui import messages
from officedesk.ui.meetings.tables import RowsEditor

COLUMNS = (("text", "议定事项", 18), ("lead_unit", "牵头单位", 7), ("owner", "责任人", 4),
           ("due_date", "完成时限", 6), ("supervision", "督办", 5))  # fmt: skip


class MinutesDialog(QDialog):
    """纪要 of one meeting; 转督办 saves first, then converts the current decision."""

    def __init__(self, store: Store, meeting_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.meeting_id = meeting_id
        self.changed = False
        record = records.get(store, MEETING, meeting_id)
        self.setWindowTitle(self.tr("会议纪要：{m}").format(m=MEETING.describe_record(record)))
        self.text = QPlainTextEdit(self)
        self.text.setObjectName("minutes")
        self.text.setPlaceholderText(
            self.tr("会议概况、讨论情况（出席、请假、列席从参会人员生成）")
        )
        self.text.setPlainText(record.get("minutes") or "")
        self.decisions = RowsEditor(COLUMNS, self, readonly=("supervision",))
        self.decisions.setObjectName("decisions")
        self.supervise_button = QPushButton(self.tr("转督办"), self)
        self.supervise_button.setToolTip(
            self.tr("把选中的议定事项登记为督办事项（每项只能转一次）")
        )
        self.supervise_button.setAutoDefault(False)
        self.supervise_button.clicked.connect(self.to_supervision)
        self.decisions.side.insertWidget(4, self.supervise_button)
        self._load()
        buttons = QDialogButtonBox(self)
        save = buttons.addButton(self.tr("保存"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.tr("关闭"), QDialogButtonBox.ButtonRole.RejectRole)
        save.clicked.connect(self.save_and_close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("纪要正文"), self))
        layout.addWidget(self.text, 1)
        layout.addWidget(QLabel(self.tr("议定事项（按顺序编号 一、二、……）"), self))
        layout.addWidget(self.decisions, 1)
        layout.addWidget(buttons)
        self.resize(self.fontMetrics().horizontalAdvance("国") * 60, 520)

    def _load(self) -> None:
        rows = meeting_minutes.decisions(self.store, self.meeting_id)
        for r in rows:
            r["supervision"] = "已转督办" if r["supervision_id"] else ""
        self.decisions.set_rows(rows)

    def save(self) -> bool:
        """Keep the text and the decisions; False (after saying why) on a bad row."""
        try:
            meeting_minutes.save_minutes(self.store, self.meeting_id, self.text.toPlainText(),
                                  self.decisions.rows())  # fmt: skip
        except Exception as exc:
            messages.show_error(self, exc, self.tr("无法保存"))
            return False
        self.changed = True
        return True

    def save_and_close(self) -> None:
        if self.save():
            self.accept()

    def to_supervision(self) -> None:
        """转督办 the current decision (saved first)."""
        r = self.decisions.table.currentRow()
        if r < 0:
            messages.warn(self, self.tr("转督办"), self.tr("请先选中一项议定事项"))
            return
        if not self.save():
            return
        rows = meeting_minutes.decisions(self.store, self.meeting_id)
        if r >= len(rows):
            return
        try:
            item = meeting_minutes.to_supervision(self.store, rows[r]["id"])
        except Exception as exc:
            messages.show_error(self, exc, self.tr("无法转督办"))
            return
        self._load()
        self.decisions.table.setCurrentCell(r, 0)
        messages.information(self, self.tr("转督办"),
                             self.tr("已登记督办事项 {s}").format(s=item.get("serial")))  # fmt: skip
