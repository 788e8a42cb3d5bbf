"""The entry form of one 件: 件号 allocated on save (or typed), 档号 derived, never typed."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QLineEdit, QWidget

from officedesk.core.fields import Record
from officedesk.core.registers import ARCHIVE_ITEM
from officedesk.storage import archive
from officedesk.storage.db import Store
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
        if self.record_id is None:
            return self.commit(lambda: archive.add_item(self.store, values))
        record_id = self.record_id
        return self.commit(lambda: archive.update_item(self.store, record_id, values))
