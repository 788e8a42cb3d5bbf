"""The entry form of one 件: 件号 allocated on save (or typed), 档号 derived, never typed."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QLineEdit, QWidget

from officedesk.core.fields import Record
from officedesk.core.registers import ARCHIVE_ITEM
from officedesk.storage import archive
from officedesk.storage.db import Store
from officedesk.ui import messages
from officedesk.ui.record_form import RecordForm


class ArchiveItemForm(RecordForm):
    """New or changed 件; `saved_id` holds its id after saving."""

    EXCLUDED = ("archive_no", "category", "document_id")

    def __init__(self, store: Store, record_id: int | None = None,
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(store, ARCHIVE_ITEM, record_id, parent)
        item_no = self.editors["item_no"]
        if isinstance(item_no, QLineEdit):
            item_no.setPlaceholderText(self.tr("保存时按类别自动编号"))
        org = self.editors["org_code"]
        codes = "、".join(f"{c} {n}" for c, n in archive.orgs(store))
        org.setToolTip(self.tr("机构(问题)代码：{codes}").format(codes=codes))
        if record_id is not None:
            self.setWindowTitle(self.windowTitle())

    def new_record(self) -> Record:
        """A new 件 of this year, 定期30年, the first 机构(问题)."""
        orgs = archive.orgs(self.store)
        return {"year": dt.date.today().year, "retention": "定期30年", "secrecy": "无",
                "org_code": orgs[0][0] if orgs else ""}  # fmt: skip

    def save(self) -> bool:
        """Allocate and save through the archive rules; a problem names its field."""
        values = self.values()
        if not self._year_agrees(values):
            return False
        if self.record_id is None:
            return self.commit(lambda: archive.add_item(self.store, values))
        record_id = self.record_id
        return self.commit(lambda: archive.update_item(self.store, record_id, values))

    def _year_agrees(self, values: Record) -> bool:
        """年度 is the year the document was signed: a 日期 of another year is usually a typo
        (a December paper filed in January is the exception), so ask before saving."""
        year, day = str(values.get("year") or "").strip(), str(values.get("doc_date") or "").strip()
        if len(day) < 4 or not year or day[:4] == year:
            return True
        if messages.ask(self, self.tr("年度与日期不一致"),
                        self.tr("「日期」{day} 不在「年度」{year} 年内。归档年度一般为文件形成"
                                "（成文）的年度。\n\n仍然保存？").format(day=day, year=year)):  # fmt: skip
            return True
        self.focus_field("year")
        return False
