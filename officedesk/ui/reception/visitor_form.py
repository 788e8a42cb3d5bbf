"""The full 来访登记 form: 证件 masked, its check digit warned about (not refused), and a known
证件号码 fills the rest in from the last visit."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from officedesk.core.fields import Record
from officedesk.core.reception import id_number_problem, normalise_id_number
from officedesk.core.registers import VISITOR
from officedesk.storage import reception as rs
from officedesk.storage.db import Store
from officedesk.storage.errors import StorageError
from officedesk.ui import messages
from officedesk.ui.record_form import RecordForm
from officedesk.ui.sensitive_edit import SensitiveEdit

ROWS = (
    ("arrived_at", "left_at"),
    ("name", "gender"),
    ("unit", "post"),
    ("id_type", "id_number"),
    ("phone", "plate"),
    ("purpose",),
    ("host", "companions"),
    ("belongings", "pass_no"),
    ("registrar",),
    ("remarks",),
)


class VisitorForm(RecordForm):
    """One visit in full."""

    def __init__(self, store: Store, record_id: int | None = None, parent: QWidget | None = None
                 ) -> None:  # fmt: skip
        super().__init__(store, VISITOR, record_id, parent)
        edit = self.editors["id_number"]
        assert isinstance(edit, SensitiveEdit)
        edit.editingFinished.connect(self._id_entered)
        self.editors["unit"].editingFinished.connect(self._person_entered)  # type: ignore[attr-defined]
        edit.textEdited.connect(lambda _t: self._show_id_problem())
        self.editors["id_type"].edited.connect(self._show_id_problem)  # type: ignore[attr-defined]
        self._show_id_problem()

    def build_layout(self, body: QVBoxLayout) -> None:
        body.addLayout(self.grid(ROWS))
        self.id_note = QLabel(self)
        self.id_note.setStyleSheet("color:#B7791F;")
        self.id_note.setWordWrap(True)
        body.addWidget(self.id_note)

    def is_wide(self, name: str) -> bool:
        return name in ("purpose", "remarks", "registrar")

    def _id_problem(self) -> str | None:
        values = self.values()
        return id_number_problem(values.get("id_number"), values.get("id_type"))

    def _show_id_problem(self) -> None:
        problem = self._id_problem()
        self.id_note.setText(problem or "")
        self.id_note.setVisible(bool(problem))

    def _id_entered(self) -> None:
        """A known 证件号码 on a new visit fills in the person from their last visit."""
        values = self.values()
        if self.record_id is not None or values.get("name"):
            return
        try:
            last = rs.last_visit_by_id(self.store, str(values.get("id_number") or ""))
        except StorageError:
            return
        if last is None:
            return
        for name in rs.CARRIED_OVER:
            editor = self.editors.get(name)
            if editor is not None and name != "id_number" and last.get(name):
                editor.set_value(last[name])  # type: ignore[attr-defined]
        self.focus_field("purpose")

    def _person_entered(self) -> None:
        """Name and unit of a new visit that match an earlier one: fill in the rest from it."""
        values = self.values()
        if self.record_id is not None or not values.get("name") or values.get("id_number"):
            return
        try:
            last = rs.last_visit(self.store, str(values["name"]), str(values.get("unit") or ""))
        except StorageError:
            return
        if last is None:
            return
        for name in rs.CARRIED_OVER:
            editor = self.editors.get(name)
            if editor is not None and not values.get(name) and last.get(name):
                editor.set_value(last[name])  # type: ignore[attr-defined]

    def check(self, record: Record) -> bool:
        if record.get("id_number"):
            record["id_number"] = normalise_id_number(str(record["id_number"]))
        problem = self._id_problem()
        if problem:
            return messages.ask(self, self.tr("证件号码"),
                                problem + "\n\n" + self.tr("按证件原样保存吗？"))  # fmt: skip
        return True
