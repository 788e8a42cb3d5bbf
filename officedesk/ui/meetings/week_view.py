"""The week at a glance: the week grid with its navigation (上一周 / 本周 / 下一周, 按日 /
按会议室); the tab moves a dragged meeting after the conflict check runs again."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from officedesk.core.meetings import week_start
from officedesk.storage import meetings
from officedesk.storage.db import Store
from officedesk.ui.meetings.week_grid import BY_DAY, BY_ROOM, WeekGrid


class WeekView(QWidget):
    """The week view with its navigation: 上一周 / 本周 / 下一周, 按日 / 按会议室, 打印."""

    week_changed = Signal(object)  # the Monday shown

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.grid = WeekGrid(self)
        self.prev_button = QPushButton(self.tr("◀ 上一周"), self)
        self.this_button = QPushButton(self.tr("本周"), self)
        self.next_button = QPushButton(self.tr("下一周 ▶"), self)
        self.prev_button.setToolTip(self.tr("上一周（PgUp）"))
        self.next_button.setToolTip(self.tr("下一周（PgDown）"))
        self.this_button.setToolTip(self.tr("回到本周（Home）"))
        self.prev_button.clicked.connect(lambda: self.go(-7))
        self.next_button.clicked.connect(lambda: self.go(7))
        self.this_button.clicked.connect(self.go_today)
        self.title = QLabel(self)
        self.title.setObjectName("weekTitle")
        self.title.setStyleSheet("font-weight: bold;")
        self.day_button = QPushButton(self.tr("按日"), self)
        self.room_button = QPushButton(self.tr("按会议室"), self)
        modes = QButtonGroup(self)
        for b in (self.day_button, self.room_button):
            b.setCheckable(True)
            modes.addButton(b)
        self.day_button.setChecked(True)
        self.day_button.toggled.connect(lambda on: self.set_mode(BY_DAY if on else BY_ROOM))
        self.count_label = QLabel(self)
        top = QHBoxLayout()
        for w in (self.prev_button, self.this_button, self.next_button):
            top.addWidget(w)
        top.addSpacing(12)
        top.addWidget(self.title)
        top.addStretch(1)
        top.addWidget(self.count_label)
        top.addSpacing(12)
        top.addWidget(self.day_button)
        top.addWidget(self.room_button)
        self.toolbar = top
        self.scroll = QScrollArea(self)
        self.scroll.setWidgetResizable(True)
        self.scroll.setWidget(self.grid)
        self.grid.installEventFilter(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.scroll, 1)
        self.monday = week_start(dt.date.today())
        self.loaded = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # The grid has the focus, and the scroll area around it would take PgUp/PgDown/Home
        # to scroll: the week keys are caught on their way.
        if watched is self.grid and event.type() == QEvent.Type.KeyPress:
            key = event.key()  # type: ignore[attr-defined]
            if key in (Qt.Key.Key_PageUp, Qt.Key.Key_PageDown, Qt.Key.Key_Home):
                self.keyPressEvent(event)
                return True
        return super().eventFilter(watched, event)

    def keyPressEvent(self, event: object) -> None:
        key = event.key()  # type: ignore[attr-defined]
        if key == Qt.Key.Key_PageUp:
            self.go(-7)
        elif key == Qt.Key.Key_PageDown:
            self.go(7)
        elif key == Qt.Key.Key_Home:
            self.go_today()
        else:
            super().keyPressEvent(event)  # type: ignore[arg-type]

    def go(self, days: int) -> None:
        """Move by `days` (±7: a week)."""
        self.show_week(self.monday + dt.timedelta(days=days))

    def go_today(self) -> None:
        """Back to this week."""
        self.show_week(week_start(dt.date.today()))

    def set_mode(self, mode: str) -> None:
        """按日 or 按会议室."""
        self.grid.set_mode(mode)
        self.grid.adjustSize()

    def show_week(self, monday: dt.date) -> None:
        """Read and draw the week starting `monday` (one indexed range query)."""
        self.monday = week_start(monday)
        slots = meetings.week(self.store, self.monday)
        rooms = [r["name"] for r in meetings.rooms(self.store)]
        self.grid.set_week(self.monday, slots, rooms)
        sunday = self.monday + dt.timedelta(days=6)
        self.title.setText(self.tr("{y}年{m}月{d}日 — {m2}月{d2}日（第{w}周）").format(
            y=self.monday.year, m=self.monday.month, d=self.monday.day,
            m2=sunday.month, d2=sunday.day, w=self.monday.isocalendar()[1]))  # fmt: skip
        live = sum(1 for s in slots if not s.cancelled)
        self.count_label.setText(self.tr("本周 {n} 场会议").format(n=live))
        self.loaded = True
        self.week_changed.emit(self.monday)

    def refresh(self) -> None:
        """Draw the shown week again (after a change)."""
        self.show_week(self.monday)
