"""公务接待: the register, its form with the rules, and the 接待清单 / 接待方案 of a reception."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QWidget

from officedesk.core.registers import RECEPTION
from officedesk.storage import records
from officedesk.storage.db import Store
from officedesk.ui import messages
from officedesk.ui.changes import Changes
from officedesk.ui.register_tab import RegisterTab


class ReceptionTab(RegisterTab):
    """The 公务接待 register with 接待清单 (print or Word) and 接待方案 (Word)."""

    def __init__(
        self,
        store: Store,
        register: Any = RECEPTION,
        changes: Changes | None = None,
        parent: QWidget | None = None,
        *,
        load: bool = True,
    ) -> None:
        super().__init__(store, register, changes, parent, load=load)
        self.sheet_action = self.add_record_action(
            self.tr("打印接待清单…"), self.print_sheet, "Ctrl+Shift+P",
            tooltip=self.tr("接待结束后打印接待清单，核对公函、签字后报销"),
        )  # fmt: skip
        self.sheet_docx_action = self.add_record_action(
            self.tr("接待清单（Word）…"), lambda: self.export_doc("sheet"), None,
            tooltip=self.tr("把接待清单导出为 Word 文件"),
        )  # fmt: skip
        self.plan_action = self.add_record_action(
            self.tr("接待方案（Word）…"), lambda: self.export_doc("plan"), None,
            tooltip=self.tr("生成接待方案 Word 文件，供审批和打印"),
        )  # fmt: skip

    def make_form(self, record_id: int | None) -> Any:
        from officedesk.ui.reception.reception_form import ReceptionForm

        return ReceptionForm(self.store, record_id, self)

    def print_sheet(self) -> None:
        """Preview and print the 接待清单 of the current reception."""
        from officedesk import reception_docs
        from officedesk.printing.service import print_with_preview

        rid = self.current_id()
        if rid is None:
            return
        try:
            if print_with_preview(reception_docs.sheet_job(self.store, rid), self):
                self.status_message.emit(self.tr("已发送到打印机"))
        except Exception as exc:
            messages.show_error(self, exc, self.tr("打印失败"))

    def export_doc(self, which: str) -> None:
        """Write the 接待清单 or 接待方案 of the current reception as .docx."""
        from officedesk import reception_docs

        rid = self.current_id()
        if rid is None:
            return
        record = records.get(self.store, RECEPTION, rid)
        name = "接待清单" if which == "sheet" else "接待方案"
        default = str(Path.home() / f"{name}_{record.get('sending_unit') or ''}_"
                      f"{str(record.get('starts_on') or '')[:10]}.docx")  # fmt: skip
        path = messages.ask_save_path(self, self.tr("导出") + name, default, "Word (*.docx)")
        if not path:
            return
        try:
            writer = reception_docs.write_sheet if which == "sheet" else reception_docs.write_plan
            writer(self.store, rid, Path(path))
        except Exception as exc:
            messages.show_error(self, exc, self.tr("导出失败"))
            return
        self.status_message.emit(self.tr("已导出{name}到 {p}").format(name=name, p=path))
