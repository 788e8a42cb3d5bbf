"""The main window: 工作台 and a tab per register, menus, status bar; wiring in one place."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QItemSelectionModel, QSettings, Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QMessageBox,
    QTabWidget,
    QWidget,
)

from officedesk import __version__
from officedesk.core.registers import BY_KEY as registers_by_key
from officedesk.core.registers import INCOMING_DOCUMENT
from officedesk.storage import records, settings
from officedesk.storage.db import Store
from officedesk.ui import messages, tasks
from officedesk.ui.archive import ArchiveTab
from officedesk.ui.archive import install as install_archive
from officedesk.ui.archive.loan_tab import LoanTab
from officedesk.ui.changes import DIRECTORY, SETTINGS, Changes
from officedesk.ui.home import HomeTab
from officedesk.ui.meetings import MeetingTab
from officedesk.ui.reception import PetitionTab, ReceptionTab, VisitorTab
from officedesk.ui.register_tab import RegisterTab
from officedesk.ui.supervision_tab import SupervisionTab
from officedesk.ui.workflow.document_tab import DocumentTab

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
    "documents": DocumentTab,
    "supervision": SupervisionTab,
    "meetings": MeetingTab,
    "visitors": VisitorTab,
    "receptions": ReceptionTab,
    "petitions": PetitionTab,
    "archive": ArchiveTab,
    "archive_loans": LoanTab,
}


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
        self.home.open_record.connect(self.open_record)
        source = self.register_tabs.get("supervision")
        if isinstance(source, SupervisionTab):
            source.open_source.connect(self.open_record)
        self.home.notice_raised.connect(lambda text: self.statusBar().showMessage(text, 60000))
        self.home.date_changed.connect(self._date_changed)
        self.home.open_settings.connect(self.open_settings)
        self.tabs.currentChanged.connect(self._tab_changed)
        for group in set(self.sub_tabs.values()):
            group.currentChanged.connect(lambda _i: self._tab_changed(self.tabs.currentIndex()))
        install_archive(self)
        self._tab_keys()

    def _tab_keys(self) -> None:
        """Alt+1…Alt+6 and Ctrl+PgDown/PgUp change the top tab: the lists keep Ctrl+Tab for
        themselves, so without these the keyboard could not leave a tab."""
        for i in range(self.tabs.count()):
            keys = f"Alt+{i + 1}"
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.activated.connect(lambda i=i: self._go_to_tab(i))
            group = self.tabs.widget(i)
            if isinstance(group, QTabWidget):
                names = "/".join(group.tabText(j) for j in range(group.count()))
                keys += self.tr("（再按一次：{names}）").format(names=names)
            self.tabs.setTabToolTip(i, keys)
        for keys, step in (("Ctrl+PgDown", 1), ("Ctrl+PgUp", -1)):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.activated.connect(
                lambda step=step: self.tabs.setCurrentIndex(
                    (self.tabs.currentIndex() + step) % self.tabs.count()
                )
            )

    def _go_to_tab(self, index: int) -> None:
        """Alt+N: top tab N; pressed again on a tab of sub-tabs, the next sub-tab."""
        group = self.tabs.widget(index)
        if self.tabs.currentIndex() == index and isinstance(group, QTabWidget):
            group.setCurrentIndex((group.currentIndex() + 1) % group.count())
        self.tabs.setCurrentIndex(index)

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
            if tab.view.isVisible() and tab.model.rowCount() and not tab.selected_rows():
                # The list shows a current row: Enter/F2/Del must act on it, not do nothing.
                current = tab.view.currentIndex()
                index = tab.model.index(current.row() if current.isValid() else 0, 0)
                rows = QItemSelectionModel.SelectionFlag.ClearAndSelect
                rows |= QItemSelectionModel.SelectionFlag.Rows
                tab.view.selectionModel().setCurrentIndex(index, rows)

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

    def _date_changed(self) -> None:
        """A new day while the program is open: every list re-reads (lights, 督办 status)."""
        today = self.home.today
        for tab in self.register_tabs.values():
            if tab.model.loaded and tab.model.query.today != today:
                tab.model.setQuery(tab.model.query.with_(today=today))
            tab.on_changed(tab.register.key)

    def open_record(self, key: str, record_id: int) -> None:
        """Open a record from 工作台: its tab in front, its row selected, its form open."""
        if key not in self.register_tabs:  # a section of an area without a tab of its own
            return
        if not self._can_open(key, record_id):
            return
        tab = self.show_register(key)
        tab.ensure_loaded()
        if not tab.select_id(record_id):
            tab.search_edit.clear()  # filtered out of the list: show the whole register
            for combo in tab.filter_combos.values():
                combo.set_value(None)
            if tab.year_combo is not None:
                tab.year_combo.set_value(None)
            if tab.overdue_check is not None:
                tab.overdue_check.setChecked(False)
            tab.apply_filters()
            tab.select_id(record_id)
        tab.edit_record()

    def _can_open(self, key: str, record_id: int) -> bool:
        """False (after saying why) when the record is voided or gone: without this check the
        form of whatever row was current opened instead (打开来源 of a voided 收文)."""
        register = registers_by_key[key]
        try:
            record = records.get(self.store, register, record_id)
        except KeyError as exc:
            messages.warn(self, self.tr("打开记录"), str(exc.args[0]))
            return False
        if record.get("voided_at"):
            messages.warn(self, self.tr("打开记录"), self.tr(
                "{what}已作废，在「{name}」的回收站中；恢复后才能打开。").format(
                what=register.describe_record(record), name=register.short))  # fmt: skip
            return False
        return True

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
