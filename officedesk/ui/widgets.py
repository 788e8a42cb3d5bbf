"""Editors shared by the forms: typed dates, deadlines, pinyin pick lists, directory completion.

Every editor has `value()`, `set_value()` and an `edited` signal, so forms treat them alike.
Message boxes, file pickers and opening files go through the module functions below, which tests
replace (a modal box would block a test run).
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QDate,
    QEvent,
    QObject,
    QPoint,
    QStringListModel,
    Qt,
    QUrl,
    Signal,
)
from PySide6.QtGui import QColor, QDesktopServices, QIcon, QKeyEvent, QPainter, QPixmap
from PySide6.QtWidgets import (
    QCalendarWidget,
    QCheckBox,
    QComboBox,
    QCompleter,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from officedesk.core.pinyin import initials_variants
from officedesk.core.values import parse_date, parse_datetime
from officedesk.core.workdays import WorkCalendar, deadline

# -- replaceable interactions ----------------------------------------------------------------


def pick_files(parent: QWidget | None, title: str) -> list[str]:
    """Files the user chooses, or [] when cancelled."""
    files, _ = QFileDialog.getOpenFileNames(parent, title)
    return list(files)


def open_file(path: str) -> bool:
    """Open a file with the program Windows associates with it."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(path))


# -- dialogs ---------------------------------------------------------------------------------


class SaveDialog(QDialog):
    """A dialog where Enter saves (the subclass's `save`) and Esc cancels (reject)."""

    def save(self) -> object:
        """Check and write what the dialog holds; subclasses provide it."""
        raise NotImplementedError

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.save()
            return
        super().keyPressEvent(event)  # Esc → reject()


# -- plain editors -------------------------------------------------------------------------


class TextEdit(QLineEdit):
    """One line of text."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.textEdited.connect(self.edited)

    def value(self) -> str:
        return self.text().strip()

    def set_value(self, value: Any) -> None:
        self.setText("" if value is None else str(value))


class IntEdit(TextEdit):
    """A whole number, typed as text so that a wrong entry gets a message instead of a beep."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.setMaximumWidth(90)


class LongTextEdit(QPlainTextEdit):
    """Several lines; Tab moves on (the form is filled by keyboard), Ctrl+Enter saves the form."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None, lines: int = 2) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)
        line = self.fontMetrics().lineSpacing()
        self.setFixedHeight(line * lines + 14)
        self.textChanged.connect(self.edited)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if enter and event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            event.ignore()  # let the dialog save
            return
        super().keyPressEvent(event)

    def value(self) -> str:
        return self.toPlainText().strip()

    def set_value(self, value: Any) -> None:
        self.setPlainText("" if value is None else str(value))


class BoolEdit(QCheckBox):
    """Yes or no."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.toggled.connect(self.edited)

    def value(self) -> bool:
        return self.isChecked()

    def set_value(self, value: Any) -> None:
        self.setChecked(bool(value))


class ChoiceEdit(QComboBox):
    """One of a fixed list; typing pinyin initials (tz → 通知) jumps to a choice without an IME."""

    edited = Signal()
    TYPING_PAUSE = 1.0  # seconds after which typed letters start a new search

    def __init__(
        self, choices: Sequence[str], parent: QWidget | None = None, blank: bool = False
    ) -> None:
        super().__init__(parent)
        choices = ["", *choices] if blank and "" not in choices else list(choices)
        self.addItems(choices)
        self._typed = ""
        self._typed_at = 0.0
        self._initials = [initials_variants(c) for c in choices]
        self.currentIndexChanged.connect(self.edited)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        text = event.text()
        plain = not event.modifiers() & ~Qt.KeyboardModifier.ShiftModifier
        if plain and len(text) == 1 and text.isascii() and text.isalpha():
            now = time.monotonic()
            self._typed = (self._typed if now - self._typed_at < self.TYPING_PAUSE else "") + text
            self._typed_at = now
            for i, variants in enumerate(self._initials):
                if any(v.startswith(self._typed.lower()) for v in variants):
                    self.setCurrentIndex(i)
                    break
            return
        super().keyPressEvent(event)

    def value(self) -> str:
        return self.currentText()

    def set_value(self, value: Any) -> None:
        index = self.findText("" if value is None else str(value))
        self.setCurrentIndex(max(index, 0))


# -- dates -----------------------------------------------------------------------------------


def _calendar_icon() -> QIcon:
    """A small calendar drawn at run time (no icon files are shipped for it)."""
    pix = QPixmap(16, 16)
    pix.fill(Qt.GlobalColor.transparent)
    p = QPainter(pix)
    p.setPen(QColor("#555"))
    p.drawRect(1, 2, 13, 12)
    p.fillRect(2, 3, 12, 3, QColor("#c0392b"))
    for x in (4, 7, 10):
        for y in (8, 11):
            p.fillRect(x, y, 2, 2, QColor("#555"))
    p.end()
    return QIcon(pix)


class DateEdit(QLineEdit):
    """A date typed as 2024-03-05 (also 2024/3/5, 20240305, 2024年3月5日); F4 opens a calendar."""

    edited = Signal()
    FORMAT = "%Y-%m-%d"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText(self.example())
        self.setToolTip(self.tr("直接输入日期，如 2024-03-05；按 F4 打开日历"))
        self.setMaximumWidth(self.fontMetrics().horizontalAdvance("2024-03-05 09:30") + 44)
        action = self.addAction(_calendar_icon(), QLineEdit.ActionPosition.TrailingPosition)
        action.setToolTip(self.tr("选择日期（F4）"))
        action.triggered.connect(self.show_calendar)
        self.textEdited.connect(self.edited)
        self.editingFinished.connect(self._tidy)

    def example(self) -> str:
        """The grey hint shown while the field is empty."""
        return self.tr("如 2024-03-05")

    def parse(self, text: str) -> dt.date:
        return parse_date(text)

    def show_text(self, day: dt.date | dt.datetime) -> str:
        return day.strftime(self.FORMAT)

    def value(self) -> str:
        return self.text().strip()

    def set_value(self, value: Any) -> None:
        if isinstance(value, (dt.date, dt.datetime)):
            self.setText(self.show_text(value))
        else:
            self.setText("" if value is None else str(value))

    def date(self) -> dt.date | None:
        """The typed date, or None when empty or not a date."""
        try:
            value = self.parse(self.text())
        except ValueError:
            return None
        return value.date() if isinstance(value, dt.datetime) else value

    def _tidy(self) -> None:
        # Show what was understood (2024/3/5 → 2024-03-05) so a typo is visible at once.
        try:
            value = self.parse(self.text())
        except ValueError:
            return
        tidy = self.show_text(value)
        if tidy != self.text():
            self.setText(tidy)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        alt = bool(event.modifiers() & Qt.KeyboardModifier.AltModifier)
        if event.key() == Qt.Key.Key_F4 or (alt and event.key() == Qt.Key.Key_Down):
            self.show_calendar()
            return
        super().keyPressEvent(event)

    def show_calendar(self) -> None:
        """A calendar popup under the field; picking a day fills the field."""
        popup = QCalendarWidget(self)
        popup.setWindowFlags(Qt.WindowType.Popup)
        popup.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        popup.setGridVisible(True)
        day = self.date()
        if day is not None:
            popup.setSelectedDate(QDate(day.year, day.month, day.day))
        popup.activated.connect(lambda d: self._picked(popup, d.toPython()))
        popup.clicked.connect(lambda d: self._picked(popup, d.toPython()))
        popup.move(self.mapToGlobal(QPoint(0, self.height())))
        popup.show()
        popup.setFocus()

    def _picked(self, popup: QCalendarWidget, day: dt.date) -> None:
        self.set_value(day)
        self.edited.emit()
        popup.close()
        self.setFocus()


class DateTimeEdit(DateEdit):
    """A date and time typed as 2024-03-05 09:30 (the time may be left out)."""

    FORMAT = "%Y-%m-%d %H:%M"

    def example(self) -> str:
        return self.tr("如 2024-03-05 09:30")

    def parse(self, text: str) -> dt.datetime:
        return parse_datetime(text)

    def _picked(self, popup: QCalendarWidget, day: dt.date) -> None:
        # Picking a day keeps the time already typed.
        try:
            old = parse_datetime(self.text())
            value = dt.datetime.combine(day, old.time())
        except ValueError:
            value = dt.datetime.combine(day, dt.time())
        self.set_value(value)
        self.edited.emit()
        popup.close()
        self.setFocus()


class DeadlineEdit(QWidget):
    """A deadline as N 自然日/工作日 after a start date (the date is computed), or a typed date.

    Working days come from the calendar (national holidays plus the unit's table); a deadline
    in a year without holiday data is marked （估算）.
    """

    edited = Signal()
    UNITS = ("工作日", "自然日")

    def __init__(
        self,
        start: Callable[[], dt.date | None],
        calendar: Callable[[], WorkCalendar],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._start = start
        self._calendar = calendar
        self.estimated = False
        self.n = QSpinBox(self)
        self.n.setRange(0, 999)
        self.n.setSpecialValueText(" ")  # 0 shows blank: no period given
        self.n.setToolTip(self.tr("输入天数，按所选单位从签收日期起算；也可以直接在右边输入日期"))
        self.n.setFixedWidth(64)
        self.unit = ChoiceEdit(self.UNITS, self)
        self.date = DateEdit(self)
        self.note = QLabel("", self)
        self.note.setStyleSheet("color: #b35900;")
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.n)
        row.addWidget(self.unit)
        row.addWidget(QLabel("→", self))
        row.addWidget(self.date)
        row.addWidget(self.note)
        row.addStretch(1)
        self.setFocusProxy(self.n)
        self.n.valueChanged.connect(self._period_changed)
        self.unit.currentIndexChanged.connect(self._period_changed)
        self.date.textEdited.connect(self._date_typed)
        self.date.edited.connect(self.edited)

    def focus_chain(self) -> list[QWidget]:
        """The parts in Tab order."""
        return [self.n, self.unit, self.date]

    def _period_changed(self) -> None:
        self.recompute()
        self.edited.emit()

    def _date_typed(self) -> None:
        # A date typed by hand replaces the period: N no longer applies.
        self.n.blockSignals(True)
        self.n.setValue(0)
        self.n.blockSignals(False)
        self._set_estimated(False)

    def _set_estimated(self, estimated: bool) -> None:
        self.estimated = estimated
        self.note.setText(self.tr("（估算）") if estimated else "")
        self.note.setToolTip(
            self.tr("该年度的节假日安排尚未公布，按周一至周五估算") if estimated else ""
        )

    def recompute(self) -> None:
        """Compute the date from N and the unit (when a period is given and the start is known)."""
        n = self.n.value()
        start = self._start()
        if n <= 0 or start is None:
            if n > 0:
                self.date.clear()
                self._set_estimated(False)
            return
        due, estimated = deadline(self._calendar(), start, n, self.unit.value())
        self.date.set_value(due)
        self._set_estimated(estimated)

    def values(self) -> dict[str, Any]:
        """The due date text and how it was set, keyed like the register's fields."""
        n = self.n.value()
        return {
            "due_date": self.date.value(),
            "due_n": n or None,
            "due_unit": self.unit.value() if n else None,
            "due_estimated": self.estimated if n else False,
        }

    def set_values(self, record: dict[str, Any]) -> None:
        """Show a stored deadline."""
        for w in (self.n, self.unit):
            w.blockSignals(True)
        self.n.setValue(int(record.get("due_n") or 0))
        if record.get("due_unit"):
            self.unit.set_value(record["due_unit"])
        for w in (self.n, self.unit):
            w.blockSignals(False)
        self.date.set_value(record.get("due_date"))
        self._set_estimated(bool(record.get("due_estimated")) and bool(record.get("due_n")))


# -- completion from the directory -------------------------------------------------------------


class DirectoryCompleter(QCompleter):
    """Completion that asks `lookup` again on every keystroke (substring or pinyin initials),
    so the list is never loaded whole and `lyj` offers 省林业局."""

    def __init__(
        self, lookup: Callable[[str], list[str]], line_edit: QLineEdit, limit: int = 12
    ) -> None:
        super().__init__(line_edit)
        self._lookup = lookup
        self._model = QStringListModel(self)
        self.setModel(self._model)
        # The lookup has done the matching; the completer must not filter by prefix again.
        self.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setMaxVisibleItems(limit)
        self._line_edit = line_edit
        line_edit.setCompleter(self)
        line_edit.textEdited.connect(self.refresh)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Enter while the list is open and nothing is highlighted takes the best match (the
        # first), so `lyj` Enter gives 省林业局; Esc closes the list and keeps what was typed.
        popup = self.popup()
        if watched is popup and event.type() == QEvent.Type.KeyPress and popup.isVisible():
            assert isinstance(event, QKeyEvent)
            enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            if enter and not popup.currentIndex().isValid() and self._model.rowCount():
                popup.hide()
                self._line_edit.setText(self._model.stringList()[0])
                self._line_edit.textEdited.emit(self._line_edit.text())
                return True
        return super().eventFilter(watched, event)

    def names(self) -> list[str]:
        """What the popup currently offers."""
        return list(self._model.stringList())

    def refresh(self, text: str) -> None:
        """Re-query for `text` and show (or hide) the popup."""
        names = self._lookup(text) if text.strip() else []
        if names == [text.strip()]:
            names = []  # already complete: nothing to offer
        self._model.setStringList(names)
        if names and self._line_edit.hasFocus():
            self.complete()
        elif not names and (popup := self.popup()) is not None:
            popup.hide()


def editor_values(editors: dict[str, QWidget]) -> dict[str, Any]:
    """What editors hold, by name, as typed; a deadline editor gives its date and its period."""
    out: dict[str, Any] = {}
    for name, editor in editors.items():
        if isinstance(editor, DeadlineEdit):
            out.update(editor.values())
        else:
            out[name] = editor.value()  # type: ignore[attr-defined]
    return out
