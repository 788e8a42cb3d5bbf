"""Pieces of a register's list view: the filter pick list and the table's set-up."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFocusEvent, QFontMetrics
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QHeaderView, QTableView, QWidget

from officedesk.core.fields import Kind
from officedesk.ui import messages
from officedesk.ui.register_model import Column, RegisterModel


class FilterCombo(QComboBox):
    """A filter pick list whose first item means 全部; its values are read on first use.

    Reading on first use keeps opening a tab to one count and one page, even when the values
    (years, 来文机关) take a scan of a large register to find.
    """

    value_changed = Signal()

    def __init__(
        self,
        everything: str,
        loader: Callable[[], list[tuple[str, Any]]],
        *,
        parent: QWidget | None = None,
        editable: bool = False,
        eager: bool = False,
    ) -> None:
        super().__init__(parent)
        self._loader = loader
        self._loaded = False
        self._last: Any = None
        self.setEditable(editable)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.setMaxVisibleItems(20)
        self.addItem(everything, None)
        if editable:
            line = self.lineEdit()
            assert line is not None  # an editable combo always has its line edit
            line.setPlaceholderText(everything)
            line.setClearButtonEnabled(True)
            self.setCurrentIndex(-1)
            line.editingFinished.connect(self._maybe_changed)
            self.activated.connect(lambda _i: self._maybe_changed())
            self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        else:
            self.currentIndexChanged.connect(lambda _i: self._maybe_changed())
        if eager:
            self.load()

    def load(self) -> None:
        """Read the values now (first popup or focus)."""
        if self._loaded:
            return
        self._loaded = True
        try:
            items = self._loader()
        except Exception as exc:
            messages.show_error(self, exc, self.tr("读取筛选项失败"))
            return
        self.blockSignals(True)
        text = self.currentText() if self.isEditable() else None
        for label, value in items:
            self.addItem(label, value)
        if text is not None:
            self.setCurrentIndex(-1)
            self.setEditText(text)
        self.blockSignals(False)

    def value(self) -> Any:
        """The chosen value, or None for 全部."""
        if self.isEditable():
            text = self.currentText().strip()
            return None if not text or text == self.itemText(0) else text
        return self.currentData()

    def set_value(self, value: Any) -> None:
        """Choose `value` (None: 全部) as if the clerk had picked it."""
        self.load()
        if self.isEditable():
            self.setEditText("" if value is None else str(value))
            self._maybe_changed()
            return
        index = self.findData(value)
        self.setCurrentIndex(max(0, index))

    def _maybe_changed(self) -> None:
        value = self.value()
        if value != self._last:
            self._last = value
            self.value_changed.emit()

    def showPopup(self) -> None:
        self.load()
        super().showPopup()

    def focusInEvent(self, event: QFocusEvent) -> None:
        self.load()
        super().focusInEvent(event)


def setup_table_view(view: QTableView, model: RegisterModel, *, sortable: bool = True) -> None:
    """Make a table fast and readable on a million rows: fixed rows, widths in Chinese chars."""
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.setTextElideMode(Qt.TextElideMode.ElideRight)
    view.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
    view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerItem)
    fm = QFontMetrics(view.font())
    rows = view.verticalHeader()
    rows.hide()
    # Fixed heights: the view never measures rows, so a million rows cost nothing to lay out.
    rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    rows.setDefaultSectionSize(fm.height() + 10)
    header = view.horizontalHeader()
    header.setHighlightSections(False)
    header.setStretchLastSection(True)
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header_fm = QFontMetrics(header.font())
    for i, column in enumerate(model.columns):
        # Room for the text and, in the header, for the label plus the sort arrow.
        width = max(column_width(fm, column), header_fm.horizontalAdvance(column.label) + 30)
        header.resizeSection(i, width)
    if sortable:
        section, order = model.sort_section()
        header.setSortIndicator(section, order)
        view.setSortingEnabled(True)


SCREEN_SHARE = 0.8  # declared widths are for paper; on screen a tooltip shows the rest
SCREEN_MAX_CHARS = 26
_SAMPLES = {Kind.DATE: "2024-03-05", Kind.DATETIME: "2024-03-05 09:30", Kind.INT: "0000"}


def column_width(fm: QFontMetrics, column: Column) -> int:
    """Pixels for a column: dates and numbers by a sample, text by its declared Chinese width."""
    f = column.field
    pad = 14
    if f is not None and f.kind in _SAMPLES:
        return fm.horizontalAdvance(_SAMPLES[f.kind]) + pad
    if f is not None and f.kind is Kind.CHOICE and f.choices:
        return max(fm.horizontalAdvance(c) for c in f.choices) + pad
    chars = min(column.width * SCREEN_SHARE, SCREEN_MAX_CHARS)
    return int(chars * fm.horizontalAdvance("中")) + pad
