"""The recycle bin (回收站) of one register: voided rows, with 恢复 to bring them back; and the
UI side of 作废 shared by every tab (notes before asking, refusals as warnings).

Both go through records.void_many / restore_many, so the areas' rules (storage/lifecycle.py)
run on every path. Several selected rows are voided or restored all together or not at all:
a refusal names the row, says why, and nothing changed.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from officedesk.core.fields import Field, Kind, Register
from officedesk.storage import lifecycle, records
from officedesk.storage.db import Store
from officedesk.storage.errors import ValidationError
from officedesk.storage.query import Query
from officedesk.ui import messages
from officedesk.ui.changes import Changes
from officedesk.ui.register_model import RegisterModel
from officedesk.ui.register_view import setup_table_view

BIN_COLUMNS = (
    Field("voided_at", "作废时间", Kind.DATETIME, width=16),
    Field("void_reason", "作废原因", width=14),
)


def _tr(text: str) -> str:
    return QCoreApplication.translate("RecycleBin", text)


def void_notes(store: Store, register: Register, ids: list[int]) -> str:
    """What voiding these rows also means (已转督办, paper still out…), as lines for a question."""
    try:
        found = lifecycle.notes(store, register, ids)
    except Exception:  # a note never stops the clerk: the rules still run when voiding
        return ""
    # One sentence a line: the question box does not wrap Chinese text by itself.
    return "".join("注意：" + n.replace("。", "。\n").rstrip("\n") + "\n\n" for n in found)


def can_void(parent: QWidget, store: Store, register: Register, ids: list[int]) -> bool:
    """The area's refusal (a filed 收文, a 件 out on loan) before the clerk types a reason."""
    try:
        lifecycle.check_void(store, register, ids)
    except ValidationError as exc:
        messages.warn(parent, _tr("不能作废"), str(exc))
        return False
    except Exception as exc:
        messages.show_error(parent, exc, _tr("作废失败"))
        return False
    return True


def void_rows(parent: QWidget, store: Store, register: Register, ids: list[int],
              reason: str) -> bool:  # fmt: skip
    """作废 the rows (all or none); a refusal is shown as a warning. True when done."""
    try:
        records.void_many(store, register, ids, reason)
    except ValidationError as exc:
        messages.warn(parent, _tr("不能作废"), str(exc))
        return False
    except Exception as exc:
        messages.show_error(parent, exc, _tr("作废失败"))
        return False
    return True


def notify_related(changes: Changes | None, register: Register) -> None:
    """Refresh the lists of the registers the area's rules changed too (a 收文's 档号…)."""
    if changes is not None:
        for key in lifecycle.related(register):
            changes.notify(key)


class RecycleBinDialog(QDialog):
    """Lists the voided rows of a register; 恢复 puts the selected rows back in the register."""

    def __init__(
        self,
        store: Store,
        register: Register,
        changes: Changes | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.register = register
        self.changes = changes
        self.restored: list[int] = []
        self.setWindowTitle(self.tr("回收站 — ") + register.short)
        self.resize(1000, 560)

        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("在回收站中搜索"))
        self.search.setMinimumWidth(self.fontMetrics().horizontalAdvance("中") * 16)
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._search)
        self.model = RegisterModel(store, Query(register, voided=True), extra=BIN_COLUMNS,
                                   parent=self)  # fmt: skip
        self.view = QTableView(self)
        self.view.setModel(self.model)
        setup_table_view(self.view, self.model, sortable=False)
        self.view.selectionModel().selectionChanged.connect(self._update)
        self.count_label = QLabel(self)

        self.restore_button = QPushButton(self.tr("恢复(&R)"), self)
        self.restore_button.clicked.connect(self.restore_selected)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("关闭"))
        buttons.rejected.connect(self.reject)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("作废的记录保留编号，可以恢复："), self))
        top.addStretch(1)
        top.addWidget(self.search)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count_label)
        bottom.addStretch(1)
        bottom.addWidget(buttons)
        layout.addLayout(bottom)
        self._update()

    def _search(self, text: str) -> None:
        self.model.setQuery(self.model.query.with_(search=text.strip()))
        self._update()

    def _update(self) -> None:
        self.count_label.setText(self.tr("共 {n} 条").format(n=f"{self.model.rowCount():,}"))
        self.restore_button.setEnabled(bool(self.selected_ids()))

    def selected_ids(self) -> list[int]:
        """Ids of the selected rows."""
        rows = sorted({i.row() for i in self.view.selectionModel().selectedRows()})
        return [rid for r in rows if (rid := self.model.record_id(r)) is not None]

    def select_id(self, record_id: int) -> bool:
        """Select the row of `record_id` (tests, and after a search); False if not listed."""
        row = self.model.find_row(record_id)
        if row is None:
            return False
        self.view.selectRow(row)
        return True

    def restore_selected(self) -> None:
        """Bring the selected rows back (all or none); the register's list refreshes through the
        change signal. A refusal is shown as a warning; a meeting that now clashes asks for a
        reason (kept on the meeting, as when saving) and is restored with it."""
        ids = self.selected_ids()
        if not ids:
            return
        reason = ""
        while True:
            try:
                records.restore_many(self.store, self.register, ids, reason)
            except ValidationError as exc:
                if getattr(exc, "conflicts", None) and not reason:
                    answer = messages.ask_text(self, self.tr("恢复"),
                                               str(exc) + "\n\n" + self.tr("理由："))  # fmt: skip
                    if answer and answer.strip():
                        reason = answer.strip()
                        continue
                    if answer is not None:
                        messages.warn(self, self.tr("未恢复"), self.tr("没有填写理由，未恢复。"))
                    return
                messages.warn(self, self.tr("不能恢复"), str(exc))
                return
            except Exception as exc:
                messages.show_error(self, exc, self.tr("恢复失败"))
                return
            break
        self.restored += ids
        self.model.refresh()
        self.view.clearSelection()
        self._update()
        if self.changes is not None:
            self.changes.notify(self.register.key)
            notify_related(self.changes, self.register)
