"""Small editable tables of a meeting: attendees, 议程, decisions (rows of dicts, ids kept)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QStyledItemDelegate,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

Row = dict[str, Any]


class ChoiceDelegate(QStyledItemDelegate):
    """A drop-down for a column with a fixed list (身份, 通知, 回执)."""

    def __init__(self, choices: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.choices = list(choices)

    def createEditor(self, parent: QWidget, option: Any, index: Any) -> QWidget:
        combo = QComboBox(parent)
        combo.addItems(self.choices)
        return combo

    def setEditorData(self, editor: QWidget, index: Any) -> None:
        assert isinstance(editor, QComboBox)
        editor.setCurrentIndex(max(0, editor.findText(str(index.data() or ""))))

    def setModelData(self, editor: QWidget, model: Any, index: Any) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentText())


class RowsEditor(QWidget):
    """A table of rows with 添加 / 删除 / 上移 / 下移; `rows()` gives dicts (with their ids)."""

    def __init__(
        self,
        columns: Sequence[tuple[str, str, int]],  # (key, label, width in characters)
        parent: QWidget | None = None,
        *,
        choices: dict[str, Sequence[str]] | None = None,
        defaults: Row | None = None,
        readonly: Sequence[str] = (),
    ) -> None:
        super().__init__(parent)
        self.readonly = set(readonly)
        self.columns = list(columns)
        self.defaults = defaults or {}
        self.table = QTableWidget(0, len(self.columns), self)
        self.table.setHorizontalHeaderLabels([c[1] for c in self.columns])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.AllEditTriggers
            & ~QAbstractItemView.EditTrigger.CurrentChanged
        )
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        em = self.fontMetrics().horizontalAdvance("国")
        header = self.table.horizontalHeader()
        for i, (_key, _label, width) in enumerate(self.columns):
            self.table.setColumnWidth(i, em * width + 16)
        header.setSectionResizeMode(len(self.columns) - 1, QHeaderView.ResizeMode.Stretch)
        for key, values in (choices or {}).items():
            col = self.column(key)
            self.table.setItemDelegateForColumn(col, ChoiceDelegate(values, self.table))
        self.add_button = QPushButton(self.tr("添加"), self)
        self.remove_button = QPushButton(self.tr("删除"), self)
        self.up_button = QPushButton(self.tr("上移"), self)
        self.down_button = QPushButton(self.tr("下移"), self)
        self.add_button.clicked.connect(lambda: self.add_row({}))
        self.remove_button.clicked.connect(self.remove_current)
        self.up_button.clicked.connect(lambda: self.move_current(-1))
        self.down_button.clicked.connect(lambda: self.move_current(1))
        buttons = QVBoxLayout()
        for b in (self.add_button, self.remove_button, self.up_button, self.down_button):
            b.setAutoDefault(False)
            buttons.addWidget(b)
        buttons.addStretch(1)
        self.side = buttons
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self._ids: list[Any] = []
        self._extra: list[Row] = []  # columns of a row that the table does not show

    def column(self, key: str) -> int:
        """The index of column `key`."""
        return [c[0] for c in self.columns].index(key)

    def set_rows(self, rows: Sequence[Row]) -> None:
        """Show `rows` (replacing what is there)."""
        self.table.setRowCount(0)
        self._ids, self._extra = [], []
        for row in rows:
            self.add_row(row, select=False)

    def add_row(self, row: Row, *, select: bool = True) -> int:
        """Append a row (defaults for what it lacks); returns its index."""
        data = {**self.defaults, **row}
        r = self.table.rowCount()
        self.table.insertRow(r)
        for c, (key, _label, _w) in enumerate(self.columns):
            value = data.get(key)
            item = QTableWidgetItem("" if value is None else str(value))
            if key in self.readonly:
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self.table.setItem(r, c, item)
        self._ids.append(data.get("id"))
        self._extra.append({k: v for k, v in data.items() if k not in {c[0] for c in self.columns}})
        if select:
            self.table.setCurrentCell(r, 0 if not data.get(self.columns[0][0]) else 1)
            self.table.setFocus()
        return r

    def remove_current(self) -> None:
        """Delete the current row."""
        r = self.table.currentRow()
        if r < 0:
            return
        self.table.removeRow(r)
        del self._ids[r]
        del self._extra[r]

    def move_current(self, step: int) -> None:
        """Move the current row up (-1) or down (1): for 出席, the order is the rank order."""
        r = self.table.currentRow()
        target = r + step
        if r < 0 or not 0 <= target < self.table.rowCount():
            return
        rows = self.rows()
        rows[r], rows[target] = rows[target], rows[r]
        self.set_rows(rows)
        self.table.setCurrentCell(target, 1)

    def rows(self) -> list[Row]:
        """The rows as dicts, blank rows left out; a row's id and hidden columns are kept."""
        self.commit()
        out: list[Row] = []
        for r in range(self.table.rowCount()):
            row: Row = dict(self._extra[r])
            for c, (key, _label, _w) in enumerate(self.columns):
                item = self.table.item(r, c)
                row[key] = item.text().strip() if item is not None else ""
            if not any(row.get(k) for k, _l, _w in self.columns if k not in self.defaults):
                continue
            row["id"] = self._ids[r]
            out.append(row)
        return out

    def cell(self, r: int, key: str) -> str:
        """The text of one cell."""
        item = self.table.item(r, self.column(key))
        return item.text() if item is not None else ""

    def set_cell(self, r: int, key: str, text: str) -> None:
        """Change the text of one cell."""
        self.table.setItem(r, self.column(key), QTableWidgetItem(text))

    def commit(self) -> None:
        """Finish an edit in progress (the table keeps the typed text only on commit)."""
        if self.table.state() != QAbstractItemView.State.EditingState:
            return
        editor = QApplication.focusWidget()
        if editor is not None and self.table.viewport().isAncestorOf(editor):
            self.table.commitData(editor)
            self.table.closeEditor(editor, QStyledItemDelegate.EndEditHint.NoHint)
