"""The 收文 tab: the generic register list plus the workflow steps, the history, 立为督办 and
the 传阅单/催办单. Each step is one keystroke from the list (Ctrl+0 … Ctrl+9)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QUrl
from PySide6.QtGui import QAction, QDesktopServices
from PySide6.QtWidgets import QMenu, QToolButton, QWidget

from officedesk.core import workflow as rules
from officedesk.core.fields import Record
from officedesk.core.registers import INCOMING_DOCUMENT, SUPERVISION
from officedesk.core.workflow import Reading, WorkflowError
from officedesk.storage import records, settings, supervision, workflow
from officedesk.storage.db import Store
from officedesk.ui import messages
from officedesk.ui.changes import Changes
from officedesk.ui.register_tab import RegisterTab
from officedesk.ui.workflow.history import HistoryDialog
from officedesk.ui.workflow.step_dialog import StepDialog

Today = Callable[[], dt.datetime]


def step_defaults(key: str, record: Record, store: Store, now: dt.datetime) -> Record:
    """What a step's dialog starts with: today's date or time, and what the record knows."""
    spec = rules.step(key)
    out: Record = {}
    for i in spec.inputs:
        if i.name == "due_date":
            continue  # a deadline is decided, never assumed
        if i.kind.value == "date":
            out[i.name] = now.date()
        elif i.kind.value == "datetime":
            out[i.name] = now.replace(second=0, microsecond=0)
    if key == "承办":
        for name in ("lead_dept", "assist_depts", "handler"):
            out[name] = record.get(name)
        if record.get("due_date"):
            out["due_date"] = {n: record.get(n) for n in ("due_date", "due_n", "due_unit",
                                                           "due_estimated")}  # fmt: skip
    if key == "退回":
        held = rules.outstanding(workflow.readings(store, int(record["id"])))
        if held:
            out["reader"] = held[0].reader
    if key == "办结":
        out["done_by"] = record.get("handler")
    if key == "初审":
        out["review_result"] = "通过"
    return out


class DocumentTab(RegisterTab):
    """收文登记 with its workflow: 初审, 拟办, 批示, 承办, 传阅, 退回, 催办, 办结, 答复, 待归档."""

    def __init__(
        self,
        store: Store,
        register: Any = INCOMING_DOCUMENT,
        changes: Changes | None = None,
        parent: QWidget | None = None,
        *,
        load: bool = True,
        now: Today | None = None,
    ) -> None:
        super().__init__(store, register, changes, parent, load=load)
        self.now: Today = now or dt.datetime.now
        self.step_actions: dict[str, QAction] = {}
        menu = QMenu(self.tr("办理"), self)
        for spec in rules.STEPS:
            action = self._record_action(spec.title, lambda k=spec.key: self.run_step(k),
                                         spec.shortcut, spec.tooltip)  # fmt: skip
            self.step_actions[spec.key] = action
            menu.addAction(action)
        menu.addSeparator()
        self.history_action = self._record_action(
            self.tr("办理记录…"), self.show_history, "Ctrl+H",
            self.tr("这份收文的每一步办理：谁、何时、办了什么；可撤销最近一步"),
        )  # fmt: skip
        menu.addAction(self.history_action)
        self.supervise_action = self._record_action(
            self.tr("立为督办"), self.make_supervision_item, "Ctrl+Shift+D",
            self.tr("把有领导批示的收文立为督办事项（字段带入，双向关联）"),
        )  # fmt: skip
        menu.addAction(self.supervise_action)
        button = QToolButton(self)
        button.setText(self.tr("办理"))
        button.setToolTip(self.tr("办理步骤：Ctrl+0 初审 … Ctrl+9 待归档，Ctrl+H 办理记录"))
        button.setMenu(menu)
        button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.toolbar.insertSeparator(self.export_action)
        self.toolbar.insertWidget(self.export_action, button)
        self.workflow_menu = menu
        if self.slip_menu is not None:
            self.slip_menu.addSeparator()
            for text, slot in (
                (self.tr("打印传阅单…"), self.print_circulation),
                (self.tr("导出传阅单（Word）…"), self.export_circulation),
                (self.tr("打印催办单…"), self.print_reminder),
                (self.tr("导出催办单（Word）…"), self.export_reminder),
            ):
                act = self.slip_menu.addAction(text)
                act.triggered.connect(lambda _c=False, s=slot: s())
                self.slip_actions.append(act)
            dept = self.slip_menu.addAction(self.tr("打印部门逾期催办单…"))
            dept.triggered.connect(lambda _c=False: self.print_department_reminders())
        self._update_actions()

    def _record_action(self, text: str, slot: Any, shortcut: str, tooltip: str) -> QAction:
        """An action of the selected record: in the 办理 menu, the right-click and 编辑 menus."""
        action = self._action(text, slot, shortcut)
        action.setToolTip(f"{tooltip}（{shortcut}）" if tooltip else shortcut)
        action.setProperty("needs", "one")
        self.record_actions.append(action)
        self.view.addAction(action)
        return action

    # -- steps ----------------------------------------------------------------------------

    def run_step(self, key: str) -> bool:
        """Open the dialog of step `key` for the current 收文; True when it was recorded."""
        rid = self.current_id()
        if rid is None:
            return False
        spec = rules.step(key)
        try:
            workflow.check_record_step(self.store, rid, key)
            record = records.get(self.store, INCOMING_DOCUMENT, rid)
        except Exception as exc:
            messages.warn(self, spec.title, messages.error_text(exc))
            return False
        dialog = StepDialog(
            self.store,
            f"{spec.title} — {record.get('serial') or ''}",
            spec.inputs,
            lambda values: workflow.record_step(self.store, rid, key, values),
            heading=INCOMING_DOCUMENT.describe_record(record),
            defaults=step_defaults(key, record, self.store, self.now()),
            deadline_start="assigned_on" if key == "承办" else None,
            choices=self._choices(key, rid),
            parent=self,
        )
        if self.run_record_dialog(lambda _rid: dialog, rid) is None:
            return False
        self.select_id(rid, self.view.currentIndex().row())
        self.status_message.emit(self.tr("已登记{t}").format(t=spec.title))
        return True

    def _choices(self, key: str, rid: int) -> dict[str, list[str]] | None:
        """A 退回 is from one of the readers still holding the paper: offered as a list."""
        if key != "退回":
            return None
        held = rules.outstanding(workflow.readings(self.store, rid))
        return {"reader": list(dict.fromkeys(r.reader for r in held))}

    def show_history(self) -> None:
        """The current 收文's history (and undo of its last step)."""
        rid = self.run_record_dialog(lambda rid: HistoryDialog(self.store, rid, self))
        if rid is not None:
            self.select_id(rid, self.view.currentIndex().row())

    def make_supervision_item(self) -> None:
        """立为督办: a 督办 item from the current 收文's 批示, linked both ways."""
        rid = self.current_id()
        if rid is None:
            return
        try:
            item = supervision.create_from_document(self.store, rid, self.now().date())
        except WorkflowError as exc:
            messages.warn(self, self.tr("立为督办"), str(exc))
            return
        except Exception as exc:
            messages.show_error(self, exc, self.tr("立为督办"))
            return
        if self.changes is not None:
            self.changes.notify(SUPERVISION.key)
        self.status_message.emit(self.tr("已立为督办事项 {s}").format(s=item["serial"]))

    # -- 处理单 with what was recorded -------------------------------------------------------

    def slip_readings(self, record: Record) -> Sequence[Reading]:
        """The recorded 传阅, listed on the 阅文 slip."""
        return workflow.readings(self.store, record["id"])

    # -- 传阅单 and 催办单 -----------------------------------------------------------------

    def _current(self) -> Record | None:
        rid = self.current_id()
        if rid is None:
            return None
        try:
            return records.get(self.store, INCOMING_DOCUMENT, rid)
        except Exception as exc:
            messages.show_error(self, exc)
            return None

    def _unit(self) -> str:
        return str(settings.get(self.store, "unit_name"))

    def circulation_job(self, record: Record) -> Any:
        """The 传阅单 print job of a record."""
        from officedesk.printing.forms import circulation_slip

        return circulation_slip(record, workflow.readings(self.store, record["id"]), self._unit())

    def reminder_job(self, record: Record) -> Any:
        """The 催办单 print job of a record."""
        from officedesk.printing.forms import reminder_slip

        return reminder_slip(record, workflow.reminders(self.store, record["id"]), self._unit(),
                             self.now().date())  # fmt: skip

    def _preview(self, make: Callable[[Record], Any]) -> None:
        record = self._current()
        if record is None:
            return
        try:
            from officedesk.printing.service import print_with_preview

            print_with_preview(make(record), self)
        except Exception as exc:
            messages.show_error(self, exc, self.tr("打印失败"))

    def print_circulation(self) -> None:
        """Preview and print the 传阅单 of the current 收文."""
        self._preview(self.circulation_job)

    def print_reminder(self) -> None:
        """Preview and print the 催办单 of the current 收文."""
        self._preview(self.reminder_job)

    def _export(self, name: str, make: Callable[[Record], Any]) -> None:
        record = self._current()
        if record is None:
            return
        serial = str(record.get("serial") or record["id"])
        default = str(Path.home() / f"{name}_{serial.replace('/', '_')}.docx")
        path = messages.ask_save_path(self, self.tr("导出{n}").format(n=name), default,
                                      self.tr("Word 文档 (*.docx)"))  # fmt: skip
        if not path:
            return
        try:
            from officedesk.exports.docx_forms import export_table_form

            export_table_form(Path(path), make(record))
        except Exception as exc:
            messages.show_error(self, exc, self.tr("导出失败"))
            return
        text = self.tr("已导出{n}到\n{p}").format(n=name, p=path)
        if messages.offer_open(self, self.tr("导出完成"), text):
            QDesktopServices.openUrl(QUrl.fromLocalFile(path))

    def export_circulation(self) -> None:
        """Write the 传阅单 of the current 收文 as a Word file."""
        from officedesk.exports.workflow_forms import circulation_form

        self._export(self.tr("传阅单"), lambda r: circulation_form(
            r, workflow.readings(self.store, r["id"]), self._unit()))  # fmt: skip

    def export_reminder(self) -> None:
        """Write the 催办单 of the current 收文 as a Word file."""
        from officedesk.exports.workflow_forms import reminder_form

        self._export(self.tr("催办单"), lambda r: reminder_form(
            r, workflow.reminders(self.store, r["id"]), self._unit(), self.now().date()))  # fmt: skip

    def print_department_reminders(self, department: str | None = None) -> None:
        """One 催办单 listing every overdue 收文 of a department (asked for when not given)."""
        if department is None:
            record = self._current() if self.current_id() is not None else None
            department = messages.ask_text(
                self, self.tr("部门逾期催办单"), self.tr("承办部门："),
                str((record or {}).get("lead_dept") or ""),
            )  # fmt: skip
            if not department:
                return
        today = self.now().date()
        items = workflow.overdue_of_department(self.store, department.strip(), today)
        if not items:
            messages.information(self, self.tr("部门逾期催办单"),
                                 self.tr("「{d}」没有逾期未办结的收文。").format(d=department))  # fmt: skip
            return
        try:
            from officedesk.printing.forms import department_reminder_slip
            from officedesk.printing.service import print_with_preview

            print_with_preview(department_reminder_slip(department.strip(), items, self._unit(),
                                                        today), self)  # fmt: skip
        except Exception as exc:
            messages.show_error(self, exc, self.tr("打印失败"))
