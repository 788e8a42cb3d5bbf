"""The painted grid of one week: meetings by day columns (time down the side) or by room rows
and day columns; click selects, double-click opens, dragging asks to move a meeting."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import QPoint, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QKeyEvent, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import (
    QSizePolicy,
    QWidget,
)

from officedesk.core.meetings import WEEKDAYS, week_days, week_start
from officedesk.storage.meetings import Slot

BY_DAY, BY_ROOM = "day", "room"
FIRST_HOUR, LAST_HOUR = 7, 21  # the day columns show 07:00–21:00; earlier/later meetings clamp
SNAP_MINUTES = 15
OTHER_PLACES = "其他地点"
COLOURS = {"党委会": "#F6D5D5", "总经理办公会": "#D9E7F5", "专题会": "#E2F0D9", "例会": "#FFF2CC"}
DEFAULT_COLOUR = "#E7E6E6"


@dataclass
class Placed:
    """A meeting drawn at `rect` (several rects when it spans days in the day view)."""

    slot: Slot
    rect: QRectF


class WeekGrid(QWidget):
    """The painted grid of one week; emits open_meeting(id) and move_requested(id, start, room)."""

    open_meeting = Signal(int)
    selection_changed = Signal()
    new_at = Signal(object)  # dt.datetime: a double-click on an empty place
    move_requested = Signal(int, object, object)  # id, new start (datetime), new room (str|None)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.monday = week_start(dt.date.today())
        self.mode = BY_DAY
        self.slots: list[Slot] = []
        self.rooms: list[str] = []
        self.placed: list[Placed] = []
        self.today = dt.date.today()
        self.selected_id: int | None = None
        self._press: QPointF | None = None
        self._dragging: Placed | None = None
        self._drag_at: QPointF | None = None
        self.setMouseTracking(False)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    # -- geometry ------------------------------------------------------------------------

    @property
    def em(self) -> int:
        return self.fontMetrics().horizontalAdvance("国")

    def head_height(self) -> float:
        return self.fontMetrics().height() * 2.4

    def side_width(self) -> float:
        return self.em * (6 if self.mode == BY_ROOM else 3.5)

    def hour_height(self) -> float:
        return self.fontMetrics().height() * 2.6

    def row_height(self) -> float:
        """The height of one room's row in the room view: enough for its busiest day."""
        return self.fontMetrics().height() * 3.2

    def room_rows(self) -> list[str]:
        names = list(self.rooms)
        if any(s.room not in self.rooms for s in self.slots):
            names.append(OTHER_PLACES)
        return names

    def _room_row_counts(self) -> list[int]:
        rows = self.room_rows()
        counts = []
        for name in rows:
            busiest = 1
            for d in week_days(self.monday):
                n = sum(
                    1 for s in self.slots if self._row_of(s) == name and s.starts_at.date() == d
                )
                busiest = max(busiest, n)
            counts.append(busiest)
        return counts

    def _row_of(self, slot: Slot) -> str:
        return slot.room if slot.room in self.rooms else OTHER_PLACES

    def sizeHint(self) -> QSize:
        if self.mode == BY_DAY:
            h = self.head_height() + self.hour_height() * (LAST_HOUR - FIRST_HOUR) + 2
        else:
            lines = self.fontMetrics().height() * 2.6
            h = self.head_height() + sum(max(1, n) * lines + 8 for n in self._room_row_counts())
        return QSize(self.em * 60, int(h))

    def minimumSizeHint(self) -> QSize:
        return QSize(self.em * 40, self.sizeHint().height())

    def column_width(self) -> float:
        return (self.width() - self.side_width() - 1) / 7

    def day_x(self, i: int) -> float:
        return self.side_width() + i * self.column_width()

    def y_of(self, t: dt.time) -> float:
        hours = t.hour + t.minute / 60 - FIRST_HOUR
        hours = min(max(hours, 0), LAST_HOUR - FIRST_HOUR)
        return self.head_height() + hours * self.hour_height()

    def time_at(self, y: float) -> dt.time:
        """The time of a height in the day view, snapped to 15 minutes."""
        minutes = (y - self.head_height()) / self.hour_height() * 60 + FIRST_HOUR * 60
        minutes = round(minutes / SNAP_MINUTES) * SNAP_MINUTES
        minutes = int(min(max(minutes, FIRST_HOUR * 60), LAST_HOUR * 60 - SNAP_MINUTES))
        return dt.time(minutes // 60, minutes % 60)

    def day_at(self, x: float) -> dt.date | None:
        if x < self.side_width():
            return None
        i = int((x - self.side_width()) // max(self.column_width(), 1))
        return self.monday + dt.timedelta(days=i) if 0 <= i < 7 else None

    def room_at(self, y: float) -> str | None:
        top = self.head_height()
        lines = self.fontMetrics().height() * 2.6
        for name, n in zip(self.room_rows(), self._room_row_counts(), strict=True):
            bottom = top + max(1, n) * lines + 8
            if top <= y < bottom:
                return name
            top = bottom
        return None

    # -- content -------------------------------------------------------------------------

    def set_week(self, monday: dt.date, slots: list[Slot], rooms: list[str]) -> None:
        """Show the week starting `monday` with these meetings and rooms."""
        self.monday, self.slots, self.rooms = monday, slots, rooms
        if self.selected_id not in {s.id for s in slots}:
            self.select(None)
        self.today = dt.date.today()
        self.updateGeometry()
        self.adjustSize()
        self._layout()
        self.update()

    def set_mode(self, mode: str) -> None:
        """By day columns (BY_DAY) or by room rows (BY_ROOM)."""
        self.mode = mode
        self.updateGeometry()
        self._layout()
        self.update()

    def resizeEvent(self, event: object) -> None:
        super().resizeEvent(event)  # type: ignore[arg-type]
        self._layout()

    def _layout(self) -> None:
        self.placed = []
        if self.mode == BY_DAY:
            self._layout_days()
        else:
            self._layout_rooms()

    def _layout_days(self) -> None:
        week_end = self.monday + dt.timedelta(days=7)
        by_day: dict[dt.date, list[Slot]] = {}
        for s in self.slots:
            d = max(s.starts_at.date(), self.monday)
            last = min(s.ends_at.date(), week_end - dt.timedelta(days=1))
            while d <= last:
                by_day.setdefault(d, []).append(s)
                d += dt.timedelta(days=1)
        for day, slots in by_day.items():
            i = (day - self.monday).days
            # Overlapping meetings share the column side by side (lanes).
            lanes: list[dt.datetime] = []
            lane_of: list[int] = []
            for s in slots:
                for k, busy_until in enumerate(lanes):
                    if busy_until <= s.starts_at:
                        lanes[k] = s.ends_at
                        lane_of.append(k)
                        break
                else:
                    lanes.append(s.ends_at)
                    lane_of.append(len(lanes) - 1)
            width = self.column_width() / max(1, len(lanes))
            for s, k in zip(slots, lane_of, strict=True):
                start = s.starts_at.time() if s.starts_at.date() == day else dt.time(FIRST_HOUR)
                end = s.ends_at.time() if s.ends_at.date() == day else dt.time(LAST_HOUR)
                top, bottom = self.y_of(start), self.y_of(end)
                bottom = max(bottom, top + self.fontMetrics().height() * 1.2)
                rect = QRectF(self.day_x(i) + k * width + 2, top + 1, width - 4, bottom - top - 2)
                self.placed.append(Placed(s, rect))

    def _layout_rooms(self) -> None:
        lines = self.fontMetrics().height() * 2.6
        top = self.head_height()
        for name, n in zip(self.room_rows(), self._room_row_counts(), strict=True):
            for i, day in enumerate(week_days(self.monday)):
                mine = [
                    s for s in self.slots if self._row_of(s) == name and s.starts_at.date() == day
                ]
                for k, s in enumerate(mine):
                    rect = QRectF(self.day_x(i) + 2, top + 4 + k * lines, self.column_width() - 4,
                                  lines - 3)  # fmt: skip
                    self.placed.append(Placed(s, rect))
            top += max(1, n) * lines + 8

    def placed_at(self, point: QPointF | QPoint) -> Placed | None:
        """The meeting drawn under `point` (the one on top)."""
        p = QPointF(point)
        for placed in reversed(self.placed):
            if placed.rect.contains(p):
                return placed
        return None

    def select(self, meeting_id: int | None) -> None:
        """Mark one meeting as the current one (the tab's actions work on it)."""
        if meeting_id != self.selected_id:
            self.selected_id = meeting_id
            self.update()
            self.selection_changed.emit()

    def rect_of(self, meeting_id: int) -> QRectF | None:
        """Where a meeting is drawn (its first block)."""
        for placed in self.placed:
            if placed.slot.id == meeting_id:
                return placed.rect
        return None

    def target_of(self, slot: Slot, point: QPointF) -> tuple[dt.datetime, str | None] | None:
        """Where dropping `slot` at `point` moves it: the new start and (room view) the room."""
        day = self.day_at(point.x())
        if day is None:
            return None
        if self.mode == BY_DAY:
            # The block's top follows the mouse: keep where in the block it was grabbed.
            rect = self._dragging.rect if self._dragging is not None else self.rect_of(slot.id)
            grab = self._press.y() - rect.top() if self._press is not None and rect else 0.0
            return dt.datetime.combine(day, self.time_at(point.y() - grab)), None
        room = self.room_at(point.y())
        if room is None:
            return None
        return dt.datetime.combine(day, slot.starts_at.time()), (None if room == OTHER_PLACES
                                                                 else room)  # fmt: skip

    # -- painting ------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.fillRect(self.rect(), QColor("white"))
        grid = QPen(QColor("#D0D0D0"))
        head = self.head_height()
        fm = self.fontMetrics()
        bold = QFont(self.font())
        bold.setBold(True)
        for i, day in enumerate(week_days(self.monday)):
            x = self.day_x(i)
            if day == self.today:
                p.fillRect(QRectF(x, 0, self.column_width(), self.height()), QColor("#FFF8E1"))
            p.setPen(grid)
            p.drawLine(QPointF(x, 0), QPointF(x, self.height()))
            p.setPen(QColor("#C0392B") if day.weekday() >= 5 else QColor("#222"))
            p.setFont(bold)
            p.drawText(QRectF(x, 0, self.column_width(), head),
                       Qt.AlignmentFlag.AlignCenter,
                       f"周{WEEKDAYS[day.weekday()]}\n{day.month}月{day.day}日")  # fmt: skip
        p.setFont(self.font())
        p.setPen(grid)
        p.drawLine(QPointF(0, head), QPointF(self.width(), head))
        if self.mode == BY_DAY:
            for h in range(FIRST_HOUR, LAST_HOUR + 1):
                y = self.y_of(dt.time(min(h, 23)) if h < 24 else dt.time(23, 59))
                if h == LAST_HOUR:
                    y = head + (LAST_HOUR - FIRST_HOUR) * self.hour_height()
                p.setPen(grid)
                p.drawLine(QPointF(self.side_width(), y), QPointF(self.width(), y))
                p.setPen(QColor("#666"))
                # The first hour's label sits under the header line, the others across theirs.
                ty = y + 2 if h == FIRST_HOUR else y - fm.height() / 2
                p.drawText(QRectF(0, ty, self.side_width() - 4, fm.height()),
                           Qt.AlignmentFlag.AlignRight, f"{h:02d}:00")  # fmt: skip
        else:
            top = head
            lines = fm.height() * 2.6
            for name, n in zip(self.room_rows(), self._room_row_counts(), strict=True):
                bottom = top + max(1, n) * lines + 8
                p.setPen(QColor("#222"))
                p.drawText(QRectF(4, top, self.side_width() - 8, bottom - top),
                           Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextWordWrap, name)  # fmt: skip
                p.setPen(grid)
                p.drawLine(QPointF(0, bottom), QPointF(self.width(), bottom))
                top = bottom
        for placed in self.placed:
            self._paint_slot(p, placed, placed.rect)
        if self._dragging is not None and self._drag_at is not None and self._press is not None:
            offset = self._drag_at - self._press
            ghost = self._dragging.rect.translated(offset)
            p.setOpacity(0.6)
            self._paint_slot(p, self._dragging, ghost)
            p.setOpacity(1.0)
        p.end()

    def _paint_slot(self, p: QPainter, placed: Placed, rect: QRectF) -> None:
        s = placed.slot
        fill = QColor("#F2F2F2") if s.cancelled else QColor(COLOURS.get(s.category, DEFAULT_COLOUR))
        p.fillRect(rect, fill)
        p.setPen(QPen(QColor("#C0392B") if s.conflict_reason else QColor("#7F7F7F"),
                      2 if s.conflict_reason else 1))  # fmt: skip
        p.drawRect(rect)
        if s.id == self.selected_id:
            p.setPen(QPen(QColor("#1F4E79"), 3))
            p.drawRect(rect.adjusted(1, 1, -1, -1))
        font = QFont(self.font())
        font.setStrikeOut(s.cancelled)
        p.setFont(font)
        p.setPen(QColor("#888") if s.cancelled else QColor("#111"))
        when = f"{s.starts_at:%H:%M}–{s.ends_at:%H:%M}"
        place = "" if self.mode == BY_ROOM and s.room in self.rooms else f" {s.room}"
        text = f"{when}{place}\n{s.name}"
        if s.cancelled:
            text += "（已取消）"
        if s.conflict_reason:
            text += " ⚠"
        p.drawText(rect.adjusted(3, 1, -2, -1),
                   Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap,
                   text)  # fmt: skip
        p.setFont(self.font())

    # -- mouse ---------------------------------------------------------------------------

    def event(self, e: object) -> bool:
        from PySide6.QtCore import QEvent
        from PySide6.QtGui import QHelpEvent
        from PySide6.QtWidgets import QToolTip

        if isinstance(e, QHelpEvent) and e.type() == QEvent.Type.ToolTip:
            placed = self.placed_at(e.pos())
            if placed is not None:
                QToolTip.showText(e.globalPos(), tooltip(placed.slot), self)
            else:
                QToolTip.hideText()
            return True
        return super().event(e)  # type: ignore[arg-type]

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() in (Qt.MouseButton.LeftButton, Qt.MouseButton.RightButton):
            placed = self.placed_at(event.position())
            self.select(placed.slot.id if placed is not None else None)
        if event.button() == Qt.MouseButton.LeftButton:
            self._press = event.position()
            self._dragging = None
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._press is None:
            return
        if self._dragging is None:
            if (event.position() - self._press).manhattanLength() < 8:
                return
            placed = self.placed_at(self._press)
            if placed is None or placed.slot.cancelled:
                return
            self._dragging = placed
        self._drag_at = event.position()
        self.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        dragging = self._dragging
        if dragging is not None:
            target = self.target_of(dragging.slot, event.position())
            self._dragging = None
            self._press = None
            self._drag_at = None
            self.update()
            if target is not None:
                start, room = target
                if start != dragging.slot.starts_at or (room and room != dragging.slot.room):
                    self.move_requested.emit(dragging.slot.id, start, room)
            return
        self._press = None
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Keyboard: ←/→ (or ↑/↓) step through the week's meetings in time order; Enter opens.
        key = event.key()
        ordered = sorted({p.slot.id: p.slot for p in self.placed}.values(),
                         key=lambda s: (s.starts_at, s.id))  # fmt: skip
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.selected_id is not None:
            self.open_meeting.emit(self.selected_id)
            return
        steps = {Qt.Key.Key_Right: 1, Qt.Key.Key_Down: 1, Qt.Key.Key_Left: -1, Qt.Key.Key_Up: -1}
        if key in steps and ordered:
            ids = [s.id for s in ordered]
            if self.selected_id in ids:
                i = min(max(ids.index(self.selected_id) + steps[key], 0), len(ids) - 1)
            else:
                i = 0 if steps[key] > 0 else len(ids) - 1
            self.select(ids[i])
            return
        super().keyPressEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        placed = self.placed_at(event.position())
        if placed is not None:
            self.open_meeting.emit(placed.slot.id)
            return
        day = self.day_at(event.position().x())
        if day is not None:
            t = self.time_at(event.position().y()) if self.mode == BY_DAY else dt.time(9)
            self.new_at.emit(dt.datetime.combine(day, t))


def tooltip(s: Slot) -> str:
    """What hovering a meeting says: time, place, chair, and a kept conflict reason."""
    lines = [s.name, f"{s.starts_at:%Y-%m-%d %H:%M}—{s.ends_at:%H:%M}　{s.room}"]
    if s.chair:
        lines.append(f"主持：{s.chair}")
    if s.cancelled:
        lines.append("已取消")
    if s.conflict_reason:
        lines.append(f"有冲突，保存理由：{s.conflict_reason}")
    return "\n".join(lines)
