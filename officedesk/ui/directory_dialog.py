"""The directory: departments, people and outside units, filtered by text or pinyin initials."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from officedesk.storage import directory
from officedesk.storage.db import Store
from officedesk.storage.directory import DirectoryKind, Entry
from officedesk.storage.errors import StorageError, ValidationError
from officedesk.ui import messages, widgets

READ_ONLY = ("uses",)  # counted from the register, not typed
MIN_COLUMN_WIDTH = 96
FILTER_EXAMPLES = {"departments": "bgs", "people": "zw", "units": "lyj"}


def run(dialog: QDialog) -> int:
    """Show a modal dialog and wait (tests replace this to fill it in instead)."""
    return dialog.exec()


class EntryDialog(QDialog):
    """Add or change one entry; `save` writes it and raises ValidationError naming the column."""

    def __init__(
        self,
        store: Store,
        kind: DirectoryKind,
        values: Entry,
        save: Callable[[dict[str, Any]], Entry],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.kind = kind
        self._save = save
        title = self.tr("修改{kind}") if values.get("id") else self.tr("新增{kind}")
        self.setWindowTitle(title.format(kind=kind.label))
        form = QFormLayout()
        self.editors: dict[str, QLineEdit] = {}
        for column, label in kind.columns:
            if column in READ_ONLY:
                continue
            editor = QLineEdit("" if values.get(column) is None else str(values[column]))
            editor.setObjectName(column)
            editor.setMinimumWidth(260)
            if column == "department":
                widgets.DirectoryCompleter(
                    lambda typed: directory.complete(store, "departments", typed), editor
                )
            star = '<span style="color:#c0392b">*</span>' if column == "name" else ""
            form.addRow(self.tr(label) + star, editor)
            self.editors[column] = editor
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("保存"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.saved: Entry | None = None

    def values(self) -> dict[str, Any]:
        return {c: e.text().strip() for c, e in self.editors.items()}

    def save(self) -> bool:
        """Write the entry; on a problem say so and put the cursor on the column."""
        try:
            self.saved = self._save(self.values())
        except ValidationError as exc:
            messages.warn(self, self.tr("无法保存"), str(exc))
            if exc.field in self.editors:
                self.editors[exc.field].setFocus()
                self.editors[exc.field].selectAll()
            return False
        except StorageError as exc:
            messages.warn(self, self.tr("保存失败"), str(exc))
            return False
        self.accept()
        return True


class DirectoryPage(QWidget):
    """One list of the directory: filter box, table, 新增/修改/删除."""

    def __init__(self, store: Store, kind: DirectoryKind, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.kind = kind
        self.filter = QLineEdit()
        example = FILTER_EXAMPLES.get(kind.key, "bgs")
        self.filter.setPlaceholderText(
            self.tr("筛选：输入名称中的字，或拼音首字母（如 {example}）").format(example=example)
        )
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self.refresh)
        self.filter.returnPressed.connect(self._go_to_list)
        self.table = QTableWidget(0, len(kind.columns))
        self.table.setHorizontalHeaderLabels([self.tr(label) for _, label in kind.columns])
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(lambda _i: self.edit_current())
        self.table.installEventFilter(self)
        self.add_button = QPushButton(self.tr("新增…"))
        self.edit_button = QPushButton(self.tr("修改…"))
        self.remove_button = QPushButton(self.tr("删除"))
        for b in (self.add_button, self.edit_button, self.remove_button):
            b.setAutoDefault(False)
        self.add_button.clicked.connect(self.add_entry)
        self.edit_button.clicked.connect(self.edit_current)
        self.remove_button.clicked.connect(self.remove_current)
        buttons = QHBoxLayout()
        for b in (self.add_button, self.edit_button, self.remove_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        self.entries: list[Entry] = []
        self.refresh()

    def refresh(self) -> None:
        """Reload the list with the filter applied."""
        self.entries = directory.list_entries(self.store, self.kind.key, self.filter.text())
        self.table.setRowCount(len(self.entries))
        for r, entry in enumerate(self.entries):
            for c, (column, _) in enumerate(self.kind.columns):
                value = entry.get(column)
                item = QTableWidgetItem("" if value is None else str(value))
                if column in self.kind.int_columns:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(r, c, item)
        for c in range(1, len(self.kind.columns)):
            self.table.resizeColumnToContents(c)
            self.table.setColumnWidth(c, max(self.table.columnWidth(c), MIN_COLUMN_WIDTH))

    def _go_to_list(self) -> None:
        # Enter in the filter box moves to the first match, ready for Enter (修改) or Delete.
        if self.entries:
            self.table.setFocus()
            self.table.selectRow(0)

    def names(self) -> list[str]:
        """The names shown, top to bottom."""
        return [str(e["name"]) for e in self.entries]

    def current(self) -> Entry | None:
        row = self.table.currentRow()
        return self.entries[row] if 0 <= row < len(self.entries) else None

    def _select(self, entry_id: int) -> None:
        for r, e in enumerate(self.entries):
            if e["id"] == entry_id:
                self.table.selectRow(r)
                return

    def add_entry(self) -> None:
        """Ask for a new entry and add it."""
        dialog = EntryDialog(
            self.store, self.kind, {}, lambda v: directory.add(self.store, self.kind.key, v), self
        )
        if run(dialog) == QDialog.DialogCode.Accepted and dialog.saved:
            self.refresh()
            self._select(int(dialog.saved["id"]))

    def edit_current(self) -> None:
        """Change the selected entry."""
        entry = self.current()
        if entry is None:
            return
        entry_id = int(entry["id"])
        dialog = EntryDialog(
            self.store,
            self.kind,
            entry,
            lambda v: directory.update(self.store, self.kind.key, entry_id, v),
            self,
        )
        if run(dialog) == QDialog.DialogCode.Accepted:
            self.refresh()
            self._select(entry_id)

    def remove_current(self) -> None:
        """Remove the selected entry from the list (records keep the name they were saved with)."""
        entry = self.current()
        if entry is None:
            return
        question = self.tr("从{kind}名录中删除「{name}」？\n已登记的记录中填写的名称不受影响。")
        question = question.format(kind=self.kind.label, name=entry["name"])
        title = self.tr("删除{kind}").format(kind=self.kind.label)
        if not messages.ask(self, title, question):
            return
        try:
            directory.void(self.store, self.kind.key, int(entry["id"]))
        except StorageError as exc:
            messages.warn(self, self.tr("删除失败"), str(exc))
            return
        self.refresh()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Keyboard: Enter changes the selected entry, Delete removes it.
        if watched is self.table and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.edit_current()
                return True
            if event.key() == Qt.Key.Key_Delete:
                self.remove_current()
                return True
        return super().eventFilter(watched, event)


class DirectoryDialog(QDialog):
    """The three lists of the directory in tabs: 部门 / 人员 / 外单位(来文机关)."""

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("通讯录"))
        self.tabs = QTabWidget()
        self.pages: dict[str, DirectoryPage] = {}
        titles = {
            "departments": self.tr("部门"),
            "people": self.tr("人员"),
            "units": self.tr("外单位（来文机关）"),
        }
        for key, title in titles.items():
            page = DirectoryPage(store, directory.kind_of(key))
            self.pages[key] = page
            self.tabs.addTab(page, title)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close_button = close.button(QDialogButtonBox.StandardButton.Close)
        close_button.setText(self.tr("关闭"))
        close_button.setAutoDefault(False)  # Enter in a filter box must not close the dialog
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(close)
        self.resize(640, 460)
