"""The unit's settings (declared once in core.settings) and its holiday/调休 table."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from officedesk.core.docnumber import check_serial_template, format_serial
from officedesk.core.registers import REGISTERS
from officedesk.core.settings import BY_KEY, SETTINGS, Setting
from officedesk.core.values import parse_date
from officedesk.storage import records, settings
from officedesk.storage.db import Store
from officedesk.storage.errors import StorageError, ValidationError
from officedesk.ui import messages, widgets

HOLIDAY_KINDS = ("放假", "上班")  # 上班: a 调休 weekend working day
HOLIDAY_HINT = (
    "国家法定节假日和调休已内置（2004–2026 年）。这里填写本单位的特殊安排，"
    "或尚未内置年份的放假和调休上班日；这里的安排优先。"
)


class HolidayProblem(ValueError):
    """A row of the holiday table that cannot be saved."""

    def __init__(self, row: int, column: int, message: str) -> None:
        super().__init__(message)
        self.row, self.column = row, column


class SettingsDialog(QDialog):
    """Edit every declared setting and the holiday table; saving checks all before writing any."""

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.setWindowTitle(self.tr("单位设置"))
        self.editors: dict[str, QLineEdit | QSpinBox | QComboBox] = {}
        self.previews: dict[str, QLabel] = {}
        self.tabs = QTabWidget()
        groups = list(dict.fromkeys(s.group for s in SETTINGS))
        for group in groups:
            self.tabs.addTab(self._settings_page(group), self.tr(group))
        self.holiday_tab = len(groups)
        self.tabs.addTab(self._holiday_page(), self.tr("节假日与调休"))
        buttons = QDialogButtonBox()
        self.save_button = buttons.addButton(
            self.tr("保存"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        buttons.addButton(self.tr("取消"), QDialogButtonBox.ButtonRole.RejectRole)
        self.save_button.setDefault(True)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(buttons)
        self.resize(640, 420)

    # -- settings page ----------------------------------------------------------------------

    def _settings_page(self, group: str) -> QWidget:
        page = QWidget()
        grid = QGridLayout(page)
        grid.setVerticalSpacing(4)
        row = 0
        for s in SETTINGS:
            if s.group != group:
                continue
            label = QLabel(self.tr(s.label))
            label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            editor = self._editor(s)
            label.setBuddy(editor)
            grid.addWidget(label, row, 0)
            grid.addWidget(editor, row, 1)
            row += 1
            if s.key.endswith("serial_template"):
                preview = QLabel()
                self.previews[s.key] = preview
                assert isinstance(editor, QLineEdit)
                editor.textChanged.connect(lambda _t, key=s.key: self._show_preview(key))
                self._show_preview(s.key)
                grid.addWidget(preview, row, 1)
                row += 1
            if s.help:
                note = QLabel(self.tr(s.help))
                note.setStyleSheet("color: #777;")
                note.setWordWrap(True)
                grid.addWidget(note, row, 1)
                row += 1
            grid.setRowMinimumHeight(row, 6)
            row += 1
        grid.setColumnStretch(1, 1)
        grid.setRowStretch(row, 1)
        return page

    def _editor(self, s: Setting) -> QLineEdit | QSpinBox | QComboBox:
        value = settings.get(self.store, s.key)
        editor: QLineEdit | QSpinBox | QComboBox
        if s.choices:
            editor = QComboBox()
            editor.addItems(list(s.choices))
            editor.setCurrentText(str(value))
        elif s.kind is int:
            editor = QSpinBox()
            editor.setRange(0, 3650)
            editor.setValue(int(value))
            editor.setSuffix(self.tr(" 天") if s.key.endswith("_days") else "")
            editor.setMaximumWidth(120)
        else:
            editor = QLineEdit(str(value))
        editor.setObjectName(s.key)
        editor.setAccessibleName(s.label)
        self.editors[s.key] = editor
        return editor

    def _show_preview(self, key: str) -> None:
        """The number the next row will get with the template as typed, or what is wrong with it."""
        label = self.previews[key]
        editor = self.editors[key]
        assert isinstance(editor, QLineEdit)
        template = editor.text()
        problem = check_serial_template(template)
        if problem:
            label.setText(problem)
            label.setStyleSheet("color: #c0392b;")
            return
        year = dt.date.today().year
        register = next(r for r in REGISTERS if r.serial_setting == key)
        try:
            stored = settings.get(self.store, key)
            text = (
                records.preview_serial(self.store, register, year)
                if template == stored
                else format_serial(template, year, 1)  # a new template starts a new series
            )
        except StorageError:
            text = format_serial(template, year, 1)
        label.setText(self.tr("下一个编号：{serial}").format(serial=text))
        label.setStyleSheet("color: #1e6b3a;")

    def setting_values(self) -> dict[str, Any]:
        """The settings as typed."""
        return {
            key: (
                e.value()
                if isinstance(e, QSpinBox)
                else e.currentText()
                if isinstance(e, QComboBox)
                else e.text().strip()
            )
            for key, e in self.editors.items()
        }

    # -- holiday page -----------------------------------------------------------------------

    def _holiday_page(self) -> QWidget:
        page = QWidget()
        hint = QLabel(self.tr(HOLIDAY_HINT))
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #555;")
        self.holiday_table = QTableWidget(0, 3)
        self.holiday_table.setHorizontalHeaderLabels(
            [self.tr("日期"), self.tr("休/班"), self.tr("说明")]
        )
        self.holiday_table.verticalHeader().setVisible(False)
        header = self.holiday_table.horizontalHeader()
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.holiday_table.setColumnWidth(0, 130)
        self.holiday_table.setColumnWidth(1, 90)
        self.holiday_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.holiday_table.setTabKeyNavigation(True)
        self.holiday_table.setAccessibleName(self.tr("节假日与调休"))
        add = QPushButton(self.tr("添加一天"))
        remove = QPushButton(self.tr("删除所选"))
        add.setAutoDefault(False)
        remove.setAutoDefault(False)
        add.clicked.connect(lambda: self.add_holiday_row())
        remove.clicked.connect(self.remove_selected_holidays)
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(remove)
        buttons.addStretch(1)
        layout = QVBoxLayout(page)
        layout.addWidget(hint)
        layout.addWidget(self.holiday_table)
        layout.addLayout(buttons)
        self.stored_days: set[dt.date] = set()
        for day, workday, note in settings.holidays(self.store):
            self.add_holiday_row(day.isoformat(), workday, note, focus=False)
            self.stored_days.add(day)
        return page

    def add_holiday_row(
        self, day: str = "", workday: bool = False, note: str = "", focus: bool = True
    ) -> int:
        """A new row in the holiday table; the cursor goes to its date."""
        table = self.holiday_table
        row = table.rowCount()
        table.insertRow(row)
        date_item = QTableWidgetItem(day)
        table.setItem(row, 0, date_item)
        kind = widgets.ChoiceEdit(HOLIDAY_KINDS)
        kind.set_value(HOLIDAY_KINDS[1] if workday else HOLIDAY_KINDS[0])
        table.setCellWidget(row, 1, kind)
        table.setItem(row, 2, QTableWidgetItem(note))
        if focus:
            table.setCurrentCell(row, 0)
            table.setFocus()
            table.editItem(date_item)
        return row

    def remove_selected_holidays(self) -> None:
        """Drop the selected rows (the national calendar applies to those days again)."""
        rows = sorted({i.row() for i in self.holiday_table.selectedIndexes()}, reverse=True)
        if not rows and self.holiday_table.currentRow() >= 0:
            rows = [self.holiday_table.currentRow()]
        for row in rows:
            self.holiday_table.removeRow(row)

    def holiday_values(self) -> dict[dt.date, tuple[bool, str]]:
        """The table as dates → (working day, note); HolidayProblem names the row and column."""
        out: dict[dt.date, tuple[bool, str]] = {}
        first_row: dict[dt.date, int] = {}
        table = self.holiday_table
        for row in range(table.rowCount()):
            date_item, note_item = table.item(row, 0), table.item(row, 2)
            text = date_item.text().strip() if date_item else ""
            note = note_item.text().strip() if note_item else ""
            kind = table.cellWidget(row, 1)
            assert isinstance(kind, widgets.ChoiceEdit)
            if not text:
                if not note:
                    continue  # an empty row added by mistake
                raise HolidayProblem(
                    row, 0, self.tr("节假日第 {row} 行「日期」必须填写").format(row=row + 1)
                )
            try:
                day = parse_date(text)
            except ValueError:
                message = self.tr(
                    "节假日第 {row} 行「日期」不是有效日期（应如 2024-10-01）：{text}"
                )
                raise HolidayProblem(row, 0, message.format(row=row + 1, text=text)) from None
            if day in out:
                message = self.tr("节假日第 {row} 行「日期」{day} 与第 {first} 行重复")
                raise HolidayProblem(
                    row, 0, message.format(row=row + 1, day=day, first=first_row[day] + 1)
                )
            first_row[day] = row
            out[day] = (kind.value() == HOLIDAY_KINDS[1], note)
        return out

    # -- saving ---------------------------------------------------------------------------

    def _problem(self, message: str, key: str | None) -> None:
        messages.warn(self, self.tr("无法保存设置"), message)
        if key in self.editors:
            groups = list(dict.fromkeys(s.group for s in SETTINGS))
            self.tabs.setCurrentIndex(groups.index(BY_KEY[key].group))
            self.editors[key].setFocus()

    def save(self) -> bool:
        """Check every setting and holiday row, then write them all in one transaction."""
        values = self.setting_values()
        for s in SETTINGS:
            problem = s.check(values[s.key])
            if problem:
                named = problem if s.label in problem else f"「{self.tr(s.label)}」{problem}"
                self._problem(named, s.key)
                return False
        try:
            days = self.holiday_values()
        except HolidayProblem as exc:
            messages.warn(self, self.tr("无法保存设置"), str(exc))
            self.tabs.setCurrentIndex(self.holiday_tab)
            self.holiday_table.setCurrentCell(exc.row, exc.column)
            self.holiday_table.setFocus()
            return False
        try:
            with self.store.transaction():
                settings.set_many(self.store, values)
                for day in self.stored_days - days.keys():
                    settings.remove_holiday(self.store, day)
                for day, (workday, note) in sorted(days.items()):
                    settings.set_holiday(self.store, day, workday, note)
        except ValidationError as exc:
            self._problem(str(exc), exc.field)
            return False
        except StorageError as exc:
            messages.warn(self, self.tr("保存设置失败"), str(exc))
            return False
        self.stored_days = set(days)
        self.accept()
        return True
