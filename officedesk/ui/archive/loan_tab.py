"""借阅登记: the generic list, with a form that leaves out the link to the 件 (an internal id)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QDialog

from officedesk.core.registers import ARCHIVE_LOAN
from officedesk.ui import messages
from officedesk.ui.record_form import RecordForm
from officedesk.ui.register_tab import RegisterTab


class LoanForm(RecordForm):
    """A loan's form: 件 is kept by 借出 on the 档案 tab, never typed (it showed as a bare number)."""

    EXCLUDED = ("item_id",)


class LoanTab(RegisterTab):
    """借阅登记 (归还 is added by `ui.archive.actions.install`).

    A loan is made with 借出 on the 档案 list, which ties it to its 件 and refuses a 件 already
    out; a loan typed here would be tied to nothing, so 新建 points there instead.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.new_action.setEnabled(False)
        self.new_action.setToolTip(self.tr("借阅请在「档案」列表选中文件后按「借出…」登记"))

    def new_record(self) -> None:
        """Ctrl+N here: say where loans are made."""
        text = self.tr("借阅请在「档案」列表中选中要借出的文件，再按「借出…」登记。")
        messages.warn(self, self.tr("登记借阅"), text)

    def make_form(self, record_id: int | None) -> QDialog:
        return LoanForm(self.store, ARCHIVE_LOAN, record_id, self)
