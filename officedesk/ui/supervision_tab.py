"""督查督办 tab: the ledger list, its form, and the log actions (进展, 催办, 延期, 办结, 审核)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from officedesk.core import supervision as rules
from officedesk.core.fields import Record, Register
from officedesk.core.registers import BY_KEY, SUPERVISION
from officedesk.storage import records, settings, supervision
from officedesk.storage.db import Store
from officedesk.ui import messages
from officedesk.ui.changes import SETTINGS, Changes
from officedesk.ui.record_form import RecordForm
from officedesk.ui.register_tab import RegisterTab
from officedesk.ui.workflow.step_dialog import StepDialog

Now = Callable[[], dt.datetime]


class SupervisionForm(RecordForm):
    """A 督办 item typed by hand or corrected; status, 办结 and 审核 come from the log actions."""

    EXCLUDED = ("status", "source_register", "source_id", "extended", "done_on", "result",
                "review")  # fmt: skip

    def after_save(self, saved: Record) -> None:
        parent = self.parent()
        now = getattr(parent, "now", None)
        today = now().date() if callable(now) else None
        supervision.recompute(self.store, int(saved["id"]), today)


class LogDialog(QDialog):
    """督办记录 of one item: every entry in order; undo of the last one."""

    def __init__(
        self,
        store: Store,
        item_id: int,
        parent: QWidget | None = None,
        *,
        today: dt.date | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.today = today
        self.item_id = item_id
        self.changed = False
        self.heading = QLabel(self)
        self.heading.setWordWrap(True)
        self.view = QPlainTextEdit(self)
        self.view.setReadOnly(True)
        self.undo_button = QPushButton(self.tr("撤销最近一条(Ctrl+Z)"), self)
        QShortcut(QKeySequence.StandardKey.Undo, self, activated=self.undo)
        self.undo_button.clicked.connect(self.undo)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("关闭"))
        buttons.rejected.connect(self.reject)
        buttons.addButton(self.undo_button, QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.view, 1)
        layout.addWidget(buttons)
        self.setWindowTitle(self.tr("督办记录"))
        self.resize(self.fontMetrics().horizontalAdvance("国") * 56, 420)
        self.load()

    def load(self) -> None:
        """Read the item and its log again."""
        item = records.get(self.store, SUPERVISION, self.item_id)
        head = f"{SUPERVISION.describe_record(item)}　状态：{item.get('status') or ''}"
        if item.get("source_text"):
            head += f"\n来源：{item['source_text']}"
        self.heading.setText(head)
        lines = [supervision.log_line(e) for e in supervision.log(self.store, self.item_id)]
        self.view.setPlainText("\n".join(lines) or self.tr("（尚无记录）"))
        self.undo_button.setEnabled(any(not e["undone_at"] for e in
                                        supervision.log(self.store, self.item_id)))  # fmt: skip

    def text(self) -> str:
        """What the dialog shows (tests)."""
        return self.heading.text() + "\n" + self.view.toPlainText()

    def undo(self) -> None:
        """Undo the latest entry after asking."""
        if not messages.ask(self, self.tr("撤销"), self.tr("撤销最近一条督办记录吗？")):
            return
        try:
            supervision.undo_last_log(self.store, self.item_id, self.today)
        except Exception as exc:
            messages.show_error(self, exc, self.tr("撤销失败"))
            return
        self.changed = True
        self.load()


class SupervisionTab(RegisterTab):
    """督办台账 with its log actions; statuses are brought up to today when the list loads."""

    open_source = Signal(str, int)  # register key, record id

    def __init__(
        self,
        store: Store,
        register: Register = SUPERVISION,
        changes: Changes | None = None,
        parent: QWidget | None = None,
        *,
        load: bool = True,
        now: Now | None = None,
    ) -> None:
        self.now: Now = now or dt.datetime.now
        self._status_day: dt.date | None = None
        if load:
            self._bring_status_up_to_date(store)
        super().__init__(store, register, changes, parent, load=load)
        self.log_actions: dict[str, QAction] = {}
        for kind, (title, _inputs, shortcut) in rules.LOG_STEPS.items():
            self.log_actions[kind] = self.add_record_action(
                title, lambda k=kind: self.run_log(k), shortcut,
                tooltip=self.tr("{t}（{k}）").format(t=title, k=shortcut),
            )  # fmt: skip
        self.log_view_action = self.add_record_action(
            self.tr("督办记录"), self.show_log, "Ctrl+H",
            tooltip=self.tr("进展、催办、延期、办结、审核的记录；可撤销最近一条（Ctrl+H）"),
        )  # fmt: skip
        self.source_action = self.add_record_action(
            self.tr("打开来源"), self.show_source, "Ctrl+Shift+O",
            tooltip=self.tr("打开这条督办事项来源的收文或会议（Ctrl+Shift+O）"),
        )  # fmt: skip
        self.report_action = self.add_record_action(
            self.tr("督办通报…"), self.export_report, None,
            tooltip=self.tr("按单位列出已办结、临期和逾期事项的督办通报（Word）"), needs="none",
        )  # fmt: skip

    def _bring_status_up_to_date(self, store: Store) -> None:
        today = self.now().date()
        if self._status_day == today:
            return
        try:
            supervision.refresh_status(store, today, int(settings.get(store, "due_soon_days")))
        except Exception as exc:  # a read-only or busy file: the list still shows
            messages.log.warning("督办状态未能更新：%s", exc)
        self._status_day = today

    def on_changed(self, key: str) -> None:
        super().on_changed(key)
        if key == SETTINGS:
            # A new 临期提醒天数 moves items between 在办 and 临期 today, not only tomorrow.
            self._status_day = None
            super().on_changed(self.register.key)

    def ensure_loaded(self) -> None:
        self._bring_status_up_to_date(self.store)
        super().ensure_loaded()

    def refresh(self) -> None:
        self._bring_status_up_to_date(self.store)
        super().refresh()

    def make_form(self, record_id: int | None) -> QDialog:
        return SupervisionForm(self.store, SUPERVISION, record_id, self)

    def run_log(self, kind: str) -> bool:
        """Open the dialog of log entry `kind` for the current item; True when recorded."""
        rid = self.current_id()
        if rid is None:
            return False
        title, inputs, _shortcut = rules.LOG_STEPS[kind]
        try:
            item = records.get(self.store, SUPERVISION, rid)
        except Exception as exc:
            messages.show_error(self, exc)
            return False
        today = self.now().date()
        defaults: Record = {i.name: today for i in inputs if i.kind.value == "date"}
        if kind == "延期":
            defaults["new_due"] = None
        if kind == "审核":
            defaults["answer"] = "通过"
        dialog = StepDialog(
            self.store, f"{title} — {item.get('serial') or ''}", inputs,
            lambda values: supervision.add_log(self.store, rid, kind, values, today),
            heading=SUPERVISION.describe_record(item), defaults=defaults, parent=self,
        )  # fmt: skip
        accepted = self.run_record_dialog(lambda _rid: dialog, rid) is not None
        if accepted:
            self.select_id(rid, self.view.currentIndex().row())
            self.status_message.emit(self.tr("已登记{t}").format(t=title))
        return accepted

    def show_log(self) -> None:
        """The current item's log, with undo of its last entry."""
        self.run_record_dialog(
            lambda rid: LogDialog(self.store, rid, self, today=self.now().date())
        )

    def show_source(self) -> None:
        """Open the 收文 (or meeting) this item came from."""
        rid = self.current_id()
        if rid is None:
            return
        item = records.get(self.store, SUPERVISION, rid)
        key, source = item.get("source_register"), item.get("source_id")
        if not key or not source or key not in BY_KEY:
            messages.warn(self, self.tr("打开来源"),
                          self.tr("这条督办事项没有关联的来源记录。"))  # fmt: skip
            return
        source_register = BY_KEY[str(key)]
        try:
            row = records.get(self.store, source_register, int(source))
        except KeyError:
            row = None
        if row is None or row["voided_at"]:
            # The link stays (restoring the source brings it back); say where the row is.
            messages.warn(self, self.tr("打开来源"), self.tr(
                "来源记录「{t}」已作废，在「{r}」的回收站中；恢复后才能打开。").format(
                    t=item.get("source_text") or source, r=source_register.short))  # fmt: skip
            return
        self.open_source.emit(str(key), int(source))

    def export_report(self, path: str | None = None) -> Path | None:
        """Write the 督办通报 (.docx): completed, due and overdue items by unit."""
        today = self.now().date()
        if path is None:
            default = str(Path.home() / f"督办通报_{today.isoformat()}.docx")
            path = messages.ask_save_path(self, self.tr("督办通报"), default,
                                          self.tr("Word 文档 (*.docx)"))  # fmt: skip
            if not path:
                return None
        try:
            from officedesk.exports.supervision_report import write_store_report  # Word: lazily

            write_store_report(self.store, Path(path), today)
        except Exception as exc:
            messages.show_error(self, exc, self.tr("导出失败"))
            return None
        text = self.tr("已导出督办通报到\n{p}").format(p=path)
        if messages.offer_open(self, self.tr("导出完成"), text):
            QDesktopServices.openUrl(QUrl.fromLocalFile(path))
        return Path(path)
