"""全宗设置: the 机构(问题) code list and the unit's 保管期限表 (lists; the scalar 全宗号,
全宗名称 and 分类方案 are on the 档案 page of 单位设置)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from officedesk.core.archive import RetentionRule
from officedesk.storage import archive
from officedesk.storage.db import Store
from officedesk.ui import messages


def _table(parent: QWidget, headers: list[str], rows: list[list[str]]) -> QTableWidget:
    table = QTableWidget(len(rows), len(headers), parent)
    table.setHorizontalHeaderLabels(headers)
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.setItem(r, c, QTableWidgetItem(text))
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    return table


def _rows(table: QTableWidget) -> list[list[str]]:
    out = []
    for r in range(table.rowCount()):
        cells = [(table.item(r, c).text().strip() if table.item(r, c) else "")
                 for c in range(table.columnCount())]  # fmt: skip
        if any(cells):
            out.append(cells)
    return out


class FondsDialog(QDialog):
    """Edit the two lists; saved together, nothing saved if one line is wrong."""

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.setWindowTitle(self.tr("全宗设置"))
        tabs = QTabWidget(self)
        self.orgs = _table(self, [self.tr("代码"), self.tr("机构(问题)名称")],
                           [[c, n] for c, n in archive.orgs(store)])  # fmt: skip
        self.rules = _table(
            self, [self.tr("文件类别或关键词（空格分隔，须都出现）"), self.tr("保管期限"),
                   self.tr("机构(问题)代码（可空）"), self.tr("说明")],
            [[r.pattern, r.retention, r.org, r.note] for r in archive.retention_rules(store)],
        )  # fmt: skip
        for table, label, hint in (
            (self.orgs, self.tr("机构(问题)"), self.tr("代码用大写字母或数字，如 BGS；已有文件使用的代码不能删除。")),
            (self.rules, self.tr("保管期限表"),
             self.tr("归档时按题名、文种、来文机关自上而下匹配，第一条匹配的提出保管期限"
                     "（永久、定期30年、定期10年）。")),
        ):  # fmt: skip
            page = QWidget(self)
            box = QVBoxLayout(page)
            note = QLabel(hint, page)
            note.setWordWrap(True)
            box.addWidget(note)
            box.addWidget(table, 1)
            row = QHBoxLayout()
            add = QPushButton(self.tr("添加一行"), page)
            add.clicked.connect(lambda _c=False, t=table: t.insertRow(t.rowCount()))
            remove = QPushButton(self.tr("删除选中行"), page)
            remove.clicked.connect(lambda _c=False, t=table: t.removeRow(t.currentRow()))
            row.addWidget(add)
            row.addWidget(remove)
            row.addStretch(1)
            box.addLayout(row)
            tabs.addTab(page, label)
        buttons = QDialogButtonBox(self)
        save = buttons.addButton(self.tr("保存"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.tr("取消"), QDialogButtonBox.ButtonRole.RejectRole)
        save.clicked.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(tabs, 1)
        layout.addWidget(buttons)
        self.resize(760, 520)

    def save(self) -> bool:
        """Check and save both lists."""
        orgs = [(r[0].upper(), r[1]) for r in _rows(self.orgs)]
        rules = [RetentionRule(r[0], r[1], r[2].upper(), r[3]) for r in _rows(self.rules)]
        try:
            archive.set_orgs(self.store, orgs)
            archive.set_retention_rules(self.store, rules)
        except Exception as exc:
            messages.show_error(self, exc, self.tr("无法保存"))
            return False
        self.accept()
        return True
