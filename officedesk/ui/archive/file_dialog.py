"""归档: review what filing some 收文 would record, change 保管期限 and 机构, then file them all.

One dialog for both uses: the 收文 selected in the register, or every 办结 and unfiled 收文 of a
year (the year-end 办结未归档 list), each with a tick to leave it for later.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from officedesk.core import archive as rules
from officedesk.core.fields import Record
from officedesk.core.registers.archive import RETENTION_CHOICES
from officedesk.storage import archive
from officedesk.storage.db import Store
from officedesk.storage.errors import StorageError, ValidationError
from officedesk.ui import messages, widgets

COLUMNS = ("归档", "收文编号", "题名", "责任者", "文号", "日期", "年度", "保管期限", "机构(问题)",
           "提示")  # fmt: skip
COL_TICK, COL_RETENTION, COL_ORG, COL_NOTES = 0, 7, 8, 9


class FileDialog(widgets.SaveDialog):
    """The 归档 review list; after `exec()` returns Accepted, `filed` holds the new 件."""

    def __init__(self, store: Store, documents: list[Record], parent: QWidget | None = None,
                 *, year: int | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.store = store
        self.year = year
        self.filed: list[Record] = []
        self.scheme = archive.scheme(store)
        self.org_codes = [code for code, _ in archive.orgs(store)]
        org_names = dict(archive.orgs(store))
        rules_table = archive.retention_rules(store)
        self.proposals = [
            archive.propose(store, d, rules_=rules_table, orgs_=list(org_names.items()))
            for d in documents
        ]
        self.documents = documents
        if year is None:
            self.setWindowTitle(self.tr("归档"))
        else:
            self.setWindowTitle(self.tr("{y}年度办结未归档文件").format(y=year))
        fonds = archive.fonds_no(store)
        head = QLabel(
            self.tr("全宗号 {f}　分类方案 {s}　共 {n} 件。保管期限和机构(问题)按保管期限表提出，"
                    "可修改；保存时按类别分配件号。").format(
                f=fonds, s=self.scheme, n=len(documents)),
            self,
        )  # fmt: skip
        head.setWordWrap(True)
        self.table = QTableWidget(len(documents), len(COLUMNS), self)
        self.table.setHorizontalHeaderLabels([self.tr(c) for c in COLUMNS])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.ticks: list[QCheckBox] = []
        self.retentions: list[QComboBox] = []
        self.orgs: list[QComboBox] = []
        uses_org = rules.uses_org(self.scheme)
        for r, (doc, proposal) in enumerate(zip(documents, self.proposals, strict=True)):
            v = proposal.values
            tick = QCheckBox(self.table)
            tick.setChecked(True)
            tick.setToolTip(self.tr("取消勾选：本次不归档"))
            self.table.setCellWidget(r, COL_TICK, tick)
            self.ticks.append(tick)
            texts = (doc.get("serial"), v["title"], v["author"], v["doc_ref"], v["doc_date"],
                     v["year"])  # fmt: skip
            for c, text in enumerate(texts, 1):
                item = QTableWidgetItem("" if text is None else str(text))
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                self.table.setItem(r, c, item)
            retention = QComboBox(self.table)
            retention.addItems(list(RETENTION_CHOICES))
            retention.setCurrentText(str(v["retention"]))
            self.table.setCellWidget(r, COL_RETENTION, retention)
            self.retentions.append(retention)
            org = QComboBox(self.table)
            org.addItems([f"{c} {org_names.get(c, '')}".strip() for c in self.org_codes])
            if v.get("org_code") in self.org_codes:
                org.setCurrentIndex(self.org_codes.index(v["org_code"]))
            org.setEnabled(uses_org)
            self.table.setCellWidget(r, COL_ORG, org)
            self.orgs.append(org)
            note = QTableWidgetItem("；".join(proposal.notes))
            note.setToolTip(note.text())  # the column is cut at 1366 wide: the whole hint here
            note.setFlags(note.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self.table.setItem(r, COL_NOTES, note)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(COL_NOTES, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(2, self.fontMetrics().horizontalAdvance("关于") * 14)
        self.table.setWordWrap(False)
        self.buttons = QDialogButtonBox(self)
        self.file_button = self.buttons.addButton(self.tr("归档"),
                                                  QDialogButtonBox.ButtonRole.AcceptRole)  # fmt: skip
        self.file_button.setDefault(True)
        self.file_button.setToolTip(self.tr("归档勾选的文件（Enter）"))
        cancel = self.buttons.addButton(self.tr("取消"), QDialogButtonBox.ButtonRole.RejectRole)
        cancel.setToolTip(self.tr("取消（Esc）"))
        self.file_button.clicked.connect(self.save)
        cancel.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(head)
        layout.addWidget(self.table, 1)
        foot = QHBoxLayout()
        foot.addWidget(QLabel(self.tr("Enter 归档　Esc 取消"), self))
        foot.addStretch(1)
        foot.addWidget(self.buttons)
        layout.addLayout(foot)
        self.resize(1200, min(700, 160 + 34 * len(documents)))

    def chosen(self) -> list[tuple[int, dict[str, Any]]]:
        """(收文 id, the 件's values) of every ticked row, as the clerk left them."""
        out = []
        for r, proposal in enumerate(self.proposals):
            if not self.ticks[r].isChecked():
                continue
            values = dict(proposal.values)
            values["retention"] = self.retentions[r].currentText()
            if rules.uses_org(self.scheme) and self.org_codes:
                values["org_code"] = self.org_codes[self.orgs[r].currentIndex()]
            out.append((proposal.document_id, values))
        return out

    def save(self) -> bool:
        """File the ticked 收文 in one transaction; on a problem nothing is filed."""
        items = self.chosen()
        if not items:
            messages.warn(self, self.tr("归档"), self.tr("没有勾选要归档的文件。"))
            return False
        try:
            self.filed = archive.file_documents(self.store, items)
        except ValidationError as exc:
            messages.warn(
                self, self.tr("无法归档"), str(exc) + "\n\n" + self.tr("本次未归档任何文件。")
            )
            return False
        except StorageError as exc:
            messages.warn(self, self.tr("归档失败"), str(exc))
            return False
        self.accept()
        return True
