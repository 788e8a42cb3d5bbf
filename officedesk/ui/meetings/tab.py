"""会议安排 tab: the week view and the list, the meeting form, moving, cancelling, rooms,
纪要 and the meeting's documents."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtWidgets import QDialog, QMenu, QPushButton, QTabWidget, QToolButton, QWidget

from officedesk.core.registers import MEETING
from officedesk.storage import meetings, records
from officedesk.storage.db import Store
from officedesk.storage.errors import ValidationError
from officedesk.ui import messages
from officedesk.ui.changes import DIRECTORY, SETTINGS, Changes
from officedesk.ui.meetings.week_view import WeekView
from officedesk.ui.register_tab import RegisterTab

LIST_PAGE, WEEK_PAGE = 0, 1


class MeetingTab(RegisterTab):
    """The meeting planner: 周视图 (by day or by room) and 列表, with the meeting's actions."""

    def __init__(self, store: Store, register: Any = MEETING, changes: Changes | None = None,
                 parent: QWidget | None = None, *, load: bool = True) -> None:  # fmt: skip
        super().__init__(store, register, changes, parent, load=load)
        self.week = WeekView(store, self)
        self.week.grid.open_meeting.connect(self.open_meeting)
        self.week.grid.new_at.connect(self.new_meeting_at)
        self.week.grid.move_requested.connect(self.move_meeting)
        self.week.grid.selection_changed.connect(self._update_actions)
        layout = self.layout()
        index = layout.indexOf(self.view)
        layout.removeWidget(self.view)
        self.pages = QTabWidget(self)
        self.pages.setDocumentMode(True)
        self.pages.addTab(self.view, self.tr("列表"))
        self.pages.addTab(self.week, self.tr("周视图"))
        self.pages.currentChanged.connect(self._page_changed)
        layout.insertWidget(index, self.pages, 1)  # type: ignore[attr-defined]
        self._build_meeting_actions()
        self.pages.setCurrentIndex(WEEK_PAGE)
        if load:
            self.week.show_week(self.week.monday)

    # -- actions -------------------------------------------------------------------------

    def _build_meeting_actions(self) -> None:
        self.cancel_action = self.add_record_action(
            self.tr("取消本次"),
            self.cancel_meeting,
            tooltip=self.tr("取消这次会议（重复会议只取消这一次）；仍在列表中显示为已取消"),
        )
        self.minutes_action = self.add_record_action(
            self.tr("纪要"),
            self.open_minutes,
            "Ctrl+M",
            tooltip=self.tr("会议纪要与议定事项，议定事项可转督办"),
        )
        self.rooms_action = self.add_record_action(
            self.tr("会议室"),
            self.open_rooms,
            needs="none",
            tooltip=self.tr("会议室名称、容纳人数和设备"),
        )
        self.docs_menu = QMenu(self.tr("会议文件"), self)
        from officedesk.ui.meetings import documents

        self.doc_actions = []
        self.documents = documents.Documents(self)
        for text, slot in documents.menu_entries(self, self.documents):
            if text == "-":
                self.docs_menu.addSeparator()
                continue
            act = self.docs_menu.addAction(text)
            act.triggered.connect(lambda _c=False, s=slot: s())
            self.doc_actions.append(act)
        button = QToolButton(self)
        button.setText(self.tr("会议文件"))
        button.setToolTip(self.tr("会议通知、签到表、座次表、桌签、纪要，周会议安排表"))
        button.setMenu(self.docs_menu)
        button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.toolbar.insertWidget(self.export_action, button)
        self.view.addAction(self.docs_menu.menuAction())
        self.print_week_button = QPushButton(self.tr("打印本周…"), self.week)
        self.print_week_button.setToolTip(self.tr("打印周会议安排表（A4 横向）"))
        self.print_week_button.clicked.connect(self.documents.print_week)
        self.print_week_button.setMinimumWidth(self.print_week_button.sizeHint().width())
        self.week.toolbar.addWidget(self.print_week_button)

    def _page_changed(self, page: int) -> None:
        if page == WEEK_PAGE:
            if not self.week.loaded:
                self.week.show_week(self.week.monday)
            self.week.grid.setFocus()  # arrows and Enter work at once
        self._update_actions()

    def current_id(self) -> int | None:
        """The meeting picked in the week view (when it is in front), else the list's."""
        if getattr(self, "pages", None) is not None and self.pages.currentIndex() == WEEK_PAGE:
            return self.week.grid.selected_id
        return super().current_id()

    def _update_actions(self, *args: Any) -> None:
        super()._update_actions(*args)
        if getattr(self, "pages", None) is None or self.pages.currentIndex() != WEEK_PAGE:
            return
        one = self.week.grid.selected_id is not None
        self.edit_action.setEnabled(one)
        self.void_action.setEnabled(one)
        for action in self.record_actions:
            action.setEnabled(one or action.property("needs") == "none")

    def select_id(self, record_id: int, near: int | None = None) -> bool:
        """Select a meeting in the list and, in the week view, show its week with it selected."""
        found = super().select_id(record_id, near) if self.model.loaded else False
        if self.week.loaded:
            try:
                start = records.get(self.store, MEETING, record_id)["starts_at"]
            except KeyError:
                return found
            if start is not None:
                self.week.show_week(start.date())
                self.week.grid.select(record_id)
                found = True
        return found

    def selected_ids(self) -> list[int]:
        if getattr(self, "pages", None) is not None and self.pages.currentIndex() == WEEK_PAGE:
            return [self.week.grid.selected_id] if self.week.grid.selected_id else []
        return super().selected_ids()

    # -- forms ---------------------------------------------------------------------------

    def make_form(self, record_id: int | None) -> QDialog:
        """The meeting form (attendees, 议程, conflicts)."""
        from officedesk.ui.meetings.form import MeetingForm

        return MeetingForm(self.store, record_id, self, start=getattr(self, "_new_start", None))

    def new_meeting_at(self, start: dt.datetime) -> None:
        """A double-click on an empty place of the week: a new meeting starting there."""
        self._new_start = start
        try:
            self._run_form(None)
        finally:
            self._new_start = None

    def open_meeting(self, meeting_id: int) -> None:
        """Double-click on a meeting of the week view: its form."""
        self.week.grid.select(meeting_id)
        self._run_form(meeting_id)

    def refresh(self) -> None:
        super().refresh()
        if self.week.loaded:
            self.week.refresh()

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if self.pages.currentIndex() == WEEK_PAGE:
            if not self.week.loaded:
                self.week.show_week(self.week.monday)
            self.week.grid.setFocus()

    def on_changed(self, key: str) -> None:
        super().on_changed(key)
        if key in (DIRECTORY, SETTINGS) and self.week.loaded:
            self.week.refresh()

    # -- moving and cancelling -----------------------------------------------------------

    def move_meeting(self, meeting_id: int, start: dt.datetime, room: str | None) -> bool:
        """Drag and drop in the week view: check conflicts at the new place, ask for a reason
        when there are some, then move."""
        try:
            plan = meetings.plan_of(self.store, meeting_id)
            length = plan.values["ends_at"] - plan.values["starts_at"]
            plan.values["starts_at"], plan.values["ends_at"] = start, start + length
            if room:
                plan.values["room"] = room
            found = meetings.check(self.store, plan, meeting_id)
            reason = ""
            if found:
                lines = "\n".join(c.line() for c in found[:15])
                answer = messages.ask_text(
                    self, self.tr("移动会议有冲突"),
                    self.tr("移到 {when} 有 {n} 项冲突：\n{lines}\n\n仍要移动，请填写理由：").format(
                        when=f"{start:%m-%d %H:%M}", n=len(found), lines=lines))  # fmt: skip
                if not answer or not answer.strip():
                    self.status_message.emit(self.tr("未移动：有冲突"))
                    self.week.refresh()
                    return False
                reason = answer.strip()
            meetings.move(self.store, meeting_id, start, room=room, reason=reason)
        except (ValidationError, KeyError) as exc:
            messages.show_error(self, exc, self.tr("无法移动"))
            self.week.refresh()
            return False
        except Exception as exc:
            messages.show_error(self, exc, self.tr("无法移动"))
            return False
        self._changed()
        self.status_message.emit(self.tr("已移到 {when}").format(when=f"{start:%m-%d %H:%M}"))
        return True

    def cancel_meeting(self) -> None:
        """取消本次: the meeting stays listed as cancelled and frees its room and people."""
        rid = self.current_id()
        if rid is None:
            return
        try:
            record = records.get(self.store, MEETING, rid)
        except KeyError as exc:
            messages.show_error(self, exc)
            return
        if record.get("cancelled"):
            if messages.ask(self, self.tr("恢复会议"),
                            self.tr("{m} 已取消，要恢复吗？").format(m=MEETING.describe_record(record))):  # fmt: skip
                try:
                    meetings.reinstate(self.store, rid)
                except Exception as exc:
                    messages.show_error(self, exc, self.tr("无法恢复"))
                    return
                self._changed()
            return
        series = self.tr("（重复会议只取消这一次）") if record.get("series_id") else ""
        reason = messages.ask_text(self, self.tr("取消会议"),
                                   self.tr("取消 {m}{s}\n\n取消原因：").format(
                                       m=MEETING.describe_record(record), s=series))  # fmt: skip
        if reason is None:
            return
        following = bool(record.get("series_id")) and messages.ask(
            self, self.tr("取消会议"), self.tr("这是重复会议。以后各次也一并取消吗？\n（选「否」只取消这一次）"))  # fmt: skip
        try:
            if following:
                n = meetings.cancel_following(self.store, rid, reason)
            else:
                meetings.cancel(self.store, rid, reason)
                n = 1
        except Exception as exc:
            messages.show_error(self, exc, self.tr("取消失败"))
            return
        self._changed()
        self.status_message.emit(self.tr("已取消 {n} 次会议").format(n=n))

    def open_minutes(self) -> None:
        """The 纪要 and its decisions (转督办)."""
        from officedesk.ui.meetings.minutes import MinutesDialog

        changed = self.run_record_dialog(lambda rid: MinutesDialog(self.store, rid, self))
        if changed is not None and self.changes is not None:
            self.changes.notify("supervision")

    def open_rooms(self) -> None:
        """The rooms editor."""
        from officedesk.ui.meetings.rooms import RoomsDialog

        dialog = RoomsDialog(self.store, self)
        dialog.exec()
        dialog.deleteLater()
        self.week.refresh()
