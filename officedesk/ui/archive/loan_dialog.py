"""借出 one 件: borrower, department, purpose, due date."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from officedesk.core.registers import ARCHIVE_ITEM
from officedesk.storage import archive_loans, records
from officedesk.storage.db import Store
from officedesk.storage.errors import ValidationError
from officedesk.ui import messages, widgets


class LoanDialog(widgets.SaveDialog):
    """Record a loan of 件 `item_id`; Enter saves, Esc cancels."""

    def __init__(self, store: Store, item_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.item_id = item_id
        item = records.get(store, ARCHIVE_ITEM, item_id)
        self.setWindowTitle(self.tr("借出 {no}").format(no=item["archive_no"]))
        self.borrower = QLineEdit(self)
        self.department = QLineEdit(self)
        self.purpose = QLineEdit(self)
        self.due = widgets.DateEdit(self)
        self.due.set_value(dt.date.today() + dt.timedelta(days=archive_loans.DEFAULT_DAYS))
        form = QFormLayout()
        form.addRow(self.tr("题名"), QLineEdit(str(item["title"]), self, readOnly=True))
        form.addRow(self.tr("借阅人*"), self.borrower)
        form.addRow(self.tr("借阅部门"), self.department)
        form.addRow(self.tr("利用目的"), self.purpose)
        form.addRow(self.tr("应还日期"), self.due)
        buttons = QDialogButtonBox(self)
        save = buttons.addButton(self.tr("保存"), QDialogButtonBox.ButtonRole.AcceptRole)
        save.setDefault(True)
        buttons.addButton(self.tr("取消"), QDialogButtonBox.ButtonRole.RejectRole)
        save.clicked.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def save(self) -> None:
        """Check and record the loan."""
        if not self.borrower.text().strip():
            messages.warn(self, self.tr("无法保存"), self.tr("「借阅人」必须填写"))
            self.borrower.setFocus()
            return
        try:
            due = self.due.date()
            archive_loans.lend(self.store, self.item_id, self.borrower.text().strip(),
                               due_on=due, department=self.department.text().strip() or None,
                               purpose=self.purpose.text().strip() or None)  # fmt: skip
        except ValidationError as exc:
            messages.warn(self, self.tr("无法保存"), str(exc))
            return
        except Exception as exc:
            messages.show_error(self, exc, self.tr("保存失败"))
            return
        self.accept()
