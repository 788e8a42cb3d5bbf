"""The meeting form: the record's fields, room, repetition, attendees and 议程, and every
conflict shown together before saving; saving anyway needs a reason, which is kept."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from officedesk.core import meetings as rules
from officedesk.core.fields import Record
from officedesk.core.registers import MEETING
from officedesk.storage import directory, meetings
from officedesk.storage.db import Store
from officedesk.storage.errors import ValidationError
from officedesk.storage.meetings import ConflictError, Plan, Repeat
from officedesk.ui import messages, widgets
from officedesk.ui.attachment_list import AttachmentList
from officedesk.ui.meetings.tables import RowsEditor
from officedesk.ui.record_form import RecordForm

NO_REPEAT = "不重复"
ATTENDEE_COLUMNS = (
    ("role", "身份", 3), ("name", "姓名", 5), ("unit", "单位/部门", 9), ("post", "职务", 7),
    ("notice", "通知", 4), ("reply", "回执", 4), ("signed_at", "签到时间", 5),
)  # fmt: skip
AGENDA_COLUMNS = (("time_text", "时间", 5), ("topic", "议题", 18), ("presenter", "汇报人", 6),
                  ("materials", "材料", 10))  # fmt: skip


class RoomEdit(QComboBox):
    """A room from the list (with its capacity shown) or an outside place typed in."""

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.capacity: dict[str, int | None] = {}
        for r in meetings.rooms(store):
            self.capacity[r["name"]] = r["capacity"]
            self.addItem(r["name"])
            tip = f"可容纳 {r['capacity']} 人" if r["capacity"] else ""
            if r["equipment"]:
                tip += f"；设备：{r['equipment']}"
            self.setItemData(self.count() - 1, tip, Qt.ItemDataRole.ToolTipRole)
        self.setToolTip(self.tr("从会议室列表选择，或直接填写外部地点"))
        self.setCurrentIndex(-1)

    def value(self) -> str:
        return self.currentText().strip()

    def set_value(self, value: Any) -> None:
        self.setCurrentText("" if value is None else str(value))


class MeetingForm(RecordForm):
    """新建/修改会议: Enter saves (after the conflict check), Esc cancels."""

    EXCLUDED = ("cancelled", "conflict_reason", "conflicts", "cancel_reason", "room_id",
                "series_id", "occurrence_on", "detached", "minutes")  # fmt: skip

    def __init__(self, store: Store, record_id: int | None = None,
                 parent: QWidget | None = None, *, start: dt.datetime | None = None) -> None:  # fmt: skip
        self._start = start
        self.conflicts: list[rules.Conflict] = []
        self.shown_lines: list[str] = []  # the conflicts the clerk has seen (a reason covers them)
        super().__init__(store, MEETING, record_id, parent)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("国") * 60)
        if record_id is not None:
            # Sign-in times show as 08:50: the day is the meeting's (stored whole).
            self.people.set_rows([{**a, "signed_at": str(a.get("signed_at") or "")[11:16]}
                                  for a in meetings.attendees(store, record_id)])  # fmt: skip
            self.items.set_rows(meetings.agenda(store, record_id))
            self.show_kept_conflicts()
        self.initial = self.values()
        self.initial_rows = (self.people.rows(), self.items.rows())

    # -- building ------------------------------------------------------------------------

    def _build_editors(self) -> None:
        super()._build_editors()
        old = self.editors["room"]
        room = RoomEdit(self.store, self)
        room.setObjectName("room")
        room.setAccessibleName(MEETING.field("room").label)
        self.labels["room"].setBuddy(room)
        old.hide()
        old.deleteLater()
        self.editors["room"] = room
        self.editors["starts_at"].edited.connect(self._keep_length)  # type: ignore[attr-defined]
        self.editors["ends_at"].edited.connect(self._length_typed)  # type: ignore[attr-defined]
        self._length = dt.timedelta(hours=1)

    def build_layout(self, body: QVBoxLayout) -> None:
        rows = [("name",), ("category", "host_dept"), ("starts_at", "ends_at"), ("room", "chair"),
                ("contact", "contact_phone"), ("notice_ref",), ("requirements",), ("remarks",)]  # fmt: skip
        body.addLayout(self.grid(rows))
        self.repeat_rule = QComboBox(self)
        self.repeat_rule.addItems([NO_REPEAT, *rules.RULES])
        self.repeat_rule.setObjectName("repeat")
        self.repeat_until = widgets.DateEdit(self)
        self.repeat_until.setObjectName("repeat_until")
        self.repeat_until.setEnabled(False)
        self.repeat_rule.currentIndexChanged.connect(lambda i: self.repeat_until.setEnabled(i > 0))
        repeat = QHBoxLayout()
        repeat_label = QLabel(self.tr("重复"), self)
        repeat_label.setBuddy(self.repeat_rule)
        repeat.addWidget(repeat_label)
        repeat.addWidget(self.repeat_rule)
        repeat.addWidget(QLabel(self.tr("截止到"), self))
        repeat.addWidget(self.repeat_until)
        self.series_label = QLabel(self)
        self.series_label.setStyleSheet("color: #1F4E79;")
        repeat.addWidget(self.series_label, 1)
        self.follow_check = QCheckBox(self.tr("本次及以后各次都按此修改"), self)
        self.follow_check.setObjectName("follow")
        self.follow_check.setToolTip(
            self.tr("时间、会议室、参会人员和议程同样用于以后各次（已取消的除外）")
        )
        self.follow_check.setVisible(False)
        repeat.addWidget(self.follow_check)
        body.addLayout(repeat)
        if self.record_id is not None:
            self.repeat_rule.setEnabled(False)  # a saved series is changed through its occurrences
            sid = self.original.get("series_id")
            if sid:
                try:
                    s = meetings.series(self.store, int(sid))
                    self.series_label.setText(
                        self.tr("重复会议（{d}，至 {u}）").format(d=s["description"], u=s["until"])
                    )
                    self.follow_check.setVisible(True)
                except KeyError:
                    pass

        self.parts = QTabWidget(self)
        people_page = QWidget(self)
        people_layout = QVBoxLayout(people_page)
        add_row = QHBoxLayout()
        self.person_edit = widgets.TextEdit(people_page)
        self.person_edit.setObjectName("person_pick")
        self.person_edit.setPlaceholderText(
            self.tr("输入姓名或拼音首字母，回车添加（按出席顺序即座次顺序）")
        )
        widgets.DirectoryCompleter(
            lambda typed: directory.complete(self.store, "people", typed), self.person_edit
        )
        self.person_edit.returnPressed.connect(self.add_person_typed)
        self.person_role = QComboBox(people_page)
        self.person_role.addItems(list(rules.ROLES))
        add_row.addWidget(QLabel(self.tr("添加参会人员"), people_page))
        add_row.addWidget(self.person_edit, 1)
        add_row.addWidget(self.person_role)
        people_layout.addLayout(add_row)
        self.people = RowsEditor(
            ATTENDEE_COLUMNS, people_page,
            choices={"role": rules.ROLES, "notice": meetings.NOTICE_STATES,
                     "reply": meetings.REPLIES},
            defaults={"role": "出席", "notice": "未通知"},
        )  # fmt: skip
        self.people.setObjectName("attendees")
        people_layout.addWidget(self.people)
        self.parts.addTab(people_page, self.tr("参会人员"))
        self.items = RowsEditor(AGENDA_COLUMNS, self)
        self.items.setObjectName("agenda")
        self.parts.addTab(self.items, self.tr("会议议程"))
        self.parts.addTab(self._materials_page(), self.tr("会议材料"))
        body.addWidget(self.parts, 1)

        self.conflict_box = QGroupBox(self.tr("冲突"), self)
        box = QVBoxLayout(self.conflict_box)
        self.conflict_label = QLabel(self.conflict_box)
        self.conflict_label.setWordWrap(True)
        self.conflict_list = QListWidget(self.conflict_box)
        self.conflict_list.setObjectName("conflicts")
        self.conflict_list.setMaximumHeight(self.fontMetrics().height() * 7)
        self.reason_edit = QLineEdit(self.conflict_box)
        self.reason_edit.setObjectName("conflict_reason")
        self.reason_edit.setPlaceholderText(self.tr("仍要保存，请写明理由（如：领导同意调整）"))
        reason_row = QHBoxLayout()
        reason_label = QLabel(self.tr("仍然保存的理由"), self.conflict_box)
        reason_label.setBuddy(self.reason_edit)
        reason_row.addWidget(reason_label)
        reason_row.addWidget(self.reason_edit, 1)
        box.addWidget(self.conflict_label)
        box.addWidget(self.conflict_list)
        box.addLayout(reason_row)
        self.conflict_box.setVisible(False)
        body.addWidget(self.conflict_box)

    def _materials_page(self) -> QWidget:
        page = QWidget(self)
        row = QHBoxLayout(page)
        self.materials = AttachmentList(self.store, MEETING.key, self.record_id,
                                        self.tr("选择会议材料"), page)  # fmt: skip
        self.materials.files.setObjectName("materials")
        for button in self.materials.buttons():
            button.setAutoDefault(False)
        row.addWidget(self.materials)
        return page

    def _save_materials(self, meeting_id: int) -> None:
        problems = self.materials.save(meeting_id)
        if problems:
            messages.warn(self, self.tr("会议材料未保存"),
                          self.tr("会议已保存，但以下材料没有保存：") + "\n" + "\n".join(problems))  # fmt: skip

    def extra_focus_chain(self) -> list[QWidget]:
        return [self.repeat_rule, self.repeat_until, self.follow_check, self.person_edit, self.person_role,
                self.people.table, self.items.table, self.reason_edit]  # fmt: skip

    def new_record(self) -> Record:
        """A new meeting: the next half hour (or the slot clicked in the week view), one hour."""
        record = super().new_record()
        start = self._start
        if start is None:
            now = dt.datetime.now().replace(second=0, microsecond=0)
            start = now + dt.timedelta(minutes=30 - now.minute % 30)
        record["starts_at"] = start
        record["ends_at"] = start + dt.timedelta(hours=1)
        record.setdefault("contact", None)
        return record

    def load(self, record: Record) -> None:
        super().load(record)
        start, end = record.get("starts_at"), record.get("ends_at")
        if isinstance(start, dt.datetime) and isinstance(end, dt.datetime) and end > start:
            self._length = end - start

    def _keep_length(self) -> None:
        """Typing a new start moves the end along, keeping the meeting's length."""
        start = self._parsed("starts_at")
        if isinstance(start, dt.datetime):
            self.editors["ends_at"].set_value(start + self._length)  # type: ignore[attr-defined]

    def _length_typed(self) -> None:
        start, end = self._parsed("starts_at"), self._parsed("ends_at")
        if start is not None and end is not None and end > start:
            self._length = end - start

    def _parsed(self, name: str) -> dt.datetime | None:
        editor = self.editors[name]
        assert isinstance(editor, widgets.DateTimeEdit)
        try:
            return editor.parse(editor.text())
        except ValueError:
            return None

    # -- people --------------------------------------------------------------------------

    def add_person_typed(self) -> None:
        """Add the typed name (with department and post from the directory) as an attendee."""
        name = self.person_edit.text().strip()
        if not name:
            return
        found = meetings.person(self.store, name)
        row = {"role": self.person_role.currentText(), "name": name,
               "unit": (found or {}).get("department") or "", "post": (found or {}).get("post") or ""}  # fmt: skip
        self.people.add_row(row, select=False)
        self.person_edit.clear()
        self.person_edit.setFocus()

    # -- conflicts -----------------------------------------------------------------------

    def show_kept_conflicts(self) -> None:
        """A meeting saved despite conflicts shows them and the reason given."""
        reason = self.original.get("conflict_reason")
        if not reason:
            return
        self.conflict_box.setTitle(self.tr("保存时的冲突"))
        self.conflict_label.setText(self.tr("此会议有冲突，已说明理由后保存。"))
        for line in str(self.original.get("conflicts") or "").splitlines():
            self.conflict_list.addItem(line)
            self.shown_lines.append(line)
        self.reason_edit.setText(str(reason))
        self.conflict_box.setVisible(True)

    def show_conflicts(self, conflicts: list[rules.Conflict]) -> None:
        """List every conflict and ask for a reason to save anyway."""
        self.conflicts = conflicts
        self.shown_lines = [c.line() for c in conflicts]
        self.conflict_box.setTitle(self.tr("冲突（{n} 项）").format(n=len(conflicts)))
        self.conflict_label.setText(
            self.tr(
                "以下冲突需要处理：修改时间、会议室或人员后重新保存；或填写理由后再按保存，仍然保存。"
            )
        )
        self.conflict_label.setStyleSheet("color: #C0392B;")
        self.conflict_list.clear()
        for c in conflicts:
            item = QListWidgetItem(c.line())
            item.setForeground(QColor("#C0392B"))
            self.conflict_list.addItem(item)
        self.conflict_box.setVisible(True)
        self.reason_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Enter in the name box adds the person; everywhere else it saves (RecordForm).
        if self.person_edit.hasFocus() and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.add_person_typed()
            return
        super().keyPressEvent(event)

    # -- saving --------------------------------------------------------------------------

    def plan(self) -> Plan:
        """The meeting as the form describes it."""
        repeat = None
        if self.record_id is None and self.repeat_rule.currentIndex() > 0:
            until = self.repeat_until.date()
            if until is None:
                raise ValidationError("请填写重复会议的「截止到」日期", field="repeat_until")
            repeat = Repeat(self.repeat_rule.currentText(), until)
        return Plan(self.values(), self.people.rows(), self.items.rows(), repeat=repeat)

    def is_dirty(self) -> bool:
        materials = getattr(self, "materials", None)
        if materials is not None and materials.is_dirty():
            return True
        return super().is_dirty() or (self.people.rows(), self.items.rows()) != getattr(
            self, "initial_rows", (self.people.rows(), self.items.rows())
        )

    def save(self) -> bool:
        """Check every conflict; refuse with the list shown, or save with the reason typed."""

        def write() -> Record | None:
            try:
                plan = self.plan()
                following = self.record_id is not None and self.follow_check.isChecked()
                if following:
                    assert self.record_id is not None
                    found = meetings.check_following(self.store, plan, self.record_id)
                else:
                    found = meetings.check(self.store, plan, self.record_id)
                reason = self.reason_edit.text().strip()
                # A reason covers the conflicts it was typed for: new ones are shown first.
                if found and (not reason or [c.line() for c in found] != self.shown_lines):
                    self.show_conflicts(found)
                    return None
                if following:
                    assert self.record_id is not None
                    meetings.save_following(self.store, plan, self.record_id, reason=reason)
                    return {"id": self.record_id}
                return meetings.save(self.store, plan, self.record_id, reason=reason)
            except ConflictError as exc:
                self.show_conflicts(exc.conflicts)
                return None

        return self.commit(write)

    def after_save(self, saved: Record) -> None:
        self._save_materials(int(saved["id"]))
        self.initial_rows = (self.people.rows(), self.items.rows())

    def focus_field(self, name: str | None) -> None:
        # 截止到 of a repeating meeting is not a declared field: it has its own editor.
        if name == "repeat_until":
            self.repeat_until.setFocus()
            return
        super().focus_field(name)
