"""The entry form of any register, built from its declaration: Enter saves, Esc cancels."""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from officedesk.core.fields import Field, Kind, Record, Register
from officedesk.core.values import ValueProblem, clean_record, defaults, missing_required
from officedesk.core.workdays import WorkCalendar
from officedesk.storage import directory, records, settings
from officedesk.storage.db import Store
from officedesk.storage.errors import StorageError, ValidationError
from officedesk.ui import messages, widgets

DEADLINE_PARTS = ("due_n", "due_unit", "due_estimated")
WIDE_WIDTH = 20  # fields this wide (in characters) take a whole row
NARROW_EMS = 16  # the least width of the other editors, in Chinese characters


def editor_for(f: Field, store: Store, parent: QWidget | None = None) -> QWidget:
    """The editor of one field, chosen by its kind (and completing from the directory if asked)."""
    editor: QWidget
    if f.kind is Kind.LONGTEXT:
        editor = widgets.LongTextEdit(parent)
    elif f.kind is Kind.CHOICE:
        # Without a default the field may stay empty (文种 not given): offer a blank choice.
        editor = widgets.ChoiceEdit(f.choices, parent, blank=f.default is None)
    elif f.kind is Kind.DATE:
        editor = widgets.DateEdit(parent)
    elif f.kind is Kind.DATETIME:
        editor = widgets.DateTimeEdit(parent)
    elif f.kind is Kind.INT:
        editor = widgets.IntEdit(parent)
    elif f.kind is Kind.BOOL:
        editor = widgets.BoolEdit(parent)
    elif f.sensitive and f.mask is not None:  # 证件号码: masked until the clerk asks to see it
        from officedesk.ui.sensitive_edit import SensitiveEdit

        editor = SensitiveEdit(f.mask, parent)
    else:
        editor = widgets.TextEdit(parent)
        if f.completion:
            kind = f.completion
            widgets.DirectoryCompleter(lambda typed: directory.complete(store, kind, typed), editor)
    editor.setObjectName(f.name)
    editor.setAccessibleName(f.label)
    if f.help:
        editor.setToolTip(f.help)
    return editor


def label_for(f: Field) -> QLabel:
    """The field's label; a required field gets a red star."""
    text = f.label + ('<span style="color:#c0392b">*</span>' if f.required else "")
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return label


class RecordForm(widgets.SaveDialog):
    """A dialog that adds or changes one row; after `exec()` returns Accepted it has been saved."""

    saved = Signal(int)
    EXCLUDED: tuple[str, ...] = ()  # fields a hand-made form leaves to other dialogs

    def __init__(
        self,
        store: Store,
        register: Register,
        record_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.register = register
        self.record_id = record_id
        self.saved_id: int | None = None
        self.original: Record = (
            records.get(store, register, record_id) if record_id is not None else {}
        )
        self._calendar: WorkCalendar | None = None
        self.editors: dict[str, QWidget] = {}
        self.labels: dict[str, QLabel] = {}
        self.deadline: widgets.DeadlineEdit | None = None
        self.placed: list[str] = []  # fields in the order they were laid out: the Tab order
        self._build_editors()
        body = QVBoxLayout(self)
        self.build_layout(body)
        self.buttons = QDialogButtonBox(self)
        self.save_button = self.buttons.addButton(
            self.tr("保存"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.cancel_button = self.buttons.addButton(
            self.tr("取消"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.save_button.setToolTip(self.tr("保存（Enter；多行文本中 Ctrl+Enter）"))
        self.cancel_button.setToolTip(self.tr("取消（Esc）"))
        self.save_button.clicked.connect(self.save)
        self.cancel_button.clicked.connect(self.reject)
        hint = QLabel(self.tr("Enter 保存　Esc 取消　多行文本中 Ctrl+Enter 保存　带 * 的必须填写"))
        hint.setStyleSheet("color: #777;")
        footer = QVBoxLayout()
        footer.addWidget(hint)
        body.addLayout(footer)
        body.addWidget(self.buttons)
        self.load(self.original or self.new_record())
        self.set_tab_order()
        self.setWindowTitle(self.title())
        self.initial = self.values()
        self.focus_first()

    # -- building ---------------------------------------------------------------------------

    def _has_deadline(self) -> bool:
        r = self.register
        return bool(r.due_field) and all(r.has(n) for n in DEADLINE_PARTS)

    def _build_editors(self) -> None:
        skip = set(self.EXCLUDED) | (set(DEADLINE_PARTS) if self._has_deadline() else set())
        for f in self.register.fields:
            if f.name in skip:
                continue
            self.labels[f.name] = label_for(f)
            if self._has_deadline() and f.name == self.register.due_field:
                self.deadline = widgets.DeadlineEdit(self.start_date, self.calendar, self)
                self.deadline.setObjectName(f.name)
                self.editors[f.name] = self.deadline
            else:
                self.editors[f.name] = editor_for(f, self.store, self)
            self.labels[f.name].setBuddy(self.editors[f.name])
        start = self.register.date_field
        if self.deadline is not None and start in self.editors:
            self.editors[start].edited.connect(self.deadline.recompute)  # type: ignore[attr-defined]
        serial = self.editors.get(self.register.serial_field or "")
        if self.record_id is None and isinstance(serial, QLineEdit):
            # A new row's number is allocated when it is saved: shown, not typed.
            serial.setReadOnly(True)
            serial.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            serial.setToolTip(
                self.tr("新登记的编号在保存时按年度顺序自动分配；修改已登记的记录时可以更改")
            )
            if start in self.editors:
                self.editors[start].edited.connect(self.show_next_serial)  # type: ignore[attr-defined]
            self.show_next_serial()

    def show_next_serial(self) -> None:
        """Show (greyed) the number the new row will most likely get, for the year of its date."""
        editor = self.editors.get(self.register.date_field or "")
        day = editor.date() if isinstance(editor, widgets.DateEdit) else None
        year = day.year if day else dt.date.today().year
        try:
            preview = records.preview_serial(self.store, self.register, year)
        except StorageError:
            return
        serial = self.editors[self.register.serial_field or ""]
        assert isinstance(serial, QLineEdit)
        serial.setPlaceholderText(self.tr("{serial}（保存时自动编号）").format(serial=preview))

    def field_names(self) -> list[str]:
        """The fields the form edits, in declaration order."""
        return list(self.editors)

    def is_wide(self, name: str) -> bool:
        """Whether a field takes a whole row of the grid."""
        f = self.register.field(name)
        return (
            f.kind is Kind.LONGTEXT or f.width >= WIDE_WIDTH or self.editors[name] is self.deadline
        )

    def auto_rows(self, names: Sequence[str]) -> list[tuple[str, ...]]:
        """Fields paired two to a row in order; wide fields alone on theirs."""
        rows: list[tuple[str, ...]] = []
        pending: list[str] = []
        for name in names:
            if self.is_wide(name):
                if pending:
                    rows.append(tuple(pending))
                    pending = []
                rows.append((name,))
            else:
                pending.append(name)
                if len(pending) == 2:
                    rows.append(tuple(pending))
                    pending = []
        if pending:
            rows.append(tuple(pending))
        return rows

    def grid(self, rows: Sequence[tuple[str, ...]]) -> QGridLayout:
        """A two-column grid of label/editor pairs; a row with one field spans both columns."""
        layout = QGridLayout()
        layout.setHorizontalSpacing(8)
        layout.setVerticalSpacing(6)
        for r, row in enumerate(rows):
            for c, name in enumerate(row):
                layout.addWidget(self.labels[name], r, c * 2)
                editor = self.editors[name]
                span = 3 if len(row) == 1 and self.is_wide(name) else 1
                if span == 1:
                    editor.setMinimumWidth(self.fontMetrics().horizontalAdvance("国") * NARROW_EMS)
                layout.addWidget(editor, r, c * 2 + 1, 1, span)
                self.placed.append(name)
        layout.setColumnStretch(1, 1)
        layout.setColumnStretch(3, 1)
        layout.setColumnMinimumWidth(2, 0)
        return layout

    def build_layout(self, body: QVBoxLayout) -> None:
        """Lay out the editors; a hand-made form for one register overrides this."""
        body.addLayout(self.grid(self.auto_rows(self.field_names())))

    def extra_focus_chain(self) -> list[QWidget]:
        """Widgets after the fields in the Tab order (a subclass adds its own)."""
        return []

    def chain_of(self, names: Sequence[str]) -> list[QWidget]:
        """The focusable widgets of some fields, in order (a deadline has three parts)."""
        chain: list[QWidget] = []
        for name in names:
            editor = self.editors[name]
            if isinstance(editor, widgets.DeadlineEdit):
                chain += editor.focus_chain()
            else:
                chain.append(editor)
        return chain

    def focus_chain(self) -> list[QWidget]:
        """Every focusable part of the form, top to bottom."""
        chain = self.chain_of(self.placed)
        return [*chain, *self.extra_focus_chain(), self.save_button, self.cancel_button]

    def set_tab_order(self) -> None:
        chain = self.focus_chain()
        for a, b in itertools.pairwise(chain):
            QWidget.setTabOrder(a, b)

    def focus_first(self) -> None:
        """Start in the first field that takes the keyboard."""
        for widget in self.focus_chain():
            if widget.isEnabled() and widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
                widget.setFocus(Qt.FocusReason.TabFocusReason)
                return

    def title(self) -> str:
        if self.record_id is None:
            return self.tr("新建{register}").format(register=self.register.short)
        return self.tr("修改{register}：{record}").format(
            register=self.register.short, record=self.register.describe_record(self.original)
        )

    # -- values ---------------------------------------------------------------------------

    def new_record(self) -> Record:
        """The values a new row starts with: declared defaults, and now for its date."""
        record = defaults(self.register)
        date_field = self.register.date_field
        if date_field:
            kind = self.register.field(date_field).kind
            if kind is Kind.DATETIME:
                record[date_field] = dt.datetime.now().replace(second=0, microsecond=0)
            elif kind is Kind.DATE:
                record[date_field] = dt.date.today()
        return record

    def load(self, record: Record) -> None:
        """Show a record in the editors."""
        for name, editor in self.editors.items():
            if isinstance(editor, widgets.DeadlineEdit):
                editor.set_values(record)
            else:
                editor.set_value(record.get(name))  # type: ignore[attr-defined]

    def values(self) -> Record:
        """What the editors hold, as typed (text for dates, checked later)."""
        return widgets.editor_values(self.editors)

    def is_dirty(self) -> bool:
        """Whether anything changed since the form opened."""
        return self.values() != self.initial

    def calendar(self) -> WorkCalendar:
        """The working-day calendar, read once per form."""
        if self._calendar is None:
            self._calendar = settings.calendar(self.store)
        return self._calendar

    def start_date(self) -> dt.date | None:
        """The date a deadline counts from: the row's own date (签收时间 for 收文)."""
        editor = self.editors.get(self.register.date_field or "")
        return editor.date() if isinstance(editor, widgets.DateEdit) else None

    # -- focus and messages --------------------------------------------------------------------

    def focus_field(self, name: str | None) -> None:
        """Put the cursor in the editor of `name` (showing it first if it is folded away)."""
        if name in DEADLINE_PARTS and self.deadline is not None:
            widget: QWidget = self.deadline.n
        elif name == self.register.due_field and self.deadline is not None:
            widget = self.deadline.date
        elif name in self.editors:
            widget = self.editors[name]
        else:
            return
        self.reveal(widget)
        widget.setFocus(Qt.FocusReason.OtherFocusReason)
        if isinstance(widget, QLineEdit):
            widget.selectAll()

    def reveal(self, widget: QWidget) -> None:
        """Make sure `widget` is visible (a subclass unfolds its collapsed groups)."""

    def problem(self, message: str, field: str | None) -> None:
        """Say what is wrong and put the cursor on the field concerned."""
        messages.warn(self, self.tr("无法保存"), message)
        self.focus_field(field)

    # -- saving ---------------------------------------------------------------------------

    def check(self, record: Record) -> bool:
        """Extra checks of a subclass before the duplicate guard; False stops the save."""
        return True

    def after_save(self, saved: Record) -> None:
        """Work a subclass does once the row is written (directory, attachments)."""

    def save(self) -> bool:
        """Check, warn about likely duplicates, write; on success close the dialog as accepted."""
        try:
            record = clean_record(self.register, self.values())
        except ValueProblem as exc:
            self.problem(str(exc), exc.field.name)
            return False
        full = {**(self.original or defaults(self.register)), **record}
        missing = missing_required(self.register, full)
        if missing:
            labels = "、".join(f"「{f.label}」" for f in missing)
            self.problem(self.tr("{labels}必须填写").format(labels=labels), missing[0].name)
            return False
        if not self.check(record):
            return False

        def write() -> Record | None:
            warnings = records.find_duplicates(
                self.store, self.register, {**full, "id": self.record_id}
            )
            if warnings and not messages.ask(
                self, self.tr("可能重复"), "\n".join(warnings) + "\n\n" + self.tr("仍然保存？")
            ):
                return None
            if self.record_id is None:
                return records.insert(self.store, self.register, record)
            return records.update(self.store, self.register, self.record_id, record)

        return self.commit(write)

    def commit(self, write: Callable[[], Record | None]) -> bool:
        """Run a save's storage call `write`; on success keep the id and close as accepted.

        Subclasses with their own storage rules call this with only their call: a
        ValidationError names its field, another StorageError is 保存失败, and `write`
        returning None means the clerk stopped the save.
        """
        try:
            saved = write()
        except ValidationError as exc:
            self.problem(str(exc), exc.field)
            return False
        except StorageError as exc:
            messages.warn(self, self.tr("保存失败"), str(exc))
            return False
        if saved is None:
            return False
        self.saved_id = int(saved["id"])
        self.after_save(saved)
        self.initial = self.values()
        self.saved.emit(self.saved_id)
        self.accept()
        return True

    # -- keys -----------------------------------------------------------------------------

    def reject(self) -> None:
        """Cancel (Esc, 取消, closing the window); ask first when something was typed."""
        if self.is_dirty() and not messages.ask(
            self, self.tr("放弃修改"), self.tr("已填写的内容尚未保存，确定放弃吗？")
        ):
            return
        super().reject()
