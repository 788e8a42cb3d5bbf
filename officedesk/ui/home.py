"""工作台: the sections every register contributes (storage.agenda), each line opening its record.

Collected in a worker thread so opening stays quick on a million rows. While the program stays
open the tab re-checks when the date changes (a timer to the next midnight, and a minute timer
that notices a clock jump) and shows a notice, not a modal box, for what has just become due.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from officedesk.core.settings import BY_KEY as SETTING_DEFAULTS
from officedesk.storage import agenda, settings
from officedesk.storage.agenda import AgendaLine, AgendaSection
from officedesk.storage.db import Store
from officedesk.ui import messages, tasks
from officedesk.ui.changes import DIRECTORY, SETTINGS

LINE_ROLE = Qt.ItemDataRole.UserRole
CLOCK_CHECK_MS = 60_000  # a clock changed by hand (or a laptop woken) is noticed within a minute
ALERT_BUCKETS = ("已逾期", "今日到期")  # a line newly in one of these raises the notice
BUCKET_COLOURS = {"已逾期": "#C0392B", "今日到期": "#B7791F"}
MAIN_SECTION = "due"  # storage.due_items: the long 收文/督办 list takes the left pane

Now = Callable[[], dt.datetime]


def line_key(line: AgendaLine) -> tuple[str, int, str]:
    """What makes a line the same line on another day: its record and its bucket."""
    return (line.register, line.record_id, line.bucket)


class HomeTab(QWidget):
    """工作台: 今日到期 / N日内到期 / 已逾期 across the registers, and what other areas add."""

    open_record = Signal(str, int)  # register key, record id
    open_settings = Signal()
    loaded = Signal()
    notice_raised = Signal(str)
    date_changed = Signal()  # the lists' lights and 督办 statuses move with the date too

    def __init__(
        self, store: Store, parent: QWidget | None = None, *, now: Now | None = None
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.now: Now = now or dt.datetime.now
        self.today = self.now().date()
        self.sections: list[AgendaSection] | None = None
        self.notice_text = ""
        self._task: tasks.Task | None = None
        self._stale = True
        self._pending_notice = False
        self._previous: set[tuple[str, int, str]] | None = None
        self._due_soon_days = int(settings.get(store, "due_soon_days"))

        # First start: registers print under the unit's name, so ask for it before anything else.
        self.setup_box = QGroupBox(self.tr("开始使用"), self)
        setup = QHBoxLayout(self.setup_box)
        setup.addWidget(QLabel(self.tr("登记簿、打印件和导出文件的抬头使用单位名称，请先填写。"),
                               self.setup_box))  # fmt: skip
        self.setup_button = QPushButton(self.tr("填写单位名称…"), self.setup_box)
        self.setup_button.clicked.connect(self.open_settings.emit)
        setup.addStretch(1)
        setup.addWidget(self.setup_button)

        self.notice = QFrame(self)
        self.notice.setStyleSheet("QFrame { background:#fff3cd; border:1px solid #e0b252; }")
        row = QHBoxLayout(self.notice)
        self.notice_label = QLabel(self.notice)
        self.notice_label.setWordWrap(True)
        self.notice_label.setStyleSheet("border:none; color:#7a4b00;")
        close = QPushButton(self.tr("知道了"), self.notice)
        close.clicked.connect(self.dismiss_notice)
        row.addWidget(self.notice_label, 1)
        row.addWidget(close)
        self.notice.hide()

        self.when = QLabel(self)
        self.refresh_button = QPushButton(self.tr("刷新(F5)"), self)
        self.refresh_button.clicked.connect(self.refresh)
        self.print_button = QPushButton(self.tr("打印清单…"), self)
        self.print_button.setToolTip(self.tr("预览并打印这份待办清单（Ctrl+P）"))
        self.print_button.clicked.connect(self.print_list)
        self.pdf_button = QPushButton(self.tr("存为 PDF…"), self)
        self.pdf_button.clicked.connect(self.save_pdf)
        top = QHBoxLayout()
        top.addWidget(self.when)
        top.addStretch(1)
        for b in (self.refresh_button, self.print_button, self.pdf_button):
            top.addWidget(b)

        # Two panes: the 收文/督办 due list on the left can run to hundreds of lines; today's
        # meetings, visitors on site, petitions and loans are short and stay in sight beside it.
        self.tree = self._new_tree()
        self.side_tree = self._new_tree()
        self.trees = (self.tree, self.side_tree)
        self.panes = QSplitter(Qt.Orientation.Horizontal, self)
        self.panes.addWidget(self.tree)
        self.panes.addWidget(self.side_tree)
        self.panes.setStretchFactor(0, 3)
        self.panes.setStretchFactor(1, 2)
        self.panes.setChildrenCollapsible(False)

        layout = QVBoxLayout(self)
        layout.addWidget(self.setup_box)
        layout.addWidget(self.notice)
        layout.addLayout(top)
        layout.addWidget(self.panes, 1)
        for keys, slot in (("F5", self.refresh), (QKeySequence.StandardKey.Print, self.print_list)):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)

        self.midnight = QTimer(self)
        self.midnight.setSingleShot(True)
        self.midnight.timeout.connect(self.check_date)
        self.clock = QTimer(self)
        self.clock.setInterval(CLOCK_CHECK_MS)
        self.clock.timeout.connect(self.check_date)
        self.clock.start()
        self._arm_midnight()
        self._show_setup()

    # -- the date -----------------------------------------------------------------------------

    def _arm_midnight(self) -> None:
        now = self.now()
        midnight = dt.datetime.combine(now.date() + dt.timedelta(days=1), dt.time())
        ms = int((midnight - now).total_seconds() * 1000) + 1000  # a second past, to be sure
        self.midnight.start(max(1000, ms))

    def check_date(self) -> bool:
        """Re-check when the date has changed since the list was made; True if it had."""
        today = self.now().date()
        self._arm_midnight()
        if today == self.today:
            return False
        # Only a day that has come raises the notice; a clock put back just re-counts.
        self._pending_notice = today > self.today
        self.today = today
        self.date_changed.emit()
        if self.sections is not None:
            self._previous = {line_key(ln) for s in self.sections for ln in s.lines}
        self.refresh()
        return True

    # -- loading ------------------------------------------------------------------------------

    def _show_setup(self) -> None:
        """The 开始使用 box, while the unit name is still the placeholder."""
        placeholder = settings.get(self.store, "unit_name") == SETTING_DEFAULTS["unit_name"].default
        self.setup_box.setVisible(placeholder)

    def refresh(self) -> None:
        """Collect the sections again in a worker thread."""
        self._stale = False
        if self._task is not None and self._task.running:
            self._stale = True  # a change came while collecting: once more when it ends
            return
        today, days = self.today, self._due_soon_days
        self.when.setText(self.tr("正在统计…"))
        self.refresh_button.setEnabled(False)
        self._task = tasks.run_in_background(
            self.store, lambda reader, _p: agenda.collect(reader, today, days),
            self._show, self._failed, self,
        )  # fmt: skip

    def _show(self, sections: list[AgendaSection]) -> None:
        self.sections = sections
        self.fill(sections)
        self.when.setText(self.tr("{d}　统计于 {t}").format(
            d=f"{self.today.year}年{self.today.month}月{self.today.day}日",
            t=self.now().strftime("%H:%M")))  # fmt: skip
        self.refresh_button.setEnabled(True)
        if self._pending_notice:
            self._pending_notice = False
            self._raise_notice(sections)
        self.loaded.emit()
        if self._stale and self.isVisible():
            self.refresh()

    def _failed(self, exc: BaseException) -> None:
        self.when.setText(self.tr("统计失败"))
        self.refresh_button.setEnabled(True)
        messages.show_error(self, exc, self.tr("统计失败"))

    def _new_tree(self) -> QTreeWidget:
        tree = QTreeWidget(self)
        tree.setColumnCount(1)
        tree.setHeaderHidden(True)
        tree.setUniformRowHeights(True)
        tree.itemActivated.connect(self._activated)  # Enter, double-click
        tree.setToolTip(self.tr("回车或双击一行，打开该记录；Tab 切换左右两栏"))
        return tree

    def fill(self, sections: list[AgendaSection]) -> None:
        """Show the sections: section → bucket → department · person → lines; the due list on
        the left, the other (short) sections on the right."""
        main = [s for s in sections if s.key == MAIN_SECTION]
        side = [s for s in sections if s.key != MAIN_SECTION]
        if not main:  # nothing due is still a section; without one, use the whole width
            main, side = side, []
        self._fill_tree(self.tree, main)
        self._fill_tree(self.side_tree, side)
        self.side_tree.setVisible(bool(side))

    def _fill_tree(self, tree: QTreeWidget, sections: list[AgendaSection]) -> None:
        from officedesk.printing.agenda_print import grouped

        tree.setUpdatesEnabled(False)
        tree.clear()
        bold = QFont(tree.font())
        bold.setBold(True)
        for s in sections:
            top = QTreeWidgetItem([f"{s.title}（{len(s.lines)} 项）"])
            top.setFont(0, bold)
            tree.addTopLevelItem(top)
            for note in s.notes:  # how much is not listed: first, so it is not missed
                QTreeWidgetItem(top, [note]).setForeground(0, QBrush(QColor("#777777")))
            if not s.lines:
                QTreeWidgetItem(top, [s.empty_text])
            for bucket, groups in grouped(s):
                count = sum(len(t) for _g, t in groups)
                b = QTreeWidgetItem(top, [f"{bucket}（{count} 项）"])
                b.setFont(0, bold)
                if bucket in BUCKET_COLOURS:
                    b.setForeground(0, QBrush(QColor(BUCKET_COLOURS[bucket])))
                for group, lines in groups:
                    g = QTreeWidgetItem(b, [f"{group or self.tr('其他')}（{len(lines)}）"])
                    for line in lines:
                        item = QTreeWidgetItem(g, [line.text])
                        item.setData(0, LINE_ROLE, (line.register, line.record_id))
                        if line.light is not None and line.light.background:
                            item.setBackground(0, QBrush(QColor(line.light.background)))
        tree.expandAll()
        tree.setUpdatesEnabled(True)
        first = tree.topLevelItem(0)
        if first is not None:
            tree.setCurrentItem(first)

    def line_texts(self) -> list[str]:
        """Every row of the tree as shown, indented by level (tests, the clerk's eye)."""
        out: list[str] = []

        def walk(item: QTreeWidgetItem, level: int) -> None:
            out.append("  " * level + item.text(0))
            for i in range(item.childCount()):
                walk(item.child(i), level + 1)

        for tree in self.trees:
            for i in range(tree.topLevelItemCount()):
                walk(tree.topLevelItem(i), 0)
        return out

    # -- the notice ---------------------------------------------------------------------------

    def _raise_notice(self, sections: list[AgendaSection]) -> None:
        before = self._previous or set()
        new = [ln for s in sections for ln in s.lines
               if ln.bucket in ALERT_BUCKETS and line_key(ln) not in before]  # fmt: skip
        if not new:
            return
        counts = {b: sum(1 for ln in new if ln.bucket == b) for b in ALERT_BUCKETS}
        head = self.tr("日期已到 {d}：").format(d=self.today.isoformat()) + "，".join(
            self.tr("新增{b} {n} 项").format(b=b, n=n) for b, n in counts.items() if n
        )
        shown = "\n".join(f"· {ln.bucket}　{ln.text}" for ln in new[:5])
        more = self.tr("\n……另有 {n} 项").format(n=len(new) - 5) if len(new) > 5 else ""
        self.notice_text = f"{head}\n{shown}{more}"
        self.notice_label.setText(self.notice_text)
        self.notice.show()
        self.notice_raised.emit(head)

    def dismiss_notice(self) -> None:
        """Hide the notice (知道了)."""
        self.notice.hide()

    # -- actions ------------------------------------------------------------------------------

    def _activated(self, item: QTreeWidgetItem, _column: int) -> None:
        data = item.data(0, LINE_ROLE)
        if data:
            register, record_id = data
            self.open_record.emit(str(register), int(record_id))

    def _job(self) -> Any:
        from officedesk.printing.agenda_print import agenda_document

        unit = str(settings.get(self.store, "unit_name"))
        return agenda_document(self.sections or [], unit, self.today)

    def print_list(self) -> None:
        """Preview and print the list as it stands."""
        if self.sections is None:
            return
        try:
            from officedesk.printing.service import print_with_preview

            print_with_preview(self._job(), self)
        except Exception as exc:
            messages.show_error(self, exc, self.tr("打印失败"))

    def save_pdf(self, path: str | None = None) -> Path | None:
        """Write the list as a PDF (asks where, unless `path` is given)."""
        if self.sections is None:
            return None
        if path is None:
            default = str(Path.home() / f"待办事项_{self.today.isoformat()}.pdf")
            path = messages.ask_save_path(self, self.tr("存为 PDF"), default,
                                          self.tr("PDF 文件 (*.pdf)"))  # fmt: skip
            if not path:
                return None
        try:
            from officedesk.printing.service import print_to_pdf

            print_to_pdf(self._job(), Path(path))
        except Exception as exc:
            messages.show_error(self, exc, self.tr("保存失败"))
            return None
        return Path(path)

    # -- changes ------------------------------------------------------------------------------

    def on_changed(self, key: str) -> None:
        """Collect again after a change (when next shown, if hidden)."""
        if key == SETTINGS:
            self._due_soon_days = int(settings.get(self.store, "due_soon_days"))
            self._show_setup()
        if key == DIRECTORY:
            return
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        self.tree.setFocus()  # the arrows and Enter work at once
        self.check_date()
        if self._stale:
            self.refresh()
