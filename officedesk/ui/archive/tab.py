"""The 档案 tab: the 件 list with its own actions (装盒, 归档章, 借出, 目录, 备考表/盒脊, 鉴定)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialog, QMenu, QToolButton, QWidget

from officedesk.core.registers import ARCHIVE_LOAN, INCOMING_DOCUMENT
from officedesk.storage import archive, archive_boxes
from officedesk.storage.db import Store
from officedesk.ui import messages
from officedesk.ui.recycle_bin import can_void, void_rows
from officedesk.ui.register_tab import RegisterTab
from officedesk.ui.tasks import Progress, run_with_progress


class ArchiveTab(RegisterTab):
    """归档文件 list; 件 are numbered by the archive rules, never by hand-typed 档号."""

    def __init__(self, store: Store, register: Any, changes: Any = None,
                 parent: QWidget | None = None, *, load: bool = True) -> None:  # fmt: skip
        super().__init__(store, register, changes, parent, load=load)
        self.box_action = self.add_record_action(
            self.tr("装盒…"), self.put_in_box, "Ctrl+B", needs="some",
            tooltip=self.tr("把选中的文件装入一个盒子（同盒不得混装年度、机构、期限）"))  # fmt: skip
        self.stamp_action = self.add_record_action(
            self.tr("归档章…"), self.print_stamps, "Ctrl+Shift+P", needs="some",
            tooltip=self.tr("打印选中文件的归档章标签"))  # fmt: skip
        self.lend_action = self.add_record_action(
            self.tr("借出…"), self.lend, needs="one", tooltip=self.tr("登记借阅选中的文件")
        )
        self.catalogue_action = self.add_record_action(
            self.tr("归档文件目录…"), self.export_catalogue, needs="none",
            tooltip=self.tr("按年度（或年度、保管期限）导出带封面的归档文件目录"))  # fmt: skip
        more = QMenu(self.tr("更多"), self)
        self.more_menu = more
        for text, slot in (
            (self.tr("移出盒子"), self.take_out_of_box),
            (self.tr("备考表和盒脊…"), self.open_boxes),
            (self.tr("年度归档（办结未归档）…"), self.review_year),
            (self.tr("到期鉴定清单…"), self.expiry_list),
            (self.tr("全宗设置…"), self.open_fonds_settings),
        ):
            action = more.addAction(text)
            action.triggered.connect(lambda _c=False, s=slot: s())
        button = QToolButton(self)
        button.setText(self.tr("更多"))
        button.setMenu(more)
        button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.toolbar.addWidget(button)

    # -- forms ---------------------------------------------------------------------------

    def make_form(self, record_id: int | None) -> QDialog:
        """The 件 form (件号 allocated, 档号 derived)."""
        from officedesk.ui.archive.item_form import ArchiveItemForm

        return ArchiveItemForm(self.store, record_id, self)

    def new_record(self) -> None:
        """A new 件 by hand (once the 全宗号 is set)."""
        if self._fonds_ready():
            super().new_record()

    def _fonds_ready(self) -> bool:
        """The 全宗号 is set; otherwise say where to set it."""
        try:
            archive.fonds_no(self.store)
        except Exception as exc:
            messages.warn(self, self.tr("尚未设置全宗号"), str(exc))
            return False
        return True

    def void_selected(self) -> None:
        """作废 the selected 件: numbers stay taken; a 收文 goes back to 待归档."""
        ids = self.selected_ids()
        if not ids:
            return
        if not can_void(self, self.store, self.register, ids):
            return
        reason = messages.ask_text(
            self, self.tr("作废"),
            self.tr("确定作废选中的 {n} 件吗？\n作废后档号保留、件号不再使用（已盖的归档章不会重号），"
                    "来自收文的文件退回「待归档」。\n\n作废原因（可不填）：").format(n=len(ids)),
        )  # fmt: skip
        if reason is None:
            return
        if not void_rows(self, self.store, self.register, ids, reason.strip()):
            return  # all or none: a 件 out on loan is named, nothing was voided
        self._changed()
        if self.changes is not None:
            self.changes.notify(INCOMING_DOCUMENT.key)

    # -- boxes ---------------------------------------------------------------------------

    def put_in_box(self) -> None:
        """装盒: ask the 盒号 (a new box by default) and put the selected 件 in it."""
        ids = self.selected_ids()
        if not ids:
            return
        try:
            suggested = archive_boxes.next_box_no(self.store)
        except Exception as exc:
            messages.show_error(self, exc)
            return
        number = messages.ask_text(
            self, self.tr("装盒"),
            self.tr("把选中的 {n} 件装入盒号（新盒为 {b}，也可填已有盒号）：").format(
                n=len(ids), b=suggested), suggested,
        )  # fmt: skip
        if number is None:
            return
        try:
            box_no = archive_boxes.assign(self.store, ids, number)
        except Exception as exc:
            messages.show_error(self, exc, self.tr("无法装盒"))
            return
        self._changed()
        self.status_message.emit(self.tr("已装入第 {b} 盒").format(b=box_no))

    def take_out_of_box(self) -> None:
        """Take the selected 件 out of their box."""
        ids = self.selected_ids()
        if ids and messages.ask(self, self.tr("移出盒子"),
                                self.tr("把选中的 {n} 件移出盒子？").format(n=len(ids))):  # fmt: skip
            archive_boxes.take_out(self.store, ids)
            self._changed()

    def open_boxes(self) -> None:
        """备考表 and 盒脊 of the boxes."""
        from officedesk.ui.archive.boxes_dialog import BoxesDialog

        dialog = BoxesDialog(self.store, self)
        dialog.exec()
        dialog.deleteLater()

    # -- printing ------------------------------------------------------------------------

    def print_stamps(self) -> None:
        """归档章 of the selected 件 on the label sheet (layout set in the dialog)."""
        ids = self.selected_ids()
        if not ids or not self._fonds_ready():
            return
        from officedesk.ui.archive.labels_dialog import LabelsDialog

        dialog = LabelsDialog(self.store, archive.items_by_ids(self.store, ids), self)
        dialog.exec()
        dialog.deleteLater()

    def export_catalogue(self) -> None:
        """归档文件目录 (.docx with covers, .xlsx, or .pdf) in the background."""
        if not self._fonds_ready():
            return
        from officedesk.ui.archive.catalogue_dialog import CatalogueDialog

        dialog = CatalogueDialog(self.store, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            dialog.deleteLater()
            return
        year, by_retention, target = dialog.year(), dialog.by_retention(), dialog.target
        dialog.deleteLater()
        if target is None:
            return

        def work(reader: Store, progress: Progress) -> int:
            from officedesk.archive_service import export_catalogue

            return int(export_catalogue(reader, target, year, by_retention=by_retention,
                                        progress=lambda n: progress(n, 0)))  # fmt: skip

        def done(n: int) -> None:
            text = self.tr("已导出 {n} 件到\n{p}").format(n=n, p=target)
            self.status_message.emit(text.replace("\n", " "))
            if messages.offer_open(self, self.tr("导出完成"), text):
                QDesktopServices.openUrl(QUrl.fromLocalFile(str(target)))

        self.running_task = run_with_progress(
            self, self.store, self.tr("归档文件目录"),
            self.tr("正在生成「{n}」…").format(n=target.name), work, done)  # fmt: skip

    # -- housekeeping --------------------------------------------------------------------

    def review_year(self) -> None:
        """The year-end 办结未归档 list of a year, reviewed then filed in one go."""
        if not self._fonds_ready():
            return
        last = dt.date.today().year - 1
        text = messages.ask_text(self, self.tr("年度归档"),
                                 self.tr("列出哪一年办结未归档的收文？"), str(last))  # fmt: skip
        if text is None:
            return
        if not text.strip().isdigit():
            messages.warn(self, self.tr("年度归档"),
                          self.tr("「年度」应为四位年份，如 {y}").format(y=last))  # fmt: skip
            return
        from officedesk.ui.archive.actions import file_documents

        file_documents(self, self.store, self.changes, year=int(text))

    def expiry_list(self) -> None:
        """定期 件 whose period has ended: an .xlsx list for the 鉴定 committee."""
        year = dt.date.today().year
        rows = archive.expiring(self.store, year)
        if not rows:
            messages.information(self, self.tr("到期鉴定清单"),
                                 self.tr("截至 {y} 年没有保管期限届满的文件。").format(y=year))  # fmt: skip
            return
        default = str(Path.home() / f"保管期限到期鉴定清单_{year}.xlsx")
        path = messages.ask_save_path(self, self.tr("到期鉴定清单"), default,
                                      self.tr("Excel 工作簿 (*.xlsx)"))  # fmt: skip
        if not path:
            return
        try:
            from officedesk.archive_service import export_meta
            from officedesk.exports import export_rows

            n = export_rows(Path(path), self.register, rows,
                            export_meta(self.store, f"截至{year}年保管期限届满 · 供鉴定"))  # fmt: skip
        except Exception as exc:
            messages.show_error(self, exc, self.tr("导出失败"))
            return
        self.status_message.emit(self.tr("已导出 {n} 件待鉴定文件").format(n=n))

    def lend(self) -> None:
        """借出: borrower and due date for the current 件."""
        rid = self.current_id()
        if rid is None:
            return
        from officedesk.ui.archive.loan_dialog import LoanDialog

        dialog = LoanDialog(self.store, rid, self)
        if dialog.exec() == QDialog.DialogCode.Accepted and self.changes is not None:
            self.changes.notify(ARCHIVE_LOAN.key)
        dialog.deleteLater()

    def open_fonds_settings(self) -> None:
        """全宗设置: 机构(问题) codes and the 保管期限表."""
        from officedesk.ui.archive.fonds_dialog import FondsDialog

        dialog = FondsDialog(self.store, self)
        dialog.exec()
        dialog.deleteLater()
