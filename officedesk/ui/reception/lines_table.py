"""A small editable table of lines (guests, meals, costs) that always ends in an empty row."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)


class LinesTable(QTableWidget):
    """Columns (key, label, ems); `lines()` returns the rows that have anything typed in them."""

    edited = Signal()

    def __init__(self, columns: Sequence[tuple[str, str, int]], parent: QWidget | None = None,
                 ) -> None:  # fmt: skip
        super().__init__(0, len(columns), parent)
        self.columns = tuple(columns)
        self.setHorizontalHeaderLabels([label for _, label, _ in columns])
        em = self.fontMetrics().horizontalAdvance("国")
        header = self.horizontalHeader()
        for i, (_, _, ems) in enumerate(columns):
            self.setColumnWidth(i, em * ems + 12)
        header.setSectionResizeMode(len(columns) - 1, QHeaderView.ResizeMode.Stretch)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
        self.setTabKeyNavigation(True)
        self.itemChanged.connect(self._changed)
        self._append_blank()

    def _append_blank(self) -> None:
        self.blockSignals(True)
        row = self.rowCount()
        self.insertRow(row)
        for c in range(self.columnCount()):
            self.setItem(row, c, QTableWidgetItem(""))
        self.blockSignals(False)

    def _changed(self, _item: QTableWidgetItem) -> None:
        last = self.rowCount() - 1
        if last < 0 or any(self._text(last, c) for c in range(self.columnCount())):
            self._append_blank()
        self.edited.emit()

    def _text(self, row: int, col: int) -> str:
        item = self.item(row, col)
        return item.text().strip() if item is not None else ""

    def lines(self) -> list[dict[str, str]]:
        """The non-empty rows as {key: text}."""
        out = []
        for r in range(self.rowCount()):
            texts = {key: self._text(r, c) for c, (key, _, _) in enumerate(self.columns)}
            if any(texts.values()):
                out.append(texts)
        return out

    def set_lines(self, lines: Sequence[dict[str, Any]]) -> None:
        """Show `lines` (values shown as text) and one empty row."""
        self.blockSignals(True)
        self.setRowCount(0)
        for line in lines:
            row = self.rowCount()
            self.insertRow(row)
            for c, (key, _, _) in enumerate(self.columns):
                value = line.get(key)
                self.setItem(row, c, QTableWidgetItem("" if value is None else str(value)))
        self.blockSignals(False)
        self._append_blank()
