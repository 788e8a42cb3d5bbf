"""借阅登记: the generic list, with a form that leaves out the link to the 件 (an internal id)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog

from officedesk.core.registers import ARCHIVE_LOAN
from officedesk.ui.record_form import RecordForm
from officedesk.ui.register_tab import RegisterTab


class LoanForm(RecordForm):
    """A loan's form: 件 is kept by 借出 on the 档案 tab, never typed (it showed as a bare number)."""

    EXCLUDED = ("item_id",)


class LoanTab(RegisterTab):
    """借阅登记 (归还 is added by `ui.archive.actions.install`)."""

    def make_form(self, record_id: int | None) -> QDialog:
        return LoanForm(self.store, ARCHIVE_LOAN, record_id, self)
