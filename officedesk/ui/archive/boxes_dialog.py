"""Boxes: each box's 起止件号, its 备考表 facts (editable), and printing 备考表 and 盒脊."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from officedesk.storage import archive, archive_boxes
from officedesk.storage.db import Store
from officedesk.ui import messages

COLUMNS = ("盒号", "年度", "保管期限", "机构(问题)", "起止件号", "件数", "页数", "盒内情况说明",
           "整理人", "整理日期", "检查人", "检查日期", "盒脊厚度")  # fmt: skip
EDITABLE = {7: "note", 8: "arranged_by", 9: "arranged_on", 10: "checked_by", 11: "checked_on"}
COL_SPINE = 12


class BoxesDialog(QDialog):
    """Every box; edit the 备考表 facts in place, print the selected boxes' forms."""

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.setWindowTitle(self.tr("备考表和盒脊"))
        self.boxes = archive_boxes.boxes(store)
        self.table = QTableWidget(len(self.boxes), len(COLUMNS), self)
        self.table.setHorizontalHeaderLabels([self.tr(c) for c in COLUMNS])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.spines: list[QComboBox] = []
        for r, box in enumerate(self.boxes):
            values = (box.box_no, box.year, box.retention, box.org_code, box.item_range,
                      box.count, box.pages, box.note, box.arranged_by, box.arranged_on,
                      box.checked_by, box.checked_on)  # fmt: skip
            for c, value in enumerate(values):
                item = QTableWidgetItem("" if value is None else str(value))
                if c not in EDITABLE:
                    item.setFlags(item.flags() & ~item.flags().ItemIsEditable)
                self.table.setItem(r, c, item)
            spine = QComboBox(self.table)
            spine.addItems([f"{w} 毫米" for w in archive_boxes.SPINES_MM])
            spine.setCurrentIndex(archive_boxes.SPINES_MM.index(box.spine_mm)
                                  if box.spine_mm in archive_boxes.SPINES_MM else 1)  # fmt: skip
            self.table.setCellWidget(r, COL_SPINE, spine)
            self.spines.append(spine)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(7, QHeaderView.ResizeMode.Stretch)
        self.table.selectAll()
        buttons = QDialogButtonBox(self)
        for text, slot in ((self.tr("打印备考表…"), self.print_notes),
                           (self.tr("打印盒脊…"), self.print_spines),
                           (self.tr("备考表存为 PDF…"), lambda: self.save_pdf("notes")),
                           (self.tr("盒脊存为 PDF…"), lambda: self.save_pdf("spines"))):  # fmt: skip
            button = buttons.addButton(text, QDialogButtonBox.ButtonRole.ActionRole)
            button.clicked.connect(lambda _c=False, s=slot: s())
        close = buttons.addButton(self.tr("保存并关闭"), QDialogButtonBox.ButtonRole.AcceptRole)
        close.clicked.connect(self.save_and_close)
        layout = QVBoxLayout(self)
        if not self.boxes:
            layout.addWidget(
                QLabel(self.tr("还没有装盒的文件：在档案列表中选中文件，按 Ctrl+B 装盒。"))
            )
        layout.addWidget(self.table, 1)
        foot = QHBoxLayout()
        foot.addStretch(1)
        foot.addWidget(buttons)
        layout.addLayout(foot)
        self.resize(1300, 520)

    def save(self) -> bool:
        """Store what was typed in the table."""
        try:
            for r, box in enumerate(self.boxes):
                values: dict[str, Any] = {
                    name: (self.table.item(r, c).text().strip() or None)
                    for c, name in EDITABLE.items()
                }
                values["spine_mm"] = archive_boxes.SPINES_MM[self.spines[r].currentIndex()]
                archive_boxes.set_notes(self.store, box.box_no, **values)
        except Exception as exc:
            messages.show_error(self, exc, self.tr("保存失败"))
            return False
        return True

    def save_and_close(self) -> None:
        if self.save():
            self.accept()

    def facts(self) -> list[Any]:
        """BoxFacts of the selected boxes, as saved."""
        from officedesk.printing.archive_box import BoxFacts

        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        names = dict(archive.orgs(self.store))
        fonds = archive.fonds_no(self.store)
        out = []
        for r in rows:
            b = archive_boxes.box(self.store, self.boxes[r].box_no)
            org = f"{names.get(b.org_code or '', '')}({b.org_code})" if b.org_code else ""
            gaps = tuple(f"{g['item_no']}" + (f"（{g['void_reason']}）" if g["void_reason"] else "")
                         for g in b.gaps)  # fmt: skip
            out.append(BoxFacts(fonds, b.box_no, str(b.year or ""), str(b.retention or ""), org,
                                b.item_range, b.count, b.pages, gaps, b.note, b.arranged_by,
                                b.arranged_on, b.checked_by, b.checked_on, b.spine_mm))  # fmt: skip
        return out

    def jobs(self, kind: str) -> list[Any]:
        """The print jobs: one 备考表 job, or one 盒脊 job per spine width."""
        from officedesk.printing.archive_box import BoxNotes, SpineLabels
        from officedesk.printing.service import ensure_gui_app

        ensure_gui_app()
        if not self.save():
            return []
        facts = self.facts()
        if not facts:
            messages.warn(self, self.tr("打印"), self.tr("请先选择盒子。"))
            return []
        if kind == "notes":
            return [BoxNotes(facts)]
        widths = sorted({f.spine_mm for f in facts})
        return [SpineLabels([f for f in facts if f.spine_mm == w], w) for w in widths]

    def print_notes(self) -> None:
        self._preview(self.jobs("notes"))

    def print_spines(self) -> None:
        self._preview(self.jobs("spines"))

    def _preview(self, jobs: list[Any]) -> None:
        from officedesk.printing.service import print_with_preview

        for job in jobs:
            try:
                print_with_preview(job, self)
            except Exception as exc:
                messages.show_error(self, exc, self.tr("打印失败"))
                return

    def save_pdf(self, kind: str) -> None:
        """备考表 or 盒脊 as PDF (several spine widths: one file each)."""
        jobs = self.jobs(kind)
        if not jobs:
            return
        name = "备考表.pdf" if kind == "notes" else "盒脊.pdf"
        path = messages.ask_save_path(self, self.tr("存为 PDF"), str(Path.home() / name),
                                      self.tr("PDF 文件 (*.pdf)"))  # fmt: skip
        if not path:
            return
        from officedesk.printing.service import print_to_pdf

        target = Path(path)
        try:
            for job in jobs:
                out = target
                if len(jobs) > 1:
                    out = target.with_name(f"{target.stem}_{job.spine_mm}毫米{target.suffix}")
                print_to_pdf(job, out)
        except Exception as exc:
            messages.show_error(self, exc, self.tr("保存失败"))
