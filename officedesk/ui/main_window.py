"""The main window: 工作台 and a tab per register, menus, status bar; wiring in one place."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QByteArray, QSettings, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from officedesk import __version__
from officedesk.core.registers import BY_KEY as registers_by_key
from officedesk.core.registers import INCOMING_DOCUMENT
from officedesk.core.settings import BY_KEY as SETTING_DEFAULTS
from officedesk.storage import query as queries
from officedesk.storage import settings
from officedesk.storage.db import Store
from officedesk.storage.query import Query
from officedesk.ui import messages, tasks
from officedesk.ui.archive import ArchiveTab
from officedesk.ui.archive import install as install_archive
from officedesk.ui.changes import DIRECTORY, SETTINGS, Changes
from officedesk.ui.meetings import MeetingTab
from officedesk.ui.reception import PetitionTab, ReceptionTab, VisitorTab
from officedesk.ui.register_tab import RegisterTab

HOME_KEY = "home"

# The top-level tabs in order: a label and the registers it shows (several: as sub-tabs).
TAB_LAYOUT: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("收文登记", ("documents",)),
    ("督查督办", ("supervision",)),
    ("会议安排", ("meetings",)),
    ("接待", ("visitors", "receptions", "petitions")),
    ("档案", ("archive", "archive_loans")),
)
# A register whose tab does more than the generic list (a week view, workflow actions…) names its
# RegisterTab subclass here; the others get the generic RegisterTab.
TAB_CLASSES: dict[str, type[RegisterTab]] = {
    "meetings": MeetingTab,
    "visitors": VisitorTab,
    "receptions": ReceptionTab,
    "petitions": PetitionTab,
    "archive": ArchiveTab,
}
IN_PROGRESS = ("办理中", "传阅中")


def document_summary(store: Store, today: dt.date, due_soon_days: int) -> dict[str, int]:
    """Counts of 收文 for the 工作台: overdue, due within N days (not done), in progress."""
    base = Query(INCOMING_DOCUMENT, today=today)
    overdue = queries.count(store, base.with_(overdue=True))
    # "Due soon" is a date range; Query filters are equalities, so count each day (indexed).
    due_soon = sum(
        queries.count(store, base.with_(filters=(
            ("due_date", (today + dt.timedelta(days=d)).isoformat()), ("done_on", None))))
        for d in range(due_soon_days + 1)
    )  # fmt: skip
    in_progress = sum(
        queries.count(store, base.with_(filters=(("status", s),))) for s in IN_PROGRESS
    )
    return {"overdue": overdue, "due_soon": due_soon, "in_progress": in_progress}


class HomeTab(QWidget):
    """工作台: what needs attention today. Counted in the background, so opening stays quick."""

    show_overdue = Signal()
    show_in_progress = Signal()
    open_settings = Signal()

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.counts: dict[str, int] | None = None
        self._task: tasks.Task | None = None
        self._stale = True
        box = QGroupBox(self.tr("收文办理情况"), self)
        grid = QGridLayout(box)
        grid.setHorizontalSpacing(24)
        self.numbers: dict[str, QLabel] = {}
        rows = (
            ("overdue", self.tr("已逾期（未办结）"), "#C0392B", self.show_overdue),
            ("due_soon", "", "#B7791F", None),
            ("in_progress", self.tr("在办（办理中、传阅中）"), "#1F4E79", self.show_in_progress),
        )
        self.labels: dict[str, QLabel] = {}
        for r, (key, text, colour, signal) in enumerate(rows):
            label = QLabel(text, box)
            number = QLabel("…", box)
            number.setStyleSheet(f"font-size: 20pt; font-weight: bold; color: {colour};")
            number.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            number.setMinimumWidth(number.fontMetrics().horizontalAdvance("0") * 9)
            grid.addWidget(label, r, 0)
            grid.addWidget(number, r, 1)
            if signal is not None:  # 临期 is a date range: no list view shows it yet
                button = QPushButton(self.tr("查看"), box)
                button.clicked.connect(signal.emit)
                grid.addWidget(button, r, 2)
            self.labels[key] = label
            self.numbers[key] = number
        # First start: registers print under the unit's name, so ask for it before anything else.
        self.setup_box = QGroupBox(self.tr("开始使用"), self)
        setup = QHBoxLayout(self.setup_box)
        setup.addWidget(QLabel(self.tr("登记簿、打印件和导出文件的抬头使用单位名称，请先填写。"),
                               self.setup_box))  # fmt: skip
        self.setup_button = QPushButton(self.tr("填写单位名称…"), self.setup_box)
        self.setup_button.clicked.connect(self.open_settings.emit)
        setup.addWidget(self.setup_button)
        self.when = QLabel(self)
        self.refresh_button = QPushButton(self.tr("刷新"), self)
        self.refresh_button.clicked.connect(self.refresh)
        top = QHBoxLayout()
        top.addWidget(self.when)
        top.addStretch(1)
        top.addWidget(self.refresh_button)
        column = QVBoxLayout()
        column.addWidget(self.setup_box)
        column.addLayout(top)
        column.addWidget(box)
        column.addStretch(1)
        layout = QHBoxLayout(self)
        layout.addLayout(column)
        layout.addStretch(1)  # a summary reads better as a card than stretched across the screen
        box.setMinimumWidth(460)
        self._due_soon_days = int(settings.get(store, "due_soon_days"))
        self._label_due_soon()
        self._show_setup()

    def _show_setup(self) -> None:
        """The 开始使用 box, while the unit name is still the placeholder."""
        placeholder = settings.get(self.store, "unit_name") == SETTING_DEFAULTS["unit_name"].default
        self.setup_box.setVisible(placeholder)

    def _label_due_soon(self) -> None:
        self.labels["due_soon"].setText(
            self.tr("{n} 日内到期（未办结）").format(n=self._due_soon_days)
        )

    def refresh(self) -> None:
        """Count again in a worker thread (a million rows take a moment)."""
        self._stale = False
        if self._task is not None and self._task.running:
            return
        today, days = dt.date.today(), self._due_soon_days
        self.when.setText(self.tr("正在统计…"))
        self.refresh_button.setEnabled(False)
        self._task = tasks.run_in_background(
            self.store,
            lambda reader, _progress: document_summary(reader, today, days),
            self._show, self._failed, self,
        )  # fmt: skip

    def _show(self, counts: dict[str, int]) -> None:
        self.counts = counts
        for key, number in self.numbers.items():
            number.setText(f"{counts[key]:,}")
        self.when.setText(self.tr("统计于 {t}").format(t=dt.datetime.now().strftime("%H:%M")))
        self.refresh_button.setEnabled(True)

    def _failed(self, exc: BaseException) -> None:
        self.when.setText(self.tr("统计失败"))
        self.refresh_button.setEnabled(True)
        messages.show_error(self, exc, self.tr("统计失败"))

    def on_changed(self, key: str) -> None:
        """Count again when 收文 or the settings changed (when next shown, if hidden)."""
        if key == SETTINGS:
            self._due_soon_days = int(settings.get(self.store, "due_soon_days"))
            self._label_due_soon()
            self._show_setup()
        if key in (INCOMING_DOCUMENT.key, SETTINGS):
            if self.isVisible():
                self.refresh()
            else:
                self._stale = True

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()


class MainWindow(QMainWindow):
    """办公桌 — {单位名称}: the tabs, menus and status bar."""

    def __init__(
        self,
        store: Store,
        *,
        qsettings: QSettings | None = None,
        remember: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.qsettings = (
            qsettings if qsettings is not None else QSettings("officedesk", "officedesk")
        )
        self.remember = remember
        self.changes = Changes(self)
        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.home = HomeTab(store, self)
        self.tabs.addTab(self.home, self.tr("工作台"))
        self.register_tabs: dict[str, RegisterTab] = {}
        self.sub_tabs: dict[str, QTabWidget] = {}  # a top-level tab holding several registers
        for label, keys in TAB_LAYOUT:
            group = None
            if len(keys) > 1:
                group = QTabWidget(self)
                self.tabs.addTab(group, label)
            for key in keys:
                register = registers_by_key[key]
                # Each tab counts its rows when first shown: starting costs one register, not seven.
                tab = TAB_CLASSES.get(key, RegisterTab)(
                    store, register, self.changes, self, load=False
                )
                self.register_tabs[key] = tab
                if group is None:
                    self.tabs.addTab(tab, label)
                else:
                    group.addTab(tab, register.short)
                    self.sub_tabs[key] = group
        self.document_tab = self.register_tabs[INCOMING_DOCUMENT.key]
        self.setCentralWidget(self.tabs)
        self._build_menus()
        self._build_status_bar()
        self._wire()
        self._update_title()
        self._restore_state()
        self._tab_changed(self.tabs.currentIndex())

    # -- building ------------------------------------------------------------------------

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu(self.tr("文件(&F)"))
        self.edit_menu = bar.addMenu(self.tr("编辑(&E)"))
        settings_menu = bar.addMenu(self.tr("设置(&S)"))
        help_menu = bar.addMenu(self.tr("帮助(&H)"))
        # Shown while 工作台 is current; the register tabs put their own actions in the menus.
        self._idle = {
            name: self._disabled(text)
            for name, text in (
                ("export", self.tr("导出…")), ("print", self.tr("打印…")),
                ("new", self.tr("新建")), ("edit", self.tr("修改")),
                ("void", self.tr("作废")), ("bin", self.tr("回收站")),
            )
        }  # fmt: skip
        self.backup_action = self._disabled(self.tr("备份…"))
        self.backup_action.setToolTip(self.tr("备份功能将在后续版本提供"))
        self.quit_action = QAction(self.tr("退出"), self)
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self.quit_action.triggered.connect(self.close)
        self.settings_action = settings_menu.addAction(self.tr("单位设置…"))
        self.settings_action.triggered.connect(self.open_settings)
        self.directory_action = settings_menu.addAction(self.tr("通讯录…"))
        self.directory_action.triggered.connect(self.open_directory)
        about = help_menu.addAction(self.tr("关于办公桌"))
        about.triggered.connect(self.about)

    def _disabled(self, text: str) -> QAction:
        action = QAction(text, self)
        action.setEnabled(False)
        return action

    def _fill_menus(self, tab: RegisterTab | None) -> None:
        """Put the current tab's actions (with their shortcuts) in the 文件 and 编辑 menus."""
        idle = self._idle
        self.file_menu.clear()
        self.file_menu.addAction(tab.export_action if tab else idle["export"])
        self.file_menu.addAction(tab.print_action if tab else idle["print"])
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.backup_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)
        self.edit_menu.clear()
        if tab is None:
            for name in ("new", "edit", "void"):
                self.edit_menu.addAction(idle[name])
            self.edit_menu.addSeparator()
            self.edit_menu.addAction(idle["bin"])
            return
        for action in (tab.new_action, tab.edit_action, tab.void_action):
            self.edit_menu.addAction(action)
        self.edit_menu.addSeparator()
        self.edit_menu.addAction(tab.bin_action)
        if tab.attach_action is not None:
            self.edit_menu.addAction(tab.attach_action)
        if tab.record_actions:
            self.edit_menu.addSeparator()
            self.edit_menu.addActions(tab.record_actions)
        if tab.slip_menu is not None:
            self.file_menu.insertMenu(self.backup_action, tab.slip_menu)
        self.edit_menu.addSeparator()
        self.edit_menu.addAction(tab.find_action)

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        self.count_label = QLabel(self)
        self.folder_label = QLabel(self.tr("数据文件夹：{p}").format(p=self.store.data_dir), self)
        self.folder_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        bar.addWidget(self.count_label)
        bar.addPermanentWidget(self.folder_label)

    def _wire(self) -> None:
        """Every signal between tabs, in one place."""
        self.changes.changed.connect(self._on_changed)
        for tab in self.register_tabs.values():
            tab.count_changed.connect(lambda _n, t=tab: self._show_count(t))
            tab.status_message.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self.home.show_overdue.connect(lambda: self.show_documents(overdue=True))
        self.home.show_in_progress.connect(lambda: self.show_documents(status="办理中"))
        self.home.open_settings.connect(self.open_settings)
        self.tabs.currentChanged.connect(self._tab_changed)
        for group in set(self.sub_tabs.values()):
            group.currentChanged.connect(lambda _i: self._tab_changed(self.tabs.currentIndex()))
        install_archive(self)

    # -- reacting ------------------------------------------------------------------------

    def _on_changed(self, key: str) -> None:
        for tab in self.register_tabs.values():
            tab.on_changed(key)
        self.home.on_changed(key)
        if key == SETTINGS:
            self._update_title()

    def current_register_tab(self) -> RegisterTab | None:
        """The register tab in front (inside a group of sub-tabs too), or None on 工作台."""
        widget = self.tabs.currentWidget()
        if isinstance(widget, QTabWidget):
            widget = widget.currentWidget()
        return widget if isinstance(widget, RegisterTab) else None

    def show_register(self, key: str) -> RegisterTab:
        """Bring the tab of register `key` to the front (and its group's sub-tab)."""
        tab = self.register_tabs[key]
        group = self.sub_tabs.get(key)
        if group is not None:
            group.setCurrentWidget(tab)
            self.tabs.setCurrentWidget(group)
        else:
            self.tabs.setCurrentWidget(tab)
        return tab

    def _tab_changed(self, _index: int) -> None:
        tab = self.current_register_tab()
        self._fill_menus(tab)
        self._show_count(tab)
        if tab is not None:
            tab.view.setFocus()

    def _show_count(self, tab: RegisterTab | None) -> None:
        if tab is not self.current_register_tab():
            return
        if tab is None:
            self.count_label.setText("")
            return
        n = tab.model.rowCount()
        self.count_label.setText(
            self.tr("{name}：共 {n} 条").format(name=tab.register.short, n=f"{n:,}")
        )

    def _update_title(self) -> None:
        unit = str(settings.get(self.store, "unit_name"))
        self.setWindowTitle(self.tr("办公桌 — {unit}").format(unit=unit))

    def show_documents(self, *, overdue: bool = False, status: str | None = None) -> None:
        """Bring 收文登记 to the front with a view chosen on 工作台."""
        tab = self.show_register(INCOMING_DOCUMENT.key)
        if tab.overdue_check is not None:
            tab.overdue_check.setChecked(overdue)
        combo = tab.filter_combos.get("status")
        if combo is not None:
            combo.set_value(status)
        tab.apply_filters()

    # -- menu actions --------------------------------------------------------------------

    def open_settings(self) -> None:
        """单位设置 (unit name, serial templates, 临期 days, holidays)."""
        from officedesk.ui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.store, self)
        if dialog.exec():
            self.changes.notify(SETTINGS)
        dialog.deleteLater()

    def open_directory(self) -> None:
        """通讯录: departments, people and outside units."""
        from officedesk.ui.directory_dialog import DirectoryDialog

        dialog = DirectoryDialog(self.store, self)
        dialog.exec()
        dialog.deleteLater()
        self.changes.notify(DIRECTORY)

    def about(self) -> None:
        """Version and data folder."""
        QMessageBox.about(
            self, self.tr("关于办公桌"),
            self.tr("办公桌 {v}\n收文、督办、会议、接待与档案登记\n\n数据文件夹：{p}").format(
                v=__version__, p=self.store.data_dir),
        )  # fmt: skip

    # -- window state --------------------------------------------------------------------

    def _restore_state(self) -> None:
        geometry = self.qsettings.value("window/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(1400, 900)
        last = self.qsettings.value("window/tab", HOME_KEY)
        if last in self.register_tabs:
            self.show_register(str(last))

    def save_state(self) -> None:
        """Remember the window's size and position and the tab in front."""
        self.qsettings.setValue("window/geometry", self.saveGeometry())
        tab = self.current_register_tab()
        self.qsettings.setValue("window/tab", tab.register.key if tab else HOME_KEY)
        self.qsettings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        tasks.cancel_all()
        if self.remember:
            self.save_state()
        super().closeEvent(event)
