"""A 收文's history: every step in the order entered, who and when; undo of the last step."""

from __future__ import annotations

from PySide6.QtGui import QBrush, QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from officedesk.core.registers import INCOMING_DOCUMENT
from officedesk.storage import records, supervision, workflow
from officedesk.storage.db import Store
from officedesk.ui import messages


class HistoryDialog(QDialog):
    """办理记录 of one 收文; `changed` is True after an undo."""

    def __init__(self, store: Store, document_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.document_id = document_id
        self.changed = False
        self.heading = QLabel(self)
        self.heading.setWordWrap(True)
        self.heading.setStyleSheet("font-weight:bold;")
        self.where = QLabel(self)
        self.tree = QTreeWidget(self)
        self.tree.setHeaderLabels([self.tr("时间"), self.tr("经办人"), self.tr("办理情况")])
        self.tree.setRootIsDecorated(False)
        self.tree.setColumnWidth(0, self.fontMetrics().horizontalAdvance("2026-03-05 09:30") + 24)
        self.tree.setColumnWidth(1, self.fontMetrics().horizontalAdvance("国") * 6)
        self.links = QLabel(self)
        self.links.setWordWrap(True)
        self.undo_button = QPushButton(self.tr("撤销最近一步(Ctrl+Z)"), self)
        self.undo_button.clicked.connect(self.undo)
        QShortcut(QKeySequence.StandardKey.Undo, self, activated=self.undo)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("关闭"))
        bottom = QHBoxLayout()
        bottom.addWidget(self.undo_button)
        bottom.addStretch(1)
        bottom.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.where)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.links)
        layout.addLayout(bottom)
        self.setWindowTitle(self.tr("办理记录"))
        self.resize(self.fontMetrics().horizontalAdvance("国") * 60, 460)
        self.load()

    def load(self) -> None:
        """Read the history again."""
        record = records.get(self.store, INCOMING_DOCUMENT, self.document_id)
        self.heading.setText(INCOMING_DOCUMENT.describe_record(record))
        holder = record.get("holder") or self.tr("办公室")
        self.where.setText(self.tr("状态：{s}　当前环节：{g}　文件在：{h}").format(
            s=record.get("status") or "", g=record.get("stage") or "登记", h=holder))  # fmt: skip
        self.tree.clear()
        for entry in workflow.history(self.store, self.document_id):
            text = entry.summary + (self.tr("（已撤销）") if entry.undone_at else "")
            item = QTreeWidgetItem([entry.when, entry.who, text])
            if entry.undone_at:
                for col in range(3):
                    item.setForeground(col, QBrush(QColor("#999999")))
                font = item.font(2)
                font.setStrikeOut(True)
                item.setFont(2, font)
            self.tree.addTopLevelItem(item)
        items = supervision.items_from(self.store, INCOMING_DOCUMENT.key, self.document_id)
        self.links.setText(
            self.tr("已立为督办事项：") + "、".join(f"{i['serial']}（{i['status']}）" for i in items)
            if items else ""
        )  # fmt: skip
        self.links.setVisible(bool(items))
        self.undo_button.setEnabled(workflow.last_step(self.store, self.document_id) is not None)
        last = self.tree.topLevelItem(self.tree.topLevelItemCount() - 1)
        if last is not None:
            self.tree.setCurrentItem(last)

    def text(self) -> str:
        """The history as shown, one line per row (tests, copying)."""
        rows = []
        for i in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(i)
            rows.append("　".join(t for t in (item.text(0), item.text(1), item.text(2)) if t))
        extra = [self.where.text()] + ([self.links.text()] if self.links.text() else [])
        return "\n".join([self.heading.text(), *extra, *rows])

    def undo(self) -> None:
        """Undo the latest step after asking."""
        last = workflow.last_step(self.store, self.document_id)
        if last is None:
            return
        if not messages.ask(self, self.tr("撤销"),
                            self.tr("撤销最近一步「{s}」吗？\n撤销后记录仍保留在办理记录中，标为已撤销。")
                            .format(s=last["summary"])):  # fmt: skip
            return
        try:
            workflow.undo_last(self.store, self.document_id)
        except Exception as exc:
            messages.show_error(self, exc, self.tr("撤销失败"))
            return
        self.changed = True
        self.load()
