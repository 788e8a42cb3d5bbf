"""Choose the 归档文件目录 to write: 年度 (or all), one volume per 年度 or 年度 × 保管期限, file."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QVBoxLayout,
    QWidget,
)

from officedesk.storage import archive
from officedesk.storage.db import Store
from officedesk.ui import messages

FILTERS = "Word 文档，含封面 (*.docx);;Excel 工作簿 (*.xlsx);;PDF 文件，含封面 (*.pdf)"


class CatalogueDialog(QDialog):
    """After Accepted: `year()`, `by_retention()` and `target` (the file chosen)."""

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.target: Path | None = None
        self.setWindowTitle(self.tr("归档文件目录"))
        self.years = QComboBox(self)
        self.years.addItem(self.tr("全部年度"), None)
        for year, _ in archive.volumes(store, False):
            self.years.addItem(self.tr("{y}年度").format(y=year), year)
        if self.years.count() > 1:
            self.years.setCurrentIndex(1)
        self.split = QCheckBox(self.tr("按保管期限分册（年度 × 保管期限）"), self)
        form = QFormLayout()
        form.addRow(self.tr("年度"), self.years)
        form.addRow("", self.split)
        buttons = QDialogButtonBox(self)
        ok = buttons.addButton(self.tr("导出…"), QDialogButtonBox.ButtonRole.AcceptRole)
        ok.setDefault(True)
        buttons.addButton(self.tr("取消"), QDialogButtonBox.ButtonRole.RejectRole)
        ok.clicked.connect(self.choose_file)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def year(self) -> int | None:
        data = self.years.currentData()
        return None if data is None else int(data)

    def by_retention(self) -> bool:
        return self.split.isChecked()

    def choose_file(self) -> None:
        """Ask where to write, then close as accepted."""
        stamp = str(self.year() or "全部")
        path = messages.ask_save_path(self, self.tr("导出归档文件目录"),
                                      str(Path.home() / f"归档文件目录_{stamp}.docx"), FILTERS)  # fmt: skip
        if not path:
            return
        self.target = Path(path)
        if self.target.suffix.lower() not in (".docx", ".xlsx", ".pdf"):
            messages.warn(self, self.tr("无法导出"), self.tr("请选择 .docx、.xlsx 或 .pdf 格式。"))
            return
        self.accept()
