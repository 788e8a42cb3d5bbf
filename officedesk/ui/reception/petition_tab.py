"""信访: the register with its deadlines (受理告知 15 日, 办理 60 日 + 延期, 复查/复核 30 日) and a
dialog that records each step (受理, 转送, 延期, 答复, 复查申请…)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QListWidget,
    QVBoxLayout,
    QWidget,
)

from officedesk.core.fields import Record
from officedesk.core.registers import PETITION
from officedesk.storage import reception as rs
from officedesk.storage.db import Store
from officedesk.storage.errors import StorageError, ValidationError
from officedesk.ui import messages, widgets
from officedesk.ui.changes import Changes
from officedesk.ui.record_form import RecordForm
from officedesk.ui.register_tab import RegisterTab

DERIVED = ("due_stage", "due_date", "done_on", "status")
STEP_HELP = {
    "受理": "受理日期：办理期限为受理后 60 日",
    "不予受理": "书面告知信访人不予受理",
    "转送": "转送有权处理的机关：填写接收单位",
    "交办": "交本单位部门办理：填写承办部门",
    "延期": "延长不超过 30 日，只能一次，须写明理由",
    "答复": "书面答复日期：信访事项办结",
    "复查申请": "收到复查请求：30 日内提出复查意见",
    "复查意见": "复查意见作出日期",
    "复核申请": "收到复核请求：30 日内提出复核意见",
    "复核意见": "复核意见作出日期",
}


class PetitionForm(RecordForm):
    """A petition; its deadline, 办结日期 and 状态 follow from its dates (shown, not typed)."""

    EXCLUDED = DERIVED

    def __init__(self, store: Store, record_id: int | None = None, parent: QWidget | None = None
                 ) -> None:  # fmt: skip
        super().__init__(store, PETITION, record_id, parent)
        for editor in self.editors.values():
            if hasattr(editor, "edited"):
                editor.edited.connect(self._show_deadline)
        self._show_deadline()

    def build_layout(self, body: QVBoxLayout) -> None:
        super().build_layout(body)
        self.deadline_note = QLabel(self)
        self.deadline_note.setStyleSheet("color:#1F4E79;")
        self.deadline_note.setWordWrap(True)
        body.addWidget(self.deadline_note)
        if self.record_id is not None:
            steps = rs.petition_steps(self.store, self.record_id)
            if steps:
                history = QListWidget(self)
                for s in steps:
                    extra = "，".join(str(x) for x in (s["to_whom"], s["note"]) if x)
                    days = f" {s['days']} 日" if s["days"] else ""
                    history.addItem(f"{s['on_date']}  {s['kind']}{days}  {extra}")
                history.setMaximumHeight(history.sizeHintForRow(0) * min(len(steps), 5) + 8)
                body.addWidget(QLabel(self.tr("办理经过"), self))
                body.addWidget(history)

    def _show_deadline(self) -> None:
        from officedesk.core.values import ValueProblem, clean_record

        try:
            record = {**self.original, **clean_record(PETITION, self.values())}
            derived = rs.derived_petition(self.store, record)
        except (ValueProblem, ValueError):
            return
        if derived["due_date"]:
            self.deadline_note.setText(self.tr("当前时限：{stage} 应于 {due} 前完成（自然日，"
                                               "期满日为节假日的顺延至下一工作日）；状态：{status}")
                                       .format(stage=derived["due_stage"], due=derived["due_date"],
                                               status=derived["status"]))  # fmt: skip
        else:
            self.deadline_note.setText(self.tr("状态：{s}").format(s=derived["status"]))

    def check(self, record: Record) -> bool:
        merged = {**self.original, **record}
        try:
            rs.check_petition(merged, self.original or None)
        except ValidationError as exc:
            self.problem(str(exc), exc.field)
            return False
        record.update(rs.derived_petition(self.store, merged))
        return True


class StepDialog(widgets.SaveDialog):
    """Record one step of a petition: Enter saves, Esc cancels."""

    def __init__(self, store: Store, petition: Record, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.petition = petition
        self.saved: Record | None = None
        self.setWindowTitle(
            self.tr("记录办理环节：{p}").format(p=PETITION.describe_record(petition))
        )
        form = QFormLayout()
        self.kind = widgets.ChoiceEdit(rs.STEP_KINDS, self)
        self.kind.setCurrentIndex(rs.STEP_KINDS.index(_next_step(petition)))
        self.day = widgets.DateEdit(self)
        self.day.set_value(dt.date.today())
        self.to_whom = widgets.TextEdit(self)
        self.days = widgets.IntEdit(self)
        self.note = widgets.TextEdit(self)
        self.help = QLabel(self)
        self.help.setStyleSheet("color:#555;")
        for label, w in ((self.tr("环节"), self.kind), (self.tr("日期"), self.day),
                         (self.tr("转送/交办给"), self.to_whom), (self.tr("延期天数"), self.days),
                         (self.tr("理由/说明"), self.note)):  # fmt: skip
            form.addRow(label, w)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.help)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.kind.currentIndexChanged.connect(lambda _i: self._kind_changed())
        self._kind_changed()

    def _kind_changed(self) -> None:
        kind = self.kind.value()
        self.help.setText(STEP_HELP.get(kind, ""))
        self.to_whom.setEnabled(kind in ("转送", "交办"))
        self.days.setEnabled(kind == "延期")

    def save(self) -> None:
        """Record the step; a refused step names what is wrong and keeps the dialog open."""
        day = self.day.date()
        if day is None:
            messages.warn(self, self.tr("无法保存"), self.tr("「日期」不是有效日期"))
            return
        days_text = self.days.value()
        if days_text and not days_text.isdigit():
            messages.warn(self, self.tr("无法保存"), self.tr("「延期天数」应为整数"))
            return
        try:
            self.saved = rs.record_step(self.store, int(self.petition["id"]), self.kind.value(), day,
                                        self.to_whom.value(), int(days_text) if days_text else None,
                                        self.note.value())  # fmt: skip
        except (ValidationError, StorageError) as exc:
            messages.warn(self, self.tr("无法保存"), str(exc))
            return
        self.accept()


def _next_step(p: Record) -> str:
    if not p.get("acceptance"):
        return "受理"
    if p.get("acceptance") == "受理" and not p.get("replied_on"):
        return "答复"
    if p.get("replied_on") and not p.get("review_requested_on"):
        return "复查申请"
    if p.get("review_requested_on") and not p.get("review_done_on"):
        return "复查意见"
    if p.get("review_done_on") and not p.get("recheck_requested_on"):
        return "复核申请"
    return "复核意见"


class PetitionTab(RegisterTab):
    """The 信访 register with 记录环节 (Ctrl+J)."""

    def __init__(
        self,
        store: Store,
        register: Any = PETITION,
        changes: Changes | None = None,
        parent: QWidget | None = None,
        *,
        load: bool = True,
    ) -> None:
        super().__init__(store, register, changes, parent, load=load)
        self.step_action = self.add_record_action(
            self.tr("记录环节…"), self.record_step, "Ctrl+J",
            tooltip=self.tr("受理、转送/交办、延期、答复、复查、复核（Ctrl+J）"),
        )  # fmt: skip

    def make_form(self, record_id: int | None) -> Any:
        return PetitionForm(self.store, record_id, self)

    def record_step(self) -> None:
        """Open the step dialog on the current petition."""
        from officedesk.storage import records

        rid = self.run_record_dialog(
            lambda rid: StepDialog(self.store, records.get(self.store, PETITION, rid), self)
        )
        if rid is not None:
            self.select_id(rid)
            self.status_message.emit(self.tr("已记录"))
