"""归档章 labels: the sticker sheet's grid and offsets (remembered), then preview/print or PDF."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from officedesk.storage import archive
from officedesk.storage.db import Store
from officedesk.ui import messages

OPTION_KEY = "label_sheet"
MODES = (("sheet", "A4 标签纸（按行列排）"), ("page", "每页顶端居中一个（直接盖在文件首页）"))


class LabelsDialog(QDialog):
    """Set up the label sheet for the selected 件 and print their 归档章."""

    def __init__(self, store: Store, items: list[dict[str, Any]],
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        from officedesk.printing.archive_labels import LabelSheet

        self.store = store
        self.items = items
        self.setWindowTitle(self.tr("打印归档章（{n} 件）").format(n=len(items)))
        sheet = LabelSheet.from_dict(archive.option(store, OPTION_KEY, {}))
        form = QFormLayout()
        self.mode = QComboBox(self)
        for key, text in MODES:
            self.mode.addItem(self.tr(text), key)
        self.mode.setCurrentIndex(0 if sheet.mode == "sheet" else 1)
        form.addRow(self.tr("打印方式"), self.mode)
        self.columns = self._int(sheet.columns, 1, 6)
        self.rows = self._int(sheet.rows, 1, 20)
        self.start_at = self._int(sheet.start_at, 1, 120)
        self.left = self._mm(sheet.left_mm)
        self.top = self._mm(sheet.top_mm)
        self.h_gap = self._mm(sheet.h_gap_mm)
        self.v_gap = self._mm(sheet.v_gap_mm)
        self.page_top = self._mm(sheet.page_top_mm)
        self.border = QCheckBox(self.tr("印出归档章边框和格线"), self)
        self.border.setChecked(sheet.border)
        for label, widget in (
            ("每行标签数（列）", self.columns), ("每页行数", self.rows),
            ("左边距（毫米）", self.left), ("上边距（毫米）", self.top),
            ("列间距（毫米）", self.h_gap), ("行间距（毫米）", self.v_gap),
            ("从第几个标签开始", self.start_at), ("页面模式：距顶端（毫米）", self.page_top),
        ):  # fmt: skip
            form.addRow(self.tr(label), widget)
        form.addRow("", self.border)
        note = QLabel(self.tr("归档章 45×16 毫米。先用普通纸试印，对着标签纸透光检查，"
                              "再微调边距；设置会保存。"), self)  # fmt: skip
        note.setWordWrap(True)
        buttons = QDialogButtonBox(self)
        self.print_button = buttons.addButton(self.tr("预览并打印"),
                                              QDialogButtonBox.ButtonRole.AcceptRole)  # fmt: skip
        self.print_button.setDefault(True)
        self.pdf_button = buttons.addButton(self.tr("存为 PDF…"),
                                            QDialogButtonBox.ButtonRole.ActionRole)  # fmt: skip
        buttons.addButton(self.tr("取消"), QDialogButtonBox.ButtonRole.RejectRole)
        self.print_button.clicked.connect(self.print_preview)
        self.pdf_button.clicked.connect(self.save_pdf)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)

    def _int(self, value: int, low: int, high: int) -> QSpinBox:
        box = QSpinBox(self)
        box.setRange(low, high)
        box.setValue(int(value))
        return box

    def _mm(self, value: float) -> QDoubleSpinBox:
        box = QDoubleSpinBox(self)
        box.setRange(0, 290)
        box.setDecimals(1)
        box.setSingleStep(0.5)
        box.setValue(float(value))
        return box

    def sheet(self) -> Any:
        """The layout the widgets describe."""
        from officedesk.printing.archive_labels import LabelSheet

        return LabelSheet(
            columns=self.columns.value(), rows=self.rows.value(), left_mm=self.left.value(),
            top_mm=self.top.value(), h_gap_mm=self.h_gap.value(), v_gap_mm=self.v_gap.value(),
            start_at=self.start_at.value(), border=self.border.isChecked(),
            mode=str(self.mode.currentData()), page_top_mm=self.page_top.value(),
        )  # fmt: skip

    def job(self) -> Any:
        """The print job, or None after telling the clerk what is wrong with the layout."""
        from officedesk.printing.archive_labels import stamp_labels
        from officedesk.printing.service import ensure_gui_app

        ensure_gui_app()
        sheet = self.sheet()
        problem = sheet.problem()
        if problem:
            messages.warn(self, self.tr("标签纸设置有误"), problem)
            return None
        archive.set_option(self.store, OPTION_KEY, sheet.to_dict())
        return stamp_labels(archive.fonds_no(self.store), self.items, sheet)

    def print_preview(self) -> None:
        """Preview, then print on paper."""
        job = self.job()
        if job is None:
            return
        from officedesk.printing.service import print_with_preview

        try:
            print_with_preview(job, self)
        except Exception as exc:
            messages.show_error(self, exc, self.tr("打印失败"))
            return
        self.accept()

    def save_pdf(self) -> None:
        """Write the labels to a PDF."""
        job = self.job()
        if job is None:
            return
        path = messages.ask_save_path(self, self.tr("存为 PDF"), str(Path.home() / "归档章.pdf"),
                                      self.tr("PDF 文件 (*.pdf)"))  # fmt: skip
        if not path:
            return
        from officedesk.printing.service import print_to_pdf

        try:
            print_to_pdf(job, Path(path))
        except Exception as exc:
            messages.show_error(self, exc, self.tr("保存失败"))
            return
        self.accept()
